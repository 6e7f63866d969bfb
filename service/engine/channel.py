"""Channel detection (to be filled in)."""

from spacy.tokens import Doc


def assign_channels(doc: Doc, attributions: list) -> None:
    return None
