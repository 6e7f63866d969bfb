"""Quotation-mark pairing at the character level.

Pairs “…” "…" «…» „…“ and ‘…’ / '…' in raw text, tells apostrophes (don't,
Republicans’ tax) from single quotes, and follows the news convention for
quotations that run over several paragraphs: a paragraph that opens a quote and
ends without closing it continues into the next paragraph when that paragraph
opens with a mark (AP Stylebook, "quotation marks"). Unbalanced or stray marks
never raise; pairing degrades to the best reading and carries on.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
DOUBLE_STRAIGHT = '"'
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
SINGLE_STRAIGHT = "'"
# Horizontal bar / dashes that introduce a speaker after a quote ("…” ― Name).
PARAGRAPH_BREAK = re.compile(r"\n")

_OPEN_CONTEXT = set(" \t\r\n\u00a0([{—–―-/:;,")


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """One quotation: content between the marks, and the marks themselves."""

    start: int  # first character inside the opening mark
    end: int  # the closing mark's offset (exclusive end of the content)
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset of the closing mark, or -1 when never closed
    paragraphs: int = 1  # how many paragraphs the quotation spans

    @property
    def closed(self) -> bool:
        return self.close_mark >= 0


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else "\n"


def _after(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else "\n"


def _opens(text: str, i: int) -> bool:
    """A straight or ambiguous mark at i reads as an opening mark."""
    before, after = _before(text, i), _after(text, i)
    return (before in _OPEN_CONTEXT or before in DOUBLE_OPEN + SINGLE_OPEN) and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before, after = _before(text, i), _after(text, i)
    return not before.isspace() and not _is_word(after)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line; a line break ends a paragraph."""
    spans, pos = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def _first_visible(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Double marks in text[start:end] with their role: 'open', 'close' or 'either'."""
    marks = []
    for i in range(start, end):
        ch = text[i]
        if ch in DOUBLE_OPEN:
            # “ closes a German „…“ pair; a “ with a word before and space after closes too.
            role = "either" if ch == "“" and _closes(text, i) and not _opens(text, i) else "open"
            marks.append((i, role))
        elif ch in DOUBLE_CLOSE:
            # A ” typed where “ belongs (”Quote,” he said) opens when it stands before a word.
            role = "either" if _opens(text, i) and not _closes(text, i) else "close"
            marks.append((i, role))
        elif ch == DOUBLE_STRAIGHT:
            marks.append((i, "either"))
        elif ch == SINGLE_STRAIGHT and i + 1 < end and text[i + 1] == SINGLE_STRAIGHT:
            marks.append((i, "either"))  # '' used as a double mark
    return marks


def _pair_in_paragraph(text: str, start: int, end: int, carried: int | None):
    """Pair double marks in one paragraph.

    Returns (pairs, still_open): pairs of (open_offset, close_offset) and the
    offset of a mark left open at the paragraph's end (or None).
    """
    pairs: list[tuple[int, int]] = []
    open_at = carried
    skip = set()
    for i, role in _double_marks(text, start, end):
        if i in skip:
            continue
        width = 2 if text[i] == SINGLE_STRAIGHT else 1
        if width == 2:
            skip.add(i + 1)
        if open_at is None:
            if role == "close":
                continue  # stray closing mark: ignore
            if role == "either" and not _opens(text, i) and _closes(text, i):
                continue  # looks like a closer with nothing open: stray
            open_at = i
        else:
            if role == "open" and _opens(text, i) and not _closes(text, i):
                # A second opener while one is open: the first was never closed.
                open_at = i
                continue
            pairs.append((open_at, i))
            open_at = None
    return pairs, open_at


def _single_pairs(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Single-mark quotations outside double-quoted spans (headline style).

    ``taken`` is sorted and its spans do not overlap. Every lookup is a binary
    search, so a paragraph of thousands of stray marks costs linear time."""
    taken_open = [a for a, _ in taken]

    def inside_double(i: int) -> bool:
        k = bisect.bisect_right(taken_open, i) - 1
        return k >= 0 and i <= taken[k][1]

    closers, possessives = _single_closers(text, start, end)
    pairs = []
    i = start
    while i < end:
        ch = text[i]
        if ch in SINGLE_OPEN + SINGLE_STRAIGHT and not inside_double(i) and _opens(text, i):
            before = _before(text, i)
            if ch == SINGLE_STRAIGHT and _is_word(before):
                i += 1
                continue
            close = _first_after(closers, i) or _first_after(possessives, i)
            if close is not None and not inside_double(close):
                pairs.append((i, close))
                i = close + 1
                continue
        i += 1
    return pairs


def _first_after(positions: list[int], i: int) -> int | None:
    k = bisect.bisect_right(positions, i)
    return positions[k] if k < len(positions) else None


def _single_closers(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Offsets in text[start:end] of marks that can close a single-quoted quotation,
    and of plural possessives (Republicans’ tax) that close one only when nothing else does."""
    closers, possessives = [], []
    for j in range(start, end):
        ch = text[j]
        if ch not in SINGLE_CLOSE + SINGLE_STRAIGHT:
            continue
        before, after = _before(text, j), _after(text, j)
        if before.isspace() or _is_word(after):
            continue  # apostrophe inside a word (don’t) or an opener
        if before in "sS" and after == " " and j + 2 < end and text[j + 2].islower():
            possessives.append(j)
        else:
            closers.append(j)
    return closers, possessives


def pair_quotes(text: str) -> list[QuoteMarks]:
    """All quotations in text, in order of their opening marks."""
    paragraphs = _paragraphs(text)
    found: list[QuoteMarks] = []
    carried: int | None = None
    for n, (p_start, p_end) in enumerate(paragraphs):
        pairs, open_at = _pair_in_paragraph(text, p_start, p_end, carried)
        for a, b in pairs:
            found.append(QuoteMarks(a + _mark_width(text, a), b, a, b, _count_paragraphs(text, a, b)))
        carried = None
        if open_at is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt is not None:
                first = _first_visible(text, nxt[0], nxt[1])
                if first < nxt[1] and text[first] in DOUBLE_OPEN + DOUBLE_STRAIGHT:
                    carried = open_at  # multi-paragraph quotation continues
                    # the re-opening mark is part of the content, not a new quotation
                    paragraphs[n + 1] = (first + 1, nxt[1])
                    continue
            unclosed = _unclosed(text, open_at, p_start, p_end)
            if unclosed is not None:
                found.append(unclosed)
    doubles = [(q.open_mark, q.close_mark) for q in found]
    for p_start, p_end in paragraphs:
        for a, b in _single_pairs(text, p_start, p_end, doubles):
            found.append(QuoteMarks(a + 1, b, a, b, 1))
    found.sort(key=lambda q: q.open_mark)
    return [q for q in found if q.end > q.start and text[q.start : q.end].strip()]


def _count_paragraphs(text: str, start: int, end: int) -> int:
    return 1 + len(re.findall(r"\n\s*", text[start:end]))


def _mark_width(text: str, i: int) -> int:
    return 2 if text[i] == SINGLE_STRAIGHT else 1


def _unclosed(text: str, open_at: int, p_start: int, p_end: int) -> QuoteMarks | None:
    """A mark never closed: keep it as running to the paragraph's end when it
    opens the paragraph or follows a colon; otherwise it was a stray mark."""
    lead = text[p_start:open_at].rstrip()
    if lead and not lead.endswith(":"):
        return None
    end = p_end
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    if end <= open_at + 1:
        return None
    return QuoteMarks(open_at + _mark_width(text, open_at), end, open_at, -1, 1)
