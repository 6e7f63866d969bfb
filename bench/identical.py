"""Byte-for-byte comparison of this tree's responses with a reference.

    python -m bench.identical --base REV         # reference: the CLI of commit REV, run now
    python -m bench.identical --save DIR         # keep this tree's responses in DIR (outside the repo)
    python -m bench.identical --against DIR      # compare with responses kept earlier
    … [--ignore confidence] [--corpus shared|generated] [--offsets utf16]

Both sides run ``python -m service extract`` (the same interpreter, one process
per input) on the inputs ``bench.evaluate`` scores — every shared gold file as
JSONL (they carry their text) and ``seed-article.txt`` as a text file — or on
the generated corpus of ``bench.corpus``. ``--base`` checks REV out in a
temporary ``git worktree`` and removes it afterwards; shared data is read in
place and never copied into the repository. ``--ignore confidence`` compares
with every quote's confidence blanked (after a recalibration) and counts the
confidences that changed. Exit status 1 when any response differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .corpus import generate
from .gold import SEED_GOLD, SHARED, gold_files

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = SHARED / "gold" / "seed-article.txt"


def inputs(corpus: str, scratch: Path) -> dict[str, list[str]]:
    """Output name -> the arguments of ``python -m service extract`` that produce it."""
    if corpus == "generated":
        path = scratch / "generated.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for article in generate(12):
                f.write(json.dumps({"id": article.id, "text": article.text}, ensure_ascii=False) + "\n")
        return {"generated.jsonl": ["--jsonl", str(path)]}
    runs = {p.name: ["--jsonl", str(p)] for p in gold_files([])}
    if SEED_GOLD.exists() and SEED_TEXT.exists():
        runs[SEED_TEXT.name + ".jsonl"] = [str(SEED_TEXT)]
    return runs


def extract(tree: Path, runs: dict[str, list[str]], offsets: str, out: Path) -> None:
    """Run the CLI of ``tree`` on every input, writing ``out/NAME``."""
    out.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "QUOTES_MODELS_DIR"}  # each tree reads its own models/
    for name, args in runs.items():
        with (out / name).open("wb") as f:
            cmd = [sys.executable, "-m", "service", "extract", "--offsets", offsets, *args]
            proc = subprocess.run(cmd, cwd=tree, stdout=f, stderr=subprocess.PIPE, env=env, check=False)
        if proc.returncode != 0:
            raise SystemExit(f"{tree}: {' '.join(cmd[1:])} failed:\n{proc.stderr.decode(errors='replace')}")


@contextmanager
def checkout(rev: str) -> Iterator[Path]:
    """REV in a temporary detached worktree of this repository."""
    with tempfile.TemporaryDirectory(prefix="identical-") as tmp:
        tree = Path(tmp) / "tree"
        git = ["git", "-C", str(ROOT)]
        subprocess.run([*git, "worktree", "add", "--quiet", "--detach", str(tree), rev], check=True)
        try:
            yield tree
        finally:
            subprocess.run([*git, "worktree", "remove", "--force", str(tree)], check=False)


def _blank_confidence(line: bytes) -> tuple[bytes, list[float]]:
    """The line with every quote's confidence set to null, and the values removed."""
    response = json.loads(line)
    values = []
    for quote in response.get("quotes", []):
        values.append(quote["confidence"])
        quote["confidence"] = None
    return json.dumps(response, ensure_ascii=False).encode() + b"\n", values


def compare(reference: Path, current: Path, ignore_confidence: bool) -> tuple[int, int, int, list[str]]:
    """(documents, identical, confidences changed, descriptions of the first differences)."""
    ref_lines = reference.read_bytes().splitlines(keepends=True)
    new_lines = current.read_bytes().splitlines(keepends=True)
    problems = []
    if len(ref_lines) != len(new_lines):
        problems.append(f"{current.name}: {len(new_lines)} lines, reference {len(ref_lines)}")
    same = changed = 0
    for n, (old, new) in enumerate(zip(ref_lines, new_lines), 1):
        if ignore_confidence and old != new:
            # blanking re-serialises; only fair if the reference survives the round trip
            if json.dumps(json.loads(old), ensure_ascii=False).encode() + b"\n" != old:
                problems.append(f"{current.name}:{n}: the reference does not re-serialise byte for byte")
                continue
            (old_blank, old_values), (new_blank, new_values) = _blank_confidence(old), _blank_confidence(new)
            if old_blank == new_blank:
                same += 1
                changed += sum(a != b for a, b in zip(old_values, new_values, strict=True))
                continue
        elif old == new:
            same += 1
            continue
        if len(problems) < 5:
            problems.append(f"{current.name}:{n}: {_first_difference(json.loads(old), json.loads(new))}")
    return len(ref_lines), same, changed, problems


def _first_difference(old: object, new: object, path: str = "") -> str:
    if type(old) is not type(new):
        return f"{path or '/'}: {old!r} -> {new!r}"
    if isinstance(old, dict):
        for key in list(old) + [k for k in new if k not in old]:
            if key not in old or key not in new or old[key] != new[key]:
                return _first_difference(old.get(key), new.get(key), f"{path}/{key}")
        if list(old) != list(new):
            return f"{path or '/'}: member order {list(old)} -> {list(new)}"
    if isinstance(old, list):
        for i, (a, b) in enumerate(zip(old, new)):
            if a != b:
                return _first_difference(a, b, f"{path}/{i}")
        if len(old) != len(new):
            return f"{path or '/'}: {len(old)} items -> {len(new)}"
    return f"{path or '/'}: {old!r} -> {new!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.identical", description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--base", metavar="REV", help="compare with the responses of commit REV, run now")
    where.add_argument("--against", metavar="DIR", type=Path, help="compare with responses saved by --save")
    where.add_argument("--save", metavar="DIR", type=Path, help="save this tree's responses")
    parser.add_argument("--corpus", choices=("shared", "generated"), default="shared")
    parser.add_argument("--offsets", choices=("codepoint", "utf16"), default="codepoint")
    parser.add_argument("--ignore", choices=("confidence",), action="append", default=[])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="identical-") as tmp:
        scratch = Path(tmp)
        runs = inputs(args.corpus, scratch)
        if not runs:
            print(f"no shared data at {SHARED}; use --corpus generated")
            return 0
        if args.save:
            extract(ROOT, runs, args.offsets, args.save)
            print(f"saved {', '.join(runs)} to {args.save}")
            return 0
        extract(ROOT, runs, args.offsets, scratch / "current")
        if args.base:
            with checkout(args.base) as tree:
                extract(tree, runs, args.offsets, scratch / "reference")
            reference = scratch / "reference"
        else:
            reference = args.against
        failed = False
        for name in runs:
            docs, same, changed, problems = compare(reference / name, scratch / "current" / name, bool(args.ignore))
            note = f"; confidence changed on {changed} quotes" if args.ignore else ""
            verdict = "byte-identical" if not problems else "DIFFERENT"
            ignoring = " (confidence ignored)" if args.ignore else ""
            print(f"{name}: {same}/{docs} responses {verdict}{ignoring}{note}")
            for problem in problems:
                print(f"  {problem}")
            failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
