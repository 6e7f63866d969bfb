"""Confidence of a quote: the measured precision of the rule that produced it.

``models/confidence.tsv`` holds, per rule, the attribution precision measured on
the development data by ``python -m bench.calibrate`` (see that file's header).
"""

from __future__ import annotations

from functools import cache

from .lexicon import table

DEFAULT = 0.5


@cache
def _by_rule() -> dict[str, float]:
    return {row[0]: float(row[1]) for row in table("confidence.tsv")}


def confidence(rule: str) -> float:
    return _by_rule().get(rule, DEFAULT)
