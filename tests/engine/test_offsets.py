"""Offsets always point into the exact text the caller sent."""

from __future__ import annotations

import pytest

TEXTS = {
    "emoji": "🎉 Fans cheered. “We won 🏆 at last,” said Mia Rossi 👏. Critics said the 🏟️ was too small.",
    "crlf": "Line one.\r\n\r\n“It is over,” said Carl Brandt.\r\nHe said the team would rebuild.\r\n",
    "nbsp": "The\u00a0minister said\u00a0that taxes would\u00a0rise. “Not\u00a0now,” said\u00a0Ida\u00a0Lund.",
    "leading whitespace": "\n\n   \t“We are ready,” said Omar Said.   ",
    "combining marks": "Zoë Müller said the café would reopen. “Voilà,” said José Núñez.",
}


@pytest.mark.parametrize("name", TEXTS)
def test_codepoint_spans_slice_the_original_text(extractor, spans_of, name):
    text = TEXTS[name]
    response = extractor.extract(text)
    assert response["quotes"], "each text holds at least one quote"
    for span in spans_of(response):
        assert text[span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize("name", TEXTS)
def test_utf16_spans_slice_the_utf16_text(extractor, spans_of, name):
    text = TEXTS[name]
    units = text.encode("utf-16-le")
    response = extractor.extract(text, offsets="utf16")
    for span in spans_of(response):
        assert units[2 * span["start"] : 2 * span["end"]].decode("utf-16-le") == span["text"]


def test_utf16_differs_from_codepoints_after_astral_characters(extractor):
    text = TEXTS["emoji"]
    cp = extractor.extract(text)["quotes"][0]["content"]
    u16 = extractor.extract(text, offsets="utf16")["quotes"][0]["content"]
    assert u16["start"] == cp["start"] + 1  # one emoji (two UTF-16 units) precedes the quote


def test_text_is_not_altered(extractor):
    text = TEXTS["crlf"]
    response = extractor.extract(text, doc_id="doc-7")
    assert response["id"] == "doc-7"
    quote = response["quotes"][0]["content"]
    assert quote["text"] == "It is over,"


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\u00a0\t"])
def test_empty_and_whitespace_text(extractor, text):
    response = extractor.extract(text)
    assert response["quotes"] == [] and response["speakers"] == []
