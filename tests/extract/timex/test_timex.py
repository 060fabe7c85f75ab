"""French temporal tagging, one table per family of expressions.

Each row is (text, expected span text, expected value), tagged against a fixed publication
date, Monday 3 November 2025 (the date of the first seed article), unless the row says.
"""

from __future__ import annotations

from datetime import date

import pytest

from chronique.extract.timex import tag
from chronique.model import Timex

DCT = date(2025, 11, 3)


def only(text: str, dct: date | None = DCT, lang: str = "fr") -> Timex:
    found = tag(text, dct, lang)
    assert len(found) == 1, f"expected one timex in {text!r}, got {found}"
    return found[0]


ABSOLUTE = [
    ("Le 30 octobre 2025, Sam Altman publie.", "Le 30 octobre 2025", "2025-10-30"),
    ("un bon de commande du 11 juillet 2018", "11 juillet 2018", "2018-07-11"),
    ("commandée le 11/07/2018 puis annulée", "le 11/07/2018", "2018-07-11"),
    ("En 2023, Elon Musk fonde xAI.", "2023", "2023"),
    ("En février 2025, il propose", "février 2025", "2025-02"),
    ("dès octobre 98 à l'école", "octobre 98", "1998-10"),
    ("le 10 novembre 93, à Poitiers", "le 10 novembre 93", "1993-11-10"),
    ("attendu mi-2024 au plus tard", "mi-2024", "2024"),
    ("prévu fin 2019 selon lui", "fin 2019", "2019"),
    ("livré début octobre", "début octobre", "2025-10"),
    ("au troisième trimestre 2024, les ventes", "au troisième trimestre 2024", "2024-Q3"),
    ("au premier semestre 2023", "au premier semestre 2023", "2023-H1"),
    ("pendant l'été 2022, la sécheresse", "l'été 2022", "2022-SU"),
    ("dans les années 1990, Internet", "les années 1990", "199"),
    ("les années 80 furent", "les années 80", "198"),
    ("au XXe siècle, la ville", "au XXe siècle", "19"),
    ("dès l'année 2001, la municipalité", "l'année 2001", "2001"),
    ("le vendredi 1er mai à Paris", "le vendredi 1er mai", "2026-05-01"),
    ("le jeudi 1er mai à Paris", "le jeudi 1er mai", "2025-05-01"),
    ("l'origine remonte à 2015.", "2015", "2015"),
    ("la saison 2002/2003 commence", "2002", "2002"),
]

RELATIVE = [
    ("Il est arrivé hier à Salt Lake City.", "hier", "2025-11-02"),
    ("il se rend aujourd'hui au centre", "aujourd'hui", "2025-11-03"),
    ("Aujourd'hui, la ville a changé.", "Aujourd'hui", "PRESENT_REF"),
    ("il viendra demain", "demain", "2025-11-04"),
    ("Le conseil a siégé. Samedi, le maire a signé.", "Samedi", "2025-11-01"),
    ("la mairie a promis une réponse d'ici jeudi", "jeudi", "2025-11-06"),
    ("le syndicat l'avait prévenu il y a plus d'un an", "il y a plus d'un an", "2024"),
    ("la digue a cédé il y a près d'un mois", "il y a près d'un mois", "2025-10"),
    ("il a démissionné lundi dernier", "lundi dernier", "2025-10-27"),
    ("ils se verront lundi prochain", "lundi prochain", "2025-11-10"),
    ("la semaine prochaine, il partira", "la semaine prochaine", "2025-W46"),
    ("cette semaine, il a publié", "cette semaine", "2025-W45"),
    ("l'an dernier, les ventes", "l'an dernier", "2024"),
    ("l'année prochaine sera meilleure", "l'année prochaine", "2026"),
    ("le mois dernier, le chômage", "le mois dernier", "2025-10"),
    ("il y a deux ans, il a quitté", "il y a deux ans", "2023"),
    ("il y a trois mois, ils ont signé", "il y a trois mois", "2025-08"),
    ("dans trois mois, la loi entrera", "dans trois mois", "2026-02"),
    ("d'ici 2030, la flotte", "2030", "2030"),
    ("depuis 2015, le groupe", "2015", "2015"),
    ("élu le 6 mai dernier", "le 6 mai dernier", "2025-05-06"),
    ("en septembre dernier, la firme", "septembre dernier", "2025-09"),
    ("en novembre dernier, la firme", "novembre dernier", "2024-11"),
    ("en juin prochain, la firme", "juin prochain", "2026-06"),
    ("à la fin de l'année dernière, le site", "la fin de l'année dernière", "2024"),
    ("cet été, la plage", "cet été", "2025-SU"),
    ("ce week-end, la fête", "ce week-end", "2025-W45-WE"),
    ("depuis le début de l'année, les prix", "le début de l'année", "2025"),
    ("il a plu la nuit dernière", "la nuit dernière", "2025-11-02TNI"),
]

