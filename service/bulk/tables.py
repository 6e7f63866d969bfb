"""The output tables, split out of the per-document rows the workers return.

``quotes``: one row per quote (``records.QUOTE``) with its ``document_id``
and the document's metadata columns; ``speakers``: one row per speaker per
document (``records.SPEAKER``); ``errors``: one row per document that could not
be processed, with its problem object (``records.PROBLEM``) and metadata.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .records import QUOTE, SPEAKER

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

TABLES = ("quotes", "speakers", "errors")


def clashes(metadata: list[str]) -> list[str]:
    """Metadata columns that would collide with a table's own columns."""
    own = {"document_id", "problem", *(name for name, _ in QUOTE)}
    return [c for c in metadata if c in own]


def _meta(metadata: list[str]) -> list[str]:
    return [f"`{c}`" for c in metadata]


def split(documents: DataFrame, metadata: list[str]) -> dict[str, DataFrame]:
    """The three tables from the staged document rows."""
    from pyspark.sql import functions as F

    quotes = documents.select("document_id", F.explode("quotes").alias("q"), *_meta(metadata)).select(
        "document_id", *[f"q.`{name}`" for name, _ in QUOTE], *_meta(metadata)
    )
    speakers = documents.select("document_id", F.explode("speakers").alias("s")).select(
        "document_id", *[f"s.`{name}`" for name, _ in SPEAKER]
    )
    errors = documents.where(F.col("problem").isNotNull()).select("document_id", "problem", *_meta(metadata))
    return {"quotes": quotes, "speakers": speakers, "errors": errors}
