"""Cross-document identity of entities: which global entity does a document's local entity denote?

Each document names its actors with its own keys (``model.Entity.key``). To build one graph from
many articles, the store maps every local entity to a *global* entity id. The rules are simple
and explainable on purpose (``docs/entities.md`` tells them with examples):

Names are compared by their **identity key** (:func:`identity_key`): the normalised name without
the decorations listed in ``resources/identity/names.toml`` (honorifics before a person's name,
"Mme Vasseur" → "vasseur"; legal forms after an organisation's, "Nexaria SAS" → "nexaria").

1. **Knowledge-base id.** An entity with a ``kb_id`` is the global entity holding that kb id
   (its id *is* the kb id unless a user merged it into another entity). Never questioned.
2. **Pinned name.** A name a user split off (``chronique entities split --alias``) goes to the
   entity it was split to.
3. **Candidates.** Otherwise the stored entities of the same type whose name or alias has the
   same key, and, for a person named by one word ("Vasseur"), the people whose surname it is.
4. **Context.** A candidate without kb id is ruled out when its context *contradicts* the local
   one (:func:`contradicts`): both are tied by relations (roles, maker, parent) to other actors
   and share none of them, or, for people, both are named beside other actors and share none.
   Among the rest: knowledge-base entities first, then the one sharing most context, then a
   match by name before one by alias before one by surname. When two entities without kb id
   remain equal, the name is ambiguous: it joins the one of them that has no context at all if
   there is exactly one, otherwise it becomes an entity of its own.
5. **New entity.** Otherwise a new entity whose id is derived from type and key
   (:func:`new_entity_id`), so the same input gives the same ids; a homonym kept apart from an
   entity that already holds that id gets the id qualified by the document that introduced it.

A new full name absorbs an earlier entity named only by its surname ("Vasseur" stored first,
"Claire Vasseur" later), and a new knowledge-base entity absorbs an entity stored under its name
before the knowledge base knew it, so that ingest order does not change ids. Names improve the
same way: "Nexaria" is preferred to "Nexaria SAS", "Claire Vasseur" to "Vasseur".

The module is pure: it reads what is known through the :class:`EntityCatalog` protocol (the
store implements it over SQL, :class:`MemoryCatalog` in memory) and writes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from chronique.data import load_toml
from chronique.model import Entity, Relation
from chronique.text import fold_key

__all__ = [
    "normalise_name",
    "identity_key",
    "surname_key",
    "new_entity_id",
    "preferred_name",
    "KnownEntity",
    "Context",
    "ELSEWHERE",
    "restrict_context",
    "contradicts",
    "Resolution",
    "EntityCatalog",
    "MemoryCatalog",
    "local_contexts",
    "resolve_entity",
]

#: Leading words dropped before comparing names; the same list the scorer uses.
_DETERMINERS = tuple(load_toml("identity/names.toml")["leading_determiners"])
#: How a candidate was found, strongest first (rule 3).
_BY_NAME, _BY_ALIAS, _BY_SURNAME = 0, 1, 2


def normalise_name(name: str) -> str:
    """The comparison form of a name: NFC, casefolded, apostrophes unified, spaces collapsed,
    one leading determiner dropped ("L’Élysée" → "élysée"). Accents are kept, as in the scorer.
    """
    text = " ".join(fold_key(name).split())
    for determiner in _DETERMINERS:
        if text.startswith(determiner) and len(text) > len(determiner):
            return text[len(determiner):].lstrip()
    return text


@lru_cache(maxsize=1)
def _decorations() -> tuple[frozenset[str], frozenset[str]]:
    data = load_toml("identity/names.toml")
    return frozenset(data["honorifics"]), frozenset(data["legal_forms"])


def identity_key(name: str, entity_type: str) -> str:
    """The form two names must share to name the same actor: the normalised name without a
    person's leading honorifics or an organisation's trailing legal forms. A name made only of
    such words is kept whole ("Madame" stays "madame")."""
    words = normalise_name(name).split()
    honorifics, legal_forms = _decorations()
    if entity_type == "PERSON":
        while len(words) > 1 and words[0] in honorifics:
            words = words[1:]
    elif entity_type == "ORG":
        while len(words) > 1 and words[-1] in legal_forms:
            words = words[:-1]
            words[-1] = words[-1].rstrip(",")
    return " ".join(words)


def surname_key(key: str, entity_type: str) -> str | None:
    """The surname of a person's identity key of two words or more (its last word), else None."""
    words = key.split()
    return words[-1] if entity_type == "PERSON" and len(words) > 1 else None


