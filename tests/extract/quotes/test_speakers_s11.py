"""Eleventh session: speakers the cue shapes missed on articles the team wrote to probe them.
Sentences written for the test, on invented actors, on the real French model; quiet rows keep
the reading that must not change."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.conftest import quote_speakers

pytestmark = pytest.mark.slow


# (why, text, [(quote, speaker's name or None)])
CASES = [
    ("a speech verb of the title cues, conjugated with its subject, says the quote",
     "La ministre de la Culture, Lucie Hamon, a appelé « les maires à rouvrir les bibliothèques ».",
     [("les maires à rouvrir les bibliothèques", "Lucie Hamon")]),
    ("the bare participle of the same verb still names something nobody says",
     "Le syndicat, appelé « la Maison », a été fondé par Paul Dubois.",
     [("la Maison", None)]),
    ("the holder's name hung on the role noun's common-noun complement",
     "« Cette taxe est une erreur », estime l'historien de l'économie Paul Verlaine, fondateur de la revue Horizons.",
     [("Cette taxe est une erreur", "Paul Verlaine")]),
    ("a spokesperson of an organisation the article named by a description, as a source",
     "La banque Crédit Alpin va supprimer 500 postes d'ici à 2027. Selon un porte-parole de la banque, "
     "« ces départs seront volontaires ».",
     [("ces départs seront volontaires", "Crédit Alpin")]),
    ("an anonymous expert as a source stays nobody",
     "La banque Crédit Alpin va supprimer 500 postes. Selon un expert du secteur, « le marché va baisser ».",
     [("le marché va baisser", None)]),
    ("a speech verb the lemmatizer left as written ('reproche')",
     "L'association Vigilance Loyers a assigné le bailleur Immobel lundi. Elle lui reproche des loyers "
     "« abusifs et illégaux ».",
     [("abusifs et illégaux", "Vigilance Loyers")]),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_speaker(nlp: Language, why: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quote_speakers(nlp(text)) == expected, why
