"""Rule-based speaker resolution: names, pronouns and nominals to entities (see the package)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..document import Document
from ..syntax import mention
from .entity import (
    PRONOUNS,
    Entity,
    clean_name,
    described_name,
    first_name_gender,
    in_headline,
    name_words,
    span_text,
)

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


class Resolver:
    """Links speaker mentions to entities, reading the document in text order."""

    def __init__(self, d: Document):
        self.d = d
        self.doc = d.doc
        self.resolved: dict[int, Entity] = {}
        self.entities: list[Entity] = []
        self.titles = d.lexicons.titles
        self.nouns = d.lexicons.source_nouns
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
            titles.add(entry.canonical)
            gender = gender or entry.gender
            i -= 1
        first = self.titles.get(span[0].lower_)
        if first is not None:
            titles.add(first.canonical)
            gender = gender or first.gender
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
        words = name_words(span, self.titles)
        if not words:
            return None
        if len(words) > 1 and in_headline(span):
            return None
        titles, gender = self._title_before(span)
        ent = self._match_name(kind, words, gender, span.start_char)
        if ent is None:
            ent = self._new(kind)
        ent.words |= set(words)
        name = clean_name(span)
        if name and name not in ent.names and name.lower().strip(".") not in self.titles:
            ent.names.append(name)
        ent.titles |= titles
        ent.gender = (
            ent.gender
            or gender
            or (first_name_gender(words, self.d.lexicons.first_names) if kind == "person" else None)
        )
        root = span.root
        if not self.d.in_quoted_words(span.start_char):
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
                        ent.titles.add(title.canonical)
                        ent.gender = ent.gender or title.gender

    # -- speaker mentions ------------------------------------------------------------

    def _pronoun(self, token: Token) -> Entity | None:
        kind, gender = PRONOUNS[token.lower_]
        pos = token.idx
        best, best_score = None, None
        for ent in self.entities:
            if ent.last < 0 or ent.last >= pos or pos - ent.last > _WINDOW:
                continue
            if kind == "person" and (ent.kind != "person" or (gender and ent.gender and ent.gender != gender)):
                continue
            if kind == "plural" and ent.kind not in ("group", "organization", "media", "document"):
                continue
            if kind == "thing" and ent.kind not in ("organization", "media", "document"):
                continue
            score = -(pos - ent.last) / 1000
            if ent.last_subject >= 0 and self.d.same_paragraph(ent.last_subject, pos):
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
                if (title and title.canonical in ent.titles) or lemma in ent.description_heads:
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
                    ent.common = clean_name(span) or ent.common
                return ent
        kind = self.nouns.get(token.lower_) or self.nouns.get(lemma, "unknown")
        if token.tag_ in ("NNS", "NNPS") and kind in ("person", "unknown"):
            kind = "group"
        ent = self._new(kind)
        ent.common = described_name(token, span) or common
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

    def peek(self, token: Token) -> Entity | None:
        """The entity a mention that is not a speaker's refers to (the subject of
        a scene: "The minister took questions at a news conference"), read where
        it stands and without changing what later mentions resolve to."""
        if token.i in self.resolved:
            return self.resolved[token.i]
        for t in (token, *(c for c in token.rights if c.dep_ == "appos")):
            if (ent := self.by_token.get(t.i)) is not None:
                return ent
        if token.lower_ in PRONOUNS:
            genders = [e.gender for e in self.entities]
            best = self._pronoun(token)
            for ent, gender in zip(self.entities, genders, strict=True):
                ent.gender = gender  # reading a scene teaches nothing about the entities
            return best
        if token.pos_ in ("NOUN", "PROPN"):
            key = " ".join(t.lower_ for t in mention(token) if t.lower_ not in _DETERMINERS and not t.is_punct)
            lemma = token.lemma_.lower()
            for ent in reversed(self.entities):
                if ent.key == key or lemma in ent.description_heads or token.lower_ in ent.words:
                    return ent
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
