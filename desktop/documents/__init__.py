"""reportlab builders: slips, bag labels, reports. No Qt, no database: they take plain data."""