def new_entity_id(entity_type: str, name: str, qualifier: str | None = None) -> str:
    """A deterministic id for an entity unknown to the knowledge base: ``ent_`` + 12 hex digits.

    ``qualifier`` (a document id) tells a homonym kept apart from the entity holding the plain id.
    """
    text = f"{entity_type}\x1f{identity_key(name, entity_type)}"
    if qualifier:
        text += f"\x1f{qualifier}"
    return "ent_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _name_rank(name: str, entity_type: str) -> tuple[bool, int]:
    """Lower is better: an undecorated name first, then (people) the name with most words."""
    key = identity_key(name, entity_type)
    words = len(key.split()) if entity_type == "PERSON" else 0
    return key != normalise_name(name), -words


def preferred_name(current: str, other: str, entity_type: str) -> str:
    """The better of two names of one actor; ``current`` unless ``other`` is strictly better
    ("Nexaria" over "Nexaria SAS", "Claire Vasseur" over "Vasseur" or "Mme Vasseur")."""
    other = " ".join(other.split())
    return other if _name_rank(other, entity_type) < _name_rank(current, entity_type) else current


@dataclass(frozen=True)
class KnownEntity:
    """A global entity as the resolver needs to see it."""

    id: str
    name: str
    type: str
    kb_id: str | None = None


@dataclass(frozen=True)
class Context:
    """What surrounds an actor, as global entity ids: the actors it is tied to by relations
    (``anchors``: the organisation of a role, a product's maker) and the other actors named in
    the same documents (``neighbours``)."""

    anchors: frozenset[str] = frozenset()
    neighbours: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.anchors and not self.neighbours

    def shared(self, other: Context) -> int:
        """How many anchors and neighbours the two contexts have in common."""
        return len(self.anchors & other.anchors) + len(self.neighbours & other.neighbours)

    def union(self, other: Context) -> Context:
        return Context(self.anchors | other.anchors, self.neighbours | other.neighbours)


#: Stands for "some other id" in a restricted context: never an entity id (ids have no NUL).
ELSEWHERE = "\x00elsewhere"


def restrict_context(near: Context, shared_anchors: Iterable[str], other_anchors: bool,
                     shared_neighbours: Iterable[str], other_neighbours: bool) -> Context:
    """A stored context cut down to what a comparison with ``near`` reads: the ids it shares
    with ``near``, plus :data:`ELSEWHERE` when it holds others. Emptiness, intersections with
    ``near`` and their sizes are those of the whole context, so :func:`contradicts`,
    :meth:`Context.shared` and :attr:`Context.empty` answer the same; a store reads this much
    instead of every neighbour of a much-named entity."""
    anchors = frozenset(shared_anchors) & near.anchors
    neighbours = frozenset(shared_neighbours) & near.neighbours
    return Context(anchors | ({ELSEWHERE} if other_anchors else set()),
                   neighbours | ({ELSEWHERE} if other_neighbours else set()))


def contradicts(entity_type: str, local: Context, stored: Context) -> bool:
    """Whether two same-named actors are told apart by their contexts (rule 4).

    Relations: both are tied to other actors and none is common ("directeur financier de
    Nexaria" / "président de Kelvia"). Neighbours, for people only: both are named beside other
    actors and none is common (the mayor among "Quimper", the CFO among "Nexaria", "Microsoft").
    Organisations and products are not told apart by neighbours: a distinctive company name
    named in unrelated stories is still the same company.
    """
    if local.anchors and stored.anchors and not local.anchors & stored.anchors:
        return True
    return (entity_type == "PERSON" and bool(local.neighbours) and bool(stored.neighbours)
            and not local.neighbours & stored.neighbours)


@dataclass(frozen=True)
class Resolution:
    """The global entity a local entity maps to, and what the store must write for it.

    ``is_new`` says the caller must create the entity (with ``name``, ``type``, ``kb_id``); for an
    existing entity ``name`` may be a better name than the stored one (the caller renames it).
    ``aliases`` are the surface forms to record (never the name). ``absorbs`` are ids of stored
    entities the caller must merge into this one (a surname-only entity, a name stored before
    the knowledge base knew it).
    """

    entity_id: str
    name: str
    type: str
    kb_id: str | None
    is_new: bool
    aliases: tuple[str, ...]
    absorbs: tuple[str, ...] = ()


