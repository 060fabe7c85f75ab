"""Generalisation, ninth session: a date the parser hung on a noun that names an actor.

"La start-up X a levé 80 millions auprès du fonds A et de la banque publique B en janvier": the
parser hangs "en janvier" on "banque", the conjunct that names B. A noun standing for a name takes
no date, so the date is the clause's, as for a date hung on the name itself
(`EventDater._on_named_noun`). A date inside a clause of that noun ("la banque B, fondée en
1924") stays that clause's.

Real model, sentences of our own (``slow``), with rows where no date may be given.
"""

from __future__ import annotations

import datetime

import pytest

from chronique.model import EXPORTED_MODALITIES
from tests.conftest import run_dated

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 3)
#: A first paragraph with no date, so that the lead's day of news dates nothing below.
INTRO = "Le secteur traverse une période agitée depuis plusieurs années, selon les analystes.\n\n"

CASES = [
    ("a date hung on the second lender's noun dates the round",
     "La start-up Orbitale a levé 80 millions d'euros auprès du fonds Eurazeo et de la banque publique Bpifrance en janvier.",
     {("INVEST", "Eurazeo"): "2026-01", ("INVEST", "Bpifrance"): "2026-01"}),
    ("a date hung on the defendant's noun dates the complaint",
     "Le groupe Vinci a porté plainte contre la banque Delubac en mars 2021.",
     {("SUE", "Vinci"): "2021-03"}),
    ("NOTHING: a date in an apposition to the bought company is said of it",
     "Le groupe Vinci a racheté la société Cofiroute, la filiale autoroutière du groupe Eiffage en 2001.",
     {("ACQUIRE", "Vinci"): None}),
    ("NOTHING: a date in a participle clause of the bought bank is the bank's founding",
     "Le groupe Vinci a racheté la banque Delubac et la banque Rothschild, créée en 1924.",
     {("ACQUIRE", "Vinci"): None}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_dates(nlp, why: str, text: str, expected: dict[tuple[str, str], str | None]) -> None:
    doc = run_dated(nlp, INTRO + text, PUBLISHED)
    names = {e.key: e.name for e in doc._.entities or []}
    found = {(e.type, names.get(e.sources[0])): e.date for e in doc._.events if e.modality in EXPORTED_MODALITIES}
    assert found == expected, why


def test_a_verb_made_public_is_no_trigger_of_its_own(nlp) -> None:
    """"rendue publique ce mardi 3 juin : l'Arcep sanctionne X": "rendre" tells a happening only
    with the words its entries need ("rendre hommage", "rendre X responsable"), so the day said
    before the colon is still the news's day."""
    published = datetime.date(2025, 6, 4)
    text = (INTRO + "La décision a été notifiée à l'opérateur lundi et rendue publique ce mardi 3 juin : "
            "l'Arcep sanctionne le groupe Free d'une amende.")
    doc = run_dated(nlp, text, published)
    names = {e.key: e.name for e in doc._.entities or []}
    found = {(e.type, names.get(e.sources[0]), e.date) for e in doc._.events if e.modality in EXPORTED_MODALITIES}
    assert found == {("ACCUSE", "Arcep", "2025-06-03")}
