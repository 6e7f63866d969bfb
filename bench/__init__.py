"""Evaluation and benchmark commands (``python -m bench.<name>``)."""
