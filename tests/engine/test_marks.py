"""Quotation-mark pairing: character level, no pipeline needed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.engine.marks import pair_quotes


def contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in pair_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“It is done,” she said.", ["It is done,"]),
        ('"It is done," she said.', ["It is done,"]),
        ("«C'est fini», a-t-il dit.", ["C'est fini"]),
        ("„Es ist vorbei“, sagte sie.", ["Es ist vorbei"]),
        ("''Two apostrophes,'' he said.", ["Two apostrophes,"]),
        ("”Wrong opener,” he said.", ["Wrong opener,"]),
        ("Headline: Sanders says 'get away from this' now", ["get away from this"]),
        # nested single marks stay inside the double-quoted quotation
        ("“He told me ‘never’ twice,” she said.", ["He told me ‘never’ twice,"]),
        # apostrophes are not quotation marks
        ("The Republicans’ tax plan isn’t new, and don't forget it.", []),
        ("It's the voters' choice.", []),
        # a plural possessive inside a single-quoted quotation does not close it
        ("He said ‘the members’ dues are due’ today.", ["the members’ dues are due"]),
        # stray and unbalanced marks never raise
        ("A stray ” closer and an “ opener mid-line", []),
        ("“Unclosed at the start of a paragraph", ["Unclosed at the start of a paragraph"]),
        ("Empty “” marks", []),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_pairing(text, expected):
    assert contents(text) == expected


def test_multi_paragraph_quotation_is_one():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said."
    (quote,) = pair_quotes(text)
    assert text[quote.start : quote.end] == "First paragraph of the quote.\n\n“Second paragraph,"
    assert quote.paragraphs == 2


def test_paragraph_without_reopening_mark_does_not_continue():
    text = "“An unclosed line\n\nNarration resumes here. “Next,” he said."
    assert contents(text) == ["An unclosed line", "Next,"]


def test_offsets_point_at_marks():
    text = "He said “yes.”"
    (quote,) = pair_quotes(text)
    assert text[quote.open_mark] == "“" and text[quote.close_mark] == "”"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n“”\"'‘’«»„")), max_size=80))
def test_any_text_pairs_without_error(text):
    for q in pair_quotes(text):
        assert 0 <= q.open_mark < q.start <= q.end <= len(text)
        assert text[q.start : q.end].strip()
