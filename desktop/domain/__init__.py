"""Rules and calculations. No Qt, no SQL: plain Python that every front end shares."""
