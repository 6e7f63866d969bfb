"""Benchmark bulk runs on Spark against one CLI process, in one run.

    python -m bench.bulk [--quick] [--documents N] [--corpus auto|polnear|generated] [--rounds N] [--json FILE]

The input is ``--documents`` articles (1,000 by default) made by repeating the
corpus (``bench.corpus``: the PolNeAR dev texts when ``../shared`` is there)
with distinct ids, written to a temporary JSONL file at run time. Each round
runs, as a user would, each as its own process from start to exit:

1. ``python -m service extract --jsonl IN`` — one CLI process, the baseline;
2. ``python -m service bulk IN OUT --master local[2]``;
3. ``python -m service bulk IN OUT --master local[1]``;

and reports documents/s and words/s end to end (Spark's start-up included)
and for the extraction phase alone (from the run's summary), each bulk run as
a ratio to the CLI process. The share of the machine's CPU that other
processes used meanwhile is measured beside each number (the command's whole
process tree is ours: the JVM and Spark's Python workers included). Ratios are
medians over rounds; the CLI's and the bulk runs' quote counts must agree.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Article, load_corpus
from .server import machine, machine_busy

_TICKS = os.sysconf("SC_CLK_TCK")
ROOT = Path(__file__).resolve().parents[1]
FULL = {"documents": 1000, "rounds": 1}
QUICK = {"documents": 40, "rounds": 1}
TARGET = ("local[2]", 1.6)  # local[2] end to end ≥ 1.6× one CLI process


def documents(articles: list[Article], n: int) -> list[dict[str, str]]:
    """``n`` documents cycling through the articles, each with an id of its own."""
    return [
        {"id": f"{a.id}#{k // len(articles)}", "text": a.text}
        for k, a in ((k, articles[k % len(articles)]) for k in range(n))
    ]


def _tree_cpu(session: int) -> dict[int, float]:
    """CPU seconds so far of every process in a session (a command and all it started)."""
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:
            out[int(entry.name)] = (int(fields[11]) + int(fields[12])) / _TICKS
    return out


@dataclass
class Measured:
    wall: float
    own_cpu: float
    other_share: float
    stdout: str = field(repr=False)


def measure(command: list[str], stdout_path: Path | None = None) -> Measured:
    """Run a command in a session of its own; its wall time, its tree's CPU, and everyone else's share."""
    busy0, t0 = machine_busy()[0], time.perf_counter()
    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE  # noqa: SIM115
    proc = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.PIPE, start_new_session=True)
    seen: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.25):
            seen.update(_tree_cpu(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate(timeout=3600)
    done.set()
    sampler.join()
    wall = time.perf_counter() - t0
    if stdout_path:
        out.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}:\n{stderr.decode()[-3000:]}")
    own = sum(seen.values())
    other = max(0.0, (machine_busy()[0] - busy0 - own) / ((os.cpu_count() or 1) * wall))
    return Measured(wall, own, other, (stdout or b"").decode())


def run_round(source: Path, work: Path, masters: list[str]) -> dict[str, dict]:
    results = {}
    cli_out = work / "cli.jsonl"
    m = measure([sys.executable, "-m", "service", "extract", "--jsonl", str(source)], cli_out)
    with cli_out.open() as f:
        quotes = sum(len(json.loads(line)["quotes"]) for line in f)
    results["cli"] = {"wall_s": m.wall, "cpu_s": m.own_cpu, "other": m.other_share, "quotes": quotes}
    for master in masters:
        out = work / f"out-{master.strip('local[]')}"
        m = measure(
            [sys.executable, "-m", "service", "bulk", str(source), str(out), "--master", master, "--no-progress"]
        )
        summary = json.loads(m.stdout)
        results[master] = {
            "wall_s": m.wall,
            "cpu_s": m.own_cpu,
            "other": m.other_share,
            "quotes": summary["quotes"],
            "errors": summary["errors"],
            "spark_start_s": summary["seconds"]["spark_start"],
            "extract_s": summary["seconds"]["extract"],
            "partitions": summary["partitions"],
            "pipeline_loads": summary["pipeline_loads"],
        }
    return results


def report(rounds: list[dict[str, dict]], docs: int, words: int) -> dict:
    med = statistics.median
    cli_wall = [r["cli"]["wall_s"] for r in rounds]
    out = {}
    for name in rounds[0]:
        walls = [r[name]["wall_s"] for r in rounds]
        entry = {
            "docs_per_s": round(docs / med(walls), 2),
            "words_per_s": round(words / med(walls)),
            "wall_s": round(med(walls), 1),
            "other_cpu_share": round(med([r[name]["other"] for r in rounds]), 2),
            "quotes": rounds[-1][name]["quotes"],
        }
        if name != "cli":
            extract = [r[name]["extract_s"] for r in rounds]
            entry |= {
                "ratio_to_cli": round(med([c / w for c, w in zip(cli_wall, walls, strict=True)]), 3),
                "spark_start_s": round(med([r[name]["spark_start_s"] for r in rounds]), 1),
                "extraction_words_per_s": round(words / med(extract)),
                "extraction_ratio_to_cli": round(med([c / e for c, e in zip(cli_wall, extract, strict=True)]), 3),
                "partitions": rounds[-1][name]["partitions"],
                "pipeline_loads": rounds[-1][name]["pipeline_loads"],
                "errors": rounds[-1][name]["errors"],
            }
        out[name] = entry
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bulk", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK['documents']} documents, one round")
    parser.add_argument("--documents", type=int, help=f"documents in the input (default {FULL['documents']})")
    parser.add_argument("--corpus", choices=("auto", "polnear", "generated"), default="auto")
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    n, rounds = args.documents or plan["documents"], args.rounds or plan["rounds"]
    name, articles = load_corpus(args.corpus)
    docs = documents(articles, n)
    words = sum(len(d["text"].split()) for d in docs)
    info = machine()
    print(
        f"machine: {info['nproc']} cores, {info['cpu_model']}, {info['ram_gb']} GB RAM, Python {info['python']}; "
        f"load average {info['loadavg_1m_at_start']} at start"
    )
    print(f"input: {n:,} documents, {words:,} words ({name}, repeated with distinct ids); {rounds} round(s)")
    masters = ["local[2]", "local[1]"]
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as tmp:
        work = Path(tmp)
        source = work / "documents.jsonl"
        source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        results = []
        for k in range(rounds):
            print(f"  round {k + 1}/{rounds} …", file=sys.stderr, flush=True)
            results.append(run_round(source, work, masters))
    table = report(results, n, words)
    print("\nend to end, one process each   docs/s   words/s   wall s   ratio to CLI   other load")
    for label, row in table.items():
        ratio = "baseline" if label == "cli" else f"{row['ratio_to_cli']:.2f}×"
        title = "python -m service extract" if label == "cli" else f"python -m service bulk {label}"
        print(
            f"  {title:<29}{row['docs_per_s']:>7.2f} {row['words_per_s']:>9,} {row['wall_s']:>8.1f}"
            f" {ratio:>14} {row['other_cpu_share']:>11.0%}"
        )
    print("\nbulk runs without Spark's start-up (extraction phase, from summary.json):")
    for label in masters:
        row = table[label]
        print(
            f"  {label}: {row['extraction_words_per_s']:,} words/s = {row['extraction_ratio_to_cli']:.2f}× the CLI "
            f"(end to end); Spark start {row['spark_start_s']} s; {row['partitions']} partitions; "
            f"{row['pipeline_loads']} pipeline load(s)"
        )
    agree = all(table[m]["quotes"] == table["cli"]["quotes"] and table[m]["errors"] == 0 for m in masters)
    print(
        f"\nquotes: CLI {table['cli']['quotes']:,}, "
        + ", ".join(f"{m} {table[m]['quotes']:,}" for m in masters)
        + (" (equal)" if agree else " (DIFFERENT)")
    )
    met = table[TARGET[0]]["ratio_to_cli"] >= TARGET[1]
    print(
        f"target: {TARGET[0]} ≥ {TARGET[1]}× one CLI process: {table[TARGET[0]]['ratio_to_cli']:.2f}× "
        f"{'met' if met else 'NOT met'}"
    )
    result = {
        "machine": info,
        "corpus": name,
        "documents": n,
        "words": words,
        "rounds": rounds,
        "runs": table,
        "quotes_agree": agree,
        "target": {
            "name": f"{TARGET[0]}_vs_cli",
            "minimum": TARGET[1],
            "value": table[TARGET[0]]["ratio_to_cli"],
            "met": met,
        },
    }
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
