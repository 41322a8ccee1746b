"""Make a test event inside a real pretix with pretix's own models (run by pretix's Python).

Run as `python seed.py SPEC.json` with DJANGO_SETTINGS_MODULE=pretix.settings and
PRETIX_CONFIG_FILE set. SPEC: {"organizer", "event", "lists": N, "positions": [{"order",
"secret", "status": "paid"|"pending"|"canceled"}]}. Prints one JSON object: {"list_ids" (N
check-in lists of the event, every product, entry after exit allowed), "other_list_id" (a list
of another event of the same organizer), "team_token" (a team with every event permission),
"device_token" (an initialised device for every event)}.

This file runs inside pretix's own virtual environment, never the project's: it imports only
pretix and Django.
"""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import django

django.setup()

from django.db import transaction  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402
from django.utils.timezone import now  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402
from pretix.base.models import Device, Event, Order, OrderPosition, Organizer, Team  # noqa: E402

STATUS = {
    "paid": Order.STATUS_PAID,
    "pending": Order.STATUS_PENDING,
    "canceled": Order.STATUS_CANCELED,
}


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    with scopes_disabled(), transaction.atomic():
        organizer = Organizer.objects.create(name="Kiosk Test", slug=spec["organizer"])
        event = Event.objects.create(
            organizer=organizer,
            name="Forum",
            slug=spec["event"],
            date_from=now() - timedelta(days=30),
            date_to=now() + timedelta(days=30),
            currency="KRW",
            live=True,
        )
        other = Event.objects.create(
            organizer=organizer, name="Other", slug="other", date_from=now(), currency="KRW"
        )
        item = event.items.create(
            name="Conference pass", default_price=Decimal("0"), admission=True
        )
        list_ids = [
            event.checkin_lists.create(
                name=f"Entrance {number}", all_products=True, allow_entry_after_exit=True
            ).pk
            for number in range(1, int(spec.get("lists", 1)) + 1)
        ]
        other_list = other.checkin_lists.create(name="Other entrance", all_products=True)
        channel = organizer.sales_channels.get(identifier="web")
        orders: dict[str, Order] = {}
        for number, position in enumerate(spec["positions"], start=1):
            code = position["order"]
            order = orders.get(code)
            if order is None:
                order = orders[code] = Order.objects.create(
                    event=event,
                    code=code,
                    status=STATUS[position.get("status", "paid")],
                    email=f"{code.lower()}@example.org",
                    datetime=now() - timedelta(days=40),
                    expires=now() + timedelta(days=10),
                    total=Decimal("0"),
                    locale="en",
                    sales_channel=channel,
                )
            OrderPosition.objects.create(
                order=order,
                item=item,
                price=Decimal("0"),
                secret=position["secret"],
                positionid=number,
                attendee_name_parts={"_legacy": f"Attendee {number}"},
            )
        for order in orders.values():
            order.create_transactions()
        team = Team.objects.create(
            organizer=organizer, name="Check-in", all_events=True, all_event_permissions=True
        )
        token = team.tokens.create(name="kiosk push")
        device = Device.objects.create(
            organizer=organizer,
            name="kiosk",
            all_events=True,
            initialized=now(),
            api_token=get_random_string(64, "abcdefghijklmnopqrstuvwxyz0123456789"),
        )
    print(
        json.dumps(
            {
                "list_ids": list_ids,
                "other_list_id": other_list.pk,
                "team_token": token.token,
                "device_token": device.api_token,
            }
        )
    )


if __name__ == "__main__":
    main()
