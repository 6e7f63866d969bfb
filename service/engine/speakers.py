"""Speakers: one entity per person or organisation, across names, aliases and pronouns.

No coreference model is installed here, so resolution is rule-based, in the
spirit of the multi-pass sieve of Lee et al. (2013, "Deterministic coreference
resolution based on entity-centric, precision-ranked rules"):

1. Proper names (spaCy's PERSON/ORG/GPE entities) cluster when one name's
   words are contained in the other's ("Mr. Xi" / "Xi Jinping") and the
   honorifics agree in gender. The cluster keeps the titles written before the
   names ("President Trump") and the appositives after them ("Wendy Cutler,
   the vice president of …").
2. A speaker mention that is a pronoun takes the compatible entity (gender,
   number, person or organisation) ranked by recency, subject position and
   whether it spoke just before.
3. A definite nominal ("the president") takes the latest entity holding that
   title or description; other common-noun sources ("analysts", "Chinese state
   media") form entities of their own, merged when one contains the other.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from .attribution import Attribution
from .channel import gazetteer, outlet_key
from .lexicon import source_nouns, table
from .marks import QuoteMarks
from .syntax import mention

NAME_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "organization", "NORP": "group"}
PRONOUNS = {
    "he": ("person", "m"),
    "him": ("person", "m"),
    "his": ("person", "m"),
    "she": ("person", "f"),
    "her": ("person", "f"),
    "they": ("plural", None),
    "them": ("plural", None),
    "it": ("thing", None),
}
_DETERMINERS = {
    "the",
    "a",
    "an",
    "another",
    "this",
    "that",
    "these",
    "those",
    "some",
    "several",
    "many",
    "two",
    "three",
}
_WINDOW = 3000  # characters a pronoun looks back for its antecedent


def _titles() -> dict[str, tuple[str, str | None]]:
    return {row[0]: (row[1], None if row[2] == "-" else row[2]) for row in table("titles.tsv")}


@dataclass(slots=True)
class Entity:
    """A speaker or a candidate antecedent."""

    index: int
    kind: str
    names: list[str] = field(default_factory=list)  # proper names, as written
    words: set[str] = field(default_factory=set)  # name words, lower case
    gender: str | None = None
    titles: set[str] = field(default_factory=set)
    descriptions: list[str] = field(default_factory=list)
    description_heads: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    last: int = -1
    last_subject: int = -1
    common: str | None = None  # a common-noun source as written ("Chinese state media")
    key: str | None = None  # its lower-case words without determiners, for matching

    @property
    def name(self) -> str:
        if self.names:
            return max(self.names, key=lambda n: (len(n.split()), len(n)))
        return self.common or ""

    def add(self, start: int, end: int, subject: bool) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))
        self.last = max(self.last, start)
        if subject:
            self.last_subject = max(self.last_subject, start)


def _name_words(span: Span) -> list[str]:
    titles = _titles()
    words = []
    for t in span:
        low = t.lower_
        if t.is_punct or low in ("'s", "’s", "the") or low in titles and t.i == span.start:
            continue
        words.append(low.strip("."))
    return [w for w in words if w]


def _clean_name(span: Span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].lower_ in ("'s", "’s", "'", "’") or tokens[-1].is_punct and tokens[-1].text != "."):
        tokens.pop()
    if not tokens:
        return ""
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


@cache
def _first_names() -> dict[str, str]:
    return {row[0]: row[1] for row in table("first_names.tsv")}


def _first_name_gender(words: list[str]) -> str | None:
    """Gender suggested by a given name ("Wendy Cutler"), when the name is
    written with one and the census data is near-unanimous."""
    return _first_names().get(words[0]) if len(words) >= 2 else None


_QUALIFIERS = {"for", "of", "at", "with", "from", "familiar", "close", "briefed"}


def _described_name(token: Token, span: Span) -> str:
    """A common-noun source named with its qualifier: "a spokeswoman for the
    European Commission", "two people familiar with the talks"."""
    doc = token.doc
    last = span.end - 1
    for child in token.rights:
        if child.dep_ in ("prep", "amod", "acl") and child.lower_ in _QUALIFIERS and child.i == last + 1:
            end = child.right_edge.i
            if end - span.start <= 10 and not any(t.is_punct for t in doc[child.i : end + 1]):
                last = end
    return _clean_name(doc[span.start : last + 1])


def span_text(token: Token) -> str:
    """A common noun phrase as written ("the mayor")."""
    return mention(token).text


def _headline(span: Span) -> bool:
    """A name in a title-case line or heading ("Trump and Xi Hold Call, China
    Says", "Xi and Trump Call: …"): its capitals are not evidence of names."""
    sent = span.sent
    start, end = sent.start, sent.end
    for t in sent:
        if t.text == ":":
            if t.i < span.start:
                start = t.i + 1
            elif t.i >= span.end:
                end = t.i
                break
    words = [t for t in span.doc[start:end] if t.is_alpha and not t.is_stop]
    return len(words) >= 2 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


