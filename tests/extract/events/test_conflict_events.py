"""Conflict and cooperation events (ACCUSE, SUE, REQUEST, REJECT, PRAISE, CANCEL, THREATEN, PAY),
their dates and scores, and the error analysis behind ``chronique evaluate``.

Sentences are our own, on actors of the knowledge base or invented firms ("Kestrel"). Model tests
are marked ``slow``; the scoring and evaluation tests run on plain records.
"""

from __future__ import annotations

import datetime

import pytest

from chronique.evaluation import FALSE, HIT, MISS, evaluate_events, normalise_name
from chronique.extract.events.scoring import Scope, rescore
from chronique.model import Annotations, Document, Entity, Event
from tests.conftest import run_dated

PUBLISHED = datetime.date(2025, 6, 4)

#: (sentence, expected exported events as (type, source, target)).
FOUND = [
    ("Le syndicat CGT s'en est pris à Bernard Arnault.", {("ACCUSE", "org:CGT", "bernard-arnault")}),
    ("Xavier Niel a salué la décision de Martin Bouygues.", {("PRAISE", "xavier-niel", "martin-bouygues")}),
    ("Bruno Le Maire a exigé de Carrefour une baisse des prix.", {("REQUEST", "bruno-le-maire", "carrefour")}),
    ("Nestlé a mis fin à son partenariat avec Danone.", {("CANCEL", "org:Nestlé", "danone")}),
    ("Solvay a renoncé à son projet d'acquisition de la start-up Kestrel.", {("CANCEL", "org:Solvay", "org:Kestrel")}),
    ("Renault a suspendu ses activités avec Nissan.", {("CANCEL", "renault", "nissan")}),
    ("Bernard Arnault a rejeté l'offre de rachat formulée par Vincent Bolloré.",
     {("REJECT", "bernard-arnault", "vincent-bollore")}),
    ("La Cnil a ouvert une enquête sur Amazon.", {("ACCUSE", "org:Cnil", "amazon")}),
    ("La Commission européenne a infligé une amende de 200 millions d'euros à Microsoft.",
     {("ACCUSE", "commission-europeenne", "microsoft")}),
    ("Xavier Niel a menacé Vincent Bolloré de représailles.", {("THREATEN", "xavier-niel", "vincent-bollore")}),
    ("Bernard Arnault a fait l'éloge de Xavier Niel.", {("PRAISE", "bernard-arnault", "xavier-niel")}),
    ("Vincent Bolloré a saisi la justice contre Xavier Niel.", {("SUE", "vincent-bollore", "xavier-niel")}),
    ("Microsoft a versé 20 millions de dollars à Nvidia.", {("PAY", "microsoft", "nvidia")}),
    ("Microsoft a condamné l'attaque menée par Nvidia.", {("ACCUSE", "microsoft", "nvidia")}),
    # a wrongdoing told by someone accuses its doer
    ("Danone affirme que Lactalis a copié ses recettes.", {("ACCUSE", "danone", "org:Lactalis")}),
    # the parser hangs the object on the day noun
    ("La Commission européenne a infligé mardi une amende de 3 millions d'euros à Amazon.",
     {("ACCUSE", "commission-europeenne", "amazon")}),
    ("Xavier Niel a contacté Bernard Arnault pour entamer des négociations.",
     {("REQUEST", "xavier-niel", "bernard-arnault")}),
    ("Orange s'est heurté au refus de Bernard Arnault.", {("REJECT", "bernard-arnault", "orange")}),
    ("Vincent Bolloré a essuyé un refus de Xavier Niel.", {("REJECT", "xavier-niel", "vincent-bollore")}),
    # a refusal of accusations answers the accuser
    ("Microsoft accuse Nvidia de plagiat. Nvidia balaie ces accusations.",
     {("ACCUSE", "microsoft", "nvidia"), ("REJECT", "nvidia", "microsoft")}),
    # "je" in a quote is its speaker
    ("« J'ai la plus grande confiance en Xavier Niel », a déclaré Bernard Arnault.",
     {("PRAISE", "bernard-arnault", "xavier-niel")}),
    # a blacklisting, with the object the parser hung on the date before it, and in the passive
    ("L'administration Biden a placé le 3 mars Xiaomi sur une liste noire.",
     {("ACCUSE", "org:administration Biden", "xiaomi")}),
    ("Xiaomi a été inscrit sur la liste noire du Pentagone par l'administration Biden.",
     {("ACCUSE", "org:administration Biden", "xiaomi")}),
    # sentences told without their judge are by the court of the last sentence told
    ("Condamnée jeudi par le tribunal de commerce de Nantes à une amende de 50.000 euros, la société "
     "Kestrel va faire appel. Marc Dupont et Luc Bernard ont aussi été condamnés à une peine de prison "
     "avec sursis. Paul Girard, reconnu coupable de complicité, a écopé d'une amende de 5000 euros.",
     {("ACCUSE", "org:tribunal de commerce de Nantes", "org:Kestrel"),
      ("ACCUSE", "org:tribunal de commerce de Nantes", "person:Marc Dupont"),
      ("ACCUSE", "org:tribunal de commerce de Nantes", "person:Luc Bernard"),
      ("ACCUSE", "org:tribunal de commerce de Nantes", "person:Paul Girard")}),
    # a conduct a court or anyone finds unlawful, a wrongdoing found
    ("Le tribunal de commerce de Nantes a reconnu que Kestrel avait perçu indûment des aides publiques.",
     {("ACCUSE", "org:tribunal de commerce de Nantes", "org:Kestrel")}),
    ("La Cour des comptes a jugé que Renault avait violé la loi.", {("ACCUSE", "org:Cour des comptes", "renault")}),
    # praise in a quote, said of an actor by a predicate
    ("« Kylian Mbappé est un joueur formidable », a déclaré Didier Deschamps.",
     {("PRAISE", "person:Didier Deschamps", "person:Kylian Mbappé")}),
    # a politician's condemnation judges no one's case after it
    ("Emmanuel Macron a condamné Vladimir Poutine. Marc Dupont a été condamné à deux ans de prison.",
     {("ACCUSE", "emmanuel-macron", "vladimir-poutine")}),
]

