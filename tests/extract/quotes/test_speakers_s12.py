"""Twelfth session: speakers that are bodies (a government, a prefecture, a board) and speakers
hung on a locution. Sentences written for the test, on invented actors and other subjects, on the
real French model; quiet rows keep the reading that must not change."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.conftest import quote_speakers

pytestmark = pytest.mark.slow


# (why, text, [(quote, speaker's name or None)])
CASES = [
    ("the inverted subject of a locution hangs on its last word: a body named by no actor is nobody, "
     "not the person quoted before",
     "« Nous rouvrirons les lits », a promis la directrice, Hélène Marchand. « Aucune école ne fermera », "
     "a fait savoir le rectorat dans un communiqué.",
     [("Nous rouvrirons les lits", "Hélène Marchand"), ("Aucune école ne fermera", None)]),
    ("... and a name there is the speaker",
     "« Nous livrerons la passerelle en mai », a fait savoir Sogetrav.",
     [("Nous livrerons la passerelle en mai", "Sogetrav")]),
    ("a bare 'le gouvernement' of an article naming no state is the article's government",
     "Le gouvernement a annoncé une aide aux viticulteurs. « Personne ne sera oublié », a déclaré "
     "le gouvernement mardi.",
     [("Personne ne sera oublié", "gouvernement")]),
    ("with two states named, it may be either's: nobody",
     "L'Espagne et le Portugal ont signé un accord sur l'eau. « Le texte sera ratifié », a déclaré "
     "le gouvernement mardi.",
     [("Le texte sera ratifié", None)]),
    ("a bare 'la préfecture' is the one prefecture the article named, with 'de la' before its place",
     "La préfecture de la Somme a interdit la baignade. « Les analyses sont mauvaises », a précisé "
     "la préfecture.",
     [("Les analyses sont mauvaises", "préfecture de la Somme")]),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_speaker(nlp: Language, why: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quote_speakers(nlp(text)) == expected, why
