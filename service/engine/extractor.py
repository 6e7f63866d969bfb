"""The engine's one entry point: text in, v1 response dicts out.

The HTTP API, the CLI and batch jobs all call :class:`Extractor`, so every path
gives the same answer. Documents go through ``nlp.pipe`` in batches, each batch
inside a spaCy ``memory_zone`` so a long-running process does not grow its
vocabulary without bound; only plain dicts leave this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import __version__
from .attribution import attribute
from .channel import assign_channels
from .guard import guard_text
from .hedges import assign_hedges
from .marks import pair_quotes
from .pipeline import load_pipeline
from .response import build
from .speakers import resolve

Document = tuple[str | None, str]  # (caller's id or None, text)


class Extractor:
    """Quote extraction over one loaded spaCy pipeline."""

    def __init__(self, nlp: Language, batch_size: int = 16):
        self.nlp = nlp
        self.batch_size = batch_size
        meta = nlp.meta
        self.model = {
            "pipeline": f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
            "pipeline_version": str(meta.get("version", "")),
            "service_version": __version__,
        }

    @classmethod
    def load(cls, model: str, batch_size: int = 16) -> Extractor:
        return cls(load_pipeline(model), batch_size)

    def extract(self, text: str, doc_id: str | None = None, offsets: str = "codepoint") -> dict[str, Any]:
        """The v1 response for one text."""
        return next(self.extract_many([(doc_id, text)], offsets))

    def extract_many(
        self, documents: Iterable[Document], offsets: str = "codepoint", explain: bool = False
    ) -> Iterator[dict[str, Any]]:
        """One response per document, in order, streaming in batches.

        ``explain`` adds to each quote the ``rule`` that produced it (for
        evaluation and calibration; not part of the v1 contract)."""
        it = iter(documents)
        while batch := list(islice(it, self.batch_size)):
            yield from self._batch(batch, offsets, explain)

    def _batch(self, batch: list[Document], offsets: str, explain: bool) -> list[dict[str, Any]]:
        out = []
        with self.nlp.memory_zone():
            work = [guard_text(text) for _, text in batch]
            for (doc_id, text), copy, doc in zip(batch, work, self.nlp.pipe(work), strict=True):
                out.append(self._analyse(doc, copy, text, doc_id, offsets, explain))
        return out

    def _analyse(
        self, doc: Doc, work: str, text: str, doc_id: str | None, offsets: str, explain: bool
    ) -> dict[str, Any]:
        """``work`` is the working copy the pipeline read (same length as ``text``, see
        :mod:`.guard`); the response quotes the caller's ``text``."""
        quotes = pair_quotes(work)
        attributions = attribute(doc, quotes, work) if work.strip() else []
        entities = resolve(doc, work, attributions, quotes)
        assign_channels(doc, work, attributions)
        assign_hedges(doc, attributions)
        response = build(text, doc_id, attributions, entities, self.model, offsets)
        if explain:
            for quote, a in zip(response["quotes"], attributions, strict=True):
                quote["rule"] = a.rule
        return response
