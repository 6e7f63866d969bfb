"""Pass 2: reporting verbs and the clauses they report.

Every cue with a reported clause ("said that …", "…, analysts said", "according
to …"), a naming construction ("called the charges unsubstantiated"), a promise
or appeal ("pledged to …", "urged X to …") or a stance ("criticized the plan")
yields its content. A clause that contains a quotation is mixed; one that is
only a quotation already found by pass 1 is a duplicate.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..cues import ACCORDING_TO, Cue
from ..syntax import is_verb, mention, subject
from .context import (
    Context,
    _agentive,
    _covers,
    _finite,
    _infinitive,
    _negated_or_modal,
    _span_of,
    _speaker_of,
    _strip_marks,
    _trim,
)
from .model import Attribution

# Verbs whose object is, in practice, never a plain noun phrase: an object
# followed by a clause is a misparsed reported clause.
_CLAUSE_AFTER_OBJECT = {
    "say",
    "add",
    "write",
    "claim",
    "argue",
    "insist",
    "contend",
    "note",
    "explain",
    "acknowledge",
    "predict",
    "suggest",
    "state",
    "declare",
    "report",
    "assert",
}
_FINAL_FRAME_VERBS = {"say", "report", "tell", "add", "write", "claim", "warn", "insist", "argue"}
_CONCESSIVE = {"though", "although", "while", "whereas", "even"}


class ClausePass(Context):
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
        if cue.cls == "noun":
            for child in verb.rights:
                if child.dep_ in ("acl", "ccomp", "appos") and _finite(child) and child.left_edge.lower_ == "that":
                    return tagged([self._clean(child, child.left_edge.i, child.right_edge.i)], "noun-clause")
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
        """ "said the disputes since the meeting underscored how …": the parser
        took the clause's subject for the verb's object; the clause still runs
        from that object to the end of the sentence."""
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            return []
        sent_end = verb.sent.end - 1
        clause_verbs = [
            t
            for t in self.doc[obj.right_edge.i + 1 : sent_end + 1]
            if is_verb(t)
            and t.dep_ in ("advcl", "ccomp", "relcl", "acl", "conj")
            and verb in t.ancestors
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
        """ "Trump and Xi Hold Call, China Says": a frame closing its sentence
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
        """ "said in a letter that …": the parser hangs the reported clause on
        the channel noun; a that-clause with its own subject is still the cue's."""
        for prep in verb.rights:
            if prep.dep_ != "prep":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                for clause in noun.subtree:
                    if (
                        clause.dep_ in ("acl", "ccomp", "relcl")
                        and _finite(clause)
                        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
                    ):
                        return [self._clean(clause, clause.left_edge.i, clause.right_edge.i)]
        return []

    def _naming(self, verb: Token) -> list[tuple[int, int]]:
        """ "called the charges unsubstantiated", "described X as “a disaster”":
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
        """ "The call lasted an hour, he added" / "The benefit, it says, would be
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
            if (
                t.dep_ == "advcl"
                and after_comma
                and (t.tag_ == "VBG" or any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in t.children))
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
        """ "He warned that …, according to state media": the source only relays
        a speech act that has its own cue; that cue's subject is the speaker."""
        head = cue.token.head
        inner = self.cue_by_token.get(head.i)
        return cue.lemma == ACCORDING_TO and inner is not None and bool(self._clause_ranges(inner))

    def cue_clauses(self) -> None:
        direct = list(self.found)
        for cue in self.cues + self.noun_cues:
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
                    if (
                        len(inner) == 1
                        and self._standalone(inner[0])
                        and _trim(self.text, inner[0].start, inner[0].end)
                        == _trim(self.text, *_strip_marks(self.text, start, end))
                    ):
                        kind = "direct"
                        start, end = inner[0].start, inner[0].end
                rule = how
                self.found.append(
                    Attribution(
                        kind,
                        (start, end),
                        cue,
                        (cue.start, cue.end),
                        speaker,
                        _span_of(mention(speaker)),
                        rule,
                        inner,
                    )
                )
