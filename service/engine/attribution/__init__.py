"""Attribution: which words were reported, through which cue, by whom.

Passes over one :class:`~service.engine.document.Document`, in the manner of the
sieve-based quote attribution of Muzny et al. (2017) and the PARC
cue–source–content model of Pareti (2015); each is a function that takes what
the passes before it found and returns its own attributions:

1. Quotation marks first (:mod:`.quotations`). Every quotation that stands on
   its own (opens a paragraph or sentence, or follows a colon or comma) looks
   for its frame: a cue after it ("…,” she said), before it (Mr. Trump said:
   “…”), a dash and a name ("…” ― Jane Doe), or, failing those, the speaker of
   the quotation just before it (a continuation paragraph).
2. Cues next (:mod:`.clauses`). Every reporting verb with a clausal complement
   ("said that …", "…, analysts said") and every "according to" yields its
   reported clause, found by the constructions of :mod:`.constructions` in
   their order of precedence. A clause that contains a quotation is mixed; one
   that is only a quotation already found in pass 1 is dropped as a duplicate.
3. Quoted fragments under a naming cue ("described as “very positive”").
   Other quoted fragments inside a sentence that no cue governs are scare
   quotes or titles and are not attributed.
4. Headline sources ("Sanders: …", :mod:`.headlines`).

Helpers: :mod:`.grammar` (what the rules ask of the parse), :mod:`.spans`
(character-level trimming), :mod:`.clause_edges` (where a clause ends),
:mod:`.model` (the record).
"""

from __future__ import annotations

from ..cues import find_cues
from ..document import Document
from .clauses import reported_clauses
from .headlines import headline_sources
from .model import Attribution
from .quotations import follow_ons, fragments, quotations

__all__ = ["Attribution", "attribute"]


def attribute(d: Document) -> list[Attribution]:
    """All attributions in a document, in text order."""
    if not d.work.strip():
        return []
    cues = find_cues(d)
    quoted = quotations(d, cues)
    clauses = reported_clauses(d, cues, quoted)
    follow = follow_ons(d, cues, quoted + clauses)
    named = fragments(d, cues, quoted + clauses + follow)
    headlines = headline_sources(d, quoted + clauses + follow + named)
    return sorted(quoted + clauses + follow + named + headlines, key=lambda a: a.content)
