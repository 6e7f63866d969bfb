"""Shared helpers: where the shared data lives, and the shared scorer.

The scorer and the data stay in ``../shared`` (no licence to redistribute);
this module only finds and imports them.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

SHARED = Path(os.environ.get("QUOTES_SHARED_DIR") or Path(__file__).resolve().parents[2] / "shared")
SEED_GOLD = SHARED / "gold" / "seed-article.gold.jsonl"
POLNEAR_DEV = SHARED / "eval" / "polnear-dev.jsonl"


def gold_files(given: list[Path]) -> list[Path]:
    """The files asked for, or else the shared gold files that exist."""
    return given or [p for p in (SEED_GOLD, POLNEAR_DEV) if p.exists()]


def scorer() -> ModuleType:
    """``../shared/tools/score.py`` as a module."""
    path = SHARED / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def documents(golds: list[dict]) -> Iterator[tuple[str | None, str]]:
    for g in golds:
        yield g.get("id"), g["text"]
