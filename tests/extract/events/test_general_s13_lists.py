"""Generalisation, thirteenth session: lists of described names, and phrases set off by commas.

- "a racheté la société A et l'opérateur B", "accuse le pétrolier A et le groupe B": an item of
  a list may be a determined noun its name follows; the name goes on into the list as a bare name
  does (``phrase_names.listed_names``, ``PhraseReader.actors``). A noun that opens a clause of
  its own ("et le groupe B a racheté C") ends the list.
- "déposée par X, auprès de la Commission, contre Y": a complement after the comma that closes a
  phrase inserted after the verb is the verb's, though the parser hung it on the inserted
  phrase's noun (``sunk_prepositions.after_inserted_phrase``).
- "a signé, à Bruxelles, un accord avec X", "a racheté, pour 40 millions, la start-up X": the bare
  noun phrase after such an inserted phrase is the verb's object, wherever the parser hung it
  (``sunk_prepositions.object_after_inserted_phrase``); it names its own actors, never the
  inserted phrase's ("a racheté, comme son concurrent X, une société …").

Real model, sentences of our own (``slow``); the rows that give no more than they name are the
precision check.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import named_events

pytestmark = pytest.mark.slow
PUBLISHED = datetime.date(2026, 3, 12)

LISTS = [
    ("two companies bought, the second described",
     "Le groupe Bouygues a racheté la société Equans et l'opérateur Colt.",
     {("ACQUIRE", "Bouygues", "Equans"), ("ACQUIRE", "Bouygues", "Colt")}),
    ("two companies accused, the second with an adjective",
     "L'ONG Greenpeace accuse le pétrolier Shell et le groupe britannique BP de pollution.",
     {("ACCUSE", "Greenpeace", "Shell"), ("ACCUSE", "Greenpeace", "BP")}),
    ("two partners after 'avec'",
     "Le constructeur Airbus a signé des contrats avec la compagnie Air France et la société Corsair.",
     {("PARTNER", "Airbus", "Air France"), ("PARTNER", "Airbus", "Corsair")}),
    ("two athletes praised",
     "Le président Emmanuel Macron a félicité le skieur Paul Martin et la biathlète Anne Morel.",
     {("PRAISE", "Emmanuel Macron", "Paul Martin"), ("PRAISE", "Emmanuel Macron", "Anne Morel")}),
    ("a described noun that opens a clause of its own ends the list",
     "Le groupe Bouygues a racheté la société Equans et le groupe Alstom a racheté la société Bombardier.",
     {("ACQUIRE", "Bouygues", "Equans"), ("ACQUIRE", "Alstom", "Bombardier")}),
    ("a described subject of a later clause is no second investee",
     "Le fonds Ardian a investi dans la société Alan et l'entreprise Qonto a levé 50 millions d'euros.",
     {("INVEST", "Ardian", "Alan")}),
]

INSERTED = [
    ("a complaint's target after an inserted 'auprès de'",
     "Une plainte a été déposée par le groupe Spotify, auprès de la Commission européenne, contre Apple.",
     {("SUE", "Spotify", "Apple")}),
    ("a union's complaint, the target after the prosecutor",
     "La fédération Solidaires a déposé une plainte, auprès du parquet de Marseille, contre la société Uber.",
     {("SUE", "Solidaires", "Uber")}),
    ("an agreement signed, the place inserted",
     "Le ministre Paul Martin a signé, à Bruxelles, un accord avec le groupe Airbus.",
     {("PARTNER", "Paul Martin", "Airbus")}),
    ("a purchase, the price inserted",
     "La société Doctolib a racheté, pour 40 millions d'euros, la start-up Kelindi.",
     {("ACQUIRE", "Doctolib", "Kelindi")}),
    ("praise, the medium inserted",
     "Le président Emmanuel Macron a félicité, dans un message, le skieur Paul Martin.",
     {("PRAISE", "Emmanuel Macron", "Paul Martin")}),
    ("a lawsuit, the court inserted",
     "L'ONG Oxfam a attaqué, devant le tribunal de Paris, le groupe TotalEnergies.",
     {("SUE", "Oxfam", "TotalEnergies")}),
    ("a rival named in the inserted phrase is not what was bought",
     "Le groupe Vinci a racheté, comme son concurrent Eiffage, une société de travaux publics.",
     {("COMPETE", "Eiffage", "Vinci")}),
    ("a partner named in the inserted phrase is not what was bought",
     "Le groupe Vinci a racheté, avec le fonds Ardian, une société de travaux publics.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), LISTS, ids=[c[0] for c in LISTS])
def test_lists_of_described_names(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


@pytest.mark.parametrize(("why", "text", "expected"), INSERTED, ids=[c[0] for c in INSERTED])
def test_phrases_after_an_inserted_phrase(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


# "le club de l'OM", "le club du PSG": a team noun restated by the club's own name after "de"
# and its article (extract/actors/restated.py); "le club de supporters du PSG" is another club.
TEAMS = [
    ("a club dismisses its coach",
     "Le club de l'OM a limogé son entraîneur Jorge Sampaoli.",
     {("LEAVE", "Jorge Sampaoli", "Olympique de Marseille")}),
    ("a rugby club dismisses its coach",
     "Le club du Stade français a limogé son entraîneur Paul Martin.",
     {("LEAVE", "Paul Martin", "Stade français")}),
    ("a football club recruits",
     "Le club du RC Lens a recruté le défenseur Paul Martin.",
     {("JOIN", "Paul Martin", "RC Lens")}),
    ("a club's complaint against another club",
     "Le club du FC Nantes a déposé une réclamation contre le club de l'AJ Auxerre.",
     {("ACCUSE", "FC Nantes", "AJ Auxerre")}),
    ("a supporters' club is not the club",
     "Le club de supporters du PSG a critiqué le président Nasser al-Khelaïfi.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), TEAMS, ids=[c[0] for c in TEAMS])
def test_a_club_named_after_its_article(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


# "la demande faite par X à Y", "a présenté ses exigences à Y": making, putting or submitting a
# demand asks the "à" (or "auprès de") party; a demand with nobody asked asks nobody.
DEMANDS = [
    ("a demand made by a company to a regulator, as a participle",
     "Malgré la demande faite par le groupe Criteo à la CNIL, la décision a été publiée.",
     {("REQUEST", "Criteo", "CNIL")}),
    ("a union's demand to a carmaker, as a participle",
     "La demande faite par le syndicat CGT au groupe Renault a été rejetée.",
     {("REQUEST", "CGT", "Renault")}),
    ("a club presents its demands to the league",
     "Le club du PSG a présenté ses exigences à la Ligue de football professionnel.",
     {("REQUEST", "Paris Saint-Germain", "Ligue de football professionnel")}),
    ("an asylum claim asks no actor",
     "Le réfugié Paul Martin a fait une demande d'asile.",
     set()),
    ("a patent application asks no actor",
     "Le groupe Renault a fait une demande de brevet pour sa batterie.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), DEMANDS, ids=[c[0] for c in DEMANDS])
def test_demands_made_to_someone(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


# "former une coalition avec Y", "constituer un consortium avec Y": a coalition and a consortium
# are alliances; a consortium named, or a coalition that acts, tells no alliance.
ALLIANCES = [
    ("a consortium set up with a partner",
     "Le groupe Vinci a constitué un consortium avec la société Alpha.",
     {("PARTNER", "Vinci", "Alpha")}),
    ("a coalition of parties",
     "Le parti Renaissance a formé une coalition avec le parti Horizons.",
     {("PARTNER", "Renaissance", "Horizons")}),
    ("an industrial consortium",
     "Le groupe Airbus a monté un consortium avec le groupe Thales pour le satellite.",
     {("PARTNER", "Airbus", "Thales")}),
    ("a consortium's name tells no alliance",
     "Le consortium Airbus a livré 30 avions.",
     set()),
    ("a coalition that acts tells no alliance",
     "La coalition menée par les États-Unis a bombardé la ville.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), ALLIANCES, ids=[c[0] for c in ALLIANCES])
def test_coalitions_and_consortia(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


# "a placé le groupe Tencent/VERB,acl sur une liste noire", "la société Hikvision/xcomp": the
# tagger misread the name as a clause; the words of a locution under it are still the verb's
# ("liste noire", "banc des accusés"). A real relative clause stays a clause.
MISREAD_NAMES = [
    ("a name read as a verb carries the blacklist",
     "Le Pentagone a placé le groupe Tencent sur une liste noire.",
     {("ACCUSE", "département de la Défense des États-Unis", "Tencent")}),
    ("a name read as a complement clause carries the blacklist",
     "Le gouvernement américain a placé la société Hikvision sur une liste noire.",
     {("ACCUSE", "gouvernement américain", "Hikvision")}),
    ("a name read as a verb carries the dock",
     "Le Pentagone a placé le groupe Tencent au banc des accusés.",
     {("ACCUSE", "département de la Défense des États-Unis", "Tencent")}),
    ("a blacklist in a relative clause is not the purchase's",
     "Le gouvernement américain a racheté la société Alpha, qui figurait sur une liste noire.",
     {("ACQUIRE", "gouvernement américain", "Alpha")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), MISREAD_NAMES, ids=[c[0] for c in MISREAD_NAMES])
def test_locutions_under_a_misread_name(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


# "a racheté le 3 mars la société X": the parser hangs the object after a date on the date's
# noun; a determined noun its name follows, right after the date, is the object (as a bare name
# there is). A stake's noun ("la moitié de X") is no company.
AFTER_A_DATE = [
    ("a company bought, the day before it",
     "Le groupe Alpha a racheté le 3 mars la société Kelindi.",
     {("ACQUIRE", "Alpha", "Kelindi")}),
    ("a regulator's sanction, the day before the company",
     "La CNIL a sanctionné le 3 mars la société Hikvision.",
     {("ACCUSE", "CNIL", "Hikvision")}),
    ("a blacklisting, the day before the company",
     "L'administration Biden a placé le 3 mars la société Hikvision sur une liste noire.",
     {("ACCUSE", "administration Biden", "Hikvision")}),
    ("a stake's noun after the day is no company",
     "Le groupe Alpha a racheté le 3 mars la moitié de la société Kelindi.",
     set()),
]


@pytest.mark.parametrize(("why", "text", "expected"), AFTER_A_DATE, ids=[c[0] for c in AFTER_A_DATE])
def test_a_described_object_after_a_date(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


# « Renault ment », a accusé la CGT: a verb that opens an incise right after a quote has its
# subject after it (the speaker, whatever label the parser gave it); the quote's first name is
# not its subject, nor the speaker its object (events/quote_incises.py). A participle after the
# incise is the speaker's.
QUOTE_INCISES = [
    ("a union's accusation after a quote: not the quoted company's",
     "« Renault ment », a accusé la CGT.",
     set()),
    ("a company's attack after a quote: not the quoted rival's",
     "« Apple abuse de sa position », a attaqué le groupe Spotify.",
     set()),
    ("a club's accusation after a quote: not the quoted club's",
     "« Le PSG triche », a accusé le club de l'OM.",
     set()),
    ("praise by a participle after the incise",
     "« C'est une bonne nouvelle », a estimé la maire Anne Morel, saluant la décision du groupe Renault.",
     {("PRAISE", "Anne Morel", "Renault")}),
    ("congratulations by a participle after the incise",
     "« Nous sommes ravis », a réagi le club du PSG, félicitant l'attaquant Paul Martin.",
     {("PRAISE", "Paris Saint-Germain", "Paul Martin")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), QUOTE_INCISES, ids=[c[0] for c in QUOTE_INCISES])
def test_the_speaker_of_an_incise_after_a_quote(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected


# "les critiques de X à l'encontre/nmod du groupe Y/nmod(encontre)": the parser hangs the phrase
# of a compound preposition on its noun; it is the event noun's "contre" complement.
COMPOUND_PREPOSITIONS = [
    ("a union's criticism of a carmaker",
     "Les critiques du syndicat CGT à l'encontre du groupe Renault se multiplient.",
     {("ACCUSE", "CGT", "Renault")}),
    ("an NGO's accusations against an oil company",
     "Les accusations de l'ONG Oxfam à l'encontre du groupe TotalEnergies ont été démenties.",
     {("ACCUSE", "Oxfam", "TotalEnergies")}),
    ("a government's threats against an island",
     "Les menaces du gouvernement chinois à l'encontre de Taïwan se multiplient.",
     {("THREATEN", "gouvernement chinois", "Taïwan")}),
]


@pytest.mark.parametrize(("why", "text", "expected"), COMPOUND_PREPOSITIONS, ids=[c[0] for c in COMPOUND_PREPOSITIONS])
def test_a_phrase_hung_on_a_compound_preposition(nlp, why: str, text: str, expected: set) -> None:
    assert named_events(nlp, text, PUBLISHED) == expected
