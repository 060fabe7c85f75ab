"""When an event happened: the time expression that governs its clause.

Sources, in order of trust:
1. a DATE timex attached in the parse to the trigger or to a verb of its clause chain
   ("fonde xAI en 2023"; "un bon de commande datant du 11 juillet 2018"), or to a name argument
   of it, even one the tagger misread ("acquérir Wiz/VERB en mars 2025");
2. the date of a report hung after the clause ("X a conclu un accord pour acquérir Y, a annoncé
   dimanche le club"), for a news event told in the present or the passé composé;
3. a temporal anaphor ("alors", "aussitôt") in the clause: the last date the narrative set;
4. a DATE timex heading an earlier sentence of the same paragraph ("Le 30 octobre 2025, Sam
   Altman publie ... Dans le dernier visuel, Altman annonce ..."): news narrate in order;
5. for an event of the lead (the first paragraph) told in the present or the passé composé, the
   document's main event date: the first day the opening names, within a week of publication
   ("Amazon abandonne son projet ... ce 29 janvier", "a déclaré ... lundi"). News open on the
   news of the day; older events in a lead are told in other tenses or carry their own date.
A noun trigger also takes a date inside its own phrase ("le rachat de Fox par Disney ... en 2019"),
and a demonstrative retelling ("cette procédure") the date of the telling it refers to
(``date_carrying.carry_dates``, on the document's events; the sum of an event is
``amounts.amount_of``).
Durations and vague references (PRESENT_REF, PAST_REF) never date an event; a vague timex on the
clause ("Plus récemment") blocks inheritance. No date is better than the publication date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date as Date
from datetime import timedelta

from spacy.tokens import Doc, Token

from chronique.extract.events.lexicon import EventLexicon
from chronique.intervals import value_range
from chronique.model import Timex
from chronique.nlp.actor_index import ActorIndex, actor_index
from chronique.nlp.extensions import text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import ParseTable, features_of, parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["EventDater"]

SENTENCE_START = re.compile(r"(?:^|[.!?…][\"»”]?\s+|\n\s*)")
#: A timex with at most one short word before it heads its sentence ("En 2023, ...", "Le 30 ...").
HEADING_PREFIX = re.compile(r"\W*(?:\w{1,6}\W+)?")
#: How far back (characters) an anaphor like "alors" may reach for its date.
ANAPHOR_REACH = 1500
DATED_TYPES = ("DATE", "TIME")
#: How far (characters) into the document the main event date may be named, and how long before
#: publication it may fall.
OPENING_REACH = 800
MAIN_DATE_WINDOW = timedelta(days=7)
#: Tenses of a lead that tells the news of the day ("abandonne", "a renoncé").
NEWS_TENSES = ("Pres",)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")
#: A day and a part of it, as TimeML writes them: "2023-06-22TMO" (morning), "TEV", "TNI"...
DAY_PART = re.compile(r"(\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|DT)$")
#: The value of "now" ("désormais", "à présent"): the moment of the clause's telling.
NOW = "PRESENT_REF"
QUOTE_MARKS = re.compile(r"[«»\"“”]")
LABELS = dependency_scheme("ud")


@dataclass(frozen=True)
class Anchor:
    """A timex of the narrative: where it is and whether it can date events (not vague)."""

    char: int
    paragraph: int
    timex: Timex
    heading: bool
    vague: bool


class EventDater:
    """Dates events of one document from ``doc._.timexes``."""

    def __init__(self, doc: Doc, words: EventLexicon) -> None:
        self.doc = doc
        self.words = words
        self.vague_values = {v.upper() for v in words.words("modality", "vague_values")}
        self.anaphors = words.words("modality", "temporal_anaphors")
        self.report_verbs = words.words("modality", "report_verbs")
        self.today_words = words.words("modality", "today_words")
        #: The publication date (``doc._.dct``), read once: the rules ask it at every event.
        self.published = _publication_date(doc)
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n+", text_of(doc))]
        sentence_starts = sorted({m.end() for m in SENTENCE_START.finditer(text_of(doc))})
        self.attached: dict[int, Anchor] = {}
        self.anchors: list[Anchor] = []
        #: Every dated timex in text order ("alors" may refer back to one of its own sentence).
        self.narrated: list[Anchor] = []
        for timex in doc._.timexes or []:
            if timex.type not in DATED_TYPES:
                continue
            timex = _day_of(timex)
            anchor = self._anchor(timex, sentence_starts)
            token = self._attachment(timex)
            if token is not None:
                self.attached.setdefault(token.i, anchor)
            if anchor.heading or (token is not None and token.dep_ == LABELS.root):
                self.anchors.append(anchor)
            self.narrated.append(anchor)
        self.anchors.sort(key=lambda a: a.char)
        self.narrated.sort(key=lambda a: a.char)
        self.lead_end = self._lead_end()
        self.main_date = self._main_date()
        #: Quoted spans: a date said inside a quote dates nothing told outside it.
        self.quoted = [(q.start, q.end) for q in doc._.quotes or []]

    def _lead_end(self) -> int:
        """Where the first paragraph ends (a title line on its own does not count as one)."""
        text = text_of(self.doc)
        for match in re.finditer(r"\n\s*\n|\n", text):
            if len(text[: match.start()].strip()) > 120:
                return match.start()
        return len(text)

    def _main_date(self) -> Timex | None:
        """The first day the opening names, within a week up to publication: the news of the day."""
        published = self.published
        if published is None:
            return None
        for timex in sorted(self.doc._.timexes or [], key=lambda t: t.start):
            if timex.start > OPENING_REACH:
                break
            timex = _day_of(timex)  # "dans la nuit de dimanche à lundi" (…TNI): its day
            if timex.type != "DATE" or not DAY.match(timex.value):
                continue
            try:
                day = Date.fromisoformat(timex.value)
            except ValueError:
                continue
            if published - MAIN_DATE_WINDOW <= day <= published:
                return timex
        return None

    def _anchor(self, timex: Timex, sentence_starts: list[int]) -> Anchor:
        index = bisect.bisect_right(sentence_starts, timex.start) - 1
        before = text_of(self.doc)[sentence_starts[index] : timex.start] if index >= 0 else "x" * 99
        heading = HEADING_PREFIX.fullmatch(before) is not None
        vague = timex.value.upper() in self.vague_values or not timex.value[:1].isdigit()
        return Anchor(timex.start, self._paragraph(timex.start), timex, heading, vague)

    def _paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def _attachment(self, timex: Timex) -> Token | None:
        """The token the timex modifies: the first head outside it ("datant" counts as its noun)."""
        span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            return None
        head = span.root.head
        if head.i in range(span.start, span.end) or head is span.root:
            return None
        if head.dep_ == LABELS.clausal_modifier and "Pres" in features_of(head).get("Tense", ()):
            return head.head
        return head

    def date(self, path: list[Token], trigger_char: int) -> Timex | None:
        """The timex dating an event whose clause chain (trigger first) is ``path``."""
        for token in path:
            anchor = self.attached.get(token.i)
            if anchor is None:
                anchor = self._on_argument_name(token)
            if anchor is None and token is path[0]:
                anchor = self._on_named_noun(token)
            if anchor is None and token is path[0] and token.pos_ == "NOUN":
                anchor = self._in_noun_phrase(token)
            if anchor is not None and self._across_quote(anchor, trigger_char):
                continue  # "« Il y a trois ans, … », a dit X, cofondateur de Y": the quote's date
            if anchor is not None and anchor.vague and anchor.timex.value.upper() == NOW:
                return self._now_of_report(token) or self._today(anchor)
            if anchor is not None:
                return None if anchor.vague else anchor.timex
        report = self._on_report(path)
        if report is not None:
            return None if report.vague else report.timex
        paragraph = self._paragraph(trigger_char)
        earlier = [a for a in self.anchors if a.char < trigger_char]
        sentence_start = parse_table(self.doc).sentence_chars(path[0].i)[0]  # for "alors" (below)
        if self._has_anaphor(path):
            # The narrative's dates (headings, main clauses) and any date said earlier in the
            # same sentence ("Courtisée par Google en 2024, Wiz avait alors décliné"): the last
            # one, before the paragraph's heading ("Entre 1987 et 2022, ... en décembre 2022.
            # X devenait alors ..." is December 2022).
            said = [a for a in self.narrated if sentence_start <= a.char < trigger_char]
            for anchor in reversed(sorted({*earlier, *said}, key=lambda a: a.char)):
                if trigger_char - anchor.char > ANAPHOR_REACH:
                    break
                return None if anchor.vague else anchor.timex
        for anchor in reversed(earlier):
            if anchor.paragraph != paragraph:
                break
            if anchor.heading and not self._across_quote(anchor, trigger_char):
                return None if anchor.vague else anchor.timex
        in_sentence = self._in_sentence(path, trigger_char)
        if in_sentence is not None:
            return in_sentence
        if self.main_date is not None and trigger_char < self.lead_end and _tells_news(path):
            return self.main_date
        return None

    def _across_quote(self, anchor: Anchor, trigger_char: int) -> bool:
        """Whether the anchor lies in a quote that the trigger is outside of."""
        return any(start <= anchor.char < end and not start <= trigger_char < end for start, end in self.quoted)

    def _in_sentence(self, path: list[Token], trigger_char: int) -> Timex | None:
        """The nearest day of the news said earlier in the sentence, before a colon that
        introduces the event's clause ("La décision a été rendue publique ce 22 mai : l'autorité
        condamne X"): a news event told in the present or the passé composé, in a main clause,
        takes the day the sentence gives the news (within a week up to publication). Never a
        date of a relative clause or an adjunct ("X, qui a perdu lundi son procès, rachète Y"),
        of another trigger ("Y a racheté Z lundi : W rachète V"), of a clause merely coordinated
        ("Les marchés ont reculé lundi, et X rachète Y"), nor one across a quote."""
        published = self.published
        if published is None or not _tells_news(path) or not _on_main_line(path[0]):
            return None
        sentence_start = parse_table(self.doc).sentence_chars(path[0].i)[0]
        text = text_of(self.doc)
        for anchor in reversed(self.narrated):
            if anchor.char >= trigger_char or anchor.char < sentence_start:
                continue
            if anchor.vague or not DAY.match(anchor.timex.value):
                return None  # the nearest date is not a day of the news: nothing to take
            between = text[anchor.char : trigger_char]
            if QUOTE_MARKS.search(between) or ":" not in between:
                return None  # across a quote, or not the clause a colon explains
            token = self._attachment(anchor.timex)
            if token is None or not _on_main_line(token):
                return None
            if self._triggers(token):
                return None  # the date of another event of the sentence
            try:
                day = Date.fromisoformat(anchor.timex.value)
            except ValueError:
                return None
            return anchor.timex if published - MAIN_DATE_WINDOW <= day <= published else None
        return None

    def _now_of_report(self, token: Token) -> Timex | None:
        """"Now" in a reported clause is the report's day: "Y a annoncé lundi que X détient
        désormais 99 % de Z" dates the stake to Monday. Without a dated report verb governing the
        clause, "désormais" dates nothing (the publication date is no event date)."""
        verb = token.head
        if token.dep_ not in LABELS.clause_links or verb == token or fold(verb.lemma_) not in self.report_verbs:
            return None
        anchor = self.attached.get(verb.i)
        return None if anchor is None or anchor.vague else anchor.timex

    def _today(self, anchor: Anchor) -> Timex | None:
        """"Aujourd'hui, X dit vouloir faire appel": a word that names the day of publication
        itself (``today_words``, not "désormais" or "actuellement") dates the clause it modifies
        to that day."""
        published = self.published
        if published is None or fold(anchor.timex.text) not in self.today_words:
            return None
        day = published.isoformat()
        interval = value_range(day)
        return replace(anchor.timex, value=day, range_start=interval[0] if interval else None,
                       range_end=interval[1] if interval else None)

    def _triggers(self, verb: Token) -> bool:
        """Whether a verb tells a happening of its own: an entry of the lexicon that fits it, its
        object word and needed words included ("rendre hommage", "rendre X responsable", not
        "rendre publique")."""
        objects = {fold(c.lemma_) for c in verb.children}
        below = objects | {fold(g.lemma_) for c in verb.children for g in c.children}
        return any((not entry.object_lemmas or entry.object_lemmas & objects)
                   and (not entry.needs_child or entry.needs_child & below) for entry in self.words.entries_for(verb))

    def _in_noun_phrase(self, noun: Token) -> Anchor | None:
        """A date inside a noun trigger's phrase ("le rachat de Fox ... en 2019"), not in a clause of it."""
        frontier = [noun]
        while frontier:
            token = frontier.pop()
            for child in token.children:
                if child.dep_ in LABELS.clause_links:
                    continue
                anchor = self.attached.get(child.i)
                if anchor is not None:
                    return anchor
                frontier.append(child)
        return None

    def _on_argument_name(self, token: Token) -> Anchor | None:
        """A date the parser hung on a name argument ("contre Sam Altman en mars 2024") or on the
        object noun: names take no dates, so it dates the clause."""
        if not self.attached:
            return None  # no timex hangs on any token: none to find
        index = actor_index(self.doc)
        for child in token.children:
            # A name the tagger misread ("Wiz/VERB") is still a name when an actor is there.
            if child.pos_ == "PROPN" or (child.dep_ == LABELS.object and child.pos_ != "NOUN" and index.at(child)):
                for name in (child, *child.conjuncts):
                    if name.i in self.attached:
                        return self.attached[name.i]
            elif child.dep_ in (LABELS.object, LABELS.passive_agent) and child.pos_ == "NOUN" and child.i in self.attached:
                # "intenté un procès à Apple en 2020", "remercié par le club mardi": the parser
                # hangs the date on the object or agent noun, which only the event's own clause
                # governs.
                return self.attached[child.i]
        return None

    def _on_named_noun(self, token: Token) -> Anchor | None:
        """A date the parser hung on a noun that names an actor inside an argument of the
        trigger's own clause ("levé 80 millions auprès du fonds A et de la banque publique
        B/conj en janvier"): a noun standing for a name takes no date either, so it dates the
        clause. Not across a clause (a relative or a participle has its own dates: "la banque B,
        fondée en 1990"), nor in an apposition ("OpenAI, la société … aujourd'hui au cœur des
        débats")."""
        if not self.attached:
            return None
        index = actor_index(self.doc)
        table, pos = parse_table(self.doc), token_table(self.doc).pos  # walked by index: a Token only for a candidate
        frontier = [c for c in table.children[token.i] if _phrase_link(table, pos, c) and table.deps[c] not in LABELS.subjects]
        while frontier:
            node = frontier.pop()
            if node in self.attached and pos[node] == "NOUN" and _names_an_actor(self.doc[node], index):
                return self.attached[node]
            frontier.extend(c for c in table.children[node] if _phrase_link(table, pos, c))
        return None

    def _on_report(self, path: list[Token]) -> Anchor | None:
        """The date of the report that tells a news event of the day, hung after its clause ("X a
        conclu un accord pour acquérir Y, a annoncé dimanche le club"): the deal is that day's.
        Only for clauses in the present or the passé composé; older events carry their own date."""
        top = path[-1]
        if not self.attached or not _tells_news([top]):
            return None  # (with no timex hung on any token, none to find)
        table, lemmas = parse_table(self.doc), token_table(self.doc).folded_lemmas  # by index: no Token per child
        deps = table.deps
        for child in table.children[top.i]:
            # After the event's clause, not only after the verb it hangs on: "Le texte a été
            # publié le 3 mars 2020 : la Commission sanctionne X" is a colon's explanation (read
            # by :meth:`_in_sentence`, which wants a day of the news).
            if child < top.i or child < path[0].i or deps[child] not in LABELS.shared_subject_links \
                    or deps[child] == LABELS.open_complement:
                continue
            if lemmas[child] in self.report_verbs and child in self.attached:
                return self.attached[child]
        return None

    def _has_anaphor(self, path: list[Token]) -> bool:
        table, folded = parse_table(self.doc), token_table(self.doc).folded  # by index: no Token per child
        return any(table.deps[c] == LABELS.adverbial_modifier and folded[c] in self.anaphors
                   for token in path for c in table.children[token.i])


