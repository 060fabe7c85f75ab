"""The knowledge base of known actors: who is a company, who is a person, who runs what.

spaCy's French model calls OpenAI "MISC" and xAI a person; the knowledge base is how chronique
knows better. It is data (``resources/kb/actors.jsonl``), extended by a user file named with the
``CHRONIQUE_KB`` environment variable or passed to :func:`load_knowledge_base` (same format; a
user record with an existing id replaces the shipped one). See ``docs/knowledge-base.md``.

Besides lookups by id, the base answers the questions recognition asks of it: who held a role
in an organisation at a date ("le patron de Twitter" in 2020), which actors share a surface form
(homonyms, which recognition must tell apart or leave unlinked), and which actors are related to
an actor (its organisations, people, products, parent), the context that tells homonyms apart.
It also knows who held a public office when (``resources/kb/offices.jsonl``: "le chancelier
allemand" in 2023), so that a title the article gives to nobody still finds its holder.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from chronique.data import load_jsonl
from chronique.errors import InputError

__all__ = [
    "ACTOR_TYPES",
    "ROLE_TITLES",
    "KnownActor",
    "KnownRole",
    "KnowledgeBase",
    "load_knowledge_base",
    "USER_KB_VARIABLE",
]

USER_KB_VARIABLE = "CHRONIQUE_KB"
ACTOR_TYPES = frozenset({"PERSON", "ORG", "PRODUCT"})
ROLE_TITLES = frozenset(
    {"founder", "ceo", "chair", "president", "executive", "board", "employee", "owner", "investor"}
)
GENDERS = frozenset({"m", "f"})
#: Kinds of organisation the knowledge base may record (see :attr:`KnownActor.kind`).
ORG_KINDS = frozenset({"institution", "press"})


@dataclass(frozen=True)
class KnownRole:
    """A person's position in an organisation, with the dates it held (ISO prefixes, open-ended).

    ``valid_from``/``valid_to`` may be a year ("2015") or a month ("2022-10"): a role is compared
    at the precision it is given, so "2023-06" ends a role in June 2023, "2023" at the end of 2023.
    """

    org: str
    title: str
    valid_from: str | None = None
    valid_to: str | None = None

    def holds_on(self, iso_date: str | None) -> bool:
        """Whether the role held at ``iso_date`` (any date when unknown)."""
        if iso_date is None:
            return True
        starts_ok = self.valid_from is None or iso_date[: len(self.valid_from)] >= self.valid_from
        ends_ok = self.valid_to is None or iso_date[: len(self.valid_to)] <= self.valid_to
        return starts_ok and ends_ok


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
    #: ISO 3166 code of the country an organisation is based in ("US", "SE"): "la firme suédoise"
    #: is never an American company (``None`` when not recorded; "EU" for European institutions).
    country: str | None = None
    #: What kind of organisation it is when trade nouns must not stand for it: "institution"
    #: (regulators, courts, governments, agencies) is never "la société" or "le géant"; "press"
    #: (news agencies and newspapers, which articles cite as their sources) is never "le club" or
    #: "le groupe", only a press noun ("l'agence", "le quotidien").
    kind: str | None = None

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Forms that name the actor wherever they appear (context aliases excluded)."""
        forms = (self.name, *self.aliases)
        return tuple(f for f in forms if f not in self.context_aliases)


@dataclass
class KnowledgeBase:
    """Known actors indexed by id, with lazily built indexes by form, role and relation.

    Add actors with :meth:`add` (or fill ``actors`` before the first query): the indexes are
    built once, on first use, so that a pipeline pays for them at load time, not per document.
    """

    actors: dict[str, KnownActor] = field(default_factory=dict)
    _roles_by_org: dict[str, list[tuple[KnownActor, KnownRole]]] | None = field(default=None, repr=False)
    _related: dict[str, frozenset[str]] | None = field(default=None, repr=False)
    _by_form: dict[str, tuple[str, ...]] | None = field(default=None, repr=False)
    #: office id → (holder id, tenure) in file order; the tenure's ``org`` is the office id
    offices: dict[str, list[tuple[str, KnownRole]]] = field(default_factory=dict)

    def office_holder(self, office: str, on: str | None) -> KnownActor | None:
        """The one person who held ``office`` at ``on``; ``None`` when the date is unknown, when
        nobody known held it, or in a month of hand-over (both held it at month precision)."""
        if on is None:
            return None
        held = {holder for holder, tenure in self.offices.get(office, []) if tenure.holds_on(on)}
        return self.get(next(iter(held))) if len(held) == 1 else None

    def add(self, actor: KnownActor) -> None:
        """Add or replace an actor (by id) and forget the indexes built so far."""
        self.actors[actor.id] = actor
        self._roles_by_org = self._related = self._by_form = None

    def get(self, actor_id: str | None) -> KnownActor | None:
        return self.actors.get(actor_id) if actor_id else None

    def holders(self, org_id: str, titles: tuple[str, ...], on: str | None = None) -> list[KnownActor]:
        """People known to hold one of ``titles`` in ``org_id`` (at date ``on`` when given)."""
        if self._roles_by_org is None:
            self._roles_by_org = defaultdict(list)
            for actor in self.actors.values():
                for role in actor.roles:
                    self._roles_by_org[role.org].append((actor, role))
        found: list[KnownActor] = []
        for actor, role in self._roles_by_org.get(org_id, []):
            if role.title in titles and role.holds_on(on) and actor not in found:
                found.append(actor)
        return found

    def actors_named(self, form: str) -> tuple[str, ...]:
        """Ids of the actors that ``form`` names (name, alias or context alias), in file order."""
        if self._by_form is None:
            index: dict[str, list[str]] = defaultdict(list)
            for actor in self.actors.values():
                for each in dict.fromkeys((actor.name, *actor.aliases, *actor.context_aliases)):
                    index[each].append(actor.id)
            self._by_form = {k: tuple(v) for k, v in index.items()}
        return self._by_form.get(form, ())

    def related(self, actor_id: str) -> frozenset[str]:
        """Actors whose mention makes ``actor_id`` likely: its organisations, people, products,
        maker, parent and subsidiaries (the actor itself excluded)."""
        if self._related is None:
            links: dict[str, set[str]] = defaultdict(set)
            for actor in self.actors.values():
                others = {r.org for r in actor.roles} | {actor.maker, actor.parent}
                for other in others - {None, actor.id}:
                    assert other is not None  # None was just taken out
                    links[actor.id].add(other)
                    links[other].add(actor.id)
            self._related = {k: frozenset(v) for k, v in links.items()}
        return self._related.get(actor_id, frozenset())


