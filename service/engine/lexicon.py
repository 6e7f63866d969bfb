"""Language resources loaded from the data files under ``models/``.

Each file is plain UTF-8 text with ``#`` comments naming its provenance; this
module only parses them. Files are read once per process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MODELS_DIR = Path(os.environ.get("QUOTES_MODELS_DIR") or Path(__file__).resolve().parents[2] / "models")


def _rows(name: str) -> list[list[str]]:
    path = MODELS_DIR / name
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.lstrip().startswith("#"):
                rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True, slots=True)
class CueVerb:
    """A reporting verb: its class, whether it hedges, and a required particle."""

    lemma: str
    cls: str
    hedge: bool
    particle: str | None


@cache
def cue_verbs() -> dict[str, tuple[CueVerb, ...]]:
    """Reporting verbs by lemma (a lemma may need one of several particles)."""
    table: dict[str, list[CueVerb]] = {}
    for lemma, cls, hedge, particle in _rows("cues.tsv"):
        verb = CueVerb(lemma, cls, hedge == "1", None if particle == "-" else particle)
        table.setdefault(lemma, []).append(verb)
    return {k: tuple(v) for k, v in table.items()}


@cache
def word_set(name: str) -> frozenset[str]:
    """A one-column word list (first column of each row), lower-cased."""
    return frozenset(row[0].lower() for row in _rows(name))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """All rows of a tab-separated data file."""
    return tuple(tuple(row) for row in _rows(name))


@cache
def source_nouns() -> dict[str, str]:
    """Nouns that head a speaker mention, with the kind of source they name."""
    return {row[0]: row[1] for row in _rows("source_nouns.tsv")}
