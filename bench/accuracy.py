"""The engine over spaCy's stock pipeline and over the pipeline it ships, side by side.

    python -m bench.accuracy [GOLD.jsonl …] [--max-drop F]

``load_pipeline`` changes the stock pipeline for speed (see
``service/engine/pipeline.py``); this scores both with the shared scorer on the
seed gold and ``polnear-dev`` (whichever exist), counts the documents whose
responses differ, and exits 1 if attribution F1 drops by more than
``--max-drop`` (default 0.005) on any file.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from service.engine import Extractor
from service.engine.lexicon import load_lexicons
from service.engine.pipeline import load_pipeline
from service.settings import Settings

from .gold import SHARED, documents, gold_files, load, scorer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--max-drop", type=float, default=0.005, help="largest attribution F1 loss allowed")
    args = parser.parse_args(argv)
    paths = gold_files(args.gold)
    if not paths:
        print(f"no gold data at {SHARED}; nothing to compare")
        return 0
    settings = Settings.from_env()
    extractors = {
        "stock spaCy pipeline": Extractor(
            load_pipeline(settings.spacy_model, stock=True), settings.batch_size, load_lexicons(settings.models_dir)
        ),
        "shipped pipeline": Extractor.load(settings.spacy_model, settings.batch_size, settings.models_dir),
    }
    score = scorer().score
    failed = False
    print(f"{'file':<28} {'pipeline':<22} {'quotes F1':>9} {'attribution F1':>14} {'seconds':>8}")
    for path in paths:
        golds = load(path)
        predictions, attribution = {}, {}
        for name, extractor in extractors.items():
            started = time.perf_counter()
            predictions[name] = list(extractor.extract_many(documents(golds)))
            seconds = time.perf_counter() - started
            scores, _ = score(golds, predictions[name])
            attribution[name] = scores["attribution"]["f1"]
            print(
                f"{path.name:<28} {name:<22} {scores['quotes']['f1']:>9.4f} {attribution[name]:>14.4f} {seconds:>8.1f}"
            )
        stock, shipped = predictions.values()
        same = sum(a == b for a, b in zip(stock, shipped, strict=True))
        drop = attribution["stock spaCy pipeline"] - attribution["shipped pipeline"]
        print(f"{'':<28} identical responses: {same}/{len(golds)}; attribution F1 change {drop and -drop:+.4f}")
        if drop > args.max_drop:
            print(f"FAILED: attribution F1 fell by {drop:.4f} (allowed {args.max_drop})")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
