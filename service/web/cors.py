"""Cross-origin requests from browsers, by allow-list (``QUOTES_CORS_ORIGINS``).

A CMS plugin running in the browser calls the service from its own origin. With
``QUOTES_CORS_ORIGINS`` unset nothing here runs and no ``Access-Control-*``
header is ever sent. When it lists origins (``https://cms.example.org``, or
``*`` for any), then, following the Fetch standard's CORS protocol:

- a preflight (``OPTIONS`` with ``Origin`` and ``Access-Control-Request-Method``)
  to an existing route is answered 204 here, before authentication: browsers
  never send credentials on a preflight, so an API key cannot be asked of it.
  An allowed origin is told the route's methods, the request headers a client
  sends (``Content-Type``, ``Authorization``, ``X-Request-ID``) and how long to
  cache the answer; any other origin gets no ``Access-Control-Allow-*`` header,
  so the browser stops there;
- every other response to an allowed origin, errors included (a page must be
  able to read a 401 or 422 problem), names that origin and exposes the
  service's own response headers (``X-Request-ID`` first).

Responses vary by ``Origin`` whenever CORS is on, so shared caches keep them apart.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request

ALLOW_HEADERS = "Content-Type, Authorization, X-Request-ID"
EXPOSE_HEADERS = "X-Request-ID, X-Service-Version, X-Pipeline, Retry-After, WWW-Authenticate"
MAX_AGE_SECONDS = 3600
_NOT_ADVERTISED = {"OPTIONS", "HEAD"}


def _origins() -> tuple[str, ...]:
    return current_app.config["QUOTES_SETTINGS"].cors_origins


def _allowed(origin: str | None) -> str | None:
    """The Access-Control-Allow-Origin value for this origin, or None."""
    origins = _origins()
    if not origin:
        return None
    if "*" in origins:
        return "*"
    return origin if origin in origins else None


def _preflight() -> Response | None:
    """Answer a CORS preflight to an existing route; anything else goes on as usual."""
    if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
        return None
    if "Origin" not in request.headers or request.url_rule is None:
        return None  # not a browser preflight, or no such route: the usual answer (200 / 404)
    response = Response(status=204)
    methods = sorted((request.url_rule.methods or set()) - _NOT_ADVERTISED)
    response.headers["Allow"] = ", ".join([*methods, "OPTIONS"])
    allow = _allowed(request.headers["Origin"])
    if allow is not None:
        response.headers["Access-Control-Allow-Origin"] = allow
        response.headers["Access-Control-Allow-Methods"] = ", ".join(methods)
        response.headers["Access-Control-Allow-Headers"] = ALLOW_HEADERS
        response.headers["Access-Control-Max-Age"] = str(MAX_AGE_SECONDS)
    return response


def _annotate(response: Response) -> Response:
    response.vary.add("Origin")
    if "Access-Control-Allow-Origin" in response.headers:
        return response  # a preflight, already answered
    allow = _allowed(request.headers.get("Origin"))
    if allow is not None:
        response.headers["Access-Control-Allow-Origin"] = allow
        response.headers["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
    return response


def init_app(app: Flask) -> None:
    """Install the CORS hooks when the deployment lists origins."""
    if not app.config["QUOTES_SETTINGS"].cors_origins:
        return
    # After the request id is assigned (it runs first), before authentication and readiness.
    app.before_request_funcs.setdefault(None, []).insert(1, _preflight)
    app.after_request(_annotate)
