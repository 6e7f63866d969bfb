"""A v1 response as table rows: one per quote, one per speaker, one problem.

The column layout of the ``quotes``, ``speakers`` and ``errors`` tables is
declared here once (Spark DDL); the job turns it into Spark and Arrow schemas.
Every member of the response has a column, so the response can be rebuilt from
the rows exactly (``tests/bulk`` does). Spans are flattened to
``<name>_start``, ``<name>_end`` and ``<name>_text``; a span the response has
as ``null`` has all three null.
"""

from __future__ import annotations

from typing import Any

Fields = tuple[tuple[str, str], ...]  # (column, Spark type)

SPAN: Fields = (("start", "int"), ("end", "int"), ("text", "string"))


def struct(fields: Fields) -> str:
    return "struct<" + ",".join(f"`{name}`:{kind}" for name, kind in fields) + ">"


def ddl(fields: Fields) -> str:
    return ", ".join(f"`{name}` {kind}" for name, kind in fields)


def _spans(prefix: str) -> Fields:
    return tuple((f"{prefix}_{name}", kind) for name, kind in SPAN)


QUOTE: Fields = (
    ("quote_id", "string"),
    ("type", "string"),
    *_spans("content"),
    *_spans("cue"),
    ("cue_lemma", "string"),
    *_spans("speaker"),
    ("speaker_id", "string"),
    ("speaker_name", "string"),
    ("speaker_kind", "string"),
    ("channel_type", "string"),
    ("channel_name", "string"),
    *_spans("channel"),
    ("channel_inferred", "boolean"),
    ("hedges", f"array<{struct((*SPAN, ('kind', 'string'), ('scope', 'string')))}>"),
    ("confidence", "double"),
)
SPEAKER: Fields = (
    ("speaker_id", "string"),
    ("name", "string"),
    ("kind", "string"),
    ("descriptions", "array<string>"),
    ("mentions", f"array<{struct(SPAN)}>"),
    ("mention_count", "int"),
    ("quote_ids", "array<string>"),
)
PROBLEM: Fields = (
    ("type", "string"),
    ("title", "string"),
    ("status", "int"),
    ("detail", "string"),
    ("instance", "string"),
    ("request_id", "string"),
    ("errors", f"array<{struct((('pointer', 'string'), ('parameter', 'string'), ('detail', 'string')))}>"),
)
# What a worker returns for each document; the tables are split out of it.
DOCUMENT: Fields = (
    ("document_id", "string"),
    ("quotes", f"array<{struct(QUOTE)}>"),
    ("speakers", f"array<{struct(SPEAKER)}>"),
    ("problem", struct(PROBLEM)),
    ("characters", "bigint"),
    ("words", "bigint"),
    ("loader", "string"),  # which pipeline load answered: host:pid:load time
    ("pipeline", "string"),  # the response's "model" member, as JSON
)


def _span(prefix: str, span: dict[str, Any] | None) -> dict[str, Any]:
    span = span or {}
    return {f"{prefix}_start": span.get("start"), f"{prefix}_end": span.get("end"), f"{prefix}_text": span.get("text")}


def quote_rows(response: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per quote, with its speaker's name and kind beside the speaker id."""
    speakers = {s["id"]: s for s in response["speakers"]}
    rows = []
    for q in response["quotes"]:
        speaker = speakers.get(q["speaker_id"]) or {}
        cue, channel = q["cue"], q["channel"] or {}
        rows.append(
            {
                "quote_id": q["id"],
                "type": q["type"],
                **_span("content", q["content"]),
                **_span("cue", cue),
                "cue_lemma": cue["lemma"] if cue else None,
                **_span("speaker", q["speaker"]),
                "speaker_id": q["speaker_id"],
                "speaker_name": speaker.get("name"),
                "speaker_kind": speaker.get("kind"),
                "channel_type": channel.get("type"),
                "channel_name": channel.get("name"),
                **_span("channel", channel if channel.get("start") is not None else None),
                "channel_inferred": channel.get("inferred"),
                "hedges": [dict(h) for h in q["hedges"]],
                "confidence": q["confidence"],
            }
        )
    return rows


def speaker_rows(response: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "speaker_id": s["id"],
            "name": s["name"],
            "kind": s["kind"],
            "descriptions": list(s["descriptions"]),
            "mentions": [dict(m) for m in s["mentions"]],
            "mention_count": len(s["mentions"]),
            "quote_ids": list(s["quote_ids"]),
        }
        for s in response["speakers"]
    ]


def problem_row(problem: dict[str, Any]) -> dict[str, Any]:
    errors = [
        {"pointer": e.get("pointer"), "parameter": e.get("parameter"), "detail": e["detail"]} for e in problem["errors"]
    ]
    return {**problem, "errors": errors}
