"""Reading INPUT: JSONL or Parquet documents, a file or a directory of parts.

Each row is one document: ``id``, ``text`` (or ``html``) and any other
columns, carried through to the output as metadata. The text travels to the
Python workers as raw bytes (``binary``), so a value that is not valid UTF-8
(a Parquet byte array, a mis-encoded JSON line) is reported as an error for
that document instead of being silently repaired. A JSONL line Spark cannot
parse keeps its raw bytes in ``_corrupt_record`` for the same reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .options import BulkOptions

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

ID, TEXT, HTML, CORRUPT = "id", "text", "html", "_corrupt_record"
RESERVED = (ID, TEXT, HTML, CORRUPT)
JSON_SUFFIXES = (".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet", ".parq")


class InputError(ValueError):
    """INPUT cannot be read as documents; the message says what to change."""


def detect_format(spark: SparkSession, path: str) -> str:
    """``jsonl`` or ``parquet``, from the file name or, for a directory, from its parts' names."""
    names = [path.lower()]
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    fs = hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if not fs.exists(hpath):
        raise InputError(f"{path}: no such file or directory")
    if fs.getFileStatus(hpath).isDirectory():
        names = [s.getPath().getName().lower() for s in fs.listStatus(hpath) if s.isFile()]
        names = [n for n in names if not n.startswith(("_", "."))]
    kinds = {"parquet" for n in names if n.endswith(PARQUET_SUFFIXES)} | {
        "jsonl" for n in names if n.endswith(JSON_SUFFIXES)
    }
    if len(kinds) != 1:
        found = "both JSONL and Parquet parts" if kinds else "no .jsonl/.json/.ndjson or .parquet files"
        raise InputError(f"{path}: {found}; give one file or a directory of parts in one format")
    return kinds.pop()


def read_documents(spark: SparkSession, options: BulkOptions) -> tuple[DataFrame, list[str]]:
    """(documents, metadata column names): ``id`` as a string, ``text``/``html`` as bytes."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import BinaryType, StringType

    fmt = detect_format(spark, options.input)
    if fmt == "jsonl":
        df = spark.read.option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT).json(options.input)
    else:
        df = spark.read.parquet(options.input)
    columns = df.columns
    if ID not in columns:
        raise InputError(f"{options.input}: no 'id' column (found: {', '.join(columns) or 'none'})")
    if TEXT not in columns and HTML not in columns:
        raise InputError(f"{options.input}: no 'text' (or 'html') column (found: {', '.join(columns)})")
    metadata = [c for c in columns if c not in RESERVED]
    if options.columns is not None:
        missing = [c for c in options.columns if c not in metadata]
        if missing:
            raise InputError(f"--columns: no such metadata column(s): {', '.join(missing)}")
        metadata = list(options.columns)
    kinds = dict(df.dtypes)
    if kinds[ID] not in ("string", "int", "bigint", "smallint", "tinyint"):
        raise InputError(f"{options.input}: 'id' is {kinds[ID]}; it must be a string or an integer")
    selected = [F.col(ID).cast(StringType()).alias(ID)]
    for name in (TEXT, HTML, CORRUPT):
        if name in columns:
            if kinds[name] not in ("string", "binary"):
                raise InputError(f"{options.input}: '{name}' is {kinds[name]}; it must be a string (or bytes)")
            selected.append(F.col(name).cast(BinaryType()).alias(name))
    return df.select(*selected, *[F.col(f"`{c}`") for c in metadata]), metadata
