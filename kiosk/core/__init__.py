"""The rules, codes and records of check-in. Knows nothing of Qt, files or SQLite."""
