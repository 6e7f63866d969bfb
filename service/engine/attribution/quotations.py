"""Pass 1: quotations that stand on their own, and the frame that attributes each.

A cue after the quotation ("…,” she said), before it (Mr. Trump said: “…”), a
colon after an agentive clause, a dash and a name ("…” ― Jane Doe), or, failing
those, the speaker of the quotation just before it (a continuation paragraph).
Quoted names under a naming cue ("described as “very positive”") are fragments.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..cues import ACCORDING_TO, Cue
from ..marks import QuoteMarks
from ..syntax import has_clause_right, is_verb, mention, subject
from .context import DASHES, Context, _agentive, _name_run, _overlaps, _span_of, _speaker_of, _trim
from .model import Attribution

_FRAME_REACH = 8  # tokens between a quotation's mark and its cue verb


class QuotationPass(Context):
    def _after_frame(self, q: QuoteMarks) -> Cue | None:
        if not q.closed:
            return None
        first = self.index.token_at(q.close_mark + 1)
        if first is None:
            return None
        doc = self.doc
        for i in range(first.i, min(first.i + _FRAME_REACH, len(doc))):
            token = doc[i]
            if "\n" in token.text or token.text in '“‘"' or (token.is_sent_start and i > first.i):
                return None
            cue = self.cue_by_token.get(i)
            if cue is not None:
                if cue.lemma != ACCORDING_TO and has_clause_right(cue.token, self._outside_quotes):
                    return None
                return cue
            if is_verb(token) and token.pos_ != "AUX" and token.dep_ not in ("amod", "compound"):
                return None
        return None

    def _before_frame(self, q: QuoteMarks) -> Cue | None:
        j = q.open_mark - 1
        while j >= 0 and self.text[j].isspace() and self.text[j] != "\n":
            j -= 1
        if j < 0 or self.text[j] not in ":,":
            return None
        last = self.index.token_at(j)
        if last is None:
            return None
        doc = self.doc
        for i in range(last.i - 1, max(last.i - _FRAME_REACH - 1, -1), -1):
            token = doc[i]
            if "\n" in token.text or token.text in '”’"' or token.text in ".!?":
                return None
            cue = self.cue_by_token.get(i)
            if cue is not None and cue.cls != "naming":
                return cue
            if is_verb(token) and token.pos_ != "AUX":
                return None
        return None

    def _colon_frame(self, q: QuoteMarks) -> tuple[int, Token] | None:
        """ "The senator had a message for voters: “…”": a sentence ending in a
        colon introduces the quotation; its agentive subject is the speaker."""
        j = q.open_mark - 1
        while j >= 0 and self.text[j] in " \t\u00a0":
            j -= 1
        if j < 0 or self.text[j] != ":":
            return None
        colon = self.index.token_at(j)
        if colon is None or colon.i == 0:
            return None
        head = self.doc[colon.i - 1]
        while head.head.i != head.i and head.head.i < colon.i:
            head = head.head  # the clause before the colon, not the quotation's
        subj = subject(head) if is_verb(head) else None
        if subj is None or subj.i > colon.i or not _agentive(subj) or subj.tag_ in ("WDT", "WP"):
            return None
        return j, subj

    def _dash_frame(self, q: QuoteMarks) -> tuple[int, int] | None:
        """“…” ― Jane Doe: the dash and the name after it."""
        if not q.closed:
            return None
        j = q.close_mark + 1
        while j < len(self.text) and self.text[j] in " \t\u00a0":
            j += 1
        if j >= len(self.text) or self.text[j] not in DASHES:
            return None
        return j, j + 1

    def _outside_quotes(self, token: Token) -> bool:
        return not self.index.in_quote(token)

    def _quote_attribution(self, q: QuoteMarks, cue: Cue | None, rule: str, speaker=None) -> Attribution:
        if cue is not None and speaker is None:
            speaker = _speaker_of(cue)
        span = _span_of(mention(speaker)) if speaker is not None else None
        cue_span = (cue.start, cue.end) if cue else None
        return Attribution("direct", (q.start, q.end), cue, cue_span, speaker, span, rule, [q])

    def _single_marked(self, q: QuoteMarks) -> bool:
        return q.start - q.open_mark == 1 and self.text[q.open_mark] in "‘'’‚‹"

    def _runs_on(self, q: QuoteMarks) -> bool:
        """Words follow the closing mark in the same sentence ("“…” to drive up …")."""
        if not q.closed:
            return False
        j = q.close_mark + 1
        while j < len(self.text) and self.text[j] in " \t\u00a0":
            j += 1
        return j < len(self.text) and self.text[j].isalnum() and self.text[j].islower()

    def quotations(self) -> None:
        previous: Attribution | None = None
        for q in self.quotes:
            if not self._standalone(q):
                continue
            found = None
            cue = self._after_frame(q)
            if cue is not None:
                found = self._quote_attribution(q, cue, "quote-cue-after")
            elif self._runs_on(q):
                continue  # part of a larger clause: the cue pass takes it as mixed
            elif (cue := self._before_frame(q)) is not None:
                found = self._quote_attribution(q, cue, "quote-cue-before")
            elif (colon := self._colon_frame(q)) is not None:
                found = self._quote_attribution(q, None, "quote-colon", speaker=colon[1])
                found.cue_span = (colon[0], colon[0] + 1)
            elif (dash := self._dash_frame(q)) is not None:
                name = self.index.token_at(dash[1])
                if name is not None and name.pos_ == "PROPN":
                    found = self._quote_attribution(q, None, "quote-dash", speaker=name)
                    found.cue_span = dash
                    found.speaker_span = _span_of(_name_run(name))
            elif previous is not None and self._continues(previous, q) and not self._single_marked(q):
                # (a paragraph in single marks alone is a subhead in US style, not more speech)
                found = Attribution(
                    "direct",
                    (q.start, q.end),
                    previous.cue,
                    previous.cue_span,
                    previous.speaker,
                    previous.speaker_span,
                    "quote-continuation",
                    [q],
                )
            if found is not None and (found.speaker is not None or found.rule == "quote-dash"):
                self.found.append(found)
                previous = found

    def _continues(self, previous: Attribution, q: QuoteMarks) -> bool:
        """A quotation with no frame continues the one just before it when no
        other cue, no narration and at most one paragraph break come between them."""
        gap_start = previous.quotes[-1].end if previous.quotes else previous.content[1]
        gap = self.text[gap_start : q.open_mark]
        if gap.count("\n") > 2 or gap.strip("\n").count("\n") > 0 and len(gap) > 400:
            return False
        own = previous.cue.token.i if previous.cue else None
        for cue in self.cues:
            if gap_start <= cue.start < q.open_mark and cue.token.i != own:
                return False
        token = self.index.token_at(gap_start)
        while token is not None and token.idx < q.open_mark:
            # narration in between ("The rules are simple: “…”") ends the speech
            if (
                is_verb(token)
                and not self.index.in_quote(token)
                and (own is None or not token.sent.start <= own < token.sent.end)
            ):
                return False
            token = token.nbor() if token.i + 1 < len(self.doc) else None
        return True

    def fragments(self) -> None:
        """Quoted names governed by a naming cue ("described as “very positive”",
        "what it called “non-tariff countermeasures”")."""
        covered = [a.content for a in self.found]
        for q in self.quotes:
            if self._standalone(q) or any(_overlaps(c, (q.start, q.end)) for c in covered):
                continue
            token = self.index.token_at(q.start)
            cue = None
            while token is not None and token.head.i != token.i:
                token = token.head
                if token.i in self.cue_by_token:
                    cue = self.cue_by_token[token.i]
                    break
                if is_verb(token) and token.pos_ != "AUX":
                    break
            if cue is None or cue.cls != "naming" or (speaker := _speaker_of(cue)) is None:
                continue  # a title or scare quote: "wrote “The Long Road”", "so-called “twist”"
            start, end = _trim(self.text, q.start, q.end)
            self.found.append(
                Attribution(
                    "mixed",
                    (start, end),
                    cue,
                    (cue.start, cue.end),
                    speaker,
                    _span_of(mention(speaker)),
                    "quote-fragment",
                    [q],
                )
            )
