"""Generated French news in which (almost) no sentence occurs twice, for the speed benchmark.

Repeating a few real documents flatters every cache on the way (spaCy's lemmatizer, the
vectors' lookups, chronique's own memoised lexicons): each word form is seen once and then
only looked up. Real news keeps meeting new names, numbers, dates and phrasings, so this
generator composes its sentences from parts (``distinct_news.toml``): a cast of actors per
article drawn from a few thousand coined names with a skewed coverage, deeds with their
source, target, amount, place and date, quotations with their speaker, cue and medium,
titles in appositions, pronouns that continue a sentence, and background sentences built
from a grammar over a real French vocabulary. One seeded ``random.Random``: the same seed
and size give the same corpus. :func:`generated_records` returns them as benchmark records;
:func:`distinct_sentence_share` says how distinct the result is.
"""

from __future__ import annotations

import random
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from synthetic_store import Zipf

MATERIAL = Path(__file__).with_name("distinct_news.toml")
FIRST_DAY = date(2012, 1, 1)
DAYS = 5000  # about 13 years of publication dates
ACTORS = 4000


@dataclass(frozen=True)
class Person:
    name: str
    feminine: bool


@dataclass(frozen=True)
class Organisation:
    name: str
    prefix: str  # "le groupe", "la start-up"…: how an article may call it


def _coin(rng: random.Random, syllables: list[str], low: int, high: int) -> str:
    return "".join(rng.choice(syllables) for _ in range(rng.randint(low, high))).capitalize()


