"""Quote attribution service: quotations, speakers, channels and hedges in news text."""

__version__ = "0.1.0"
