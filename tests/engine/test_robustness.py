"""Any text gives a valid response: no crash, and every span slices the input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = [
    "said",
    "says",
    "she",
    "he",
    "Mr.",
    "Smith",
    "according",
    "to",
    "that",
    "the",
    "officials",
    "told",
    ",",
    ".",
    ":",
    "—",
    "―",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    "\n",
    "\n\n",
    "\r\n",
    "\u00a0",
    "😀",
    "é",
    "(",
    ")",
]
TEXTS = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.text(max_size=200),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_any_text_gives_a_valid_response(extractor, spans_of, text):
    response = extractor.extract(text)
    ids = {s["id"] for s in response["speakers"]}
    for quote in response["quotes"]:
        assert quote["type"] in ("direct", "indirect", "mixed")
        assert quote["speaker_id"] is None or quote["speaker_id"] in ids
        assert 0.0 <= quote["confidence"] <= 1.0
    for span in spans_of(response):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]
