"""One bulk run: read, extract, split into tables, summarise, publish."""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from ..settings import Settings
from . import progress, summary
from .extraction import Work, batch_mapper
from .inputs import CORRUPT, TEXT, InputError, read_documents
from .options import BulkOptions
from .publish import SUMMARY, Destination
from .records import DOCUMENT, ddl
from .session import start
from .tables import clashes, split

PARTS_PER_CORE = 4  # default partitions: enough for balance and a useful progress line


def run(options: BulkOptions, settings: Settings | None = None) -> dict[str, Any]:
    """Run the job and return its summary (also written to OUTPUT/summary.json)."""
    settings = settings or Settings.from_env()
    run_id = uuid.uuid4().hex
    started, t0 = datetime.now(UTC).isoformat(timespec="seconds"), time.perf_counter()
    spark = start(options)
    sc = spark.sparkContext
    t_ready = time.perf_counter()
    show = options.local if options.progress is None else options.progress
    destination = Destination(spark, options.output, run_id)
    destination.prepare()
    try:
        documents, metadata = read_documents(spark, options)
        if bad := clashes(metadata):
            raise InputError(
                f"metadata column(s) {', '.join(bad)} would clash with the output's own columns; "
                "choose the columns to carry with --columns"
            )
        partitions = options.partitions or max(documents.rdd.getNumPartitions(), PARTS_PER_CORE * sc.defaultParallelism)
        if partitions != documents.rdd.getNumPartitions():
            documents = documents.repartition(partitions)
        from pyspark.sql.types import StructType, _parse_datatype_string

        staged_schema = _parse_datatype_string(ddl(DOCUMENT))
        work = Work(
            model=settings.spacy_model,
            batch_size=settings.batch_size,
            models_dir=str(settings.models_dir),
            max_chars=settings.max_chars,
            offsets=options.offsets,
            run_id=run_id,
            text_column=TEXT if TEXT in documents.columns else None,
            corrupt_column=CORRUPT if CORRUPT in documents.columns else None,
            metadata=tuple(metadata),
        )
        schema = StructType(staged_schema.fields + [documents.schema[c] for c in metadata])
        staged = documents.mapInArrow(batch_mapper(work, staged_schema), schema)
        with progress.report(sc, "extracting", f"{run_id}-extract", show):
            staged.write.parquet(destination.part("_documents"))
        t1 = time.perf_counter()
        written = spark.read.parquet(destination.part("_documents"))
        with progress.report(sc, "writing tables", f"{run_id}-tables", show):
            for name, table in split(written, metadata).items():
                table.write.parquet(destination.part(name))
            tallies = summary.counts(written)
        destination.delete("_documents")
        seconds = {
            "spark_start": t_ready - t0,
            "extract": t1 - t_ready,
            "tables": time.perf_counter() - t1,
            "total": time.perf_counter() - t0,
        }
        report = summary.build(spark, options, run_id, tallies, metadata, partitions, seconds, started)
        destination.write_text(SUMMARY, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        destination.publish()
    except BaseException:
        destination.discard()
        raise
    return report
