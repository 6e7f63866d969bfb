"""Load test against real gunicorn on loopback: bounded, stops by itself.

    python -m bench.load [--quick] [--requests N] [--clients N] [--workers N] [--json FILE]

1. sustained: N requests (default 3,000) from C clients (default 8), a mix of
   JSON and text/plain single articles and batch requests over the corpus
   (``bench.corpus``); every answer must be a 200 with the v1 body;
2. past capacity: a burst of ``--burst`` clients (default 48, 24 per worker)
   sending the ~1,400-word article with a 60 s client timeout: each request
   must be answered within it (queued), or refused with a 503 problem+json;
3. abandoned requests: the same burst with a client timeout shorter than the
   queue (2 s), so clients give up; then the service must answer ``/readyz``
   and a short request again within a bounded time, with its workers alive.

Exit status 1 if any phase fails its check. Every loop is bounded; gunicorn
is always stopped.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import sys
import time
from collections import Counter

from .client import Result, batch_job, drive, latency_ms, plain_job, quote_job, send
from .corpus import Article, closest, load_corpus, opening
from .server import Server, gunicorn, memory_mb

FULL = {"requests": 3000, "burst_rounds": 3, "limit": None}
QUICK = {"requests": 150, "burst_rounds": 1, "limit": 12}
SHORT_WORDS = 200  # most requests carry an article's opening paragraphs
RECOVER_WITHIN = 180.0  # seconds the service has to answer normally again after phase 3
PATIENT, IMPATIENT = 60.0, 2.0  # client timeouts, seconds


def _mix(articles: list[Article], n: int, seed: int = 7) -> list:
    """Requests as a newsroom sends them: mostly single articles (JSON or plain text), some batches."""
    rng = random.Random(seed)
    jobs = []
    for i in range(n):
        roll = rng.random()
        article = rng.choice(articles)
        if roll < 0.60:
            jobs.append(quote_job(opening(article.text, SHORT_WORDS), f"load-{i}"))
        elif roll < 0.75:
            jobs.append(plain_job(opening(article.text, SHORT_WORDS)))
        elif roll < 0.85:
            jobs.append(quote_job(article.text, article.id))
        else:
            jobs.append(batch_job([opening(rng.choice(articles).text, SHORT_WORDS) for _ in range(3)]))
    return jobs


def _valid(result: Result) -> bool:
    """A 200 whose body is the v1 response (or a batch of them)."""
    if result.status != 200 or not result.content_type.startswith("application/json"):
        return False
    try:
        body = json.loads(result.body)
    except ValueError:
        return False
    if result.job.path.endswith("/batch"):
        return all("quotes" in r for r in body.get("results", [None]))
    return isinstance(body.get("quotes"), list)


def _refused_properly(result: Result) -> bool:
    if result.status != 503 or not result.content_type.startswith("application/problem+json"):
        return False
    try:
        return json.loads(result.body).get("status") == 503
    except ValueError:
        return False


def _summary(results: list[Result], seconds: float) -> dict:
    statuses = Counter(str(r.status) if r.status else r.error.split(":")[0] for r in results)
    return {
        "requests": len(results),
        "seconds": round(seconds, 1),
        "requests_per_s": round(len(results) / seconds, 2),
        "words_per_s": round(sum(r.job.words for r in results) / seconds),
        "outcomes": dict(sorted(statuses.items())),
        "latency_ms": latency_ms(results, (50, 90, 95, 99)),
    }


def _get(server: Server, path: str, timeout: float) -> int:
    conn = http.client.HTTPConnection(server.host, server.port, timeout=timeout)
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    except OSError:
        return 0
    finally:
        conn.close()


def _recovery(server: Server, probe: Article) -> dict:
    """Seconds until /readyz and a short request are answered normally again (bounded)."""
    started = time.perf_counter()
    deadline = started + RECOVER_WITHIN
    while time.perf_counter() < deadline:
        if _get(server, "/readyz", 10) == 200:
            result = send(server.host, server.port, quote_job(opening(probe.text, SHORT_WORDS)), 30)
            if result.ok:
                return {"recovered": True, "seconds": round(time.perf_counter() - started, 1)}
        time.sleep(0.5)
    return {"recovered": False, "seconds": round(time.perf_counter() - started, 1)}


def _log_findings(server: Server) -> dict:
    """gunicorn's own reports of trouble: timed-out or killed workers, tracebacks."""
    log = server.log.read_text(errors="replace") if server.log.exists() else ""
    return {
        "worker_timeouts": log.count("WORKER TIMEOUT"),
        "workers_killed_or_exited": log.count("was sent SIG") + log.count("exited with code"),
        "tracebacks": log.count("Traceback"),
    }


