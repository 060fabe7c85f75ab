"""Synthetic news for the query benchmark, written straight into a store (no NLP pipeline).

Queries are what is measured, so the documents only need the shape of real ones: a few thousand
actors whose coverage is skewed like the news' (a Zipf law: the 1st actor is named twice as
often as the 2nd, ten times as often as the 10th), about three events and one quote per
document, actors named in sentences, dates over ten years, and a vocabulary with a long tail so
that full-text search meets both very common and rare words. Everything comes from one seeded
``random.Random``: the same seed and size give the same store.

Each document's facts are built as ``chronique.model.Annotations`` and saved with
``Store.save``, so entity resolution, event merging and the full-text triggers run as they do
on ingest. The words and templates are in ``synthetic_news.toml``.
"""

from __future__ import annotations

import bisect
import itertools
import random
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from chronique.identity.ontology import event_types
from chronique.intervals import value_range
from chronique.model import Annotations, Document, Entity, Event, Quote, Relation, Timex

__all__ = ["Actor", "NewsGenerator", "FIRST_DAY", "DAYS"]

MATERIAL = Path(__file__).with_name("synthetic_news.toml")
FIRST_DAY = date(2015, 1, 1)
DAYS = 3653  # ten years: 2015-01-01 … 2024-12-31
KB_ACTORS = 300  # the most covered actors have knowledge-base ids, as in real use
COINED_WORDS = 5000


@dataclass(frozen=True)
class Actor:
    """A synthetic actor; persons hold one role in an organisation (``org`` is its index)."""

    rank: int
    key: str
    name: str
    type: str
    kb_id: str | None
    org: int | None = None
    title: str | None = None


class Zipf:
    """Draws indexes 0..n-1 with probability proportional to 1 / (index + 1) ** exponent."""

    def __init__(self, n: int, exponent: float = 1.0) -> None:
        self.cumulative = list(itertools.accumulate(1.0 / (i + 1) ** exponent for i in range(n)))

    def draw(self, rng: random.Random) -> int:
        return bisect.bisect_left(self.cumulative, rng.random() * self.cumulative[-1])


def _coin(rng: random.Random, syllables: Sequence[str], low: int, high: int) -> str:
    return "".join(rng.choice(syllables) for _ in range(rng.randint(low, high)))


def make_actors(rng: random.Random, count: int, material: dict) -> list[Actor]:
    """``count`` actors with unique names, in coverage order (rank 0 is the most covered).
    About 60 % persons, 35 % organisations, 5 % products."""
    names, seen = material["names"], set()
    kinds = ["PERSON"] * 12 + ["ORG"] * 7 + ["PRODUCT"]
    drafts = []
    while len(drafts) < count:
        kind = rng.choice(kinds)
        if kind == "PERSON":
            name = f"{rng.choice(names['first'])} {_coin(rng, names['syllables'], 2, 3).capitalize()}"
        elif kind == "ORG":
            name = f"{_coin(rng, names['syllables'], 2, 3).capitalize()} {rng.choice(names['org_suffixes'])}"
        else:
            name = f"{_coin(rng, names['syllables'], 2, 2).capitalize()} {rng.choice(names['product_words'])}"
        if name.casefold() not in seen:
            seen.add(name.casefold())
            drafts.append((kind, name))
    orgs = [index for index, (kind, _) in enumerate(drafts) if kind == "ORG"]
    org_choice = Zipf(len(orgs))
    actors = []
    for rank, (kind, name) in enumerate(drafts):
        key = f"a{rank:05d}"
        org = orgs[org_choice.draw(rng)] if kind == "PERSON" else None
        title = rng.choice(names["titles"]) if org is not None else None
        actors.append(Actor(rank, key, name, kind, f"kb-{key}" if rank < KB_ACTORS else None, org, title))
    return actors


def make_vocabulary(rng: random.Random, material: dict) -> list[str]:
    """The real common words first, then coined ones: the order is the frequency rank."""
    words = list(dict.fromkeys(material["words"]["common"]))
    seen = set(words)
    while len(words) < len(material["words"]["common"]) + COINED_WORDS:
        word = _coin(rng, material["names"]["syllables"], 2, 4)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


