"""Cue shapes of French wire copy the first speaker rules missed, one row each, and the rows
where nobody known may speak. Sentences written for the test, on the real French model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.conftest import quote_speakers

pytestmark = pytest.mark.slow


# (why, text, [(quote, speaker's name or None)])
CASES = [
    ("a judgement after a noun of the title cues is no title",
     "Valérie Pécresse, qui juge le projet « dangereux », réclame une nouvelle étude.",
     [("dangereux", "Valérie Pécresse")]),
    ("a capitalised name after the same noun stays a title",
     "Le ministère des Armées a lancé le projet « Cap sur demain » en mars.",
     [("Cap sur demain", None)]),
    ("a quoted term headed by a noun after a title cue stays a title",
     "La mairie de Grenoble a étendu le programme « zéro déchet » aux écoles.",
     [("zéro déchet", None)]),
    ("a speech verb of the next sentence does not govern the quote (the parse joins them)",
     "La direction de la SNCF a jugé cette mobilisation « incompréhensible ». Pour Jean-Pierre "
     "Farandou, « la porte reste ouverte ». « Aucune circulation ne sera supprimée jeudi », a indiqué "
     "un porte-parole de la SNCF.",
     [("incompréhensible", "SNCF"), ("la porte reste ouverte", "Jean-Pierre Farandou"),
      ("Aucune circulation ne sera supprimée jeudi", "SNCF")]),
    ("the person an organisation speaks through, the verb before the quote",
     "La FNSEA a dénoncé par la voix de son président Arnaud Rousseau « une trahison de l'État ».",
     [("une trahison de l'État", "Arnaud Rousseau")]),
    ("the person an organisation speaks through, in an incise",
     "« C'est une étape », a salué Orange par la voix de sa directrice générale Christel Heydemann.",
     [("C'est une étape", "Christel Heydemann")]),
    ("a channel naming nobody leaves the subject the speaker",
     "Le syndicat Sud-Rail a dénoncé par la voix de son avocat « une décision injuste ».",
     [("une décision injuste", "Sud-Rail")]),
    ("'parler de' with the quote as its complement",
     "Thierry Breton parle d'« un tournant pour l'industrie ».",
     [("un tournant pour l'industrie", "Thierry Breton")]),
    ("'on parle de' names nobody",
     "Dans les couloirs, on parle déjà d'un « miracle ».",
     [("miracle", None)]),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cue_shapes(nlp: Language, why: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quote_speakers(nlp(text)) == expected, why
