"""Inherited channels: a quote without a channel of its own takes its speaker's
previous one unless the scene has changed in between (rule 2 of the package)."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from ..annotations import Channel
from ..attribution import Attribution
from ..document import Document

# Measured on the seed gold (see tests/engine/test_channel.py and the report of
# issue 4): every inherited channel there is at most one paragraph break away
# from the attribution it comes from; two breaks already reach a new scene.
MAX_PARAGRAPH_BREAKS = 1
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


def anchor(a: Attribution) -> int:
    return min(a.content[0], a.cue_span[0]) if a.cue_span else a.content[0]


def end(a: Attribution) -> int:
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


class SceneBreaks:
    """Whether the scene changes between two attributions of one speaker."""

    def __init__(self, d: Document, stated: list[tuple[int, Channel]]):
        self.d = d
        self.openers = _scene_openers(d.doc)
        self.stated = sorted(stated, key=lambda s: s[0])
        self.stated_at = [s[0] for s in self.stated]

    def between(self, prev: Attribution, channel: Channel, a: Attribution) -> bool:
        """The scene changed between ``prev`` (whose channel is ``channel``) and ``a``."""
        lo, hi = end(prev), anchor(a)
        if self.d.paragraph_breaks(lo, hi) > MAX_PARAGRAPH_BREAKS:
            return True
        i = bisect.bisect_left(self.stated_at, lo)
        while i < len(self.stated) and self.stated[i][0] < hi:
            ch = self.stated[i][1]
            if (ch.type, ch.name) != (channel.type, channel.name):
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
