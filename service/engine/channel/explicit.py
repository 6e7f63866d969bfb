"""Channels stated by an attribution's own frame: a phrase on the reporting verb,
its addressee, the verb itself, or a source that is a medium (rules 1 of the package)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from ..annotations import Channel
from ..attribution import Attribution
from ..cues import ACCORDING_TO
from ..document import Document
from ..syntax import subject
from .lookup import NAME_MODIFIERS, context_ok, outlet_at, phrase_of, right_end

OUTLET_TYPES = {"news_media", "state_media", "publication"}
_CHANNEL_PREPS = {"in", "on", "at", "during", "via", "through", "over", "by", "from", "aboard", "onto", "inside"}
_ADDRESSEE_PREPS = {"to", "before", "with"}
_NESTED_PREPS = {"on", "in", "with", "by", "from", "to", "via", "at", "during", "through"}
_SPEECH_TO = {"say", "tell", "speak", "talk", "testify", "explain", "write", "add", "declare", "announce"}

# Ranks of the ways a channel is stated (lower wins when a quote has several):
# a channel noun on the verb, a named outlet on the verb, the addressee, the verb
# itself, a medium as source, and last generic carriers and places.
_STRONG, _OUTLET, _ADDRESSEE, _VERB, _RELAY, _WEAK = range(6)


@dataclass(frozen=True, slots=True)
class _Found:
    type: str
    name: str | None
    start: int
    end: int
    rank: int
    outlet: bool = False  # the name comes from the gazetteer


class ExplicitChannels:
    """Reads the channel an attribution's own frame states."""

    def __init__(self, d: Document):
        self.doc = d.doc
        self.work = d.work
        self.lexicons = d.lexicons

    def _span(self, first: Token, last_i: int, content: tuple[int, int]) -> tuple[int, int] | None:
        doc = self.doc
        start, end = first.idx, doc[last_i].idx + len(doc[last_i])
        if start < content[1] and end > content[0]:
            if start >= content[0]:
                return None  # the phrase is inside what was said
            end = content[0]
            while end > start and not self.work[end - 1].isalnum():
                end -= 1
        return start, end

    def noun(self, noun: Token, role: str, depth: int = 2) -> tuple[str, str | None, int] | None:
        """(type, name, rank) of a noun phrase that may name a channel."""
        phrase = phrase_of(self.lexicons, noun, role)
        is_channel_noun = phrase is not None or phrase_of(self.lexicons, noun, "pp") is not None
        outlet = None
        for tok in [noun, *(c for c in noun.children if c.dep_ in NAME_MODIFIERS)]:
            found = outlet_at(
                self.lexicons, tok, tok.left_edge.i, tok.i + 1 if tok.i != noun.i else tok.right_edge.i + 1
            )
            if found and (tok.i == noun.i or found[1].i == tok.i) and context_ok(found[0], found[1], is_channel_noun):
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
        found = outlet_at(self.lexicons, head, first, last + 1)
        if found is not None and found[0].type in OUTLET_TYPES:
            return found[0].type, found[0].name
        phrase = phrase_of(self.lexicons, head, "source")
        if phrase is None:
            return None
        kind = phrase.type
        if kind == "news_media":
            modifiers = self.lexicons.channel_phrases.get("modifier", {})
            mention = self.work[self.doc[first].idx : head.idx].lower()
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
        end = doc[right_end(obj)]
        return got[0], got[1], according.idx, end.idx + len(end)

    def of(self, a: Attribution) -> tuple[Channel, bool] | None:
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
                    if got is not None and (span := self._span(prep, right_end(obj), a.content)):
                        rank = got[2] if role == "pp" else max(got[2], _ADDRESSEE)
                        found.append(_Found(got[0], got[1], span[0], span[1], rank, got[2] == _OUTLET))
        for obj in objects:  # "told reporters", "told the BBC"
            got = self.noun(obj, "addressee")
            if got is not None and (span := self._span(verb, right_end(obj), a.content)):
                found.append(_Found(got[0], got[1], span[0], span[1], max(got[2], _ADDRESSEE), got[2] == _OUTLET))
        lemma = verb.lemma_.lower()
        if (phrase := self.lexicons.channel_phrases.get("verb", {}).get(lemma)) is not None:
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

    def scene(self, prep: Token) -> Channel | None:
        """The channel a prepositional phrase names when it is a strong channel
        noun or a named outlet ("at a news conference", "in an interview with
        the Gazette"), not a generic carrier or a place."""
        if prep.dep_ != "prep" or prep.lower_ not in _CHANNEL_PREPS:
            return None
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or (got := self.noun(obj, "pp")) is None or got[2] > _OUTLET:
            return None
        last = self.doc[right_end(obj)]
        return Channel(got[0], got[1], prep.idx, last.idx + len(last))

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
            if frame.lemma_.lower() not in self.lexicons.cue_verbs:
                continue
            source = subject(frame, 0)
            if source is not None and (a.speaker is None or source.i != a.speaker.i):
                got = self.source(source, source.left_edge.i, source.i)
                if got is not None:
                    span = (source.left_edge.idx, source.idx + len(source))
                    return _Found(got[0], got[1], span[0], span[1], _RELAY)
        return None
