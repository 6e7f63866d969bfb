"""Quality gate on the shared gold data (skips when ../shared is absent).

Bars from issue 2: seed article quotes F1 ≥ 0.95 and attribution F1 ≥ 0.90;
PolNeAR dev quotes F1 ≥ 0.65 and attribution F1 ≥ 0.55.
"""

from __future__ import annotations

import pytest

from bench.evaluate import evaluate
from bench.gold import POLNEAR_DEV, SEED_GOLD

BARS = [(SEED_GOLD, 0.95, 0.90), (POLNEAR_DEV, 0.65, 0.55)]


@pytest.mark.parametrize("path, min_quotes, min_attribution", BARS, ids=["seed", "polnear-dev"])
def test_quality_does_not_regress(extractor, path, min_quotes, min_attribution):
    if not path.exists():
        pytest.skip(f"{path} is not present")
    scores, errors, _ = evaluate(extractor, path)
    assert scores["quotes"]["f1"] >= min_quotes, errors[:20]
    assert scores["attribution"]["f1"] >= min_attribution, errors[:20]


def test_seed_channels_and_hedges(extractor):
    if not SEED_GOLD.exists():
        pytest.skip(f"{SEED_GOLD} is not present")
    scores, _, _ = evaluate(extractor, SEED_GOLD)
    assert scores["channel"]["f1"] >= 0.85
    assert scores["hedges"]["f1"] >= 0.80
