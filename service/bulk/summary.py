"""The run summary written beside the tables as ``summary.json``."""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING, Any

from .. import __version__
from .options import BulkOptions
from .publish import MARKER

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


def counts(documents: DataFrame) -> dict[str, Any]:
    """Documents, quotes, speakers, errors, characters, words and pipeline loads, in one pass."""
    from pyspark.sql import functions as F

    row = documents.agg(
        F.count(F.lit(1)).alias("documents"),
        F.sum(F.size("quotes")).alias("quotes"),
        F.sum(F.size("speakers")).alias("speakers"),
        F.count("problem").alias("errors"),
        F.sum("characters").alias("characters"),
        F.sum("words").alias("words"),
        F.countDistinct("loader").alias("pipeline_loads"),
        F.collect_set("pipeline").alias("pipelines"),
    ).first()
    out = {k: int(row[k] or 0) for k in ("documents", "quotes", "speakers", "errors", "characters", "words")}
    out["pipeline_loads"] = int(row["pipeline_loads"])
    out["pipelines"] = sorted(row["pipelines"])
    problems = documents.where(F.col("problem").isNotNull()).groupBy("problem.status", "problem.type").count()
    out["errors_by_type"] = {f"{r['status']} {r['type']}": int(r["count"]) for r in problems.collect()}
    return out


def build(
    spark: SparkSession,
    options: BulkOptions,
    run_id: str,
    tallies: dict[str, Any],
    metadata: list[str],
    partitions: int,
    seconds: dict[str, float],
    started: str,
) -> dict[str, Any]:
    import json

    import pyarrow
    import pyspark

    pipelines = tallies.pop("pipelines")
    total = seconds["total"]
    return {
        "kind": MARKER,
        "run_id": run_id,
        "started": started,
        "input": options.input,
        "output": options.output,
        "master": spark.sparkContext.master,
        "partitions": partitions,
        "offsets": options.offsets,
        "metadata_columns": metadata,
        **tallies,
        "answered": tallies["documents"] - tallies["errors"],
        "seconds": {k: round(v, 3) for k, v in seconds.items()},
        "documents_per_s": round(tallies["documents"] / total, 2) if total else None,
        "words_per_s": round(tallies["words"] / total, 1) if total else None,
        "rerun": "replaces OUTPUT whole (atomic publish); a failed run leaves the earlier OUTPUT unchanged",
        "versions": {
            "service": __version__,
            "model": [json.loads(p) for p in pipelines]
            if len(pipelines) > 1
            else json.loads(pipelines[0] if pipelines else "null"),
            "spark": spark.version,
            "pyspark": pyspark.__version__,
            "pyarrow": pyarrow.__version__,
            "python": platform.python_version(),
        },
    }
