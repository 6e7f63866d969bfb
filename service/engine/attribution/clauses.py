"""Pass 2: reporting verbs and the clauses they report.

Every cue with a reported clause ("said that …", "…, analysts said", "according
to …"), a naming construction ("called the charges unsubstantiated"), a promise
or appeal ("pledged to …", "urged X to …") or a stance ("criticized the plan")
yields its content (the constructions and their precedence are the table in
:mod:`.constructions`). A clause that contains a quotation is mixed; one that is
only a quotation already found by pass 1 is a duplicate.
"""

from __future__ import annotations

from ..cues import ACCORDING_TO, Cue, Cues
from ..document import Document
from ..syntax import mention
from .constructions import clause_ranges
from .grammar import speaker_of, standalone
from .model import Attribution
from .spans import covers, span_of, strip_marks, trim


def _relays_speech(d: Document, cues: Cues, cue: Cue) -> bool:
    """ "He warned that …, according to state media": the source only relays
    a speech act that has its own cue; that cue's subject is the speaker."""
    inner = cues.by_token.get(cue.token.head.i)
    return cue.lemma == ACCORDING_TO and inner is not None and bool(clause_ranges(d, cues, inner))


def reported_clauses(d: Document, cues: Cues, quoted: list[Attribution]) -> list[Attribution]:
    """The clause every cue reports, unless pass 1 already has its words (``quoted``)."""
    text, doc = d.work, d.doc
    found = []
    for cue in cues.frames + cues.nouns:
        speaker = speaker_of(d, cue)
        if speaker is None or _relays_speech(d, cues, cue):
            continue
        for first, last, rule in clause_ranges(d, cues, cue):
            if last < first:
                continue
            # "that was not her view": "that" is the clause's subject, not its complementizer
            marker = not (doc[first].lower_ == "that" and doc[first].dep_ in ("nsubj", "nsubjpass"))
            start, end = trim(text, doc[first].idx, doc[last].idx + len(doc[last]), marker)
            while end - start > 1 and text[end - 1] in ".!?" and not text[end - 2].isupper():
                end -= 1  # the sentence's full stop is the reporter's, not the source's
            if end - start < 2:
                continue
            if any(covers(a.content, (start, end)) for a in quoted):
                continue  # the quotation pass already has these words
            inner = tuple(q for q in d.quotes if start <= q.open_mark < end or start < q.end <= end)
            for q in inner:
                # a quotation opened inside the clause ends with its closing mark
                if q.closed and end <= q.close_mark and not text[end : q.close_mark].strip(".,;:!? "):
                    end = q.close_mark + 1
            kind = "indirect"
            if inner:
                kind = "mixed"
                # only a quotation standing on its own is direct; one worked into the
                # reporter's sentence ("he added, and “resulted in …”") stays mixed
                if (
                    len(inner) == 1
                    and standalone(d, inner[0])
                    and trim(text, inner[0].start, inner[0].end) == trim(text, *strip_marks(text, start, end))
                ):
                    kind = "direct"
                    start, end = inner[0].start, inner[0].end
            span = span_of(mention(speaker))
            found.append(Attribution(kind, (start, end), cue, (cue.start, cue.end), speaker, span, rule, inner))
    return found
