"""Fixtures shared by every test package."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.engine import Extractor
from service.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared"  # ../shared beside the clone, when present


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The real pinned pipeline, loaded once for the whole session."""
    settings = Settings()
    return Extractor.load(settings.spacy_model, settings.batch_size, settings.models_dir)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (gold data, eval sets); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
