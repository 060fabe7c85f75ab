"""Where a store lives: a SQLite file's path or a PostgreSQL URL given as ``--db``.

The commands treat both as a ``Path`` (they ask whether it exists, resolve it, print it); a URL
keeps its password out of everything printed.
"""

from __future__ import annotations

from pathlib import Path, PosixPath
from urllib.parse import urlsplit

__all__ = ["is_postgres_url", "DatabaseUrl", "database_location", "display_location"]

_URL_SCHEMES = ("postgresql://", "postgres://")

def is_postgres_url(location: object) -> bool:
    """Whether a ``--db`` value names a PostgreSQL database rather than a SQLite file."""
    return isinstance(location, str) and location.startswith(_URL_SCHEMES)


class DatabaseUrl(PosixPath):
    """A ``postgresql://`` URL given as ``--db``: a ``Path`` to the commands (which ask whether it
    ``exists()``, ``resolve()`` it and print it), its URL whole to ``os.fspath`` and ``Store``."""

    _url: str

    def __new__(cls, url: str) -> DatabaseUrl:
        self = super().__new__(cls, url)
        self._url = url
        return self

    def exists(self, *, follow_symlinks: bool = True) -> bool:
        """A server database is there to be connected to (opening it says otherwise)."""
        return True

    def resolve(self, strict: bool = False) -> DatabaseUrl:
        return self

    def absolute(self) -> DatabaseUrl:
        return self

    @property
    def name(self) -> str:
        return urlsplit(self._url).path.lstrip("/") or "postgres"

    def __str__(self) -> str:
        """As printed: without the password (``os.fspath`` gives the URL whole)."""
        return display_location(self._url)

    def __fspath__(self) -> str:
        return self._url

    def __repr__(self) -> str:
        return f"DatabaseUrl({display_location(self._url)!r})"


def database_location(value: str | Path) -> Path:
    """A ``--db`` value: a ``DatabaseUrl`` for a ``postgresql://`` URL, else the file's path."""
    if isinstance(value, Path):
        return value
    return DatabaseUrl(value) if is_postgres_url(value) else Path(value)


def display_location(location: str) -> str:
    """The location as shown to a user: a URL without its password."""
    if not is_postgres_url(location):
        return location
    parts = urlsplit(location)
    if parts.password is None:
        return location
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()
