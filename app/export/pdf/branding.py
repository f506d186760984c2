"""The consultant's name on the plan: name, company, logo and accent colour, read Qt-free.

The app keeps them in its QSettings INI file (group ``branding``: ``name``, ``company``,
``logo``, ``accent``); the command line reads the same file here, without Qt, so a plan looks
the same from either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SECTION = "branding"
KEYS = ("name", "company", "logo", "accent")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "0": "\0"}


@dataclass(frozen=True, slots=True)
class Branding:
    """Who prepared the plan, and how it looks. Empty fields mean "not set"."""

    name: str = ""
    company: str = ""
    logo: str = ""
    accent: str = ""


def accent_or_empty(text: str) -> str:
    """``#1f5f7a`` as typed when it is a colour of six hex digits, else ``""``."""
    text = text.strip()
    return text.lower() if _HEX.match(text) else ""


def read_branding(ini: Path) -> Branding:
    """The branding stored in the app's settings file (nothing set when it has none)."""
    try:
        lines = ini.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return Branding()
    values: dict[str, str] = {}
    section = ""
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1]
        elif section == SECTION and "=" in stripped:
            key, value = stripped.split("=", 1)
            values[key.strip()] = ini_value(value.strip())
    found = Branding(*(values.get(key, "") for key in KEYS))
    return Branding(found.name, found.company, found.logo, accent_or_empty(found.accent))


def ini_value(raw: str) -> str:
    """A string value as QSettings writes it: maybe quoted, with backslash escapes."""
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]
    out: list[str] = []
    chars = iter(raw)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append(_ESCAPES.get(following, following))
        else:
            out.append(char)
    return "".join(out)
