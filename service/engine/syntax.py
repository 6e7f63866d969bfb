"""Dependency-tree helpers shared by the attribution rules.

spaCy's English pipelines use ClearNLP-style labels (nsubj, ccomp, parataxis,
appos …); these helpers name the few configurations attribution needs.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Left dependents that belong to a noun phrase's name ("Trump administration
# officials", "the vice president", "Chinese state media").
_MENTION_LEFT = {"compound", "det", "amod", "poss", "nmod", "nummod", "quantmod", "case", "predet"}
_MENTION_RIGHT = {"compound", "flat", "case"}
# Dependents through which a verb without its own subject takes its head's.
_SHARES_SUBJECT = {"conj", "xcomp", "advcl", "pcomp", "acl"}


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def mention(token: Token) -> Span:
    """The noun phrase a head token names, without appositives or clauses."""
    doc = token.doc
    left = token.i
    for child in token.lefts:
        if child.dep_ in _MENTION_LEFT:
            left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in _MENTION_RIGHT and child.i == right + 1:
            right = child.right_edge.i
    for i in range(token.i - 1, left - 1, -1):
        if doc[i].is_punct and doc[i].text not in ".'’-–" or "\n" in doc[i].text:
            left = i + 1  # never reach back over a colon, dash or line break
            break
    return doc[left : right + 1]


def subject(verb: Token, depth: int = 3) -> Token | None:
    """The subject of a verb, inherited from the governing verb when the verb
    is coordinated or subordinate without one ("…, adding, “…”")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if any(child.dep_ in ("nsubjpass", "expl", "csubj") for child in verb.children):
        return None
    head = verb.head
    if depth and verb.dep_ == "pcomp" and head.pos_ == "ADP" and is_verb(head.head):
        return subject(head.head, depth - 1)  # "… by saying that …"
    if depth and verb.dep_ == "conj" and head.i < verb.i:
        # "Mr. Xi welcomed …, state media reported, and said …": the coordinated
        # verb continues the reported clause, not the parenthetical frame.
        left = [c for c in head.children if c.dep_ == "ccomp" and c.i < head.i]
        if left and (inner := subject(left[0], 0)) is not None:
            return inner
    if depth and verb.dep_ in _SHARES_SUBJECT and head.i != verb.i and is_verb(head):
        return subject(head, depth - 1)
    return None


def has_clause_right(verb: Token, outside) -> bool:
    """The verb has its own reported clause to its right (a new statement)."""
    for child in verb.rights:
        if child.dep_ == "ccomp" and outside(child):
            return True
    return False
