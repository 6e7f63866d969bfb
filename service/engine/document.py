"""One document under analysis: what every stage reads, built once.

The parse, the caller's text and the working copy the pipeline read (same
length, see :mod:`.guard`; ``Doc.text`` is rebuilt on every access), the
paired quotation marks, the language resources, and the indexes the stages
look things up in — token starts, which quotation a character is in, where the
line breaks are. Stages read ``work`` (offsets in it are offsets in ``text``);
responses quote ``text``. Stages take a :class:`Document` and return their own
results; none of them changes it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import Lexicons
from .marks import QuoteMarks, pair_quotes

_LINE_BREAK_RUN = re.compile(r"\n\s*")


@dataclass(frozen=True, slots=True)
class Document:
    doc: Doc
    text: str  # the caller's text, exactly as sent: what responses quote
    work: str  # the working copy the pipeline read, same length: what the stages read
    quotes: tuple[QuoteMarks, ...]  # in order of their opening marks
    lexicons: Lexicons
    token_starts: tuple[int, ...]  # character offset of every token
    line_breaks: tuple[int, ...]  # offsets of the "\n" characters
    _break_runs: tuple[int, ...]  # for each line break, which run of blank space it belongs to
    _opening_marks: tuple[int, ...]
    _quoted_words: tuple[tuple[int, int], ...]  # (start, end) of every quotation's words, sorted
    _quoted_starts: tuple[int, ...]

    @classmethod
    def build(cls, doc: Doc, text: str, work: str, lexicons: Lexicons) -> Document:
        quotes = tuple(pair_quotes(work))
        breaks = [m.start() for m in re.finditer("\n", work)]
        run_of, runs = [], 0
        run_ends = [m.end() for m in _LINE_BREAK_RUN.finditer(work)]
        for b in breaks:  # a run is a line break and the blank space after it ("\n \n" is one)
            while run_ends[runs] <= b:
                runs += 1
            run_of.append(runs)
        words = tuple(sorted((q.start, q.end) for q in quotes))
        return cls(
            doc,
            text,
            work,
            quotes,
            lexicons,
            tuple(t.idx for t in doc),
            tuple(breaks),
            tuple(run_of),
            tuple(q.open_mark for q in quotes),
            words,
            tuple(start for start, _ in words),
        )

    def token_at(self, char: int) -> Token | None:
        """The token covering a character, or the first one after it."""
        i = bisect.bisect_right(self.token_starts, char) - 1
        if i >= 0 and char < self.token_starts[i] + len(self.doc[i]):
            return self.doc[i]
        i += 1
        return self.doc[i] if i < len(self.doc) else None

    def quotation_at(self, char: int) -> QuoteMarks | None:
        """The quotation whose marks enclose a character (marks included)."""
        i = bisect.bisect_right(self._opening_marks, char) - 1
        while i >= 0:
            q = self.quotes[i]
            end = q.close_mark if q.closed else q.end
            if q.open_mark <= char <= end:
                return q
            i -= 1
            if i >= 0 and self.quotes[i].end < char - 5000:
                break
        return None

    def in_quotation(self, token: Token) -> bool:
        return self.quotation_at(token.idx) is not None

    def in_quoted_words(self, char: int) -> bool:
        """The character is among the words of the last quotation opened before it."""
        i = bisect.bisect_right(self._quoted_starts, char) - 1
        return i >= 0 and self._quoted_words[i][0] <= char < self._quoted_words[i][1]

    def same_paragraph(self, a: int, b: int) -> bool:
        """No line break between two offsets."""
        return bisect.bisect_left(self.line_breaks, a) == bisect.bisect_left(self.line_breaks, b)

    def paragraph_breaks(self, start: int, end: int) -> int:
        """Paragraph breaks in text[start:end]: runs of blank space holding a line break."""
        i = bisect.bisect_left(self.line_breaks, start)
        j = bisect.bisect_left(self.line_breaks, end)
        return self._break_runs[j - 1] - self._break_runs[i] + 1 if j > i else 0
