"""Bounded cost: no text costs the real engine more than a small multiple of a news
article of the same length, measured in the same run (CPU time, best of two, so
other load on the machine cancels out). Before service/engine/guard.py, 4,000
straight quotes cost 14× the article, and the cost of most of these grew with
the square of their length."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .hostile import HOSTILE, news

SIZE = 4_000
BOUND = 8.0  # × the news article; measured worst case: emoji, 3.3×


def _cost(extractor, text: str, rounds: int = 1) -> tuple[float, dict]:
    """Least CPU seconds of ``rounds`` extractions, and the response."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        response = extractor.extract(text)
        best = min(best, time.process_time() - started)
    return best, response


@pytest.fixture(scope="module")
def baseline(extractor) -> dict[int, float]:
    """CPU seconds for the news article, by length; measured once per length."""
    cache: dict[int, float] = {}

    def cost(n: int) -> float:
        if n not in cache:
            cache[n] = max(_cost(extractor, news(n), rounds=3)[0], 0.02)
        return cache[n]

    return cost


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_costs_a_small_multiple_of_news(extractor, spans_of, baseline, name):
    text = HOSTILE[name](SIZE)
    assert len(text) == SIZE
    cost, response = _cost(extractor, text)
    assert cost <= BOUND * baseline(SIZE), f"{name}: {cost:.2f} s against {baseline(SIZE):.2f} s for news"
    for span in spans_of(response):
        assert text[span["start"] : span["end"]] == span["text"]


PIECES = [
    '"', "“", "”", "‘", "’", "'", "(", ")", "$", ":", "-", "—", "…", ".", ",", "!", "?",
    "a", "said", "Smith", " ", " ", "\n", "😀", "\u200d", "\u0301",
    '"Yes," she said. ', "according to him, ", "Mr. Lee: ",
]  # fmt: skip


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    unit=st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join),
    noise=st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
)
def test_any_repeated_pattern_costs_a_small_multiple_of_news(extractor, baseline, unit, noise):
    size = 3_000
    text = ((unit * (size // len(unit) + 1))[: size - len(noise)] + noise)[:size]
    cost, _ = _cost(extractor, text)
    assert cost <= BOUND * baseline(size), f"{unit!r}: {cost:.2f} s against {baseline(size):.2f} s for news"
