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
titles and are not attributed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from .annotations import Channel, Hedge
from .cues import ACCORDING_TO, Cue, find_cues
from .lexicon import source_nouns, word_set
from .marks import QuoteMarks, pair_quotes
from .syntax import has_clause_right, is_verb, mention, subject

DASHES = "—―–"
_STANDALONE_BEFORE = set("\n:.!?,;—―–([") | {'"', "”", "“", "'", "’", "‘"}
_FRAME_REACH = 8  # tokens between a quotation's mark and its cue verb
_TRIM = set(" \t\r\n\u00a0,;:—–-")
_LEADING_MARKERS = {"that", "whether"}
# A dateline opening a paragraph: "WASHINGTON —", "MOSCOW (Reuters) -", "LONDON, May 3 (AP) —".
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,40}(?:,[^()\n—–-]{1,30})?(?:\s*\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s+")
# Verbs whose object is, in practice, never a plain noun phrase: an object
# followed by a clause is a misparsed reported clause.
_CLAUSE_AFTER_OBJECT = {"say", "add", "write", "claim", "argue", "insist", "contend", "note", "explain",
                        "acknowledge", "predict", "suggest", "state", "declare", "report", "assert"}
_FINAL_FRAME_VERBS = {"say", "report", "tell", "add", "write", "claim", "warn", "insist", "argue"}
_CONCESSIVE = {"though", "although", "while", "whereas", "even"}


@dataclass(slots=True)
class Attribution:
    """One quotation or reported statement, in character offsets."""

    type: str  # direct | indirect | mixed
    content: tuple[int, int]
    cue: Cue | None
    cue_span: tuple[int, int] | None
    speaker: Token | None  # head token of the speaker mention
    speaker_span: tuple[int, int] | None
    rule: str
    quotes: list[QuoteMarks] = field(default_factory=list)
    entity: Any = None  # speakers.Entity, set by speaker resolution
    channel: Channel | None = None
    hedges: list[Hedge] = field(default_factory=list)


class _Index:
    """Fast char-offset lookups over one document's tokens and quotations."""

    def __init__(self, doc: Doc, quotes: list[QuoteMarks]):
        self.doc = doc
        self.starts = [t.idx for t in doc]
        self.quotes = quotes
        self.q_open = [q.open_mark for q in quotes]

    def token_at(self, char: int) -> Token | None:
        """Token covering a character, or the first one after it."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i >= 0 and char < self.starts[i] + len(self.doc[i]):
            return self.doc[i]
        i += 1
        return self.doc[i] if i < len(self.doc) else None

    def quote_around(self, char: int) -> QuoteMarks | None:
        i = bisect.bisect_right(self.q_open, char) - 1
        while i >= 0:
            q = self.quotes[i]
            end = q.close_mark if q.closed else q.end
            if q.open_mark <= char <= end:
                return q
            i -= 1
            if i >= 0 and self.quotes[i].end < char - 5000:
                break
        return None

    def in_quote(self, token: Token) -> bool:
        return self.quote_around(token.idx) is not None


def _span_of(token_span) -> tuple[int, int]:
    return token_span.start_char, token_span.end_char


def _speaker_of(cue: Cue) -> Token | None:
    if cue.lemma == ACCORDING_TO:
        to = cue.token.doc[cue.token.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is not None and source.lemma_.lower() in word_set("documents.tsv"):
            # "according to a statement from the ministry": the ministry speaks
            for prep in source.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                    author = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if author is not None:
                        return author
        return source
    return subject(cue.token)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if start == 0 or text[start - 1] == "\n":
        dateline = _DATELINE.match(text, start, end)
        if dateline:
            start = dateline.end()  # "MOSCOW (Reuters) - Russia is …"
    head = text[start:end].split(None, 1)
    if len(head) == 2 and head[0].lower() in _LEADING_MARKERS:
        start = text.index(head[1], start)
    return start, end


def _is_standalone(text: str, q: QuoteMarks) -> bool:
    """The quotation is a sentence of its own rather than a fragment of one."""
    j = q.open_mark - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] in _STANDALONE_BEFORE


class _Extractor:
    def __init__(self, doc: Doc, quotes: list[QuoteMarks]):
        self.doc = doc
        self.text = doc.text
        self.quotes = quotes
        self.index = _Index(doc, self.quotes)
        self.cues = [c for c in find_cues(doc) if not self.index.in_quote(c.token)]
        self.cue_by_token = {c.token.i: c for c in self.cues}
        self.found: list[Attribution] = []

    # -- pass 1: quotation marks -------------------------------------------------

    def _after_frame(self, q: QuoteMarks) -> Cue | None:
        if not q.closed:
            return None
        first = self.index.token_at(q.close_mark + 1)
        if first is None:
            return None
        doc = self.doc
        for i in range(first.i, min(first.i + _FRAME_REACH, len(doc))):
            token = doc[i]
            if "\n" in token.text or token.text in "“‘\"" or (token.is_sent_start and i > first.i):
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
            if "\n" in token.text or token.text in "”’\"" or token.text in ".!?":
                return None
            cue = self.cue_by_token.get(i)
            if cue is not None and cue.cls != "naming":
                return cue
            if is_verb(token) and token.pos_ != "AUX":
                return None
        return None

    def _colon_frame(self, q: QuoteMarks) -> tuple[int, Token] | None:
        """"The senator had a message for voters: “…”": a sentence ending in a
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

    def _standalone(self, q: QuoteMarks) -> bool:
        if _is_standalone(self.text, q):
            return True
        first = self.index.token_at(q.open_mark)
        return first is not None and first.idx == q.open_mark and bool(first.is_sent_start)

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
                    "direct", (q.start, q.end), previous.cue, previous.cue_span,
                    previous.speaker, previous.speaker_span, "quote-continuation", [q],
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

    # -- pass 2: cues --------------------------------------------------------------

    def _clause_spans(self, cue: Cue) -> list[tuple[int, int, str]]:
        """The reported clause(s) a cue governs: character spans and the rule that found each."""
        return [(*self._char_span(a, b), how) for a, b, how in self._clause_ranges(cue) if b >= a]

    def _char_span(self, first: int, last: int) -> tuple[int, int]:
        doc = self.doc
        return doc[first].idx, doc[last].idx + len(doc[last])

    def _clause_ranges(self, cue: Cue) -> list[tuple[int, int, str]]:
        """Token ranges (first, last, rule) of the reported clause(s)."""
        verb = cue.token

        def tagged(ranges: list[tuple[int, int]], how: str) -> list[tuple[int, int, str]]:
            return [(a, b, how) for a, b in ranges]

        if cue.lemma == ACCORDING_TO:
            head = verb.head
            if head.i == verb.i:
                return []
            left, right = head.left_edge.i, head.right_edge.i
            sub = verb.left_edge.i, verb.right_edge.i
            if sub[0] > left:  # "X …, according to Y": the clause before the cue
                return tagged([self._clean(head, left, sub[0] - 1)], "according-to")
            if sub[1] < right:  # "According to Y, X …"
                return tagged([self._clean(head, sub[1] + 1, right)], "according-to")
            return []
        if _negated_or_modal(verb):
            return []
        if cue.cls == "naming":
            return tagged(self._naming(verb), "naming")
        if cue.verb and cue.verb.particle == "for":
            prep = next((c for c in verb.children if c.lower_ == "for"), None)
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
            return tagged([self._clean(obj, obj.left_edge.i, obj.right_edge.i)], "call-for") if obj is not None else []
        ranges: list[tuple[int, int, str]] = []
        for child in verb.children:
            if child.dep_ == "advcl" and child.i > verb.i and child.left_edge.lower_ == "that":
                pass  # "tweeted in the early hours that …": a that-clause parsed as an adverbial
            elif child.dep_ != "ccomp" or not _finite(child):
                continue
            if child.i > verb.i:
                ranges += tagged([self._clean(child, child.left_edge.i, child.right_edge.i)], "clause")
            elif self._parenthetical(verb, child.right_edge.i):
                # "…, analysts said.": the clause before the cue is what was said;
                # a frame closing the sentence reports all of it ("X, but Y, she added").
                first = child.left_edge.i
                if self._closes_sentence(verb):
                    first = min(first, verb.sent.start)
                ranges += tagged([self._clean(child, first, child.right_edge.i)], "parenthetical")
        if not ranges and cue.cls in ("commissive", "directive", "stance") and _agentive(subject(verb)):
            ranges += tagged(self._object_content(verb, cue.cls), cue.cls)
        if not ranges:
            ranges += tagged(self._clause_on_channel(verb), "clause-on-channel")
        if not ranges:
            ranges += tagged(self._final_frame(verb), "parenthetical")
        if not ranges and verb.lemma_.lower() in _CLAUSE_AFTER_OBJECT:
            ranges += tagged(self._misparsed_clause(verb), "misparsed-clause")
        if not ranges and (verb.dep_ == "parataxis" or verb.dep_ in ("ccomp", "advcl") and verb.head.i < verb.i):
            ranges += tagged(self._interrupted(verb), "parenthetical")
        for child in verb.rights:
            # "…, he added, and “resulted in …”": a subjectless verb joined to the cue.
            if child.dep_ == "conj" and is_verb(child) and child.i not in self.cue_by_token:
                quoted = any(self.index.in_quote(t) for t in child.subtree)
                if quoted and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
                    # only quoted words make the joined verb part of what was said
                    ranges += tagged([self._clean(child, child.left_edge.i, child.right_edge.i)], "coordinated")
        return ranges

    def _misparsed_clause(self, verb: Token) -> list[tuple[int, int]]:
        """"said the disputes since the meeting underscored how …": the parser
        took the clause's subject for the verb's object; the clause still runs
        from that object to the end of the sentence."""
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            return []
        sent_end = verb.sent.end - 1
        clause_verbs = [
            t for t in self.doc[obj.right_edge.i + 1 : sent_end + 1]
            if is_verb(t) and t.dep_ in ("advcl", "ccomp", "relcl", "acl", "conj") and verb in t.ancestors
            and t.left_edge.i == obj.right_edge.i + 1
        ]
        if not clause_verbs:
            return []
        last = sent_end
        while last > obj.i and (self.doc[last].is_punct or self.doc[last].is_space):
            last -= 1
        return [self._clean(verb, obj.left_edge.i, last)]

    def _object_content(self, verb: Token, cls: str) -> list[tuple[int, int]]:
        """Non-clausal content: "pledged to suspend …" (commissive), "urged
        Americans to vote …" / "called on X to …" (directive), "criticized the
        plan for …" (stance: what was said of or about)."""
        xcomp = next((c for c in verb.rights if c.dep_ == "xcomp" and _infinitive(c)), None)
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        if cls == "directive" and obj is None:
            on = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "on"), None)
            obj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
            xcomp = xcomp or next((c for c in obj.rights if c.dep_ in ("xcomp", "acl")), None) if obj else xcomp
        if cls == "commissive":
            return [self._clean(xcomp, xcomp.left_edge.i, xcomp.right_edge.i)] if xcomp is not None else []
        if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.tag_ in ("WP", "WDT"):
            return []
        if cls == "directive":
            if xcomp is None:
                return []
            return [self._clean(verb, obj.left_edge.i, max(xcomp.right_edge.i, obj.right_edge.i))]
        last = obj.right_edge.i
        for c in verb.rights:
            if c.dep_ == "prep" and c.lower_ in ("for", "as") and c.i > last:
                last = c.right_edge.i
        if obj.pos_ == "PRON" and last == obj.i:
            return []  # "criticized it": nothing was reported
        return [self._clean(verb, obj.left_edge.i, last)]

    def _closes_sentence(self, verb: Token) -> bool:
        doc = self.doc
        end = verb.sent.end - 1
        while end > verb.i and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        return verb.right_edge.i >= end

    def _final_frame(self, verb: Token) -> list[tuple[int, int]]:
        """"Trump and Xi Hold Call, China Says": a frame closing its sentence
        after a comma, which headline parses miss; the words before are content."""
        doc = self.doc
        sent = verb.sent
        end = sent.end - 1
        while end > verb.i and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        if end != verb.i:
            return []
        if verb.lemma_.lower() not in _FINAL_FRAME_VERBS:
            return []
        comma = next((t for t in reversed(doc[sent.start : verb.i]) if t.text == ","), None)
        if comma is None or comma.i - sent.start < 3:
            return []
        frame = doc[comma.i + 1 : verb.i]
        if not frame or len(frame) > 6 or any(is_verb(t) or t.pos_ in ("CCONJ", "SCONJ") for t in frame):
            return []
        return [(sent.start, comma.i - 1)]

    def _clause_on_channel(self, verb: Token) -> list[tuple[int, int]]:
        """"said in a letter that …": the parser hangs the reported clause on
        the channel noun; a that-clause with its own subject is still the cue's."""
        for prep in verb.rights:
            if prep.dep_ != "prep":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                for clause in noun.subtree:
                    if clause.dep_ in ("acl", "ccomp", "relcl") and _finite(clause) and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
                    ):
                        return [self._clean(clause, clause.left_edge.i, clause.right_edge.i)]
        return []

    def _naming(self, verb: Token) -> list[tuple[int, int]]:
        """"called the charges unsubstantiated", "described X as “a disaster”":
        the object with what it was called. A relative object ("what he called
        Taiwan separatists") names without asserting, unless quoted (fragments())."""
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        if obj is None or obj.tag_ in ("WP", "WDT") or obj.lower_ in ("what", "which", "who"):
            return []
        preds = [c for c in verb.rights if c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"]
        preds += [c for c in obj.children if c.dep_ in ("oprd", "appos") and c.i > obj.i]
        if not preds:
            return []
        last = max(p.right_edge.i for p in preds)
        return [self._clean(verb, obj.left_edge.i, last)]

    def _interrupted(self, verb: Token) -> list[tuple[int, int]]:
        """"The call lasted an hour, he added" / "The benefit, it says, would be
        $300": the clause the frame interrupts, in its parts before and after."""
        doc = self.doc
        head = verb.head
        ranges = []
        last = verb.left_edge.i - 1
        while last >= head.left_edge.i and doc[last].is_punct:
            last -= 1
        set_off = doc[verb.left_edge.i].is_punct or last < verb.left_edge.i - 1
        if last < head.left_edge.i or not set_off or not self._parenthetical(verb, last):
            return []
        left = doc[head.left_edge.i : last + 1]
        if head.i <= last or any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i == head.i for t in left):
            ranges.append(self._clean(head, head.left_edge.i, last))
        # else the words before the frame are a fronted adverbial ("When he bought the mine, …")
        first = verb.right_edge.i + 1
        while first <= head.right_edge.i and doc[first].is_punct:
            first += 1
        end = head.right_edge.i
        while end > first and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        if first < end:
            ranges.append(self._clean(head, first, end))
        return ranges

    def _parenthetical(self, verb: Token, clause_end: int) -> bool:
        """A cue after its clause is a parenthetical frame: between the clause and
        the verb only punctuation and the subject; after it, no clause of its own."""
        doc = self.doc
        subj = subject(verb)
        for i in range(clause_end + 1, verb.i):
            t = doc[i]
            if t.is_punct or t.dep_ in ("advmod", "cc") and t.lower_ in ("also", "and", "then", "later"):
                continue
            if subj is not None and subj.left_edge.i <= i <= subj.right_edge.i:
                continue
            return False
        for child in verb.rights:
            if child.dep_ == "prep" and child.lower_ == "by" and any(c.dep_ == "pcomp" for c in child.children):
                return False  # "responded by halting …"
            if child.dep_ in ("ccomp", "xcomp", "advcl"):
                return False
        return True

    def _clean(self, head: Token, first: int, last: int) -> tuple[int, int]:
        """Clip a clause to its paragraph and drop what hangs on the whole
        sentence: ", though …", ", meaning …", "…, adding …", "and analysts say …"."""
        doc = self.doc
        for t in head.subtree:
            if t.i <= first or t.i > last or t.i == head.i:
                continue
            edge = t.left_edge.i
            after_comma = edge > first and doc[edge - 1].text in (",", ";", "—", "–")
            if t.dep_ == "advcl" and after_comma and (
                t.tag_ == "VBG" or any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in t.children)
            ):
                last = min(last, edge - 2)
            elif t.i in self.cue_by_token and t.dep_ in ("conj", "advcl", "parataxis") and subject(t) is not None:
                cut = edge - 1
                while cut > first and (doc[cut].is_punct or doc[cut].dep_ == "cc"):
                    cut -= 1
                last = min(last, cut)
        for i in range(first + 1, head.i):
            if doc[i].text == ":" and first < i < last:
                first = i + 1  # "Xi and Trump Call: Trump spoke …" — a heading before a colon
        # a clause never runs over a line break
        for i in range(first, last + 1):
            if "\n" in doc[i].text:
                if i <= head.i:
                    first = i + 1
                else:
                    last = i - 1
                    break
        return first, last

    def _reports_speech(self, cue: Cue) -> bool:
        """"He warned that …, according to state media": the source only relays
        a speech act that has its own cue; that cue's subject is the speaker."""
        head = cue.token.head
        inner = self.cue_by_token.get(head.i)
        return cue.lemma == ACCORDING_TO and inner is not None and bool(self._clause_ranges(inner))

    def cue_clauses(self) -> None:
        direct = list(self.found)
        for cue in self.cues:
            speaker = _speaker_of(cue)
            if speaker is None or self._reports_speech(cue):
                continue
            for start, end, how in self._clause_spans(cue):
                start, end = _trim(self.text, start, end)
                while end - start > 1 and self.text[end - 1] in ".!?" and not self.text[end - 2].isupper():
                    end -= 1  # the sentence's full stop is the reporter's, not the source's
                if end - start < 2:
                    continue
                if any(_covers(a.content, (start, end)) for a in direct):
                    continue  # the quotation pass already has these words
                inner = [q for q in self.quotes if start <= q.open_mark < end or start < q.end <= end]
                for q in inner:
                    # a quotation opened inside the clause ends with its closing mark
                    if q.closed and end <= q.close_mark and not self.text[end : q.close_mark].strip(".,;:!? "):
                        end = q.close_mark + 1
                kind = "indirect"
                if inner:
                    kind = "mixed"
                    # only a quotation standing on its own is direct; one worked into the
                    # reporter's sentence ("he added, and “resulted in …”") stays mixed
                    if len(inner) == 1 and self._standalone(inner[0]) and _trim(
                        self.text, inner[0].start, inner[0].end
                    ) == _trim(self.text, *_strip_marks(self.text, start, end)):
                        kind = "direct"
                        start, end = inner[0].start, inner[0].end
                rule = how
                self.found.append(
                    Attribution(
                        kind, (start, end), cue, (cue.start, cue.end), speaker,
                        _span_of(mention(speaker)), rule, inner,
                    )
                )

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
                Attribution("mixed", (start, end), cue, (cue.start, cue.end), speaker,
                            _span_of(mention(speaker)), "quote-fragment", [q])
            )

    @property
    def _titles(self) -> frozenset[str]:
        return word_set("titles.tsv")

    def headlines(self) -> None:
        """"Sanders: Clinton needs to 'get away from all of this'": a line that
        opens with a source's name and a colon reports what the source said."""
        doc = self.doc
        taken = [a.content for a in self.found]
        for sent in doc.sents:
            first = sent[0]
            if first.i > 0 and "\n" not in doc[first.i - 1].text:
                continue
            colon = next((t for t in sent[:8] if t.text == ":"), None)
            if colon is None or colon.i == first.i:
                continue
            source = doc[first.i : colon.i]
            root = source.root
            if any(is_verb(t) and t.pos_ != "AUX" for t in source) or any(t.like_num for t in source):
                continue
            if any(t.lower_ in word_set("section_labels.tsv") for t in source):
                continue
            # a name, not a topic heading ("Emergency Abortions: …", "Trump and Xi: …")
            titled = all(t.is_title or t.is_punct or t.lower_ in self._titles for t in source)
            named = root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or len(source) == 1
            if len(source) > 3 or not titled or not named:
                if source_nouns().get(root.lemma_.lower()) != "media" or len(source) > 2:
                    continue
            line_end = sent.end - 1
            while line_end > colon.i and (doc[line_end].is_space or doc[line_end].is_punct):
                line_end -= 1
            if line_end - colon.i < 3:
                continue
            start, end = _trim(self.text, colon.idx + 1, doc[line_end].idx + len(doc[line_end]))
            if any(_overlaps(c, (start, end)) for c in taken):
                continue
            inner = [q for q in self.quotes if start <= q.open_mark < end]
            kind = "mixed" if inner else "indirect"
            self.found.append(
                Attribution(kind, (start, end), None, (colon.idx, colon.idx + 1), root,
                            _span_of(mention(root)), "headline-colon", inner)
            )

    def run(self) -> list[Attribution]:
        self.quotations()
        self.cue_clauses()
        self.fragments()
        self.headlines()
        self.found.sort(key=lambda a: a.content)
        return self.found


