"""Hedge detection (to be filled in)."""

from spacy.tokens import Doc


def assign_hedges(doc: Doc, attributions: list) -> None:
    return None
