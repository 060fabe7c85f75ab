"""The knowledge base as data: its shape, its dated roles, its homonyms, and user files."""

from __future__ import annotations

import json
import re

import pytest

from chronique.errors import InputError
from chronique.kb import ACTOR_TYPES, ROLE_TITLES, KnownRole, load_knowledge_base

KB = load_knowledge_base()
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def test_the_shipped_base_holds_several_hundred_actors_of_every_type():
    counts = {t: sum(a.type == t for a in KB.actors.values()) for t in ACTOR_TYPES}
    assert len(KB.actors) >= 350
    assert counts["PERSON"] >= 150 and counts["ORG"] >= 150 and counts["PRODUCT"] >= 50


def test_every_record_is_well_formed_and_its_references_exist():
    for actor in KB.actors.values():
        assert KEBAB.match(actor.id), actor.id
        assert actor.wikidata is None or re.fullmatch(r"Q[1-9]\d*", actor.wikidata), actor.id
        for role in actor.roles:
            assert role.org in KB.actors and KB.actors[role.org].type == "ORG", (actor.id, role)
            assert role.title in ROLE_TITLES, (actor.id, role)
            assert role.valid_from is None or role.valid_to is None or role.valid_from <= role.valid_to
        for reference in (actor.maker, actor.parent):
            assert reference is None or KB.actors[reference].type == "ORG", actor.id
        if actor.type == "PERSON":
            assert actor.gender in ("m", "f"), actor.id
        assert not set(actor.context_aliases) & set(actor.surface_forms), actor.id
        if actor.type != "ORG":
            assert actor.country is None and actor.kind is None, actor.id


def test_no_two_actors_share_a_wikidata_id():
    ids = [a.wikidata for a in KB.actors.values() if a.wikidata]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "word",
    ["Meta", "X", "Orange", "Free", "Total", "Bolt", "Line", "Snap", "Square", "Block", "Signal",
     "Discord", "Zoom", "Notion", "Gemini", "Claude", "Bard", "Copilot", "Vision Pro", "Mistral"],
)
def test_names_that_are_common_words_are_context_aliases_only(word):
    named = KB.actors_named(word)
    assert named, word
    assert all(word in KB.actors[i].context_aliases for i in named), word


@pytest.mark.parametrize(
    ("role", "date", "holds"),
    [
        (KnownRole("x", "ceo", "2015", "2021-11"), "2021-11-29", True),
        (KnownRole("x", "ceo", "2015", "2021-11"), "2021-12-01", False),
        (KnownRole("x", "ceo", "2023-06", None), "2023-05-31", False),
        (KnownRole("x", "ceo", "2023-06", None), "2023-06-05", True),
        (KnownRole("x", "ceo", "2014", "2019"), "2019-12-31", True),
        (KnownRole("x", "ceo", "2014", "2019"), "2013-12-31", False),
        (KnownRole("x", "ceo"), "1990-01-01", True),
        (KnownRole("x", "ceo", "2014", "2019"), None, True),
    ],
)
def test_a_role_holds_at_the_precision_its_dates_are_given(role, date, holds):
    assert role.holds_on(date) is holds


@pytest.mark.parametrize(
    ("org", "titles", "date", "expected"),
    [
        ("x", ("ceo",), "2020-06-01", ["jack-dorsey"]),
        ("x", ("ceo",), "2022-12-01", ["elon-musk"]),
        ("x", ("ceo",), "2023-08-15", ["linda-yaccarino"]),
        ("x", ("ceo",), "2025-11-03", []),
        ("microsoft", ("ceo",), "2010-05-01", ["steve-ballmer"]),
        ("microsoft", ("ceo",), "2025-01-01", ["satya-nadella"]),
        ("renault", ("ceo",), "2022-03-01", ["luca-de-meo"]),
        ("openai", ("ceo",), "2025-11-03", ["sam-altman"]),
        ("commission-europeenne", ("president",), "2024-01-01", ["ursula-von-der-leyen"]),
    ],
)
def test_holders_of_a_role_depend_on_the_date(org, titles, date, expected):
    assert [a.id for a in KB.holders(org, titles, date)] == expected


def test_shared_forms_list_every_actor_they_name():
    assert set(KB.actors_named("Amodei")) == {"dario-amodei", "daniela-amodei"}
    assert set(KB.actors_named("Le Pen")) == {"marine-le-pen", "jean-marie-le-pen"}
    assert KB.actors_named("Quorvex") == ()


def test_related_actors_link_people_products_and_parents_both_ways():
    assert {"anthropic"} <= KB.related("claude")
    assert {"dario-amodei", "claude"} <= KB.related("anthropic")
    assert {"alphabet", "youtube", "deepmind"} <= KB.related("google")


def write_lines(path, *records) -> str:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", "utf-8")
    return str(path)


def test_a_user_file_adds_actors_and_replaces_shipped_ones(tmp_path):
    user = write_lines(
        tmp_path / "kb.jsonl",
        "// my actors",
        {"id": "nexolia", "name": "Nexolia", "type": "ORG", "aliases": ["Nexolia SAS"]},
        {"id": "openai", "name": "OpenAI", "type": "ORG", "aliases": ["Open AI", "OAI"]},
    )
    kb = load_knowledge_base(user)
    assert kb.get("nexolia").aliases == ("Nexolia SAS",)
    assert kb.get("openai").aliases == ("Open AI", "OAI")
    assert kb.actors_named("OAI") == ("openai",)
    assert len(kb.actors) == len(KB.actors) + 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a", "name": "A", "type": "COMPANY"}', "unknown type 'COMPANY'"),
        ('{"id": "a", "name": "A", "type": "PERSON", "roles": [{"org": "openai", "title": "boss"}]}',
         "unknown role title 'boss'"),
        ('{"id": "a", "type": "ORG"}', "lacks 'name'"),
        ('{"id": "a", "name": "A", "type": "ORG", "aliases": "A"}', "'aliases' must be a list"),
        ('{"id": "a", "name": "A", "type": "PERSON", "gender": "x"}', "gender must be 'm' or 'f'"),
        ('{"id": "a", "name": "A", "type": "ORG", "country": "France"}', "country must be a two-letter"),
        ('{"id": "a", "name": "A", "type": "ORG", "kind": "company"}', "kind must be one of institution"),
        ('{"id": "a", "name": "A",', "broken JSON"),
    ],
)
def test_a_broken_user_record_is_named_with_its_file_and_line(tmp_path, line, message):
    user = write_lines(tmp_path / "bad.jsonl", "// header", line)
    with pytest.raises(InputError, match=re.escape(message)) as raised:
        load_knowledge_base(user)
    assert "bad.jsonl:2" in str(raised.value)


def test_a_missing_user_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read the knowledge-base file"):
        load_knowledge_base(str(tmp_path / "absent.jsonl"))
