"""Which time expression dates an event (issue 15): the day a sentence gives the news before a
colon, "désormais" in a dated report, and a later telling of a lead's happening.

Every sentence is written for these tests, on other actors and subjects than the evaluation
texts. Each rule has rows where it must date the event and rows where it must not: a wrong date
is worse than none.
"""

from __future__ import annotations

import datetime

import pytest

from chronique.extract.events.date_carrying import carry_lead_dates
from chronique.model import EXPORTED_MODALITIES, Event
from tests.conftest import run_dated

PUBLISHED = datetime.date(2025, 6, 4)  # a Wednesday: "mardi 3 juin" is the day before
#: A first paragraph with no day in it, so that the sentences under test are not in the lead
#: (the lead's news-of-the-day rule would date them otherwise).
INTRO = ("Le secteur des télécommunications traverse une période agitée depuis plusieurs années, "
         "selon les analystes du marché européen.\n\n")



def _dates(nlp, sentence: str) -> dict[tuple[str, str], str | None]:
    doc = run_dated(nlp, INTRO + sentence, PUBLISHED)
    return {(e.type, e.targets[0]): e.date for e in doc._.events if e.modality in EXPORTED_MODALITIES}


#: (sentence after the intro, event type, target key, expected date).
SENTENCE_DATES = [
    # The clause after a colon explains the news the sentence dated.
    ("Le texte a été envoyé aux parties lundi et publié ce mardi 3 juin : le Conseil d'État condamne "
     "Uber à verser 2 millions d'euros.", "ACCUSE", "uber", "2025-06-03"),
    # A date of long ago is not the day of a news event told in the present.
    ("Le texte a été envoyé aux parties lundi et publié le 3 mars 2020 : la Commission européenne "
     "sanctionne Google d'une amende.", "ACCUSE", "google", None),
    # A date in a relative clause, an adjunct, a merely coordinated clause or another trigger's.
    ("Après avoir perdu lundi son procès, Vivendi rachète Lagardère.", "ACQUIRE", "lagardere", None),
    ("Les marchés ont reculé lundi, et Vivendi rachète Lagardère.", "ACQUIRE", "lagardere", None),
    ("Vivendi a racheté Canal+ lundi : Bolloré rachète Lagardère.", "ACQUIRE", "lagardere", None),
    # Across a quote.
    ("Le patron a déclaré lundi « nous restons ouverts » : Vivendi rachète Lagardère.",
     "ACQUIRE", "lagardere", None),
    # "désormais" in a report dated by its verb is that day; alone, it dates nothing.
    ("Le ministère a annoncé mardi que l'État détenait désormais une participation de 80 % dans Air France.",
     "ACQUIRE", "org:Air France", "2025-06-03"),
    ("L'État détient désormais une participation de 80 % dans Air France.", "ACQUIRE", "org:Air France", None),
    # A part of the day dates the event by its day.
    ("Le texte a été publié ce mardi 3 juin au soir : le Conseil d'État condamne Uber à verser 2 millions "
     "d'euros.", "ACCUSE", "uber", "2025-06-03"),
    ("Le ministère estime que l'État détient désormais une participation de 80 % dans Air France.",
     "ACQUIRE", "org:Air France", None),
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence, kind, target, expected", SENTENCE_DATES, ids=[s[:45] for s, *_ in SENTENCE_DATES])
def test_an_event_takes_the_date_that_governs_it_and_no_other(nlp, sentence, kind, target, expected):
    dates = _dates(nlp, sentence)
    assert (kind, target) in dates, dates
    assert dates[(kind, target)] == expected


def _event(kind: str, source: str, target: str, at: int, date: str | None = None) -> Event:
    return Event(type=kind, sources=(source,), targets=(target,), start=at, end=at + 5, trigger="x",
                 trigger_start=at, trigger_end=at + 1, date=date, date_start=date, date_end=date)


def _doc_with_lead_mentions(keys: list[str]):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    from chronique.nlp.extensions import ActorMention, register_extensions

    register_extensions()
    doc = Doc(spacy.blank("fr").vocab, words=["mot"] * 40)
    doc._.actor_mentions = [ActorMention(start=i, end=i + 1, key=key) for i, key in enumerate(keys)]
    return doc


def test_a_later_telling_takes_the_lead_date_when_the_lead_named_its_actors_with_punctuation():
    """A name closing the lead's sentence may keep its punctuation ("Yahoo!."): it is still the
    actor the later telling names."""
    doc = _doc_with_lead_mentions(["person:Jeanne Roux", "org:Yahoo!."])
    lead_dates = {"REJECT": {("2025-05-29", "2025-05-29", "2025-05-29")}}
    later = _event("REJECT", "person:Jeanne Roux", "org:Yahoo", at=150)
    (carried,) = carry_lead_dates(doc, [later], lead_dates, lead_end=100)
    assert carried.date == "2025-05-29"


def test_a_later_telling_keeps_no_date_when_the_lead_did_not_name_its_target():
    doc = _doc_with_lead_mentions(["person:Jeanne Roux", "org:Yahoo!."])
    lead_dates = {"REJECT": {("2025-05-29", "2025-05-29", "2025-05-29")}}
    other = _event("REJECT", "person:Jeanne Roux", "org:Yahoo Japan", at=150)
    (carried,) = carry_lead_dates(doc, [other], lead_dates, lead_end=100)
    assert carried.date is None
