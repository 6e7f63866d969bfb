"""Attribution cues: reporting verbs, "according to", and headline colons.

A cue is the word or phrase that marks a statement as someone's: the verb of
saying (Levin's "say verbs" and their kin, listed in ``models/cues.tsv``), a
noun of saying with its possessor ("Trump's claim that …", ``models/cue_nouns.tsv``),
or the complex preposition "according to". (Headline colons are found by the
headline pass.)
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .document import Document
from .lexicon import CueVerb

ACCORDING_TO = "according to"


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue in a parsed document."""

    token: Token  # the verb, "according", or the colon
    start: int  # character span of the cue phrase
    end: int
    lemma: str
    verb: CueVerb | None  # lexicon entry for verb cues

    @property
    def cls(self) -> str:
        if self.verb is not None:
            return self.verb.cls
        return "source" if self.lemma == ACCORDING_TO else "noun"


@dataclass(frozen=True, slots=True)
class Cues:
    """The document's cues outside quotations (words inside one are the source's, not the reporter's)."""

    frames: tuple[Cue, ...]  # verbs and "according to": they frame quotations and clauses
    nouns: tuple[Cue, ...]  # nouns of saying: they only report clauses
    by_token: dict[int, Cue]  # frames by token index


def _verb_entry(d: Document, token: Token) -> CueVerb | None:
    entries = d.lexicons.cue_verbs.get(token.lemma_.lower())
    if not entries:
        return None
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    plain = None
    for entry in entries:
        if entry.particle is None:
            plain = entry
        elif entry.particle in particles:
            return entry
    return plain


def _is_verbal(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        return token.dep_ not in ("amod", "compound", "nmod")
    return False


def find_cues(d: Document) -> Cues:
    """Every cue of the document outside quotations, in text order."""
    doc = d.doc
    cues = []
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            nxt = doc[token.i + 1]
            cues.append(Cue(token, token.idx, nxt.idx + len(nxt), ACCORDING_TO, None))
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in d.lexicons.cue_nouns:
            cues.append(Cue(token, token.idx, token.idx + len(token), token.lemma_.lower(), None))
            continue
        if not _is_verbal(token):
            continue
        entry = _verb_entry(d, token)
        if entry is None:
            continue
        end = token.idx + len(token)
        if entry.particle:
            part = next(c for c in token.children if c.lower_ == entry.particle)
            if part.i == token.i + 1:
                end = part.idx + len(part)
        lemma = token.lemma_.lower() + (f" {entry.particle}" if entry.particle else "")
        cues.append(Cue(token, token.idx, end, lemma, entry))
    cues = [c for c in cues if not d.in_quotation(c.token)]
    frames = tuple(c for c in cues if c.cls != "noun")
    return Cues(frames, tuple(c for c in cues if c.cls == "noun"), {c.token.i: c for c in frames})
