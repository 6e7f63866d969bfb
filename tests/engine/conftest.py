"""Fixtures for engine tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Found = list[tuple[str, str, str | None]]


def _found(response: dict) -> Found:
    """(type, content text, speaker name) of every quote, in order."""
    names = {s["id"]: s["name"] for s in response["speakers"]}
    return [(q["type"], q["content"]["text"], names.get(q["speaker_id"])) for q in response["quotes"]]


@pytest.fixture(scope="session")
def quotes_of(extractor) -> Callable[[str], Found]:
    """Extract from a text and read the quotes the way a user does."""
    return lambda text: _found(extractor.extract(text))


def _spans(response: dict):
    """Every span a response returns: content, cue, speaker, channel, hedges, mentions."""
    for q in response["quotes"]:
        for key in ("content", "cue", "speaker", "channel"):
            if q.get(key) and q[key].get("start") is not None:
                yield q[key]
        yield from q["hedges"]
    for s in response["speakers"]:
        yield from s["mentions"]


@pytest.fixture(scope="session")
def spans_of() -> Callable[[dict], list[dict]]:
    """All spans of a response, to check that each slices the input text."""
    return lambda response: list(_spans(response))
