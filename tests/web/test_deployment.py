"""The Dockerfile and gunicorn.conf.py say what issue 3 asks of them.

No container runtime runs here, so the Dockerfile is linted with hadolint and
read; ``make docker-check`` replays its steps in a fresh venv as a non-root user.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def test_hadolint_finds_nothing():
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    if hadolint is None:
        pytest.skip("hadolint is not installed (requirements-dev.txt brings it on Linux x86-64)")
    result = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_is_multi_stage_hash_pinned_non_root_with_healthcheck():
    stages = re.findall(r"^FROM ", DOCKERFILE, re.M)
    assert len(stages) >= 2
    assert "--require-hashes" in DOCKERFILE and "-r /tmp/requirements.txt" in DOCKERFILE
    users = re.findall(r"^USER (\S+)", DOCKERFILE, re.M)
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*/readyz", DOCKERFILE, re.M | re.S)
    final = DOCKERFILE.rsplit("\nFROM ", 1)[1]
    assert not re.search(r"apt-get|gcc|build-essential", final), "no build tools in the final image"


def test_every_install_takes_exactly_the_lock():
    """Makefile, Dockerfile (and so docker-check) install the fully resolved lock the same way:
    hash-checked, no dependency resolution (a newer upstream release cannot enter), then pip check."""
    makefile = (ROOT / "Makefile").read_text()
    flags = ("--no-deps", "--require-hashes", "--only-binary=:all:")
    for name, text in (("Makefile", makefile), ("Dockerfile", DOCKERFILE)):
        install = re.search(r"pip install ([^\n&]*)", text.replace("\\\n", " ")).group(1)
        assert all(flag in install.split() for flag in flags), (name, install)
        assert "pip check" in text, name
    for lock in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / lock).read_text().splitlines():
            if line and not line.startswith((" ", "#", "-")):
                assert re.match(r"^[A-Za-z0-9._-]+==[^ ]+ \\$", line), (lock, line)


def test_the_image_holds_everything_the_service_reads():
    copied = " ".join(re.findall(r"^COPY (?!--from)(.*)$", DOCKERFILE, re.M))
    for needed in ("service/", "models/", "openapi.yaml", "gunicorn.conf.py"):
        assert needed in copied


def test_gunicorn_config_preloads_pins_blas_and_reads_the_settings():
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    env.update(QUOTES_WORKERS="3", QUOTES_TIMEOUT="77", QUOTES_BIND="127.0.0.1:9")
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    script = (
        "import json, os, runpy; c = runpy.run_path('gunicorn.conf.py'); "
        "print(json.dumps({k: c[k] for k in ('workers', 'timeout', 'bind', 'preload_app', 'worker_class', "
        "'graceful_timeout', 'wsgi_app')} | {'blas': os.environ['OPENBLAS_NUM_THREADS'], "
        "'omp': os.environ['OMP_NUM_THREADS'], 'prom': os.environ['PROMETHEUS_MULTIPROC_DIR']})); "
        "c['on_exit'](None)"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    config = json.loads(out.stdout.strip().splitlines()[-1])
    assert config["workers"] == 3 and config["timeout"] == 77 and config["bind"] == ["127.0.0.1:9"]
    assert config["preload_app"] is True and config["worker_class"] == "sync"
    assert config["wsgi_app"] == "service.web.wsgi:app"
    assert config["blas"] == "1" and config["omp"] == "1"
    assert not Path(config["prom"]).exists(), "the temporary metrics directory is removed on exit"