#: Sentences that must yield no event: the same words, no act between two actors.
NOTHING = [
    "Xavier Niel a mis fin à une décennie de gestion familiale à Paris.",
    "Le tribunal a ouvert ses portes à Bernard Arnault.",
    "La Cnil a enquêté sur les pratiques du secteur.",
    "Danone a retiré sa candidature.",
    "Xavier Niel a adressé une lettre à Bernard Arnault.",
    "Le prix du lait s'élève à 2 euros chez Carrefour.",
    "Xavier Niel a demandé l'heure.",
    "Renault a livré ses voitures en retard.",
    "Xavier Niel a rencontré Bernard Arnault pour un déjeuner.",
    "« Je pars en vacances », a dit Bernard Arnault.",
    "Microsoft a condamné l'attaque informatique subie par Nvidia.",  # Nvidia is the victim
    "Danone affirme que ses recettes ont été copiées.",
    "Bernard Arnault s'est opposé à la réforme des retraites.",
    "Nvidia a mis fin à la production de sa puce la plus ancienne.",
    "Xavier Niel a approuvé le budget de la ville de Paris.",
    "Amazon a versé une prime à ses salariés, comme Carrefour.",
    "La Commission européenne a ouvert une consultation sur l'avenir d'Amazon en Europe.",
    "Nestlé n'a pas porté plainte contre Danone.",
    "Si Danone porte plainte contre Lactalis, le secteur en souffrira.",
    # a sentence with no judge told, a card in a match, a list that is not black
    "Marc Dupont a été condamné à deux ans de prison.",
    "Le joueur Kylian Mbappé a écopé d'un carton jaune.",
    "Xavier Niel a placé sa fortune sur une liste de placements.",
    "Le tribunal de commerce de Nantes a reconnu que Kestrel avait perçu des aides publiques.",
    # praise denied, praise of a season or of a contract, praise told by the article
    "« Kylian Mbappé n'est pas un joueur exemplaire », a déclaré Didier Deschamps.",
    "« Nous avons vécu une saison exceptionnelle avec Kylian Mbappé », a déclaré Didier Deschamps.",
    "« Le contrat signé avec Danone est excellent pour nous », a déclaré Xavier Niel.",
    "Kylian Mbappé est un joueur formidable.",
]



def _exported(nlp, text: str) -> list[Event]:
    from chronique.model import EXPORTED_MODALITIES

    return [e for e in run_dated(nlp, text, PUBLISHED)._.events if e.modality in EXPORTED_MODALITIES]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", FOUND, ids=[t[:40] for t, _ in FOUND])
def test_conflict_triggers_find_who_acts_on_whom(nlp, text, expected):
    assert {(e.type, e.sources[0], e.targets[0]) for e in _exported(nlp, text)} == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", NOTHING, ids=[t[:40] for t in NOTHING])
def test_no_event_without_an_act_between_two_actors(nlp, text):
    assert _exported(nlp, text) == []


@pytest.mark.slow
@pytest.mark.parametrize("text, modality", [
    ("Xavier Niel aurait critiqué Bernard Arnault, selon Le Monde.", "reported"),
    ("Xavier Niel envisage de porter plainte contre Bernard Arnault.", "proposed"),
    ("Xavier Niel a tenté en vain de convaincre Bernard Arnault.", "failed"),
    ("Xavier Niel a refusé de critiquer Bernard Arnault.", "hypothetical"),
    ("Xavier Niel n'a jamais critiqué Bernard Arnault.", "negated"),
])
def test_reported_proposed_and_failed_events_count_negated_and_hypothetical_do_not(nlp, text, modality):
    from chronique.model import EXPORTED_MODALITIES

    (event,) = run_dated(nlp, text, PUBLISHED)._.events
    assert (event.sources, event.targets, event.modality) == (("xavier-niel",), ("bernard-arnault",), modality)
    assert (event.modality in EXPORTED_MODALITIES) == (modality in ("reported", "proposed", "failed"))


