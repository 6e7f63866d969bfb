"""Channel: how a statement reached the reporter.

Rules, in the order of the design's channel list (design.md, "channel.type"):

1. Explicit, from the attribution's own syntax (the "source/cue/content" frame of
   Pareti 2015, whose frame adjuncts name the medium):
   - a prepositional phrase on the reporting verb ("said in a post on Truth
     Social", "at a news conference", "in an interview with CNBC", "in the
     Oval Office"); the phrase's noun is looked up in ``models/channels_lexicon.tsv``
     and named outlets in ``models/channels.tsv``;
   - the addressee of a speech verb ("told reporters", "told the BBC",
     "testified before Congress");
   - the verb itself ("tweeted", "testified");
   - the source is a medium ("Bloomberg reported", "state media said",
     "according to state media"), or relays the speaker ("Mr. Xi …, state media
     reported, and said …"; "He warned …, according to state media"; a cue
     inside what a medium reported).
2. Inherited: a quote with no channel of its own takes the channel of its
   speaker's previous attribution, marked ``inferred``, unless the scene has
   changed in between: another channel was stated, the quote has a time or place
   of its own, a sentence opens with a new time, the reporting verb changes
   tense, or more than ``MAX_PARAGRAPH_BREAKS`` paragraph breaks separate them.

A channel mentioned inside the reported content is never the quote's channel
("Truth Social's shares fell, he said"): only the frame around the content is read.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token

from .annotations import Channel
from .attribution import Attribution
from .cues import ACCORDING_TO
from .lexicon import cue_verbs, table
from .syntax import subject

# Measured on the seed gold (see tests/engine/test_channel.py and the report of
# issue 4): every inherited channel there is at most one paragraph break away
# from the attribution it comes from; two breaks already reach a new scene.
MAX_PARAGRAPH_BREAKS = 1

OUTLET_TYPES = {"news_media", "state_media", "publication"}
_CHANNEL_PREPS = {"in", "on", "at", "during", "via", "through", "over", "by", "from", "aboard", "onto", "inside"}
_ADDRESSEE_PREPS = {"to", "before", "with"}
_NESTED_PREPS = {"on", "in", "with", "by", "from", "to", "via", "at", "during", "through"}
_CLAUSAL = {"relcl", "ccomp", "advcl", "acl", "csubj", "parataxis", "punct", "cc", "conj", "appos"}
_NAME_MODIFIERS = {"compound", "poss", "nmod", "amod"}
_CHAIN_MODIFIERS = {"compound", "amod", "nmod", "npadvmod"}
_TIME_ENTS = {"DATE", "TIME"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_TIME_WORDS = {
    "later",
    "earlier",
    "previously",
    "afterward",
    "afterwards",
    "subsequently",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "meanwhile",
}
_SPEECH_TO = {"say", "tell", "speak", "talk", "testify", "explain", "write", "add", "declare", "announce"}

# Ranks of the ways a channel is stated (lower wins when a quote has several):
# a channel noun on the verb, a named outlet on the verb, the addressee, the verb
# itself, a medium as source, and last generic carriers and places.
_STRONG, _OUTLET, _ADDRESSEE, _VERB, _RELAY, _WEAK = range(6)


@dataclass(frozen=True, slots=True)
class Outlet:
    """A named platform or outlet from the gazetteer."""

    name: str
    type: str
    context: str  # "-", "on" or "in" (models/channels.tsv)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A channel phrase from the lexicon."""

    type: str
    strong: bool
    name: str | None


@dataclass(frozen=True, slots=True)
class _Found:
    type: str
    name: str | None
    start: int
    end: int
    rank: int
    outlet: bool = False  # the name comes from the gazetteer


def outlet_key(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("’", "'"))
    return "the " + text[4:] if text[:4] in ("The ", "the ") else text


@cache
def gazetteer() -> tuple[dict[str, Outlet], int]:
    """Named outlets by normalised surface, and the longest surface in characters."""
    outlets = {
        outlet_key(surface): Outlet(name, kind, context) for surface, name, kind, context in table("channels.tsv")
    }
    return outlets, max(len(k) for k in outlets)


