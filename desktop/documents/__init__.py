"""PDF documents built with reportlab: slips, bag labels, reports. No Qt."""
