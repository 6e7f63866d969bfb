"""What the engine attaches to an attribution besides its spans."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Channel:
    """How a statement reached the reporter (design.md, closed type list)."""

    type: str
    name: str | None
    start: int | None
    end: int | None
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Hedge:
    """A word that softens a statement or the reporter's framing of it."""

    start: int
    end: int
    kind: str  # modal | verb | adverb | approximator | other
    scope: str  # attribution | content
