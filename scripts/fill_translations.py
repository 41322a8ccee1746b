"""Fill a Qt Linguist .ts file's unfinished translations from a JSON dictionary.

Usage: python scripts/fill_translations.py resources/translations/shell_ko.ts ko.json
Keeps existing translations; reports any source text the dictionary lacks (exit 1).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(ts_path: Path, dictionary: dict[str, str]) -> list[str]:
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            if source in dictionary:
                translation.text = dictionary[source]
                translation.attrib.pop("type", None)
            else:
                missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    ts_file, dictionary_file = Path(sys.argv[1]), Path(sys.argv[2])
    lacking = fill(ts_file, json.loads(dictionary_file.read_text(encoding="utf-8")))
    for source in lacking:
        print(f"no translation for: {source}", file=sys.stderr)
    raise SystemExit(1 if lacking else 0)
