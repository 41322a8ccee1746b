"""Property: however bundles travel (truncated, duplicated, reordered, partial), the organiser's
log is exactly the union of the check-ins it acknowledged, and after a final sync every device
and the organiser hold the same log and the same counts.

Each example copies a prepared organiser and six provisioned devices (real SQLite files) and
plays a random story on 2-6 of them. Commits skip fsync here (durability has its own tests).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import at, log_rows, make_organiser, provision, quick

from builders import add_person
from kiosk.core.model import Direction
from kiosk.services.checkins import CheckinService
from kiosk.services.status import event_status
from kiosk.store.database import open_database
from kiosk.sync.bundle import BundleError, open_bundle
from kiosk.sync.events import export_events, import_events
from kiosk.sync.roster import apply_roster, export_roster

DEVICES = ("d0", "d1", "d2", "d3", "d4", "d5")
PEOPLE = ("R1", "R2", "R3", "R4", "R5", "R6")
SESSIONS = ("S1", "S2", "S3", None)  # None: a self check-in at a kiosk


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("sync-template")
    organiser, codes = make_organiser(folder / "live.sqlite", PEOPLE)
    paths = {"organiser": folder / "organiser.sqlite"}
    for name in DEVICES:
        device = provision(organiser, folder / f"live-{name}.sqlite", name)
        device.execute("VACUUM INTO ?", (str(folder / f"{name}.sqlite"),))
        device.close()
        paths[name] = folder / f"{name}.sqlite"
    organiser.execute("VACUUM INTO ?", (str(paths["organiser"]),))
    organiser.close()
    return {"paths": paths, "codes": codes}


scan = st.tuples(
    st.just("scan"),
    st.integers(0, 5),
    st.sampled_from(PEOPLE),
    st.sampled_from(SESSIONS),
    st.sampled_from([Direction.IN, Direction.IN, Direction.OUT]),
)
export = st.tuples(st.just("export"), st.integers(0, 5), st.booleans())
deliver = st.tuples(
    st.just("deliver"),
    st.integers(0, 50),
    st.sampled_from(["whole", "whole", "truncated", "duplicate"]),
    st.floats(0.0, 0.999),
)
roster_out = st.tuples(st.just("roster"), st.booleans())
roster_in = st.tuples(
    st.just("roster_in"), st.integers(0, 50), st.integers(0, 5), st.sampled_from(["whole", "cut"])
)
change = st.tuples(st.just("change"))
story = st.lists(
    st.one_of(scan, scan, scan, export, deliver, deliver, roster_out, roster_in, change),
    max_size=40,
)


@settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(devices=st.integers(2, 6), steps=story, final_order=st.randoms(use_true_random=False))
def test_merge_is_the_union_of_acknowledged_checkins_and_everyone_converges(
    template, devices, steps, final_order
):
    with tempfile.TemporaryDirectory(prefix="kiosk-prop-") as tmp:
        folder = Path(tmp)
        names = DEVICES[:devices]
        for name in ("organiser", *names):
            shutil.copyfile(template["paths"][name], folder / f"{name}.sqlite")
        organiser = quick(open_database(folder / "organiser.sqlite").conn)
        doors = {name: quick(open_database(folder / f"{name}.sqlite").conn) for name in names}
        try:
            _play(organiser, doors, template["codes"], steps, final_order)
        finally:
            for conn in (organiser, *doors.values()):
                conn.close()


def _play(organiser, doors, codes, steps, final_order) -> None:
    names = list(doors)
    services = {name: CheckinService(conn) for name, conn in doors.items()}
    in_flight: list[Any] = []  # events bundles (bytes) written by devices
    rosters: list[bytes] = []
    cursors = dict.fromkeys(names, 0)
    acknowledged: set[tuple[Any, ...]] = set()
    applied_version = dict.fromkeys(names, 1)
    clock = at("10:35")
    added_people = 0
    for step in steps:
        kind = step[0]
        if kind == "scan":
            _, index, person, session, direction = step
            name = names[index % len(names)]
            clock += 1_000
            if session is None:
                services[name].checkin(codes[person], at_ms=clock)
            else:
                services[name].scan(codes[person], session, direction=direction, at_ms=clock)
        elif kind == "export":
            _, index, partial = step
            name = names[index % len(names)]
            since = cursors[name] if partial else 0
            made = export_events(doors[name], since=since)
            cursors[name] = made.cursor
            in_flight.append(made.data)
        elif kind == "deliver" and in_flight:
            _, index, mode, cut = step
            data = in_flight[index % len(in_flight)]
            before = log_rows(organiser)
            if mode == "truncated":
                with pytest.raises(BundleError):
                    open_bundle(data[: int(len(data) * cut)])
                assert log_rows(organiser) == before
            else:
                copies = 2 if mode == "duplicate" else 1
                for _ in range(copies):
                    bundle = open_bundle(data)
                    import_events(organiser, [bundle])
                    acknowledged |= {tuple(row) for row in bundle.payload()["rows"]}
            # The organiser holds exactly what it acknowledged, nothing more, nothing less.
            assert log_rows(organiser) == acknowledged
        elif kind == "roster":
            rosters.append(export_roster(organiser).data)
        elif kind == "roster_in" and rosters:
            _, index, target, mode = step
            data = rosters[index % len(rosters)]
            name = names[target % len(names)]
            device = doors[name]
            before = log_rows(device)
            if mode == "cut":
                with pytest.raises(BundleError):
                    open_bundle(data[: len(data) - 1 - index % 7])
                assert log_rows(device) == before
                continue
            bundle = open_bundle(data)
            if bundle.version < applied_version[name]:
                with pytest.raises(BundleError, match="older"):
                    apply_roster(device, bundle)
                assert log_rows(device) == before
            else:
                apply_roster(device, bundle)
                applied_version[name] = bundle.version
                carried = {tuple(row) for row in bundle.payload()["checkins"]["rows"]}
                assert log_rows(device) == before | carried
            # A device never loses what it recorded itself.
            assert log_rows(device, local_only=True) <= log_rows(device)
        elif kind == "change":
            added_people += 1
            add_person(organiser, f"NEW{added_people}")

    # Final sync: every device sends everything, in any order; the organiser sends back.
    finals = [open_bundle(export_events(doors[name]).data) for name in names]
    final_order.shuffle(finals)
    for bundle in finals:
        import_events(organiser, [bundle])
    everything = set().union(*(log_rows(doors[name], local_only=True) for name in names))
    assert log_rows(organiser) == everything
    assert acknowledged <= everything
    roster = open_bundle(export_roster(organiser).data)
    expected_status = event_status(organiser)
    for name in names:
        apply_roster(doors[name], roster)
        assert log_rows(doors[name]) == everything
        assert event_status(doors[name]) == expected_status
