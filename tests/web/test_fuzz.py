"""Property-based fuzzing from ``openapi.yaml`` (schemathesis): no 5xx, no response off the spec.

Both valid requests (which must succeed) and invalid ones (which must be refused
with a documented 4xx) are generated; the number of examples is bounded so the
suite stays fast, and generation is deterministic so a failure reproduces.
``FUZZ_EXAMPLES=1000 FUZZ_RANDOM=1`` runs a deeper, randomised search.
"""

from __future__ import annotations

import os
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

MAX_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
RANDOM = bool(os.environ.get("FUZZ_RANDOM"))

schema = schemathesis.openapi.from_path(Path(__file__).resolve().parents[2] / "openapi.yaml")
schema.config.generation.update(max_examples=MAX_EXAMPLES, deterministic=not RANDOM, no_shrink=RANDOM)


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_contract(case, app):
    case.call_and_validate(app=app)
