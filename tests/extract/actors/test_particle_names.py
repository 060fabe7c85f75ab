"""A person's name the model cut at its particle is one person ("Thibaud Hug de Larauze")."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from chronique.extract.actors.particle_names import joined_at_particles
from tests.conftest import run_dated

PARTICLES = frozenset({"de", "d'", "du", "la", "le"})


def _doc(words: list[str], ents: list[tuple[int, int, str]]) -> list[Span]:
    doc = Doc(Vocab(), words=words)
    return [Span(doc, start, end, label=label) for start, end, label in ents]


def _texts(spans: list[Span]) -> list[tuple[str, str]]:
    return [(span.text, span.label_) for span in spans]


def test_a_first_name_and_surname_cut_at_de_are_joined() -> None:
    ents = _doc(["Selon", "Amaury", "Brun", "de", "Castelnau", ",", "la", "banque", "tient", "."],
                [(1, 3, "PER"), (4, 5, "PER")])
    assert _texts(joined_at_particles(ents, PARTICLES)) == [("Amaury Brun de Castelnau", "PER")]


def test_a_curly_apostrophe_is_the_same_particle() -> None:
    ents = _doc(["Louis", "Marchand", "d’", "Estrées", "parle", "."], [(0, 2, "PER"), (3, 4, "PER")])
    assert _texts(joined_at_particles(ents, PARTICLES)) == [("Louis Marchand d’ Estrées", "PER")]


def test_two_particles_are_joined_too() -> None:
    ents = _doc(["Hélène", "Morin", "de", "la", "Tour", "parle", "."], [(0, 2, "PER"), (4, 5, "PER")])
    assert _texts(joined_at_particles(ents, PARTICLES)) == [("Hélène Morin de la Tour", "PER")]


@pytest.mark.parametrize(
    ("words", "ents"),
    [
        # one word before the particle: "la femme de Nicolas" are two people
        (["Paul", "de", "Lucie", "Martin"], [(0, 1, "PER"), (2, 4, "PER")]),
        # a place after the particle is not the person's name
        (["Jeanne", "Roux", "de", "Lyon"], [(0, 2, "PER"), (3, 4, "LOC")]),
        # a common word between them is no particle
        (["Jeanne", "Roux", "et", "Marc", "Vidal"], [(0, 2, "PER"), (3, 5, "PER")]),
        # nothing between them: two names, not one
        (["Jeanne", "Roux", "Marc"], [(0, 2, "PER"), (2, 3, "PER")]),
    ],
)
def test_other_neighbours_stay_apart(words: list[str], ents: list[tuple[int, int, str]]) -> None:
    spans = _doc(words, ents)
    assert _texts(joined_at_particles(spans, PARTICLES)) == _texts(spans)


@pytest.mark.slow
def test_the_pipeline_keeps_the_whole_name(nlp) -> None:
    doc = run_dated(nlp, "Thibaud Hug de Larauze, le PDG de Back Market, a annoncé une levée de fonds.",
                    dt.date(2025, 5, 14))
    names = {e.name for e in doc._.entities}
    assert "Thibaud Hug de Larauze" in names
    assert "Larauze" not in names