class _Resolver:
    def __init__(self, doc: Doc, quoted, breaks: list[int]):
        self.doc = doc
        self.breaks = breaks  # offsets of line breaks
        self.quoted = quoted  # char offset -> inside a quotation?
        self.resolved: dict[int, Entity] = {}
        self.entities: list[Entity] = []
        self.titles = _titles()
        self.nouns = source_nouns()
        self.by_token: dict[int, Entity] = {}
        self.last_speaker: Entity | None = None

    # -- names ---------------------------------------------------------------------

    def _title_before(self, span: Span) -> tuple[set[str], str | None]:
        titles, gender = set(), None
        i = span.start - 1
        while i >= 0 and span.start - i <= 3:
            entry = self.titles.get(self.doc[i].lower_)
            if entry is None:
                break
            titles.add(entry[0])
            gender = gender or entry[1]
            i -= 1
        first = self.titles.get(span[0].lower_)
        if first is not None:
            titles.add(first[0])
            gender = gender or first[1]
        return titles, gender

    def _match_name(self, kind: str, words: list[str], gender: str | None, pos: int) -> Entity | None:
        best = None
        wset = set(words)
        for ent in self.entities:
            if not ent.words or ent.kind != kind:
                continue
            if gender and ent.gender and gender != ent.gender:
                continue
            if kind == "person":
                ok = wset <= ent.words or ent.words <= wset
            else:
                ok = wset == ent.words or (len(words) > 1 and wset <= ent.words)
            if ok and (best is None or ent.last > best.last):
                best = ent
        return best

    def _new(self, kind: str) -> Entity:
        ent = Entity(len(self.entities), kind)
        self.entities.append(ent)
        return ent

    def add_name(self, span: Span, kind: str) -> Entity | None:
        words = _name_words(span)
        if not words:
            return None
        if len(words) > 1 and _headline(span):
            return None
        titles, gender = self._title_before(span)
        ent = self._match_name(kind, words, gender, span.start_char)
        if ent is None:
            ent = self._new(kind)
        ent.words |= set(words)
        name = _clean_name(span)
        if name and name not in ent.names and name.lower().strip(".") not in self.titles:
            ent.names.append(name)
        ent.titles |= titles
        ent.gender = ent.gender or gender or (_first_name_gender(words) if kind == "person" else None)
        root = span.root
        if not self.quoted(span.start_char):
            # salient: the subject of a main clause, not of an embedded one
            main_subject = root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT"
            ent.add(span.start_char, span.end_char, main_subject)
        for t in span:
            self.by_token[t.i] = ent
        self._describe(ent, root)
        return ent

    def _describe(self, ent: Entity, root: Token) -> None:
        """Appositives after a name: "Wendy Cutler, the vice president of …"."""
        for child in root.children:
            if child.dep_ != "appos" or child.pos_ == "PROPN" and child.ent_type_:
                continue
            for part in [child, *[c for c in child.children if c.dep_ == "conj"]]:
                skip = set()
                if part.i == child.i:
                    for c in child.children:
                        if c.dep_ in ("conj", "cc"):
                            skip |= {t.i for t in c.subtree}
                tokens = [t for t in part.subtree if t.i not in skip]
                while tokens and tokens[-1].is_punct:
                    tokens.pop()
                if not tokens:
                    continue
                text = self.doc[tokens[0].i : tokens[-1].i + 1].text
                if text not in ent.descriptions:
                    ent.descriptions.append(text)
                    ent.description_heads.add(part.lemma_.lower())
                    title = self.titles.get(part.lower_)
                    if title:
                        ent.titles.add(title[0])
                        ent.gender = ent.gender or title[1]

    # -- speaker mentions ------------------------------------------------------------

    def same_paragraph(self, a: int, b: int) -> bool:
        return bisect.bisect_left(self.breaks, a) == bisect.bisect_left(self.breaks, b)

    def _pronoun(self, token: Token) -> Entity | None:
        kind, gender = PRONOUNS[token.lower_]
        pos = token.idx
        best, best_score = None, None
        for ent in self.entities:
            if ent.last < 0 or ent.last >= pos or pos - ent.last > _WINDOW:
                continue
            if kind == "person" and (ent.kind != "person" or (gender and ent.gender and ent.gender != gender)):
                continue
            if kind == "plural" and ent.kind not in ("group", "organization", "media"):
                continue
            if kind == "thing" and ent.kind not in ("organization", "media"):
                continue
            score = -(pos - ent.last) / 1000
            if ent.last_subject >= 0 and self.same_paragraph(ent.last_subject, pos):
                score += 1.0  # the paragraph's topic: "Speaker X was cautious. “…,” he said."
            elif ent.last_subject >= 0 and pos - ent.last_subject < 600:
                score += 0.3
            if ent is self.last_speaker:
                score += 0.6
            if gender and ent.gender == gender:
                score += 0.5
            if best_score is None or score > best_score:
                best, best_score = ent, score
        if best is not None and gender and not best.gender:
            best.gender = gender
        return best

    def _nominal(self, token: Token, span: Span) -> Entity:
        """A common-noun mention: a title alias or a source of its own."""
        lemma = token.lemma_.lower()
        det = span[0].lower_ if len(span) else ""
        title = self.titles.get(token.lower_)
        if det == "the" and token.tag_ in ("NN", "NNP"):
            best = None
            for ent in self.entities:
                if ent.kind != "person" or not (ent.last < token.idx):
                    continue
                if (title and title[0] in ent.titles) or lemma in ent.description_heads:
                    if best is None or ent.last > best.last:
                        best = ent
            if best is not None:
                return best
        words = [t.lower_ for t in span if t.lower_ not in _DETERMINERS and not t.is_punct]
        common = " ".join(words)
        for ent in reversed(self.entities):
            if ent.key and (
                ent.key == common
                or (ent.key.endswith(" " + common) or common.endswith(" " + ent.key))
                and det not in ("a", "an", "another")
            ):
                if len(common) > len(ent.key):
                    ent.key = common
                    ent.common = _clean_name(span) or ent.common
                return ent
        kind = self.nouns.get(token.lower_) or self.nouns.get(lemma, "unknown")
        if token.tag_ in ("NNS", "NNPS") and kind in ("person", "unknown"):
            kind = "group"
        ent = self._new(kind)
        ent.common = _described_name(token, span) or common
        ent.key = common
        return ent

    def _named_by_apposition(self, token: Token) -> Span | None:
        """ "The mayor, Ana Ruiz, said": the name in apposition names the speaker."""
        if token.pos_ == "PROPN":
            return None
        for child in token.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ in ("PERSON", "ORG", ""):
                name = mention(child)
                ent = self.by_token.get(name.root.i) or self.add_name(name, "person")
                if ent is not None and span_text(token) not in ent.descriptions:
                    ent.descriptions.append(span_text(token))
                return name
        return None

    def speaker(self, token: Token, span_chars: tuple[int, int]) -> Entity:
        if token.i in self.resolved:
            return self.resolved[token.i]
        if token.tag_ in ("WDT", "WP") and token.head.dep_ == "relcl":
            token = token.head.head  # "a senator who said …": the relative's antecedent
        span = mention(token)
        named = self._named_by_apposition(token)
        if named is not None:
            token, span = named.root, named
        ent = self.by_token.get(token.i)
        if ent is None and token.lower_ in PRONOUNS:
            ent = self._pronoun(token)
            if ent is None:
                ent = self._new("person" if PRONOUNS[token.lower_][0] == "person" else "unknown")
                ent.common = token.text
        elif ent is None and token.pos_ == "PROPN":
            ent = self.add_name(span, "person" if token.ent_type_ in ("", "PERSON") else "organization")
        elif ent is None and token.pos_ == "PRON":
            ent = self._new("unknown")
            ent.common = token.text
        elif ent is None:
            ent = self._nominal(token, span)
        if ent is None:
            ent = self._new("unknown")
            ent.common = token.text
        ent.add(span_chars[0], span_chars[1], True)
        self.last_speaker = ent
        self.resolved[token.i] = ent
        return ent


