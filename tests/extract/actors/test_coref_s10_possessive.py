"""A possessive description ("son rival américain", "sa filiale", "son concurrent") stands for the
OTHER party of its possessor's relation (extract/actors/coref_possessive.py).

Sentences written for this test, on invented actors; quiet rows where the description must stay
unresolved (two candidates, a product as possessor, a name introduced, a complement).
"""

from __future__ import annotations

import pytest

from tests.conftest import resolved_key


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the subject is the possessor; the one other company in view is its rival
        ("La société Norvane a porté plainte contre la société Quorvane. Dans un communiqué, Norvane "
         "exige de son rival qu'il cesse de copier ses produits.", "son rival", "org:Quorvane"),
        # the possessor is inside a subject phrase: the actor named before it in its sentence
        ("Le groupe Helvion a racheté la start-up Brindle. En Belgique, pays clé pour Helvion, le rachat de "
         "son concurrent lui apporte 300 000 clients.", "son concurrent", "org:Brindle"),
        # none before it fits the origin said: the one named in the next sentence
        ("Le constructeur Veltra a signé une commande de la compagnie indienne Skyvia. Veltra devance ainsi "
         "son rival américain, englué dans des retards. Le groupe Norvane avait pourtant proposé des rabais.",
         "son rival américain", "org:Norvane"),
        # the article called one actor so: "Brixel, partenaire de Velora" … "son partenaire"
        ("La société Brixel, partenaire de la société Velora depuis 2019, a ouvert une usine à Nantes. La "
         "société Castel a annoncé des résultats. Velora versera 20 millions d'euros à son partenaire.",
         "son partenaire", "org:Brixel"),
    ],
)
def test_the_other_party_of_the_relation(nlp, text, surface, expected):
    assert resolved_key(nlp, text, surface) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # two other companies in view: either may be the rival
        ("La société Norvane a porté plainte contre la société Quorvane et contre la société Brindle. "
         "Norvane exige de son rival qu'il cesse de copier ses produits.", "son rival"),
        # the clause's subject is a product: a product's rival is a product, none of the actors here
        ("La société Norvane a porté plainte contre la société Quorvane. Le logiciel Zelvio de Norvane "
         "menace son concurrent.", "son concurrent"),
        # the description is the subject and no actor stands before it in its sentence: whose rival?
        ("La société Norvane a racheté la société Quorvane. Son concurrent a dénoncé l'opération.",
         "Son concurrent"),
        # a name restates it after its comma: the name is the actor
        ("La société Norvane a porté plainte contre la société Quorvane. Norvane accuse son concurrent, "
         "la société Brindle, de contrefaçon.", "son concurrent"),
        # a predicate: "X est son rival" says X is the rival, of somebody else
        ("La société Norvane a racheté la société Quorvane. Pour Norvane, la société Brindle est "
         "désormais son rival principal.", "son rival"),
        ("La société Norvane a racheté la société Quorvane. Norvane veut que Brindle reste son partenaire.",
         "son partenaire"),
        # looking ahead: the one company named next is what the description's own referent buys,
        # not the description (an actor of unknown country is taken only as a clause's subject)
        ("Le distributeur Marvex a signé un accord avec sa filiale brésilienne. La filiale a ensuite "
         "racheté le réseau Tavora.", "sa filiale brésilienne"),
        # a description that says no origin does not look ahead
        ("Le distributeur Marvex a signé un accord avec sa filiale. Le groupe Tavora a ensuite "
         "annoncé des résultats.", "sa filiale"),
        # inside a quote: somebody's "son rival" is theirs to mean
        ("La société Norvane a porté plainte contre la société Quorvane. « Norvane attaque son rival sans "
         "raison », a déclaré un analyste.", "son rival"),
    ],
)
def test_no_possessive_guess(nlp, text, surface):
    assert resolved_key(nlp, text, surface) is None


@pytest.mark.slow
def test_a_name_after_the_noun_is_the_actor(nlp):
    """"son rival Quorvane": the name is the mention, not the description."""
    text = "La société Norvane a porté plainte contre la société Quorvane et contre son rival Brindle."
    assert resolved_key(nlp, text, "son rival") is None
