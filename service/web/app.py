"""The Flask application factory.

``create_app()`` reads the settings from the environment, loads the spaCy
pipeline once (unless an :class:`Extractor` is passed in, as the tests do) and
wires the pieces together; each module below owns one concern.
"""

from __future__ import annotations

from flask import Flask, Response

from ..engine import Extractor
from ..settings import Settings
from . import api, cors, errors, logs, metrics, ops, pages, request_id
from .extractor import ServedExtractor, served


def _version_headers(response: Response) -> Response:
    """Every response says which service and pipeline answered it."""
    model = served().model
    response.headers["X-Service-Version"] = model["service_version"]
    response.headers["X-Pipeline"] = f"{model['pipeline']}/{model['pipeline_version']}"
    return response


def create_app(settings: Settings | None = None, extractor: Extractor | None = None) -> Flask:
    """Build the app; the pipeline is loaded and warmed up before this returns."""
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.config.update(
        QUOTES_SETTINGS=settings,
        QUOTES_OPENAPI=ops.OPENAPI_PATH.read_bytes(),
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
    )
    app.json.sort_keys = False  # keep the documented member order
    app.json.ensure_ascii = False  # curly quotes stay readable for curl users

    logs.configure(settings.log_level, settings.log_text)
    ServedExtractor(extractor).init_app(app, settings)
    request_id.init_app(app)
    cors.init_app(app)
    errors.init_app(app)
    metrics.init_app(app, app.extensions["quotes"].model)
    logs.init_app(app)
    app.after_request(_version_headers)
    app.register_blueprint(api.bp)
    app.register_blueprint(ops.bp)
    app.register_blueprint(pages.bp)
    return app
