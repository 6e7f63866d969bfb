"""Pages for people: ``/demo`` (paste an article, see its quotes) and ``/docs`` (the API reference).

Both pages and everything they load come from this service (``static/``; Swagger UI is
vendored under ``static/vendor``). Their Content-Security-Policy lets a page load, run
and connect to its own origin only, so an article pasted into the demo goes nowhere
but this service's ``/v1/quotes``. Like the landing page they need no API key; the
demo asks for one only when the deployment sets ``QUOTES_API_KEYS``.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template

from .extractor import served

# Self only: no inline script or style, no other host, no frames, no plugins.
# data: images are Swagger UI's inline SVG icons (in its stylesheet).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

bp = Blueprint("pages", __name__)


@bp.after_request
def _same_origin_only(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/demo")
def demo() -> str:
    """Paste an article, see its quotes highlighted; ``/demo#text=…`` renders a shared article."""
    settings = current_app.config["QUOTES_SETTINGS"]
    return render_template("demo.html", model=served().model, settings=settings)


@bp.get("/docs")
def docs() -> str:
    """The API reference, rendered from ``/openapi.yaml``, with "try it" against this service."""
    return render_template("docs.html", model=served().model)
