"""Confidence of a quote: the measured precision of the rule that produced it.

``models/confidence.tsv`` holds, per rule, the attribution precision measured on
the development data by ``python -m bench.calibrate`` (see that file's header).
"""

from __future__ import annotations

from functools import cache

from .lexicon import table


@cache
def _by_rule() -> dict[str, float]:
    return {row[0]: float(row[1]) for row in table("confidence.tsv")}


def confidence(rule: str) -> float:
    """Precision of the rule; the pooled precision for a rule not measured."""
    rules = _by_rule()
    return rules.get(rule, rules.get("default", 0.5))
