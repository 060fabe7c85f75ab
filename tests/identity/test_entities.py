"""Cross-document identity of entities (chronique.identity.entities), without any database."""

from __future__ import annotations

import re

import pytest

from chronique.identity.entities import (
    Context,
    KnownEntity,
    MemoryCatalog,
    contradicts,
    identity_key,
    local_contexts,
    new_entity_id,
    normalise_name,
    preferred_name,
    resolve_entity,
    surname_key,
)
from chronique.model import Entity, Relation


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Elon Musk", "elon musk"),
        ("  Elon   MUSK ", "elon musk"),
        ("L’Élysée", "élysée"),
        ("l'Élysée", "élysée"),
        ("La Maison-Blanche", "maison-blanche"),
        ("Les Échos", "échos"),
        ("The Verge", "verge"),
        ("Le", "le"),  # a determiner alone is a name, not nothing
        ("Lemonde", "lemonde"),  # only whole determiners are dropped
        ("E\u0301lise", "élise"),  # decomposed accent → NFC
        ("Straße", "strasse"),  # casefold, not lower
    ],
)
def test_normalise_name(name: str, expected: str) -> None:
    assert normalise_name(name) == expected


def test_new_entity_id_is_deterministic_and_depends_on_type_and_normalised_name() -> None:
    entity_id = new_entity_id("PERSON", "Sam Altman")
    assert re.fullmatch(r"ent_[0-9a-f]{12}", entity_id)
    assert new_entity_id("PERSON", "  sam ALTMAN") == entity_id
    assert new_entity_id("ORG", "Sam Altman") != entity_id


def _resolve_and_record(catalog: MemoryCatalog, entity: Entity) -> str:
    resolution = resolve_entity(entity, catalog)
    catalog.record(resolution)
    return resolution.entity_id


def test_kb_id_is_the_global_id_whatever_the_name() -> None:
    catalog = MemoryCatalog()
    first = resolve_entity(Entity("k1", "Elon Musk", "PERSON", kb_id="Q317521"), catalog)
    assert (first.entity_id, first.is_new, first.aliases) == ("Q317521", True, ())
    catalog.record(first)
    second = resolve_entity(Entity("k2", "Musk", "PERSON", kb_id="Q317521", aliases=("le milliardaire",)), catalog)
    assert (second.entity_id, second.name, second.is_new) == ("Q317521", "Elon Musk", False)
    assert second.aliases == ("Musk", "le milliardaire")


def test_same_type_and_normalised_name_is_the_same_entity() -> None:
    catalog = MemoryCatalog()
    first = _resolve_and_record(catalog, Entity("a", "OpenAI", "ORG"))
    assert _resolve_and_record(catalog, Entity("b", "openai", "ORG")) == first
    assert _resolve_and_record(catalog, Entity("c", "L’OpenAI", "ORG")) == first
    assert _resolve_and_record(catalog, Entity("d", "OpenAI", "PRODUCT")) != first


def test_a_known_alias_of_the_same_type_is_the_same_entity() -> None:
    catalog = MemoryCatalog()
    musk = _resolve_and_record(catalog, Entity("m", "Elon Musk", "PERSON", "Q317521", aliases=("Musk",)))
    assert _resolve_and_record(catalog, Entity("x", "MUSK", "PERSON")) == "Q317521" == musk
    # The alias does not cross types: a product called "Musk" is something else.
    assert _resolve_and_record(catalog, Entity("y", "Musk", "PRODUCT")).startswith("ent_")


def test_aliases_accumulate_across_documents() -> None:
    catalog = MemoryCatalog()
    _resolve_and_record(catalog, Entity("a", "Sam Altman", "PERSON", aliases=("Altman",)))
    second = resolve_entity(Entity("b", "Altman", "PERSON", aliases=("le patron d'OpenAI",)), catalog)
    catalog.record(second)
    assert second.aliases == ("Altman", "le patron d'OpenAI")
    third = resolve_entity(Entity("c", "le patron d’OpenAI", "PERSON"), catalog)
    assert third.entity_id == second.entity_id == new_entity_id("PERSON", "Sam Altman")


