"""Thirteenth session (fresh articles of our own): a subsidiary named after its parent, and two
generic descriptions.

"Le groupe X … sa filiale X Y": the first word alone is the parent, not the part; without such a
cue, a name's first word alone still stands for the longer name ("X Y … X").

"la direction" alone is the company in focus (not with a complement of its own: "la direction de
ce club"); and a verb coordinated to another shares its subject, which a description in its
clause cannot be ("A et B ont retiré … et annulé leurs commandes auprès de la société").

Real model, sentences of our own (``slow``).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import resolved_key

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2025, 9, 18)

CASES = [
    ("a subsidiary named after its parent: the bare name is the parent",
     "Le groupe Voltane a cédé sa branche Voltane Énergie au fonds Brightwater. Voltane garde 30 % du capital.",
     "Voltane", "org:Voltane"),
    ("no subsidiary cue: the first word alone is the longer name",
     "La société Voltane Énergie a levé 40 millions d'euros. Voltane compte ouvrir deux usines.",
     "Voltane", "org:Voltane Énergie"),
]


@pytest.mark.parametrize(("why", "text", "surface", "key"), CASES, ids=[c[0] for c in CASES])
def test_a_subsidiary_named_after_its_parent(nlp, why: str, text: str, surface: str, key: str) -> None:
    assert resolved_key(nlp, text, surface, PUBLISHED) == key


GENERIC = [
    ("'la direction' bare: the company in focus",
     "La société Brenval a annoncé 300 suppressions de postes. Le syndicat Unsa a accusé la direction de "
     "sacrifier l'usine de Tours.", "la direction", "org:Brenval"),
    ("'la direction' with a verb's object after it: still the company",
     "La société Brenval a fermé deux ateliers. Le syndicat Unsa a réclamé à la direction des explications.",
     "la direction", "org:Brenval"),
    ("'la direction de …': whose leadership, no company of its own",
     "Le club Brenval a recruté Paul Léger. « Je veux prendre la direction de ce club », a-t-il dit.",
     "la direction", None),
    ("coordinated verbs share their subject: the description is not one of the subjects",
     "Le fabricant Ostrel a rappelé ses jouets. Les enseignes Jouvia et Ludéa ont retiré les jouets et "
     "annulé leurs commandes auprès de la société.", "la société", "org:Ostrel"),
]


@pytest.mark.parametrize(("why", "text", "surface", "key"), GENERIC, ids=[c[0] for c in GENERIC])
def test_generic_descriptions(nlp, why: str, text: str, surface: str, key: str | None) -> None:
    assert resolved_key(nlp, text, surface, PUBLISHED) == key


def test_a_publisher_named_after_its_founder(nlp) -> None:
    # "les éditions X": a publishing house, even named after the family the article also names
    from tests.conftest import entity_types

    types = entity_types(nlp, "Le groupe Lavigne a racheté les éditions Morand, créées en 1952 par Paul Morand. "
                              "Sa fille, Claire Morand, dirige toujours Morand.", PUBLISHED)
    assert types.get("Morand") == "ORG"
