"""Fixtures for the bulk tests: one local Spark session for the whole test session,
documents written here, and the API's answers to compare the tables with.

Spark needs pyspark (requirements-bulk.txt) and a Java runtime; without them
every test that runs the job skips and says which is missing.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from service.bulk.options import BulkOptions
from service.settings import Settings
from service.web import create_app

MAX_CHARS = 2_000  # small, so a "too long" document stays small

_PEOPLE = [
    ("Wendy Cutler", "a former trade negotiator", "she"),
    ("Tom Okafor", "a city council member", "he"),
    ("Priya Raman", "an economist at the state university", "she"),
    ("James Whitfield", "a spokesman for the governor", "he"),
]
_FRAMES = [
    '"We are not there yet," said {name}, {desc}. Analysts said that prices could probably rise again.',
    '{name}, {desc}, said the talks were "a step in the right direction." "Nobody expected this," {pron} said.',
    "The ministry said in a statement that the plan would be delayed. {name} told reporters that it was a mistake.",
    '"The budget is balanced," {name} wrote in a post on X on Tuesday.',
    "No one was quoted in this short notice about {name}'s schedule.",
    '🚀 "Launch is on," {name} said. "We will be ready by spring," {pron} added.',
]


def articles() -> list[dict[str, Any]]:
    """Two dozen short articles: every frame with every person, plus a metadata value or two."""
    out = []
    for f, frame in enumerate(_FRAMES):
        for p, (name, desc, pron) in enumerate(_PEOPLE):
            out.append(
                {
                    "id": f"doc-{f}-{p}",
                    "text": frame.format(name=name, desc=desc, pron=pron),
                    "source": "tests",
                    "rank": 2**53 + 1 + 10 * f + p,  # not exact as a float: must survive as an integer
                }
            )
    return out


# JSONL lines that cannot be processed, each with the body of the HTTP request it stands for
# (the line without its metadata members, which the bulk job carries instead of validating).
BAD_LINES: list[tuple[str, bytes, bytes]] = [
    ("empty text", b'{"id": "bad-empty", "text": ""}', b'{"id": "bad-empty", "text": ""}'),
    ("blank text", b'{"id": "bad-blank", "text": "  \\n\\t "}', b'{"id": "bad-blank", "text": "  \\n\\t "}'),
    (
        "too long",
        json.dumps({"id": "bad-long", "text": "word " * (MAX_CHARS // 5 + 1)}).encode(),
        json.dumps({"id": "bad-long", "text": "word " * (MAX_CHARS // 5 + 1)}).encode(),
    ),
    ("missing text", b'{"id": "bad-missing", "rank": 7}', b'{"id": "bad-missing"}'),
    ("not UTF-8", b'{"id": "bad-utf8", "text": "caf\xe9 au lait"}', b'{"id": "bad-utf8", "text": "caf\xe9 au lait"}'),
    ("not JSON", b'{"id": "bad-json", "text": ', b'{"id": "bad-json", "text": '),
    ("not an object", b'["bad", "array"]', b'["bad", "array"]'),
]
BAD_IDS = {"bad-empty", "bad-blank", "bad-long", "bad-missing", "bad-utf8", None}  # None: no id can be read


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """The test session's one SparkSession (local[2]); the job under test reuses it."""
    from service.bulk.session import SparkUnavailable, check_available, start

    try:
        check_available()
    except SparkUnavailable as exc:
        pytest.skip(f"Spark tests need pyspark and Java: {exc}")
    session = start(BulkOptions(input="", output="", master="local[2]", conf={"spark.sql.shuffle.partitions": "4"}))
    yield session
    session.stop()


@pytest.fixture(scope="session")
def settings() -> Settings:
    return dataclasses.replace(Settings(), max_chars=MAX_CHARS)


@pytest.fixture(scope="session")
def api(extractor, settings) -> Callable[[bytes], tuple[int, dict[str, Any]]]:
    """POST a JSON body to the real app's /v1/quotes: (status, body)."""
    app = create_app(settings, extractor=extractor)
    app.testing = True
    client = app.test_client()

    def post(body: bytes, content_type: str = "application/json") -> tuple[int, dict[str, Any]]:
        response = client.post("/v1/quotes", data=body, content_type=content_type)
        return response.status_code, response.get_json()

    return post


@pytest.fixture(scope="session")
def run_job(spark, settings) -> Callable[..., dict[str, Any]]:
    """Run the bulk job in this process (on the session's Spark) and return its summary."""
    from service.bulk.job import run

    def go(input: Path, output: Path, limits: Settings = settings, **options: Any) -> dict[str, Any]:
        options.setdefault("master", "local[2]")
        options.setdefault("progress", False)
        return run(BulkOptions(input=str(input), output=str(output), **options), limits)

    return go


def write_jsonl(path: Path, records: list[dict[str, Any]], raw_lines: list[bytes] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in records] + list(raw_lines)
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def read_table(output: Path, name: str) -> list[dict[str, Any]]:
    """A table as a user reads it: every Parquet part under OUTPUT/name."""
    import pyarrow.parquet as pq

    return pq.read_table(output / name).to_pylist()


def response_from_rows(
    doc_id: str, quotes: list[dict[str, Any]], speakers: list[dict[str, Any]], model: dict[str, str]
) -> dict[str, Any]:
    """The v1 response rebuilt from one document's rows, member by member."""

    def span(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
        if row[f"{prefix}_start"] is None:
            return None
        return {"start": row[f"{prefix}_start"], "end": row[f"{prefix}_end"], "text": row[f"{prefix}_text"]}

    def number(row_id: str) -> int:
        return int(row_id[1:])

    rebuilt_quotes = []
    for q in sorted(quotes, key=lambda r: number(r["quote_id"])):
        cue = span(q, "cue")
        if cue is not None:
            cue["lemma"] = q["cue_lemma"]
        channel = None
        if q["channel_type"] is not None:
            channel = {"type": q["channel_type"], "name": q["channel_name"], "start": None, "end": None, "text": None}
            channel.update(span(q, "channel") or {})
            channel["inferred"] = q["channel_inferred"]
        rebuilt_quotes.append(
            {
                "id": q["quote_id"],
                "type": q["type"],
                "content": span(q, "content"),
                "cue": cue,
                "speaker": span(q, "speaker"),
                "speaker_id": q["speaker_id"],
                "channel": channel,
                "hedges": q["hedges"],
                "confidence": q["confidence"],
            }
        )
    rebuilt_speakers = [
        {
            "id": s["speaker_id"],
            "name": s["name"],
            "kind": s["kind"],
            "descriptions": s["descriptions"],
            "mentions": s["mentions"],
            "quote_ids": s["quote_ids"],
        }
        for s in sorted(speakers, key=lambda r: number(r["speaker_id"]))
    ]
    return {"id": doc_id, "model": model, "quotes": rebuilt_quotes, "speakers": rebuilt_speakers}
