"""Hedges: words that soften what was said, or the reporter's framing of it.

Hedges follow Hyland's categories (1998; 2005): modal auxiliaries, epistemic
and evidential verbs, adverbs, approximators, and other (adjectives and
phrases such as "it is possible", "sort of"); the cue list and its conditions
are in ``models/hedges.tsv``, written after Hyland and the CoNLL-2010
uncertainty-cue guidelines (Farkas et al. 2010).

Two scopes:

- ``attribution``: the reporter's framing around the cue — the reporting verb
  itself when it distances the reporter ("implied", "claimed": column ``hedge``
  of ``models/cues.tsv``), an adverb on it ("essentially warned", "reportedly
  told"), a hedging verb that governs it ("appeared to suggest").
- ``content``: inside the reported words ("could push up", "probably closer
  to", "around an hour").

Homonyms are told apart by their syntax (a condition per cue): "would" of the
future-in-the-past is not a cue at all; "could" of past ability ("could see",
"could not") is not a hedge; "about" concerning something is not an
approximator; a negated hedge ("did not suggest", "not necessarily") is none.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from .annotations import Hedge
from .attribution import Attribution
from .cues import ACCORDING_TO
from .document import Document
from .lexicon import HedgeCue

_NEGATORS = {"not", "n't", "never", "no", "hardly", "barely"}
_ABILITY = {"see", "hear", "feel", "smell", "taste", "remember", "recall", "understand", "afford", "recognize"}
_CONDITIONAL_MARKS = {"if", "unless", "so", "whether"}
_UNITS = {
    "hour", "minute", "second", "day", "week", "month", "year", "decade", "century", "dozen", "hundred",
    "thousand", "million", "billion", "trillion", "half", "third", "quarter", "percent", "mile", "kilometer",
    "foot", "meter", "pound", "ton", "dollar", "score",
}  # fmt: skip
_QUANTITY_ENTS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "TIME"}
_HEDGING_HEADS = {"appear", "seem"}  # "appeared to suggest": a frame verb that hedges the cue


# -- conditions ----------------------------------------------------------------


def _preceded_by_negation(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ in _NEGATORS


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _is_quantity(token: Token) -> bool:
    return token.like_num or token.lemma_.lower() in _UNITS or token.lower_ in _UNITS


def _before_quantity(doc: Doc, i: int) -> bool:
    """ "about 20", "around an hour", "some $300 million"."""
    j = i + 1
    while j < len(doc) and doc[j].lower_ in ("a", "an", "$", "€", "£"):
        j += 1
    if j >= len(doc):
        return False
    nxt = doc[j]
    return _is_quantity(nxt) or (nxt.ent_type_ in _QUANTITY_ENTS and nxt.pos_ == "NUM")


def _has_clause(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return True
        if verb.lemma_.lower() in _HEDGING_HEADS and child.dep_ in ("acomp", "attr", "oprd"):
            return True
    # "It is fine, I think": a parenthetical verb of thinking.
    return verb.dep_ == "parataxis" and any(c.dep_ == "nsubj" for c in verb.children)


def _past_ability(modal: Token) -> bool:
    """ "could see", "could not", "so they could", "if they could": not a hedge."""
    verb = modal.head
    if _negated(verb) or _preceded_by_negation(modal):
        return True
    if verb.lemma_.lower() in _ABILITY:
        return True
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in verb.children):
        return True
    return modal.i > 0 and modal.doc[modal.i - 1].lower_ in ("only", "barely", "hardly")


def _kind_and_ok(cue: HedgeCue, token: Token, end: int) -> str | None:
    """The hedge kind when the words at ``token`` are this cue, else None."""
    doc = token.doc
    condition = cue.condition
    kind = cue.kind
    if kind == "modal":
        if token.tag_ != "MD":
            return None
        if condition == "ability" and _past_ability(token):
            return None
        return kind
    if kind == "verb":
        if token.pos_ not in ("VERB", "AUX") or _negated(token):
            return None
        if condition == "clause" and not _has_clause(token):
            return None
        return kind
    if _preceded_by_negation(token):
        return None
    if condition == "quantity" and not _before_quantity(doc, end - 1):
        return None
    if condition == "after_quantity" and not (token.i > 0 and _is_quantity(doc[token.i - 1])):
        return None
    if condition == "degree" and not (token.dep_ == "advmod" and token.head.pos_ in ("ADJ", "ADV")):
        return None
    if condition == "predicative":
        if token.dep_ not in ("acomp", "attr", "oprd") or _negated(token.head):
            return None
    if condition == "hedge_use" and token.i > 0 and doc[token.i - 1].pos_ in ("DET", "ADJ", "PRON", "NUM"):
        return None
    if kind == "adverb" and token.pos_ == "ADJ":
        if token.dep_ not in ("acomp", "attr", "oprd") or _negated(token.head):
            return None  # "likely voters", "is not likely to"
        return "other"  # "is likely to"
    return kind


Lexicon = dict[str, tuple[HedgeCue, ...]]

_FIRST_PERSON = {"i", "we"}
_THIRD_PERSON = {"he", "she", "they"}


def _speakers_own(verb: Token, a: Attribution) -> bool:
    """A verb of thinking in the content hedges only the speaker's own claim:
    "I think", "the plan, I believe, is …", or a report's "he thinks …" that
    heads the reported clause; "if they think", "many people believe" are
    about someone else's beliefs."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "PRON":
        return False
    if subj.lower_ in _FIRST_PERSON:
        return True
    if subj.lower_ not in _THIRD_PERSON or a.type == "direct":
        return False
    governs = verb.head.i == verb.i or (a.cue is not None and verb.head.i == a.cue.token.i)
    return governs and not any(c.dep_ == "mark" for c in verb.children)


