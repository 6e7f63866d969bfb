"""Attribution: which words were reported, through which cue, by whom.

Two passes over a parsed document, in the manner of the sieve-based quote
attribution of Muzny et al. (2017) and the PARC cue–source–content model of
Pareti (2015):

1. Quotation marks first. Every quotation that stands on its own (opens a
   paragraph or sentence, or follows a colon or comma) looks for its frame:
   a cue after it ("…,” she said), before it (Mr. Trump said: “…”), a dash
   and a name ("…” ― Jane Doe), or, failing those, the speaker of the
   quotation just before it (a continuation paragraph).
2. Cues next. Every reporting verb with a clausal complement ("said that …",
   "…, analysts said") and every "according to" yields its reported clause.
   A clause that contains a quotation is mixed; one that is only a quotation
   already found in pass 1 is dropped as a duplicate.

Quoted fragments inside a sentence that no cue governs are scare quotes or
titles and are not attributed. A third pass reads headline sources
("Sanders: …"). Modules: ``quotations`` (pass 1), ``clauses`` (pass 2),
``headlines`` (pass 3), ``context`` (what they share), ``model`` (the record).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..marks import QuoteMarks, pair_quotes
from .clauses import ClausePass
from .headlines import HeadlinePass
from .model import Attribution
from .quotations import QuotationPass

__all__ = ["Attribution", "attribute"]


class _Extractor(QuotationPass, ClausePass, HeadlinePass):
    def run(self) -> list[Attribution]:
        self.quotations()
        self.cue_clauses()
        self.fragments()
        self.headlines()
        self.found.sort(key=lambda a: a.content)
        return self.found


def attribute(doc: Doc, quotes: list[QuoteMarks] | None = None, text: str | None = None) -> list[Attribution]:
    """All attributions in a parsed document, in text order. Callers that hold
    the text and its quotations pass them (``Doc.text`` is rebuilt on each access)."""
    text = doc.text if text is None else text
    return _Extractor(doc, text, pair_quotes(text) if quotes is None else quotes).run()