class EntityCatalog(Protocol):
    """Read access to the global entities already known (stored or created earlier in a batch).

    Names are looked up by identity key (:func:`identity_key`)."""

    def by_id(self, entity_id: str) -> KnownEntity | None: ...

    def by_kb_id(self, kb_id: str) -> KnownEntity | None: ...

    def redirect(self, entity_id: str) -> str | None: ...

    def pinned(self, entity_type: str, key: str) -> str | None: ...

    def by_name(self, entity_type: str, key: str) -> Sequence[KnownEntity]: ...

    def by_alias(self, entity_type: str, key: str) -> Sequence[KnownEntity]: ...

    def by_surname(self, entity_type: str, surname: str) -> Sequence[KnownEntity]: ...

    def context(self, entity_id: str, near: Context | None = None) -> Context:
        """The stored context of an entity. With ``near`` (the local context it is compared
        with), a catalog may answer a *restricted* context (see :func:`restrict_context`) that
        every comparison of this module reads exactly as the whole one."""
        ...


class MemoryCatalog:
    """An in-memory :class:`EntityCatalog`; :meth:`record` adds what :func:`resolve_entity`
    decided, :meth:`pin` and :meth:`redirect_to` what a user's split and merge would."""

    def __init__(self, known: Iterable[KnownEntity] = (), contexts: Mapping[str, Context] | None = None) -> None:
        self._by_id: dict[str, KnownEntity] = {}
        self._names: dict[tuple[str, str], set[str]] = {}
        self._aliases: dict[tuple[str, str], set[str]] = {}
        self._contexts: dict[str, Context] = dict(contexts or {})
        self._pins: dict[tuple[str, str], str] = {}
        self._redirects: dict[str, str] = {}
        for entity in known:
            self._add(entity)

    def _add(self, entity: KnownEntity) -> None:
        previous = self._by_id.get(entity.id)
        if previous is not None:
            self._names.get((previous.type, identity_key(previous.name, previous.type)), set()).discard(entity.id)
        self._by_id[entity.id] = entity
        self._names.setdefault((entity.type, identity_key(entity.name, entity.type)), set()).add(entity.id)

    def _absorb(self, gone_id: str, kept_id: str) -> str:
        """Move an absorbed entity's aliases to the kept one; return the absorbed name."""
        gone = self._by_id.pop(gone_id)
        self._names.get((gone.type, identity_key(gone.name, gone.type)), set()).discard(gone_id)
        for ids in self._aliases.values():
            if gone_id in ids:
                ids.discard(gone_id)
                ids.add(kept_id)
        self._redirects[gone_id] = kept_id
        return gone.name

    def record(self, resolution: Resolution, context: Context = Context()) -> None:
        """Remember a resolution: a new entity or a new name, its aliases, what it absorbed."""
        previous = self._by_id.get(resolution.entity_id)
        self._add(KnownEntity(resolution.entity_id, resolution.name, resolution.type, resolution.kb_id))
        forms = list(resolution.aliases)
        if previous is not None and previous.name != resolution.name:
            forms.append(previous.name)
        for gone_id in resolution.absorbs:
            forms.append(self._absorb(gone_id, resolution.entity_id))
            context = context.union(self._contexts.pop(gone_id, Context()))
        for form in forms:
            self._aliases.setdefault((resolution.type, identity_key(form, resolution.type)), set()).add(
                resolution.entity_id)
        self._contexts[resolution.entity_id] = self.context(resolution.entity_id).union(context)

    def pin(self, entity_type: str, name: str, entity_id: str) -> None:
        self._pins[(entity_type, identity_key(name, entity_type))] = entity_id

    def redirect_to(self, old_id: str, new_id: str) -> None:
        self._redirects[old_id] = new_id

    def by_id(self, entity_id: str) -> KnownEntity | None:
        return self._by_id.get(entity_id)

    def by_kb_id(self, kb_id: str) -> KnownEntity | None:
        return next((e for e in self._by_id.values() if e.kb_id == kb_id), None)

    def redirect(self, entity_id: str) -> str | None:
        return self._redirects.get(entity_id)

    def pinned(self, entity_type: str, key: str) -> str | None:
        return self._pins.get((entity_type, key))

    def _sorted(self, ids: Iterable[str]) -> list[KnownEntity]:
        return [self._by_id[i] for i in sorted(ids) if i in self._by_id]

    def by_name(self, entity_type: str, key: str) -> Sequence[KnownEntity]:
        return self._sorted(self._names.get((entity_type, key), ()))

    def by_alias(self, entity_type: str, key: str) -> Sequence[KnownEntity]:
        return self._sorted(self._aliases.get((entity_type, key), ()))

    def by_surname(self, entity_type: str, surname: str) -> Sequence[KnownEntity]:
        return self._sorted(
            i for (type_, key), ids in self._names.items() if type_ == entity_type
            and surname_key(key, type_) == surname for i in ids
        )

    def context(self, entity_id: str, near: Context | None = None) -> Context:
        return self._contexts.get(entity_id, Context())