def _match(lexicon: Lexicon, token: Token, limit: int) -> tuple[int, str] | None:
    """(index after the cue, kind) of the hedge starting at ``token``, if any."""
    doc = token.doc
    lower, lemma = token.lower_, token.lemma_.lower()
    candidates = list(lexicon.get(lower, ()))
    if lemma != lower:  # verbs are listed by lemma, everything else by word form
        candidates += [c for c in lexicon.get(lemma, ()) if c.kind == "verb"]
    for cue in candidates:
        n = len(cue.words)
        if token.i + n > limit:
            continue
        if cue.kind == "verb" and cue.words[0] != lemma:
            continue
        if n > 1 and any(doc[token.i + k].lower_ != w for k, w in enumerate(cue.words)):
            continue
        kind = _kind_and_ok(cue, token, token.i + n)
        if kind is not None:
            return token.i + n, kind
    return None


# -- scopes ----------------------------------------------------------------------


def _attribution_hedges(lexicon: Lexicon, a: Attribution) -> list[Hedge]:
    cue = a.cue
    if cue is None or cue.lemma == ACCORDING_TO:
        return []
    verb = cue.token
    out = []
    if cue.verb is not None and cue.verb.hedge and not _negated(verb):
        out.append(Hedge(verb.idx, verb.idx + len(verb), "verb", "attribution"))
    for child in verb.children:
        if child.dep_ != "advmod" or a.content[0] <= child.idx < a.content[1]:
            continue
        got = _match(lexicon, child, child.i + 1)
        if got is not None and got[1] in ("adverb", "other"):
            out.append(Hedge(child.idx, child.idx + len(child), "adverb", "attribution"))
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in _HEDGING_HEADS and not _negated(head):
        out.append(Hedge(head.idx, head.idx + len(head), "verb", "attribution"))
    return out


def _content_hedges(lexicon: Lexicon, doc: Doc, starts: tuple[int, ...], a: Attribution) -> list[Hedge]:
    start, end = a.content
    i = bisect.bisect_left(starts, start)
    limit = bisect.bisect_left(starts, end)
    out = []
    while i < limit:
        got = _match(lexicon, doc[i], limit)
        if got is None:
            i += 1
            continue
        last = doc[got[0] - 1]
        if got[1] != "verb" or _speakers_own(doc[i], a):
            out.append(Hedge(doc[i].idx, last.idx + len(last), got[1], "content"))
        i = got[0]
    return out


def find_hedges(d: Document, attributions: list[Attribution]) -> list[list[Hedge]]:
    """The hedges of every attribution, attribution scope first, in text order."""
    lexicon = d.lexicons.hedges
    out = []
    for a in attributions:
        found = _attribution_hedges(lexicon, a) + _content_hedges(lexicon, d.doc, d.token_starts, a)
        seen: set[tuple[int, int]] = set()
        hedges = []
        for h in sorted(found, key=lambda h: h.start):
            if (h.start, h.end) not in seen:
                seen.add((h.start, h.end))
                hedges.append(h)
        out.append(hedges)
    return out
