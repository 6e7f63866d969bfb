"""The record every attribution rule produces, in character offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from ..annotations import Channel, Hedge
from ..cues import Cue
from ..marks import QuoteMarks


@dataclass(slots=True)
class Attribution:
    """One quotation or reported statement, in character offsets."""

    type: str  # direct | indirect | mixed
    content: tuple[int, int]
    cue: Cue | None
    cue_span: tuple[int, int] | None
    speaker: Token | None  # head token of the speaker mention
    speaker_span: tuple[int, int] | None
    rule: str
    quotes: list[QuoteMarks] = field(default_factory=list)
    entity: Any = None  # speakers.Entity, set by speaker resolution
    channel: Channel | None = None
    hedges: list[Hedge] = field(default_factory=list)
