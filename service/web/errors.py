"""Every error the service answers with, as RFC 9457 ``application/problem+json``.

The exceptions and the problem object itself are framework-free, in
:mod:`service.problems` (the command line and the bulk job use them too); this
module answers them over HTTP. Each exception carries its HTTP status, a
problem ``type`` (an anchor on the landing page, where the type is explained)
and a title. Every problem body has the same members: ``type``, ``title``,
``status``, ``detail``, ``instance`` (the request path), ``request_id`` and
``errors`` (a list of ``{"detail", "pointer"}`` or ``{"detail", "parameter"}``,
empty unless the request was invalid).

(the exception tree is drawn there).

Any other HTTP error Werkzeug raises keeps its status with ``type: about:blank``.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, g, jsonify, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from ..problems import (
    PROBLEMS,
    BadRequest,
    MethodNotAllowed,
    NotFound,
    NotReady,
    PayloadTooLarge,
    ServiceError,
    Unauthorized,
    UnsupportedMediaType,
    ValidationFailed,
    field_errors,
    pointer,
    problem_object,
)

__all__ = [
    "PROBLEMS",
    "BadRequest",
    "MethodNotAllowed",
    "NotFound",
    "NotReady",
    "PayloadTooLarge",
    "ServiceError",
    "Unauthorized",
    "UnsupportedMediaType",
    "ValidationFailed",
    "field_errors",
    "init_app",
    "pointer",
    "problem",
    "problem_response",
]

PROBLEM_JSON = "application/problem+json"

log = logging.getLogger("service.web")
_BY_STATUS = {cls.status: cls for cls in PROBLEMS}


def problem(error: ServiceError) -> dict[str, Any]:
    """The problem object for an error raised while answering the current request."""
    return problem_object(error, request.path, g.get("request_id"))


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