def _negated_or_modal(verb: Token) -> bool:
    """"did not say", "could argue": no statement was reported."""
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _finite(clause: Token) -> bool:
    """A clause with a subject or a complementizer, not an infinitive."""
    children = list(clause.children)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in children) or any(
        c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in children
    )


def _agentive(token: Token | None) -> bool:
    """A subject that can make a promise or a criticism: a name, a personal
    pronoun, or a noun for a person, group or organisation ("Shortages have
    threatened to …" is no speech act)."""
    if token is None:
        return False
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if token.pos_ == "PRON":
        return token.lower_ not in ("it", "this", "that", "which", "what")
    return token.lemma_.lower() in source_nouns()


def _infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    marks = "“”\"‘’'«»„"
    while start < end and (text[start] in marks or text[start] in _TRIM):
        start += 1
    while end > start and (text[end - 1] in marks or text[end - 1] in _TRIM):
        end -= 1
    return start, end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _covers(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """Most of inner lies within outer."""
    overlap = min(outer[1], inner[1]) - max(outer[0], inner[0])
    return overlap > 0 and overlap >= 0.6 * (inner[1] - inner[0])


def _name_run(token: Token):
    doc = token.doc
    end = token.i
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and "\n" not in doc[end + 1].text_with_ws[:-1]:
        end += 1
    return doc[token.i : end + 1]


def attribute(doc: Doc, quotes: list[QuoteMarks] | None = None) -> list[Attribution]:
    """All attributions in a parsed document, in text order."""
    return _Extractor(doc, pair_quotes(doc.text) if quotes is None else quotes).run()
