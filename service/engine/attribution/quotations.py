"""Pass 1: quotations that stand on their own, and the frame that attributes each.

A cue after the quotation ("…,” she said), before it (Mr. Trump said: “…”), a
colon after an agentive clause, a dash and a name ("…” ― Jane Doe), or, failing
those, the speaker of the quotation just before it (a continuation paragraph).
Quoted names under a naming cue ("described as “very positive”") are fragments
(pass 3, once the reported clauses are known).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from ..cues import ACCORDING_TO, Cue, Cues
from ..document import Document
from ..marks import QuoteMarks
from ..rules import Rule
from ..syntax import has_clause_right, is_verb, mention, subject
from .grammar import agentive, name_run, speaker_of, standalone
from .model import Attribution
from .spans import DASHES, overlaps, span_of, trim

_FRAME_REACH = 8  # tokens between a quotation's mark and its cue verb


def _after_frame(d: Document, cues: Cues, q: QuoteMarks) -> Cue | None:
    if not q.closed:
        return None
    first = d.token_at(q.close_mark + 1)
    if first is None:
        return None
    doc = d.doc
    i, counted = first.i, 0
    while i < len(doc) and counted < _FRAME_REACH:
        token = doc[i]
        if "\n" in token.text or token.text in '“‘"' or (token.is_sent_start and i > first.i):
            return None
        if token.text == "(" and (close := _closing_paren(doc, i)) is not None:
            i = close + 1  # "Rep. Jane Roe (D-Mass.) said": the party and state are not counted
            continue
        cue = cues.by_token.get(i)
        if cue is not None:
            if cue.lemma != ACCORDING_TO and has_clause_right(cue.token, lambda t: not d.in_quotation(t)):
                return None
            return cue
        if is_verb(token) and token.dep_ in ("relcl", "acl") and token.head.i < token.i and token.head.i >= first.i:
            i = token.right_edge.i + 1  # "Ms. Lane, who lives in Austin, said": a clause on the speaker
            continue
        if is_verb(token) and token.pos_ != "AUX" and token.dep_ not in ("amod", "compound"):
            return None
        i += 1
        counted += 1
    return None


def _closing_paren(doc, i: int) -> int | None:
    """The ")" closing the "(" at ``i`` within a few tokens on the same line."""
    for j in range(i + 1, min(i + 8, len(doc))):
        if doc[j].text == ")":
            return j
        if "\n" in doc[j].text or doc[j].text == "(":
            return None
    return None


def _before_frame(d: Document, cues: Cues, q: QuoteMarks) -> Cue | None:
    text = d.work
    j = q.open_mark - 1
    while j >= 0 and text[j].isspace() and text[j] != "\n":
        j -= 1
    if j >= 0 and text[j] == "\n":
        # "He said:" closing the paragraph before: the colon introduces the quotation
        while j >= 0 and text[j].isspace():
            j -= 1
        if j < 0 or text[j] != ":":
            return None
    if j < 0 or text[j] not in ":,":
        return None
    last = d.token_at(j)
    if last is None:
        return None
    doc = d.doc
    for i in range(last.i - 1, max(last.i - _FRAME_REACH - 1, -1), -1):
        token = doc[i]
        if "\n" in token.text or token.text in '”’"' or token.text in ".!?":
            return None
        cue = cues.by_token.get(i)
        if cue is not None and cue.cls != "naming":
            return cue
        if is_verb(token) and token.pos_ != "AUX":
            return None
    return None


def _colon_frame(d: Document, q: QuoteMarks) -> tuple[int, Token] | None:
    """ "The senator had a message for voters: “…”": a sentence ending in a
    colon introduces the quotation; its agentive subject is the speaker."""
    text = d.work
    j = q.open_mark - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] != ":":
        return None
    colon = d.token_at(j)
    if colon is None or colon.i == 0:
        return None
    head = d.doc[colon.i - 1]
    while head.head.i != head.i and head.head.i < colon.i:
        head = head.head  # the clause before the colon, not the quotation's
    subj = subject(head) if is_verb(head) else None
    if subj is None or subj.i > colon.i or not agentive(d, subj) or subj.tag_ in ("WDT", "WP"):
        return None
    return j, subj


def _dash_frame(text: str, q: QuoteMarks) -> tuple[int, int] | None:
    """“…” ― Jane Doe: the dash and the name after it."""
    if not q.closed:
        return None
    j = q.close_mark + 1
    while j < len(text) and text[j] in " \t\u00a0":
        j += 1
    if j >= len(text) or text[j] not in DASHES:
        return None
    return j, j + 1


def _single_marked(text: str, q: QuoteMarks) -> bool:
    return q.start - q.open_mark == 1 and text[q.open_mark] in "‘'’‚‹"


def _runs_on(text: str, q: QuoteMarks) -> bool:
    """Words follow the closing mark in the same sentence ("“…” to drive up …")."""
    if not q.closed:
        return False
    j = q.close_mark + 1
    while j < len(text) and text[j] in " \t\u00a0":
        j += 1
    return j < len(text) and text[j].isalnum() and text[j].islower()


def _direct(q: QuoteMarks, cue: Cue | None, cue_span, speaker: Token | None, speaker_span, rule: Rule) -> Attribution:
    return Attribution("direct", (q.start, q.end), cue, cue_span, speaker, speaker_span, rule, (q,))


def _framed(q: QuoteMarks, cue: Cue, speaker: Token | None, rule: Rule) -> Attribution:
    span = span_of(mention(speaker)) if speaker is not None else None
    return _direct(q, cue, (cue.start, cue.end), speaker, span, rule)


def _inverted_subject(d: Document, cue: Cue) -> Token | None:
    """ "“We are proud,” read the statement": after the quotation the frame is
    inverted, and the parser takes the subject for an object."""
    verb = cue.token
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if (
        obj is None
        or obj.left_edge.i != verb.i + 1
        or not (agentive(d, obj) or obj.lemma_.lower() in d.lexicons.documents)
    ):
        return None
    return obj


def _attribute(d: Document, cues: Cues, q: QuoteMarks, previous: Attribution | None) -> Attribution | None:
    """The frame of one quotation that stands on its own, tried in order."""
    text = d.work
    if (cue := _after_frame(d, cues, q)) is not None:
        return _framed(q, cue, speaker_of(d, cue) or _inverted_subject(d, cue), Rule.QUOTE_CUE_AFTER)
    if _runs_on(text, q):
        return None  # part of a larger clause: the cue pass takes it as mixed
    if (cue := _before_frame(d, cues, q)) is not None:
        return _framed(q, cue, speaker_of(d, cue), Rule.QUOTE_CUE_BEFORE)
    if (colon := _colon_frame(d, q)) is not None:
        speaker = colon[1]
        return _direct(q, None, (colon[0], colon[0] + 1), speaker, span_of(mention(speaker)), Rule.QUOTE_COLON)
    if (dash := _dash_frame(text, q)) is not None:
        name = d.token_at(dash[1])
        if name is not None and name.pos_ == "PROPN":
            return _direct(q, None, dash, name, span_of(name_run(name)), Rule.QUOTE_DASH)
        return None
    if previous is not None and _continues(d, cues, previous, q) and not _single_marked(text, q):
        # (a paragraph in single marks alone is a subhead in US style, not more speech)
        p = previous
        return _direct(q, p.cue, p.cue_span, p.speaker, p.speaker_span, Rule.QUOTE_CONTINUATION)
    return None


def quotations(d: Document, cues: Cues) -> list[Attribution]:
    """Every quotation standing on its own whose frame names a speaker (or a dash does)."""
    found: list[Attribution] = []
    previous: Attribution | None = None
    for q in d.quotes:
        if not standalone(d, q):
            continue
        a = _attribute(d, cues, q, previous)
        if a is not None and (a.speaker is not None or a.rule == Rule.QUOTE_DASH):
            found.append(a)
            previous = a
    return found


def _continues(d: Document, cues: Cues, previous: Attribution, q: QuoteMarks) -> bool:
    """A quotation with no frame continues the one just before it when no
    other cue, no narration and at most one paragraph break come between them."""
    gap_start = previous.quotes[-1].end if previous.quotes else previous.content[1]
    gap = d.work[gap_start : q.open_mark]
    if gap.count("\n") > 2 or gap.strip("\n").count("\n") > 0 and len(gap) > 400:
        return False
    own = previous.cue.token.i if previous.cue else None
    for cue in cues.frames:
        if gap_start <= cue.start < q.open_mark and cue.token.i != own:
            return False
    token = d.token_at(gap_start)
    while token is not None and token.idx < q.open_mark:
        # narration in between ("The rules are simple: “…”") ends the speech
        if (
            is_verb(token)
            and not d.in_quotation(token)
            and (own is None or not token.sent.start <= own < token.sent.end)
        ):
            return False
        token = token.nbor() if token.i + 1 < len(d.doc) else None
    return True


def follow_ons(d: Document, cues: Cues, taken: list[Attribution]) -> list[Attribution]:
    """Pass 3: a quotation standing on its own with no frame of its own after a
    mixed or indirect report ("Costs “will fall,” Lee said. “We are sure.”"):
    it continues that report's speaker under the same stopping rules as a
    continuation paragraph (no other cue, no narration in between)."""
    covered = [a.content for a in taken]
    earlier = sorted((a for a in taken if a.speaker is not None), key=lambda a: a.content[1])
    ends = [a.content[1] for a in earlier]
    found: list[Attribution] = []
    for q in d.quotes:
        if not standalone(d, q) or _single_marked(d.text, q) or any(overlaps(c, (q.start, q.end)) for c in covered):
            continue
        i = bisect.bisect_right(ends, q.open_mark) - 1
        previous = earlier[i] if i >= 0 else None
        if (
            found
            and found[-1].content[1] <= q.open_mark
            and (previous is None or found[-1].content[1] > previous.content[1])
        ):
            previous = found[-1]
        if previous is None or not _continues(d, cues, previous, q):
            continue
        p = previous
        found.append(_direct(q, p.cue, p.cue_span, p.speaker, p.speaker_span, Rule.QUOTE_FOLLOW_ON))
    return found


def fragments(d: Document, cues: Cues, taken: list[Attribution]) -> list[Attribution]:
    """Pass 3: quoted names governed by a naming cue ("described as “very
    positive”", "what it called “non-tariff countermeasures”") that no earlier
    pass has taken."""
    covered = [a.content for a in taken]
    found = []
    for q in d.quotes:
        if standalone(d, q) or any(overlaps(c, (q.start, q.end)) for c in covered):
            continue
        token = d.token_at(q.start)
        cue = None
        while token is not None and token.head.i != token.i:
            token = token.head
            if token.i in cues.by_token:
                cue = cues.by_token[token.i]
                break
            if is_verb(token) and token.pos_ != "AUX":
                break
        if cue is None or cue.cls != "naming" or (speaker := speaker_of(d, cue)) is None:
            continue  # a title or scare quote: "wrote “The Long Road”", "so-called “twist”"
        start, end = trim(d.work, q.start, q.end)
        span = span_of(mention(speaker))
        found.append(
            Attribution("mixed", (start, end), cue, (cue.start, cue.end), speaker, span, Rule.QUOTE_FRAGMENT, (q,))
        )
    return found
