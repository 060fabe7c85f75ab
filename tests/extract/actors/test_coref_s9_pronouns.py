""""ce dernier" for an organisation just named, when no person is in view
(extract/actors/coref_pronouns.py). Sentences written for this test, on invented actors."""

from __future__ import annotations

import pytest

from tests.conftest import resolved_key

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("La fermeture a été décidée par le gouvernement norvégien. Ce dernier a indiqué que les salariés "
         "seraient reclassés.", "Ce dernier", "org:gouvernement norvégien"),
        ("Velora a beau être l'un des plus gros clients de la société Brixel, cela n'a pas empêché cette "
         "dernière de l'attaquer en justice.", "cette dernière", "org:Brixel"),
        # a person in view keeps the demonstrative
        ("La société Velora a rencontré Paul Verdier. Ce dernier a signé l'accord.", "Ce dernier",
         "person:Paul Verdier"),
    ],
)
def test_ce_dernier_stands_for_the_actor_just_named(nlp, text, surface, expected):
    assert resolved_key(nlp, text, surface) == expected


def test_a_noun_in_between_is_the_antecedent_rather_than_the_company(nlp):
    text = "La société Velora conteste la décision de la juge chargée du dossier. Celle-ci n'a pas souhaité réagir."
    assert resolved_key(nlp, text, "Celle-ci") is None


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # "il" continues the organisation that was the subject before, when no man is in view
        ("Le fonds Ardival est l'un des plus gros investisseurs du secteur. Il est surtout connu pour sa "
         "gestion du club de Valdor.", "Il", "org:Ardival"),
        ("Le groupe Castelmar a racheté la société Velora. Il a annoncé que le site resterait ouvert.", "Il",
         "org:Castelmar"),
        ("Paul Verdier dirige le groupe Castelmar. Il a annoncé que le site resterait ouvert.", "Il",
         "person:Paul Verdier"),
        # impersonal "il" stands for nobody
        ("La société Velora a annoncé des pertes. Il semblerait que la crise dure.", "Il", None),
        ("Paul Verdier a quitté Velora. Depuis deux ans, il n'y a pas eu de nouveau patron.", "il", None),
        ("Le groupe Castelmar a publié ses comptes. Il faudrait davantage de temps pour juger.", "Il", None),
    ],
)
def test_il_for_an_organisation_in_focus(nlp, text, surface, expected):
    assert resolved_key(nlp, text, surface) == expected
