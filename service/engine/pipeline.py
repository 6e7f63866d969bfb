"""Loading the spaCy pipeline the engine runs on.

The pipeline name is a setting (``QUOTES_SPACY_MODEL``); nothing is downloaded
at run time. A small component placed before the parser makes every line break
a sentence boundary, so a headline or a byline never runs into the paragraph
after it (the parser keeps boundaries set before it runs); another caps the
length of a sentence (see :mod:`.guard`).

Two changes make the pipeline faster without changing what it says: the same
models and rules, so answers could differ only where two scores tie to the last
bit of a float (on polnear-dev every token's tag, lemma, parse and entity, and
every response, are identical; ``python -m bench.accuracy`` checks it):

- thinc multiplies matrices with the BLIS it bundles unless told otherwise;
  numpy's OpenBLAS uses the CPU's widest vector units (AVX-512 where there is
  one: 3× BLIS's speed on the benchmark machine), so the models are built on
  ``NumpyOps(use_blis=False)`` — on the plain CPU backend only;
- the stock attribute ruler is swapped for one that finds the same matches
  without spaCy's Matcher (see :mod:`.attribute_index`).
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps, get_current_ops, use_ops

from .attribute_index import index_attribute_ruler
from .guard import SENTENCE_CAP_COMPONENT

PARAGRAPH_COMPONENT = "paragraph_breaks"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every token that holds a line break."""
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _load(name: str, stock: bool) -> Language:
    # Models keep the ops current when they are built; a GPU or another CPU
    # backend someone chose (AppleOps, …) is left alone.
    if stock or type(get_current_ops()) is not NumpyOps:
        return spacy.load(name)
    with use_ops("numpy", use_blis=False):
        return spacy.load(name)


def load_pipeline(name: str, stock: bool = False) -> Language:
    """Load an installed pipeline by package name and add paragraph breaks.

    ``stock=True`` keeps spaCy's own matrix backend and attribute ruler (to compare against)."""
    try:
        nlp = _load(name, stock)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed; install it with pip "
            "(see requirements.txt) or set QUOTES_SPACY_MODEL to one that is"
        ) from exc
    for component in (PARAGRAPH_COMPONENT, SENTENCE_CAP_COMPONENT):
        if component not in nlp.pipe_names:
            if "parser" in nlp.pipe_names:
                nlp.add_pipe(component, before="parser")
            else:
                nlp.add_pipe(component)
    if not stock:
        index_attribute_ruler(nlp)
    return nlp
