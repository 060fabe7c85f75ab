"""chronique's errors as HTTP statuses: one table, used by the one handler in ``app``.

A status is looked up along the error's class hierarchy, nearest class first, so a new subclass
answers like its parent until it is given a row of its own; ``tests/test_web_errors.py`` walks
the whole tree of :class:`chronique.errors.ChroniqueError` and checks every class against the
rule: what the user can fix is a 4xx, a database the server cannot use is a 503 (the service
is unavailable, not the request wrong), a server started with unusable settings is a 500.

A 5xx answer does not repeat the error's message (it names server paths); the server logs it.
"""

from __future__ import annotations

from collections.abc import Mapping

from chronique.errors import (
    ChroniqueError,
    ConfigurationError,
    EntityError,
    InputError,
    NotFoundError,
    StoreError,
    UnsupportedLanguageError,
    UsageError,
)

__all__ = ["HTTP_STATUS", "http_status", "public_detail"]

HTTP_STATUS: Mapping[type[ChroniqueError], int] = {
    ChroniqueError: 500,           # an error not classified yet: the server's fault until it is
    InputError: 422,               # the article sent cannot be read (ingest answers these itself)
    UnsupportedLanguageError: 422,
    UsageError: 422,               # a period, option or count the request cannot have
    EntityError: 409,              # a merge or split that conflicts with what the store holds
    NotFoundError: 404,            # an actor or document the store does not hold
    ConfigurationError: 500,
    StoreError: 503,               # the database is missing, locked, broken or from a newer version
}


def http_status(error: ChroniqueError | type[ChroniqueError]) -> int:
    """The status for ``error`` (an instance or a class): the row of its nearest class."""
    kind = error if isinstance(error, type) else type(error)
    for cls in kind.__mro__:
        if cls in HTTP_STATUS:
            return HTTP_STATUS[cls]
    raise TypeError(f"{kind.__name__} is not a ChroniqueError")


def public_detail(error: ChroniqueError) -> str:
    """What the client reads: the message for its own mistakes, a sentence without server detail
    (paths, schema names) for the server's."""
    status = http_status(error)
    if status < 500:
        return str(error)
    if status == 503:
        return "the database is unavailable; the server log says why"
    return "the server cannot answer this request; the server log says why"
