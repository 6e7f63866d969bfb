"""The Spark session a bulk run works in.

Local mode (the default, ``local[*]``) starts an embedded Spark in this
process's JVM; any other master (``spark://…``, ``yarn``, ``k8s://…``) is a
cluster that ``spark-submit`` or this command connects to. In local mode the
Python workers are this interpreter, with this source tree on their path; on a
cluster the code and its dependencies reach executors as the README says.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .options import BulkOptions

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

PROJECT_ROOT = Path(__file__).resolve().parents[2]  # holds service/ and models/
QUIET_LOG4J = Path(__file__).with_name("log4j2.properties")


class SparkUnavailable(RuntimeError):
    """pyspark or a Java runtime is missing; the message says how to get them."""


def check_available() -> None:
    """Raise SparkUnavailable unless pyspark imports and a Java runtime is found."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkUnavailable(
            "pyspark is not installed: `make bulk` (or pip install --require-hashes -r requirements-bulk.txt)"
        ) from None
    java_home = os.environ.get("JAVA_HOME")
    if not (java_home and Path(java_home, "bin", "java").exists()) and shutil.which("java") is None:
        raise SparkUnavailable("no Java runtime: install one (Debian: apt-get install openjdk-17-jre-headless)")


def spark_conf(options: BulkOptions) -> dict[str, str]:
    """Settings for the run: ours first, then the caller's ``--conf`` over them."""
    conf = {
        "spark.app.name": "quotes-bulk",
        "spark.sql.execution.arrow.maxRecordsPerBatch": str(options.batch_rows),
        "spark.sql.session.timeZone": "UTC",
        # Timestamps as Parquet's standard microseconds, not the legacy INT96 other readers see as naive.
        "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
        # Parquet written by this job is read back for the tables; no _SUCCESS noise beside each table.
        "spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs": "false",
        # One Spark task runs one pipeline; BLAS threads would only fight over the cores.
        "spark.executorEnv.OPENBLAS_NUM_THREADS": "1",
        "spark.executorEnv.OMP_NUM_THREADS": "1",
    }
    if options.local:
        conf.update(
            {
                "spark.ui.enabled": "false",
                "spark.ui.showConsoleProgress": "false",  # ours is one line (progress.py)
                "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile={QUIET_LOG4J.as_uri()}",
                "spark.pyspark.python": sys.executable,
                "spark.pyspark.driver.python": sys.executable,
            }
        )
    conf.update(options.conf)
    return conf


def start(options: BulkOptions) -> SparkSession:
    """A SparkSession for ``options`` (an existing one in this process is reused, as under spark-submit)."""
    check_available()
    if options.local:
        # Local Python workers import this source tree, wherever the command was started from.
        paths = [str(PROJECT_ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
        os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder
    if options.effective_master is not None:
        builder = builder.master(options.effective_master)
    for key, value in spark_conf(options).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR" if options.local else "WARN")
    return spark
