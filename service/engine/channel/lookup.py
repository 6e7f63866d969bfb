"""Lexicon lookups of the channel rules: a channel phrase a noun heads, a named
outlet at a token, and where a phrase ends."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import Lexicons, Outlet, Phrase, outlet_key

_CLAUSAL = {"relcl", "ccomp", "advcl", "acl", "csubj", "parataxis", "punct", "cc", "conj", "appos"}
_CHAIN_MODIFIERS = {"compound", "amod", "nmod", "npadvmod"}
NAME_MODIFIERS = {"compound", "poss", "nmod", "amod"}


def phrase_of(lexicons: Lexicons, noun: Token, role: str) -> Phrase | None:
    """The phrase a noun heads, longest first: "joint news conference" → "news conference"."""
    table_ = lexicons.channel_phrases.get(role, {})
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


def outlet_at(lexicons: Lexicons, token: Token, lo: int, hi: int) -> tuple[Outlet, Token] | None:
    """The longest named outlet covering ``token`` inside tokens [lo, hi)."""
    doc = token.doc
    outlets, longest = lexicons.outlets, lexicons.longest_outlet
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


def context_ok(outlet: Outlet, root: Token, channel_noun: bool) -> bool:
    """Ambiguous names ("X", "Nature") count only as "on X" or "an X post"."""
    if outlet.context == "-":
        return True
    if root.dep_ in NAME_MODIFIERS and channel_noun:
        return True
    allowed = {"on"} if outlet.context == "on" else {"in", "on"}
    return root.dep_ == "pobj" and root.head.lower_ in allowed


def right_end(token: Token) -> int:
    """Last token of a phrase without its clauses and trailing punctuation."""
    end = token.i
    for child in token.rights:
        if child.dep_ not in _CLAUSAL:
            end = max(end, right_end(child))
    return end