def test_knowledge_base_entities_win_among_candidates() -> None:
    catalog = MemoryCatalog([
        KnownEntity("ent_000000000000", "Tesla", "ORG"),
        KnownEntity("Q478214", "Tesla", "ORG", kb_id="Q478214"),
    ])
    assert resolve_entity(Entity("t", "Tesla", "ORG"), catalog).entity_id == "Q478214"


def test_a_new_entity_keeps_its_name_and_type() -> None:
    resolution = resolve_entity(Entity("x", " xAI ", "ORG", aliases=("xAI", "X.AI")), MemoryCatalog())
    assert resolution.is_new
    assert (resolution.name, resolution.type, resolution.kb_id) == ("xAI", "ORG", None)
    assert resolution.aliases == ("X.AI",)


# -- identity keys, names and contexts ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "entity_type", "key"),
    [
        ("Mme Vasseur", "PERSON", "vasseur"),
        ("M. Thomas Martin", "PERSON", "thomas martin"),
        ("Madame", "PERSON", "madame"),  # an honorific alone is a name
        ("Mme Vasseur", "ORG", "mme vasseur"),  # honorifics only before people
        ("Nexaria SAS", "ORG", "nexaria"),
        ("Nexaria, Inc.", "ORG", "nexaria"),
        ("Microsoft Corporation", "ORG", "microsoft"),
        ("SAS", "ORG", "sas"),
        ("Nexaria SAS", "PERSON", "nexaria sas"),  # legal forms only after organisations
        ("L’Oréal SA", "ORG", "oréal"),
    ],
)
def test_identity_key(name: str, entity_type: str, key: str) -> None:
    assert identity_key(name, entity_type) == key


@pytest.mark.parametrize(
    ("key", "entity_type", "surname"),
    [("claire vasseur", "PERSON", "vasseur"), ("vasseur", "PERSON", None), ("nexaria sas", "ORG", None)],
)
def test_surname_key(key: str, entity_type: str, surname: str | None) -> None:
    assert surname_key(key, entity_type) == surname


@pytest.mark.parametrize(
    ("current", "other", "entity_type", "preferred"),
    [
        ("Nexaria SAS", "Nexaria", "ORG", "Nexaria"),
        ("Nexaria", "Nexaria SAS", "ORG", "Nexaria"),
        ("Vasseur", "Claire Vasseur", "PERSON", "Claire Vasseur"),
        ("Mme Vasseur", "Vasseur", "PERSON", "Vasseur"),
        ("Claire Vasseur", "Mme Vasseur", "PERSON", "Claire Vasseur"),
        ("OpenAI", "OPENAI", "ORG", "OpenAI"),  # a tie keeps the current name
    ],
)
def test_preferred_name(current: str, other: str, entity_type: str, preferred: str) -> None:
    assert preferred_name(current, other, entity_type) == preferred


def test_new_entity_id_ignores_decorations_and_qualifies_homonyms() -> None:
    assert new_entity_id("ORG", "Nexaria SAS") == new_entity_id("ORG", "Nexaria")
    assert new_entity_id("PERSON", "Mme Vasseur") == new_entity_id("PERSON", "Vasseur")
    assert new_entity_id("PERSON", "Thomas Martin", "doc_1") not in {
        new_entity_id("PERSON", "Thomas Martin"), new_entity_id("PERSON", "Thomas Martin", "doc_2")}


C = Context
NEXARIA, KELVIA, QUIMPER, MICROSOFT = "ent_nexaria", "ent_kelvia", "ent_quimper", "microsoft"