@dataclass
class _Text:
    """A document's text as it is written, with the spans of what was put in it."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    mentions: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def add(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def name(self, actor: Actor) -> tuple[int, int]:
        span = self.add(actor.name)
        self.mentions.setdefault(actor.key, []).append(span)
        return span

    def end_sentence(self, start: int) -> None:
        self.add(". ")
        self.sentences.append((start, self.length - 1))


class NewsGenerator:
    """Deterministic synthetic documents: ``generator.documents(n)``."""

    def __init__(self, seed: int, actor_count: int, material_path: Path = MATERIAL) -> None:
        self.rng = random.Random(seed)
        self.material = tomllib.loads(material_path.read_text("utf-8"))
        self.actors = make_actors(self.rng, actor_count, self.material)
        self.actor_choice = Zipf(len(self.actors))
        self.words = make_vocabulary(self.rng, self.material)
        self.word_choice = Zipf(len(self.words))
        self.types = sorted(self.material["verbs"])
        self.ontology = event_types()
        modalities = self.material["modalities"]
        self.modalities, self.modality_weights = list(modalities), list(modalities.values())
        dates = self.material["dates"]
        self.precisions = ["day", "month", "year", "undated"]
        self.precision_weights = [dates[p] for p in self.precisions]

    def documents(self, count: int) -> Iterator[Annotations]:
        for index in range(count):
            yield self.document(index)

    def _words(self, count: int) -> str:
        stop = self.material["words"]["stopwords"]
        rng = self.rng
        return " ".join(
            rng.choice(stop) if i % 2 else self.words[self.word_choice.draw(rng)] for i in range(count)
        )

    def _cast(self) -> list[Actor]:
        """The 3–6 distinct actors of one document, drawn by coverage."""
        wanted, cast = self.rng.randint(3, 6), {}
        while len(cast) < wanted:
            actor = self.actors[self.actor_choice.draw(self.rng)]
            cast[actor.key] = actor
        return list(cast.values())

    def _date_phrase(self, published: date) -> tuple[str, str | None]:
        """(words, TIMEX3 value) for an event a few weeks before publication, at some precision."""
        when = published - timedelta(days=self.rng.randint(0, 40))
        month = self.material["dates"]["months"][when.month - 1]
        precision = self.rng.choices(self.precisions, self.precision_weights)[0]
        if precision == "day":
            return f" le {when.day} {month} {when.year}", when.isoformat()
        if precision == "month":
            return f" en {month} {when.year}", when.isoformat()[:7]
        if precision == "year":
            return f" en {when.year}", str(when.year)
        return "", None

    def _event(self, text: _Text, cast: list[Actor], published: date, timexes: list[Timex]) -> Event:
        rng = self.rng
        source, target = rng.sample(cast, 2)
        event_type = rng.choice(self.types)
        start = text.length
        text.name(source)
        text.add(" ")
        trigger_start, trigger_end = text.add(self.material["verbs"][event_type])
        text.add(" ")
        text.name(target)
        phrase, value = self._date_phrase(published)
        span = text.add(phrase)
        end = text.length
        bounds = value_range(value) if value else None
        if value:
            timexes.append(Timex(span[0] + 1, span[1], phrase.strip(), "DATE", value, *(bounds or (None, None))))
        text.add(", " + self._words(rng.randint(4, 8)))
        text.end_sentence(start)
        info = self.ontology[event_type]
        return Event(
            event_type, (source.key,), (target.key,), start, end,
            self.material["verbs"][event_type], trigger_start, trigger_end,
            date=value, date_start=bounds[0] if bounds else None, date_end=bounds[1] if bounds else None,
            modality=rng.choices(self.modalities, self.modality_weights)[0], confidence=0.8,
            score=info.score, sentence_start=start, sentence_end=text.length - 1,
            cameo=info.cameo, plover=info.plover,
        )

    def _quote(self, text: _Text, cast: list[Actor]) -> Quote | None:
        speakers = [actor for actor in cast if actor.type == "PERSON"]
        if not speakers:
            return None
        speaker = self.rng.choice(speakers)
        about = self.rng.choice([actor for actor in cast if actor is not speaker] + [None])
        start = text.length
        text.add("« ")
        words = self._words(self.rng.randint(6, 14))
        quote_start, quote_end = text.add(words)
        text.add(" », a déclaré ")
        text.name(speaker)
        if about is not None:
            text.add(" à propos de ")
            text.name(about)
        text.end_sentence(start)
        return Quote(quote_start, quote_end, words, speaker.key, "a déclaré", about.key if about else None)

    def _role(self, text: _Text, person: Actor) -> Relation:
        org = self.actors[person.org]  # type: ignore[index]
        start = text.length
        text.name(person)
        text.add(f", {person.title} de ")
        text.name(org)
        end = text.length
        text.add(", " + self._words(self.rng.randint(4, 8)))
        text.end_sentence(start)
        return Relation("ROLE", person.key, org.key, start, end, title=person.title)

    def document(self, index: int) -> Annotations:
        rng = self.rng
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        cast = self._cast()
        text, timexes = _Text(), []
        start = text.length
        text.name(cast[0])
        text.add(" " + self._words(rng.randint(8, 14)))
        text.end_sentence(start)
        events = [self._event(text, cast, published, timexes) for _ in range(rng.choice((1, 2, 3, 3, 4, 5)))]
        quotes = [q for q in (self._quote(text, cast) for _ in range(rng.choice((0, 1, 1, 2)))) if q]
        relations = [self._role(text, actor) for actor in cast if actor.org is not None and rng.random() < 0.15]
        for _ in range(rng.randint(2, 4)):
            start = text.length
            text.add(self._words(rng.randint(10, 18)).capitalize())
            text.end_sentence(start)
        body = "".join(text.parts).rstrip()
        named = {actor.key: actor for actor in cast} | {
            self.actors[a.org].key: self.actors[a.org] for a in cast if a.org is not None}  # type: ignore[index]
        entities = [
            Entity(key, named[key].name, named[key].type, named[key].kb_id, (), tuple(spans))
            for key, spans in text.mentions.items()
        ]
        document = Document(f"syn-{index:07d}", body, published, "fr", f"Dépêche {index}", None, "synthetic")
        return Annotations(document, entities, timexes, [], quotes, events, relations, text.sentences)
