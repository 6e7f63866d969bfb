"""Publishing OUTPUT whole or not at all: a run writes to a staging directory
beside OUTPUT and, once every table and the summary are written, swaps it in.

Rerunning over the same INPUT and OUTPUT therefore replaces the earlier run's
rows instead of adding to them, and a run that fails or is killed leaves the
earlier OUTPUT as it was (its staging directory is removed by the next run).
On a local or HDFS file system each step is a rename, which is atomic; on an
object store (S3A, GCS) a rename copies, so readers can see a half-swapped
directory for that moment. Only a directory that is empty or holds an earlier
run's ``summary.json`` is ever replaced: anything else is refused, not deleted.
Paths go through Hadoop's FileSystem API, so any Hadoop path works.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

SUMMARY = "summary.json"
MARKER = "quotes-bulk"  # summary.json's "kind": what marks a directory as this job's output


class OutputError(ValueError):
    """OUTPUT cannot be replaced; the message says why."""


class Destination:
    """OUTPUT and the staging directory one run writes into."""

    def __init__(self, spark: SparkSession, output: str, run_id: str):
        jvm = spark.sparkContext._jvm
        self._Path = jvm.org.apache.hadoop.fs.Path
        path = self._Path(output)
        hadoop = spark.sparkContext._jsc.hadoopConfiguration()
        # An instance of our own: the cached one is shared with Spark's writers.
        self.fs = jvm.org.apache.hadoop.fs.FileSystem.newInstance(path.toUri(), hadoop)
        self.fs.setWriteChecksum(False)  # no .summary.json.crc beside the summary on a local disk
        self.output = self.fs.makeQualified(path)
        parent, name = self.output.getParent(), self.output.getName()
        self._parent, self._name = parent, name
        self.staging = self._Path(parent, f".{name}.bulk-{run_id}")
        self._replaced = self._Path(parent, f".{name}.replaced-{run_id}")

    def part(self, name: str) -> str:
        """A path inside the staging directory, for Spark's writers."""
        return self._Path(self.staging, name).toString()

    def _leftovers(self, kind: str) -> list[Any]:
        found = self.fs.globStatus(self._Path(self._parent, f".{self._name}.{kind}-*"))
        return [status.getPath() for status in (found or [])]

    def _is_earlier_run(self) -> bool:
        summary = self._Path(self.output, SUMMARY)
        if not self.fs.exists(summary):
            return False
        try:
            return json.loads(self.read_text(summary)).get("kind") == MARKER
        except ValueError:
            return False

    def prepare(self) -> None:
        """Check OUTPUT may be replaced; finish a swap a crash interrupted; remove crashed runs' staging."""
        replaced = self._leftovers("replaced")
        if replaced and not self.fs.exists(self.output):
            self.fs.rename(replaced[-1], self.output)  # the swap stopped between its two renames
        for path in self._leftovers("replaced"):
            self.fs.delete(path, True)
        if self.fs.exists(self.output):
            status = self.fs.getFileStatus(self.output)
            empty = status.isDirectory() and not self.fs.listStatus(self.output)
            if not empty and not (status.isDirectory() and self._is_earlier_run()):
                raise OutputError(
                    f"{self.output.toString()} exists and is not the output of an earlier bulk run "
                    f"(no {SUMMARY}); give a new directory or remove it"
                )
        for path in self._leftovers("bulk"):
            self.fs.delete(path, True)

    def read_text(self, path: Any) -> str:
        stream = self.fs.open(path)
        try:
            return bytes(stream.readAllBytes()).decode("utf-8")
        finally:
            stream.close()

    def write_text(self, name: str, text: str) -> None:
        stream = self.fs.create(self._Path(self.staging, name), True)
        try:
            stream.write(bytearray(text.encode("utf-8")))
        finally:
            stream.close()

    def delete(self, name: str) -> None:
        self.fs.delete(self._Path(self.staging, name), True)

    def publish(self) -> None:
        """Swap the staging directory in as OUTPUT (the earlier run's, if any, is removed)."""
        if self.fs.exists(self.output):
            if not self.fs.rename(self.output, self._replaced):
                raise OutputError(f"could not move {self.output.toString()} aside")
        if not self.fs.rename(self.staging, self.output):
            if self.fs.exists(self._replaced):
                self.fs.rename(self._replaced, self.output)
            raise OutputError(f"could not rename {self.staging.toString()} to {self.output.toString()}")
        self.fs.delete(self._replaced, True)

    def discard(self) -> None:
        self.fs.delete(self.staging, True)
