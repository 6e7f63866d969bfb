"""Measure each attribution rule's precision and write ``models/confidence.tsv``.

    python -m bench.calibrate [--write]

A quote's ``confidence`` is the precision of the rule that produced it: of the
quotes that rule produced on the development data (``../shared/eval`` and
``../shared/gold``), the share that matched a gold quote *and* named the right
speaker. Rules seen fewer than ``MIN_SUPPORT`` times get the pooled precision.
The rows are keyed by the pipeline measured on (``QUOTES_SPACY_MODEL``); those
of other pipelines are kept as they are.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date

from service.engine import Extractor
from service.engine.lexicon import DEFAULT_RULE, FILES, read_rows
from service.settings import Settings

from .gold import POLNEAR_DEV, SEED_GOLD, documents, load, scorer

MIN_SUPPORT = 10


def _correct(score, gold: dict, quote: dict, speakers: dict) -> bool:
    """The quote matches a gold quote (Dice ≥ 0.5) with the right speaker."""
    text = gold["text"]
    aliases = {k: {score.norm_name(a) for a in v} | {score.norm_name(k)} for k, v in gold.get("entities", {}).items()}
    ps = score.strip_edges(text, quote["content"]["start"], quote["content"]["end"])
    for g in gold["quotes"]:
        gs = score.strip_edges(text, g["content"]["start"], g["content"]["end"])
        if score.dice(ps, gs) < 0.5:
            continue
        name = score.norm_name(score.pred_name(quote, speakers))
        if g.get("speaker_name"):
            return bool(name) and name in aliases.get(g["speaker_name"], {score.norm_name(g["speaker_name"])})
        if g.get("speaker"):
            sp = quote.get("speaker") or {}
            return "start" in sp and min(sp["end"], g["speaker"]["end"]) > max(sp["start"], g["speaker"]["start"])
        return not quote.get("speaker")
    return False


def measure(extractor: Extractor) -> tuple[Counter, Counter]:
    score = scorer()
    produced, correct = Counter(), Counter()
    for path in (SEED_GOLD, POLNEAR_DEV):
        if not path.exists():
            continue
        golds = load(path)
        for gold, pred in zip(golds, extractor.extract_many(documents(golds), explain=True), strict=True):
            speakers = {s["id"]: s for s in pred["speakers"]}
            for quote in pred["quotes"]:
                produced[quote["rule"]] += 1
                correct[quote["rule"]] += _correct(score, gold, quote, speakers)
    return produced, correct


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.calibrate", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write models/confidence.tsv")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    extractor = Extractor.load(settings.spacy_model, settings.batch_size, settings.models_dir)
    produced, correct = measure(extractor)
    if not produced:
        print("no development data found; nothing measured")
        return 1
    pooled = sum(correct.values()) / sum(produced.values())
    rows = []
    for rule, n in sorted(produced.items()):
        precision = correct[rule] / n if n >= MIN_SUPPORT else pooled
        rows.append((rule, round(precision, 3), n, correct[rule]))
        print(f"{rule:24} {precision:.3f}  ({correct[rule]}/{n})")
    print(f"{'pooled':24} {pooled:.3f}")
    if args.write:
        path = settings.models_dir / "confidence.tsv"
        pipeline = f"{extractor.model['pipeline']}/{extractor.model['pipeline_version']}"
        others = [cells for _, cells in read_rows(path, FILES["confidence.tsv"]) if cells[0] != pipeline]
        lines = [
            "# Confidence of a quote = measured precision of the rule that produced it, on the",
            "# pipeline named in the first column (name/version, as in the X-Pipeline header); a",
            "# pipeline without rows of its own uses the first pipeline's.",
            f"# Written by `python -m bench.calibrate --write` on {date.today().isoformat()} from the",
            "# seed gold and PolNeAR dev (../shared); rules seen fewer than "
            f"{MIN_SUPPORT} times get the pooled precision.",
            "# Columns: pipeline <TAB> rule <TAB> precision <TAB> quotes produced <TAB> of which correct",
        ]
        ours = [f"{pipeline}\t{DEFAULT_RULE}\t{pooled:.3f}\t{sum(produced.values())}\t{sum(correct.values())}"]
        ours += [f"{pipeline}\t{rule}\t{p:.3f}\t{n}\t{c}" for rule, p, n, c in rows]
        theirs = ["\t".join(cells) for cells in others]
        default_first = settings.spacy_model == Settings().spacy_model
        lines += ours + theirs if default_first or not theirs else theirs + ours
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {path} ({pipeline})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
