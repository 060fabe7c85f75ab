"""The analysis layer's own error: an actor the user named is not in the store.

It subclasses :class:`chronique.errors.ChroniqueError`, so the command line prints it as one line
with exit status 2, and the HTTP layer can answer 404 for it.
"""

from __future__ import annotations

from chronique.errors import ChroniqueError

__all__ = ["UnknownActor"]


class UnknownActor(ChroniqueError):
    """No entity has this id, knowledge-base id, name or alias."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no actor named {name!r} in the store; see 'chronique entities' for the actors it knows")
        self.name = name
