"""Relations (ROLE, PRODUCT_OF, PART_OF): table-driven tests of ``chronique_relations``.

Fast tests build ``Doc``s with ``spacy.blank`` and set the actor mentions by hand, so they test
the surface rules alone; slow tests run the French model and the actor recognizer in front.
"""

from __future__ import annotations

import datetime
import re

import pytest
import spacy

from chronique.extract.relations.component import RelationExtractor
from chronique.model import Entity
from chronique.nlp.extensions import ActorMention, register_extensions
from tests.conftest import component_pipeline, run_dated

register_extensions()

Expected = set[tuple[str, str, str, str | None]]


def _annotate(lang: str, text: str, actors: dict[str, tuple[str, str, str]], role_nouns=None):
    """A blank-model Doc with actor mentions at every occurrence of each surface (longest first).

    ``actors`` maps a surface form to (key, type, kind); kind is "name" or "description".
    """
    nlp = spacy.blank(lang)
    doc = nlp.make_doc(text)
    taken: list[tuple[int, int]] = []
    mentions = []
    for surface in sorted(actors, key=len, reverse=True):
        key, _type, kind = actors[surface]
        for found in re.finditer(re.escape(surface), text):
            if any(s < found.end() and found.start() < e for s, e in taken):
                continue
            taken.append(found.span())
            mentions.append(ActorMention(found.start(), found.end(), key, kind))
    doc._.actor_mentions = sorted(mentions, key=lambda m: m.start)
    doc._.entities = [Entity(key, surface, etype) for surface, (key, etype, _k) in actors.items()]
    return RelationExtractor(lang, role_nouns=role_nouns)(doc)


def _found(doc) -> Expected:
    return {(r.type, r.source, r.target, r.title) for r in doc._.relations}


ALTMAN = ("sam-altman", "PERSON", "name")
MUSK = ("elon-musk", "PERSON", "name")
NADELLA = ("satya-nadella", "PERSON", "name")
OPENAI = ("openai", "ORG", "name")
MICROSOFT = ("microsoft", "ORG", "name")
XAI = ("xai", "ORG", "name")
GOOGLE = ("google", "ORG", "name")
TESLA = ("tesla", "ORG", "name")

FRENCH_SURFACE_CASES = [
    # Two coordinated role nouns share the holder and the complement.
    ("Sam Altman, cofondateur et directeur général d'OpenAI, a répondu.", {"Sam Altman": ALTMAN, "OpenAI": OPENAI},
     {("ROLE", "sam-altman", "openai", "founder"), ("ROLE", "sam-altman", "openai", "ceo")}),
    ("Satya Nadella, patron de Microsoft et ami de Sam Altman, a répondu.",
     {"Satya Nadella": NADELLA, "Microsoft": MICROSOFT, "Sam Altman": ALTMAN},
     {("ROLE", "satya-nadella", "microsoft", "ceo")}),
    ("Sam Altman, patron d'OpenAI, a répondu.", {"Sam Altman": ALTMAN, "OpenAI": OPENAI},
     {("ROLE", "sam-altman", "openai", "ceo")}),
    ("Le PDG de Microsoft Satya Nadella a parlé.", {"Satya Nadella": NADELLA, "Microsoft": MICROSOFT},
     {("ROLE", "satya-nadella", "microsoft", "ceo")}),
    # the noun phrase goes on with a verb: it is the subject, not an apposition to Altman
    ("Selon Sam Altman, le patron de Microsoft a menti.", {"Sam Altman": ALTMAN, "Microsoft": MICROSOFT},
     set()),
    ("OpenAI n'est pas une entreprise ordinaire. Son modèle GPT a tout changé.",
     {"OpenAI": OPENAI, "GPT": ("gpt", "PRODUCT", "name")}, {("PRODUCT_OF", "gpt", "openai", None)}),
    ("Musk, via son entreprise xAI, cherche à peser.", {"Musk": MUSK, "xAI": XAI},
     {("ROLE", "elon-musk", "xai", "owner")}),
    ("DeepMind, filiale de Google, publie.", {"DeepMind": ("deepmind", "ORG", "name"), "Google": GOOGLE},
     {("PART_OF", "deepmind", "google", None)}),
    ("Instagram, filiale de Meta, change.", {"Instagram": ("instagram", "PRODUCT", "name"),
                                              "Meta": ("meta", "ORG", "name")},
     {("PRODUCT_OF", "instagram", "meta", None)}),
    ("Sam Altman a commandé une Tesla Roadster à Tesla.",
     {"Sam Altman": ALTMAN, "Tesla Roadster": ("tesla-roadster", "PRODUCT", "name"), "Tesla": TESLA},
     {("PRODUCT_OF", "tesla-roadster", "tesla", None)}),
    ("Musk défend xAI et Grok face aux critiques.",
     {"Musk": MUSK, "xAI": XAI, "Grok": ("grok", "PRODUCT", "name")},
     {("PRODUCT_OF", "grok", "xai", None)}),
    # known maker, but named too far away to be the text's point
    ("OpenAI est au cœur des débats, avec des projets qui se chiffrent en centaines de milliards "
     "de dollars, à l'image de l'infrastructure Stargate.",
     {"OpenAI": OPENAI, "Stargate": ("stargate", "PRODUCT", "name")}, set()),
    # a description resolved to a person the article never names: no relation about him
    ("Elon Musk attaque le patron d'OpenAI.",
     {"Elon Musk": MUSK, "patron d'OpenAI": ("sam-altman", "PERSON", "description"), "OpenAI": OPENAI},
     set()),
    ("Elon Musk, l'ancien administrateur d'OpenAI, a porté plainte.",
     {"Elon Musk": MUSK, "OpenAI": OPENAI}, {("ROLE", "elon-musk", "openai", "board")}),
]