# -- the local context of a document's entities ----------------------------------------------------


def _candidates(entity_type: str, key: str, catalog: EntityCatalog) -> dict[str, tuple[KnownEntity, int]]:
    """Rule 3: stored entities the name may denote, each with how it was found (first way kept)."""
    found: dict[str, tuple[KnownEntity, int]] = {}
    routes = [(_BY_NAME, catalog.by_name(entity_type, key)), (_BY_ALIAS, catalog.by_alias(entity_type, key))]
    if entity_type == "PERSON" and len(key.split()) == 1:
        routes.append((_BY_SURNAME, catalog.by_surname(entity_type, key)))
    for strength, entities in routes:
        for entity in entities:
            found.setdefault(entity.id, (entity, strength))
    return found


def _provisional_ids(entity: Entity, catalog: EntityCatalog) -> frozenset[str]:
    """Every global id a local entity may turn out to be: enough to compare contexts before the
    document's entities are resolved."""
    if entity.kb_id:
        known = catalog.by_kb_id(entity.kb_id)
        return frozenset({entity.kb_id} | ({known.id} if known else set()))
    key = identity_key(entity.name, entity.type)
    return frozenset({*_candidates(entity.type, key, catalog), new_entity_id(entity.type, entity.name)})


def local_contexts(
    entities: Sequence[Entity], relations: Sequence[Relation], catalog: EntityCatalog
) -> dict[str, Context]:
    """The context of each local entity of a document, keyed by local key: the provisional ids
    of its relations' other ends and of the document's other entities."""
    ids = {entity.key: _provisional_ids(entity, catalog) for entity in entities}
    anchors: dict[str, set[str]] = {key: set() for key in ids}
    for relation in relations:
        if relation.source in anchors and relation.target in ids:
            anchors[relation.source] |= ids[relation.target]
    everyone = frozenset().union(*ids.values()) if ids else frozenset()
    return {
        key: Context(frozenset(anchors[key] - own), frozenset(everyone - own))
        for key, own in ids.items()
    }


# -- resolution -------------------------------------------------------------------------------------


