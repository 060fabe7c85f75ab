"""Cross-document identity of entities (chronique.resolve), without any database."""

from __future__ import annotations

import re

import pytest

from chronique.model import Entity
from chronique.resolve import (
    KnownEntity,
    MemoryCatalog,
    new_entity_id,
    normalise_name,
    resolve_entity,
)


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
