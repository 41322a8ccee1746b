"""The services both the CLI and the GUI call: one place for every rule and every write."""