DURATIONS = [
    ("après sept ans et demi d'attente", "sept ans et demi", "P7Y6M"),
    ("un remboursement dans les 24 heures", "24 heures", "PT24H"),
    ("il encourt une peine de 2 à 5 ans de prison", "5 ans", "P5Y"),
    ("De partenaires à adversaires : sept ans de différends", "sept ans", "P7Y"),
    ("depuis deux décennies, il", "deux décennies", "P20Y"),
    ("il devance Irvine de 30,4 secondes", "30,4 secondes", "PT30.4S"),
    ("il a parlé environ une heure", "environ une heure", "PT1H"),
    ("le régiment totalise dix-huit mois de présence", "dix-huit mois", "P18M"),
    ("retardé de quinze minutes.", "quinze minutes", "PT15M"),
    ("utilisé depuis un quart de siècle", "un quart de siècle", "P25Y"),
    ("il attend depuis plusieurs jours", "plusieurs jours", "PXD"),
    ("inaugurée il y a quelques mois par", "quelques mois", "PXM"),
    ("pour une demi-heure seulement", "une demi-heure", "PT30M"),
    ("un quinquennat réduit", "quinquennat", "P5Y"),
    ("pendant une semaine, le tribunal", "une semaine", "P1W"),
    ("au cours des trois dernières années", "des trois dernières années", "P3Y"),
    ("ces derniers jours, il a montré", "ces derniers jours", "PXD"),
]

SETS = [
    ("les permanences ont lieu chaque jeudi", "chaque jeudi", "XXXX-WXX-4"),
    ("les inscriptions ont lieu tous les jeudis", "tous les jeudis", "XXXX-WXX-4"),
    ("la fête a lieu tous les ans", "tous les ans", "P1Y"),
    ("il lit le journal chaque jour", "chaque jour", "P1D"),
    ("deux milliards par semestre", "par semestre", "P6M"),
    ("lors du traditionnel dîner annuel", "annuel", "P1Y"),
]

TIMES = [
    ("les grévistes ont d'ici mercredi 18 heures pour voter", "mercredi 18 heures", "2025-11-05T18:00"),
    ("le jury a délibéré samedi 9 h 30", "samedi 9 h 30", "2025-11-01T09:30"),
    ("le rendez-vous est fixé à 14 h", "14 h", "2025-11-03T14:00"),
    ("il est arrivé ce matin", "ce matin", "2025-11-03TMO"),
    ("mardi vers 21 h 45, il est mort", "vers 21 h 45", "2025-10-28T21:45"),
    ("Il y est décédé hier matin.", "hier matin", "2025-11-02TMO"),
    # a calendar date closed by a part of the day
    ("La grève a commencé ce 28 octobre matin.", "ce 28 octobre matin", "2025-10-28TMO"),
    ("Le vote a eu lieu mardi 28 octobre au soir.", "mardi 28 octobre au soir", "2025-10-28TEV"),
    ("Ils se sont revus lundi au soir.", "lundi au soir", "2025-11-03TEV"),
    ("Hier, vers midi, une femme est tombée.", "midi", "2025-11-02T12:00"),
]

VAGUE = [
    ("Plus récemment, Elon Musk a accusé Altman", "Plus récemment", "PAST_REF"),
    ("Musk considère (en ce moment, c'est plutôt moins) que", "en ce moment", "PRESENT_REF"),
    ("la société est actuellement en difficulté", "actuellement", "PRESENT_REF"),
    ("la cantine sert maintenant des repas bio", "maintenant", "PRESENT_REF"),
    ("À l'avenir, nous ferons mieux.", "À l'avenir", "FUTURE_REF"),
    ("Auparavant, il dirigeait Tesla.", "Auparavant", "PAST_REF"),
]


