"""``python -m service bulk`` as a user runs it: its own process, from another directory."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import articles, read_table, write_jsonl

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_publishes_output_prints_the_summary_and_shows_progress(spark, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", articles()[:6], [b'{"id": "empty", "text": ""}'])
    proc = subprocess.run(
        [sys.executable, "-m", "service", "bulk", str(source), "out", "--master", "local[1]", "--partitions", "2"],
        cwd=tmp_path,  # not the repository: the workers still find the source tree
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads(proc.stdout)
    assert summary["documents"] == 7 and summary["errors"] == 1 and summary["master"] == "local[1]"
    assert summary["quotes"] == len(read_table(tmp_path / "out", "quotes")) > 0
    assert re.search(r"^bulk: extracting: done, \d+ tasks in \d+ s$", proc.stderr, re.M)
    assert re.search(r"^bulk: writing tables: done", proc.stderr, re.M)
    assert "Traceback" not in proc.stderr


def test_unusable_input_exits_2_with_a_message_and_no_output(spark, tmp_path):
    (tmp_path / "in.jsonl").write_text('{"id": "a", "body": "no text column"}\n')
    proc = subprocess.run(
        [sys.executable, "-m", "service", "bulk", "in.jsonl", "out", "--master", "local[1]"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 2 and "no 'text'" in proc.stderr and proc.stdout == ""
    assert not (tmp_path / "out").exists()