@pytest.mark.parametrize(("text", "actors", "expected"), FRENCH_SURFACE_CASES)
def test_french_surface_rules(text: str, actors, expected: Expected) -> None:
    assert _found(_annotate("fr", text, actors)) == expected


def test_former_role_ends_in_the_past() -> None:
    text = "Elon Musk, ancien administrateur d'OpenAI, attaque."
    doc = _annotate("fr", text, {"Elon Musk": MUSK, "OpenAI": OPENAI})
    assert [r.valid_to for r in doc._.relations] == ["PAST_REF"]


def test_duplicates_keep_the_first_evidence() -> None:
    text = "Sam Altman, patron d'OpenAI, répond. Plus tard, Sam Altman, patron d'OpenAI, insiste."
    doc = _annotate("fr", text, {"Sam Altman": ALTMAN, "OpenAI": OPENAI})
    assert len(doc._.relations) == 1
    relation = doc._.relations[0]
    assert text[relation.start : relation.end] == "Sam Altman, patron d'OpenAI"


ENGLISH_ROLE_NOUNS = {"chief executive": ["ceo"], "CEO": ["ceo"], "founder": ["founder"]}
ENGLISH_CASES = [
    ("Sam Altman, chief executive of OpenAI, said no.", {"Sam Altman": ALTMAN, "OpenAI": OPENAI},
     {("ROLE", "sam-altman", "openai", "ceo")}),
    ("OpenAI's chief executive Sam Altman said no.", {"Sam Altman": ALTMAN, "OpenAI": OPENAI},
     {("ROLE", "sam-altman", "openai", "ceo")}),
    ("Tesla CEO Elon Musk replied.", {"Elon Musk": MUSK, "Tesla": TESLA},
     {("ROLE", "elon-musk", "tesla", "ceo")}),
    ("Grok, the chatbot of xAI, failed.", {"Grok": ("grok", "PRODUCT", "name"), "xAI": XAI},
     {("PRODUCT_OF", "grok", "xai", None)}),
]


@pytest.mark.parametrize(("text", "actors", "expected"), ENGLISH_CASES)
def test_english_surface_rules(text: str, actors, expected: Expected) -> None:
    assert _found(_annotate("en", text, actors, role_nouns=ENGLISH_ROLE_NOUNS)) == expected


