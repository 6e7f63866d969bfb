"""Hedge detection through the real pipeline: one case per hedge kind and scope,
each beside a counter-example with the homonym or the negated hedge that must
not count. Texts are written for these tests."""

from __future__ import annotations

import pytest

from service.engine import Extractor

KINDS = {"modal", "verb", "adverb", "approximator", "other"}


def hedges_of(extractor: Extractor, text: str, content: str) -> set[tuple[str, str, str]]:
    """(text, kind, scope) of the hedges on the quote whose content contains ``content``."""
    quotes = [q for q in extractor.extract(text)["quotes"] if content in q["content"]["text"]]
    assert quotes, f"no quote containing {content!r} in {text!r}"
    return {(h["text"], h["kind"], h["scope"]) for h in quotes[0]["hedges"]}


CASES = [
    # verb of thinking, content scope: only the speaker's own ("I think"), not someone else's belief
    ("“I think the levee will hold,” Mia Torres said.", "levee will hold", {("think", "verb", "content")}),
    ("“The levee, I believe, will hold,” Mia Torres said.", "will hold", {("believe", "verb", "content")}),
    ("“Many people believe the levee will hold,” Mia Torres said.", "levee will hold", set()),
    ("“Voters will punish us if they think we lied,” Mia Torres said.", "Voters will punish", set()),
    # verb, attribution scope: the cue itself hedges; a neutral cue does not
    ("The minister implied that the deal was off.", "deal was off", {("implied", "verb", "attribution")}),
    ("The minister said that the deal was off.", "deal was off", set()),
    # adverb, attribution scope: an adverb on the cue
    ("The minister reportedly told aides that the deal was off.", "deal was off",
     {("reportedly", "adverb", "attribution")}),
    ("The minister quickly told aides that the deal was off.", "deal was off", set()),
    # modal, content scope; "would" of the future-in-the-past is no hedge
    ("Analysts said fuel prices might rise next year.", "prices might rise", {("might", "modal", "content")}),
    ("The mayor said the council would meet again in June.", "council would meet", set()),
    # "could" of possibility, not of past ability or impossibility
    ("Economists said the tariff could slow growth.", "could slow growth", {("could", "modal", "content")}),
    ("The driver said she could see the smoke from the highway.", "could see", set()),
    ("The driver said he could not reach the exit.", "could not reach", set()),
    # approximator, content scope; "about" meaning "concerning" is none
    ("The official said the fire burned for about six hours.", "fire burned", {("about", "approximator", "content")}),
    ("The official said she was worried about the fire.", "worried about", set()),
    ("The official said the storm lasted around an hour.", "storm lasted", {("around", "approximator", "content")}),
    ("The official said the ships sailed around the world.", "ships sailed", set()),
    # adverb, content scope; a booster is none
    ("The coach said the team would probably win.", "team would", {("probably", "adverb", "content")}),
    ("The coach said the team would certainly win.", "team would", set()),
    # verb, content scope; a negated hedge is none, nor a hedging verb without a clause
    ("She said she believed the plan would work.", "plan would work", {("believed", "verb", "content")}),
    ("She said she did not believe the plan would work.", "plan would work", set()),
    ("She said the committee suggested a compromise.", "suggested a compromise", set()),
    # other: a predicative adjective, not an attributive one
    ("The engineer said it was possible that the bridge would fail.", "bridge would fail",
     {("possible", "other", "content")}),
    ("The engineer said a possible repair was ready.", "repair was ready", set()),
    ("The engineer said the bridge was likely to fail.", "likely to fail", {("likely", "other", "content")}),
    ("The engineer said likely voters were undecided.", "voters were undecided", set()),
]  # fmt: skip


@pytest.mark.parametrize("text, content, expected", CASES)
def test_hedges(extractor: Extractor, text: str, content: str, expected) -> None:
    assert hedges_of(extractor, text, content) == expected


def test_direct_quotation_content_is_read(extractor: Extractor) -> None:
    text = "“We may have overstated the risk,” the director said."
    assert hedges_of(extractor, text, "overstated") == {("may", "modal", "content")}


def test_every_kind_has_a_case(extractor: Extractor) -> None:
    assert {kind for case in CASES for _, kind, _ in case[2]} == KINDS
    assert {cue.kind for cues in extractor.lexicons.hedges.values() for cue in cues} == KINDS


def test_lexicon_leaves_out_would_and_say(extractor: Extractor) -> None:
    assert "would" not in extractor.lexicons.hedges and "say" not in extractor.lexicons.hedges
