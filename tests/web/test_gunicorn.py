"""Real gunicorn on a loopback port: concurrent requests, metrics summed over workers,
JSON logs without text, graceful shutdown. Every loop here is bounded and the server is
always stopped."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 2
SINGLE = [
    f'"Deal number {n} is close," the negotiator said. Officials said that talks would resume.' for n in range(24)
]
BATCH = [[{"id": f"b{n}-{k}", "text": f'"We expect {k} more rounds," she said.'} for k in range(3)] for n in range(8)]
SECRET_WORD = "negotiator"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    log_path = tmp_path_factory.mktemp("gunicorn") / "stdout.log"
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    env.update(QUOTES_BIND=f"127.0.0.1:{port}", QUOTES_WORKERS=str(WORKERS), QUOTES_GRACEFUL_TIMEOUT="20")
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, log_path.read_text()
            try:
                if requests.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not get ready in 90 s"
            time.sleep(0.25)
        yield {"base": base, "proc": proc, "log": log_path}
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def _post(base: str, path: str, body, request_id: str) -> requests.Response:
    return requests.post(f"{base}{path}", json=body, headers={"X-Request-ID": request_id}, timeout=60)


def _counter(metrics: str, name: str, **labels: str) -> float:
    """A sample's value from Prometheus text (0 if absent); labels in any order."""
    for line in metrics.splitlines():
        series, _, value = line.rpartition(" ")
        metric, _, rest = series.partition("{")
        found = dict(pair.split("=", 1) for pair in rest.rstrip("}").split(",") if pair)
        if metric == name and {k: v.strip('"') for k, v in found.items()} == labels:
            return float(value)
    return 0.0


def test_concurrent_requests_get_the_same_answers_as_the_engine(server, extractor):
    base = server["base"]
    jobs = [("/v1/quotes", {"text": t, "id": str(n)}, f"s-{n}") for n, t in enumerate(SINGLE)]
    jobs += [("/v1/quotes/batch", {"documents": docs}, f"b-{n}") for n, docs in enumerate(BATCH)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(lambda job: _post(base, *job), jobs))
    for (path, body, request_id), response in zip(jobs, responses, strict=True):
        assert response.status_code == 200, response.text
        assert response.headers["X-Request-ID"] == request_id
        if path == "/v1/quotes":
            assert response.json() == extractor.extract(body["text"], body["id"])
        else:
            assert [r["id"] for r in response.json()["results"]] == [d["id"] for d in body["documents"]]


def test_metrics_are_summed_over_all_workers(server):
    log_lines = [json.loads(line) for line in server["log"].read_text().splitlines()]
    access = [entry for entry in log_lines if entry.get("logger") == "service.web.access"]
    pids = {entry["pid"] for entry in access if entry["path"].startswith("/v1/")}
    assert len(pids) == WORKERS, "both workers should have served some of the concurrent requests"
    for _ in range(4):  # each scrape may land on either worker; each must see the total
        metrics = requests.get(f"{server['base']}/metrics", timeout=10).text
        assert _counter(metrics, "quotes_http_requests_total", route="/v1/quotes", method="POST", status="200") == len(
            SINGLE
        )
        assert _counter(
            metrics, "quotes_http_requests_total", route="/v1/quotes/batch", method="POST", status="200"
        ) == len(BATCH)
        assert _counter(metrics, "quotes_documents_total", outcome="ok") == len(SINGLE) + 3 * len(BATCH)
        assert _counter(metrics, "quotes_quotes_total") >= len(SINGLE) + 3 * len(BATCH)


def test_logs_are_json_lines_without_article_text(server):
    text = server["log"].read_text()
    entries = [json.loads(line) for line in text.splitlines()]  # every line is JSON
    assert any(entry.get("logger") == "gunicorn.error" for entry in entries)  # gunicorn's own lines too
    assert SECRET_WORD not in text


def test_sigterm_lets_the_request_in_flight_finish(server):
    """Runs last: stops the server."""
    big = " ".join(SINGLE) * 6  # a couple of seconds of work
    result = {}
    worker = threading.Thread(
        target=lambda: result.update(r=_post(server["base"], "/v1/quotes", {"text": big}, "slow"))
    )
    worker.start()
    time.sleep(0.5)
    started = time.monotonic()
    server["proc"].send_signal(signal.SIGTERM)
    worker.join(timeout=60)
    assert result["r"].status_code == 200 and result["r"].json()["quotes"]
    assert server["proc"].wait(timeout=30) == 0
    assert time.monotonic() - started < 25
