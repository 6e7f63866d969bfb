"""The v1 response: plain dicts, no spaCy objects (design.md, "Response contract")."""

from __future__ import annotations

from typing import Any

from .attribution import Attribution
from .confidence import confidence
from .offsets import OffsetMap
from .speakers import Entity


def _span(text: str, at: OffsetMap, start: int, end: int) -> dict[str, Any]:
    return {"start": at(start), "end": at(end), "text": text[start:end]}


def _quote(text: str, at: OffsetMap, qid: str, a: Attribution, sid: str | None) -> dict[str, Any]:
    cue = None
    if a.cue_span is not None:
        cue = _span(text, at, *a.cue_span)
        cue["lemma"] = a.cue.lemma if a.cue is not None else text[a.cue_span[0] : a.cue_span[1]].strip()
    channel = None
    if a.channel is not None:
        ch = a.channel
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
        "hedges": [{**_span(text, at, h.start, h.end), "kind": h.kind, "scope": h.scope} for h in a.hedges],
        "confidence": confidence(a.rule),
    }


def build(
    text: str,
    doc_id: str | None,
    attributions: list[Attribution],
    entities: list[Entity],
    model: dict[str, str],
    offsets: str = "codepoint",
) -> dict[str, Any]:
    """Assemble one response object."""
    at = OffsetMap(text, offsets)
    sid = {id(e): f"s{n}" for n, e in enumerate(entities, 1)}
    quotes, quote_ids = [], {}
    for n, a in enumerate(attributions, 1):
        qid = f"q{n}"
        speaker_id = sid.get(id(a.entity))
        quotes.append(_quote(text, at, qid, a, speaker_id))
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
