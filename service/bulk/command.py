"""``python -m service bulk INPUT OUTPUT``: the command line of a bulk run.

Prints the run summary as JSON on stdout. Exit status 0 when the run published
OUTPUT (documents that could not be processed are rows of ``errors``, not a
failure), 2 when INPUT, OUTPUT or the environment is unusable (the message
says what to change), 1 when Spark itself failed.
"""

from __future__ import annotations

import argparse
import json
import sys

from .inputs import InputError
from .options import from_args
from .publish import OutputError


def main(args: argparse.Namespace) -> int:
    from .session import SparkUnavailable  # no pyspark import until a bulk run starts

    options = from_args(args)
    try:
        from .job import run

        report = run(options)
    except (InputError, OutputError, SparkUnavailable) as exc:
        print(f"bulk: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # Spark's own failure: its message, not our stack
        print(f"bulk: the run failed and OUTPUT was left as it was: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(report, ensure_ascii=False))
    return 0
