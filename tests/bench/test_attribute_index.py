"""The shipped pipeline annotates every token as spaCy's stock pipeline does: the
indexed attribute ruler finds exactly what the Matcher finds, and the models on
numpy's BLAS give the same tags, parses and entities as on thinc's BLIS."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language

from service.engine import Extractor
from service.engine.attribute_index import IndexedAttributeRuler
from service.engine.pipeline import load_pipeline
from service.settings import Settings

ANNOTATIONS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]

TEXTS = [
    "I ain't gonna do it, y'all. Let's go, I gotta run.",  # two-token patterns, index 1, regexes
    "There is a cat and there are dogs. It is there.",  # expl + be (a DEP pattern over two tokens)
    "He did it; she has had it. I'd say you'd know. Did he? I did.",  # do/have as AUX or VERB by DEP
    "Somethin' ol' 'em nothin' goin' doin' 'nuff c'mon.",
    "That is that. Those that do, did. This one, not that one.",  # DT as PRON unless det
    "Nobody told me anything; everyone knew something about it.",
    '"We will not," she said.\n\n  \t\nThe end .',  # whitespace tokens: _SP and dep
    "",
    "ok",
]


@pytest.fixture(scope="module")
def stock() -> Language:
    return load_pipeline(Settings().spacy_model, stock=True)


def test_same_matches_as_the_matcher(stock: Language):
    ruler = IndexedAttributeRuler(stock.vocab)
    ruler.add_patterns(stock.get_pipe("attribute_ruler").patterns)
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(stock.pipe(TEXTS))
    assert sum(len(ruler.match(doc)) for doc in docs) > 0
    for doc in docs:
        assert ruler.match(doc) == stock.get_pipe("attribute_ruler").match(doc), doc.text


def test_shipped_pipeline_annotates_like_the_stock_one(stock: Language, extractor: Extractor, request):
    assert isinstance(extractor.nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert extractor.nlp.get_pipe("ner").model.ops.use_blis is False
    texts = list(TEXTS)
    seed = request.config.rootpath.parent / "shared" / "gold" / "seed-article.txt"
    if seed.exists():
        texts.append(seed.read_text(encoding="utf-8"))
    for text in texts:
        ours, theirs = extractor.nlp(text), stock(text)
        assert (ours.to_array(ANNOTATIONS) == theirs.to_array(ANNOTATIONS)).all(), text[:80]


@pytest.mark.parametrize(
    "pattern, text, lemma",
    [
        ([{"LOWER": "lol"}], "lol that was good", "laugh"),  # compiled into the index
        ([{"LOWER": "very", "OP": "+"}], "a very very big deal", "very"),  # an operator: the Matcher does it
    ],
)
def test_patterns_added_later_are_used(pattern, text, lemma):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("indexed_attribute_ruler")
    nlp("warm up")  # the index is built now …
    ruler.add([pattern], {"LEMMA": lemma})  # … and must be rebuilt after this
    doc = nlp(text)
    matched = [t.lemma_ for t in doc if t.lower_ == pattern[0]["LOWER"]]
    assert matched and set(matched) == {lemma}
