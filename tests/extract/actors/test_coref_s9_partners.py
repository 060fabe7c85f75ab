"""A description is never another argument of its own clause (extract/actors/clause_partners.py).

Sentences written for this test, on invented actors: the subject or the passive agent of the
description's verb (or of the verb whose subject controls its infinitive), and the antecedent of
the relative clause it stands in, are not what the description stands for.
"""

from __future__ import annotations

import pytest

from tests.conftest import resolved_key

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the antecedent of "avec qui" is not "le groupe": the seller is
        ("Le groupe Helvia a vendu ses parts au fonds Brixel Capital, avec qui le groupe avait signé un pacte.",
         "le groupe", "org:Helvia"),
        # the buyer of "s'offrir" is not what it buys: the trade noun said earlier is
        ("Le fabricant Hydrelis a publié des ventes en hausse. Le groupe Castelmar avait proposé deux "
         "milliards d'euros pour s'offrir le fabricant.", "le fabricant", "org:Hydrelis"),
        # object control: the accused does not pay, so the group it does not pay may be the accuser
        ("La société Velora accuse le fabricant Brixel de ne pas payer le groupe à sa juste valeur.",
         "le groupe", "org:Velora"),
        # an adverbial infinitive is its subject's doing: the sanctioned company stays a candidate
        ("La Commission européenne a sanctionné la société Velora sans exiger la vente des activités du groupe.",
         "groupe", "org:Velora"),
        # a plural verb: "qui" is not the company the parser hung it on ("des marges … qui serviront")
        ("Le fonds Ardival a ouvert de nouvelles marges pour la société Velora qui serviront à financer "
         "la croissance de l'entreprise.", "l'entreprise", "org:Velora"),
    ],
)
def test_the_other_argument_is_not_the_description(nlp, text, surface, expected):
    assert resolved_key(nlp, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # the only candidate buys: "le fabricant" is an actor never named
        ("Le groupe Castelmar avait proposé deux milliards d'euros pour s'offrir le fabricant de pompes.",
         "le fabricant"),
        # the plaintiff, as passive agent or subject, is not the defendant
        ("Une plainte a été déposée mardi par la société Velora auprès de la Commission européenne en "
         "raison de pratiques abusives de la part de l'entreprise allemande.", "l'entreprise"),
        ("La société Velora a porté plainte contre l'entreprise allemande.", "l'entreprise"),
    ],
)
def test_a_description_whose_only_candidate_is_its_partner_stays_unresolved(nlp, text, surface):
    assert resolved_key(nlp, text, surface) is None
