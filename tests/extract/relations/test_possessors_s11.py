"""Whose "son entraîneur" a relational noun is when its possessor is a person (eleventh session).

"Le club a recruté X. Le joueur … Son entraîneur, Y": the topic is the player, and a coach, a
president or a boss of a person leads the organisation the person joined (relations.toml
``member_possessor_nouns``); a lawyer or an agent is the person's own. Sentences written for the
test, on the whole French pipeline (the JOIN event comes from the events component)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_dated

pytestmark = pytest.mark.slow


def roles(nlp, text: str) -> set[tuple[str, str]]:
    doc = run_dated(nlp, text, dt.date(2025, 8, 3))
    return {(r.source, r.target) for r in doc._.relations if r.type == "ROLE"}


def test_the_coach_of_a_player_leads_the_club_the_player_joined(nlp) -> None:
    text = ("Le Stade brestois a recruté l'attaquant belge Tom Verlinden. Le joueur a signé un contrat "
            "de cinq ans. Son entraîneur, Éric Roy, s'est félicité de l'arrivée d'« un buteur redoutable ».")
    assert ("person:Éric Roy", "org:Stade brestois") in roles(nlp, text)


def test_a_players_lawyer_is_his_own(nlp) -> None:
    text = ("Le Stade brestois a recruté l'attaquant belge Tom Verlinden. Le joueur a signé un contrat "
            "de cinq ans. Son avocat, Me Paul Roux, s'est félicité.")
    assert not any(source == "person:Paul Roux" for source, _ in roles(nlp, text))
