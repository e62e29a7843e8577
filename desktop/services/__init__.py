"""Use cases. One module per area; keyword-only functions that take a Session, change the
tables and append the audit event in the same transaction. No Qt."""