def test_factory_runs_on_a_doc_without_actors() -> None:
    import chronique.extract.relations.component  # noqa: F401  (registers the factory)

    nlp = spacy.blank("fr")
    nlp.add_pipe("chronique_relations", config={"lang": "fr"})
    assert nlp("Rien à signaler.")._.relations == []


# -- with the French model and the actor recognizer ------------------------------------
MODEL_CASES = [
    ("Le PDG de Microsoft, Satya Nadella, a salué l'accord.",
     {("ROLE", "satya-nadella", "microsoft", "ceo")}),
    ("Satya Nadella est le PDG de Microsoft depuis 2014.", {("ROLE", "satya-nadella", "microsoft", "ceo")}),
    ("Sam Altman, devenu patron d'OpenAI en 2019, répond.", {("ROLE", "sam-altman", "openai", "ceo")}),
    ("Arthur Mensch, l'un des cofondateurs de Mistral AI, a parlé.",
     {("ROLE", "arthur-mensch", "mistral-ai", "founder")}),
    ("Elon Musk faisait alors partie des fondateurs d'OpenAI.", {("ROLE", "elon-musk", "openai", "founder")}),
    ("La start-up Mistral AI, fondée par Arthur Mensch, lève des fonds.",
     {("ROLE", "arthur-mensch", "mistral-ai", "founder")}),
    ("En 2023, Elon Musk fonde xAI, sa propre entreprise d'intelligence artificielle.",
     {("ROLE", "elon-musk", "xai", "founder")}),
    ("Sam Altman a critiqué Elon Musk, qui a fondé xAI en 2023.",
     {("ROLE", "elon-musk", "xai", "founder")}),
    ("Jensen Huang dirige Nvidia depuis sa création.", {("ROLE", "jensen-huang", "nvidia", "ceo")}),
    ("Meta, dirigée par Mark Zuckerberg, investit.", {("ROLE", "mark-zuckerberg", "meta", "ceo")}),
    ("Musk attaque Anthropic et Dario Amodei, son patron.", {("ROLE", "dario-amodei", "anthropic", "ceo")}),
    # A sentence-initial "son" is the topic's (the last subject), not the last name read.
    ("Anthropic a annoncé une levée de fonds menée par Nvidia. Son patron, Dario Amodei, s'en félicite.",
     {("ROLE", "dario-amodei", "anthropic", "ceo")}),
    ("Le constructeur Tesla a présenté jeudi un modèle, après que Renault a dévoilé le sien. "
     "« Nous sommes prêts », a affirmé son patron, Elon Musk.",
     {("ROLE", "elon-musk", "tesla", "ceo")}),
    ("Le fondateur de Meta, Mark Zuckerberg, a répondu.", {("ROLE", "mark-zuckerberg", "meta", "founder")}),
    ("Elon Musk a approché le dirigeant de Meta. Mark Zuckerberg a refusé.",
     {("ROLE", "mark-zuckerberg", "meta", "ceo")}),
    ("Grok, le chatbot de xAI, a dérapé.", {("PRODUCT_OF", "grok", "xai", None)}),
    ("Llama, le modèle de Meta, est en accès libre.", {("PRODUCT_OF", "llama", "meta", None)}),
    ("Google et sa filiale DeepMind ont présenté un modèle.", {("PART_OF", "deepmind", "google", None)}),
    # a plural noun names every actor of the list after it
    ("Le groupe Lactalis a cédé ses filiales Parmavi et Bordolac au fonds Ardian.",
     {("PART_OF", "org:Parmavi", "org:Lactalis", None), ("PART_OF", "org:Bordolac", "org:Lactalis", None)}),
    ("Le groupe Lactalis a cédé sa filiale Parmavi et le fonds Ardian a racheté Bordolac.",
     {("PART_OF", "org:Parmavi", "org:Lactalis", None)}),
    # the list ends at its coordinated item: the name after the next comma is the holder
    ("Le propriétaire des marques Zara, Bershka et Stradivarius, Inditex, a publié ses comptes.",
     {("PART_OF", "org:Zara", "org:Inditex", None), ("PART_OF", "org:Bershka", "org:Inditex", None),
      ("PART_OF", "org:Stradivarius", "org:Inditex", None)}),
    ("Jean Dupont, directeur général de la société Acme, a démissionné.",
     {("ROLE", "person:Jean Dupont", "org:Acme", "ceo")}),
    # role nouns at the size of French, hyphens read either way, acronyms, locutions
    ("Patrick Martin, le président-directeur général de Michelin, a répondu aux syndicats.",
     {("ROLE", "person:Patrick Martin", "michelin", "ceo")}),
    ("Anna Schmidt, CEO de Zalando, a répondu aux questions des analystes.",
     {("ROLE", "person:Anna Schmidt", "other:Zalando", "ceo")}),
    ("Julie Moreau, analyste chez Natixis, estime que la croissance ralentira.",
     {("ROLE", "person:Julie Moreau", "org:Natixis", "employee")}),
    ("Karim Benali, directeur France d'Uber, a défendu le modèle.",
     {("ROLE", "person:Karim Benali", "uber", "executive")}),
    ("Paul Martin est à la tête de Renault depuis 2020.", {("ROLE", "person:Paul Martin", "renault", "ceo")}),
    # one relation per enumerated organisation; the list is not the holder
    ("Marc Vidal, déjà propriétaire de TF1, de LCI et de TMC, prépare une nouvelle offre.",
     {("ROLE", "person:Marc Vidal", "org:LCI", "owner"), ("ROLE", "person:Marc Vidal", "org:TMC", "owner")}),
    # coordinated holders announced by a plural noun
    ("Les fondateurs de Criteo, à savoir Jean-Baptiste Rudelle et Franck Le Ouay, ont quitté le conseil.",
     {("ROLE", "person:Jean-Baptiste Rudelle", "criteo", "founder"),
      ("ROLE", "person:Franck Le Ouay", "criteo", "founder")}),
    # an organisation's owner, with a parent noun or an ownership locution
    ("Exor, le propriétaire de Ferrari, a publié ses comptes annuels.", {("PART_OF", "ferrari", "org:Exor", None)}),
    ("Le quotidien Le Soir, aux mains du groupe Rossel, a publié une enquête.",
     {("PART_OF", "org:Le Soir", "org:Rossel", None)}),
    # members of a government serve the state their title names, else the home state
    ("Le ministre allemand des Finances, Christian Lindner, a rejeté la proposition de l'Allemagne.",
     {("ROLE", "person:Christian Lindner", "loc:Allemagne", "executive")}),
    ("Bruno Durand, ministre de l'Industrie, a reçu les syndicats. L'État français détient 15 % du capital.",
     {("ROLE", "person:Bruno Durand", "org:État français", "executive")}),
    ("Pedro Sánchez, le président du gouvernement espagnol, a répondu à l'Espagne.",
     {("ROLE", "pedro-sanchez", "org:gouvernement espagnol", "president")}),
    ("Le ministre italien de l'Économie, Giancarlo Giorgetti, a salué l'accord.", set()),
    ("Pour le Portugal, Ana Costa, ancienne ministre de la Santé, rejoint la Commission. La France aussi.",
     set()),
    # fronted title, dash apposition after an acronym
    ("Nommé président de la Fédération française de tennis, Gilles Moretton a promis des réformes.",
     {("ROLE", "person:Gilles Moretton", "org:Fédération française de tennis", "president")}),
    # a stake makes an investor; the firm in a parenthesis or apposition employs the person
    ("Bernard Tapie détient désormais 40 % des parts de l'Olympique de Marseille, a confirmé le club.",
     {("ROLE", "person:Bernard Tapie", "olympique-de-marseille", "investor")}),
    ("Me Jean Dupuis (du cabinet Gide Loyrette Nouel) a déposé un recours.",
     {("ROLE", "person:Jean Dupuis", "org:cabinet Gide Loyrette Nouel", "employee")}),
    ("Sophie Martin, de la banque Lazard, juge l'offre trop basse.",
     {("ROLE", "person:Sophie Martin", "org:Lazard", "employee")}),
    ("Jean Dupuis (de Marseille) a déposé un recours.", set()),
    # the holder of a relative clause, the name inside a described complement
    ("Le fils du milliardaire Xavier Niel, qui est à l'origine de la société de télécoms Iliad, a parlé.",
     {("ROLE", "xavier-niel", "iliad", "founder")}),
    # an organisation followed by the list of its brands; not an acronym spelling its members
    ("Le groupe a racheté Lagardère News (Europe 1 et Paris Match) pour 300 millions d'euros.",
     {("PART_OF", "org:Europe 1", "org:Lagardère News", None),
      ("PART_OF", "org:Paris Match", "org:Lagardère News", None)}),
    ("Les GAFAM (Google, Apple, Meta, Amazon et Microsoft) dominent le marché.", set()),
    # an organisation owned by another, by a participle right after it; a stake is no parent
    ("La marque Lancia, détenue par Stellantis, revient en France.",
     {("PART_OF", "org:Lancia", "stellantis", None)}),
    ("Le groupe Casino, qui détenait une part minoritaire dans Cdiscount, a changé de stratégie.", set()),
    ("Les deux groupes ont procédé à la cession à Renault des 20 % détenus par Nissan dans le capital de Dacia.",
     set()),
    # the subject of "appartenir à" belongs to its complement: an organisation's part, a person's property
    ("Le comparateur Vidora, qui appartient au groupe Nexal, a relevé ses tarifs.",
     {("PART_OF", "org:Vidora", "org:Nexal", None)}),
    ("Le FC Vernay, qui appartient au milliardaire Paul Rivet depuis 2016, a changé d'entraîneur.",
     {("ROLE", "person:Paul Rivet", "org:FC Vernay", "owner")}),
    ("Le comparateur Vidora n'appartient pas au groupe Nexal, a précisé sa direction.", set()),
    ("Après son rachat, le comparateur Vidora appartiendra au groupe Nexal.", set()),
    # an unknown name the parser hung on its noun as an adjective still names it ("laboratoire Varnel/amod")
    ("Le laboratoire Varnel commercialise l'antidouleur Calmix depuis 2010.",
     {("PRODUCT_OF", "product:Calmix", "org:Varnel", None)}),
    # goods of other trades, and a hyphenated plural the tokenizer split ("aspirateurs - robots")
    ("Korvan, concepteur des aspirateurs-robots Herbix, a été racheté par Nexal.",
     {("PRODUCT_OF", "product:Herbix", "org:Korvan", None)}),
    ("Korvan, fabricant de la tondeuse Herbix, a été racheté par Nexal.",
     {("PRODUCT_OF", "product:Herbix", "org:Korvan", None)}),
    # a role noun the tagger read as a participle ("fondatrice/VERB") is still a role noun
    ("Claire Morin, fondatrice de Nexal, a annoncé des suppressions de postes.",
     {("ROLE", "person:Claire Morin", "org:Nexal", "founder")}),
    # an object relative stands for its antecedent: "Nexal, que préside X"
    ("Nexal, que préside Claire Morin depuis 2019, a annoncé des suppressions de postes.",
     {("ROLE", "person:Claire Morin", "org:Nexal", "chair")}),
    # presenting one's own new product makes it; selling someone's does not
    ("Le constructeur Veltra a présenté son nouvel autocar Cityline à Lyon.",
     {("PRODUCT_OF", "product:Cityline", "org:Veltra", None)}),
    ("Le distributeur Kerlann vend la console Nexbox depuis mars.", set()),
    # a sentence opened by "Chez Y," places a role noun with no complement of its own at Y
    ("Chez Nexal, la patronne Claire Morin a annoncé des suppressions de postes.",
     {("ROLE", "person:Claire Morin", "org:Nexal", "ceo")}),
    ("Chez Nexal, le directeur financier de Kerlann, Paul Rivet, a été entendu.",
     {("ROLE", "person:Paul Rivet", "org:Kerlann", "executive")}),
    # not relations
    ("Le groupe Danone et le fonds d'investissement américain KKR ont signé un accord.", set()),
    ("Après le rachat de Twitch par Amazon, les streamers ont protesté.", set()),
    ("Elon Musk n'a jamais dirigé OpenAI.", set()),
    ("Selon Elon Musk, le patron d'OpenAI a menti.", set()),
    ("Elon Musk a attaqué le fondateur de Meta.", set()),
    ("OpenAI a restructuré son modèle en intégrant une entité à but lucratif.", set()),
]