def _check(condition: bool, origin: str, problem: str, record: dict) -> None:
    if not condition:
        raise InputError(f"{origin}: knowledge-base record {record.get('id', '?')!r}: {problem}")


def _role_from_record(item: dict, origin: str, record: dict) -> KnownRole:
    _check(isinstance(item, dict) and "org" in item and "title" in item, origin,
           "each role needs an org and a title", record)
    _check(item["title"] in ROLE_TITLES, origin,
           f"unknown role title {item['title']!r} (one of {', '.join(sorted(ROLE_TITLES))})", record)
    return KnownRole(item["org"], item["title"], item.get("from"), item.get("to"))


def _actor_from_record(record: dict, origin: str) -> KnownActor:
    _check(isinstance(record, dict), origin, "a record must be a JSON object", {"id": repr(record)})
    for key in ("id", "name", "type"):
        _check(isinstance(record.get(key), str) and bool(record.get(key)), origin, f"lacks {key!r}", record)
    _check(record["type"] in ACTOR_TYPES, origin,
           f"unknown type {record['type']!r} (one of {', '.join(sorted(ACTOR_TYPES))})", record)
    for key in ("aliases", "context_aliases", "roles"):
        _check(isinstance(record.get(key, []), list), origin, f"{key!r} must be a list", record)
    _check(record.get("gender") in GENDERS | {None}, origin, "gender must be 'm' or 'f'", record)
    _check(record.get("kind") in ORG_KINDS | {None}, origin,
           f"kind must be one of {', '.join(sorted(ORG_KINDS))}", record)
    country = record.get("country")
    _check(country is None or (isinstance(country, str) and len(country) == 2 and country.isupper()), origin,
           "country must be a two-letter ISO 3166 code such as 'FR'", record)
    roles = tuple(_role_from_record(item, origin, record) for item in record.get("roles", []))
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
        country=record.get("country"),
        kind=record.get("kind"),
    )


def _read_user_records(path: Path) -> list[tuple[int, dict]]:
    try:
        text = path.read_text("utf-8")
    except OSError as error:
        raise InputError(f"{path}: cannot read the knowledge-base file: {error.strerror}") from error
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            records.append((number, json.loads(line)))
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: broken JSON in knowledge base: {error.msg}") from error
    return records


def _add_offices(kb: KnowledgeBase, records: tuple[dict, ...], origin: str) -> None:
    """Office tenures into ``kb.offices``; a holder the base lacks becomes a PERSON actor."""
    for record in records:
        _check(isinstance(record.get("id"), str) and isinstance(record.get("holders"), list), origin,
               "an office needs an id and a list of holders", record)
        for holder in record["holders"]:
            _check(isinstance(holder, dict) and bool(holder.get("id")) and bool(holder.get("from")), origin,
                   "each holder needs an id and a from date", record)
            if holder["id"] not in kb.actors:
                _check(holder.get("gender") in GENDERS, origin, "a new holder needs a gender 'm' or 'f'", record)
                kb.add(KnownActor(holder["id"], holder["name"], "PERSON", gender=holder["gender"]))
            tenure = KnownRole(record["id"], "office", holder["from"], holder.get("to"))
            kb.offices.setdefault(record["id"], []).append((holder["id"], tenure))


@lru_cache(maxsize=8)
def load_knowledge_base(user_file: str | None = None) -> KnowledgeBase:
    """The shipped knowledge base, extended by ``user_file`` or the ``CHRONIQUE_KB`` file."""
    kb = KnowledgeBase()
    for record in load_jsonl("kb/actors.jsonl"):
        kb.add(_actor_from_record(record, "resources/kb/actors.jsonl"))
    _add_offices(kb, load_jsonl("kb/offices.jsonl"), "resources/kb/offices.jsonl")
    extra = user_file or os.environ.get(USER_KB_VARIABLE)
    if extra:
        for number, record in _read_user_records(Path(extra)):
            kb.add(_actor_from_record(record, f"{extra}:{number}"))
    return kb
