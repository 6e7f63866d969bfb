"""The engine's one entry point: text in, v1 response dicts out.

The HTTP API, the CLI and batch jobs all call :class:`Extractor`, so every path
gives the same answer. Documents go through ``nlp.pipe`` in batches, each batch
inside a spaCy ``memory_zone`` so a long-running process does not grow its
vocabulary without bound; only plain dicts leave this module. The language
resources under ``models/`` are read and checked when the extractor is made.

One document goes through the stages in :meth:`Extractor._analyse`, each taking
what the ones before it returned: the :class:`~.document.Document` (parse,
text, quotations, indexes) → attributions → speakers → channels (which follow
speakers) and hedges → the response.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import __version__
from ..settings import Settings
from .attribution import attribute
from .channel import find_channels, find_scenes
from .document import Document
from .guard import guard_text
from .hedges import find_hedges
from .lexicon import Lexicons, load_lexicons
from .pipeline import load_pipeline
from .response import Analysis, build
from .speakers import resolve

log = logging.getLogger("service.engine")

Text = tuple[str | None, str]  # (caller's id or None, text)


class Extractor:
    """Quote extraction over one loaded spaCy pipeline and the language resources."""

    def __init__(self, nlp: Language, batch_size: int = 16, lexicons: Lexicons | None = None):
        self.nlp = nlp
        self.batch_size = batch_size
        self.lexicons = lexicons if lexicons is not None else load_lexicons(Settings().models_dir)
        meta = nlp.meta
        self.model = {
            "pipeline": f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
            "pipeline_version": str(meta.get("version", "")),
            "service_version": __version__,
        }
        pipeline = f"{self.model['pipeline']}/{self.model['pipeline_version']}"
        self.confidence = self.lexicons.calibration(pipeline)
        if self.confidence.pipeline != pipeline:
            log.warning(
                "confidence is calibrated on another pipeline",
                extra={"pipeline": pipeline, "calibrated_on": self.confidence.pipeline},
            )

    @classmethod
    def load(cls, model: str, batch_size: int = 16, models_dir: Path | None = None) -> Extractor:
        """Load the pipeline and the resources in ``models_dir`` (default: ``Settings().models_dir``);
        a malformed resource raises :class:`~.lexicon.LexiconError` naming its file and line."""
        lexicons = load_lexicons(models_dir if models_dir is not None else Settings().models_dir)
        return cls(load_pipeline(model), batch_size, lexicons)

    def extract(self, text: str, doc_id: str | None = None, offsets: str = "codepoint") -> dict[str, Any]:
        """The v1 response for one text."""
        return next(self.extract_many([(doc_id, text)], offsets))

    def extract_many(
        self, documents: Iterable[Text], offsets: str = "codepoint", explain: bool = False
    ) -> Iterator[dict[str, Any]]:
        """One response per document, in order, streaming in batches.

        ``explain`` adds to each quote the ``rule`` that produced it (for
        evaluation and calibration; not part of the v1 contract)."""
        it = iter(documents)
        while batch := list(islice(it, self.batch_size)):
            yield from self._batch(batch, offsets, explain)

    def _batch(self, batch: list[Text], offsets: str, explain: bool) -> list[dict[str, Any]]:
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
        d = Document.build(doc, text, work, self.lexicons)
        attributions = attribute(d)
        scenes = find_scenes(d, attributions)
        speakers = resolve(d, attributions, [s.subject for s in scenes])
        channels = find_channels(d, attributions, speakers, scenes)
        analysis = Analysis(attributions, speakers, channels, find_hedges(d, attributions))
        return build(text, doc_id, analysis, self.confidence, self.model, offsets, explain)
