"""Where a reported clause begins and ends, and whether a cue after its clause
is a parenthetical frame ("…, analysts said")."""

from __future__ import annotations

from spacy.tokens import Token

from ..cues import Cues
from ..syntax import subject

_CONCESSIVE = {"though", "although", "while", "whereas", "even"}


def clean(cues: Cues, head: Token, first: int, last: int) -> tuple[int, int]:
    """Clip a clause to its paragraph and drop what hangs on the whole
    sentence: ", though …", ", meaning …", "…, adding …", "and analysts say …"."""
    doc = head.doc
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
        elif t.i in cues.by_token and t.dep_ in ("conj", "advcl", "parataxis") and subject(t) is not None:
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


def parenthetical(verb: Token, clause_end: int) -> bool:
    """A cue after its clause is a parenthetical frame: between the clause and
    the verb only punctuation and the subject; after it, no clause of its own."""
    doc = verb.doc
    subj = subject(verb)
    for i in range(clause_end + 1, verb.i):
        t = doc[i]
        if t.is_punct or t.dep_ in ("advmod", "cc") and t.lower_ in ("also", "and", "then", "later"):
            continue
        if t.head.i == verb.i and (t.dep_ == "advmod" and t.pos_ == "ADV" or t.dep_ == "aux" and t.tag_ != "MD"):
            continue  # "…, he has often said"
        if subj is not None and subj.left_edge.i <= i <= subj.right_edge.i:
            continue
        return False
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ == "by" and any(c.dep_ == "pcomp" for c in child.children):
            return False  # "responded by halting …"
        if child.dep_ == "advcl" and child.tag_ == "VBG" and doc[child.left_edge.i - 1].text == ",":
            continue  # "…, she said, pointing at the gate": a participial adjunct of the frame
        if child.dep_ in ("ccomp", "xcomp", "advcl"):
            return False
    return True


def last_word(verb: Token) -> int:
    """Index of the sentence's last token that is not punctuation or space."""
    doc = verb.doc
    end = verb.sent.end - 1
    while end > verb.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return end


def closes_sentence(verb: Token) -> bool:
    """Nothing but punctuation follows the verb's phrase in its sentence."""
    return verb.right_edge.i >= last_word(verb)
