"""Offline conference check-in and venue kiosk."""

__version__ = "0.1.0"