@pytest.mark.parametrize(("text", "span", "value"), ABSOLUTE)
def test_absolute_dates(text: str, span: str, value: str) -> None:
    timex = tag(text, DCT, "fr")[0]
    assert (timex.text, timex.value, timex.type) == (span, value, "DATE")


@pytest.mark.parametrize(("text", "span", "value"), RELATIVE)
def test_relative_dates(text: str, span: str, value: str) -> None:
    timex = only(text)
    assert (timex.text, timex.value) == (span, value)


@pytest.mark.parametrize(("text", "span", "value"), DURATIONS)
def test_durations(text: str, span: str, value: str) -> None:
    timex = only(text)
    assert (timex.text, timex.value, timex.type) == (span, value, "DURATION")


@pytest.mark.parametrize(("text", "span", "value"), SETS)
def test_sets(text: str, span: str, value: str) -> None:
    timex = only(text)
    assert (timex.text, timex.value, timex.type) == (span, value, "SET")


@pytest.mark.parametrize(("text", "span", "value"), TIMES)
def test_times(text: str, span: str, value: str) -> None:
    timex = tag(text, DCT, "fr")[-1]
    assert (timex.text, timex.value, timex.type) == (span, value, "TIME")


@pytest.mark.parametrize(("text", "span", "value"), VAGUE)
def test_vague_references(text: str, span: str, value: str) -> None:
    timex = only(text)
    assert (timex.text, timex.value) == (span, value)


