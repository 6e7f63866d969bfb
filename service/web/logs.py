"""Structured logs: one JSON object per line on standard output.

Article text can be an unpublished draft, so it never reaches the logs: request
logs carry sizes and counts, and an exception logs its type and stack but not
its message (messages can quote their input). ``QUOTES_LOG_TEXT=1`` lifts both
for debugging.
"""

from __future__ import annotations

import json
import logging
import sys
import time
import traceback
from datetime import UTC, datetime

from flask import Flask, Response, g, has_request_context, request

# Attributes every LogRecord has; anything else on a record came in through ``extra``.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON line; ``extra`` fields become members."""

    def __init__(self, log_text: bool = False):
        super().__init__()
        self.log_text = log_text

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "pid": record.process,
            "message": record.getMessage(),
        }
        if has_request_context():  # every line logged while answering a request carries its id
            entry["request_id"] = g.get("request_id")
        entry.update((k, v) for k, v in vars(record).items() if k not in _STANDARD)
        if record.exc_info and record.exc_info[0] is not None:
            exc_type, exc, tb = record.exc_info
            entry["exc_type"] = exc_type.__name__
            entry["traceback"] = "".join(traceback.format_tb(tb))
            if self.log_text:
                entry["exc_message"] = str(exc)
        return json.dumps(entry, ensure_ascii=False, default=str)


class StdoutHandler(logging.Handler):
    """Writes to whatever ``sys.stdout`` is now (test capture swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stdout.write(self.format(record) + "\n")
            sys.stdout.flush()
        except Exception:  # logging must never break a request
            self.handleError(record)


def configure(level: str = "INFO", log_text: bool = False) -> None:
    """Send the service's loggers to stdout as JSON; safe to call again."""
    logger = logging.getLogger("service")
    for handler in [h for h in logger.handlers if isinstance(h, StdoutHandler)]:
        logger.removeHandler(handler)
    handler = StdoutHandler()
    handler.setFormatter(JsonFormatter(log_text))
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


def _access_log(response: Response) -> Response:
    """One line per request: what was asked, how it went, how much text (never the text)."""
    fields = {
        "method": request.method,
        "path": request.path,
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - g.get("started", time.perf_counter())) * 1000, 1),
    }
    fields.update(g.get("work", {}))
    logging.getLogger("service.web.access").info("request", extra=fields)
    return response


def init_app(app: Flask) -> None:
    app.after_request(_access_log)


def gunicorn_logconfig(level: str = "INFO") -> dict:
    """``logconfig_dict`` for gunicorn: its own messages as JSON on stdout too."""
    formatter = {"()": f"{__name__}.JsonFormatter"}
    handler = {"class": f"{__name__}.StdoutHandler", "formatter": "json"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": formatter},
        "handlers": {"stdout": handler},
        "loggers": {
            "gunicorn.error": {"level": level, "handlers": ["stdout"], "propagate": False},
            "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
        },
        "root": {"level": level, "handlers": ["stdout"]},
    }
