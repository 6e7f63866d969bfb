"""Benchmark the engine and the service against the bare spaCy pipeline, in one run.

    python -m bench.perf [--quick] [--corpus auto|polnear|generated] [--rounds N] [--json FILE]

On the same texts (``bench.corpus``) and the same machine it measures:

1. the bare pipeline — ``spacy.load(model)``, every component, ``nlp.pipe`` at
   the service's batch size — as the baseline, in words/s and documents/s;
2. our extraction end to end (``Extractor.extract_many``) as a ratio to it, and
   the same over spaCy's stock pipeline (``load_pipeline(stock=True)``: without
   the engine's speed-ups, so the ratio is the cost of our own code alone);
3. the HTTP service under real gunicorn (``gunicorn.conf.py``, 2 sync workers,
   127.0.0.1, a free port) driven by concurrent clients: throughput as a ratio
   to the baseline and to one engine process (this process extracting one
   document per call, as a worker does), latency p50/p95/p99 for the article
   nearest 1,400 words, memory per worker after 100 and after 2,000 requests
   (each growth request carries words never seen before).

Configurations are measured in interleaved rounds (the service's throughput
paired with one engine process) and each ratio is the median of the per-round
ratios, so a neighbour's load on a shared machine hits both sides alike; the
share of the machine's CPU that other processes used is shown beside each
number. BLAS threads are pinned to 1, as in the gunicorn workers. Every loop
is bounded; gunicorn is always stopped.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # before numpy is imported, as gunicorn.conf.py does

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402

from service.engine import Extractor  # noqa: E402
from service.engine.pipeline import load_pipeline  # noqa: E402
from service.settings import Settings  # noqa: E402

from .client import Result, drive, latency_ms, quote_job  # noqa: E402
from .corpus import Article, closest, load_corpus, opening, with_nonce  # noqa: E402
from .server import Server, cpu_seconds, gunicorn, machine, machine_busy, memory_mb  # noqa: E402

FULL = {"rounds": 3, "latency_requests": 200, "growth_requests": 2000, "limit": None}
QUICK = {"rounds": 1, "latency_requests": 20, "growth_requests": 200, "limit": 8}
WARM_REQUESTS = 100
WARM_UP = '"We are ready," the spokeswoman said on Monday. Officials said that talks would resume.'
GROWTH_WORDS = 300  # growth requests: each article's opening paragraphs, up to this many words
TARGETS = {  # name: (minimum, or maximum when negative)
    "extraction_ratio": 0.90,
    "service_vs_one_process": 1.6,
    "rss_per_worker_mb": -350.0,
    "rss_growth_mb": -10.0,
}


class Meter:
    """Wall and CPU time of one phase, and the share of the machine other processes used meanwhile."""

    def __init__(self, pids: Callable[[], list[int]] = lambda: []):
        self.pids = pids

    def __enter__(self) -> Meter:
        self.ours = [cpu_seconds(pid) for pid in self.pids()]
        self.busy = machine_busy()[0]
        self.cpu = time.process_time()
        self.wall = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu
        self.served_cpu = sum(cpu_seconds(pid) for pid in self.pids()) - sum(self.ours)
        own = self.cpu + self.served_cpu
        self.other_share = max(0.0, (machine_busy()[0] - self.busy - own) / ((os.cpu_count() or 1) * self.wall))


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _progress(line: str) -> None:
    print(f"  {line}", file=sys.stderr, flush=True)


# -- in-process: the bare pipeline and the engine ---------------------------------------------


@dataclass
class Engines:
    """The three things timed in one process: spaCy as it loads, our extractor, our code over stock spaCy."""

    bare: Language
    shipped: Extractor
    stock: Extractor
    batch_size: int

    @classmethod
    def load(cls, settings: Settings) -> Engines:
        model, batch_size = settings.spacy_model, settings.batch_size
        shipped = Extractor.load(model, batch_size, settings.models_dir)
        engines = cls(
            spacy.load(model),
            shipped,
            Extractor(load_pipeline(model, stock=True), batch_size, shipped.lexicons),
            batch_size,
        )
        for extractor in (engines.shipped, engines.stock):  # lazy set-up out of the timings
            extractor.extract(WARM_UP)
        engines.bare(WARM_UP)
        return engines


def _summary(words: int, docs: int, meters: list[Meter]) -> dict:
    return {
        "words_per_s": round(_median([words / m.wall for m in meters])),
        "docs_per_s": round(_median([docs / m.wall for m in meters]), 2),
        "words_per_cpu_s": round(_median([words / m.cpu for m in meters])),
        "other_cpu_share": round(_median([m.other_share for m in meters]), 2),
    }


def _ratio(numerators: list[Meter], denominators: list[Meter], cpu: bool = False) -> float:
    """Median over rounds of a throughput ratio (same work on both sides: inverse time ratio)."""
    pairs = zip(numerators, denominators, strict=True)
    return round(_median([(d.cpu / n.cpu) if cpu else (d.wall / n.wall) for n, d in pairs]), 3)


def engine_phase(engines: Engines, articles: list[Article], rounds: int) -> dict:
    texts = [a.text for a in articles]
    documents = [(None, t) for t in texts]
    words = sum(a.words for a in articles)

    def bare() -> None:
        with engines.bare.memory_zone():
            for _ in engines.bare.pipe(texts, batch_size=engines.batch_size):
                pass

    runs: dict[str, Callable[[], object]] = {
        "bare_pipeline": bare,
        "extraction": lambda: list(engines.shipped.extract_many(documents)),
        "extraction_stock_pipeline": lambda: list(engines.stock.extract_many(documents)),
    }
    measured: dict[str, list[Meter]] = {name: [] for name in runs}
    for r in range(rounds):
        for name, run in runs.items():
            with Meter() as meter:
                run()
            measured[name].append(meter)
            _progress(f"round {r + 1}/{rounds} {name}: {words / meter.wall:,.0f} words/s")
    out = {}
    for name, meters in measured.items():
        out[name] = _summary(words, len(texts), meters)
        if name != "bare_pipeline":
            out[name]["ratio_to_bare"] = _ratio(meters, measured["bare_pipeline"])
            out[name]["cpu_ratio_to_bare"] = _ratio(meters, measured["bare_pipeline"], cpu=True)
    return out


# -- the service under gunicorn ---------------------------------------------------------------


def _memory(server: Server) -> dict[str, dict[str, float]]:
    return {str(pid): {k: round(v, 1) for k, v in memory_mb(pid).items()} for pid in server.workers()}


def service_phase(
    engines: Engines, articles: list[Article], workers: int, clients: int, plan: dict, bare_words_per_s: float
) -> dict:
    article = closest(articles, 1400)
    sent: list[Result] = []
    checkpoints: dict[int, dict] = {}
    started = time.perf_counter()
    with gunicorn(workers) as server:
        ready_s = time.perf_counter() - started
        first_workers = server.workers()

        def run(jobs: list, concurrency: int) -> tuple[list[Result], Meter]:
            with Meter(lambda: [server.master, *server.workers()]) as meter:
                results, _ = drive(server.host, server.port, jobs, concurrency)
            sent.extend(results)
            return results, meter

        # warm-up: the first 100 requests, the whole corpus in turn
        warm = [quote_job(with_nonce(articles[i % len(articles)].text, i)) for i in range(WARM_REQUESTS)]
        run(warm, clients)
        checkpoints[len(sent)] = _memory(server)

        # throughput, in rounds: one engine process (here, one document per call), then the
        # service with the same texts, unchanged, longest first so no worker idles at the end
        by_length = sorted(articles, key=lambda a: -a.words)
        words, one, served = sum(a.words for a in articles), [], []
        for r in range(plan["rounds"]):
            with Meter() as meter:
                for a in by_length:
                    engines.shipped.extract(a.text)
            one.append(meter)
            _, meter = run([quote_job(a.text, a.id) for a in by_length], clients)
            served.append(meter)
            rates = f"one process {words / one[-1].wall:,.0f} words/s, service {words / meter.wall:,.0f} words/s"
            _progress(f"round {r + 1}/{plan['rounds']}: {rates}")
        one_process = _summary(words, len(articles), one)
        throughput = {
            **_summary(words, len(articles), served),
            "requests": len(articles) * plan["rounds"],
            "clients": clients,
            "words_per_worker_cpu_s": round(_median([words / m.served_cpu for m in served])),
            "ratio_to_bare": round(_median([words / m.wall for m in served]) / bare_words_per_s, 3),
            "ratio_to_one_process": _ratio(served, one),
        }
        del throughput["words_per_cpu_s"]  # the client's CPU, not the service's

        # latency: one article near 1,400 words, as many clients as workers (no queueing)
        results, meter = run([quote_job(article.text, article.id)] * plan["latency_requests"], workers)
        latency = {
            "article_words": article.words,
            "requests": len(results),
            "clients": workers,
            **latency_ms(results),
            "other_cpu_share": round(meter.other_share, 2),
        }

        # growth: short texts with new words in every request, memory read at checkpoints
        marks = sorted({m for m in (500, 1000, 1500, plan["growth_requests"]) if m <= plan["growth_requests"]})
        n = len(sent)
        for mark in marks:
            if mark <= len(sent):
                continue
            jobs = []
            for _ in range(mark - len(sent)):
                jobs.append(quote_job(with_nonce(opening(articles[n % len(articles)].text, GROWTH_WORDS), n)))
                n += 1
            run(jobs, clients)
            checkpoints[len(sent)] = _memory(server)
        recycled = server.workers() != first_workers

    statuses = Counter(r.status for r in sent)
    first, last = min(checkpoints), max(checkpoints)
    rss_first = {pid: m["rss"] for pid, m in checkpoints[first].items()}
    rss_last = {pid: m["rss"] for pid, m in checkpoints[last].items()}
    growth = None if recycled else round(max(rss_last[p] - rss_first[p] for p in rss_last), 1)
    return {
        "workers": workers,
        "ready_s": round(ready_s, 1),
        "requests": len(sent),
        "errors": len(sent) - statuses[200],
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "one_process": one_process,
        "throughput": throughput,
        "latency_ms": latency,
        "memory": {
            "checkpoints": {str(k): v for k, v in checkpoints.items()},
            "rss_per_worker_mb": max(rss_last.values()),
            "rss_growth_mb": growth,
            "compared": f"after {last} requests vs after {first}",
            "workers_recycled": recycled,
        },
    }


# -- report -----------------------------------------------------------------------------------


def _targets(report: dict) -> list[dict]:
    engine, service = report["engine"], report.get("service")
    values = {"extraction_ratio": engine["extraction"]["ratio_to_bare"]}
    if service:
        values["service_vs_one_process"] = service["throughput"]["ratio_to_one_process"]
        values["rss_per_worker_mb"] = service["memory"]["rss_per_worker_mb"]
        values["rss_growth_mb"] = service["memory"]["rss_growth_mb"]
    out = []
    for name, bound in TARGETS.items():
        value = values.get(name)
        met = None if value is None else (value <= -bound if bound < 0 else value >= bound)
        out.append({"name": name, "target": f"{'≤' if bound < 0 else '≥'} {abs(bound)}", "value": value, "met": met})
    return out


def _print(report: dict) -> None:
    m, c = report["machine"], report["corpus"]
    print(f"machine: {m['nproc']} cores, {m['cpu_model']}, {m['ram_gb']} GB RAM, Linux {m['kernel']}, ", end="")
    print(f"Python {m['python']}, spaCy {report['spacy']}; load average {m['loadavg_1m_at_start']} at start")
    print(
        f"corpus: {c['name']}: {c['documents']} documents, {c['words']:,} words; pipeline {report['model']}, ", end=""
    )
    print(f"batch size {report['batch_size']}, {report['rounds']} round(s), medians")
    print("\nin one process                 words/s   docs/s  words/CPU-s  ratio to bare  other load")
    for name, r in report["engine"].items():
        ratio = f"{r['ratio_to_bare']:.3f}×" if "ratio_to_bare" in r else "baseline"
        print(
            f"  {name:<28} {r['words_per_s']:>7,} {r['docs_per_s']:>8.2f} {r['words_per_cpu_s']:>12,}"
            f" {ratio:>14} {r['other_cpu_share']:>11.0%}"
        )
    s = report.get("service")
    if s:
        t, lat, mem, one = s["throughput"], s["latency_ms"], s["memory"], s["one_process"]
        print(f"\nHTTP service: gunicorn, {s['workers']} sync workers, 127.0.0.1 (ready in {s['ready_s']} s)")
        print(
            f"  one engine process, one document per call: {one['words_per_s']:,} words/s, "
            f"{one['docs_per_s']} docs/s; other load {one['other_cpu_share']:.0%}"
        )
        print(
            f"  service ({t['requests']} requests, {t['clients']} clients): {t['words_per_s']:,} words/s, "
            f"{t['docs_per_s']} docs/s = {t['ratio_to_bare']:.2f}× bare pipeline, "
            f"{t['ratio_to_one_process']:.2f}× one engine process; other load {t['other_cpu_share']:.0%}; "
            f"{t['words_per_worker_cpu_s']:,} words per worker CPU-second"
        )
        print(
            f"  latency, {lat['article_words']}-word article ({lat['requests']} requests, {lat['clients']} clients): "
            f"p50 {lat['p50']:.0f} ms, p95 {lat['p95']:.0f} ms, p99 {lat['p99']:.0f} ms, max {lat['max']:.0f} ms"
        )
        print("  memory per worker, MB (RSS / PSS / USS) after N requests:")
        for n, workers in mem["checkpoints"].items():
            cells = "   ".join(f"{v['rss']:.0f} / {v['pss']:.0f} / {v['uss']:.0f}" for v in workers.values())
            print(f"    {n:>5}: {cells}")
        growth = "n/a (a worker was recycled)" if mem["rss_growth_mb"] is None else f"{mem['rss_growth_mb']:+.1f} MB"
        print(f"  RSS growth {mem['compared']}: {growth} (largest of the workers)")
        print(f"  requests: {s['requests']}, errors: {s['errors']} {s['statuses']}")
    print("\ntargets:")
    for t in report["targets"]:
        verdict = {True: "met", False: "NOT MET", None: "not measured"}[t["met"]]
        print(f"  {t['name']:<24} {t['target']:>8}  {t['value']!s:>8}  {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.perf", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small corpus, 1 round, 200 requests (~1 minute)")
    parser.add_argument("--corpus", choices=("auto", "polnear", "generated"), default="auto")
    parser.add_argument("--rounds", type=int, help="engine rounds (default 3, quick 1)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, help="concurrent clients (default: 2 per worker)")
    parser.add_argument("--requests", type=int, help="total requests for the memory growth check (default 2000)")
    parser.add_argument("--no-service", action="store_true", help="only the in-process measurements")
    parser.add_argument("--json", metavar="FILE", help="also write the report as JSON ('-' for stdout only)")
    args = parser.parse_args(argv)
    plan = dict(QUICK if args.quick else FULL)
    if args.rounds:
        plan["rounds"] = args.rounds
    if args.requests:
        plan["growth_requests"] = max(args.requests, WARM_REQUESTS)
    settings = Settings.from_env()
    name, articles = load_corpus(args.corpus, plan["limit"])
    report: dict = {
        "machine": machine(),
        "spacy": spacy.__version__,
        "model": settings.spacy_model,
        "batch_size": settings.batch_size,
        "rounds": plan["rounds"],
        "corpus": {"name": name, "documents": len(articles), "words": sum(a.words for a in articles)},
    }
    engines = Engines.load(settings)
    print(f"engine: {len(articles)} documents × {plan['rounds']} round(s) …", file=sys.stderr)
    report["engine"] = engine_phase(engines, articles, plan["rounds"])
    if not args.no_service:
        print(f"service: gunicorn with {args.workers} workers …", file=sys.stderr)
        bare = report["engine"]["bare_pipeline"]["words_per_s"]
        clients = args.clients or 2 * args.workers
        report["service"] = service_phase(engines, articles, args.workers, clients, plan, bare)
    report["targets"] = _targets(report)
    if args.json == "-":
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print(report)
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(report, f, indent=2, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
