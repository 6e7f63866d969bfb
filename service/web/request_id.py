"""Every request gets an id: the caller's ``X-Request-ID`` if it is sane, else a new one.

The same hook starts the request's clock (``g.started``) for logs and metrics.

The id is echoed in the ``X-Request-ID`` response header and appears in every
log line and problem body, so one id ties a caller's report to the logs.
"""

from __future__ import annotations

import re
import time
import uuid

from flask import Flask, Response, g, request

HEADER = "X-Request-ID"
# Ids end up in logs: accept only short tokens, never control characters or spaces.
_SANE = re.compile(r"[A-Za-z0-9._:/+=@-]{1,128}")


def _assign() -> None:
    g.started = time.perf_counter()
    given = request.headers.get(HEADER, "")
    g.request_id = given if _SANE.fullmatch(given) else uuid.uuid4().hex


def _echo(response: Response) -> Response:
    response.headers[HEADER] = g.get("request_id", "")
    return response


def init_app(app: Flask) -> None:
    # Runs first, so auth and readiness failures already carry the id.
    app.before_request_funcs.setdefault(None, []).insert(0, _assign)
    app.after_request(_echo)
