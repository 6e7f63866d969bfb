"""A progress line on stderr while Spark works (local mode; a cluster has Spark's UI).

A daemon thread polls Spark's status tracker for the jobs of one phase (one
job group) and reports their tasks: rewritten in place on a terminal, a new
line every few seconds otherwise (a log file gets a readable history).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from pyspark import SparkContext

POLL_S = 0.5
LOG_EVERY_S = 10.0  # when stderr is not a terminal


def _tasks(sc: SparkContext, group: str) -> tuple[int, int, int]:
    """(done, running, total) tasks of the group's jobs so far."""
    tracker = sc.statusTracker()
    done = running = total = 0
    for job_id in tracker.getJobIdsForGroup(group):
        job = tracker.getJobInfo(job_id)
        for stage_id in job.stageIds if job else ():
            stage = tracker.getStageInfo(stage_id)
            if stage is not None:
                done += stage.numCompletedTasks
                running += stage.numActiveTasks
                total += stage.numTasks
    return done, running, total


def line(phase: str, done: int, running: int, total: int, elapsed: float) -> str:
    share = f" ({done / total:.0%})" if total else ""
    return f"bulk: {phase}: {done}/{total} tasks done{share}, {running} running, {elapsed:,.0f} s"


@contextmanager
def report(sc: SparkContext, phase: str, group: str, enabled: bool, stream: TextIO = sys.stderr) -> Iterator[None]:
    """Run the body with Spark jobs in ``group``, reporting their progress while it runs."""
    sc.setJobGroup(group, phase)
    if not enabled:
        yield
        return
    tty = stream.isatty()
    stop = threading.Event()
    started = time.monotonic()

    def show(final: bool = False) -> None:
        done, running, total = _tasks(sc, group)
        elapsed = time.monotonic() - started
        if final:  # stages Spark skipped (their output was already there) never count as done
            text = f"bulk: {phase}: done, {done} tasks in {elapsed:,.0f} s"
        elif total:
            text = line(phase, done, running, total, elapsed)
        else:
            return  # Spark has not planned the phase's tasks yet
        stream.write(("\r" + text + ("\n" if final else "")) if tty else text + "\n")
        stream.flush()

    def poll() -> None:
        last = 0.0
        while not stop.wait(POLL_S):
            if tty or time.monotonic() - last >= LOG_EVERY_S:
                show()
                last = time.monotonic()

    thread = threading.Thread(target=poll, name="bulk-progress", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
    show(final=True)
