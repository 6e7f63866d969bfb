"""Character-level helpers of the attribution rules: trimming a span to its
words, telling a quotation that stands on its own, comparing spans."""

from __future__ import annotations

import re

from ..marks import QuoteMarks

DASHES = "—―–"
_STANDALONE_BEFORE = set("\n:.!?,;—―–([") | {'"', "”", "“", "'", "’", "‘"}
_TRIM = set(" \t\r\n\u00a0,;:—–-")
_LEADING_MARKERS = {"that", "whether"}
# A dateline opening a paragraph: "WASHINGTON —", "MOSCOW (Reuters) -", "LONDON, May 3 (AP) —".
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,40}(?:,[^()\n—–-]{1,30})?(?:\s*\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s+")

Span = tuple[int, int]


def span_of(token_span) -> Span:
    return token_span.start_char, token_span.end_char


def trim(text: str, start: int, end: int, marker: bool = True) -> Span:
    """The span without edge punctuation and spaces, a dateline, or a leading
    "that" (unless ``marker`` is False: "that" is the clause's subject)."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if start == 0 or text[start - 1] == "\n":
        dateline = _DATELINE.match(text, start, end)
        if dateline:
            start = dateline.end()  # "MOSCOW (Reuters) - Russia is …"
    head = text[start:end].split(None, 1)
    if marker and len(head) == 2 and head[0].lower() in _LEADING_MARKERS:
        start = text.index(head[1], start)
    return start, end


def opens_sentence(text: str, q: QuoteMarks) -> bool:
    """Only a sentence boundary, a colon or a comma comes before the opening mark."""
    j = q.open_mark - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] in _STANDALONE_BEFORE


def strip_marks(text: str, start: int, end: int) -> Span:
    marks = "“”\"‘’'«»„"
    while start < end and (text[start] in marks or text[start] in _TRIM):
        start += 1
    while end > start and (text[end - 1] in marks or text[end - 1] in _TRIM):
        end -= 1
    return start, end


def overlaps(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def covers(outer: Span, inner: Span) -> bool:
    """Most of inner lies within outer."""
    overlap = min(outer[1], inner[1]) - max(outer[0], inner[0])
    return overlap > 0 and overlap >= 0.6 * (inner[1] - inner[0])