def run(articles: list[Article], workers: int, clients: int, burst: int, plan: dict) -> dict:
    article = closest(articles, 1400)
    report: dict = {"workers": workers}
    with gunicorn(workers) as server:
        pids = server.workers()
        # 1. sustained load
        jobs = _mix(articles, plan["requests"])
        results, seconds = drive(server.host, server.port, jobs, clients, PATIENT)
        sustained = _summary(results, seconds)
        sustained["clients"] = clients
        sustained["errors"] = sum(not _valid(r) for r in results)
        sustained["ok"] = sustained["errors"] == 0
        report["sustained"] = sustained

        # 2. past capacity, patient clients: queue or 503, within the timeout
        jobs = [quote_job(article.text, f"burst-{i}") for i in range(burst * plan["burst_rounds"])]
        results, seconds = drive(server.host, server.port, jobs, burst, PATIENT)
        queued = _summary(results, seconds)
        queued["clients"], queued["client_timeout_s"] = burst, PATIENT
        queued["article_words"] = article.words
        queued["refused_503"] = sum(_refused_properly(r) for r in results)
        queued["ok"] = all(_valid(r) or _refused_properly(r) for r in results)
        report["past_capacity"] = queued

        # 3. past capacity, impatient clients: they give up; the service must recover
        jobs = [quote_job(article.text, f"abandon-{i}") for i in range(burst * 2)]
        results, seconds = drive(server.host, server.port, jobs, burst, IMPATIENT)
        abandoned = _summary(results, seconds)
        abandoned["clients"], abandoned["client_timeout_s"] = burst, IMPATIENT
        abandoned["bad_answers"] = sum(r.status not in (0, 200) and not _refused_properly(r) for r in results)
        abandoned.update(_recovery(server, articles[0]))
        abandoned["workers_unchanged"] = server.workers() == pids
        abandoned["master_alive"] = server.alive()
        abandoned["ok"] = abandoned["recovered"] and abandoned["bad_answers"] == 0 and abandoned["master_alive"]
        report["abandoned"] = abandoned

        report["memory_mb"] = {str(pid): round(memory_mb(pid).get("rss", 0), 1) for pid in server.workers()}
        report["gunicorn_log"] = _log_findings(server)
    return report


def _print(report: dict) -> None:
    s, q, a = report["sustained"], report["past_capacity"], report["abandoned"]
    print(f"gunicorn, {report['workers']} sync workers, 127.0.0.1")

    def lat(r: dict) -> str:
        return ", ".join(f"{k} {v:.0f}" for k, v in r["latency_ms"].items()) + " ms"

    print(
        f"1. sustained: {s['requests']} requests, {s['clients']} clients, {s['seconds']} s: "
        f"{s['requests_per_s']} req/s, {s['words_per_s']:,} words/s; errors {s['errors']}; {lat(s)}; "
        f"outcomes {s['outcomes']} -> {'ok' if s['ok'] else 'FAILED'}"
    )
    print(
        f"2. past capacity: {q['requests']} × {q['article_words']}-word article, {q['clients']} clients, "
        f"client timeout {q['client_timeout_s']:.0f} s: {q['requests_per_s']} req/s; {lat(q)}; "
        f"503 problem+json {q['refused_503']}; outcomes {q['outcomes']} -> {'ok' if q['ok'] else 'FAILED'}"
    )
    print(
        f"3. abandoned: {a['requests']} requests, {a['clients']} clients, client timeout {a['client_timeout_s']:.0f} s: "
        f"outcomes {a['outcomes']}; answered normally again after {a['seconds']} s; "
        f"workers unchanged {a['workers_unchanged']}, master alive {a['master_alive']} "
        f"-> {'ok' if a['ok'] else 'FAILED'}"
    )
    print(f"worker RSS after the test (MB): {report['memory_mb']}; gunicorn log: {report['gunicorn_log']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="150 requests and one short burst")
    parser.add_argument("--corpus", choices=("auto", "polnear", "generated"), default="auto")
    parser.add_argument("--requests", type=int, help="sustained-phase requests (default 3000)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--burst", type=int, help="clients in the past-capacity bursts (default 24 per worker)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", metavar="FILE", help="also write the report as JSON ('-' for stdout only)")
    args = parser.parse_args(argv)
    plan = dict(QUICK if args.quick else FULL)
    if args.requests:
        plan["requests"] = args.requests
    _, articles = load_corpus(args.corpus, plan["limit"])
    report = run(articles, args.workers, args.clients, args.burst or 24 * args.workers, plan)
    report["ok"] = all(report[k]["ok"] for k in ("sustained", "past_capacity", "abandoned"))
    if args.json == "-":
        print(json.dumps(report, indent=2))
    else:
        _print(report)
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(report, f, indent=2)
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