@cache
def phrases() -> dict[str, dict[str, Phrase]]:
    """Channel phrases by role ("pp", "addressee", "source", "verb", "modifier")."""
    by_role: dict[str, dict[str, Phrase]] = {}
    for phrase, kind, roles, strength, name in table("channels_lexicon.tsv"):
        entry = Phrase(kind, strength == "strong", None if name == "-" else name)
        for role in roles.split(","):
            by_role.setdefault(role, {})[phrase] = entry
    return by_role


# -- lookups -------------------------------------------------------------------


def _lookup(noun: Token, role: str) -> Phrase | None:
    """The phrase a noun heads, longest first: "joint news conference" → "news conference"."""
    table_ = phrases().get(role, {})
    if not table_:
        return None
    left = noun.i
    for child in noun.lefts:
        if child.dep_ in _CHAIN_MODIFIERS or child.dep_ == "punct" and child.text == "-":
            left = min(left, child.left_edge.i)
    doc = noun.doc
    heads = {noun.lower_, noun.lemma_.lower()}
    for i in range(left, noun.i + 1):
        prefix = "".join(t.text_with_ws for t in doc[i : noun.i]).lower().replace("’", "'")
        for head in heads:
            if (entry := table_.get(prefix + head)) is not None:
                return entry
    return None


def _root(doc: Doc, start: int, end: int) -> Token:
    for i in range(start, end):
        if not start <= doc[i].head.i < end or doc[i].head.i == i:
            return doc[i]
    return doc[end - 1]


def _outlet_at(token: Token, lo: int, hi: int) -> tuple[Outlet, Token] | None:
    """The longest named outlet covering ``token`` inside tokens [lo, hi)."""
    doc = token.doc
    outlets, longest = gazetteer()
    best = None
    for i in range(max(lo, token.i - 6), token.i + 1):
        texts = [""]  # texts[k]: the words of doc[i : i + k]
        for t in doc[i : min(hi, i + 8)]:
            texts.append(texts[-1] + t.text_with_ws)
        for j in range(min(hi, i + 8), token.i, -1):
            text = texts[j - i].rstrip()
            if len(text) > longest + 4:
                continue
            outlet = outlets.get(outlet_key(text))
            if outlet is None and text.endswith(".") and j == i + 1:
                outlet = outlets.get(outlet_key(text[:-1]))  # "wrote on X." tokenised as "X."
            if outlet is not None and (best is None or j - i > best[1] - best[0]):
                best = (i, j, outlet)
                break
    if best is None:
        return None
    i, j, outlet = best
    root = _root(doc, i, j)
    if i > 0 and doc[i - 1].pos_ == "PROPN" and i <= doc[i - 1].head.i < j or _inside_person(root, i, j):
        return None  # "Michael Bloomberg", not Bloomberg News
    return outlet, root


def _inside_person(token: Token, i: int, j: int) -> bool:
    """The token belongs to a person's name longer than the match."""
    if token.ent_type_ != "PERSON":
        return False
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start < i or end > j


def _context_ok(outlet: Outlet, root: Token, channel_noun: bool) -> bool:
    """Ambiguous names ("X", "Nature") count only as "on X" or "an X post"."""
    if outlet.context == "-":
        return True
    if root.dep_ in _NAME_MODIFIERS and channel_noun:
        return True
    allowed = {"on"} if outlet.context == "on" else {"in", "on"}
    return root.dep_ == "pobj" and root.head.lower_ in allowed


def _right_end(token: Token) -> int:
    """Last token of a phrase without its clauses and trailing punctuation."""
    end = token.i
    for child in token.rights:
        if child.dep_ not in _CLAUSAL:
            end = max(end, _right_end(child))
    return end


# -- explicit channels ----------------------------------------------------------


