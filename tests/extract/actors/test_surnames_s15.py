"""A known person's bare surname is theirs only when nobody else in the article bears it: "le
défenseur Matías Ferrand … Ferrand quitte Lyon" tells of Matías Ferrand again, not of the known
Lucie Ferrand whose knowledge-base record lists "Ferrand" as an alias."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from chronique.kb import load_knowledge_base
from tests.conftest import component_pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    return component_pipeline("chronique_actors")


@pytest.fixture(scope="module")
def recognizer(nlp, tmp_path_factory):
    from chronique.extract.actors.component import ActorRecognizer

    user_file = tmp_path_factory.mktemp("kb") / "surnames.jsonl"
    records = [{"id": "lucie-ferrand", "name": "Lucie Ferrand", "type": "PERSON", "aliases": ["Ferrand"], "gender": "f"}]
    user_file.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return ActorRecognizer(nlp, "fr", load_knowledge_base(str(user_file)))


def people(nlp, recognizer, text: str) -> list[tuple[str, str | None, list[str]]]:
    doc = nlp.make_doc(text)
    doc._.dct = dt.date(2024, 5, 14)
    for name, component in nlp.pipeline:
        if name != "chronique_actors":
            doc = component(doc)
    doc = recognizer(doc)
    return [(e.name, e.kb_id, [doc.text[s:t] for s, t in e.mentions]) for e in doc._.entities if e.type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another person bears the surname: the bare surname is that person's
        ("Le club a officialisé l'arrivée du défenseur Matías Ferrand. Ferrand quitte Lyon après quatre saisons.",
         [("Matías Ferrand", None, ["Matías Ferrand", "Ferrand"])]),
        ("L'entraîneur Pablo Ferrand a été limogé lundi. Ferrand paie une série de six défaites.",
         [("Pablo Ferrand", None, ["Pablo Ferrand", "Ferrand"])]),
        # the known person herself, by her full name or after a courtesy title
        ("Lucie Ferrand a présenté les comptes. Ferrand reste confiante.",
         [("Lucie Ferrand", "lucie-ferrand", ["Lucie Ferrand", "Ferrand"])]),
        ("Ferrand reste confiante pour l'année, a déclaré Mme Ferrand devant les actionnaires.",
         [("Lucie Ferrand", "lucie-ferrand", ["Ferrand", "Mme Ferrand"])]),
    ],
)
def test_a_known_surname_borne_by_another_person_is_that_persons(nlp, recognizer, text, expected):
    assert people(nlp, recognizer, text) == expected