@pytest.fixture(scope="module")
def french_nlp():
    return component_pipeline("chronique_actors", "chronique_relations")


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), MODEL_CASES)
def test_french_with_model(french_nlp, text: str, expected: Expected) -> None:
    doc = french_nlp.make_doc(text)
    doc._.dct = datetime.date(2025, 6, 1)
    assert _found(french_nlp(doc)) == expected


# -- precision on short texts of other subjects: every relation found, and only those -----
PRECISION_TEXTS = [
    ("Le constructeur japonais Toyota a annoncé mardi un plan d'investissement. Son patron, Koji Sato, "
     "a précisé que l'usine d'Onnaing serait agrandie. Selon Koji Sato, le marché européen reste "
     "difficile, malgré la concurrence de Volkswagen et de Renault. Luca de Meo, qui a quitté Renault "
     "l'an dernier, n'a pas commenté.",
     {("ROLE", "koji-sato", "toyota", "ceo")}),
    ("La ministre de la Culture, Rachida Dati, a reçu mercredi les représentants de Netflix et d'Amazon. "
     "L'État veut que les plateformes financent davantage le cinéma français. Le président de la "
     "chaîne, Rodolphe Belmer, a salué une « discussion franche ».",
     {("ROLE", "person:Rachida Dati", "loc:État", "executive")}),
    ("Le fonds américain KKR et le groupe Bouygues ont signé un accord. Le directeur financier de "
     "Bouygues, Pascal Grangé, a détaillé l'opération aux analystes, dont ceux de la banque Natixis. "
     "Les joueurs du PSG, comme Ousmane Dembélé et Achraf Hakimi, ont assisté à la présentation.",
     {("ROLE", "person:Pascal Grangé", "bouygues", "executive"),
      ("ROLE", "person:Ousmane Dembélé", "paris-saint-germain", "employee"),
      ("ROLE", "person:Achraf Hakimi", "paris-saint-germain", "employee")}),
    ("Dans un entretien au Monde, l'économiste Thomas Piketty critique les milliardaires. Bernard "
     "Arnault, l'homme le plus riche de France, n'a pas répondu. LVMH, propriétaire de Louis Vuitton "
     "et de Dior, publiera ses résultats jeudi.",
     {("PART_OF", "org:Louis Vuitton", "lvmh", None), ("PART_OF", "other:Dior", "lvmh", None)}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), PRECISION_TEXTS)
