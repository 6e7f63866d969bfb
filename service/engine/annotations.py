"""What the engine attaches to an attribution besides its spans, and the closed
lists of the response contract (``openapi.yaml`` holds the same lists; a test
keeps them equal)."""

from __future__ import annotations

from dataclasses import dataclass

QUOTE_TYPES = ("direct", "indirect", "mixed")
SPEAKER_KINDS = ("person", "organization", "group", "media", "document", "unknown")
CHANNEL_TYPES = (
    "social_media", "news_media", "state_media", "interview", "statement", "press_conference", "speech",
    "remarks", "hearing", "meeting", "podcast", "broadcast", "email", "letter", "phone_call", "court_filing",
    "publication", "other",
)  # fmt: skip
HEDGE_KINDS = ("modal", "verb", "adverb", "approximator", "other")
HEDGE_SCOPES = ("attribution", "content")


@dataclass(frozen=True, slots=True)
class Channel:
    """How a statement reached the reporter (one of ``CHANNEL_TYPES``)."""

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
    kind: str  # one of HEDGE_KINDS
    scope: str  # one of HEDGE_SCOPES
