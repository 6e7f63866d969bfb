"""Routes for people and probes: landing page, ``/openapi.yaml``, ``/livez``, ``/readyz``.

None of these needs an API key, so orchestrators and scrapers need no secret.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request

from .errors import PROBLEMS
from .extractor import ready_extractor, served

# openapi.yaml sits at the top of the repository (and of the container's /app).
OPENAPI_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"

bp = Blueprint("ops", __name__)


@bp.get("/")
def landing() -> str:
    settings = current_app.config["QUOTES_SETTINGS"]
    return render_template("index.html", model=served().model, settings=settings, problems=PROBLEMS)


@bp.get("/openapi.yaml")
def openapi() -> Response:
    """``application/yaml`` (RFC 9512) for tools; ``text/plain`` for a browser, which would download YAML.

    A browser navigating here prefers ``text/html`` (a client may also ask for
    ``text/plain``); every other client (curl's ``*/*``, Swagger UI, code generators)
    gets ``application/yaml``. Both are marked inline.
    """
    accept = request.accept_mimetypes
    as_text = max(accept.quality("text/html"), accept.quality("text/plain")) > accept.quality("application/yaml")
    mimetype = "text/plain" if as_text else "application/yaml"
    response = Response(current_app.config["QUOTES_OPENAPI"], mimetype=mimetype)
    response.headers["Content-Disposition"] = 'inline; filename="openapi.yaml"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.vary.add("Accept")
    return response


@bp.get("/livez")
def livez() -> dict:
    """The process answers; says nothing about the pipeline."""
    return {"status": "alive", "model": served().model}


@bp.get("/readyz")
def readyz() -> dict:
    """The pipeline is loaded and has answered its warm-up (else 503)."""
    ready_extractor()
    return {"status": "ready", "model": served().model}
