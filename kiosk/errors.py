"""Errors that reach a person as one clear line (the CLI turns them into exit code 2)."""


class KioskError(Exception):
    """Bad usage or bad input: the message is shown as is, nothing has been written."""


class DatabaseDamaged(KioskError):
    """The event database failed its integrity check or is not a database at all."""