class _Finder:
    def __init__(self, doc: Doc, text: str):
        self.doc = doc
        self.text = text  # the caller's text (Doc.text would be rebuilt)

    def _span(self, first: Token, last_i: int, content: tuple[int, int]) -> tuple[int, int] | None:
        doc = self.doc
        start, end = first.idx, doc[last_i].idx + len(doc[last_i])
        if start < content[1] and end > content[0]:
            if start >= content[0]:
                return None  # the phrase is inside what was said
            end = content[0]
            while end > start and not self.text[end - 1].isalnum():
                end -= 1
        return start, end

    def noun(self, noun: Token, role: str, depth: int = 2) -> tuple[str, str | None, int] | None:
        """(type, name, rank) of a noun phrase that may name a channel."""
        phrase = _lookup(noun, role)
        is_channel_noun = phrase is not None or _lookup(noun, "pp") is not None
        outlet = None
        for tok in [noun, *(c for c in noun.children if c.dep_ in _NAME_MODIFIERS)]:
            found = _outlet_at(tok, tok.left_edge.i, tok.i + 1 if tok.i != noun.i else tok.right_edge.i + 1)
            if found and (tok.i == noun.i or found[1].i == tok.i) and _context_ok(found[0], found[1], is_channel_noun):
                outlet = found[0]
                break
        nested = None
        if depth:
            for prep in noun.rights:
                if prep.dep_ == "prep" and prep.lower_ in _NESTED_PREPS:
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and (got := self.noun(obj, "pp", depth - 1)) is not None:
                            if nested is None or got[2] < nested[2]:
                                nested = got
        if phrase is not None and phrase.strong:
            name = phrase.name or (outlet.name if outlet else None) or (nested[1] if nested else None)
            return phrase.type, name, _STRONG
        if nested is not None and nested[2] == _STRONG:
            return nested
        if outlet is not None:
            if role == "addressee":
                if outlet.type == "social_media":
                    return None
                return "interview", outlet.name, _OUTLET
            if role == "source" and outlet.type not in OUTLET_TYPES:
                return None
            return outlet.type, outlet.name, _OUTLET
        if nested is not None and nested[2] == _OUTLET:
            return nested
        if phrase is not None:
            return phrase.type, phrase.name, _WEAK
        return nested

    def source(self, head: Token, first: int, last: int) -> tuple[str, str | None] | None:
        """The source itself is a medium: "Bloomberg", "Chinese state media", "the newspaper"."""
        found = _outlet_at(head, first, last + 1)
        if found is not None and found[0].type in OUTLET_TYPES:
            return found[0].type, found[0].name
        phrase = _lookup(head, "source")
        if phrase is None:
            return None
        kind = phrase.type
        if kind == "news_media":
            modifiers = phrases().get("modifier", {})
            mention = self.text[self.doc[first].idx : head.idx].lower()
            words = re.findall(r"[a-z]+(?:-[a-z]+)*", mention)
            if any(w in modifiers for w in words):
                kind = "state_media"
        return kind, phrase.name

    def according_to(self, according: Token) -> tuple[str, str | None, int, int] | None:
        """ "according to state media" → (type, name, start, end)."""
        doc = self.doc
        if according.i + 1 >= len(doc):
            return None
        to = doc[according.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        noun = self.noun(obj, "source")
        if noun is not None and noun[2] <= _OUTLET:  # "according to a report by Politico"
            got = noun[0], noun[1]
        elif (got := self.source(obj, obj.left_edge.i, obj.i)) is None:
            if noun is None or noun[1] is None and noun[0] == "social_media":
                return None
            got = noun[0], noun[1]
        end = doc[_right_end(obj)]
        return got[0], got[1], according.idx, end.idx + len(end)

    def explicit(self, a: Attribution) -> tuple[Channel, bool] | None:
        """The channel the attribution's own frame states, and whether the
        source (not a phrase) said it."""
        if a.cue is None:
            return None
        verb = a.cue.token
        found: list[_Found] = []
        if a.cue.lemma == ACCORDING_TO:
            got = self.according_to(verb)
            if got is not None:
                return Channel(got[0], got[1], got[2], got[3]), True
            return None
        tell = verb.lemma_.lower() in _SPEECH_TO
        objects: list[Token] = []
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and tell and child.pos_ in ("NOUN", "PROPN"):
                objects.append(child)
        for holder in [verb, *objects]:
            for prep in holder.children:
                if prep.dep_ not in ("prep", "dative"):
                    continue
                low = prep.lower_
                if low == "according":
                    got = self.according_to(prep)
                    if got is not None:
                        found.append(_Found(got[0], got[1], got[2], got[3], _RELAY))
                    continue
                role = "pp" if low in _CHANNEL_PREPS else "addressee" if low in _ADDRESSEE_PREPS and tell else None
                if role is None:
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    got = self.noun(obj, role)
                    if got is None and role == "addressee" and low == "to":
                        got = self.noun(obj, "pp")  # "posted to Instagram", not "said to the TV"
                        got = got if got is not None and got[2] == _OUTLET else None
                    if got is not None and (span := self._span(prep, _right_end(obj), a.content)):
                        rank = got[2] if role == "pp" else max(got[2], _ADDRESSEE)
                        found.append(_Found(got[0], got[1], span[0], span[1], rank, got[2] == _OUTLET))
        for obj in objects:  # "told reporters", "told the BBC"
            got = self.noun(obj, "addressee")
            if got is not None and (span := self._span(verb, _right_end(obj), a.content)):
                found.append(_Found(got[0], got[1], span[0], span[1], max(got[2], _ADDRESSEE), got[2] == _OUTLET))
        lemma = verb.lemma_.lower()
        if (phrase := phrases().get("verb", {}).get(lemma)) is not None:
            rank = _VERB if phrase.strong else _WEAK
            found.append(_Found(phrase.type, phrase.name, a.cue.start, a.cue.end, rank))
        relay = self._relay(a)
        if relay is not None:
            found.append(relay)
        if not found:
            return None
        best = min(found, key=lambda f: (f.rank, f.start))
        name = best.name
        if name is None and best.rank != _RELAY:
            name = next((f.name for f in found if f.outlet and f.name), None)
        from_source = best.rank == _RELAY
        return Channel(best.type, name, best.start, best.end), from_source

    def _relay(self, a: Attribution) -> _Found | None:
        """The source is a medium, or relays the speaker through a coordinated cue."""
        verb = a.cue.token
        if a.speaker is not None:
            first = a.speaker.left_edge
            got = self.source(a.speaker, first.i, a.speaker.i)
            if got is not None and (span := self._span(first, a.speaker.i, a.content)):
                return _Found(got[0], got[1], span[0], span[1], _RELAY)
        head = verb.head
        if verb.dep_ != "conj" or head.i > verb.i:
            return None
        # "Mr. Xi welcomed …, state media reported, and said …": the frame is the
        # head of the coordination or a parenthetical on it.
        frames = [head, *(c for c in head.children if c.dep_ == "parataxis" and c.i < verb.i)]
        for frame in frames:
            if frame.lemma_.lower() not in cue_verbs():
                continue
            source = subject(frame, 0)
            if source is not None and (a.speaker is None or source.i != a.speaker.i):
                got = self.source(source, source.left_edge.i, source.i)
                if got is not None:
                    span = (source.left_edge.idx, source.idx + len(source))
                    return _Found(got[0], got[1], span[0], span[1], _RELAY)
        return None


# -- inheritance ------------------------------------------------------------------


def _anchor(a: Attribution) -> int:
    return min(a.content[0], a.cue_span[0]) if a.cue_span else a.content[0]


def _end(a: Attribution) -> int:
    return max(a.content[1], a.cue_span[1]) if a.cue_span else a.content[1]


def _is_time_or_place(token: Token) -> bool:
    """A temporal or locative adverbial: "on Wednesday", "later", "in Geneva"."""
    if token.lower_ in _TIME_WORDS:
        return True
    if token.dep_ == "prep":
        objs = [c for c in token.children if c.dep_ == "pobj"]
        return any(o.ent_type_ in _TIME_ENTS | _PLACE_ENTS for o in objs)
    return token.dep_ in ("npadvmod", "tmod", "advmod") and token.ent_type_ in _TIME_ENTS


def _settings(a: Attribution) -> set[str]:
    """Time and place adverbials on the attribution's frame (not its content)."""
    if a.cue is None:
        return set()
    out = set()
    token = a.cue.token
    for _ in range(3):
        for child in token.children:
            if a.content[0] <= child.idx < a.content[1]:
                continue
            if _is_time_or_place(child):
                # "on Thursday" and "Thursday" name the same time: compare without the preposition
                head = next((c for c in child.children if c.dep_ == "pobj"), child) if child.dep_ == "prep" else child
                out.add(" ".join(t.lower_ for t in head.subtree if not t.is_punct))
        if token.dep_ not in ("conj", "advcl", "xcomp") or token.head.i == token.i:
            break
        token = token.head
    return out


def _tense(verb: Token) -> str | None:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"has", "have", "'ve", "’ve"}:
        return "perfect"
    if aux & {"will", "'ll", "’ll"}:
        return "future"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _scene_openers(doc: Doc) -> list[int]:
    """Character offsets of sentences that open on a new time ("On Wednesday, …")."""
    out = []
    for sent in doc.sents:
        root = sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        limit = subj.left_edge.i if subj is not None else root.i
        if any(c.i < limit and _is_time_or_place(c) and c.lower_ != "meanwhile" for c in root.children):
            out.append(sent.start_char)
    return out