def test_precision_on_other_subjects(french_nlp, text: str, expected: Expected) -> None:
    doc = french_nlp.make_doc(text)
    doc._.dct = datetime.date(2025, 6, 1)
    assert _found(french_nlp(doc)) == expected


#: Relations the events component's JOIN and LEAVE state (the whole pipeline runs): a person who
#: takes or leaves a post held it, titled by the role noun of the sentence, else as an employee.
POST_EVENT_CASES = [
    ("Le groupe Nexal a annoncé mardi le remplacement de Paul Rivet par Claire Morin au poste de "
     "directeur général.",
     {("ROLE", "person:Paul Rivet", "org:Nexal", "ceo"), ("ROLE", "person:Claire Morin", "org:Nexal", "ceo")}),
    ("Le défenseur Paul Rivet a quitté le FC Vernay pour rejoindre le Stade Kerlann.",
     {("ROLE", "person:Paul Rivet", "org:FC Vernay", "employee"),
      ("ROLE", "person:Paul Rivet", "org:Stade Kerlann", "employee")}),
    ("Paul Rivet pourrait rejoindre le groupe Nexal l'an prochain.", set()),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), POST_EVENT_CASES)
def test_taking_or_leaving_a_post_states_the_role(nlp, text: str, expected: Expected) -> None:
    assert _found(run_dated(nlp, text, datetime.date(2025, 6, 1))) == expected
