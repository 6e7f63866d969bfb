"""Defences against input that would make the pipeline's cost grow faster than its length.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free chunk one
at a time, copying the rest of the chunk each time, and its URL and infix
patterns rescan the chunk: a chunk of n punctuation marks, or of n characters
like ``a:a:a:…``, costs O(n²) (10,000 ``"`` took 16–31 s). :func:`guard_text`
gives the engine a working copy in which such chunks are broken by spaces:

- a run of more than :data:`MAX_SYMBOL_RUN` punctuation marks or symbols
  keeps its first and last few and the middle becomes spaces (real news has
  at most 7 in a row: ``…”``, ``?!``; a separator line of 40 dashes keeps 16);
- no whitespace-free chunk goes on for more than :data:`MAX_CHUNK` characters
  without a break at one of its punctuation marks (real news: 40; a URL with
  a long query string may be cut in two, which no quotation depends on).

A break replaces punctuation or symbol characters by spaces, never a letter
or a digit, and (unless the chunk is made of little else) never a character
that joins a grapheme cluster (accents, emoji sequences). The copy has the
same length as the caller's text, so every offset found in it points at the
same place in the caller's text, and responses quote the caller's own
characters. Text without such chunks (all real prose)
is returned unchanged.

The ``sentence_cap`` pipeline component bounds the other quadratic cost, in
this engine's own attribution passes: see :func:`cap_sentences`.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc

MAX_SYMBOL_RUN = 16  # punctuation/symbol characters in a row
MAX_CHUNK = 200  # characters without whitespace before a break at a punctuation mark
_SYMBOL = r"(?:[^\w\s]|_)"
_SYMBOL_RUN = re.compile(_SYMBOL + f"{{{MAX_SYMBOL_RUN + 1},}}")
_LONG_CHUNK = re.compile(rf"\S{{{MAX_CHUNK + 1},}}")
_IS_SYMBOL = re.compile(_SYMBOL)
_JOINERS = {"Mn", "Me", "Cf"}  # combining marks, zero-width joiners, variation selectors


def _joins(ch: str) -> bool:
    """ch belongs to the grapheme cluster of a neighbour: an accent, a joiner, a
    skin-tone modifier, half of a flag."""
    return (
        unicodedata.category(ch) in _JOINERS or "\U0001f3fb" <= ch <= "\U0001f3ff" or "\U0001f1e6" <= ch <= "\U0001f1ff"
    )


def _breakable(chars: list[str], i: int) -> bool:
    """chars[i] is punctuation that can become a space without splitting a grapheme cluster."""
    if not _IS_SYMBOL.fullmatch(chars[i]) or _joins(chars[i]):
        return False
    return not (i + 1 < len(chars) and _joins(chars[i + 1])) and not (i and _joins(chars[i - 1]))


def _last_breakable(chars: list[str], hi: int, lo: int) -> int | None:
    for i in range(hi, lo - 1, -1):
        if _breakable(chars, i):
            return i
    # Only joiners and the marks beside them (no real text looks like this): break anyway.
    for i in range(hi, lo - 1, -1):
        if _IS_SYMBOL.fullmatch(chars[i]):
            return i
    return None


def _blank_middles(chars: list[str], text: str) -> None:
    """Keep both ends of every over-long symbol run and blank its middle: the
    tokenizer reads the spaces as one token, so the run costs a few tokens
    instead of one per character."""
    keep = MAX_SYMBOL_RUN // 2
    for match in _SYMBOL_RUN.finditer(text):
        start, end = match.start() + keep, match.end() - keep
        # Neither edge of the blank may fall inside a grapheme cluster.
        while start < end and (_joins(chars[start]) or _joins(chars[start - 1])):
            start += 1
        while end > start and (_joins(chars[end]) or _joins(chars[end - 1])):
            end -= 1
        chars[start:end] = " " * (end - start)


def _break_chunks(chars: list[str], text: str) -> None:
    """Break every over-long whitespace-free chunk at a punctuation mark at least
    every :data:`MAX_CHUNK` characters (letters and digits alone cost little)."""
    for match in _LONG_CHUNK.finditer(text):
        pos, end = match.span()
        while end - pos > MAX_CHUNK:
            cut = _last_breakable(chars, pos + MAX_CHUNK, pos + MAX_CHUNK // 2)
            if cut is None:
                pos += MAX_CHUNK // 2
                continue
            chars[cut] = " "
            pos = cut + 1


def guard_text(text: str) -> str:
    """The pipeline's working copy of ``text``: same length, over-long chunks broken by spaces."""
    if _SYMBOL_RUN.search(text) is None and _LONG_CHUNK.search(text) is None:
        return text
    chars = list(text)
    _blank_middles(chars, text)
    _break_chunks(chars, "".join(chars))
    return "".join(chars)


# -- sentence length -------------------------------------------------------------------------

SENTENCE_CAP_COMPONENT = "sentence_cap"
MAX_SENTENCE_TOKENS = 200  # real news: at most ~100 tokens in a sentence
_SENTENCE_FINAL = {".", "!", "?", ";", "…", "...", ":"}


@Language.component(SENTENCE_CAP_COMPONENT)
def cap_sentences(doc: Doc) -> Doc:
    """Start a sentence so that none is longer than :data:`MAX_SENTENCE_TOKENS` tokens.

    Placed before the parser (which keeps boundaries set before it runs). The
    attribution passes look at a whole sentence for every cue in it, so a text
    of thousands of tokens without a full stop (a transcript, a table pasted
    as text) would cost the square of its length. The break goes after the
    last full stop (or ``;``, ``:``) in the second half of the window if there
    is one, so real sentences stay whole; otherwise at the limit."""
    start, candidate = 0, None
    for i in range(1, len(doc)):
        if doc[i].is_sent_start:  # a line break already starts one (see pipeline.paragraph_breaks)
            start, candidate = i, None
            continue
        if doc[i - 1].text in _SENTENCE_FINAL:
            candidate = i
        if i - start >= MAX_SENTENCE_TOKENS:
            cut = candidate if candidate is not None and candidate > start + MAX_SENTENCE_TOKENS // 2 else i
            doc[cut].is_sent_start = True
            start, candidate = cut, None
    return doc
