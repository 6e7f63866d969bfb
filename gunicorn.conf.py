"""gunicorn configuration: ``gunicorn -c gunicorn.conf.py`` (the app is named below).

Everything comes from the service settings (``QUOTES_*``, see README). The app
is preloaded: the spaCy pipeline loads and answers its warm-up once in the
master, and the forked sync workers share its memory copy-on-write. A sync
worker runs one request at a time, so its BLAS must not start threads of its
own: that is pinned to 1 before numpy is first imported.
"""

from __future__ import annotations

import os
import shutil
import tempfile

for _var in (
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
):
    os.environ.setdefault(_var, "1")

# prometheus_client picks multiprocess mode when it is first imported, which the
# preloaded app does; so the directory is set, and emptied of a previous run's
# files, here. Without one given, a fresh temporary directory is used and removed on exit.
_OWN_METRICS_DIR = "PROMETHEUS_MULTIPROC_DIR" not in os.environ
if _OWN_METRICS_DIR:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="quotes-metrics-")
else:
    _dir = os.environ["PROMETHEUS_MULTIPROC_DIR"]
    os.makedirs(_dir, exist_ok=True)
    for _name in os.listdir(_dir):
        if _name.endswith(".db"):
            os.remove(os.path.join(_dir, _name))

from service.settings import Settings  # noqa: E402 - after the environment above is set
from service.web.logs import gunicorn_logconfig  # noqa: E402

_settings = Settings.from_env()

wsgi_app = "service.web.wsgi:app"
bind = [_settings.bind]
workers = _settings.workers
worker_class = "sync"
preload_app = True
timeout = _settings.timeout  # a worker silent for this long is killed and replaced
graceful_timeout = _settings.graceful_timeout  # SIGTERM: finish in-flight requests, then stop
keepalive = 5
# Recycle workers now and then so no slow leak outlives a few thousand requests;
# with the app preloaded, a new worker is forked ready in milliseconds.
max_requests = 2000
max_requests_jitter = 200
# Request line and header limits: gunicorn's defaults; the body limit is the app's (413).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
control_socket_disable = True  # no gunicornc socket in $HOME (absent or read-only in containers)

accesslog = None  # the app logs every request itself, with its request id
errorlog = "-"
loglevel = _settings.log_level.lower()
logconfig_dict = gunicorn_logconfig(_settings.log_level)
proc_name = "quotes"


def child_exit(server, worker) -> None:
    """A worker is gone: drop its live gauges, keep its counters in the totals."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server) -> None:
    if _OWN_METRICS_DIR:
        shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)
