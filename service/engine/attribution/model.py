"""The record every attribution rule produces, in character offsets."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..cues import Cue
from ..marks import QuoteMarks
from ..rules import Rule


@dataclass(frozen=True, slots=True)
class Attribution:
    """One quotation or reported statement: its words, cue and speaker mention."""

    type: str  # direct | indirect | mixed
    content: tuple[int, int]
    cue: Cue | None
    cue_span: tuple[int, int] | None  # the cue's words, or the colon or dash that frames a quotation
    speaker: Token | None  # head token of the speaker mention
    speaker_span: tuple[int, int] | None
    rule: Rule
    quotes: tuple[QuoteMarks, ...] = ()  # the quotations inside the content
