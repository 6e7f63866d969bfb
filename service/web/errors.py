"""Every error the service answers with, as RFC 9457 ``application/problem+json``.

Each exception carries its HTTP status, a problem ``type`` (an anchor on the
landing page, where the type is explained) and a title. Every problem body has
the same members: ``type``, ``title``, ``status``, ``detail``, ``instance``
(the request path), ``request_id`` and ``errors`` (a list of
``{"detail", "pointer"}`` or ``{"detail", "parameter"}``, empty unless the
request was invalid).

    ServiceError                   500  internal-error (also the base class)
    ├── BadRequest                 400  bad-request: malformed JSON, undecodable bytes
    ├── Unauthorized               401  unauthorized: API keys set and no valid bearer key
    ├── NotFound                   404  not-found: no such route
    ├── MethodNotAllowed           405  method-not-allowed: route exists, method does not
    ├── PayloadTooLarge            413  payload-too-large: body over QUOTES_MAX_BODY_BYTES
    ├── UnsupportedMediaType       415  unsupported-media-type: not JSON (or text/plain)
    ├── ValidationFailed           422  validation-error: the body or a parameter is invalid
    └── NotReady                   503  not-ready: the pipeline has not answered its warm-up

Any other HTTP error Werkzeug raises keeps its status with ``type: about:blank``.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, g, jsonify, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

PROBLEM_JSON = "application/problem+json"

log = logging.getLogger("service.web")


class ServiceError(Exception):
    """An error that becomes a problem response; the base class is the opaque 500."""

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
_BY_STATUS = {cls.status: cls for cls in PROBLEMS}


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


def problem(error: ServiceError) -> dict[str, Any]:
    """The problem object for an error raised while answering the current request."""
    return {
        "type": error.type,
        "title": error.title,
        "status": error.status,
        "detail": error.detail,
        "instance": request.path,
        "request_id": g.get("request_id"),
        "errors": error.errors,
    }


def problem_response(error: ServiceError) -> Response:
    response = jsonify(problem(error))
    response.status_code = error.status
    response.mimetype = PROBLEM_JSON
    response.headers.extend(error.headers)
    return response


def _from_http(exc: HTTPException) -> Response:
    cls = _BY_STATUS.get(exc.code or 500)
    if cls is None:  # a status the service never raises itself: RFC 9457's plain "about:blank"
        cls = type("HTTPProblem", (ServiceError,), {"status": exc.code, "title": exc.name, "type": "about:blank"})
    # Werkzeug's descriptions are generic HTML-era prose; ours say what to do.
    allow = dict(exc.get_headers()).get("Allow")
    return problem_response(cls(headers={"Allow": allow} if allow else None))


def _from_validation(exc: ValidationError) -> Response:
    return problem_response(ValidationFailed(errors=field_errors(exc.messages)))


def _unexpected(exc: Exception) -> Response:
    log.error("unhandled exception", exc_info=exc)
    return problem_response(ServiceError())


def init_app(app: Flask) -> None:
    """Answer every error, ours, Werkzeug's or unexpected, with a problem."""
    app.register_error_handler(ServiceError, problem_response)
    app.register_error_handler(HTTPException, _from_http)
    app.register_error_handler(ValidationError, _from_validation)
    app.register_error_handler(Exception, _unexpected)
