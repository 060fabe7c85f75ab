"""Whose "le PDG X" a bare company title is (twelfth session).

"explique le PDG Julien X": a company title with only an article before it and its holder's name
right after it is read as the title at the one organisation the text has just been telling of
(since the start of the sentence before); two organisations there, a title a state or a city
also gives ("le président X"), or a state or an institution as the only organisation, and nobody's
(relations.toml ``bare_title_articles``, ``bare_title_titles``). Sentences written for the test,
on the whole French pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow


def roles(nlp, text: str) -> set[tuple[str, str, str | None]]:
    doc = run_dated(nlp, text, dt.date(2025, 8, 3))
    return {(r.source, r.target, r.title) for r in doc._.relations if r.type == "ROLE"}


@pytest.mark.parametrize(("text", "expected"), [
    ("La start-up nantaise Lumeo a levé 40 millions d'euros auprès de fonds américains. « Nous n'avions "
     "pas prévu une telle croissance », explique le PDG Julien Marchand, au Figaro.",
     ("person:Julien Marchand", "org:Lumeo", "ceo")),
    ("Le ministre a reçu mardi les dirigeants de la banque Calvex. Le directeur général Paul Fresnel "
     "a promis des embauches.",
     ("person:Paul Fresnel", "org:Calvex", "ceo")),
])
def test_a_bare_company_title_is_held_at_the_organisation_just_told_of(nlp, text, expected) -> None:
    assert expected in roles(nlp, text)


@pytest.mark.parametrize(("text", "person"), [
    # two organisations in the window: the founder of the buyer or of the start-up?
    ("Le groupe Meta a racheté la start-up Lumo. Le fondateur Paul Irvin rejoindra les équipes.",
     "person:Paul Irvin"),
    # "président" is a title of states and cities too
    ("La ville de Nantes a retenu l'entreprise Veltra. Le président Jean Morel a salué ce choix.",
     "person:Jean Morel"),
    # a state holds no company title
    ("Le gouvernement français a présenté son plan de relance lundi. Le PDG Marc Vidal a réagi aussitôt.",
     "person:Marc Vidal"),
    # a news agency, the article's source, is no company the title is held at
    ("L'information a été confirmée mardi à l'AFP. Le PDG Marc Vidal a démenti toute fermeture.",
     "person:Marc Vidal"),
    # a ministry or a court the recognizer named as an institution gives no company title
    ("Le ministère de l'Économie a validé le plan de reprise. « Nous sommes soulagés », explique le PDG "
     "Marc Roux.", "person:Marc Roux"),
    ("Le tribunal de commerce de Lyon a tranché jeudi. « Nous ferons appel », annonce le PDG Marc Roux.",
     "person:Marc Roux"),
])
def test_a_bare_title_with_no_single_organisation_is_nobodys(nlp, text, person) -> None:
    assert not any(source == person for source, _, _ in roles(nlp, text))
