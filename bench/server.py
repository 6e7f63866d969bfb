"""Real gunicorn on a free loopback port, and what /proc says about it.

:func:`gunicorn` starts ``gunicorn -c gunicorn.conf.py`` from the repository
root with ``QUOTES_BIND=127.0.0.1:<free port>``, waits (bounded) until
``/readyz`` answers 200, and always stops it: SIGTERM to its process group,
then SIGKILL if it has not exited within the grace period.
"""

from __future__ import annotations

import http.client
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READY_WITHIN = 120.0  # seconds for the master to load the pipeline and fork its workers
_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Server:
    host: str
    port: int
    process: subprocess.Popen
    log: Path

    @property
    def master(self) -> int:
        return self.process.pid

    def workers(self) -> list[int]:
        """Process ids of the master's children (the workers), sorted."""
        children = Path(f"/proc/{self.master}/task/{self.master}/children")
        try:
            return sorted(int(pid) for pid in children.read_text().split())
        except OSError:
            return []

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ready(host: str, port: int) -> bool:
    conn = http.client.HTTPConnection(host, port, timeout=2)
    try:
        conn.request("GET", "/readyz")
        return conn.getresponse().status == 200
    except OSError:
        return False
    finally:
        conn.close()


@contextmanager
def gunicorn(workers: int = 2, env: dict[str, str] | None = None, grace: float = 20.0) -> Iterator[Server]:
    """A running gunicorn with ``workers`` sync workers; stopped on exit, whatever happened."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if k not in ("PROMETHEUS_MULTIPROC_DIR", "QUOTES_API_KEYS")}
    environ.update(
        QUOTES_BIND=f"127.0.0.1:{port}",
        QUOTES_WORKERS=str(workers),
        QUOTES_GRACEFUL_TIMEOUT=str(int(grace)),
        **(env or {}),
    )
    log = Path(tempfile.mkstemp(prefix="bench-gunicorn-", suffix=".log")[1])
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=environ,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so it and its workers can be stopped together
        )
    server = Server("127.0.0.1", port, process, log)
    try:
        deadline = time.monotonic() + READY_WITHIN
        while not _ready(server.host, port):
            if not server.alive():
                raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{server.log_tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn not ready after {READY_WITHIN:.0f} s:\n{server.log_tail()}")
            time.sleep(0.2)
        deadline = time.monotonic() + 10  # readyz can answer before every worker is forked
        while len(server.workers()) < workers and time.monotonic() < deadline:
            time.sleep(0.1)
        yield server
    finally:
        _stop(process, grace + 5)
        log.unlink(missing_ok=True)


def _stop(process: subprocess.Popen, grace: float) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


# -- /proc -----------------------------------------------------------------------------------


def memory_mb(pid: int) -> dict[str, float]:
    """Resident (RSS), proportional (PSS: shared pages split between sharers) and
    private (USS) memory of one process, in MB."""
    out = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("Rss", "Pss", "Private_Clean", "Private_Dirty"):
                out[key] = int(value.split()[0]) / 1024
    except OSError:
        return {}
    return {"rss": out["Rss"], "pss": out["Pss"], "uss": out["Private_Clean"] + out["Private_Dirty"]}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, all cores."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    total = sum(fields[:8])  # guest time is already counted in user
    return (total - idle) / _TICKS, total / _TICKS


def machine() -> dict[str, object]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return {
        "nproc": os.cpu_count(),
        "cpu_model": cpu,
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "loadavg_1m_at_start": round(os.getloadavg()[0], 2),
    }