class _Inheritance:
    def __init__(self, doc: Doc, text: str, attributions: list[Attribution], stated: list[tuple[int, Channel]]):
        self.text = text
        self.openers = _scene_openers(doc)
        self.stated = sorted(stated, key=lambda s: s[0])
        self.stated_at = [s[0] for s in self.stated]

    def breaks(self, prev: Attribution, a: Attribution) -> bool:
        gap = self.text[_end(prev) : _anchor(a)]
        if len(re.findall(r"\n\s*", gap)) > MAX_PARAGRAPH_BREAKS:
            return True
        lo, hi = _end(prev), _anchor(a)
        i = bisect.bisect_left(self.stated_at, lo)
        while i < len(self.stated) and self.stated[i][0] < hi:
            ch = self.stated[i][1]
            if (ch.type, ch.name) != (prev.channel.type, prev.channel.name):
                return True  # another channel was stated in between
            i += 1
        j = bisect.bisect_right(self.openers, lo)
        if j < len(self.openers) and self.openers[j] <= hi:
            return True  # a sentence in between (or this one) opens on a new time or place
        if _settings(a) - _settings(prev):
            return True
        if a.cue is not None and prev.cue is not None:
            now, before = _tense(a.cue.token), _tense(prev.cue.token)
            if now and before and now != before:
                return True
        return False


