"""What every attribution pass shares: the parsed document, its quotations,
its cues, fast offset lookups, and small span helpers."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from ..cues import ACCORDING_TO, Cue, find_cues
from ..lexicon import source_nouns, word_set
from ..marks import QuoteMarks
from ..syntax import subject
from .model import Attribution

DASHES = "—―–"
_STANDALONE_BEFORE = set("\n:.!?,;—―–([") | {'"', "”", "“", "'", "’", "‘"}
_TRIM = set(" \t\r\n\u00a0,;:—–-")
_LEADING_MARKERS = {"that", "whether"}
# A dateline opening a paragraph: "WASHINGTON —", "MOSCOW (Reuters) -", "LONDON, May 3 (AP) —".
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,40}(?:,[^()\n—–-]{1,30})?(?:\s*\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s+")


class _Index:
    """Fast char-offset lookups over one document's tokens and quotations."""

    def __init__(self, doc: Doc, quotes: list[QuoteMarks]):
        self.doc = doc
        self.starts = [t.idx for t in doc]
        self.quotes = quotes
        self.q_open = [q.open_mark for q in quotes]

    def token_at(self, char: int) -> Token | None:
        """Token covering a character, or the first one after it."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i >= 0 and char < self.starts[i] + len(self.doc[i]):
            return self.doc[i]
        i += 1
        return self.doc[i] if i < len(self.doc) else None

    def quote_around(self, char: int) -> QuoteMarks | None:
        i = bisect.bisect_right(self.q_open, char) - 1
        while i >= 0:
            q = self.quotes[i]
            end = q.close_mark if q.closed else q.end
            if q.open_mark <= char <= end:
                return q
            i -= 1
            if i >= 0 and self.quotes[i].end < char - 5000:
                break
        return None

    def in_quote(self, token: Token) -> bool:
        return self.quote_around(token.idx) is not None


def _span_of(token_span) -> tuple[int, int]:
    return token_span.start_char, token_span.end_char


def _speaker_of(cue: Cue) -> Token | None:
    if cue.lemma == ACCORDING_TO:
        to = cue.token.doc[cue.token.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is not None and source.lemma_.lower() in word_set("documents.tsv"):
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
    return subject(cue.token)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if start == 0 or text[start - 1] == "\n":
        dateline = _DATELINE.match(text, start, end)
        if dateline:
            start = dateline.end()  # "MOSCOW (Reuters) - Russia is …"
    head = text[start:end].split(None, 1)
    if len(head) == 2 and head[0].lower() in _LEADING_MARKERS:
        start = text.index(head[1], start)
    return start, end


def _is_standalone(text: str, q: QuoteMarks) -> bool:
    """The quotation is a sentence of its own rather than a fragment of one."""
    j = q.open_mark - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] in _STANDALONE_BEFORE


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    marks = "“”\"‘’'«»„"
    while start < end and (text[start] in marks or text[start] in _TRIM):
        start += 1
    while end > start and (text[end - 1] in marks or text[end - 1] in _TRIM):
        end -= 1
    return start, end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _covers(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """Most of inner lies within outer."""
    overlap = min(outer[1], inner[1]) - max(outer[0], inner[0])
    return overlap > 0 and overlap >= 0.6 * (inner[1] - inner[0])


def _name_run(token: Token):
    doc = token.doc
    end = token.i
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and "\n" not in doc[end + 1].text_with_ws[:-1]:
        end += 1
    return doc[token.i : end + 1]


def _negated_or_modal(verb: Token) -> bool:
    """ "did not say", "could argue": no statement was reported."""
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _finite(clause: Token) -> bool:
    """A clause with a subject or a complementizer, not an infinitive."""
    children = list(clause.children)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in children) or any(
        c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in children
    )


def _agentive(token: Token | None) -> bool:
    """A subject that can make a promise or a criticism: a name, a personal
    pronoun, or a noun for a person, group or organisation ("Shortages have
    threatened to …" is no speech act)."""
    if token is None:
        return False
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if token.pos_ == "PRON":
        return token.lower_ not in ("it", "this", "that", "which", "what")
    return token.lemma_.lower() in source_nouns()


def _infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


class Context:
    """One document under attribution; the passes add to ``found``."""

    def __init__(self, doc: Doc, text: str, quotes: list[QuoteMarks]):
        self.doc = doc
        self.text = text
        self.quotes = quotes
        self.index = _Index(doc, self.quotes)
        found = [c for c in find_cues(doc) if not self.index.in_quote(c.token)]
        # verbs and "according to" frame quotations; nouns of saying only report clauses
        self.cues = [c for c in found if c.cls != "noun"]
        self.noun_cues = [c for c in found if c.cls == "noun"]
        self.cue_by_token = {c.token.i: c for c in self.cues}
        self.found: list[Attribution] = []

    def _standalone(self, q: QuoteMarks) -> bool:
        if _is_standalone(self.text, q):
            return True
        first = self.index.token_at(q.open_mark)
        return first is not None and first.idx == q.open_mark and bool(first.is_sent_start)
