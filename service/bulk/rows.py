"""One input row: a document to extract, or the problem HTTP would answer for it.

A row stands for the request ``POST /v1/quotes`` with ``{"id", "text"}``, so a
row that cannot be processed gets the problem object that request gets
(:mod:`service.problems`): a JSONL line that is not valid UTF-8 or not JSON is
the 400 its bytes as a JSON body give; a Parquet text that is not valid UTF-8
is the 400 of a ``text/plain`` body; empty, too long or unpaired surrogates
are the 422 with a pointer to ``#/text``. The metadata columns are not part of
that request: they are carried, not validated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..problems import ServiceError, ValidationFailed, json_body, plain_text_body, pointer, text_error

MISSING_TEXT = ValidationFailed(errors=[{"pointer": pointer(("text",)), "detail": "Missing data for required field."}])


@dataclass(frozen=True, slots=True)
class Document:
    id: str | None
    text: str


def line_id(raw: bytes) -> str | None:
    """The id of a JSONL line that cannot be read as it is, if a lenient reading finds one."""
    try:
        payload = json.loads(raw.decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):
        return None
    doc_id = payload.get("id") if isinstance(payload, dict) else None
    return None if doc_id is None or isinstance(doc_id, dict | list) else str(doc_id)


def _from_line(raw: bytes, max_chars: int) -> Document | ServiceError:
    """A JSONL line Spark could not read into columns, as its JSON body would be read."""
    try:
        payload = json_body(raw)
    except ServiceError as error:
        return error
    if not isinstance(payload, dict):
        return ValidationFailed(errors=[{"pointer": "#", "detail": "Invalid input type."}])
    text, doc_id = payload.get("text"), payload.get("id")
    if text is None:
        return MISSING_TEXT
    if not isinstance(text, str):
        return ValidationFailed(errors=[{"pointer": pointer(("text",)), "detail": "Not a valid string."}])
    doc_id = None if doc_id is None else str(doc_id)
    return text_error(text, max_chars) or Document(doc_id, text)


def read_row(
    doc_id: str | None, text: bytes | None, corrupt: bytes | None, max_chars: int
) -> tuple[str | None, Document | ServiceError]:
    """(the row's document id, its document or the error that stands in its place)."""
    if corrupt is not None:
        return line_id(corrupt), _from_line(corrupt, max_chars)
    if text is None:
        return doc_id, MISSING_TEXT
    try:
        decoded = plain_text_body(text)
    except ServiceError as error:
        return doc_id, error
    return doc_id, text_error(decoded, max_chars) or Document(doc_id, decoded)
