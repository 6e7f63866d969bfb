"""Command line: ``python -m service extract FILE…`` or ``--jsonl IN.jsonl``; ``bulk`` (Spark: :mod:`service.bulk`).

Text files give one v1 response each (one JSON object per line, or indented
with ``--pretty``). ``--jsonl`` reads objects with ``text`` and an optional
``id``, one per line ("-" for standard input), and writes one response per
line, in order, streaming through the same batched engine the service uses.
A line that cannot be read, or whose text is longer than ``QUOTES_MAX_CHARS``,
gives an ``{"id", "error"}`` line in its place, so output lines always match
input lines; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from .bulk import command as bulk_command
from .bulk import options as bulk_options
from .engine import Extractor
from .engine.lexicon import LexiconError
from .engine.offsets import UNITS
from .settings import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract quotes from text files or a JSONL file")
    ex.add_argument("files", nargs="*", type=Path, help="UTF-8 text files, one article each")
    ex.add_argument("--jsonl", metavar="IN", help='JSONL input with "text" (and "id"); "-" reads stdin')
    ex.add_argument("--offsets", choices=UNITS, default="codepoint", help="offset unit (default: codepoint)")
    ex.add_argument("--pretty", action="store_true", help="indent each response")
    bulk_options.add_parser(sub)
    return parser


class _Errors:
    count = 0


def _jsonl_documents(
    path: str, errors: _Errors, failed: dict[int, str], max_chars: int
) -> Iterator[tuple[str | None, str]]:
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    with stream:
        n = 0
        for line in stream:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text, doc_id = record["text"], record.get("id")
                if not isinstance(text, str) or not (doc_id is None or isinstance(doc_id, str | int)):
                    raise TypeError("text must be a string and id a string or number")
                if len(text) > max_chars:
                    raise ValueError(f"text has {len(text):,} characters; the limit is {max_chars:,} (QUOTES_MAX_CHARS)")
                yield (None if doc_id is None else str(doc_id)), text
            except (ValueError, KeyError, TypeError) as exc:
                errors.count += 1
                failed[n] = f"line {n + 1}: {type(exc).__name__}: {exc}"
                yield None, ""
            n += 1


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "bulk":
        return bulk_command.main(args)
    if not args.files and not args.jsonl:
        _parser().error("give text files or --jsonl IN")
    settings = Settings.from_env()
    try:
        extractor = Extractor.load(settings.spacy_model, settings.batch_size, settings.models_dir)
    except LexiconError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    indent = 2 if args.pretty else None
    errors, failed = _Errors(), {}
    if args.jsonl:
        documents = _jsonl_documents(args.jsonl, errors, failed, settings.max_chars)
    else:
        documents = ((str(p), p.read_text(encoding="utf-8")) for p in args.files)
    out = sys.stdout
    for n, response in enumerate(extractor.extract_many(documents, args.offsets)):
        if n in failed:
            response = {"id": None, "error": failed[n]}
        out.write(json.dumps(response, ensure_ascii=False, indent=indent) + "\n")
        out.flush() if args.jsonl == "-" else None
    for message in failed.values():
        print(message, file=sys.stderr)
    return 1 if errors.count else 0