def _phrase_link(table: ParseTable, pos: list[str], i: int) -> bool:
    """Whether token ``i`` continues its head's phrase: no clause nor apposition hangs there, but
    a noun conjunct does ("auprès du fonds A et de la banque B"). Read on the parse table."""
    if table.deps[i] in LABELS.clause_links:
        return pos[i] in ("NOUN", "PROPN") and i in table.conjuncts(table.heads[i])
    return table.deps[i] != LABELS.apposition


def _names_an_actor(noun: Token, index: ActorIndex) -> bool:
    """"la banque publique Bpifrance": a noun the index reads as an actor, or whose name follows it."""
    return index.at(noun) is not None or any(
        c.i > noun.i and c.dep_ in LABELS.named_after_links and index.at(c) is not None for c in noun.children)


def _day_of(timex: Timex) -> Timex:
    """A part of a day ("ce 22 juin au matin": 2023-06-22TMO) dates an event by its day: events
    are dated to the day at most, and the day is what the dating rules compare and carry."""
    match = DAY_PART.match(timex.value)
    if match is None:
        return timex
    interval = value_range(match.group(1))
    return replace(timex, type="DATE", value=match.group(1),
                   range_start=interval[0] if interval else timex.range_start,
                   range_end=interval[1] if interval else timex.range_end)


