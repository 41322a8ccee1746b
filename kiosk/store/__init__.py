"""The event database: one SQLite file per event and device."""
