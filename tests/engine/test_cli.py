"""``python -m service extract``: the command the evaluation uses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "service", "extract", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_jsonl_in_order_with_ids_and_a_bad_line(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "“We will appeal,” said Nora Quinn."}),
        "{not json",
        json.dumps({"id": 7, "text": "Officials said the bridge would reopen."}),
        json.dumps({"text": ""}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("--jsonl", str(src))
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "7", None]
    assert out[0]["quotes"][0]["content"]["text"] == "We will appeal,"
    assert "error" in out[1] and "line 2" in out[1]["error"]
    assert out[2]["quotes"][0]["type"] == "indirect"
    assert out[3]["quotes"] == []
    assert proc.returncode == 1  # a line could not be read


def test_jsonl_from_stdin():
    proc = run("--jsonl", "-", stdin=json.dumps({"id": "x", "text": "Analysts said prices would rise."}) + "\n")
    assert proc.returncode == 0, proc.stderr
    (response,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert response["id"] == "x" and response["quotes"]


def test_text_files_give_one_response_each(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("“Enough,” said Ada Stone.", encoding="utf-8")
    b.write_text("No quotes here.", encoding="utf-8")
    proc = run(str(a), str(b))
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == [str(a), str(b)]
    assert len(out[0]["quotes"]) == 1 and out[1]["quotes"] == []


def test_over_long_text_is_reported_not_processed():
    lines = json.dumps({"id": "long", "text": "Word. " * 50}) + "\n" + json.dumps({"id": "ok", "text": "Hi."}) + "\n"
    proc = run("--jsonl", "-", stdin=lines, env={"QUOTES_MAX_CHARS": "100"})
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert "limit is 100" in out[0]["error"] and out[1]["id"] == "ok"
    assert proc.returncode == 1


def test_a_malformed_lexicon_stops_start_up_with_its_file_and_line(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(ROOT / "models", models)
    with (models / "source_nouns.tsv").open("a", encoding="utf-8") as f:
        f.write("spokesperson\tperson\textra\n")
    line = (models / "source_nouns.tsv").read_text(encoding="utf-8").count("\n")
    text = tmp_path / "a.txt"
    text.write_text("“Yes,” she said.", encoding="utf-8")
    proc = run(str(text), env={"QUOTES_MODELS_DIR": str(models)})
    assert proc.returncode == 2 and proc.stdout == ""
    assert f"error: {models / 'source_nouns.tsv'}:{line}: 3 columns, expected 2" in proc.stderr
    assert "Traceback" not in proc.stderr
