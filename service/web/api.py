"""The ``/v1`` API: parse the request, call the engine, dump the response.

``POST /v1/quotes`` takes one article as JSON or as a ``text/plain`` body (with
``id`` and ``offsets`` in the query string). ``POST /v1/quotes/batch`` runs
several through one ``nlp.pipe``; a document whose text cannot be processed
gets a problem object in its place and the others are answered as usual.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, current_app, g, request
from marshmallow import ValidationError

from ..engine import Extractor
from ..problems import json_body, plain_text_body, text_problem
from .auth import protect
from .errors import (
    ServiceError,
    UnsupportedMediaType,
    ValidationFailed,
    field_errors,
    pointer,
    problem,
)
from .extractor import ready_extractor
from .metrics import record_documents
from .schemas import (
    BatchRequestSchema,
    QueryParametersSchema,
    QuoteRequestSchema,
    QuoteResponseSchema,
)

log = logging.getLogger("service.web")
_response = QuoteResponseSchema()

bp = Blueprint("v1", __name__, url_prefix="/v1")
protect(bp)


@bp.before_request
def _refuse_until_ready() -> None:
    """503 before reading a body the service cannot process yet."""
    ready_extractor()


def _settings():
    return current_app.config["QUOTES_SETTINGS"]


def _is_json(mimetype: str) -> bool:
    return mimetype == "application/json" or (mimetype.startswith("application/") and mimetype.endswith("+json"))


def _json_body() -> Any:
    return json_body(request.get_data(cache=False))


def _plain_text_body() -> str:
    return plain_text_body(request.get_data(cache=False), request.mimetype_params.get("charset", "utf-8"))


def _query_parameters() -> tuple[dict[str, Any], list[dict[str, str]]]:
    """``id`` and ``offsets`` from the query string as request members, and what is wrong with them."""
    try:
        query = QueryParametersSchema().load(request.args.to_dict())
    except ValidationError as exc:
        return {}, [{"parameter": name, "detail": m} for name, messages in exc.messages.items() for m in messages]
    members: dict[str, Any] = {}
    if "id" in query:
        members["id"] = query["id"]
    if "offsets" in query:
        members["options"] = {"offsets": query["offsets"]}
    return members, []


def _load_single() -> dict[str, Any]:
    """The request as JSON or text/plain; query parameters fill in what the body leaves out."""
    mimetype = request.mimetype
    if not _is_json(mimetype) and mimetype != "text/plain":
        raise UnsupportedMediaType("Send 'Content-Type: application/json' or 'text/plain'.")
    query, errors = _query_parameters()
    if _is_json(mimetype):
        payload = _json_body()
        if isinstance(payload, dict):
            if "id" not in payload and "id" in query:
                payload["id"] = query["id"]
            if "options" in query and isinstance(payload.get("options", {}), dict):
                payload["options"] = {**query["options"], **payload.get("options", {})}
    else:
        payload = {"text": _plain_text_body(), **query}
    try:
        loaded = QuoteRequestSchema(max_chars=_settings().max_chars).load(payload)
    except ValidationError as exc:
        body_errors = field_errors(exc.messages)
        if not _is_json(mimetype):  # only the text can be wrong, and it is the whole body
            body_errors = [{"pointer": "#", "detail": e["detail"]} for e in body_errors]
        errors += body_errors
    if errors:
        raise ValidationFailed(errors=errors)
    return loaded


def _account(responses: list[dict[str, Any]], texts: list[str], failed: int = 0) -> None:
    """Counts for the metrics and the access log; the texts themselves only if asked."""
    characters = sum(map(len, texts))
    quotes = sum(len(r["quotes"]) for r in responses)
    record_documents(len(responses), failed, characters, quotes)
    g.work = {"documents": len(responses) + failed, "characters": characters, "quotes": quotes}
    if _settings().log_text:
        log.info("request text", extra={"texts": texts})


@bp.post("/quotes")
def quotes():
    req = _load_single()
    response = ready_extractor().extract(req["text"], req["id"], req["options"]["offsets"])
    _account([response], [req["text"]])
    return _response.dump(response)


def _extract_each(
    extractor: Extractor, documents: list[tuple[str | None, str]], offsets: str
) -> Iterator[dict[str, Any] | None]:
    """Batched extraction; if the batch fails, each document alone, None for those that fail."""
    try:
        yield from list(extractor.extract_many(documents, offsets))
        return
    except Exception:
        log.exception("batch extraction failed; retrying document by document")
    for doc_id, text in documents:
        try:
            yield extractor.extract(text, doc_id, offsets)
        except Exception:
            log.exception("document extraction failed")
            yield None


def _document_error(doc_id: str | None, error: ServiceError) -> dict[str, Any]:
    return {"id": doc_id, "error": problem(error)}


@bp.post("/quotes/batch")
def batch():
    settings = _settings()
    if not _is_json(request.mimetype):
        raise UnsupportedMediaType()
    schema = BatchRequestSchema(max_documents=settings.max_documents, max_batch_chars=settings.max_batch_chars)
    req = schema.load(_json_body())
    extractor = ready_extractor()
    offsets = req["options"]["offsets"]
    results: list[dict[str, Any] | None] = [None] * len(req["documents"])
    todo = []
    for n, doc in enumerate(req["documents"]):
        if (why := text_problem(doc["text"], settings.max_chars)) is not None:
            errors = [{"pointer": pointer(("documents", n, "text")), "detail": why}]
            results[n] = _document_error(doc["id"], ValidationFailed(why, errors=errors))
        else:
            todo.append(n)
    documents = [(req["documents"][n]["id"], req["documents"][n]["text"]) for n in todo]
    answered = []
    for n, response in zip(todo, _extract_each(extractor, documents, offsets), strict=True):
        if response is None:
            error = ServiceError(
                "Extraction failed for this document; the request id identifies it in the logs.",
                errors=[{"pointer": pointer(("documents", n)), "detail": "Extraction failed."}],
            )
            results[n] = _document_error(req["documents"][n]["id"], error)
        else:
            results[n] = _response.dump(response)
            answered.append(response)
    _account(answered, [text for _, text in documents], failed=len(results) - len(answered))
    return {"model": dict(extractor.model), "results": results}
