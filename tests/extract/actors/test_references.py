"""References within an article: descriptions, titles and the first person of quotes.

Sentences written for this test, on invented actors. A reference resolves to one actor or to
none: an ambiguous title or a quote without a speaker binds nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronique.pipeline import load_pipeline
from tests.conftest import run_dated

pytestmark = pytest.mark.slow



def run(nlp, text: str):
    return run_dated(nlp, text, dt.date(2024, 3, 12))


def resolved(doc, surface: str) -> tuple[str, str] | None:
    """(actor key, rule) of the first mention whose text is ``surface``."""
    for mention in doc._.actor_mentions:
        if doc.text[mention.start : mention.end] == surface:
            return mention.key, mention.rule
    return None


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a description stands for the actor of its type in focus
        ("Le conglomérat Halvorsen a racheté deux chantiers navals. Le conglomérat norvégien a aussi "
         "cédé une filiale.", "Le conglomérat norvégien", ("org:Halvorsen", "description")),
        ("La start-up Quorvane a présenté son assistant Lumio en mars. Cette application compte un million "
         "d'utilisateurs.", "Cette application", ("product:Lumio", "description")),
        # a title stands for the one person the article gave it
        ("Paul Verdier, ministre de l'Industrie, a visité le chantier. Le ministre a promis des aides.",
         "Le ministre", ("person:Paul Verdier", "title")),
        ("Le ministre Paul Verdier a reçu les syndicats. Plus tard, le ministre de l'Industrie a parlé.",
         "le ministre de l'Industrie", ("person:Paul Verdier", "title")),
        # "le groupe dirigé par X": the organisation the knowledge base says X runs
        ("Microsoft a signé un accord avec OpenAI et Nvidia. « Nous investirons dix milliards », a "
         "souligné le groupe dirigé par Satya Nadella.", "le groupe", ("microsoft", "description")),
        # an incise's "la société" is the subject before the quote, not a name quoted in it
        ("Le groupe suédois Velora a annoncé lundi le rachat de son concurrent Nuvio, détenu en partie "
         "par Renault.\n\n« Velora annonce l'acquisition de Nuvio », a indiqué la société.",
         "la société", ("org:Velora", "description")),
        # a subject description continues the subject of its paragraph, not the last name
        ("Orange a annoncé le rachat de MasOrange à KKR. « Cette opération renforce notre position "
         "en Espagne », a déclaré la société.", "la société", ("orange", "description")),
        # an institution named by its domain and its nationality
        ("Le gendarme de la concurrence italien a infligé une amende à Apple.",
         "gendarme de la concurrence italien", ("org:gendarme de la concurrence italien", "institution")),
        ("Le régulateur boursier américain a ouvert une enquête sur Tesla.",
         "régulateur boursier américain", ("org:régulateur boursier américain", "institution")),
    ],
)
def test_a_reference_stands_for_its_actor(nlp, text, surface, expected):
    assert resolved(run(nlp, text), surface) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # two ministers: "le ministre" is either, so neither
        ("Paul Verdier, ministre de l'Industrie, et Claire Dumas, ministre du Travail, ont signé. "
         "Le ministre a ensuite quitté la salle.", "Le ministre"),
        # a title nobody in the article holds
        ("Paul Verdier a visité le chantier. Le ministre a promis des aides.", "Le ministre"),
        # a description that introduces a name is no reference
        ("La start-up Quorvane a levé des fonds. La plateforme Nuvio a recruté.", "La plateforme"),
        ("La start-up Quorvane a levé des fonds. La plateforme de streaming Nuvio a recruté.", "La plateforme"),
        # led by someone the knowledge base does not know: which group is unsaid
        ("Microsoft a signé un accord avec OpenAI et Nvidia. « Nous investirons dix milliards », a "
         "souligné le groupe dirigé par Paul Verdier.", "le groupe"),
    ],
)
def test_an_ambiguous_reference_stays_unresolved(nlp, text, surface):
    assert resolved(run(nlp, text), surface) is None


def test_first_person_in_a_quote_is_its_speaker(nlp):
    doc = run(
        nlp,
        "« Je ne vendrai pas mes parts », a déclaré Paul Verdier, PDG de Velora. "
        "« Notre groupe restera indépendant », a-t-il ajouté.",
    )
    assert resolved(doc, "Je") == ("person:Paul Verdier", "quote-person")
    assert resolved(doc, "Notre groupe") == ("org:Velora", "quote-person")
    velora = next(e for e in doc._.entities if e.key == "org:Velora")
    assert (doc.text.index("Notre groupe"), doc.text.index("Notre groupe") + len("Notre groupe")) in velora.mentions


def test_an_organisation_speaking_is_we(nlp):
    doc = run(nlp, "Le groupe Halvorsen a réagi : « Nous contestons cette amende et nous ferons appel ».")
    assert resolved(doc, "Nous") == ("org:Halvorsen", "quote-person")
    assert resolved(doc, "Je") is None


def test_a_quote_without_speaker_binds_nothing(nlp):
    doc = run(nlp, "Sur une pancarte on lisait : « Je refuse cette réforme ».")
    assert all(m.rule != "quote-person" for m in doc._.actor_mentions)


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        # an acronym in brackets, the acronym alone, the first word alone: one actor
        ("La Fédération nationale des transporteurs routiers (FNTR) a protesté. Selon la FNTR, la "
         "Fédération compte 4000 adhérents.", {"FNTR", "Fédération"}),
        # an acronym of the name's initials
        ("La Banque européenne d'investissement a prêté deux milliards. La BEI finance aussi des ports.",
         {"BEI"}),
    ],
)
def test_one_actor_per_actor(nlp, text, forms):
    doc = run(nlp, text)
    organisations = [e for e in doc._.entities if e.type == "ORG"]
    assert len(organisations) == 1, organisations
    assert forms <= set(organisations[0].aliases)


def test_a_description_prefers_the_actor_the_article_called_so(nlp):
    doc = run(
        nlp,
        "La chaîne Canal Neuf a écrit à la société Velora. Velora a répondu mardi. La chaîne a porté plainte.",
    )
    assert resolved(doc, "La chaîne") == ("org:Canal Neuf", "description")


def test_the_first_and_the_second_of_a_pair(nlp):
    doc = run(
        nlp,
        "Paul Verdier et Claire Dumas se sont rencontrés lundi. Le premier a proposé un accord, que la "
        "seconde a refusé.",
    )
    assert resolved(doc, "Le premier") == ("person:Paul Verdier", "pronoun")
    assert resolved(doc, "la seconde") == ("person:Claire Dumas", "pronoun")


def test_an_ordinal_before_a_noun_is_no_reference(nlp):
    doc = run(nlp, "Paul Verdier et Claire Dumas ont signé. Le premier trimestre a été bon.")
    assert resolved(doc, "Le premier") is None


@pytest.mark.slow
def test_a_description_naming_a_trade_waits_for_a_clear_referent():
    """"la chaîne" after two platforms named once each is neither of them; "la société" is the
    organisation in focus; "la chaîne" after one channel named twice is that channel."""
    nlp = load_pipeline("fr")
    ambiguous = run_dated(nlp, "La ministre a reçu mercredi les représentants de Netflix et de Disney. "
                               "La chaîne a salué une discussion franche.", dt.date(2025, 6, 1))
    assert not [m for m in ambiguous._.actor_mentions if m.kind == "description" and "chaîne" in
                ambiguous.text[m.start:m.end]]
    salient = run_dated(nlp, "Canal Zéro a perdu ses droits. Canal Zéro négociait avec Quibly. "
                             "La chaîne a annoncé un recours.", dt.date(2025, 6, 1))
    names = {e.key: e.name for e in salient._.entities}
    chaine = [m for m in salient._.actor_mentions if salient.text[m.start:m.end].lower() == "la chaîne"]
    assert [names[m.key] for m in chaine] == ["Canal Zéro"]
