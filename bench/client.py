"""Concurrent HTTP clients for the benchmarks: bounded job lists, one connection per request.

gunicorn's sync workers close the connection after every response, so each
request opens its own (as most clients of this service will). Every request has
a timeout; a client thread stops when the shared job list is used up.
"""

from __future__ import annotations

import http.client
import json
import math
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    body: bytes
    content_type: str = "application/json"
    words: int = 0


@dataclass(frozen=True, slots=True)
class Result:
    job: Job
    status: int  # 0 when no HTTP response came back
    seconds: float
    content_type: str = ""
    body: bytes = b""
    error: str = ""  # the exception, when there was no response

    @property
    def ok(self) -> bool:
        return self.status == 200


def quote_job(text: str, doc_id: str | None = None) -> Job:
    body = json.dumps({"text": text, "id": doc_id}, ensure_ascii=False).encode()
    return Job("/v1/quotes", body, words=len(text.split()))


def plain_job(text: str) -> Job:
    return Job("/v1/quotes", text.encode(), "text/plain; charset=utf-8", len(text.split()))


def batch_job(texts: Sequence[str]) -> Job:
    documents = [{"id": str(i), "text": t} for i, t in enumerate(texts)]
    body = json.dumps({"documents": documents}, ensure_ascii=False).encode()
    return Job("/v1/quotes/batch", body, words=sum(len(t.split()) for t in texts))


def send(host: str, port: int, job: Job, timeout: float) -> Result:
    started = time.perf_counter()
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("POST", job.path, body=job.body, headers={"Content-Type": job.content_type})
        response = conn.getresponse()
        body = response.read()
        return Result(job, response.status, time.perf_counter() - started, response.getheader("Content-Type", ""), body)
    except (OSError, http.client.HTTPException) as exc:
        return Result(job, 0, time.perf_counter() - started, error=f"{type(exc).__name__}: {exc}")
    finally:
        conn.close()


def drive(
    host: str,
    port: int,
    jobs: Sequence[Job],
    clients: int,
    timeout: float = 60.0,
) -> tuple[list[Result], float]:
    """Send every job once from ``clients`` threads; (results in job order, wall seconds)."""
    results: list[Result | None] = [None] * len(jobs)
    lock = threading.Lock()
    cursor = iter(range(len(jobs)))

    def client() -> None:
        while True:
            with lock:
                i = next(cursor, None)
            if i is None:
                return
            results[i] = send(host, port, jobs[i], timeout)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for future in [pool.submit(client) for _ in range(clients)]:
            future.result()
    return [r for r in results if r is not None], time.perf_counter() - started


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def latency_ms(results: Sequence[Result], points: Sequence[int] = (50, 95, 99)) -> dict[str, float]:
    seconds = [r.seconds for r in results]
    out = {f"p{p}": round(percentile(seconds, p) * 1000, 1) for p in points}
    out["max"] = round(max(seconds) * 1000, 1)
    return out