@pytest.mark.parametrize(
    ("entity_type", "local", "stored", "expected"),
    [
        ("PERSON", C(frozenset({NEXARIA})), C(frozenset({KELVIA})), True),  # roles elsewhere
        ("PERSON", C(frozenset({NEXARIA})), C(frozenset({NEXARIA, KELVIA})), False),
        ("PERSON", C(neighbours=frozenset({QUIMPER})), C(neighbours=frozenset({NEXARIA, MICROSOFT})), True),
        ("PERSON", C(neighbours=frozenset({NEXARIA})), C(neighbours=frozenset({NEXARIA, MICROSOFT})), False),
        ("PERSON", C(), C(frozenset({NEXARIA}), frozenset({MICROSOFT})), False),  # nothing to contradict
        ("PERSON", C(frozenset({NEXARIA})), C(neighbours=frozenset({KELVIA})), False),  # anchors vs neighbours
        ("ORG", C(neighbours=frozenset({QUIMPER})), C(neighbours=frozenset({MICROSOFT})), False),
        ("PRODUCT", C(frozenset({"tesla"})), C(frozenset({"ford"})), True),  # other makers
    ],
)
def test_contradicts(entity_type: str, local: Context, stored: Context, expected: bool) -> None:
    assert contradicts(entity_type, local, stored) is expected


def test_local_contexts_use_every_id_an_entity_may_become() -> None:
    catalog = MemoryCatalog([KnownEntity("ent_n", "Nexaria", "ORG")])
    entities = [
        Entity("tm", "Thomas Martin", "PERSON"), Entity("n", "Nexaria SAS", "ORG"),
        Entity("ms", "Microsoft", "ORG", kb_id="microsoft"),
    ]
    relations = [Relation("ROLE", "tm", "n", 0, 5, "executive")]
    contexts = local_contexts(entities, relations, catalog)
    nexaria_ids = {"ent_n", new_entity_id("ORG", "Nexaria")}
    assert contexts["tm"] == Context(frozenset(nexaria_ids), frozenset(nexaria_ids | {"microsoft"}))
    assert contexts["ms"].anchors == frozenset()
    assert new_entity_id("PERSON", "Thomas Martin") in contexts["ms"].neighbours


# -- resolution with surnames, homonyms, pins and redirects -------------------------------------------


def _person(key: str, name: str, **fields: object) -> Entity:
    return Entity(key, name, "PERSON", **fields)  # type: ignore[arg-type]


def test_a_surname_joins_the_person_it_belongs_to_and_keeps_the_full_name() -> None:
    catalog = MemoryCatalog()
    claire = _resolve_and_record(catalog, _person("c", "Claire Vasseur"))
    resolution = resolve_entity(_person("v", "Mme Vasseur"), catalog)
    assert (resolution.entity_id, resolution.name, resolution.aliases) == (claire, "Claire Vasseur", ("Mme Vasseur",))


def test_a_new_full_name_absorbs_the_surname_stored_before_it() -> None:
    catalog = MemoryCatalog()
    alone = _resolve_and_record(catalog, _person("v", "Vasseur"))
    resolution = resolve_entity(_person("c", "Claire Vasseur"), catalog)
    assert (resolution.entity_id, resolution.is_new, resolution.absorbs) == (
        new_entity_id("PERSON", "Claire Vasseur"), True, (alone,))


def test_a_surname_shared_by_two_people_is_not_absorbed() -> None:
    catalog = MemoryCatalog([KnownEntity("ent_v", "Vasseur", "PERSON")])
    catalog.pin("PERSON", "Vasseur", "ent_v")  # a user split it off: it stays
    assert resolve_entity(_person("c", "Claire Vasseur"), catalog).absorbs == ()


def test_a_decorated_name_gives_way_to_the_plain_one() -> None:
    catalog = MemoryCatalog()
    first = _resolve_and_record(catalog, Entity("n", "Nexaria SAS", "ORG"))
    resolution = resolve_entity(Entity("m", "Nexaria", "ORG"), catalog)
    assert (resolution.entity_id, resolution.name, resolution.aliases) == (first, "Nexaria", ("Nexaria SAS",))


CFO, MAYOR = new_entity_id("PERSON", "Thomas Martin"), new_entity_id("PERSON", "Thomas Martin", "doc_3")
APART = new_entity_id("PERSON", "Thomas Martin", "doc_9")


