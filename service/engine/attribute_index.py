"""An attribute ruler that finds its matches with array lookups instead of spaCy's Matcher.

The stock ``attribute_ruler`` of en_core_web_sm (tag map, morph rules and
exceptions: 179 patterns) spends about a tenth of the pipeline's time in the
Matcher, which tries every pattern at every token. Its patterns are short
conjunctions of token tests (``{"TAG": "PRP", "LOWER": "she"}``, ``IN``,
``NOT_IN``, ``REGEX``), so :class:`IndexedAttributeRuler` evaluates each distinct
test once per document over the token attribute arrays and combines them with
numpy. It returns exactly the Matcher's matches, in the order ``match`` sorts
them, and the stock ``set_annotations`` writes them; if any pattern uses
something else (an ``OP``, another attribute) it uses the Matcher for all.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

INDEXED_ATTRIBUTE_RULER = "indexed_attribute_ruler"
_COLUMNS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "IS_SPACE")
_ATTR_IDS = [ORTH, LOWER, NORM, TAG, POS, DEP, IS_SPACE]

Test = tuple[int, str, object]  # (column, "EQ" | "IN" | "NOT_IN" | "REGEX", value)
Match = tuple[int, int, int, int]  # (attr_id, match_id, start, end), as AttributeRuler.match returns them
_COST = {"EQ": 0, "IN": 1, "NOT_IN": 1, "REGEX": 2}
MAX_CACHED_STRINGS = 100_000  # regex answers kept per test, by string hash


class _Unsupported(Exception):
    """A pattern uses something the index does not evaluate."""


def _test(vocab: Vocab, name: str, value: object) -> Test:
    name = name.upper()
    if name not in _COLUMNS:
        raise _Unsupported(name)
    column = _COLUMNS.index(name)
    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise _Unsupported(value)
        return column, "EQ", int(value)
    if isinstance(value, str):
        return column, "EQ", vocab.strings.add(value)
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            return column, op, tuple(sorted({vocab.strings.add(v) for v in arg}))
        if op == "REGEX" and isinstance(arg, str):
            return column, op, arg
    raise _Unsupported(value)


class _Index:
    """The ruler's patterns over interned tests, each test evaluated at most once per document."""

    def __init__(self, ruler: AttributeRuler):
        numbers: dict[Test, int] = {}
        # (attr_id, match_id, width, ((token offset, test number), …))
        self.patterns: list[tuple[int, int, int, tuple[tuple[int, int], ...]]] = []
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            for pattern in ruler.matcher.get(key)[1]:
                if not pattern:
                    raise _Unsupported(pattern)
                tests = [
                    (offset, _test(ruler.vocab, name, value))
                    for offset, spec in enumerate(pattern)
                    for name, value in spec.items()
                ]
                tests.sort(key=lambda t: _COST[t[1][1]])  # cheap tests first: a miss skips the rest
                tests = [(offset, numbers.setdefault(test, len(numbers))) for offset, test in tests]
                self.patterns.append((attr_id, ruler.vocab.strings[key], len(pattern), tuple(tests)))
        self.tests: list[Test] = list(numbers)
        self.arrays = [np.array(v, dtype=np.uint64) if op in ("IN", "NOT_IN") else None for _, op, v in self.tests]
        self.regexes = [re.compile(v) if op == "REGEX" else None for _, op, v in self.tests]
        self.regex_answers: list[dict[int, bool]] = [{} for _ in self.tests]

    def evaluate(self, number: int, doc: Doc, columns: np.ndarray, present: list[set[int] | None]) -> np.ndarray | None:
        """Where the test holds, or None where it holds nowhere."""
        column, op, value = self.tests[number]
        values = columns[:, column]
        if op in ("EQ", "IN"):
            if present[column] is None:
                present[column] = set(values.tolist())
            if op == "EQ":
                return values == value if value in present[column] else None
            return np.isin(values, self.arrays[number]) if not present[column].isdisjoint(value) else None
        if op == "NOT_IN":
            return ~np.isin(values, self.arrays[number])
        # A regular expression: tested once per distinct string; the answers are
        # kept by string hash (stable across memory zones) up to a bound.
        known = self.regex_answers[number]
        if len(known) > MAX_CACHED_STRINGS:
            known.clear()
        search, strings = self.regexes[number].search, doc.vocab.strings
        unique, inverse = np.unique(values, return_inverse=True)
        found = []
        for h in unique.tolist():
            answer = known.get(h)
            if answer is None:
                answer = known[h] = search(strings[h]) is not None
            found.append(answer)
        return np.array(found, dtype=bool)[inverse.reshape(-1)]

    def match(self, doc: Doc) -> list[Match]:
        n = len(doc)
        columns = doc.to_array(_ATTR_IDS)
        present: list[set[int] | None] = [None] * len(_COLUMNS)
        hits: dict[int, np.ndarray | None] = {}
        matches = set()
        for attr_id, match_id, width, tests in self.patterns:
            starts = n - width + 1
            if starts <= 0:
                continue
            found = None
            for offset, number in tests:
                if number not in hits:
                    hits[number] = self.evaluate(number, doc, columns, present)
                where = hits[number]
                if where is None:
                    break
                where = where[offset : offset + starts]
                found = where if found is None else found & where
                if not found.any():
                    break
            else:
                matches.update((attr_id, match_id, s, s + width) for s in np.flatnonzero(found).tolist())
        return sorted(matches)


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, with the same matches found by array lookups."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs):
        super().__init__(vocab, name, **kwargs)
        self._index: _Index | None = None
        self._stale = True

    def clear(self) -> None:
        super().clear()
        self._stale = True

    def add(self, patterns, attrs, index: int = 0) -> None:  # noqa: ANN001 - AttributeRuler's signature
        super().add(patterns, attrs, index)
        self._stale = True

    def match(self, doc: Doc) -> list[Match]:
        if self._stale:
            try:
                self._index = _Index(self)
            except _Unsupported:
                self._index = None
            self._stale = False
        if self._index is None or len(doc) == 0:
            return super().match(doc)
        return self._index.match(doc)


@Language.factory(INDEXED_ATTRIBUTE_RULER, default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's stock attribute ruler by the indexed one with the same patterns."""
    if name not in nlp.pipe_names or type(nlp.get_pipe(name)) is not AttributeRuler:
        return False
    patterns = nlp.get_pipe(name).patterns
    nlp.replace_pipe(name, INDEXED_ATTRIBUTE_RULER)
    nlp.get_pipe(name).add_patterns(patterns)
    return True
