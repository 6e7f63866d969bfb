"""The benchmark commands run end to end, stop by themselves and report every
measurement they promise. Behaviour only: no timing is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.identical import compare

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path: Path, module: str, *args: str, timeout: int = 300) -> tuple[dict, str]:
    out = tmp_path / f"{module}.json"
    proc = subprocess.run(
        [sys.executable, "-m", module, *args, "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads(out.read_text()), proc.stdout


def test_perf_quick_reports_baseline_extraction_service_and_memory(tmp_path):
    report, printed = _run(tmp_path, "bench.perf", "--quick", "--corpus", "generated", "--requests", "140")
    assert report["machine"]["nproc"] >= 1 and report["machine"]["cpu_model"]
    assert set(report["engine"]) == {"bare_pipeline", "extraction", "extraction_stock_pipeline"}
    assert report["engine"]["bare_pipeline"]["words_per_s"] > 0
    assert report["engine"]["bare_pipeline"]["docs_per_s"] > 0
    assert report["engine"]["extraction"]["ratio_to_bare"] > 0
    service = report["service"]
    assert service["workers"] == 2 and service["errors"] == 0 and service["requests"] == 140
    assert service["throughput"]["words_per_s"] > 0 and service["throughput"]["ratio_to_one_process"] > 0
    assert service["one_process"]["words_per_s"] > 0
    assert {"p50", "p95", "p99"} <= set(service["latency_ms"])
    memory = service["memory"]
    assert list(memory["checkpoints"]) == ["100", "140"]
    assert all(len(workers) == 2 for workers in memory["checkpoints"].values())
    assert memory["rss_per_worker_mb"] > 0 and memory["rss_growth_mb"] is not None
    assert [t["name"] for t in report["targets"]] == [
        "extraction_ratio",
        "service_vs_one_process",
        "rss_per_worker_mb",
        "rss_growth_mb",
    ]
    for heading in ("bare_pipeline", "ratio to bare", "latency", "RSS growth", "targets:"):
        assert heading in printed


def test_load_quick_checks_every_phase(tmp_path):
    args = ("--quick", "--corpus", "generated", "--requests", "24", "--clients", "4", "--burst", "6")
    report, printed = _run(tmp_path, "bench.load", *args)
    assert report["ok"] is True
    assert report["sustained"]["errors"] == 0 and report["sustained"]["requests"] == 24
    assert {"p50", "p95", "p99"} <= set(report["sustained"]["latency_ms"])
    assert report["past_capacity"]["ok"] and report["abandoned"]["recovered"]
    assert report["abandoned"]["master_alive"]
    assert "sustained" in printed and "abandoned" in printed


def test_identical_compares_with_a_commit_run_now():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: no commit to compare with")
    proc = subprocess.run(
        [sys.executable, "-m", "bench.identical", "--base", "HEAD", "--corpus", "generated"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "generated.jsonl: 12/12 responses byte-identical" in proc.stdout


def _response(confidence: float, speaker: str = "s1") -> bytes:
    quote = {"id": "q1", "speaker_id": speaker, "confidence": confidence}
    return json.dumps({"id": "a", "quotes": [quote]}).encode() + b"\n"


@pytest.mark.parametrize(
    "new, ignore, expected",
    [
        (_response(0.9), False, (1, 1, 0, [])),
        (_response(0.8), False, (1, 0, 0, ["out.jsonl:1: /quotes/0/confidence: 0.9 -> 0.8"])),
        (_response(0.8), True, (1, 1, 1, [])),
        (_response(0.8, "s2"), True, (1, 0, 0, ["out.jsonl:1: /quotes/0/speaker_id: 's1' -> 's2'"])),
    ],
    ids=["same", "confidence differs", "confidence ignored", "speaker differs"],
)
def test_identical_reports_the_first_difference(tmp_path, new, ignore, expected):
    (tmp_path / "ref.jsonl").write_bytes(_response(0.9))
    (tmp_path / "out.jsonl").write_bytes(new)
    assert compare(tmp_path / "ref.jsonl", tmp_path / "out.jsonl", ignore) == expected


def test_bulk_quick_compares_spark_runs_with_one_cli_process(tmp_path):
    from service.bulk.session import SparkUnavailable, check_available

    try:
        check_available()
    except SparkUnavailable as exc:
        pytest.skip(f"bench.bulk needs pyspark and Java: {exc}")
    report, printed = _run(tmp_path, "bench.bulk", "--quick", "--corpus", "generated", "--documents", "12", timeout=900)
    assert report["documents"] == 12 and report["words"] > 0 and report["quotes_agree"] is True
    runs = report["runs"]
    assert set(runs) == {"cli", "local[1]", "local[2]"}
    for name in ("local[1]", "local[2]"):
        assert runs[name]["ratio_to_cli"] > 0 and runs[name]["docs_per_s"] > 0 and runs[name]["words_per_s"] > 0
        assert runs[name]["quotes"] == runs["cli"]["quotes"] > 0 and runs[name]["errors"] == 0
        assert 1 <= runs[name]["pipeline_loads"] <= int(name[6])
    assert report["target"]["name"] == "local[2]_vs_cli" and report["target"]["minimum"] == 1.6
    for heading in ("ratio to CLI", "other load", "python -m service bulk local[2]", "target:"):
        assert heading in printed
