"""Loading the spaCy pipeline the engine runs on.

The pipeline name is a setting (``QUOTES_SPACY_MODEL``); nothing is downloaded
at run time. A small component placed before the parser makes every line break
a sentence boundary, so a headline or a byline never runs into the paragraph
after it (the parser keeps boundaries set before it runs).
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_COMPONENT = "paragraph_breaks"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every token that holds a line break."""
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_pipeline(name: str) -> Language:
    """Load an installed pipeline by package name and add paragraph breaks."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed; install it with pip "
            "(see requirements.txt) or set QUOTES_SPACY_MODEL to one that is"
        ) from exc
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        else:
            nlp.add_pipe(PARAGRAPH_COMPONENT)
    return nlp
