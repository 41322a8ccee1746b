"""A list of ids as one SQL parameter, however long: `column IN (SELECT value FROM json_each(?))`
with the ids as a JSON array. One statement for any number of ids, so nothing is cut into chunks
of what SQLite's parameter limit allows (and the chunking written again at each query)."""

from __future__ import annotations

import json
from collections.abc import Iterable

IN_LIST = "IN (SELECT value FROM json_each(?))"
"""Follows a column name: `f"WHERE registration_id {IN_LIST}"`, with `id_list(ids)` bound."""


def id_list(ids: Iterable[str]) -> str:
    """The parameter that goes with IN_LIST."""
    return json.dumps(list(ids))
