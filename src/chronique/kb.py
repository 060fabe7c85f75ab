"""The knowledge base of known actors: who is a company, who is a person, who runs what.

spaCy's French model calls OpenAI "MISC" and xAI a person; the knowledge base is how chronique
knows better. It is data (``resources/kb/actors.jsonl``), extended by a user file named with the
``CHRONIQUE_KB`` environment variable or passed to :func:`load_knowledge_base` (same format; a
user record with an existing id replaces the shipped one). See ``docs/knowledge-base.md``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from chronique.data import load_jsonl
from chronique.errors import InputError

__all__ = ["KnownActor", "KnownRole", "KnowledgeBase", "load_knowledge_base", "USER_KB_VARIABLE"]

USER_KB_VARIABLE = "CHRONIQUE_KB"


@dataclass(frozen=True)
class KnownRole:
    """A person's position in an organisation, with the years it held (ISO values, open-ended)."""

    org: str
    title: str
    valid_from: str | None = None
    valid_to: str | None = None

    def holds_on(self, iso_date: str | None) -> bool:
        """Whether the role held at ``iso_date`` (any date when unknown)."""
        if iso_date is None:
            return True
        year = iso_date[:4]
        return (self.valid_from is None or self.valid_from[:4] <= year) and (
            self.valid_to is None or year <= self.valid_to[:4]
        )


@dataclass(frozen=True)
class KnownActor:
    """One record of the knowledge base."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    roles: tuple[KnownRole, ...] = ()
    maker: str | None = None
    parent: str | None = None
    gender: str | None = None  # "m" or "f" for people: lets "elle" skip men and "il" skip women

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Forms that name the actor wherever they appear (context aliases excluded)."""
        forms = (self.name, *self.aliases)
        return tuple(f for f in forms if f not in self.context_aliases)


@dataclass
class KnowledgeBase:
    """Known actors indexed by id, by surface form and by (organisation, title)."""

    actors: dict[str, KnownActor] = field(default_factory=dict)

    def get(self, actor_id: str) -> KnownActor | None:
        return self.actors.get(actor_id)

    def holders(self, org_id: str, titles: tuple[str, ...], on: str | None = None) -> list[KnownActor]:
        """People known to hold one of ``titles`` in ``org_id`` (at date ``on`` when given)."""
        found = []
        for actor in self.actors.values():
            if any(r.org == org_id and r.title in titles and r.holds_on(on) for r in actor.roles):
                found.append(actor)
        return found


def _actor_from_record(record: dict, origin: str) -> KnownActor:
    try:
        roles = tuple(
            KnownRole(r["org"], r["title"], r.get("from"), r.get("to")) for r in record.get("roles", [])
        )
        return KnownActor(
            id=record["id"],
            name=record["name"],
            type=record["type"],
            aliases=tuple(record.get("aliases", [])),
            context_aliases=tuple(record.get("context_aliases", [])),
            wikidata=record.get("wikidata"),
            roles=roles,
            maker=record.get("maker"),
            parent=record.get("parent"),
            gender=record.get("gender"),
        )
    except (KeyError, TypeError) as error:
        raise InputError(f"{origin}: knowledge-base record lacks {error}: {record!r}") from error


def _read_user_records(path: Path) -> list[dict]:
    records = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: broken JSON in knowledge base: {error.msg}") from error
    return records


@lru_cache(maxsize=8)
def load_knowledge_base(user_file: str | None = None) -> KnowledgeBase:
    """The shipped knowledge base, extended by ``user_file`` or the ``CHRONIQUE_KB`` file."""
    kb = KnowledgeBase()
    for record in load_jsonl("kb/actors.jsonl"):
        actor = _actor_from_record(record, "resources/kb/actors.jsonl")
        kb.actors[actor.id] = actor
    extra = user_file or os.environ.get(USER_KB_VARIABLE)
    if extra:
        for record in _read_user_records(Path(extra)):
            actor = _actor_from_record(record, extra)
            kb.actors[actor.id] = actor
    return kb
