"""The organisers' console: import wizard, roster and walk-ins, programme and invitations, live
dashboard, reports and exports, and the purge of personal data."""

from __future__ import annotations

from kiosk.gui.organiser.screen_view import OrganiserScreen

__all__ = ["OrganiserScreen"]
