"""A speaker entity, and how names and mentions are read."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..lexicon import Title
from ..syntax import mention

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


def name_words(span: Span, titles: dict[str, Title]) -> list[str]:
    """The words of a name, lower case, without a leading title ("Mr. Xi" -> xi)."""
    words = []
    for t in span:
        low = t.lower_
        if t.is_punct or low in ("'s", "’s", "the") or low in titles and t.i == span.start:
            continue
        words.append(low.strip("."))
    return [w for w in words if w]


def clean_name(span: Span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].lower_ in ("'s", "’s", "'", "’") or tokens[-1].is_punct and tokens[-1].text != "."):
        tokens.pop()
    if not tokens:
        return ""
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def first_name_gender(words: list[str], first_names: dict[str, str]) -> str | None:
    """Gender suggested by a given name ("Wendy Cutler"), when the name is
    written with one and the census data is near-unanimous."""
    return first_names.get(words[0]) if len(words) >= 2 else None


_QUALIFIERS = {"for", "of", "at", "with", "from", "familiar", "close", "briefed"}


def described_name(token: Token, span: Span) -> str:
    """A common-noun source named with its qualifier: "a spokeswoman for the
    European Commission", "two people familiar with the talks"."""
    doc = token.doc
    last = span.end - 1
    for child in token.rights:
        if child.dep_ in ("prep", "amod", "acl") and child.lower_ in _QUALIFIERS and child.i == last + 1:
            end = child.right_edge.i
            if end - span.start <= 10 and not any(t.is_punct for t in doc[child.i : end + 1]):
                last = end
    return clean_name(doc[span.start : last + 1])


def span_text(token: Token) -> str:
    """A common noun phrase as written ("the mayor")."""
    return mention(token).text


def in_headline(span: Span) -> bool:
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
