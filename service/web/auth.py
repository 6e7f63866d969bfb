"""Optional API keys for ``/v1``: ``Authorization: Bearer <key>``.

With ``QUOTES_API_KEYS`` unset the API is open. When set, every ``/v1``
request must present one of the keys; health, metrics and docs stay open so
probes and scrapers need no secret. The token is compared with every key in
constant time, so neither a match nor its position leaks through timing.
"""

from __future__ import annotations

import hmac

from flask import Blueprint, current_app, request

from .errors import Unauthorized

CHALLENGE = 'Bearer realm="quotes"'


def _authorized(header: str, keys: tuple[str, ...]) -> bool:
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return False
    presented = token.strip().encode()
    matched = False
    for key in keys:  # no early exit: every key is compared every time
        matched |= hmac.compare_digest(presented, key.encode())
    return matched


def require_key() -> None:
    keys = current_app.config["QUOTES_SETTINGS"].api_keys
    if not keys:
        return
    header = request.headers.get("Authorization", "")
    if not _authorized(header, keys):
        challenge = CHALLENGE + (', error="invalid_token"' if header else "")
        raise Unauthorized(
            "The API key is missing or not valid." if header else None,
            headers={"WWW-Authenticate": challenge},
        )


def protect(bp: Blueprint) -> None:
    """Require a key for every route of ``bp`` (when keys are configured)."""
    bp.before_request(require_key)
