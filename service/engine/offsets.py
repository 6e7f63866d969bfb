"""Offsets in the unit the caller asked for.

The engine works in Unicode code points (Python string indices). JavaScript
clients count UTF-16 code units, where every character beyond the Basic
Multilingual Plane (most emoji) takes two.
"""

from __future__ import annotations

import bisect

UNITS = ("codepoint", "utf16")


class OffsetMap:
    """Converts code-point offsets of one text to the requested unit."""

    def __init__(self, text: str, unit: str = "codepoint"):
        if unit not in UNITS:
            raise ValueError(f"unknown offset unit {unit!r}; use one of {UNITS}")
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if unit == "utf16" else []

    def __call__(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)
