"""What the attribution rules ask of the parse: who speaks through a cue,
whether a clause is finite, whether a subject can make a speech act."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..cues import ACCORDING_TO, Cue
from ..document import Document
from ..marks import QuoteMarks
from ..syntax import subject
from .spans import opens_sentence


def speaker_of(d: Document, cue: Cue) -> Token | None:
    """The head of the cue's source: its subject, the object of "according to",
    the possessor of a noun of saying."""
    if cue.lemma == ACCORDING_TO:
        to = cue.token.doc[cue.token.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is not None and source.lemma_.lower() in d.lexicons.documents:
            # "according to a statement from the ministry": the ministry speaks
            for prep in source.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                    author = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if author is not None:
                        return author
        return source
    if cue.cls == "noun":
        # "Trump's claim that …": the possessor; no possessor, no speaker
        return next((c for c in cue.token.children if c.dep_ == "poss"), None)
    if (frame := _frame_continued(d, cue.token)) is not None:
        return _past_dateline(subject(frame))
    return _past_dateline(subject(cue.token))


def _past_dateline(source: Token | None) -> Token | None:
    """ "WASHINGTON -- President Obama, …, said": the parser took the dateline
    for the subject and the name after the dash for its appositive."""
    if source is None or not source.text.isupper() or len(source.text) < 3:
        return source
    doc = source.doc
    opens = source.i == 0 or "\n" in doc[source.i - 1].text or doc[source.i - 1].is_space
    dash = source.i + 1 < len(doc) and doc[source.i + 1].text in ("--", "—", "–", "-", "―")
    if not (opens and dash):
        return source
    return next((c for c in source.children if c.dep_ == "appos" and c.i > source.i), source)


def _frame_continued(d: Document, verb: Token) -> Token | None:
    """ "May said that the country would leave and suggested that …", "…
    said he doubted it, arguing that …": a reporting verb that the parser hung
    on a verb of someone's reported clause continues the frame around it, whose
    subject speaks."""
    head = verb.head
    if head.i == verb.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.doc[verb.left_edge.i - 1].text == ","
    if not (verb.dep_ == "conj" or participle) or head.dep_ != "ccomp" or head.i > verb.i:
        return None
    if head.lemma_.lower() in d.lexicons.cue_verbs and any(c.dep_ == "ccomp" for c in head.children):
        return None  # coordinated with a report of its own ("… said she doubted it and argued …")
    frame = head.head
    return frame if frame.i < head.i and frame.lemma_.lower() in d.lexicons.cue_verbs else None


def agentive(d: Document, token: Token | None) -> bool:
    """A subject that can make a promise or a criticism: a name, a personal
    pronoun, or a noun for a person, group or organisation ("Shortages have
    threatened to …" is no speech act)."""
    if token is None:
        return False
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if token.pos_ == "PRON":
        return token.lower_ not in ("it", "this", "that", "which", "what")
    return token.lemma_.lower() in d.lexicons.source_nouns


def standalone(d: Document, q: QuoteMarks) -> bool:
    """The quotation is a sentence of its own rather than a fragment of one."""
    if opens_sentence(d.work, q):
        return True
    first = d.token_at(q.open_mark)
    return first is not None and first.idx == q.open_mark and bool(first.is_sent_start)


def name_run(token: Token) -> Span:
    """A proper name and the proper nouns after it on the same line."""
    doc = token.doc
    end = token.i
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and "\n" not in doc[end + 1].text_with_ws[:-1]:
        end += 1
    return doc[token.i : end + 1]


def negated_or_modal(verb: Token) -> bool:
    """ "did not say", "could argue": no statement was reported."""
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def finite(clause: Token) -> bool:
    """A clause with a subject or a complementizer, not an infinitive."""
    children = list(clause.children)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in children) or any(
        c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in children
    )


def infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
