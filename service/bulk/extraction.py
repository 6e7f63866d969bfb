"""The worker side: documents in Arrow batches through the engine, one row out per document.

Spark streams each partition to a Python worker as Arrow record batches
(``mapInArrow``; ``--batch-rows`` documents each). The worker loads the
pipeline once per process — the first batch it sees loads it, every later
batch and task in that process reuses it (Spark reuses Python workers) — and
runs :meth:`Extractor.extract_many` over each batch, exactly as the API does.
Metadata columns pass through as the Arrow arrays they arrived as, never
converted, so no value is altered on the way.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine import Extractor
from ..problems import QUOTES_PATH, ServiceError, problem_object
from .records import problem_row, quote_rows, speaker_rows
from .rows import Document, read_row

log = logging.getLogger("service.bulk")

_LOADED: dict[tuple[str, int, str], tuple[Extractor, str]] = {}


def process_extractor(model: str, batch_size: int, models_dir: str) -> tuple[Extractor, str]:
    """This process's extractor and the name of its load (host:pid:time), loaded on first use."""
    key = (model, batch_size, models_dir)
    if key not in _LOADED:
        extractor = Extractor.load(model, batch_size, Path(models_dir))
        _LOADED[key] = (extractor, f"{socket.gethostname()}:{os.getpid()}:{time.time_ns()}")
    return _LOADED[key]


@dataclass(frozen=True, slots=True)
class Work:
    """What every worker needs to know, sent with the function."""

    model: str
    batch_size: int
    models_dir: str  # the language resources (Settings.models_dir)
    max_chars: int
    offsets: str
    run_id: str  # the request_id of every problem object this run writes
    text_column: str | None  # "text", or None when the input has none
    corrupt_column: str | None  # "_corrupt_record" when Spark found unreadable JSONL lines
    metadata: tuple[str, ...]


def _extract_each(
    extractor: Extractor, documents: list[Document], offsets: str
) -> list[dict[str, Any] | ServiceError | None]:
    """Batched extraction; if the batch fails, each document alone (as the API does). A document that
    fails gets its error when it is a problem (ServiceError), else None (the API's opaque 500)."""
    pairs = [(d.id, d.text) for d in documents]
    try:
        return list(extractor.extract_many(pairs, offsets))
    except Exception:
        log.exception("batch extraction failed; retrying document by document")
    out: list[dict[str, Any] | None] = []
    for doc_id, text in pairs:
        try:
            out.append(extractor.extract(text, doc_id, offsets))
        except ServiceError as error:
            out.append(error)
        except Exception:
            log.exception("document extraction failed: id %r", doc_id)
            out.append(None)
    return out


def extract_batch(work: Work, extractor: Extractor, loader: str, batch: Any, schema: Any) -> Any:
    """One Arrow batch of input rows to one Arrow batch of document rows (``records.DOCUMENT`` + metadata)."""
    import pyarrow as pa

    n = batch.num_rows
    ids = batch.column("id").to_pylist()
    texts = batch.column(work.text_column).to_pylist() if work.text_column else [None] * n
    corrupt = batch.column(work.corrupt_column).to_pylist() if work.corrupt_column else [None] * n
    rows = [read_row(ids[i], texts[i], corrupt[i], work.max_chars) for i in range(n)]
    ids, read = [doc_id for doc_id, _ in rows], [r for _, r in rows]
    todo = [i for i, r in enumerate(read) if isinstance(r, Document)]
    answers = dict(zip(todo, _extract_each(extractor, [read[i] for i in todo], work.offsets), strict=True))
    quotes, speakers, problems, characters, words = [], [], [], [], []
    for i, r in enumerate(read):
        response = answers.get(i)
        if isinstance(response, ServiceError):
            r = response
        elif isinstance(r, Document) and response is None:
            r = ServiceError()  # extraction failed: the API's 500 for this document
        if isinstance(r, ServiceError):
            quotes.append([])
            speakers.append([])
            problems.append(problem_row(problem_object(r, QUOTES_PATH, work.run_id)))
            characters.append(None)
            words.append(None)
        else:
            quotes.append(quote_rows(response))
            speakers.append(speaker_rows(response))
            problems.append(None)
            characters.append(len(r.text))
            words.append(len(r.text.split()))
    columns = {
        "document_id": pa.array(ids, pa.string()),
        "quotes": pa.array(quotes, schema.field("quotes").type),
        "speakers": pa.array(speakers, schema.field("speakers").type),
        "problem": pa.array(problems, schema.field("problem").type),
        "characters": pa.array(characters, pa.int64()),
        "words": pa.array(words, pa.int64()),
        "loader": pa.array([loader] * n, pa.string()),
        "pipeline": pa.array([json.dumps(extractor.model, sort_keys=True)] * n, pa.string()),
    }
    arrays = [columns[f.name] for f in schema] + [batch.column(name) for name in work.metadata]
    fields = list(schema) + [batch.schema.field(name) for name in work.metadata]
    return pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields))


def batch_mapper(work: Work, document_schema: Any) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """The function ``mapInArrow`` runs on each partition (``document_schema``: records.DOCUMENT as Spark types)."""

    def extract_partition(batches: Iterator[Any]) -> Iterator[Any]:
        from pyspark.sql.pandas.types import to_arrow_schema

        schema = to_arrow_schema(document_schema)
        extractor, loader = process_extractor(work.model, work.batch_size, work.models_dir)
        for batch in batches:
            yield extract_batch(work, extractor, loader, batch, schema)

    return extract_partition
