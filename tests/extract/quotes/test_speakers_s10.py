"""Tenth session: speakers given by a title whose holder the article named ("la ministre de
l'Industrie, Claire Dumas" … "a martelé la ministre", "selon la ministre"), and a person's name
closing the sentence after a title and its comma, however the parser hung it. Sentences written
for the test, on invented actors, on the real French model; quiet rows keep nobody."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.conftest import quote_speakers

pytestmark = pytest.mark.slow


# (why, text, [(quote, speaker's name or None)])
CASES = [
    ("a title with its complement before the name, then the bare title after a quote",
     "Le constructeur Veltra a annoncé la fermeture de son usine de Tarbes. La ministre de l'Industrie, "
     "Claire Dumas, a convoqué la direction. « C'est une décision inacceptable », a martelé la ministre.",
     [("C'est une décision inacceptable", "Claire Dumas")]),
    ("the same title as a source after the quote",
     "La ministre du Travail, Anne Rivet, a reçu les syndicats. « Aucun site ne fermera cette année », "
     "selon la ministre.",
     [("Aucun site ne fermera cette année", "Anne Rivet")]),
    ("a title and its lower-case complement before the name",
     "Le directeur de l'hôpital, Marc Olivier, a reçu les élus. « Les travaux avancent », a assuré le directeur.",
     [("Les travaux avancent", "Marc Olivier")]),
    ("a name closing the sentence after a title and its comma, hung on the quote's verb",
     "Le laboratoire Helvion versera 200 millions de dollars. « Cet accord renforce notre position en "
     "oncologie », a souligné le président de Brindle, Olivier Marchal.",
     [("Cet accord renforce notre position en oncologie", "Olivier Marchal")]),
    ("two persons given the title: the bare title is neither",
     "La ministre de l'Industrie, Claire Dumas, et la ministre du Travail, Anne Rivet, ont reçu les "
     "syndicats. « Rien n'est décidé », a martelé la ministre.",
     [("Rien n'est décidé", None)]),
    ("a title nobody was given stays nobody's",
     "Le constructeur Veltra a fermé son usine. Claire Dumas a convoqué la direction. « C'est "
     "inacceptable », a martelé la ministre.",
     [("C'est inacceptable", None)]),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_speaker(nlp: Language, why: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quote_speakers(nlp(text)) == expected, why
