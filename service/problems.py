"""Every error the service answers with, as RFC 9457 problem objects, framework-free.

The HTTP layer (``service.web.errors``) turns these into
``application/problem+json`` responses; the command line and the bulk job put
the same objects in their output, so one input gives one problem whichever
way it was sent. Each exception carries its HTTP status, a problem ``type`` (an
anchor on the landing page, where the type is explained) and a title. Every
problem object has the same members: ``type``, ``title``, ``status``,
``detail``, ``instance`` (the request path), ``request_id`` and ``errors`` (a
list of ``{"detail", "pointer"}`` or ``{"detail", "parameter"}``, empty unless
the request was invalid).

    ServiceError                   500  internal-error (also the base class)
    ├── BadRequest                 400  bad-request: malformed JSON, undecodable bytes
    ├── Unauthorized               401  unauthorized: API keys set and no valid bearer key
    ├── NotFound                   404  not-found: no such route
    ├── MethodNotAllowed           405  method-not-allowed: route exists, method does not
    ├── PayloadTooLarge            413  payload-too-large: body over QUOTES_MAX_BODY_BYTES
    ├── UnsupportedMediaType       415  unsupported-media-type: not JSON (or text/plain)
    ├── ValidationFailed           422  validation-error: the body or a parameter is invalid
    └── NotReady                   503  not-ready: the pipeline has not answered its warm-up
"""

from __future__ import annotations

import json
import re
from typing import Any

QUOTES_PATH = "/v1/quotes"  # the request one document stands for, outside HTTP too
_SURROGATE = re.compile("[\ud800-\udfff]")


class ServiceError(Exception):
    """An error that becomes a problem object; the base class is the opaque 500."""

    status = 500
    slug = "internal-error"
    title = "Internal server error"
    default_detail = "The server failed to answer this request; the request id identifies it in the logs."

    def __init__(
        self,
        detail: str | None = None,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(detail or self.default_detail)
        self.detail = detail or self.default_detail
        self.errors = errors or []
        self.headers = headers or {}

    @property
    def type(self) -> str:
        return f"/#{self.slug}"


class BadRequest(ServiceError):
    status, slug, title = 400, "bad-request", "Malformed request"
    default_detail = "The request body could not be read."


class Unauthorized(ServiceError):
    status, slug, title = 401, "unauthorized", "Authentication required"
    default_detail = "Send an API key as 'Authorization: Bearer <key>'."


class NotFound(ServiceError):
    status, slug, title = 404, "not-found", "Not found"
    default_detail = "There is no such route; see /openapi.yaml."


class MethodNotAllowed(ServiceError):
    status, slug, title = 405, "method-not-allowed", "Method not allowed"
    default_detail = "This route does not accept that method; the Allow header lists the ones it does."


class PayloadTooLarge(ServiceError):
    status, slug, title = 413, "payload-too-large", "Request body too large"
    default_detail = "The request body is over the configured limit (QUOTES_MAX_BODY_BYTES)."


class UnsupportedMediaType(ServiceError):
    status, slug, title = 415, "unsupported-media-type", "Unsupported media type"
    default_detail = "Send 'Content-Type: application/json'."


class ValidationFailed(ServiceError):
    status, slug, title = 422, "validation-error", "Invalid request"
    default_detail = "The request is well-formed but some of its values are invalid; see errors."


class NotReady(ServiceError):
    status, slug, title = 503, "not-ready", "Service not ready"
    default_detail = "The language pipeline is not loaded and warmed up yet; retry shortly."


PROBLEMS: tuple[type[ServiceError], ...] = (
    BadRequest,
    Unauthorized,
    NotFound,
    MethodNotAllowed,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationFailed,
    NotReady,
    ServiceError,
)


def problem_object(error: ServiceError, instance: str, request_id: str | None) -> dict[str, Any]:
    """The problem object for ``error``, raised while answering ``instance`` (a path)."""
    return {
        "type": error.type,
        "title": error.title,
        "status": error.status,
        "detail": error.detail,
        "instance": instance,
        "request_id": request_id,
        "errors": error.errors,
    }


def pointer(path: tuple[str | int, ...]) -> str:
    """RFC 6901 JSON Pointer as a URI fragment, e.g. ``#/documents/2/text``."""
    escaped = (str(p).replace("~", "~0").replace("/", "~1") for p in path)
    return "#" + "".join("/" + p for p in escaped)


def field_errors(messages: Any, path: tuple[str | int, ...] = ()) -> list[dict[str, str]]:
    """Flatten marshmallow's nested error messages into ``{"pointer", "detail"}`` items."""
    if isinstance(messages, dict):
        out = []
        for key, value in messages.items():
            out += field_errors(value, path if key == "_schema" else (*path, key))
        return out
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return [{"pointer": pointer(path), "detail": m} for m in messages]
    return [{"pointer": pointer(path), "detail": str(messages)}]


# -- one document ---------------------------------------------------------------------------


def json_body(raw: bytes) -> Any:
    """A JSON request body, or BadRequest saying where it cannot be read (never quoting it)."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:  # its message names a position, never the content
        raise BadRequest(f"The body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}.") from None
    except UnicodeDecodeError as exc:
        raise BadRequest(f"The body is not valid UTF-8 at byte {exc.start}.") from None
    except RecursionError:
        raise BadRequest("The body is JSON nested too deeply.") from None


def plain_text_body(raw: bytes, charset: str = "utf-8") -> str:
    """A ``text/plain`` request body, or the error its bytes or charset give."""
    try:
        return raw.decode(charset)
    except LookupError:
        raise UnsupportedMediaType(f"Unknown charset {charset!r}; send UTF-8.") from None
    except UnicodeDecodeError as exc:
        raise BadRequest(f"The body is not valid {charset} at byte {exc.start}.") from None


def text_problem(text: str, max_chars: int) -> str | None:
    """Why a document's text cannot be processed, or None if it can."""
    if not text.strip():
        return "Text is empty."
    if len(text) > max_chars:
        return f"Text has {len(text):,} characters; the limit is {max_chars:,} (QUOTES_MAX_CHARS)."
    if _SURROGATE.search(text):
        return "Text contains unpaired UTF-16 surrogates, which are not Unicode characters."
    return None


def text_error(text: str, max_chars: int) -> ValidationFailed | None:
    """What ``POST /v1/quotes`` with ``{"text": text}`` answers when the text cannot be processed."""
    why = text_problem(text, max_chars)
    return None if why is None else ValidationFailed(errors=[{"pointer": pointer(("text",)), "detail": why}])
