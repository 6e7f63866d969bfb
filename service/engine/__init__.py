"""Quote extraction engine: framework-free, plain dicts out."""

from .extractor import Extractor

__all__ = ["Extractor"]
