"""Event logs (CSV, XES) read and checked against the map people described: Qt-free."""
