"""Generalisation, sixteenth session: events whose two sides are named in the sentence.

- "X s'est tourné vers Y, avec lequel il a conclu un accord": the "il"/"elle" subject of a
  relative clause hung on a complement of the main clause is the main clause's subject (an
  organisation's pronoun agreeing with the noun its name came with).
- "X a mis fin au contrat qui le liait à Y", "… au contrat attribué à Y": the deal ended by
  "mettre fin à" is the "à" phrase itself, whose binding clause names the other side.
- "X a menacé de suspendre ses livraisons au groupe Y", "de couper l'approvisionnement de Y":
  the threat is aimed at the party of the supply it would stop; "X accuse Y de … et a menacé de
  saisir la justice": a court threatened with no adversary named is aimed at the one the
  coordinated blame names (named, not a description).
- "X a accordé une licence exclusive à la société Y": a licence granted is a partnership; "A et B
  se sont associés pour …": two subjects of a reflexive verb of alliance are partners.
- "X a affrété deux navires à Y": a ship chartered is an order to its owner.
- "X est détenu depuis 2019 par le groupe Y": an owner since a date bought then (passive only, an
  organisation held: a person held is a prisoner).
- "Le fonds X, entré au capital de Y en 2022, …": a participle of a verb conjugated with "être"
  detached from a common noun its name follows is said of that name.
- "X, cofondateur et directeur général de Y": coordinated titles share the complement the
  parser hangs on the last; such a title takes no date from a quote before it ("« Il y a trois
  ans, … », a dit X, cofondateur de Y").

Real model, sentences written for the test; the rows that give nothing are the precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import exported_events, named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2024, 4, 16)

CASES = [
    ("a supply deal with the supplier turned to, told by a relative clause",
     "Le groupe Solvane s'est tourné vers le chimiste allemand Brandtwerk, avec lequel il a conclu lundi un accord de fourniture.",
     {("PARTNER", "Solvane", "Brandtwerk")}),
    ("a feminine relative pronoun and subject",
     "Le groupe Solvane s'est tourné vers la société Brandtwerk, avec laquelle il a signé un accord.",
     {("PARTNER", "Solvane", "Brandtwerk")}),
    ("a contract ended, its party in the binding relative clause",
     "Le groupe Solvane a mis fin au contrat d'approvisionnement qui le liait à la société Kerlys depuis 2017.",
     {("CANCEL", "Solvane", "Kerlys")}),
    ("a contract ended, its party in the participle",
     "Le groupe Solvane a décidé de mettre fin au contrat attribué en 2019 à la société Kerlys.",
     {("CANCEL", "Solvane", "Kerlys")}),
    ("NOTHING: a strike ended",
     "Le groupe Solvane a mis fin à la grève.",
     set()),
    ("a threat to stop deliveries to a customer",
     "La société Vantor a menacé de suspendre ses livraisons au groupe Melvia.",
     {("THREATEN", "Vantor", "Melvia")}),
    ("a threat to cut a customer's supply",
     "La société Vantor a menacé de couper l'approvisionnement du groupe Melvia.",
     {("THREATEN", "Vantor", "Melvia")}),
    ("NOTHING: a threat to move out of a city",
     "La société Vantor menace de retirer son siège de Lyon.",
     set()),
    ("a court threatened after a blame, aimed at the one blamed",
     "Le PDG de Vantor, Thierry Madec, accuse le syndicat Marinord de mentir et a menacé de saisir la justice.",
     {("ACCUSE", "Thierry Madec", "Marinord"), ("THREATEN", "Thierry Madec", "Marinord")}),
    ("NOTHING threatened: a court threatened after a takeover",
     "Le groupe Solvane a racheté la société Kerlys et a menacé de saisir la justice.",
     {("ACQUIRE", "Solvane", "Kerlys")}),
    ("ships chartered from their owner",
     "La compagnie Celtica Ferries a affrété deux navires à l'armateur grec Poseidon Shipping pour l'été.",
     {("ORDER", "Celtica Ferries", "Poseidon Shipping")}),
    ("a company held since a date by its buyer",
     "La société Orbitale Systèmes est détenue depuis l'an dernier par le groupe aéronautique Aérodis.",
     {("ACQUIRE", "Aérodis", "Orbitale Systèmes")}),
    ("NOTHING: held, with no date it was bought",
     "La société Orbitale Systèmes est détenue par le groupe aéronautique Aérodis.",
     set()),
    ("NOTHING: a person held since a date is a prisoner",
     "Le journaliste Paul Marin est détenu depuis mars par les autorités iraniennes.",
     set()),
    ("two subjects joined by a reflexive verb of alliance",
     "La société Vantor et le groupe Melvia se sont associés pour construire une usine.",
     {("PARTNER", "Vantor", "Melvia")}),
    ("NOTHING: one company alone associated to a purpose",
     "La société Vantor s'est associée pour construire une usine.",
     set()),
    ("a licence granted",
     "Le laboratoire Nevaris a accordé une licence exclusive à la société Ardelis Pharma.",
     {("PARTNER", "Nevaris", "Ardelis Pharma")}),
    ("a fund entered a company's capital, told by a detached participle",
     "Le fonds Puy Capital, entré au capital du groupe Melvia en 2022, détient 10 % des parts.",
     {("INVEST", "Puy Capital", "Melvia")}),
    ("NOTHING: a company entered the stock market",
     "La société Vantor, entrée en Bourse en 2021, détient 10 % des parts.",
     set()),
    ("a cofounder with a second title, after a quote",
     "« Ces accusations sont sans fondement », a répondu Julien Ferracci, cofondateur et directeur général de Pixelune, dans un entretien.",
     {("FOUND", "Julien Ferracci", "Pixelune")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events(nlp, why: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected, why


DATED = [
    ("a company held since a year was bought that year",
     "L'entreprise familiale Lorval est détenue depuis 2017 par le fonds Agrinova.",
     {("ACQUIRE", "2017")}),
    ("a founder's title after a quote takes no date said inside the quote",
     "« Il y a trois ans, on nous disait que c'était impossible », a réagi Julien Marsac, cofondateur "
     "de Velanor, devant les équipes.",
     {("FOUND", None)}),
]


@pytest.mark.parametrize(("why", "text", "expected"), DATED, ids=[c[0] for c in DATED])
def test_dates(nlp, why: str, text: str, expected: set[tuple[str, str | None]]) -> None:
    found = {(e.type, e.date) for e in exported_events(nlp, text, PUBLISHED)}
    assert found == expected, why
