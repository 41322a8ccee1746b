"""Unfinished translations in Qt Linguist `.ts` files (read as XML; no Qt needed)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Message:
    """One source string of a `.ts` file and its translation ("" when unfinished)."""

    context: str
    source: str
    translation: str


def read_ts(path: Path) -> list[Message]:
    """Every message of a `.ts` file; an unfinished or empty translation reads as ""."""
    messages = []
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            text = ""
            if node is not None and node.get("type") not in ("unfinished", "vanished", "obsolete"):
                numerus = [form.text or "" for form in node.iter("numerusform")]
                text = " / ".join(numerus) if numerus else (node.text or "")
            if node is not None and node.get("type") in ("vanished", "obsolete"):
                continue  # no longer used by the screens
            messages.append(Message(name, message.findtext("source") or "", text.strip()))
    return messages


def unfinished(path: Path) -> list[Message]:
    """The messages of a `.ts` file without a finished translation."""
    return [message for message in read_ts(path) if not message.translation]
