"""Words the organiser screens show for stored codes (categories, statuses), translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.core.messages import ticket_types_text
from kiosk.core.model import CATEGORIES


def category_label(category: str) -> str:
    """A category as people say it, in the screen's language."""
    labels = {
        "participant": QCoreApplication.translate("OrganiserLabels", "Participant"),
        "speaker": QCoreApplication.translate("OrganiserLabels", "Speaker"),
        "invited_guest": QCoreApplication.translate("OrganiserLabels", "Invited guest"),
        "staff": QCoreApplication.translate("OrganiserLabels", "Staff"),
        "organiser": QCoreApplication.translate("OrganiserLabels", "Organiser"),
        "interpreter": QCoreApplication.translate("OrganiserLabels", "Interpreter"),
        "press": QCoreApplication.translate("OrganiserLabels", "Press"),
        "volunteer": QCoreApplication.translate("OrganiserLabels", "Volunteer"),
    }
    return labels.get(category, category)


def status_label(status: str) -> str:
    return {
        "registered": QCoreApplication.translate("OrganiserLabels", "Registered"),
        "cancelled": QCoreApplication.translate("OrganiserLabels", "Cancelled"),
    }.get(status, status)


def access_label(invite_only: bool, ticket_types: tuple[str, ...] = ()) -> str:
    """Who may enter a session, in a few words (the programme's `access`)."""
    if ticket_types:
        return QCoreApplication.translate("OrganiserLabels", "{tickets} ticket holders").format(
            tickets=ticket_types_text(ticket_types)
        )
    return (
        QCoreApplication.translate("OrganiserLabels", "Invited guests and staff")
        if invite_only
        else QCoreApplication.translate("OrganiserLabels", "Open")
    )


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("OrganiserLabels", "Yes")
        if value
        else QCoreApplication.translate("OrganiserLabels", "No")
    )


def all_categories() -> tuple[str, ...]:
    return CATEGORIES
