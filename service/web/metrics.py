"""Prometheus metrics, correct across gunicorn workers.

Under gunicorn, ``gunicorn.conf.py`` sets ``PROMETHEUS_MULTIPROC_DIR`` before
anything imports ``prometheus_client``; each worker then writes its values to
files there and a scrape of ``/metrics`` on any worker sums them all. Without
that variable (tests, ``flask run``) the process's own registry is served.
"""

from __future__ import annotations

import os
import time

from flask import Blueprint, Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)

disable_created_metrics()  # *_created series are noise for counters that start with the process

REQUESTS = Counter(
    "quotes_http_requests_total",
    "HTTP requests answered, by route, method and status.",
    ["route", "method", "status"],
)
LATENCY = Histogram(
    "quotes_http_request_duration_seconds",
    "Time to answer an HTTP request, by route.",
    ["route", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120),
)
DOCUMENTS = Counter("quotes_documents_total", "Documents processed, by outcome.", ["outcome"])
CHARACTERS = Counter("quotes_characters_total", "Characters of text processed.")
QUOTES = Counter("quotes_quotes_total", "Quotes extracted.")
BUILD = Gauge(
    "quotes_build_info",
    "The service and pipeline versions this process serves (always 1).",
    ["service_version", "pipeline", "pipeline_version"],
    multiprocess_mode="max",
)

bp = Blueprint("metrics", __name__)


def record_documents(ok: int, failed: int, characters: int, quotes: int) -> None:
    if ok:
        DOCUMENTS.labels("ok").inc(ok)
    if failed:
        DOCUMENTS.labels("error").inc(failed)
    CHARACTERS.inc(characters)
    QUOTES.inc(quotes)


def _registry() -> CollectorRegistry:
    if "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


@bp.get("/metrics")
def scrape() -> Response:
    return Response(generate_latest(_registry()), mimetype=None, content_type=CONTENT_TYPE_LATEST)


def _observe(response: Response) -> Response:
    # The rule, not the path, so ids in URLs or scanners' junk paths cannot blow up the label set.
    route = request.url_rule.rule if request.url_rule else "<unmatched>"
    REQUESTS.labels(route, request.method, str(response.status_code)).inc()
    started = g.get("started")
    if started is not None:
        LATENCY.labels(route, request.method).observe(time.perf_counter() - started)
    return response


def init_app(app: Flask, model: dict[str, str]) -> None:
    BUILD.labels(model["service_version"], model["pipeline"], model["pipeline_version"]).set(1)
    app.after_request(_observe)
    app.register_blueprint(bp)
