"""Pass 2's constructions: how a cue's reported clause is found, in order of precedence.

A cue is read one way by what kind of cue it is (:func:`reading`): "according
to", a noun of saying, a naming verb, "call for", or any other verb; a negated
or modal verb ("did not say", "could argue") reports nothing. For a cue, the
constructions of its reading are tried in the order of ``CONSTRUCTIONS``: those
of the first rank that finds a clause win (several of one rank may all find
one), and a construction without a rank adds what it finds to the winner's.
Each construction has its own :class:`~service.engine.rules.Rule`, so each is
calibrated on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from ..cues import ACCORDING_TO, Cue, Cues
from ..document import Document
from ..rules import Rule
from ..syntax import is_verb, subject
from .clause_edges import clean, closes_sentence, last_word, parenthetical
from .grammar import agentive, finite, infinitive, negated_or_modal
from .senses import document_source, reports

TokenRange = tuple[int, int]  # first and last token of a clause
Finder = Callable[[Document, Cues, Cue], list[TokenRange]]

# Verbs whose object is, in practice, never a plain noun phrase: an object
# followed by a clause is a misparsed reported clause.
_CLAUSE_AFTER_OBJECT = {
    "say", "add", "write", "claim", "argue", "insist", "contend", "note", "explain", "acknowledge", "predict",
    "suggest", "state", "declare", "report", "assert",
}  # fmt: skip
_COLON_REACH = 300  # tokens of a statement after a colon: a paragraph of news, and a bound on cost
_FINAL_FRAME_VERBS = {"say", "report", "tell", "add", "write", "claim", "warn", "insist", "argue"}


class Reading(Enum):
    """How a cue is read; each construction reads one kind."""

    ACCORDING_TO = "according to"
    NOUN = "noun of saying"
    NAMING = "naming verb"
    CALL_FOR = "call for"
    VERB = "verb"


def reading(cue: Cue) -> Reading | None:
    """The kind of cue, or None for a negated or modal verb."""
    if cue.lemma == ACCORDING_TO:
        return Reading.ACCORDING_TO
    if cue.cls == "noun":
        return Reading.NOUN
    if negated_or_modal(cue.token):
        return None
    if cue.cls == "naming":
        return Reading.NAMING
    if cue.verb and cue.verb.particle == "for":
        return Reading.CALL_FOR
    return Reading.VERB


# -- finders: one construction each -------------------------------------------------


def _according_to(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "X …, according to Y" (the clause before the cue) or "According to Y, X …"."""
    verb = cue.token
    head = verb.head
    if head.i == verb.i:
        return []
    left, right = head.left_edge.i, head.right_edge.i
    sub = verb.left_edge.i, verb.right_edge.i
    if sub[0] > left:
        return [clean(cues, head, left, sub[0] - 1)]
    if sub[1] < right:
        return [clean(cues, head, sub[1] + 1, right)]
    return []