@pytest.mark.slow
def test_a_sentence_told_without_its_judge_keeps_the_date_of_the_judgment(nlp):
    text = ("Condamnée jeudi par le tribunal de commerce de Nantes à une amende, la société Kestrel va "
            "faire appel. Marc Dupont a aussi été condamné à une peine de prison avec sursis.")
    events = {e.targets[0]: e for e in _exported(nlp, text)}
    assert events["person:Marc Dupont"].sources == ("org:tribunal de commerce de Nantes",)
    assert events["person:Marc Dupont"].date == events["org:Kestrel"].date == "2025-05-29"


@pytest.mark.slow
def test_a_later_telling_takes_the_date_of_the_lead_that_named_its_actors(nlp):
    text = ("Xavier Niel a décidé de bloquer jeudi la vente entre la plate-forme française Kestrel et le géant "
            "américain Oracle. Une décision soutenue par la classe politique, vendredi matin.\n\n"
            "L'intervention du ministre Xavier Niel, qui a stoppé la vente de Kestrel au géant américain Oracle, "
            "fait réagir. Oracle avait déjà racheté Sun.")
    events = {(e.type, e.targets[0]): e for e in _exported(nlp, text)}
    assert events[("REJECT", "oracle")].date == "2025-05-29"
    assert events[("ACQUIRE", "org:Sun")].date is None  # Sun is not in the lead: another happening


@pytest.mark.slow
def test_every_event_names_the_rule_that_produced_it(nlp):
    (event,) = _exported(nlp, "Vincent Bolloré a saisi la justice contre Xavier Niel.")
    assert event.rule == "SUE verb saisir"


@pytest.mark.slow
def test_the_lead_takes_the_day_of_news_and_older_events_keep_theirs(nlp):
    text = ("Amazon abandonne son projet de rachat de Nvidia ce 2 juin.\n\nLe groupe de Seattle a annoncé "
            "la nouvelle lundi. Amazon avait proposé de racheter Nvidia en 2022.")
    dates = {e.type: e.date for e in _exported(nlp, text)}
    assert dates == {"CANCEL": "2025-06-02", "BID": "2022"}


@pytest.mark.slow
def test_a_fronted_participle_names_the_courted_and_alors_takes_the_date_of_its_sentence(nlp):
    text = "Courtisée par Microsoft en 2023, la société Nvidia avait alors décliné une offre de 2 milliards de dollars."
    found = {(e.type, e.sources[0], e.targets[0], e.date) for e in _exported(nlp, text)}
    assert found == {("BID", "microsoft", "nvidia", "2023"), ("REJECT", "nvidia", "microsoft", "2023")}


@pytest.mark.slow
@pytest.mark.parametrize("text, bid_score", [
    # refused by its target: a fought bid
    ("Microsoft a proposé de racheter Nvidia. Nvidia a rejeté l'offre de Microsoft.", -5.0),
    # refused by someone the bidder keeps accusing: a move in a feud
    ("Xavier Niel accuse Vincent Bolloré de mentir. Xavier Niel a proposé de racheter Vivendi. "
     "Vincent Bolloré a rejeté l'offre de Xavier Niel.", -5.0),
    # declined by a third party with no quarrel: still an offer to cooperate
    ("Microsoft a proposé de racheter Kestrel. Xavier Niel a décliné l'offre de Microsoft.", 5.2),
])
def test_a_fought_bid_is_conflict(nlp, text, bid_score):
    (bid,) = [e for e in _exported(nlp, text) if e.type == "BID"]
    assert bid.score == bid_score


@pytest.mark.slow
def test_a_price_war_scores_below_plain_rivalry(nlp):
    (war,) = _exported(nlp, "Renault et Stellantis se livrent une guerre des prix.")
    assert (war.type, war.score) == ("COMPETE", -2.0)


# ------------------------------------------------------------------------------ pure records

def _event(type_: str, source: str, target: str, start: int = 0, **more) -> Event:
    return Event(type=type_, sources=(source,), targets=(target,), start=start, end=start + 10,
                 trigger="x", trigger_start=start, trigger_end=start + 1, **more)


_EMPTY_SCOPE = Scope(frozenset(), {"evidence": (), "sentence": ()}, {"evidence": ("", ""), "sentence": ("", "")})


