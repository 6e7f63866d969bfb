"""The HTTP service: a Flask app around the engine (see :func:`create_app`)."""

from .app import create_app

__all__ = ["create_app"]