@pytest.mark.parametrize(
    "text",
    [
        "Sam Altman a répondu.",
        "sa propre entreprise",
        "Je comprends qu'il puisse y avoir des retards",
        "racheter l'organisation pour 97,4 milliards de dollars",
        "on achètera Twitter pour 9,74 milliards de dollars",
        "Le score final est de 3-1 pour Lyon.",
        "une ville de 70.000 habitants et 2000 salariés",
        "Un chauffeur de bus de 38 ans a été agressé.",
        "Alain Parmentier, 53 ans, employé de la société",
        "les loisirs pour les 6-16 ans",
        "La production a été repoussée.",
        "dans une seconde attaque, il écrit",
        "sur la planète Mars",
        "les Jeux Olympiques d'hiver",
        "en pensant à l'avenir",
        "les efforts actuels de Meta",
        "ils ont déjà échangé des propos acerbes par le passé",
        "dans le quotidien local Deseret News",
        "en dehors des heures scolaires",
        "un tiers des salariés de 25 à 40 ans télétravaillent",
        "des enfants âgés de 3 à 6 ans",
        "la mutuelle, tout en maintenant ses tarifs, rembourse mieux",
        "l'interview publiée par le Journal du Dimanche",
        "un éditorial de La Gazette Lundi",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert tag(text, DCT, "fr") == []


def test_offsets_and_ranges_point_into_the_text() -> None:
    text = "En février 2025, il propose 97,4 milliards ; le 30 octobre 2025, il annule."
    for timex in tag(text, DCT, "fr"):
        assert text[timex.start:timex.end] == timex.text
    month = tag(text, DCT, "fr")[0]
    assert (month.range_start, month.range_end) == ("2025-02-01", "2025-02-28")


def test_precision_is_kept() -> None:
    year = only("En 2023, il fonde xAI.")
    assert (year.value, year.range_start, year.range_end) == ("2023", "2023-01-01", "2023-12-31")


def test_missing_month_year_is_the_nearest() -> None:
    assert only("Les attentats du 11 septembre", date(2002, 2, 9)).value == "2001-09-11"
    assert only("il devra attendre jusqu'au 2 juin", date(1999, 5, 27)).value == "1999-06-02"


def test_clock_time_takes_the_day_named_in_its_sentence() -> None:
    found = tag("Vers 0 h 40, jeudi, deux voitures se suivaient.", date(2003, 2, 22), "fr")
    assert [t.value for t in found] == ["2003-02-20T00:40", "2003-02-20"]


def test_anaphoric_days_count_from_the_day_last_named() -> None:
    found = tag("Il est arrivé le 3 mars 2025. Le lendemain, il est reparti.", DCT, "fr")
    assert [(t.text, t.value) for t in found] == [("le 3 mars 2025", "2025-03-03"), ("Le lendemain", "2025-03-04")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La grève a commencé le 12 octobre 2023. Le même jour, la direction a cédé.",
         [("le 12 octobre 2023", "2023-10-12"), ("Le même jour", "2023-10-12")]),
        ("Le décret est paru le 2 juin ; ce jour-là, les maires ont protesté.",
         [("le 2 juin", "2025-06-02"), ("ce jour-là", "2025-06-02")]),
        ("La coopérative est née en 1998. L'année suivante, elle comptait 300 membres.",
         [("1998", "1998"), ("L'année suivante", "1999")]),
        ("Le port a rouvert en mars 2021 ; le mois précédent, il avait été bloqué.",
         [("mars 2021", "2021-03"), ("le mois précédent", "2021-02")]),
        ("Le laboratoire a été racheté en 2017 ; en octobre de la même année, il a fermé son site.",
         [("2017", "2017"), ("octobre de la même année", "2017-10")]),
        # nothing named before: counted from the publication date
        ("L'année précédente avait été meilleure.", [("L'année précédente", "2024")]),
        # "le jour même de" is not an anaphoric day
        ("Il a démissionné le jour même de sa nomination.", []),
    ],
)
def test_anaphoric_days_and_periods(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, DCT, "fr")] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Le budget sera voté avant l'été.", date(2025, 3, 10), [("l'été", "2025-SU")]),
        ("La fusion pourrait aboutir au cours de l'hiver.", date(2024, 10, 2), [("l'hiver", "2024-WI")]),
        ("Le chantier sera livré d'ici l'été.", date(2025, 11, 3), [("l'été", "2026-SU")]),
        ("Les prix ont flambé après l'été.", date(2025, 11, 3), [("l'été", "2025-SU")]),
        # a season with no preposition that refers to one is generic, as before
        ("Les ventes de glaces baissent pendant l'hiver.", date(2024, 10, 2), [("l'hiver", "XXXX-WI")]),
        ("Les syndicats promettent une mobilisation à la rentrée.", date(2023, 6, 20), [("la rentrée", "2023-09")]),
        ("La réforme s'appliquera à la rentrée 2026.", date(2025, 1, 8), [("la rentrée 2026", "2026-09")]),
        ("Les inscriptions ont chuté depuis la rentrée.", date(2025, 2, 3), [("la rentrée", "2024-09")]),
        ("La rentrée d'argent a soulagé la trésorerie.", date(2025, 2, 3), []),
        ("Les cours du blé devraient remonter à la rentrée de septembre.", date(2019, 5, 6), [("septembre", "2019-09")]),
    ],
)
def test_seasons_and_the_rentree_news_refers_to(text: str, published: date, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, published, "fr")] == expected


def test_a_night_between_two_weekdays_is_one_time_dated_by_its_first_day() -> None:
    found = tag("Les négociateurs se sont entendus dans la nuit de jeudi à vendredi.", date(2024, 3, 9), "fr",
                tense_of=lambda start, end: -1)
    assert [(t.text, t.type, t.value) for t in found] == [("la nuit de jeudi à vendredi", "TIME", "2024-03-07TNI")]


def test_tense_decides_the_side_of_a_weekday() -> None:
    def past(start: int, end: int) -> int:
        return -1

    def future(start: int, end: int) -> int:
        return 1

    assert tag("lundi", date(2025, 11, 5), "fr", tense_of=past)[0].value == "2025-11-03"
    assert tag("vendredi", DCT, "fr", tense_of=past)[0].value == "2025-10-31"
    assert tag("vendredi", DCT, "fr", tense_of=future)[0].value == "2025-11-07"


def test_without_publication_date_relative_values_are_unspecified() -> None:
    assert only("hier", None).value == "XXXX-XX-XX"
    assert only("le 15 juillet", None).value == "XXXX-07-15"
    assert only("en 2023", None).value == "2023"
