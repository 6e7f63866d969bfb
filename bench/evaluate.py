"""Score the extractor on a gold JSONL file with the shared scorer.

    python -m bench.evaluate [GOLD.jsonl …] [--errors] [--min-quotes F] [--min-attribution F]

With no file, scores ``../shared/gold/seed-article.gold.jsonl`` and
``../shared/eval/polnear-dev.jsonl`` (whichever exist; exits 0 with a notice
when ``../shared`` is absent). ``--min-*`` make it a quality gate: the exit
status is 1 when a file's F1 falls below the bar.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from service.engine import Extractor
from service.settings import Settings

from .gold import SHARED, documents, gold_files, load, scorer


def evaluate(extractor: Extractor, path: Path) -> tuple[dict, list[str], float]:
    """(scores, errors, seconds) for one gold file."""
    golds = load(path)
    started = time.perf_counter()
    preds = list(extractor.extract_many(documents(golds)))
    seconds = time.perf_counter() - started
    scores, errors = scorer().score(golds, preds)
    return scores, errors, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every miss, spurious quote and wrong speaker")
    parser.add_argument("--min-quotes", type=float, default=0.0)
    parser.add_argument("--min-attribution", type=float, default=0.0)
    args = parser.parse_args(argv)
    paths = gold_files(args.gold)
    if not paths:
        print(f"no gold data at {SHARED}; nothing to evaluate")
        return 0
    settings = Settings.from_env()
    extractor = Extractor.load(settings.spacy_model, settings.batch_size, settings.models_dir)
    failed = False
    for path in paths:
        scores, errors, seconds = evaluate(extractor, path)
        if args.errors:
            print("\n".join(errors))
        q, a = scores["quotes"]["f1"], scores["attribution"]["f1"]
        print(f"{path.name}: quotes F1 {q:.4f}, attribution F1 {a:.4f} ({seconds:.1f} s)")
        print(json.dumps(scores))
        if q < args.min_quotes or a < args.min_attribution:
            print(f"FAILED: below the bar (quotes ≥ {args.min_quotes}, attribution ≥ {args.min_attribution})")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