def test_rescore_marks_a_bid_its_target_rejects_as_fought():
    events = [_event("BID", "a", "b"), _event("REJECT", "b", "a", 20)]
    scored = rescore(events, [_EMPTY_SCOPE] * 2, "fr")
    assert [e.score for e in scored] == [-5.0, -4.0]


def test_rescore_keeps_a_bid_a_negated_rejection_does_not_fight():
    events = [_event("BID", "a", "b"), _event("REJECT", "b", "a", 20, modality="negated")]
    assert rescore(events, [_EMPTY_SCOPE] * 2, "fr")[0].score == 5.2


def test_names_compare_without_case_apostrophes_or_determiners():
    assert normalise_name("L’Union  européenne") == normalise_name("union européenne") == "union européenne"


def test_evaluation_counts_hits_misses_false_events_and_dates_per_type_and_rule():
    text = "Alpha accuse Beta. Gamma loue Delta."
    document = Document(id="d1", text=text, date=PUBLISHED)
    entities = [Entity("k-alpha", "Alpha", "ORG", mentions=((0, 5),)),
                Entity("k-beta", "Beta", "ORG", mentions=((13, 17),)),
                Entity("k-gamma", "Gamma", "ORG", mentions=((19, 24),)),
                Entity("k-delta", "Delta", "ORG", mentions=((30, 35),))]
    events = [
        _event("ACCUSE", "k-alpha", "k-beta", date="2025-06-03", rule="ACCUSE verb accuser"),
        _event("ACCUSE", "k-alpha", "k-beta", rule="ACCUSE verb accuser"),  # a repeat: neither
        _event("PRAISE", "k-delta", "k-gamma", 19, rule="PRAISE verb saluer"),  # wrong way round
        _event("SUE", "k-alpha", "k-beta", modality="hypothetical", rule="SUE verb porter"),  # not exported
    ]
    gold = {"d1": {"id": "d1", "entities": [
        {"id": "a", "name": "Alpha"}, {"id": "b", "name": "Beta", "aliases": ["la société Beta"]},
        {"id": "g", "name": "Gamma"}, {"id": "d", "name": "Delta"}],
        "events": [
            {"type": "ACCUSE", "source": "a", "target": "b", "date": "2025-06", "evidence": "Alpha accuse Beta"},
            {"type": "PRAISE", "source": "g", "target": "d", "date": None, "evidence": "Gamma loue Delta"},
            {"type": "SUE", "source": "a", "target": "b", "date": None, "evidence": "x", "optional": True},
        ]},
        "d2": {"id": "d2", "entities": [], "events": [
            {"type": "PAY", "source": "p", "target": "q", "date": None, "evidence": "Pi paie Qu."}]}}
    result = evaluate_events([Annotations(document, entities=entities, events=events)], gold)
    kinds = sorted((o.kind, o.type) for o in result.outcomes)
    assert kinds == [(FALSE, "PRAISE"), (HIT, "ACCUSE"), (MISS, "PAY"), (MISS, "PRAISE")]
    total = result.total()
    assert (total.hits, total.misses, total.false, total.dated, total.dated_right) == (1, 2, 1, 1, 1)
    by_rule = result.by_rule()
    assert (by_rule["ACCUSE verb accuser"].hits, by_rule["PRAISE verb saluer"].false) == (1, 1)
    (false,) = [o for o in result.outcomes if o.kind == FALSE]
    assert (false.source, false.target, false.sentence) == ("Delta", "Gamma", "Gamma loue")  # its evidence


@pytest.mark.slow
def test_the_evaluate_command_prints_hits_false_events_and_rules(tmp_path, nlp):
    import json

    from typer.testing import CliRunner

    from chronique.cli import app

    text = "Danone a porté plainte contre Lactalis. Xavier Niel a salué Bernard Arnault."
    (tmp_path / "docs.jsonl").write_text(json.dumps({"id": "n1", "date": "2025-06-04", "lang": "fr", "text": text}) + "\n")
    gold = {"id": "n1", "entities": [{"id": "d", "name": "Danone"}, {"id": "l", "name": "Lactalis"},
                                     {"id": "x", "name": "Xavier Niel"}, {"id": "b", "name": "Bernard Arnault"}],
            "events": [{"type": "SUE", "source": "d", "target": "l", "date": None, "evidence": "Danone a porté plainte"}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "gold.jsonl"), str(tmp_path / "docs.jsonl"), "--json",
                                      "--show", "hits", "--show", "false"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [(o["kind"], o["type"], o["rule"]) for o in lines] == [
        ("hit", "SUE", "SUE verb porter"), ("false", "PRAISE", "PRAISE verb saluer")]
    bad = CliRunner().invoke(app, ["evaluate", str(tmp_path / "gold.jsonl"), str(tmp_path / "docs.jsonl"), "--show", "all"])
    assert bad.exit_code == 2 and "--show" in bad.output
