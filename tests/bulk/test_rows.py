"""Each input row is read as the request it stands for: a row that cannot be
processed gets exactly the problem object HTTP gives that request (all but
``request_id``, which names the bulk run instead of one request). No Spark here."""

from __future__ import annotations

import json

import pytest

from service.bulk.rows import Document, read_row
from service.problems import QUOTES_PATH, problem_object

from .conftest import BAD_LINES, MAX_CHARS


def _as_spark_reads(line: bytes) -> tuple[str | None, bytes | None, bytes | None]:
    """(id, text, corrupt record) as Spark's JSON reader hands a line to the worker."""
    try:
        record = json.loads(line)
    except ValueError:
        return None, None, line
    if not isinstance(record, dict):
        return None, None, line
    text = record.get("text")
    return record.get("id"), None if text is None else text.encode(), None


@pytest.mark.parametrize("label, line, body", BAD_LINES, ids=[case[0] for case in BAD_LINES])
def test_a_bad_line_gets_the_problem_http_gives_its_request(api, label, line, body):
    doc_id, text, corrupt = _as_spark_reads(line)
    read_id, read = read_row(doc_id, text, corrupt, MAX_CHARS)
    assert not isinstance(read, Document), label
    status, expected = api(body)
    got = problem_object(read, QUOTES_PATH, "run-1")
    assert status == got["status"] and status in (400, 422)
    assert {**got, "request_id": None} == {**expected, "request_id": None}


def test_undecodable_parquet_text_gets_the_problem_of_that_text_plain_body(api):
    raw = b"Prices will fall, she said. Caf" + b"\xe9"
    read_id, read = read_row("p-1", raw, None, MAX_CHARS)
    status, expected = api(raw, content_type="text/plain")
    assert status == 400 and read_id == "p-1"
    assert {**problem_object(read, QUOTES_PATH, None), "request_id": None} == {**expected, "request_id": None}


def test_an_undecodable_line_keeps_the_id_a_lenient_reading_finds():
    assert read_row(None, None, b'{"id": "x-9", "text": "caf\xe9"}', MAX_CHARS)[0] == "x-9"
    assert read_row(None, None, b'{"id": 42, "text": "\xff"}', MAX_CHARS)[0] == "42"
    assert read_row(None, None, b'{"id": "x", "text": ', MAX_CHARS)[0] is None


@pytest.mark.parametrize(
    "text",
    [
        '"We are ready," she said.',
        '🚀 "Launch is on," she said.\r\nNext line.',
        "  leading and trailing space kept  ",
        "x" * MAX_CHARS,  # at the limit is accepted
    ],
)
def test_a_good_row_is_passed_on_unchanged(text):
    doc_id, read = read_row("d", text.encode(), None, MAX_CHARS)
    assert read == Document("d", text) and doc_id == "d"


def test_a_readable_corrupt_line_object_is_still_a_document():
    """Spark may set aside a line whose members it could not type; its JSON object is still read."""
    doc_id, read = read_row(None, None, b'{"id": 7, "text": "Officials said that talks would resume."}', MAX_CHARS)
    assert read == Document("7", "Officials said that talks would resume.") and doc_id == "7"
