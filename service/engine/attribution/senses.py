"""Senses of a cue word that report nothing, read from the parse.

A reporting verb is a cue only in its reporting sense: "the data show that …"
reports a finding but "she showed me where he slept" demonstrates; "found that
…" reports but "found the keys" does not (no clause, and no document that
finds); "adding to his wins" adds nothing said; "Asked whether he would run,
…" is the questioner's act, not the answer of the clause's subject; "the
letter reads" reports, "she read the letter" does not.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..cues import Cue
from ..document import Document
from ..syntax import subject

_WH = {"where", "how", "what", "who", "whom", "which", "when", "why"}


def document_source(d: Document, token: Token | None) -> bool:
    """A survey, poll, study, report, data set or record ("a Pew survey", "the data")."""
    return token is not None and d.lexicons.source_nouns.get(token.lemma_.lower()) == "document"


def _demonstrates(d: Document, verb: Token) -> bool:
    """ "showed me where he slept", "showed reporters that the gate was open":
    a person showing something to someone is no finding."""
    if document_source(d, subject(verb)):
        return False
    if any(c.dep_ in ("dative", "dobj") and c.pos_ in ("PRON", "PROPN", "NOUN") for c in verb.rights):
        return True
    clause = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    return clause is not None and clause.left_edge.lower_ in _WH


def _passive_participle(verb: Token) -> bool:
    """ "Asked whether he would run, Lee would not say": a participle without
    a subject or a perfect auxiliary is passive; the clause's subject answers."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl", "ROOT"):
        return False
    return not any(c.dep_ in ("nsubj", "agent") or c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def reports(d: Document, cue: Cue) -> bool:
    """The cue is used in its reporting sense."""
    verb = cue.token
    if cue.verb is None:
        return True
    if cue.verb.cls == "evidence" and verb.lemma_.lower() == "show" and _demonstrates(d, verb):
        return False
    if cue.lemma == "add" and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        if not any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
            return False  # "adding to his wins"
    if cue.lemma == "read" and not _text_reads(d, verb):
        return False
    return not _passive_participle(verb)


def _text_reads(d: Document, verb: Token) -> bool:
    """ "“We are proud,” read the statement", "the letter reads": a text is what
    reads; a person reading a book or a statement aloud reports nothing of their own."""
    source = subject(verb)
    return source is not None and (document_source(d, source) or source.lemma_.lower() in d.lexicons.documents)
