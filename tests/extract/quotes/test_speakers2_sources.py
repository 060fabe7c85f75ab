"""A source phrase that names someone the article does not ("selon un expert", "pour les
riverains", "selon une source interne") keeps its quote nobody's: no neighbouring speaker may
take it over. Sentences written for the test, on the real French model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.conftest import quote_speakers

pytestmark = pytest.mark.slow


# (why, text, [(quote, speaker's name or None)])
CASES = [
    ("an unnamed expert after a named speaker of the paragraph",
     "Le patron de Veolia Estelle Brachlianoff a défendu « une stratégie claire ». "
     "Selon un analyste du secteur, « la dette reste trop lourde ».",
     [("une stratégie claire", "Estelle Brachlianoff"), ("la dette reste trop lourde", None)]),
    ("a source nobody named, after a minister's words",
     "La ministre Agnès Pannier-Runacher a promis « des aides rapides ». "
     "D'après une source gouvernementale, « le décret sortira en mai ».",
     [("des aides rapides", "Agnès Pannier-Runacher"), ("le décret sortira en mai", None)]),
    ("a sentence-opening 'pour' with a word for people",
     "« Le stade sera prêt », a assuré Martine Aubry. Pour les riverains, « c'est un cauchemar ».",
     [("Le stade sera prêt", "Martine Aubry"), ("c'est un cauchemar", None)]),
    ("a source phrase after the quote naming an unknown voice",
     "Danone a présenté son plan lundi. « Trois usines fermeront », selon des sources syndicales.",
     [("Trois usines fermeront", None)]),
    ("a named source still speaks",
     "« Le chantier prendra du retard », a reconnu Éric Trappier. Selon Alain Rousset, « la région paiera ».",
     [("Le chantier prendra du retard", "Éric Trappier"), ("la région paiera", "Alain Rousset")]),
    ("a sentence-opening 'pour' with a plural group the lexicon does not list",
     "« La hausse est inévitable », a déclaré Bruno Retailleau. Pour les chauffeurs routiers, "
     "« la facture devient insupportable ».",
     [("La hausse est inévitable", "Bruno Retailleau"), ("la facture devient insupportable", None)]),
    ("a sentence-opening 'pour' of time leaves the incise its speaker",
     "« Nous tiendrons », a promis Fabien Roussel. Pour l'instant, « rien n'est signé », a-t-il ajouté.",
     [("Nous tiendrons", "Fabien Roussel"), ("rien n'est signé", "Fabien Roussel")]),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_unnamed_sources_keep_the_speaker_unknown(
    nlp: Language, why: str, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert quote_speakers(nlp(text)) == expected, why
