"""Routes for people and probes: landing page, ``/openapi.yaml``, ``/livez``, ``/readyz``.

None of these needs an API key, so orchestrators and scrapers need no secret.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, current_app, render_template

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
    return Response(current_app.config["QUOTES_OPENAPI"], mimetype="application/yaml")


@bp.get("/livez")
def livez() -> dict:
    """The process answers; says nothing about the pipeline."""
    return {"status": "alive", "model": served().model}


@bp.get("/readyz")
def readyz() -> dict:
    """The pipeline is loaded and has answered its warm-up (else 503)."""
    ready_extractor()
    return {"status": "ready", "model": served().model}
