"""Generalisation, fourteenth session: events whose side is a pronoun.

Counted on a blind set (aggregates only): most events chronique misses have one side that the
sentence does not name, a pronoun or a clitic standing for it.

- "Lumex a déposé une offre sur Ardanel. Ardanel l'a rejetée": the clitic is the bid on the
  refuser told in that sentence or the one before; its bidder is refused. No such bid (another
  company refuses, or something else was told in between), no event.
- "La société Ardanel a publié ses résultats. Elle a accusé …": "elle" continues the
  organisation that was the sentence before's subject, even when the parser read its unknown
  name as an adjective of "société".

Real model, sentences written for the test (invented companies).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 5, 4)

BID = "Le groupe Lumex a déposé une offre sur la société Ardanel. "
CASES = [
    ("a bid refused by a clitic, its refuser named",
     BID + "La direction d'Ardanel l'a rejetée jeudi.",
     {("BID", "Lumex", "Ardanel"), ("REJECT", "Ardanel", "Lumex")}),
    ("a proposal to buy refused by a clitic",
     "Le groupe Lumex a proposé de racheter la société Ardanel pour 40 millions d'euros. "
     "La société Ardanel l'a jugée insuffisante et l'a rejetée.",
     {("BID", "Lumex", "Ardanel"), ("REJECT", "Ardanel", "Lumex")}),
    ("a clitic refused by a company the bid was not on",
     BID + "La société Velmont l'a rejetée.",
     {("BID", "Lumex", "Ardanel")}),
    ("a clitic refused after something else was told",
     BID + "Le gouvernement a présenté une loi. La société Ardanel l'a rejetée.",
     {("BID", "Lumex", "Ardanel")}),
    ("a clitic after a clause whose subject is another thing stands for that thing",
     BID + "La candidature de Paul Mervan au conseil d'Ardanel a été présentée, mais la société Ardanel l'a rejetée.",
     {("BID", "Lumex", "Ardanel")}),
    ("'elle' continues a company whose name the parser read as an adjective",
     "La société Ardanel a publié ses résultats mardi. Elle a accusé le groupe Lumex de concurrence déloyale.",
     {("ACCUSE", "Ardanel", "Lumex")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_events_with_a_pronoun_side(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


QUOTED = [
    ("a lawsuit said by 'nous', the speaker's office given after the cue",
     "« Nous portons plainte contre la société Bâtiplus », a déclaré Paul Garnier, maire de Quimper.",
     {("SUE", "Quimper", "Bâtiplus")}),
    ("'nous' the subject of the verb that governs the act",
     "« Nous avons décidé de porter plainte contre la société Bâtiplus », a déclaré Paul Garnier, maire de Quimper.",
     {("SUE", "Quimper", "Bâtiplus")}),
    ("a purchase said by 'nous', the title hung on the cue",
     "« Nous avons racheté la société Ardanel pour nous développer », a expliqué Claire Vautrin, présidente du groupe Lumex.",
     {("ACQUIRE", "Lumex", "Ardanel")}),
    ("a partnership said by 'nous'",
     "« Nous avons signé un partenariat avec la société Ardanel », a expliqué Claire Vautrin, présidente du groupe Lumex.",
     {("PARTNER", "Lumex", "Ardanel")}),
    ("'nous' of a former officer is not the organisation he left",
     "« Nous allons porter plainte contre la société Bâtiplus », a déclaré Paul Garnier, ancien directeur du groupe Lumex.",
     set()),
    ("... nor the one of an 'ex-' title",
     "« Nous avons porté plainte contre la société Bâtiplus », a déclaré Paul Garnier, ex-directeur du groupe Lumex.",
     set()),
    ("'nous' keeps the types of the entry: a firm signing is no player joining a club",
     "« Nous avons signé avec la société Ardalys », a affirmé Paul Mervan, président du groupe Velmont.",
     set()),
    ("asking for an opinion is no request",
     "La société Velmont a demandé l'avis de la société Ardalys.",
     set()),
    ("'nous' of an elected member is no constituency",
     "« Nous devons signer un accord avec la société Ardalys », a estimé Paul Mervan, député de la Somme.",
     set()),
    ("'nous' of a speaker with no title names no organisation",
     "« Nous portons plainte contre la société Bâtiplus », a déclaré Paul Garnier.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), QUOTED, ids=[case[0] for case in QUOTED])
def test_a_speakers_nous_in_a_deal_or_a_lawsuit_is_the_speakers_organisation(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected
