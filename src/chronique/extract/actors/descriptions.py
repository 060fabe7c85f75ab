"""Definite descriptions and bare titles resolved to the actor of the article they stand for.

"le conglomérat", "le club parisien", "la plateforme britannique", "cette application": a
definite article (or a demonstrative), a noun of the lexicon's ``description_nouns`` and at most
two adjectives, that introduce no name, stand for the organisation or product of that type most
in focus within a few sentences: the subject of the sentence, else the last one named.

"le ministre", "la présidente", "le ministre de l'Économie": a title stands for the one person
the article gave that title to, by a cue before the name ("le ministre Paul Verdier") or an
apposition after it ("Paul Verdier, ministre de l'Économie"), never for a person merely
named last: a title held by two people of the article stays unresolved.

"le chancelier allemand", "la présidente de la Commission européenne", "le locataire de la
Maison-Blanche": a title that names its office completely (the office lexicon ``offices.toml``)
and that the article gives to nobody else stands for the office's holder at the article's date,
from the knowledge base (rule ``title-kb``). "le président" alone names no office: article only.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from chronique.data import lexicon
from chronique.extract.actors.clause_partners import clause_partners
from chronique.extract.actors.coref_focus import quoted_ranges
from chronique.extract.actors.description_sectors import ArticleSectors
from chronique.extract.actors.genders import agrees, description_gender
from chronique.extract.actors.name_kinds import NameKinds
from chronique.extract.actors.office_holders import office_holders
from chronique.extract.actors.origin_words import origin_adjectives
from chronique.extract.actors.origins import ArticleOrigins
from chronique.extract.actors.titles import (
    COMPLEMENT_LINKS,
    DEFINITE_AFTER_DE,
    DEFINITE_COMPLEMENT_MARKS,
    MAX_ADJECTIVES,
    PLACE_PREFIX,
    apposed_name,
    place_of_title,
    titles_given,
    with_place,
)
from chronique.extract.actors.trade_nouns import TradeNouns
from chronique.kb import KnowledgeBase
from chronique.nlp.actor_index import ActorIndex, growing_index
from chronique.nlp.extensions import ActorMention, text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.memo import per_lexicon
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import first_token_from, token_table
from chronique.text import fold

__all__ = ["adjectives_end", "description_cues", "resolve_descriptions"]

LABELS = dependency_scheme("ud")
#: How many sentences back a description may look for its actor.
LOOKBACK_SENTENCES = 3
#: Determiners after "de" that open a phrase of the verb, not a complement naming the noun's actor.
INDEFINITES = frozenset({"un", "une"})
#: How long such a complement may be, its mark included ("des technologies chinois").
MAX_TRADE_COMPLEMENT = 4


@per_lexicon
def description_cues(words: dict[str, Any]) -> dict[str, str]:
    """Each description noun of the lexicon, folded, with the entity type it describes."""
    cues = {fold(c): t for t, listed in words["description_nouns"].items() for c in listed}
    general = [*words.get("person_hypernyms", {}), *words.get("any_person_descriptions", {}).get("nouns", [])]
    return {**{fold(noun): "PERSON" for noun in general}, **cues}


@per_lexicon
def _description_words(words: dict[str, Any]) -> tuple[frozenset[str], ...]:
    """The folded definite and contracted determiners, generic nouns and nouns that describe
    only when qualified: made once per lexicon, not per document."""
    return (frozenset(fold(d) for d in words["definite_determiners"]),
            frozenset(fold(d) for d in words.get("contracted_determiners", [])),
            frozenset(fold(n) for n in words.get("generic_descriptions", {}).get("nouns", [])),
            frozenset(fold(n) for n in words.get("qualified_descriptions", {}).get("nouns", [])))


_name_kinds = per_lexicon(NameKinds)
_trade_nouns = per_lexicon(TradeNouns)


@per_lexicon
def _any_person(words: dict[str, Any]) -> frozenset[str]:
    """The folded nouns that stand for any one person in focus ("l'intéressé"), once per lexicon."""
    return frozenset(fold(n) for n in words.get("any_person_descriptions", {}).get("nouns", []))


@cache
def _age_units(lang: str) -> frozenset[str]:
    """"ans": the units of an age after a person's description (``[any_person_descriptions]``)."""
    return frozenset(fold(w) for w in lexicon(lang, "actors").get("any_person_descriptions", {}).get("age_units", []))


