"""The v1 response: plain dicts, no spaCy objects (``openapi.yaml``, ``QuoteResponse``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .annotations import Channel, Hedge
from .attribution import Attribution
from .lexicon import Calibration
from .offsets import OffsetMap
from .speakers import Speakers


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the stages found in one document; the lists run by attribution."""

    attributions: list[Attribution]
    speakers: Speakers
    channels: list[Channel | None]
    hedges: list[list[Hedge]]


def _span(text: str, at: OffsetMap, start: int, end: int) -> dict[str, Any]:
    return {"start": at(start), "end": at(end), "text": text[start:end]}


def _quote(
    text: str, at: OffsetMap, qid: str, a: Attribution, sid: str | None, ch: Channel | None, hedges: list[Hedge]
) -> dict[str, Any]:
    cue = None
    if a.cue_span is not None:
        cue = _span(text, at, *a.cue_span)
        cue["lemma"] = a.cue.lemma if a.cue is not None else text[a.cue_span[0] : a.cue_span[1]].strip()
    channel = None
    if ch is not None:
        channel = {"type": ch.type, "name": ch.name, "start": None, "end": None, "text": None, "inferred": ch.inferred}
        if ch.start is not None and ch.end is not None:
            channel.update(_span(text, at, ch.start, ch.end))
    return {
        "id": qid,
        "type": a.type,
        "content": _span(text, at, *a.content),
        "cue": cue,
        "speaker": _span(text, at, *a.speaker_span) if a.speaker_span else None,
        "speaker_id": sid,
        "channel": channel,
        "hedges": [{**_span(text, at, h.start, h.end), "kind": h.kind, "scope": h.scope} for h in hedges],
    }


def build(
    text: str,
    doc_id: str | None,
    analysis: Analysis,
    confidence: Calibration,
    model: dict[str, str],
    offsets: str = "codepoint",
    explain: bool = False,
) -> dict[str, Any]:
    """Assemble one response object; ``explain`` adds each quote's ``rule``."""
    at = OffsetMap(text, offsets)
    entities = analysis.speakers.entities
    sid = {id(e): f"s{n}" for n, e in enumerate(entities, 1)}
    quotes, quote_ids = [], {}
    for n, a in enumerate(analysis.attributions):
        qid = f"q{n + 1}"
        entity = analysis.speakers.of[n]
        speaker_id = sid.get(id(entity)) if entity is not None else None
        quote = _quote(text, at, qid, a, speaker_id, analysis.channels[n], analysis.hedges[n])
        quote["confidence"] = confidence(a.rule)
        if explain:
            quote["rule"] = str(a.rule)
        quotes.append(quote)
        if speaker_id:
            quote_ids.setdefault(speaker_id, []).append(qid)
    speakers = []
    for e in entities:
        s = sid[id(e)]
        speakers.append(
            {
                "id": s,
                "name": e.name,
                "kind": e.kind,
                "descriptions": list(e.descriptions),
                "mentions": [_span(text, at, a, b) for a, b in sorted(e.mentions)],
                "quote_ids": quote_ids.get(s, []),
            }
        )
    return {"id": doc_id, "model": dict(model), "quotes": quotes, "speakers": speakers}
