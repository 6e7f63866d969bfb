"""What a bulk run is asked to do: the command line's options as one object."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field

from ..engine.offsets import UNITS

DEFAULT_MASTER = "local[*]"
ARROW_BATCH_ROWS = 256  # documents per Arrow batch sent to a Python worker


@dataclass(frozen=True, slots=True)
class BulkOptions:
    """One bulk run; ``conf`` holds extra ``spark.*`` settings as given with ``--conf``."""

    input: str
    output: str
    master: str | None = None  # None: spark-submit's master, else DEFAULT_MASTER
    partitions: int | None = None  # None: the input's, at least 4 per core
    offsets: str = "codepoint"
    columns: tuple[str, ...] | None = None  # metadata columns to carry; None: all but id/text/html
    batch_rows: int = ARROW_BATCH_ROWS
    progress: bool | None = None  # None: on in local mode
    conf: dict[str, str] = field(default_factory=dict)

    @property
    def submitted(self) -> bool:
        """Started by spark-submit, which chose the master and the settings."""
        return "PYSPARK_GATEWAY_PORT" in os.environ

    @property
    def effective_master(self) -> str | None:
        return self.master or (None if self.submitted else DEFAULT_MASTER)

    @property
    def local(self) -> bool:
        return (self.effective_master or "").startswith("local")


def _conf_pair(value: str) -> tuple[str, str]:
    key, sep, setting = value.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {value!r}")
    return key.strip(), setting


def _positive(value: str) -> int:
    n = int(value)
    if n <= 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {n}")
    return n


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """The ``bulk`` subcommand on the service's command line."""
    bulk = sub.add_parser(
        "bulk",
        help="extract quotes from a whole archive on Apache Spark (needs requirements-bulk.txt and Java)",
        description="Extract quotes from JSONL or Parquet documents (id, text or html, other columns carried as "
        "metadata) into Parquet tables quotes/, speakers/, errors/ and summary.json under OUTPUT. "
        "A rerun replaces OUTPUT whole; a failed run leaves it as it was.",
    )
    bulk.add_argument("input", help="a JSONL or Parquet file, or a directory of parts (any Hadoop path)")
    bulk.add_argument("output", help="the directory to publish; replaced whole if it holds an earlier run")
    bulk.add_argument("--master", help=f"Spark master URL (default: spark-submit's, else {DEFAULT_MASTER})")
    bulk.add_argument(
        "--partitions",
        type=_positive,
        help="partitions to split the documents into (default: the input's, at least 4 per core)",
    )
    bulk.add_argument("--offsets", choices=UNITS, default="codepoint", help="offset unit (default: codepoint)")
    bulk.add_argument("--columns", help="comma-separated metadata columns to carry (default: every other column)")
    bulk.add_argument(
        "--batch-rows",
        type=_positive,
        default=ARROW_BATCH_ROWS,
        help=f"documents per Arrow batch sent to a worker (default: {ARROW_BATCH_ROWS})",
    )
    bulk.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress line on stderr (default: on in local mode)",
    )
    bulk.add_argument(
        "--conf",
        action="append",
        type=_conf_pair,
        default=[],
        metavar="KEY=VALUE",
        help="an extra Spark setting, e.g. --conf spark.executor.memory=4g (repeatable)",
    )
    return bulk


def from_args(args: argparse.Namespace) -> BulkOptions:
    columns = None if args.columns is None else tuple(c.strip() for c in args.columns.split(",") if c.strip())
    return BulkOptions(
        input=args.input,
        output=args.output,
        master=args.master,
        partitions=args.partitions,
        offsets=args.offsets,
        columns=columns,
        batch_rows=args.batch_rows,
        progress=args.progress,
        conf=dict(args.conf),
    )
