"""Cross-document identity of entities: which global entity does a document's local entity denote?

Each document names its actors with its own keys (``model.Entity.key``). To build one graph from
many articles, the store maps every local entity to a *global* entity id with the rules below,
applied in order. They are deliberately simple and predictable; a later issue deepens them
(homonyms, merging and splitting entities).

1. **Knowledge-base id.** An entity with a ``kb_id`` is the global entity whose id *is* that
   ``kb_id`` ("Q317521"): the id is stable across runs, corpora and databases.
2. **Same name.** Otherwise an existing entity of the same type whose normalised name equals the
   local entity's normalised name (see :func:`normalise_name`).
3. **Known alias.** Otherwise an existing entity of the same type that has the local entity's
   normalised name among its aliases ("Musk" after "Elon Musk" was seen with alias "Musk").
4. **New entity.** Otherwise a new entity whose id is derived from type and normalised name
   (:func:`new_entity_id`), so that the same input always gives the same ids.

When rules 2 or 3 find several candidates, entities known to the knowledge base come first,
then the smallest id, so that the choice never depends on storage order. Known limitation: an
entity stored *without* a kb_id stays apart from the kb entity that arrives later under the same
name (merging them is the later issue's work).

The module is pure: it reads known entities through the small :class:`EntityCatalog` protocol
(the store implements it over SQL, :class:`MemoryCatalog` in memory) and writes nothing.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from chronique.model import Entity

__all__ = [
    "normalise_name",
    "new_entity_id",
    "KnownEntity",
    "Resolution",
    "EntityCatalog",
    "MemoryCatalog",
    "resolve_entity",
]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
#: Leading words dropped before comparing names; the same list the scorer uses.
_DETERMINERS = ("l'", "le ", "la ", "les ", "the ")


def normalise_name(name: str) -> str:
    """The comparison form of a name: NFC, casefolded, apostrophes unified, spaces collapsed,
    one leading determiner dropped ("L’Élysée" → "élysée"). Accents are kept, as in the scorer.
    """
    text = unicodedata.normalize("NFC", name).translate(_APOSTROPHES)
    text = unicodedata.normalize("NFC", text.casefold())
    text = " ".join(text.split())
    for determiner in _DETERMINERS:
        if text.startswith(determiner) and len(text) > len(determiner):
            return text[len(determiner):].lstrip()
    return text


def new_entity_id(entity_type: str, name: str) -> str:
    """A deterministic id for an entity unknown to the knowledge base: ``ent_`` + 12 hex digits."""
    digest = hashlib.sha1(f"{entity_type}\x1f{normalise_name(name)}".encode("utf-8")).hexdigest()
    return "ent_" + digest[:12]


@dataclass(frozen=True)
class KnownEntity:
    """A global entity as the resolver needs to see it."""

    id: str
    name: str
    type: str
    kb_id: str | None = None


@dataclass(frozen=True)
class Resolution:
    """The global entity a local entity maps to, and the surface forms to record as its aliases.

    ``is_new`` says the caller must create the entity (with ``name``, ``type``, ``kb_id``);
    ``aliases`` are the local name and aliases that differ from the global name.
    """

    entity_id: str
    name: str
    type: str
    kb_id: str | None
    is_new: bool
    aliases: tuple[str, ...]


class EntityCatalog(Protocol):
    """Read access to the global entities already known (stored or created earlier in a batch)."""

    def by_id(self, entity_id: str) -> KnownEntity | None: ...

    def by_name(self, entity_type: str, normalised: str) -> Sequence[KnownEntity]: ...

    def by_alias(self, entity_type: str, normalised: str) -> Sequence[KnownEntity]: ...


class MemoryCatalog:
    """An in-memory :class:`EntityCatalog`; :meth:`record` adds what :func:`resolve_entity` decided."""

    def __init__(self, known: Iterable[KnownEntity] = ()) -> None:
        self._by_id: dict[str, KnownEntity] = {}
        self._names: dict[tuple[str, str], set[str]] = {}
        self._aliases: dict[tuple[str, str], set[str]] = {}
        for entity in known:
            self._add(entity)

    def _add(self, entity: KnownEntity) -> None:
        self._by_id.setdefault(entity.id, entity)
        self._names.setdefault((entity.type, normalise_name(entity.name)), set()).add(entity.id)

    def record(self, resolution: Resolution) -> None:
        """Remember a resolution: a new entity and the aliases it accumulates."""
        self._add(KnownEntity(resolution.entity_id, resolution.name, resolution.type, resolution.kb_id))
        entity_type = self._by_id[resolution.entity_id].type
        for alias in resolution.aliases:
            self._aliases.setdefault((entity_type, normalise_name(alias)), set()).add(resolution.entity_id)

    def by_id(self, entity_id: str) -> KnownEntity | None:
        return self._by_id.get(entity_id)

    def by_name(self, entity_type: str, normalised: str) -> Sequence[KnownEntity]:
        return [self._by_id[i] for i in sorted(self._names.get((entity_type, normalised), ()))]

    def by_alias(self, entity_type: str, normalised: str) -> Sequence[KnownEntity]:
        return [self._by_id[i] for i in sorted(self._aliases.get((entity_type, normalised), ()))]


def _preferred(candidates: Sequence[KnownEntity]) -> KnownEntity | None:
    """Knowledge-base entities first, then the smallest id: a choice independent of storage order."""
    return min(candidates, key=lambda e: (e.kb_id is None, e.id), default=None)


def _match(entity: Entity, catalog: EntityCatalog) -> KnownEntity | None:
    """Rules 1 to 3: the existing global entity this local entity denotes, if any."""
    if entity.kb_id:
        return catalog.by_id(entity.kb_id)
    normalised = normalise_name(entity.name)
    return _preferred(catalog.by_name(entity.type, normalised)) or _preferred(
        catalog.by_alias(entity.type, normalised)
    )


def _surface_forms(entity: Entity, global_name: str) -> tuple[str, ...]:
    """The local name and aliases worth recording as aliases of the global entity, in order."""
    forms: list[str] = []
    for form in (entity.name, *entity.aliases):
        form = " ".join(form.split())
        if form and form != global_name and form not in forms:
            forms.append(form)
    return tuple(forms)


def resolve_entity(entity: Entity, catalog: EntityCatalog) -> Resolution:
    """Map a document's local entity to a global entity (rules in the module docstring)."""
    existing = _match(entity, catalog)
    if existing is None:
        entity_id = entity.kb_id or new_entity_id(entity.type, entity.name)
        existing = catalog.by_id(entity_id)  # same id reached by another route: reuse it
    if existing is not None:
        return Resolution(
            existing.id, existing.name, existing.type, existing.kb_id, False,
            _surface_forms(entity, existing.name),
        )
    name = " ".join(entity.name.split())
    return Resolution(entity_id, name, entity.type, entity.kb_id, True, _surface_forms(entity, name))
