"""Findings as attributions, and senses of cue words that report nothing.

Texts are written for these tests; the real pinned pipeline parses them.
"""

from __future__ import annotations

import pytest

FINDINGS = [
    ("A Pew survey found that 52 percent oppose the plan.", ("indirect", "52 percent oppose the plan", "A Pew survey")),
    ("The data show how the outbreak spread.", ("indirect", "how the outbreak spread", "data")),
    (
        "A new poll shows Mayor Ruiz ahead by four points.",
        ("indirect", "Mayor Ruiz ahead by four points", "A new poll"),
    ),
    ("The audit found 40 cases of double billing.", ("indirect", "40 cases of double billing", "audit")),
    ("The documents reveal that the agency knew.", ("indirect", "the agency knew", "documents")),
]


@pytest.mark.parametrize("text, expected", FINDINGS)
def test_findings_of_documents(quotes_of, text, expected):
    assert expected in quotes_of(text)


def test_a_document_speaks_as_a_document_through_a_publication(extractor):
    response = extractor.extract("A Pew survey found that 52 percent oppose the plan.")
    (quote,) = response["quotes"]
    (speaker,) = response["speakers"]
    assert speaker["kind"] == "document"
    assert quote["channel"]["type"] == "publication"


@pytest.mark.parametrize(
    "text",
    [
        "She showed me where he slept.",  # a demonstration, not a finding
        "He showed the guests how the lock worked.",
        "Police found the keys under the mat.",  # no clause, and no document finds
        "The team is adding to its wins.",
        "Asked whether he would run, Lee would not say.",  # the questioner's act
        "As expected, the vote was close.",
    ],
)
def test_cue_words_in_other_senses_report_nothing(quotes_of, text):
    assert quotes_of(text) == []


def test_an_answer_after_a_question_is_the_answerers_not_the_question(quotes_of):
    quotes = quotes_of("When asked why he left, Dan Lee said he was tired.")
    assert quotes == [("indirect", "he was tired", "Dan Lee")]