@per_lexicon
def _person_hypernyms(words: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Each general person noun, folded, with the folded narrower titles it covers (itself included
    through ``given`` already)."""
    return {fold(k): tuple(fold(v) for v in listed) for k, listed in words.get("person_hypernyms", {}).items()}


@per_lexicon
def _title_cues(words: dict[str, Any]) -> dict[str, str]:
    """The description cues and the narrower person titles of ``[person_hypernyms]``: a title
    the article gives ("l'attaquant Léo Marin") is looked for among both, so that a general noun
    ("le joueur") finds its holder; the narrower titles are not descriptions themselves ("au
    milieu de" names nobody)."""
    narrower = {title: "PERSON" for titles in _person_hypernyms(words).values() for title in titles}
    return {**narrower, **description_cues(words)}


@per_lexicon
def _described_words(words: dict[str, Any]) -> frozenset[str]:
    """The folded words a description or a kind noun may be (as a form or a lemma): the only
    tokens :func:`resolve_descriptions` looks at."""
    return frozenset(description_cues(words)) | frozenset(_name_kinds(words).noun_kind)


def resolve_descriptions(
    doc: Doc,
    mentions: list[ActorMention],
    entities: dict[str, dict[str, Any]],
    words: dict[str, Any],
    kb: KnowledgeBase | None = None,
    origins: ArticleOrigins | None = None,
    sectors: ArticleSectors | None = None,
) -> list[ActorMention]:
    """Description and title mentions for ``doc``, none overlapping ``mentions``; with ``kb``,
    office titles the article gives to nobody else resolved to their holder at ``doc._.dct``;
    with ``origins``, an adjective of origin ("l'investisseur américain") keeps a description to
    the actors of that country, and a generic noun ("l'entreprise") off institutions; with
    ``sectors``, a sector said after the noun ("le laboratoire pharmaceutique") keeps it to the
    actors the article shows in that sector, if any."""
    cues = description_cues(words)
    #: contracted: "du géant américain", "au groupe": the mention starts at the noun (no "du" in an alias)
    determiners, contracted, generic, qualified_only = _description_words(words)
    hypernyms = _person_hypernyms(words)
    any_person = _any_person(words)
    index = growing_index(doc, mentions)
    titles = titles_given(doc, index, entities, _title_cues(words))
    #: the trades the article gave, by its words or by the first word of a name (narrowing only:
    #: "la Fédération X" is no club, but "la fédération slovène" is not it either)
    trades_given = {noun: titles.get(noun, set()) | keys for noun, keys in _trade_nouns(words).name_heads(entities).items()}
    trades_given = {**titles, **trades_given}
    found: list[ActorMention] = office_holders(doc, index, entities, titles, kb) if kb else []
    taken = {i for m in found for i in range(m.start, m.end)}
    tokens = token_table(doc)
    features = parse_table(doc).features
    kinds = _name_kinds(words)
    trades = _trade_nouns(words)
    #: trade noun → the actor an earlier qualified description stood for ("le club rhodanien" … "ce club")
    described: dict[str, str] = {}
    for i in tokens.positions(_described_words(words), lemmas=True):
        folded, folded_lemma = tokens.folded[i], tokens.folded_lemmas[i]
        entity_type = cues.get(folded) or cues.get(folded_lemma) or kinds.type_of(folded, folded_lemma)
        if entity_type is None:
            continue
        # the cheap tests first, from the tables: most candidates fail one, and no Token is built
        if not tokens.is_lower[i] or i == 0 or tokens.starts[i] in taken:
            continue
        if tokens.folded[i - 1] not in determiners | contracted or "Plur" in features[i].get("Number", ()):
            continue
        token, determiner = doc[i], doc[i - 1]
        end = _description_end(doc, token, index, entity_type == "PERSON")
        if end is None or _covered(index, doc, determiner.i, end, places_inside=entity_type == "PERSON"):
            continue
        start_char = token.idx if fold(determiner.text) in contracted else determiner.idx
        end_char = doc[end - 1].idx + len(doc[end - 1].text)
        accepted = ("ORG", "PERSON") if entity_type == "ACTOR" else kinds.accepted(entity_type)
        general = folded in any_person or folded_lemma in any_person or folded in hypernyms or folded_lemma in hypernyms
        if general and _restricted(doc, end):
            continue  # "le quinquagénaire soupçonné de …", "le joueur entré à sa place": someone new
        place = place_of_title(doc, index, token, end) if entity_type == "PERSON" else None
        nouns = (fold(token.lemma_), fold(token.text), *(hypernyms.get(folded, ()) or hypernyms.get(folded_lemma, ())))
        # "le technicien": the "sélectionneur" named; "le maire de Brest": the mayor of that place only
        given = set().union(*(titles.get(with_place(noun, place), set()) for noun in nouns))
        gender = description_gender(doc.lang_, determiner.text)  # "la ministre" is no Julien
        holders = {k for k in given if entities[k]["type"] in accepted and agrees(gender, entities[k], words)}
        if holders and (folded in hypernyms or folded_lemma in hypernyms):
            # a general noun ("le dirigeant": PDG, président, directeur…) gathers the holders of
            # several titles: it takes up one the reader has met, never one named further on (a
            # precise title stays as it was)
            holders = _named_before(index, holders, token.idx)
        rule = "title" if entity_type == "PERSON" else "description"
        if not holders and folded_lemma in qualified_only and not (
                origins is not None and origins.in_tokens(doc[token.i + 1 : end])):
            continue  # "le site chinois" is a company, "le site internet" or "le site" alone is not
        apposed = apposed_name(doc, index, end)
        if entity_type == "PERSON" and apposed is not None and entities.get(apposed.key, {}).get("type") == "PERSON":
            key: str | None = apposed.key  # "Le maire sortant, Paul X,": the title of the name after it
        elif entity_type == "PERSON" and not holders and (folded in any_person or folded_lemma in any_person):
            # "l'intéressé": the one person of the window, whatever the article called them; of
            # two ("X a nommé Y … l'intéressé"), the subject in focus may well be the wrong one
            key = _in_focus(doc, index, entities, token, ("PERSON",), allowed=_only_one)
        elif entity_type == "PERSON" or holders:
            # the one actor the article called so ("la chaîne Canal Neuf" then "la chaîne");
            # a person only so: "le ministre" is never merely the last person named
            key = next(iter(holders)) if len(holders) == 1 else None
        else:
            trade_said = fold(token.lemma_) not in generic and fold(token.text) not in generic
            noun = token.lemma_ if fold(token.lemma_) in cues else token.text
            allowed = kinds.narrowing(folded, folded_lemma, entities, _allowed(origins, doc[token.i + 1 : end], noun))
            allowed = trades.narrowing(fold(noun), trades_given, allowed)
            said = sectors.said_after(doc, token) if sectors is not None else []
            if said and sectors is not None:
                # several candidates of the sector: a trade noun leaves them to its clear focus
                allowed = _then(allowed, sectors.narrowing(said, (lambda keys: keys) if trade_said else None))
            earlier = described.get(folded_lemma) if trade_said else None
            key = _in_focus(doc, index, entities, token, accepted, clear_only=trade_said, allowed=allowed,
                            earlier=earlier)
            if key is not None and trade_said and end > token.i + 1:
                described[folded_lemma] = key  # only a qualified one ("le club rhodanien") is sure enough
        if key is not None:
            found.append(ActorMention(start_char, end_char, key, "description", rule))
    return found


def _named_before(index: ActorIndex, keys: set[str], position: int) -> set[str]:
    """Of the actors a title was given to, those named before ``position``: "a expliqué le
    dirigeant" stands for a leader the reader has met, not for one the article names later
    ("Le directeur général de Y, Z, …" two paragraphes on)."""
    return {m.key for m in index.mentions if m.key in keys and m.kind == "name" and m.start < position}


def adjectives_end(doc: Doc, start: int) -> int:
    """The position past the lower-case adjectives (at most ``MAX_ADJECTIVES``) from ``start``,
    right after a description's noun ("le club parisien", "son rival américain"); an adjective of
    origin counts whatever the tagger made of it ("le laboratoire lyonnais", tagged a name)."""
    end = start
    origins = origin_adjectives(doc.lang_)
    while end < len(doc) and end - start < MAX_ADJECTIVES and doc[end].is_lower and (
            doc[end].pos_ == "ADJ" or doc[end].lower_ in origins):
        end += 1
    return end


def _description_end(doc: Doc, noun: Token, index: ActorIndex, title: bool) -> int | None:
    """The end of "le club parisien" (adjectives in); ``None`` when the noun introduces a name
    ("le club Everton", "la plateforme britannique Velora") or has a complement ("le club de
    Valdor", "la chaîne de valeur"). A title keeps a complement that names no actor ("le
    ministre de l'Économie"); with an actor it is a role ("le patron de Velora"), read elsewhere."""
    end = adjectives_end(doc, noun.i + 1)
    following = doc[end] if end < len(doc) else None
    if following is None:
        return end
    if following.text[:1].isupper() and not following.is_sent_start:
        return None
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and after.lower_ == "par" and "Part" in following.morph.get("VerbForm", []):
        return None  # "le groupe dirigé par X": its agent says which, read by coref's led_by
    if fold(following.text) not in COMPLEMENT_LINKS:
        return end
    if not title:
        # "sanctionne l'adtech d'une amende": a "de" phrase of the verb is no complement of the noun
        # nor one that opens on an indefinite or a number ("d'une amende de deux millions")
        complement = following.head
        if complement.pos_ in ("VERB", "AUX") and "Inf" in complement.morph.get("VerbForm", []):
            return end  # "accuse la coopérative de sacrifier …": the verb's infinitive, whatever the parse hung it on
        after = doc[following.i + 1] if following.i + 1 < len(doc) else None
        indefinite = after is not None and (fold(after.text) in INDEFINITES or after.pos_ == "NUM")
        attached = noun.i <= complement.head.i < end and not indefinite
        if attached:
            return _trade_complement_end(doc, following, complement, index)
        return None if complement.i == following.i else end
    i = end + 1
    if i + 1 < len(doc) and doc[i].like_num and fold(doc[i + 1].text) in _age_units(doc.lang_):
        return i + 2  # "le joueur de 24 ans": an age, no complement
    if i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    place = index.mention_at(doc[i]) if i < len(doc) else None
    if place is not None and place.key.startswith(PLACE_PREFIX):
        return first_token_from(doc, place.end)  # "le maire de Brest": read with the place
    if place is None and i < len(doc) and doc[i].is_lower and doc[i].pos_ == "NOUN":
        return _restated_complement_end(doc, noun, i)  # "la présidente de la fédération"
    if i >= len(doc) or not doc[i].text[:1].isupper() or place is not None:
        return None
    while i < len(doc) and doc[i].text[:1].isupper() and i - end < 5:
        i += 1
    return i


#: How many words a title's lower-case complement may hold ("de la fédération des boulangers").
MAX_RESTATED_COMPLEMENT = 5


def _restated_complement_end(doc: Doc, noun: Token, first: int) -> int | None:
    """The end of a title whose complement is lower case ("la présidente de la fédération"),
    when the article wrote that title with that complement before ("X, présidente de la
    fédération des boulangers, …"): the description restates a title given, whose holder the
    title noun finds. The longest restated run of lower-case words from ``first`` counts; a
    complement said for the first time ("le directeur de l'usine") is someone else's title: None."""
    stop = first
    while stop < len(doc) and stop - first < MAX_RESTATED_COMPLEMENT and doc[stop].is_lower \
            and doc[stop].pos_ in ("NOUN", "ADJ", "ADP", "DET"):
        stop += 1
    earlier = fold(text_of(doc)[: noun.idx])
    for end in range(stop, first, -1):
        if doc[end - 1].pos_ not in ("NOUN", "ADJ"):
            continue  # a complement ends on its noun or adjective, not on "de la"
        restated = fold(doc[noun.i : end].text)
        if restated in earlier:
            return end
    return None


def _trade_complement_end(doc: Doc, mark: Token, complement: Token, index: ActorIndex) -> int | None:
    """The end of "le leader du covoiturage", "le géant des technologies chinois": a complement
    with a definite article ("du", "des", "de la") that says the actor's trade and names nobody;
    ``None`` for any other complement ("le groupe de travail", "la société de la famille Mulliez")."""
    definite = fold(mark.text) in DEFINITE_COMPLEMENT_MARKS or (
        mark.i + 1 < len(doc) and fold(doc[mark.i + 1].text) in DEFINITE_AFTER_DE)
    if not definite or complement.pos_ != "NOUN" or not complement.is_lower:
        return None
    end = complement.right_edge.i + 1
    if end - mark.i > MAX_TRADE_COMPLEMENT or complement.left_edge.i != mark.i:
        return None
    if any(not t.is_lower and not t.is_punct for t in doc[mark.i : end]) or _covered(index, doc, mark.i, end):
        return None
    if any(t.pos_ in ("VERB", "AUX", "PUNCT", "ADP") and t.i > mark.i + 1 for t in doc[mark.i : end]):
        return None  # one bare phrase, no clause or second complement
    return end


def _allowed(origins: ArticleOrigins | None, adjectives: Span, noun: str):
    """The narrowing of a description's candidates (a list of keys → the keys it may stand for):
    by its adjectives of origin, off institutions for a company's noun ("l'entreprise", "la
    medtech"; not "l'organisation", "le régulateur"), and off news outlets for any noun but a
    press noun ("le club" is never the AFP the article quotes)."""
    if origins is None:
        return None
    wanted = origins.in_tokens(adjectives)

    def narrow(keys: list[str]) -> list[str]:
        keys = origins.without_parts(keys, noun)  # "le groupe" is Meta, not its Instagram in view
        if origins.excludes_institutions(noun):
            keys = [k for k in keys if not origins.is_institution(k)]
        if origins.excludes_press(noun):
            keys = [k for k in keys if not origins.is_press(k)]
        return origins.choose(keys, wanted)

    return narrow


def _only_one(keys: list[str]) -> list[str]:
    """The candidates' keys when there is one, else none (an ``allowed`` of :func:`_in_focus`)."""
    return keys if len(keys) == 1 else []


def _then(first, second):
    """Two narrowings of candidate keys, one after the other (``first`` may be ``None``)."""
    if first is None:
        return second
    return lambda keys: second(first(keys))


def _covered(index: ActorIndex, doc: Doc, start: int, end: int, places_inside: bool = False) -> bool:
    """Whether an actor is named within the description's words; with ``places_inside``, a place
    in a title's complement ("le maire de Brest") does not count."""
    for i in range(start, end):
        mention = index.mention_at(doc[i])
        if mention is not None and not (places_inside and mention.key.startswith(PLACE_PREFIX)):
            return True
    return False


def _in_focus(doc: Doc, index: ActorIndex, entities, noun: Token, accepted: tuple[str, ...],
              clear_only: bool = False, allowed=None, earlier: str | None = None) -> str | None:
    """The actor of an ``accepted`` type most in focus before ``noun``: the subject of the current or
    of an earlier sentence in the window, else the last one named; never an institution.
    ``clear_only``: only a subject, or the one candidate of the window (for nouns that name a
    trade, which the last-named actor may well not have). ``allowed`` narrows the candidates'
    keys (agreement in origin and kind, :func:`_allowed`). ``earlier``: the actor an earlier
    description with the same trade noun stood for; short of a subject, it stays that actor ("le
    club rhodanien" … "ce club", whatever radio was named in between)."""
    tokens = token_table(doc)
    starts = tokens.sentence_starts
    before = bisect_right(starts, noun.i)  # the sentences that start at or before the noun
    if not before:
        return None
    candidates: list[tuple[ActorMention, bool]] = []
    subject_words = _own_clause_subject(noun)
    deps, heads, subject_deps = tokens.deps, tokens.heads, LABELS.subjects
    noun_head, noun_is_subject = heads[noun.i], deps[noun.i] in subject_deps
    partners = {m.key for i in clause_partners(noun) if (m := index.mention_at_index(i)) is not None}
    quoted = [r for r in quoted_ranges(doc, text_of(doc)) if not r[0] <= noun.idx < r[1]]
    in_quotes: set[int] = set()
    for i in range(starts[max(0, before - 1 - LOOKBACK_SENTENCES)], noun.i):  # no Token built
        mention = index.mention_at_index(i)
        record = entities.get(mention.key) if mention else None
        if mention is None or record is None or record["type"] not in accepted or record.get("institution"):
            continue
        if mention.key in partners:
            continue  # "déposée par X contre l'entreprise": another argument of its clause
        if quoted and any(start <= mention.start < end for start, end in quoted):
            in_quotes.add(id(mention))  # somebody's words, not the article's discourse: a last resort
        if candidates and candidates[-1][0] == mention:
            continue
        if deps[i] in subject_deps and heads[i] == noun_head and not noun_is_subject:
            continue  # "X a sanctionné la medtech": the subject of its own clause is not the object
        if i in subject_words:
            continue  # "Le président de la FIFA, X, a salué la fédération marocaine": nor is a name in it
        candidates.append((mention, deps[i] in subject_deps))
    if in_quotes and any(id(m) not in in_quotes for m, _ in candidates):
        candidates = [(m, is_subject) for m, is_subject in candidates if id(m) not in in_quotes]
    if allowed is not None:
        kept = set(allowed(list(dict.fromkeys(m.key for m, _ in candidates))))
        candidates = [(m, is_subject) for m, is_subject in candidates if m.key in kept]
    subjects = [m for m, is_subject in candidates if is_subject]
    if subjects:
        return subjects[-1].key
    if earlier is not None and earlier not in partners and (allowed is None or allowed([earlier])):
        return earlier
    if not candidates:
        return None
    if clear_only and len({m.key for m, _ in candidates}) > 1:
        return _most_salient(index, {m.key for m, _ in candidates}, noun)
    return candidates[-1][0].key


def _own_clause_subject(noun: Token) -> range:
    """The token positions of the subject phrase of the clause a description is a complement of
    (empty when the description is in that subject, or hangs on no verb)."""
    head = noun
    while head.head != head and head.pos_ not in ("VERB", "AUX"):
        if head.dep_ in LABELS.subjects:
            return range(0)
        head = head.head
    subject = next((c for c in head.children if c.dep_ in LABELS.subjects), None) if head.pos_ in ("VERB", "AUX") else None
    return range(subject.left_edge.i, subject.right_edge.i + 1) if subject is not None else range(0)


def _most_salient(index: ActorIndex, keys: set[str], noun: Token) -> str | None:
    """Of several candidates, the one the article has named most often before ``noun`` (salience); ``None``
    on a tie (two actors named once each are equally likely)."""
    counts = {key: 0 for key in keys}
    for mention in index.mentions:
        if mention.key in counts and mention.end <= noun.idx:
            counts[mention.key] += 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _restricted(doc: Doc, end: int) -> bool:
    """Whether the words right after a description restrict it to someone the article has not
    named yet: a participle or a relative clause ("le technicien chargé de la VAR", "le joueur
    qui l'a remplacé")."""
    if end >= len(doc):
        return False
    following = doc[end]
    if following.pos_ in ("VERB", "AUX") and "Part" in following.morph.get("VerbForm", []):
        return True
    return following.pos_ == "PRON" and "Rel" in following.morph.get("PronType", [])