def assign_channels(doc: Doc, text: str, attributions: list[Attribution]) -> None:
    """Set ``channel`` on every attribution that states or inherits one (``text`` is ``doc``'s text)."""
    finder = _Finder(doc, text)
    relayed: list[Attribution] = []
    stated: list[tuple[int, Channel]] = []
    for a in attributions:
        found = finder.explicit(a)
        if found is None:
            continue
        a.channel, from_source = found
        stated.append((_anchor(a), a.channel))
        if from_source and a.channel.type in OUTLET_TYPES:
            relayed.append(a)
    # A speech act inside what a medium reported came through that medium.
    for source in relayed:
        for a in attributions:
            if a.channel is None and a.cue_span and source.content[0] <= a.cue_span[0] < source.content[1]:
                if a.entity is None or a.entity is not source.entity:
                    a.channel = source.channel
                    stated.append((_anchor(a), a.channel))
    inheritance = _Inheritance(doc, text, attributions, stated)
    last: dict[int, Attribution] = {}
    for a in sorted(attributions, key=_anchor):
        if a.entity is None:
            continue
        prev = last.get(id(a.entity))
        if a.channel is None and prev is not None and prev.channel is not None and not inheritance.breaks(prev, a):
            a.channel = replace(prev.channel, inferred=True)
        last[id(a.entity)] = a