class DistinctNews:
    """Articles of distinct sentences: ``DistinctNews(seed).article(index)`` → (date, title, text)."""

    def __init__(self, seed: int = 2026, material_path: Path = MATERIAL) -> None:
        self.rng = random.Random(seed)
        self.m = tomllib.loads(material_path.read_text("utf-8"))
        self.people = self._people(ACTORS * 3 // 5)
        self.orgs = self._organisations(ACTORS * 2 // 5)
        self.person_choice = Zipf(len(self.people), 0.9)
        self.org_choice = Zipf(len(self.orgs), 0.9)
        self.nouns = [self._noun(entry) for entry in self.m["words"]["nouns"]]

    # ------------------------------------------------------------ cast
    def _people(self, count: int) -> list[Person]:
        names, seen, people = self.m["names"], set(), []
        while len(people) < count:
            feminine = self.rng.random() < 0.45
            first = self.rng.choice(names["first_f" if feminine else "first_m"])
            name = f"{first} {_coin(self.rng, names['syllables'], 2, 3)}"
            if name not in seen:
                seen.add(name)
                people.append(Person(name, feminine))
        return people

    def _organisations(self, count: int) -> list[Organisation]:
        names, seen, orgs = self.m["names"], set(), []
        while len(orgs) < count:
            stem = _coin(self.rng, names["syllables"], 2, 3)
            name = f"{stem} {self.rng.choice(names['org_suffixes'])}" if self.rng.random() < 0.6 else stem
            if name not in seen:
                seen.add(name)
                orgs.append(Organisation(name, self.rng.choice(names["org_prefixes"])))
        return orgs

    @staticmethod
    def _noun(entry: str) -> tuple[str, str]:
        gender, word = entry.split(" ", 1)
        return gender, word

    # ------------------------------------------------------------ phrases
    def _np(self, definite: bool = True) -> str:
        """A noun phrase: "le nouveau contrat", "une amende", "l'enquête européenne"."""
        rng = self.rng
        gender, word = rng.choice(self.nouns)
        vowel = word.startswith("+")
        word = word.lstrip("+")
        adjective = rng.choice(self.m["words"]["adjectives"]) if rng.random() < 0.45 else ""
        if adjective and gender == "f":
            adjective = _feminine(adjective)
        plural = rng.random() < 0.25
        if plural:
            word = _plural(word)
            adjective = _plural(adjective) if adjective else ""
            determiner = rng.choice(["les", "des", "ces", "plusieurs"]) if definite else "des"
        elif definite:
            determiner = "l'" if vowel else rng.choice(["le", "ce"] if gender == "m" else ["la", "cette"])
        else:
            determiner = "un" if gender == "m" else "une"
        if adjective and rng.random() < 0.5 and not plural:
            return f"{determiner}{'' if determiner.endswith(chr(39)) else ' '}{word} {adjective}"
        head = f"{word} {adjective}" if adjective else word
        return f"{determiner}{'' if determiner.endswith(chr(39)) else ' '}{head}"

    def _complement(self) -> str:
        preposition = self.rng.choice(self.m["words"]["prepositions"])
        phrase = self._np()
        if preposition == "de":
            phrase = re.sub(r"^le ", "du ", re.sub(r"^les ", "des ", phrase))
            return phrase if phrase.startswith(("du ", "des ")) else f"de {phrase}"
        return f"{preposition} {phrase}"

    def _date(self, published: date) -> str:
        rng = self.rng
        words = self.m["words"]
        kind = rng.random()
        when = published - timedelta(days=rng.randint(-60, 400))
        month = words["months"][when.month - 1]
        if kind < 0.3:
            return f"le {when.day} {month} {when.year}"
        if kind < 0.45:
            return f"{words['weekdays'][when.weekday()]} {when.day} {month}"
        if kind < 0.6:
            return f"en {month} {when.year}" if rng.random() < 0.5 else f"en {month}"
        if kind < 0.7:
            return f"en {when.year}"
        if kind < 0.78:
            return words["weekdays"][rng.randrange(7)]
        return rng.choice(words["relative_dates"])

    def _amount(self) -> str:
        rng = self.rng
        currency = rng.choice(self.m["words"]["currencies"])
        kind = rng.random()
        if kind < 0.4:
            return f"{rng.randint(1, 999)},{rng.randint(1, 9)} milliards de {currency}"
        if kind < 0.75:
            return f"{rng.randint(2, 950)} millions d'{currency}" if currency[0] in "eay" else \
                f"{rng.randint(2, 950)} millions de {currency}"
        if kind < 0.9:
            return f"{rng.randint(10, 999)} {rng.randint(0, 999):03d} {currency}"
        return f"{rng.randint(1, 60)} % du capital"

    def _title(self, person: Person) -> str:
        return self.rng.choice(self.m["roles"]["f" if person.feminine else "m"])

    def _org_ref(self, org: Organisation) -> str:
        if self.rng.random() < 0.25:
            prefix = org.prefix
            article = "la" if prefix in ("société", "start-up", "banque") else "le"
            return f"{article} {prefix} {org.name}"
        return org.name

    def _actor(self, cast: list[Person | Organisation]) -> str:
        actor = self.rng.choice(cast)
        if isinstance(actor, Organisation):
            return self._org_ref(actor)
        if self.rng.random() < 0.3:
            return actor.name.split(" ", 1)[1]  # the surname alone, as a second mention
        return actor.name

    # ------------------------------------------------------------ sentences
    def _deed(self, cast: list[Person | Organisation], published: date) -> str:
        rng = self.rng
        source, target = self._actor(cast), self._actor(cast)
        parts = [source, rng.choice(self.m["verbs"]["transitive"]), target]
        if rng.random() < 0.4:
            parts.append(f"pour {self._amount()}")
        if rng.random() < 0.3:
            parts.append(f"à {rng.choice(self.m['words']['places'])}")
        if rng.random() < 0.7:
            date_phrase = self._date(published)
            if rng.random() < 0.35:
                return _sentence(f"{date_phrase[0].upper()}{date_phrase[1:]}, {' '.join(parts)}{self._tail()}")
            parts.append(date_phrase)
        return _sentence(" ".join(parts) + self._tail())

    def _tail(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.35:
            return f", {rng.choice(self.m['words']['connectors'])} {self._clause()}"
        if roll < 0.6:
            return f" {self._complement()}"
        return ""

    def _clause(self) -> str:
        rng = self.rng
        subject = self._np() if rng.random() < 0.7 else rng.choice(["il", "elle", "on", "ils"])
        adverb = f" {rng.choice(self.m['words']['adverbs'])}" if rng.random() < 0.3 else ""
        return f"{subject} {rng.choice(self.m['verbs']['clause'])}{adverb} {self._np()}"

    def _quote(self, cast: list[Person | Organisation], people: list[Person]) -> str:
        rng = self.rng
        speaker = rng.choice(people) if people else None
        who = speaker.name if speaker else self._actor(cast)
        if speaker and rng.random() < 0.4:
            org = rng.choice([a for a in cast if isinstance(a, Organisation)] or self.orgs[:1])
            who = f"{who}, {self._title(speaker)} de {org.name}"
        words = self.m["verbs"]["speech"]
        medium = f" {rng.choice(self.m['verbs']['speech_media'])}" if rng.random() < 0.4 else ""
        said = _sentence(self._clause() + (f" {self._complement()}" if rng.random() < 0.5 else ""))
        roll = rng.random()
        if roll < 0.45:
            return f"« {said[:-1]} », {rng.choice(words)} {who}{medium}."
        if roll < 0.7:
            return _sentence(f"{who} {rng.choice(words)}{medium} que {self._clause()}")
        if roll < 0.85:
            return _sentence(f"Selon {who}, {self._clause()}")
        return f"{who} {rng.choice(words)}{medium} : « {said} »"

    def _role(self, people: list[Person], cast: list[Person | Organisation]) -> str:
        person = self.rng.choice(people)
        org = self.rng.choice([a for a in cast if isinstance(a, Organisation)] or self.orgs[:1])
        verb = self.rng.choice(self.m["verbs"]["intransitive"] + self.m["verbs"]["clause"])
        tail = "" if verb in self.m["verbs"]["intransitive"] else f" {self._np()}"
        return _sentence(f"{person.name}, {self._title(person)} de {self._org_ref(org)}, {verb}{tail}")

    def _pronoun(self, people: list[Person]) -> str:
        person = self.rng.choice(people)
        pronoun = "Elle" if person.feminine else "Il"
        return _sentence(f"{pronoun} {self.rng.choice(self.m['verbs']['clause'])} {self._np()}{self._tail()}")

    def _background(self) -> str:
        rng = self.rng
        opener = f"{rng.choice(self.m['words']['openers'])}, " if rng.random() < 0.35 else ""
        body = self._clause() + (f" {self._complement()}" if rng.random() < 0.6 else "") + self._tail()
        text = opener + body
        return _sentence(text[0].upper() + text[1:])

    # ------------------------------------------------------------ articles
    def article(self, index: int) -> tuple[date, str, str]:
        rng = self.rng
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        people = list({id(p): p for p in (self.people[self.person_choice.draw(rng)]
                                          for _ in range(rng.randint(2, 5)))}.values())
        orgs = list({id(o): o for o in (self.orgs[self.org_choice.draw(rng)]
                                        for _ in range(rng.randint(1, 4)))}.values())
        cast: list[Person | Organisation] = [*people, *orgs]
        paragraphs = []
        for _ in range(rng.randint(3, 9)):
            sentences = [self._deed(cast, published)]
            for _ in range(rng.randint(1, 5)):
                roll = rng.random()
                if roll < 0.25:
                    sentences.append(self._quote(cast, people))
                elif roll < 0.35:
                    sentences.append(self._role(people, cast))
                elif roll < 0.5:
                    sentences.append(self._pronoun(people))
                elif roll < 0.7:
                    sentences.append(self._deed(cast, published))
                else:
                    sentences.append(self._background())
            paragraphs.append(" ".join(sentences))
        title = self._deed(cast, published).rstrip(".")
        return published, title, title + "\n\n" + "\n\n".join(paragraphs)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[0].upper() + text[1:] + "."


def _feminine(adjective: str) -> str:
    irregular = {"nouveau": "nouvelle", "public": "publique", "ancien": "ancienne", "premier": "première",
                 "dernier": "dernière", "prochain": "prochaine", "européen": "européenne", "fiscal": "fiscale",
                 "social": "sociale", "national": "nationale", "mondial": "mondiale", "local": "locale",
                 "commercial": "commerciale", "industriel": "industrielle", "coûteux": "coûteuse",
                 "ambitieux": "ambitieuse", "massif": "massive", "décisif": "décisive",
                 "définitif": "définitive", "historique": "historique"}
    if adjective in irregular:
        return irregular[adjective]
    return adjective if adjective.endswith("e") else adjective + "e"


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al") and word not in ("festival",):
        return word[:-2] + "aux"
    if word.endswith(("eau", "au")):
        return word + "x"
    return word + "s"


def generated_articles(target_words: int, seed: int = 2026) -> list[tuple[str, date, str, str]]:
    """(id, date, title, text) of generated articles until ``target_words`` words are reached."""
    news, articles, total = DistinctNews(seed), [], 0
    while total < target_words:
        published, title, text = news.article(len(articles))
        articles.append((f"gen-{len(articles):05d}", published, title, text))
        total += len(text.split())
    return articles


def distinct_sentence_share(texts: list[str]) -> tuple[int, int]:
    """(distinct sentences, all sentences), sentences cut at final punctuation and line breaks."""
    sentences = [s.strip() for text in texts for s in re.split(r"(?<=[.!?»])\s+|\n+", text) if s.strip()]
    return len(set(sentences)), len(sentences)
