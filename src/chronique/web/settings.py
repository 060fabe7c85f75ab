"""What a running ``chronique serve`` needs to know: its database, its ingest token, its limits.

Kept in one frozen record so that the app factory, the tests and the CLI build the same server
from the same values, and so that nothing reads the environment behind the caller's back: the
CLI reads ``--token-file`` or ``CHRONIQUE_TOKEN`` once, here, and hands the token over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from chronique.errors import ChroniqueError

__all__ = [
    "WebSettings", "TOKEN_ENV", "MIN_TOKEN_LENGTH", "MAX_BODY_BYTES", "default_assets_dir", "read_token",
]

#: The environment variable that may hold the ingest token (``--token-file`` wins over it).
TOKEN_ENV = "CHRONIQUE_TOKEN"
#: A shorter token is refused: a guessable secret is no protection for a write endpoint.
MIN_TOKEN_LENGTH = 16
#: The largest request body accepted (the ingest endpoint's JSON record), in bytes.
MAX_BODY_BYTES = 2_000_000


def default_assets_dir() -> Path:
    """``web/node_modules`` of the source checkout this package runs from (an editable install).

    The front-end libraries are installed there by ``npm ci`` (``make web``); an installed wheel
    has no such folder and is given one with ``--assets``.
    """
    return Path(__file__).resolve().parents[3] / "web" / "node_modules"


@dataclass(frozen=True)
class WebSettings:
    """The server's configuration. ``token`` ``None`` turns the ingest endpoint off."""

    db_path: Path
    token: str | None = None
    assets_dir: Path | None = None
    max_body_bytes: int = MAX_BODY_BYTES

    @property
    def ingest_enabled(self) -> bool:
        return self.token is not None

    @property
    def vendor_dir(self) -> Path:
        return self.assets_dir if self.assets_dir is not None else default_assets_dir()


def read_token(token_file: Path | None, environ: dict[str, str] | None = None) -> str | None:
    """The ingest token from ``token_file`` (first line, stripped), else from ``CHRONIQUE_TOKEN``.

    ``None`` when neither is given: ingest stays off. Raises ``ChroniqueError`` naming the source
    when the file cannot be read or the token is too short to be a secret.
    """
    environ = os.environ if environ is None else environ
    if token_file is not None:
        try:
            lines = token_file.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise ChroniqueError(f"cannot read the token file {str(token_file)!r}: {error}") from error
        token, source = (lines[0].strip() if lines else ""), f"the token file {str(token_file)!r}"
    elif environ.get(TOKEN_ENV):
        token, source = environ[TOKEN_ENV].strip(), TOKEN_ENV
    else:
        return None
    if len(token) < MIN_TOKEN_LENGTH:
        raise ChroniqueError(
            f"{source} holds a token of {len(token)} characters; use at least {MIN_TOKEN_LENGTH}"
            " (for example: python -c 'import secrets; print(secrets.token_urlsafe(32))')"
        )
    return token