def _noun_clause(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "Trump's claim that …": the that-clause of a noun of saying."""
    for child in cue.token.rights:
        if child.dep_ in ("acl", "ccomp", "appos") and finite(child) and child.left_edge.lower_ == "that":
            return [clean(cues, child, child.left_edge.i, child.right_edge.i)]
    return []


def _naming(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "called the charges unsubstantiated", "described X as “a disaster”":
    the object with what it was called. A relative object ("what he called
    Taiwan separatists") names without asserting, unless quoted (pass 3)."""
    verb = cue.token
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.tag_ in ("WP", "WDT") or obj.lower_ in ("what", "which", "who"):
        return []
    preds = [c for c in verb.rights if c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"]
    preds += [c for c in obj.children if c.dep_ in ("oprd", "appos") and c.i > obj.i]
    if not preds:
        return []
    last = max(p.right_edge.i for p in preds)
    return [clean(cues, verb, obj.left_edge.i, last)]


def _call_for(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "called for an inquiry": the object of "for"."""
    prep = next((c for c in cue.token.children if c.lower_ == "for"), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
    return [clean(cues, obj, obj.left_edge.i, obj.right_edge.i)] if obj is not None else []


def _clause_before(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "…, analysts said.": the clause before a parenthetical cue is what was
    said; a frame closing the sentence reports all of it ("X, but Y, she added")."""
    verb = cue.token
    ranges = []
    if verb.tag_ == "VBG":
        return []  # "Trump walked onto the stage, chanting …": a participle is no parenthetical frame
    for child in verb.lefts:
        if child.dep_ == "ccomp" and finite(child) and parenthetical(verb, child.right_edge.i):
            first = child.left_edge.i
            if closes_sentence(verb):
                first = min(first, verb.sent.start)
            ranges.append(clean(cues, child, first, child.right_edge.i))
    return ranges


def _clause_after(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "said that …", and "tweeted in the early hours that …" (a that-clause
    parsed as an adverbial)."""
    verb = cue.token
    ranges = []
    for child in verb.rights:
        that_adverbial = child.dep_ == "advcl" and child.left_edge.lower_ == "that"
        if that_adverbial or child.dep_ == "ccomp" and finite(child):
            # "the cuts, which unions say will cost jobs": the relative pronoun is fronted
            first = child.left_edge.i if child.left_edge.i > verb.i else verb.i + 1
            ranges.append(clean(cues, child, first, child.right_edge.i))
    return ranges


def _as_reported(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "As the mayor explained, two projects were cut" / "Hawaii, as an adviser
    pointed out, rarely gets storms": a frame in an as-clause reports the clause
    it modifies, in its parts before and after the frame. An as-clause with an
    object or a progressive verb is a time or manner clause ("As she announced
    her run, …", "As he was explaining, …")."""
    verb = cue.token
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "advcl" or not is_verb(head) or verb.tag_ == "VBG" or head.i == verb.i:
        return []
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
        return []
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return []  # "As expected, …": no one in the clause speaks
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "attr", "acomp", "oprd", "dative") or c.dep_ == "dobj" and cue.lemma != "tell":
            return []
    ranges = []
    for first, last in ((head.left_edge.i, verb.left_edge.i - 1), (verb.right_edge.i + 1, head.right_edge.i)):
        while first <= last and (doc[first].is_punct or doc[first].is_space or doc[first].dep_ == "cc"):
            first += 1
        while last >= first and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        if last < first:
            continue
        part = doc[first : last + 1]
        # the words before the frame are content only with the clause's verb or
        # subject ("In 2010, as he noted, …" opens with an adverbial)
        if first < verb.i and not any(
            t.i == head.i or t.head.i == head.i and t.dep_ in ("nsubj", "nsubjpass", "expl") for t in part
        ):
            continue
        ranges.append(clean(cues, head, first, last))
    return ranges


def _object_content(cls: str) -> Finder:
    """Non-clausal content of an agentive subject's speech act: "pledged to
    suspend …" (commissive), "urged Americans to vote …" / "called on X to …"
    (directive), "criticized the plan for …" (stance: what was said of or about)."""

    def find(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
        verb = cue.token
        if cue.cls != cls or not agentive(d, subject(verb)):
            return []
        xcomp = next((c for c in verb.rights if c.dep_ == "xcomp" and infinitive(c)), None)
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        if cls == "directive" and obj is None:
            on = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "on"), None)
            obj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
            xcomp = xcomp or next((c for c in obj.rights if c.dep_ in ("xcomp", "acl")), None) if obj else xcomp
        if cls == "commissive":
            return [clean(cues, xcomp, xcomp.left_edge.i, xcomp.right_edge.i)] if xcomp is not None else []
        if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.tag_ in ("WP", "WDT"):
            return []
        if cls == "directive":
            if xcomp is None:
                return []
            return [clean(cues, verb, obj.left_edge.i, max(xcomp.right_edge.i, obj.right_edge.i))]
        last = _without_aside(obj)
        for c in verb.rights:
            if c.dep_ == "prep" and c.lower_ in ("for", "as") and c.i > obj.right_edge.i:
                last = c.right_edge.i
        if obj.pos_ == "PRON" and last == obj.i:
            return []  # "criticized it": nothing was reported
        return [clean(cues, verb, obj.left_edge.i, last)]

    return find


def _finding(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "A poll shows Clinton ahead by three points", "the survey found 31
    cases of fraud", "polls have shown her lead eroding": what a document
    shows or finds, when it is not a clause: everything the verb governs after it."""
    verb = cue.token
    if cue.cls != "evidence" or not document_source(d, subject(verb)):
        return []
    rights = [c for c in verb.rights if not c.is_punct and c.dep_ not in ("cc", "conj")]
    if not any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") for c in rights):
        return []
    last = max(c.right_edge.i for c in rights)
    return [clean(cues, verb, rights[0].left_edge.i, last)]


def _request(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "The senator asked the court to intervene", "told his aides to find a
    way", "warned officials to boost security": a verb of saying with an
    addressee and a to-infinitive reports a request (a directive speech act);
    the addressee and what they were asked to do are the content."""
    verb = cue.token
    if cue.cls != "speech" or not agentive(d, subject(verb)):
        return []
    if cue.lemma == "ask":
        # "asked the senator about the budget": a question about a topic
        about = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "about"), None)
        topic = next((c for c in about.children if c.dep_ == "pobj"), None) if about is not None else None
        if topic is not None and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            return [clean(cues, verb, topic.left_edge.i, _without_aside(topic))]
    obj = next((c for c in verb.rights if c.dep_ in ("dobj", "dative")), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.tag_ in ("WP", "WDT"):
        return []
    xcomp = next((c for c in verb.rights if c.dep_ in ("xcomp", "ccomp") and infinitive(c) and c.i > obj.i), None)
    if xcomp is None:  # ("maintains a program to develop …": the infinitive modifies the noun)
        return []
    return [clean(cues, verb, obj.left_edge.i, max(xcomp.right_edge.i, obj.right_edge.i))]


def _message_object(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "announced a hiring freeze", "stressed the need for calm", "promised
    lower taxes": the object of a verb whose object names what was said, when
    it is not an addressee ("urged voters") or a bare pronoun ("denied it")."""
    verb = cue.token
    if cue.verb is None or cue.verb.lemma not in d.lexicons.message_verbs:
        return []
    source = subject(verb)
    if not (agentive(d, source) or document_source(d, source)):
        return []
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if (
        obj is None
        or obj.pos_ not in ("NOUN", "PROPN")
        or agentive(d, obj)
        or obj.right_edge.i == obj.i
        and obj.pos_ == "PROPN"
    ):
        return []
    last = _without_aside(obj)
    for c in verb.rights:
        if c.dep_ == "prep" and c.lower_ == "as" and c.i == obj.right_edge.i + 1:
            last = c.right_edge.i  # "mentioned the remarks as examples of …"
    return [clean(cues, verb, obj.left_edge.i, last)]


def _without_aside(obj) -> int:
    """The last token of an object noun phrase without a closing non-restrictive
    relative clause ("the reality of climate change, which makes him an
    outlier"): the reporter's aside, not what was said."""
    last = obj.right_edge.i
    doc = obj.doc
    for t in obj.subtree:
        if t.dep_ == "relcl" and t.right_edge.i == last and doc[t.left_edge.i - 1].text == ",":
            last = min(last, t.left_edge.i - 2)
    return last


def _after_colon(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "Lee wrote: the council has failed." / "Lee wrote:" ¶ "The council has
    failed.": a frame ending in a colon introduces an unquoted statement, to the
    end of its paragraph (a quotation there is pass 1's)."""
    verb = cue.token
    doc = verb.doc
    colon = next((t.i for t in doc[verb.i + 1 : verb.right_edge.i + 2] if t.is_punct), None)
    if colon is None or doc[colon].text != ":" or any(t.dep_ in ("ccomp", "dobj") for t in verb.rights):
        return []
    first = colon + 1
    while first < len(doc) and doc[first].is_space:
        first += 1
    if first >= len(doc) or doc[first].text in "“‘\"'" or d.in_quotation(doc[first]):
        return []
    last, stop = first, min(len(doc), first + _COLON_REACH)
    while last + 1 < stop and "\n" not in doc[last + 1].text:
        last += 1
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return [(first, last)] if last > first else []


def _clause_on_channel(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "said in a letter that …": the parser hangs the reported clause on
    the channel noun; a that-clause with its own subject is still the cue's."""
    for prep in cue.token.rights:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            for clause in noun.subtree:
                if (
                    clause.dep_ in ("acl", "ccomp", "relcl")
                    and finite(clause)
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
                ):
                    return [clean(cues, clause, clause.left_edge.i, clause.right_edge.i)]
    return []


def _final_frame(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "Trump and Xi Hold Call, China Says": a frame closing its sentence
    after a comma, which headline parses miss; the words before are content."""
    verb = cue.token
    doc = verb.doc
    sent = verb.sent
    if last_word(verb) != verb.i or verb.lemma_.lower() not in _FINAL_FRAME_VERBS:
        return []
    comma = next((t for t in reversed(doc[sent.start : verb.i]) if t.text == ","), None)
    if comma is None or comma.i - sent.start < 3:
        return []
    frame = doc[comma.i + 1 : verb.i]
    if not frame or len(frame) > 6 or any(is_verb(t) or t.pos_ in ("CCONJ", "SCONJ") for t in frame):
        return []
    return [(sent.start, comma.i - 1)]


def _misparsed_clause(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "said the disputes since the meeting underscored how …": the parser
    took the clause's subject for the verb's object; the clause still runs
    from that object to the end of the sentence."""
    verb = cue.token
    if verb.lemma_.lower() not in _CLAUSE_AFTER_OBJECT:
        return []
    doc = verb.doc
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return []
    sent_end = verb.sent.end - 1
    clause_verbs = [
        t
        for t in doc[obj.right_edge.i + 1 : sent_end + 1]
        if is_verb(t)
        and t.dep_ in ("advcl", "ccomp", "relcl", "acl", "conj")
        and verb in t.ancestors
        and t.left_edge.i == obj.right_edge.i + 1
    ]
    if not clause_verbs:
        return []
    last = sent_end
    while last > obj.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return [clean(cues, verb, obj.left_edge.i, last)]


def _interrupted(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "The call lasted an hour, he added" / "The benefit, it says, would be
    $300": the clause the frame interrupts, in its parts before and after."""
    verb = cue.token
    if not (verb.dep_ == "parataxis" or verb.dep_ in ("ccomp", "advcl") and verb.head.i < verb.i):
        return []
    if verb.tag_ == "VBG":
        return []  # "…, accusing her of …": a participial adjunct, not an interrupting frame
    doc = verb.doc
    head = verb.head
    ranges = []
    last = verb.left_edge.i - 1
    while last >= head.left_edge.i and doc[last].is_punct:
        last -= 1
    set_off = doc[verb.left_edge.i].is_punct or last < verb.left_edge.i - 1
    if last < head.left_edge.i or not set_off or not parenthetical(verb, last):
        return []
    # a fronted adverbial is part of what was said too ("Back in Virginia, he said, he
    # decided …"), in its own part, as is the clause's subject ("The fund, he said, is …")
    ranges.append(clean(cues, head, head.left_edge.i, last))
    first = verb.right_edge.i + 1
    while first <= head.right_edge.i and doc[first].is_punct:
        first += 1
    end = head.right_edge.i
    while end > first and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    if first < end:
        ranges.append(clean(cues, head, first, end))
    return ranges


def _coordinated(d: Document, cues: Cues, cue: Cue) -> list[TokenRange]:
    """ "…, he added, and “resulted in …”": a subjectless verb joined to the cue,
    when quoted words make it part of what was said."""
    ranges = []
    for child in cue.token.rights:
        if child.dep_ == "conj" and is_verb(child) and child.i not in cues.by_token:
            quoted = any(d.in_quotation(t) for t in child.subtree)
            if quoted and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
                ranges.append(clean(cues, child, child.left_edge.i, child.right_edge.i))
    return ranges


# -- the table ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Construction:
    rule: Rule
    reads: Reading
    rank: int | None  # the first rank that finds a clause wins; None adds to the winner
    find: Finder


CONSTRUCTIONS: tuple[Construction, ...] = (
    Construction(Rule.ACCORDING_TO, Reading.ACCORDING_TO, 1, _according_to),
    Construction(Rule.NOUN_CLAUSE, Reading.NOUN, 1, _noun_clause),
    Construction(Rule.NAMING, Reading.NAMING, 1, _naming),
    Construction(Rule.CALL_FOR, Reading.CALL_FOR, 1, _call_for),
    Construction(Rule.PARENTHETICAL, Reading.VERB, 1, _clause_before),
    Construction(Rule.CLAUSE, Reading.VERB, 1, _clause_after),
    Construction(Rule.AS_REPORTED, Reading.VERB, 1, _as_reported),
    Construction(Rule.COMMISSIVE, Reading.VERB, 2, _object_content("commissive")),
    Construction(Rule.DIRECTIVE, Reading.VERB, 2, _object_content("directive")),
    Construction(Rule.STANCE, Reading.VERB, 2, _object_content("stance")),
    Construction(Rule.FINDING, Reading.VERB, 2, _finding),
    Construction(Rule.REQUEST, Reading.VERB, 2, _request),
    Construction(Rule.CLAUSE_ON_CHANNEL, Reading.VERB, 3, _clause_on_channel),
    Construction(Rule.PARENTHETICAL, Reading.VERB, 4, _final_frame),
    Construction(Rule.MISPARSED_CLAUSE, Reading.VERB, 5, _misparsed_clause),
    Construction(Rule.PARENTHETICAL, Reading.VERB, 6, _interrupted),
    Construction(Rule.MESSAGE_OBJECT, Reading.VERB, 7, _message_object),
    Construction(Rule.AFTER_COLON, Reading.VERB, 8, _after_colon),
    Construction(Rule.COORDINATED, Reading.VERB, None, _coordinated),
)


def clause_ranges(d: Document, cues: Cues, cue: Cue) -> list[tuple[int, int, Rule]]:
    """Token ranges (first, last, rule) of the clause(s) a cue reports."""
    kind = reading(cue)
    if not reports(d, cue):
        return []
    found: list[tuple[int, int, Rule]] = []
    winner = None
    for construction in CONSTRUCTIONS:
        if construction.reads is not kind or winner is not None and construction.rank not in (winner, None):
            continue
        ranges = construction.find(d, cues, cue)
        if ranges and construction.rank is not None:
            winner = construction.rank
        found += [(first, last, construction.rule) for first, last in ranges]
    return found