def _homonym_catalog(*bare: str) -> MemoryCatalog:
    """The finance director of Nexaria and the mayor of Quimper, both stored as Thomas Martin."""
    return MemoryCatalog(
        [KnownEntity(i, "Thomas Martin", "PERSON") for i in (CFO, MAYOR, *bare)],
        contexts={CFO: Context(frozenset({NEXARIA}), frozenset({NEXARIA, MICROSOFT})),
                  MAYOR: Context(neighbours=frozenset({QUIMPER}))},
    )


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        (Context(frozenset({NEXARIA}), frozenset({NEXARIA})), CFO),  # role at Nexaria
        (Context(neighbours=frozenset({MICROSOFT})), CFO),  # named beside Microsoft
        (Context(neighbours=frozenset({QUIMPER})), MAYOR),
        (Context(frozenset({NEXARIA}), frozenset({QUIMPER, NEXARIA})), CFO),  # shares more with the CFO
        (Context(neighbours=frozenset({QUIMPER, NEXARIA})), APART),  # as much with each: ambiguous
        (Context(), APART),  # nothing to choose by: ambiguous
        (Context(neighbours=frozenset({"tesla"})), APART),  # contradicts both
    ],
)
def test_homonyms_are_chosen_by_context(context: Context, expected: str) -> None:
    resolution = resolve_entity(Entity("x", "Thomas Martin", "PERSON"), _homonym_catalog(), context, "doc_9")
    assert (resolution.entity_id, resolution.is_new) == (expected, expected == APART)


def test_a_bare_mention_joins_the_homonym_that_has_no_context() -> None:
    catalog = _homonym_catalog("ent_bare")
    assert resolve_entity(Entity("x", "Thomas Martin", "PERSON"), catalog, Context(), "doc_9").entity_id == "ent_bare"


def test_a_mention_in_the_document_that_created_a_homonym_joins_it() -> None:
    catalog = _homonym_catalog(APART)  # an earlier local entity of doc_9 created it
    resolution = resolve_entity(Entity("y", "Thomas Martin", "PERSON"), catalog,
                                Context(neighbours=frozenset({"tesla"})), "doc_9")
    assert (resolution.entity_id, resolution.is_new) == (APART, False)


def test_a_pinned_name_goes_to_its_entity_whatever_the_candidates() -> None:
    catalog = MemoryCatalog([KnownEntity("ent_claire", "Claire Vasseur", "PERSON"),
                             KnownEntity("ent_marc", "Marc Vasseur", "PERSON")])
    catalog.pin("PERSON", "Mme Vasseur", "ent_marc")
    assert resolve_entity(_person("v", "Vasseur"), catalog).entity_id == "ent_marc"


def test_a_merged_entity_s_id_leads_to_the_entity_it_was_merged_into() -> None:
    catalog = MemoryCatalog([KnownEntity("tesla", "Tesla", "ORG", "tesla")])
    catalog.redirect_to("spacex", "tesla")  # a forced merge of two knowledge-base actors
    catalog.redirect_to(new_entity_id("PRODUCT", "Model Y"), "tesla")
    assert resolve_entity(Entity("s", "SpaceX", "ORG", kb_id="spacex"), catalog).entity_id == "tesla"
    assert resolve_entity(Entity("y", "Model Y", "PRODUCT"), catalog).entity_id == "tesla"


def test_a_new_knowledge_base_actor_absorbs_its_name_stored_without_kb_id() -> None:
    catalog = MemoryCatalog([KnownEntity(new_entity_id("ORG", "Mistral AI"), "Mistral AI", "ORG")])
    resolution = resolve_entity(Entity("m", "Mistral AI", "ORG", kb_id="mistral-ai"), catalog)
    assert (resolution.entity_id, resolution.is_new, resolution.absorbs) == (
        "mistral-ai", True, (new_entity_id("ORG", "Mistral AI"),))
