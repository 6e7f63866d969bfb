"""Quality gate on the shared gold data (skips when ../shared is absent).

Bars from issue 2 (seed article quotes F1 ≥ 0.95, attribution F1 ≥ 0.90) and,
for PolNeAR dev, the floor reached by issue 14, a little under the measured
figures (`python -m bench.evaluate`: quotes P 0.901, F1 0.689, attribution F1
0.656; speech scope quotes F1 0.822, attribution F1 0.791).
"""

from __future__ import annotations

import pytest

from bench.evaluate import evaluate
from bench.gold import POLNEAR_DEV, SEED_GOLD

# (gold, quotes F1, attribution F1, speech-scope bars: quotes F1, attribution F1 and quotes precision)
BARS = [(SEED_GOLD, 0.95, 0.90, None), (POLNEAR_DEV, 0.68, 0.64, (0.81, 0.78, 0.89))]


@pytest.mark.parametrize("path, min_quotes, min_attribution, speech_bars", BARS, ids=["seed", "polnear-dev"])
def test_quality_does_not_regress(extractor, path, min_quotes, min_attribution, speech_bars):
    if not path.exists():
        pytest.skip(f"{path} is not present")
    scores, errors, _ = evaluate(extractor, path)
    assert scores["quotes"]["f1"] >= min_quotes, errors[:20]
    assert scores["attribution"]["f1"] >= min_attribution, errors[:20]
    if speech_bars is not None:  # what people said, wrote and found
        speech_quotes, speech_attribution, precision = speech_bars
        assert scores["speech"]["quotes"]["f1"] >= speech_quotes, errors[:20]
        assert scores["speech"]["attribution"]["f1"] >= speech_attribution, errors[:20]
        assert scores["quotes"]["p"] >= precision, errors[:20]


def test_seed_channels_and_hedges(extractor):
    if not SEED_GOLD.exists():
        pytest.skip(f"{SEED_GOLD} is not present")
    scores, _, _ = evaluate(extractor, SEED_GOLD)
    assert scores["channel"]["f1"] >= 0.85
    assert scores["hedges"]["f1"] >= 0.80
