"""What a running ``chronique serve`` needs to know: its database, its ingest token, its limits,
the host names it answers to.

Kept in one frozen record so that the app factory, the tests and the CLI build the same server
from the same values, and so that nothing reads the environment behind the caller's back: the
CLI reads ``--token-file`` or ``CHRONIQUE_TOKEN`` once, here, and hands the token over.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from chronique.errors import ConfigurationError

__all__ = [
    "WebSettings", "TOKEN_ENV", "MIN_TOKEN_LENGTH", "MAX_BODY_BYTES", "default_assets_dir", "read_token",
    "ALLOWED_HOSTS_ENV", "LOCAL_HOSTS", "allowed_hosts",
]

#: The environment variable that may hold the ingest token (``--token-file`` wins over it).
TOKEN_ENV = "CHRONIQUE_TOKEN"
#: A shorter token is refused: a guessable secret is no protection for a write endpoint.
MIN_TOKEN_LENGTH = 16
#: The largest request body accepted (the ingest endpoint's JSON record), in bytes.
MAX_BODY_BYTES = 2_000_000
#: The environment variable that may add host names the server answers to (comma-separated).
ALLOWED_HOSTS_ENV = "CHRONIQUE_ALLOWED_HOSTS"
#: The names of this machine a browser uses for a server on the loopback interface.
LOCAL_HOSTS: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")
#: Addresses that mean "every interface": not a name any client sends in ``Host``.
_WILDCARD_ADDRESSES = frozenset({"0.0.0.0", "::", ""})


def default_assets_dir() -> Path:
    """``web/node_modules`` of the source checkout this package runs from (an editable install).

    The front-end libraries are installed there by ``npm ci`` (``make web``); an installed wheel
    has no such folder and is given one with ``--assets``.
    """
    return Path(__file__).resolve().parents[3] / "web" / "node_modules"


@dataclass(frozen=True)
class WebSettings:
    """The server's configuration. ``token`` ``None`` turns the ingest endpoint off.

    ``allowed_hosts``: the only values of the ``Host`` header served (port aside, any case); a
    request naming another host gets 400, so that a page on another site whose name was made to
    resolve to this machine (DNS rebinding) cannot read the API. ``"*"`` serves every host.
    """

    db_path: Path
    token: str | None = None
    assets_dir: Path | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS

    @property
    def ingest_enabled(self) -> bool:
        return self.token is not None

    @property
    def vendor_dir(self) -> Path:
        return self.assets_dir if self.assets_dir is not None else default_assets_dir()


def read_token(token_file: Path | None, environ: Mapping[str, str] | None = None) -> str | None:
    """The ingest token from ``token_file`` (first line, stripped), else from ``CHRONIQUE_TOKEN``.

    ``None`` when neither is given: ingest stays off. Raises ``ConfigurationError`` naming the source
    when the file cannot be read or the token is too short to be a secret.
    """
    variables: Mapping[str, str] = os.environ if environ is None else environ
    if token_file is not None:
        try:
            lines = token_file.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigurationError(f"cannot read the token file {str(token_file)!r}: {error}") from error
        token, source = (lines[0].strip() if lines else ""), f"the token file {str(token_file)!r}"
    elif variables.get(TOKEN_ENV):
        token, source = variables[TOKEN_ENV].strip(), TOKEN_ENV
    else:
        return None
    if len(token) < MIN_TOKEN_LENGTH:
        raise ConfigurationError(
            f"{source} holds a token of {len(token)} characters; use at least {MIN_TOKEN_LENGTH}"
            " (for example: python -c 'import secrets; print(secrets.token_urlsafe(32))')"
        )
    return token


def allowed_hosts(
    bind_host: str, extra: list[str] | tuple[str, ...] = (), environ: dict[str, str] | None = None
) -> tuple[str, ...]:
    """The host names a server listening on ``bind_host`` answers to: this machine's loopback
    names, ``bind_host`` itself (unless it is a wildcard such as ``0.0.0.0``), the names given
    with ``--allow-host`` (``extra``) and those listed in ``CHRONIQUE_ALLOWED_HOSTS``."""
    env: Mapping[str, str] = os.environ if environ is None else environ
    names = [*LOCAL_HOSTS, bind_host.strip("[]"), *extra, *env.get(ALLOWED_HOSTS_ENV, "").split(",")]
    hosts: list[str] = []
    for name in names:
        name = name.strip().lower()
        if name not in _WILDCARD_ADDRESSES and name not in hosts:
            hosts.append(name)
    return tuple(hosts)