def _publication_date(doc: Doc) -> Date | None:
    value = doc._.dct
    if isinstance(value, Date):
        return value
    try:
        return Date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _has_finite_verb(token: Token) -> bool:
    """Whether the token's sentence has a finite verb form (read on the parse table: no
    ``MorphAnalysis`` per word of the sentence)."""
    table = parse_table(token.doc)
    start, end = table.sentence_bounds(token.i)
    known = token_table(token.doc).memo.setdefault(_FINITE_SENTENCES, {})  # once per sentence
    found = known.get(start)
    if found is None:
        features = table.features
        found = known[start] = any("Fin" in features[i].get("VerbForm", ()) for i in range(start, end))
    return found


#: Where :func:`_has_finite_verb` keeps its answer for each sentence (by its first token).
_FINITE_SENTENCES = "events: sentence has a finite verb"


def _tells_news(path: list[Token]) -> bool:
    """Whether the clause verb is in the present or the passé composé (present auxiliary); a
    sentence with no finite verb ("Douze clubs se disant prêts à lancer …") tells the news too."""
    if path and not _has_finite_verb(path[0]):
        return True
    verb = next((t for t in path if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    table = parse_table(verb.doc)  # read by index: no Token per child
    features, deps = table.features, table.deps
    if "Cnd" in features[verb.i].get("Mood", ()):
        return False
    auxiliaries = [c for c in table.children[verb.i] if deps[c].startswith(LABELS.auxiliary_prefix)]
    tensed = [a for a in auxiliaries if deps[a] != LABELS.passive_auxiliary]
    if tensed:
        # "X a été racheté par Y": the tense is the first auxiliary's ("a"), the passive's "été"
        # is a participle whatever the tense; "X est racheté" has the passive's only.
        auxiliaries = tensed
    if auxiliaries:
        return all(any(t in features[a].get("Tense", ()) for t in NEWS_TENSES) and "Cnd" not in features[a].get("Mood", ())
                   for a in auxiliaries)
    return any(t in features[verb.i].get("Tense", ()) for t in NEWS_TENSES) and "Fin" in features[verb.i].get("VerbForm", ())


def _on_main_line(token: Token) -> bool:
    """Whether a verb (or the verb whose open complement it is) is the sentence's root or a
    clause coordinated with it ("rendue publique ce 22 mai : X condamne Y", which the parser may
    read as an adverbial clause with its own subject), not a relative or subordinate clause."""
    while token.dep_ == LABELS.open_complement and token.head != token:
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ == LABELS.root:
        return True
    if token.dep_ not in LABELS.misparsed_main_clause_links or token.head.dep_ != LABELS.root:
        return False
    # "Après avoir perdu ..., X rachète": a subjectless adverbial clause is an adjunct.
    return token.dep_ != LABELS.adverbial_clause or any(c.dep_ in LABELS.subjects for c in token.children)
