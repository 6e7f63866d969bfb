"""Spark stays out of the service: its own hash-pinned lock, never in the image,
and the rest of the command line works without it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _pins(lock: str) -> dict[str, str]:
    text = (ROOT / lock).read_text()
    return dict(re.findall(r"^([A-Za-z0-9._-]+)==([^ ]+) \\$", text, re.M))


def test_spark_is_in_its_own_lock_and_shared_pins_agree():
    runtime, bulk = _pins("requirements.txt"), _pins("requirements-bulk.txt")
    assert {"pyspark", "pyarrow", "py4j", "pandas"} <= set(bulk)
    assert not {"pyspark", "pyarrow", "py4j", "pandas"} & set(runtime)
    assert all(runtime[name] == version for name, version in bulk.items() if name in runtime)
    for line in (ROOT / "requirements-bulk.txt").read_text().splitlines():
        if line and not line.startswith((" ", "#", "-")):
            assert re.match(r"^[A-Za-z0-9._-]+==[^ ]+ \\$", line), line


def test_the_image_does_not_carry_spark_and_make_installs_the_bulk_lock_hash_checked():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "requirements-bulk" not in dockerfile and "pyspark" not in dockerfile.lower()
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("$(VENV)/.bulk:", 1)[1].split("\n\n", 1)[0]
    assert "$(INSTALL)" in recipe and "-r requirements-bulk.txt" in recipe and "pip check" in recipe
    assert re.search(r"^INSTALL := .*--no-deps --require-hashes --only-binary=:all:", makefile, re.M)
    assert re.search(r"^test: .*\$\(VENV\)/\.bulk", makefile, re.M)
    assert "openjdk-17-jre-headless" in (ROOT / ".ci" / "run").read_text()


def test_extract_runs_where_pyspark_cannot_be_imported(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text('"We are ready," she said.')
    script = (
        "import sys; sys.modules['pyspark'] = None; sys.modules['pyarrow'] = None\n"
        "from service.cli import main\n"
        f"sys.exit(main(['extract', {str(article)!r}]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert '"content": {"start": 1, "end": 14, "text": "We are ready,"}' in proc.stdout
