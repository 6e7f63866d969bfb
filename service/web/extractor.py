"""The engine as a Flask extension: loaded once per process, warmed up, then ready.

Under gunicorn the app is preloaded, so the pipeline loads and answers its
warm-up in the master and every forked worker starts ready (and shares the
model's memory copy-on-write). ``/readyz`` and ``/v1`` answer 503 until then.
"""

from __future__ import annotations

import logging
import time

from flask import Flask, current_app

from ..engine import Extractor
from ..settings import Settings
from .errors import NotReady

log = logging.getLogger("service.web")

WARM_UP_TEXT = '"We are ready to take questions," the spokeswoman said on Monday.'


class ServedExtractor:
    """Holds the process's :class:`Extractor` and whether it has answered a warm-up."""

    def __init__(self, extractor: Extractor | None = None):
        self.extractor = extractor
        self.ready = False

    def init_app(self, app: Flask, settings: Settings) -> None:
        started = time.perf_counter()
        if self.extractor is None:
            self.extractor = Extractor.load(settings.spacy_model, settings.batch_size, settings.models_dir)
        loaded = time.perf_counter()
        self.warm_up()
        app.extensions["quotes"] = self
        log.info(
            "pipeline ready",
            extra={
                **self.extractor.model,
                "load_s": round(loaded - started, 3),
                "warm_up_s": round(time.perf_counter() - loaded, 3),
            },
        )

    def warm_up(self) -> None:
        """Run one real extraction so the first caller does not pay for lazy setup."""
        response = self.extractor.extract(WARM_UP_TEXT)
        self.ready = isinstance(response.get("quotes"), list)

    @property
    def model(self) -> dict[str, str]:
        return dict(self.extractor.model)


def served() -> ServedExtractor:
    return current_app.extensions["quotes"]


def ready_extractor() -> Extractor:
    """The extractor, or 503 if it is not ready to answer."""
    engine = current_app.extensions.get("quotes")
    if engine is None or not engine.ready:
        raise NotReady(headers={"Retry-After": "5"})
    return engine.extractor