def resolve(doc: Doc, text: str, attributions: list[Attribution], quotes: list[QuoteMarks]) -> list[Entity]:
    """Link every attribution's speaker to an entity; return the entities in
    order of first mention (only those that speak)."""
    spans = sorted((q.start, q.end) for q in quotes)
    starts = [a for a, _ in spans]

    def quoted(char: int) -> bool:
        i = bisect.bisect_right(starts, char) - 1
        return i >= 0 and spans[i][0] <= char < spans[i][1]

    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    resolver = _Resolver(doc, quoted, breaks)
    events: list[tuple[int, int, object]] = []
    for ent in doc.ents:
        kind = NAME_LABELS.get(ent.label_)
        if kind and kind != "group":
            events.append((ent.start_char, 0, ent))
    for a in attributions:
        if a.speaker is not None:
            # resolved where the attribution is read: at its cue, after its subject
            at = max(a.speaker.idx, a.cue_span[0]) if a.cue_span else a.speaker.idx
            events.append((at, 1, a))
    events.sort(key=lambda e: (e[0], e[1]))
    for _, order, item in events:
        if order == 0:
            resolver.add_name(item, NAME_LABELS[item.label_])
        else:
            item.entity = resolver.speaker(item.speaker, item.speaker_span)
    speaking = {id(a.entity) for a in attributions if a.entity is not None}
    out = [e for e in resolver.entities if id(e) in speaking]
    outlets = gazetteer()[0]
    for e in out:
        if e.kind == "organization" and any(outlet_key(n) in outlets for n in e.names):
            e.kind = "media"  # "the Financial Times reported"
    out.sort(key=lambda e: min(m[0] for m in e.mentions))
    return out