def _surface_forms(entity: Entity, global_name: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The local name and aliases (and ``extra`` names) worth recording as aliases, in order."""
    forms: list[str] = []
    for form in (entity.name, *entity.aliases, *extra):
        form = " ".join(form.split())
        if form and form != global_name and form not in forms:
            forms.append(form)
    return tuple(forms)


def _join(entity: Entity, existing: KnownEntity, renamable: bool) -> Resolution:
    """An existing entity; a match by name may give it a better name, the old one kept as alias."""
    name = existing.name
    if renamable and existing.kb_id is None:
        name = preferred_name(existing.name, entity.name, existing.type)
    extra = (existing.name,) if name != existing.name else ()
    return Resolution(existing.id, name, existing.type, existing.kb_id, False,
                      _surface_forms(entity, name, extra))


def _follow(catalog: EntityCatalog, entity_id: str) -> KnownEntity | None:
    """The entity an id names now, following the redirects user merges left behind."""
    seen: set[str] = set()
    current: str | None = entity_id
    while current is not None and current not in seen:
        found = catalog.by_id(current)
        if found is not None:
            return found
        seen.add(current)
        current = catalog.redirect(current)
    return None


def _ranked(entity_type: str, found: Mapping[str, tuple[KnownEntity, int]], catalog: EntityCatalog,
            context: Context) -> list[tuple[tuple[bool, int, int], KnownEntity, Context]]:
    """Rule 4: the candidates not contradicted by their context, best first, with their rank."""
    ranked: list[tuple[tuple[bool, int, int], KnownEntity, Context]] = []
    for entity, strength in found.values():
        stored = Context() if entity.kb_id else catalog.context(entity.id, context)
        if entity.kb_id is None and contradicts(entity_type, context, stored):
            continue
        rank = (entity.kb_id is None, -context.shared(stored), strength)
        ranked.append((rank, entity, stored))
    ranked.sort(key=lambda item: (item[0], item[1].id))
    return ranked


def _choose(entity: Entity, key: str, catalog: EntityCatalog, context: Context) -> tuple[KnownEntity | None, int, bool]:
    """The candidate the local entity joins, how it was found, and whether the name was ambiguous."""
    found = _candidates(entity.type, key, catalog)
    ranked = _ranked(entity.type, found, catalog, context)
    if not ranked:
        return None, _BY_NAME, False
    best_rank = ranked[0][0]
    tied = [(candidate, stored) for rank, candidate, stored in ranked if rank == best_rank]
    if len(tied) == 1 or tied[0][0].kb_id is not None:
        return tied[0][0], found[tied[0][0].id][1], False
    bare = [candidate for candidate, stored in tied if stored.empty]
    if len(bare) == 1:
        return bare[0], found[bare[0].id][1], False
    return None, _BY_NAME, True


def _absorbable(entity: Entity, key: str, catalog: EntityCatalog, context: Context) -> tuple[str, ...]:
    """Stored entities a *new* entity takes over: people named only by its surname, and (for a
    knowledge-base entity) entities stored under its name without kb id. Each route must give
    one entity, not pinned by a user and not contradicted, or it gives none."""
    routes = [identity_key(form, entity.type) for form in (entity.name, *entity.aliases)] if entity.kb_id else []
    surname = surname_key(key, entity.type)
    if surname:
        routes.append(surname)
    absorbed: list[str] = []
    for route in dict.fromkeys(routes):
        fits = [
            e for e in catalog.by_name(entity.type, route)
            if e.kb_id is None and catalog.pinned(e.type, route) != e.id
            and not contradicts(entity.type, context, catalog.context(e.id, context))
        ]
        if len(fits) == 1 and fits[0].id not in absorbed:
            absorbed.append(fits[0].id)
    return tuple(absorbed)


def _resolve_known(entity: Entity, catalog: EntityCatalog, context: Context) -> Resolution:
    """Rule 1: the entity holding the kb id, wherever a merge put it; else a new one keyed by it."""
    assert entity.kb_id is not None
    existing = catalog.by_kb_id(entity.kb_id) or _follow(catalog, entity.kb_id)
    if existing is not None:
        return _join(entity, existing, renamable=False)
    name = " ".join(entity.name.split())
    key = identity_key(entity.name, entity.type)
    return Resolution(entity.kb_id, name, entity.type, entity.kb_id, True, _surface_forms(entity, name),
                      _absorbable(entity, key, catalog, context))


def resolve_entity(
    entity: Entity, catalog: EntityCatalog, context: Context = Context(), qualifier: str | None = None
) -> Resolution:
    """Map a document's local entity to a global entity (rules in the module docstring).

    ``context`` is the local entity's context (:func:`local_contexts`); ``qualifier`` (the
    document id) makes the id of a homonym kept apart.
    """
    if entity.kb_id:
        return _resolve_known(entity, catalog, context)
    key = identity_key(entity.name, entity.type)
    pinned = catalog.pinned(entity.type, key)
    target = _follow(catalog, pinned) if pinned else None
    if target is not None:
        return _join(entity, target, renamable=False)
    chosen, strength, ambiguous = _choose(entity, key, catalog, context)
    if chosen is not None:
        return _join(entity, chosen, renamable=strength != _BY_ALIAS)
    entity_id = new_entity_id(entity.type, entity.name)
    merged_into = None if ambiguous else _follow(catalog, entity_id)
    if merged_into is not None and not contradicts(entity.type, context, catalog.context(merged_into.id, context)):
        return _join(entity, merged_into, renamable=False)
    if catalog.by_id(entity_id) is not None or merged_into is not None:
        entity_id = new_entity_id(entity.type, entity.name, qualifier)
        same_document = catalog.by_id(entity_id)
        if same_document is not None:
            return _join(entity, same_document, renamable=False)
    name = " ".join(entity.name.split())
    return Resolution(entity_id, name, entity.type, None, True, _surface_forms(entity, name),
                      _absorbable(entity, key, catalog, context))
