"""Within one article: generic descriptions of an organisation ("la société", "le groupe", "le géant").

"la société" is the organisation in focus within a few sentences ("X a investi dans Y. La société a
refusé de commenter" is Y); an incise's "a déclaré la société" continues the subject before its
quote; "le groupe dirigé par X" is X's organisation. Names inside quotes never count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc

from chronique.extract.actors.clause_partners import clause_partners
from chronique.extract.actors.coref_called import fronted_clause_actors, same_generic_noun
from chronique.extract.actors.coref_cataphora import named_after
from chronique.extract.actors.coref_focus import (
    NOWHERE,
    is_subject,
    overlaps,
    quoted_ranges,
    recent,
    subject_in_focus,
    window_start,
)
from chronique.extract.actors.description_sectors import ArticleSectors
from chronique.extract.actors.descriptions import description_cues
from chronique.extract.actors.origin_words import origin_adjectives
from chronique.extract.actors.origins import ArticleOrigins
from chronique.extract.actors.titles import titles_given
from chronique.nlp.actor_index import ActorIndex, growing_index
from chronique.nlp.extensions import ActorMention, text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.memo import per_lexicon
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["generic_org_descriptions"]

LABELS = dependency_scheme("ud")

@per_lexicon
def _generic_words(words: dict[str, Any]) -> tuple[list[str], set[str]]:
    """The generic organisation phrases ("la société"), folded, longest first, and the generic
    description nouns, folded: made once per lexicon, not per document."""
    return (sorted({fold(p) for p in words["generic_org"]}, key=len, reverse=True),
            {fold(n) for n in words.get("generic_descriptions", {}).get("nouns", [])})


@per_lexicon
def _bare_phrases(words: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """The generic phrases that stand for a company only with no complement after them ("la
    direction", not "la direction de ce club"), folded, and the words that open a complement."""
    return (frozenset(fold(p) for p in words.get("generic_org_bare", [])),
            frozenset(fold(w) for w in words.get("generic_org_complement_words", [])))


def _with_complement(doc: Doc, end: int, openers: frozenset[str]) -> bool:
    """Whether a noun complement follows the phrase ending at ``end``: "la direction de ce club".
    Not an infinitive or a quote ("accuser la direction de mentir", "de « brader … »"), what the
    verb says of the phrase; nor "des", which opens the verb's object as often ("demander à la
    direction des garanties") and is left out of ``openers``."""
    tokens = token_table(doc)
    i = bisect_right(tokens.starts, end - 1)
    while i < tokens.size and not tokens.texts[i].strip():
        i += 1
    if i + 1 >= tokens.size or tokens.folded[i] not in openers:
        return False
    return tokens.pos[i + 1] not in ("VERB", "AUX", "PUNCT")


@per_lexicon
def _led_by_words(words: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Each participle of "dirigé par", folded, with the titles it says: made once per lexicon."""
    return {fold(k): tuple(v) for k, v in words.get("led_by", {}).items()}


def generic_org_descriptions(doc, text, mentions, entities, words, kb=None,
                             origins: ArticleOrigins | None = None,
                             sectors: ArticleSectors | None = None) -> list[ActorMention]:
    """"la société", "l'organisation": the organisation named last within a few sentences ("X a
    investi dans Y. La société a refusé de commenter" is Y). A subject description in a paragraph
    that names no organisation before it continues the latest subject; the inverted subject of
    an incise continues the subject in focus (:func:`subject_in_focus`). Names inside quotes are somebody's words, not the
    article's discourse ("« Velora annonce le rachat de Nuvio », a indiqué la société"). An
    adjective of origin after the phrase ("la firme suédoise") keeps it to actors of that
    country (:class:`ArticleOrigins`); no such phrase stands for an institution."""
    phrases, generic_nouns = _generic_words(words)
    lowered = fold(text)
    quoted = quoted_ranges(doc, text)
    index = growing_index(doc, mentions)  # ``mentions`` does not change below: one index for every phrase
    called = _called_so(doc, index, entities, words)
    called_generic = _called_generically(doc, index, entities, words)
    found: list[ActorMention] = []
    for phrase in phrases:
        start = lowered.find(phrase)
        if start == -1:
            continue  # most phrases: not in the text
        bare_only = phrase in _bare_phrases(words)[0]
        company = _is_company(entities, origins, phrase)
        phrase_found: list[ActorMention] = []  # this phrase's mentions so far, in text order

        def base_accept(key: str, mention: ActorMention, company=company) -> bool:
            return company(key, mention) and not any(start <= mention.start < end for start, end in quoted)

        while start != -1:
            end = start + len(phrase)
            boundary_ok = (start == 0 or not lowered[start - 1].isalnum()) and (
                end == len(lowered) or not lowered[end].isalnum()
            )
            if bare_only and (_with_complement(doc, end, _bare_phrases(words)[1]) or _incise_subject(doc, quoted, start)
                              or is_subject(doc, ActorMention(start, end, "", "description"))):
                # "la direction de ce club": whose leadership; "« … », a répondu la direction", "la
                # direction a annoncé": the speaker and the subject are the owner the article gave
                # it, or nobody (quotes/speakers), not the union that spoke last
                boundary_ok = False
            introduces_name = _followed_by_name(doc, text, end, mentions)
            led = _led_by(doc, text, end, mentions, entities, kb, words) if boundary_ok else None
            if led is not None and not overlaps(found + mentions, start, end):
                if led:  # "le groupe dirigé par X": X's organisation, or nobody rather than a guess
                    found.append(ActorMention(start, end, led, "description", "description"))
            elif boundary_ok and not introduces_name and not overlaps(found + mentions, start, end):
                presented = fronted_clause_actors(doc, mentions, start)  # "Fondée par A, ex-cadre de X, la société"

                def unpresented(key: str, mention: ActorMention, presented=presented) -> bool:
                    return key not in presented and base_accept(key, mention)

                accept = _without_partners(doc, index, start, end,
                                           _of_origin(doc, text, mentions, entities, start, end, unpresented, origins))
                accept = _without_parts(doc, mentions, entities, start, accept, origins, phrase)
                unsectored = accept
                accept, of_sector = _of_sector(doc, mentions, entities, start, end, accept, sectors)
                named = {k for k in called.get(_phrase_noun(phrase), set()) if k in entities and base_accept(k, NOWHERE)}
                if len(named) > 1:
                    # of two "laboratoires", the one already named: "le laboratoire belge X" further
                    # on is not what an earlier "le laboratoire" refers back to
                    named = {k for k in named if any(m.key == k and m.end <= start for m in mentions)}
                repeated = _repeated(doc, mentions, entities, found, phrase_found, start, accept)
                if len(named) == 1 and unsectored(next(iter(named)), NOWHERE) and _named_before(mentions, named, start):
                    # the one actor the article called so before ("le laboratoire lyonnais X …
                    # le laboratoire"), not another whose name shows the sector ("Y Pharma")
                    key: str | None = next(iter(named))
                elif of_sector is not None:
                    key = of_sector  # the one actor of the article shown in the sector said
                elif len(named) == 1 and accept(next(iter(named)), NOWHERE):
                    key = next(iter(named))  # "la plateforme Velora … la plateforme"
                elif repeated is not None:
                    key = repeated  # "La société était contrôlée par X. … la société achetait"
                elif bare_only and (owner := _owner_given(doc, mentions, entities, phrase, start, accept,
                                                         _bare_phrases(words)[1], _repeaters(words))):
                    key = owner  # "la direction du constructeur X et les syndicats … reproche à la direction"
                elif _incise_subject(doc, quoted, start):  # "« … », a déclaré la société"
                    key = subject_in_focus(doc, text, mentions, entities, start, accept)
                else:
                    as_subject = is_subject(doc, ActorMention(start, end, "", "description"))
                    trade = as_subject and fold(_phrase_noun(phrase)) not in generic_nouns
                    key = _previous_subject(doc, mentions, entities, start, accept) if trade else None
                    # "le groupe lyonnais X … X, qui a racheté Y, … Le groupe a conclu": the one
                    # actor in view the article called by this generic noun (a subject: the topic)
                    # (not "Le groupe de travail du Sénat": a group of another kind, its own complement)
                    if as_subject and not _with_complement(doc, end, _bare_phrases(words)[1]):
                        key = key or same_generic_noun(doc, mentions, entities,
                                                       called_generic.get(fold(_phrase_noun(phrase)), set()), start, accept,
                                                       _names_a_subject)
                    key = key or _fronted_topic(doc, mentions, entities, start, accept)  # (opening its sentence: whatever its parse)
                    key = key or recent(doc, mentions, entities, start, accept, prefer_subject=as_subject and not any(
                        accept(m.key, m) for m in mentions
                        if m.key in entities and text.rfind("\n", 0, start) < m.start < start
                    ))
                    # none before it fits: the name after it ("… avec le géant chinois. … Huawei")
                    key = key or named_after(doc, mentions, entities, start, end,
                                             _without_partners(doc, index, start, end, base_accept), origins, sectors)
                if key:
                    found.append(ActorMention(start, end, key, "description", "description"))
                    phrase_found.append(found[-1])
            start = lowered.find(phrase, end)
    return found


#: How far after "la direction de" its owner's name may start (characters): "du transporteur
#: lorientais X", not a name in the next clause.
_OWNER_REACH = 60


@per_lexicon
def _repeaters(words: dict[str, Any]) -> frozenset[str]:
    """The pronouns that repeat a bare phrase with another owner ("celle de Y"), folded."""
    return frozenset(fold(w) for w in words.get("generic_org_repeaters", []))


def _owner_given(doc: Doc, mentions: list[ActorMention], entities, phrase: str, start: int, accept,
                 openers: frozenset[str], repeaters: frozenset[str]) -> str | None:
    """The one owner the article gave a body before ``start`` ("la direction du transporteur X …
    reproche à la direction" is X's management, not the union named last), by a "de" complement
    whose first name follows the noun (or a pronoun repeating it: "et celle de Y") with only
    lower-case words between; ``None`` with none or two (then "la direction" is resolved as any
    generic phrase)."""
    noun = fold(_phrase_noun(phrase))
    tokens = token_table(doc)
    owners: set[str] = set()
    for i in range(bisect_right(tokens.starts, start - 1) - 1):
        folded = tokens.folded[i]
        if (folded != noun and not (owners and folded in repeaters)) or tokens.folded[i + 1] not in openers:
            continue
        after = tokens.starts[i + 1]
        owner = min((m for m in mentions if m.start > after and m.key in entities), key=lambda m: m.start, default=None)
        between = doc.text[after:owner.start] if owner is not None else ""
        if (owner is not None and len(between) < _OWNER_REACH and not any(c in between for c in ".;:!?«»")
                and all(w.islower() or not w.isalpha() for w in between.split())):
            owners.add(owner.key)
    if len(owners) != 1:
        return None
    key = next(iter(owners))
    return key if accept(key, NOWHERE) else None


def _named_before(mentions: list[ActorMention], named: set[str], start: int) -> bool:
    """Whether the one actor of ``named`` is mentioned before ``start``."""
    return any(m.key in named and m.end <= start for m in mentions)


def _previous_subject(doc: Doc, mentions: list[ActorMention], entities, start: int, accept) -> str | None:
    """The one accepted actor that is the subject of the sentence right before a subject trade
    description opening its own sentence ("Veltra a remporté une commande de la compagnie Skyvia.
    Le constructeur devance …" is Veltra, not the customer named last, who may well be of another
    trade); ``None`` otherwise. A generic noun ("la société") keeps to the actor named last."""
    bounds = _sentence_before_opening(doc, start)
    if bounds is None:
        return None
    since, until = bounds
    keys = {m.key for m in mentions if since <= m.start and m.end <= until and m.key in entities
            and accept(m.key, m) and _names_a_subject(doc, m) and _of_main_clause(doc, m)}
    return next(iter(keys)) if len(keys) == 1 else None


def _fronted_topic(doc: Doc, mentions: list[ActorMention], entities, start: int, accept) -> str | None:
    """The organisation a fronted participle presented in the sentence right before a subject
    description opening its own sentence ("Fondée par A et B, la société X a accueilli le fonds Y.
    La société …" is X, not the investor named last): a sentence that opens on what the company
    is ("Fondée", "Créée", "Installée", "Rachetée") is about that company, whatever the parser
    made of it. ``None`` when the sentence before does not open so."""
    bounds = _sentence_before_opening(doc, start)
    if bounds is None:
        return None
    since, until = bounds
    opening = doc.char_span(since, since + 1, alignment_mode="expand")
    if opening is None or "Part" not in opening[0].morph.get("VerbForm", []) or opening[0].pos_ not in ("VERB", "ADJ"):
        return None
    for comma in (t for t in doc[opening.start : opening.start + 40] if t.text == "," and t.idx < until):
        # the subject right after the comma, or the name after its lower-case description ("la société X")
        for word in doc[comma.i + 1 : comma.i + 1 + _FRONTED_DESCRIPTION]:
            named = [m for m in mentions if m.start == word.idx and m.key in entities]
            if named:
                key = max(named, key=lambda m: m.end).key
                return key if accept(key, named[0]) else None
            if not word.is_lower or word.is_punct:
                break
    return None


def _sentence_before_opening(doc: Doc, start: int) -> tuple[int, int] | None:
    """The character bounds of the sentence before the one that ``start`` opens; ``None`` when
    ``start`` is not the first word of its sentence, or that sentence is the document's first."""
    starts = token_table(doc).sentence_start_chars
    current = bisect_right(starts, start) - 1
    if current < 1 or text_of(doc)[starts[current] : start].strip():
        return None
    return starts[current - 1], starts[current]


#: How many lower-case words may stand between a fronted participle's comma and the name of its
#: subject ("…, la jeune société lyonnaise X").
_FRONTED_DESCRIPTION = 5


def _of_main_clause(doc: Doc, mention: ActorMention) -> bool:
    """Whether the mention names the subject of its sentence's root verb."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.dep_ not in LABELS.subjects and head.head.i != head.i:
        head = head.head
    return head.dep_ in LABELS.subjects and head.head.dep_ == LABELS.root


def _repeated(doc: Doc, mentions: list[ActorMention], entities, found: list[ActorMention],
              same_phrase: list[ActorMention], start: int, accept) -> str | None:
    """The actor the same phrase stood for as a subject earlier in the window, when no other
    accepted actor was a subject since ("La société était contrôlée par Fortelis, dont l'État
    détient … Avant la crise, la société achetait …": the first company, not Fortelis): a topic
    kept is named again the same way."""
    since = window_start(doc, start)
    previous = next((m for m in reversed(same_phrase) if since <= m.start and is_subject(doc, m)), None)
    if previous is None or not accept(previous.key, previous):
        return None
    between = [m for m in mentions + found if previous.end <= m.start < start and m.key in entities]
    if any(m.key != previous.key and accept(m.key, m) and _names_a_subject(doc, m) for m in between):
        return None
    return previous.key


#: Words that may stand between two coordinated names ("A et le laboratoire B").
_COORDINATION_GAP = frozenset({"CCONJ", "DET", "NOUN", "ADJ", "PUNCT"})


def _coordinated(doc: Doc, first: ActorMention, second: ActorMention) -> bool:
    """Whether two mentions are joined by a coordination ("le laboratoire A et le laboratoire B"),
    however the parser hung them."""
    gap = doc.char_span(first.end, second.start, alignment_mode="contract")
    words = list(gap) if gap is not None else []
    return (0 < len(words) <= 4 and any(t.pos_ == "CCONJ" for t in words)
            and all(t.pos_ in _COORDINATION_GAP and (t.is_lower or t.is_punct) for t in words))


def _names_a_subject(doc: Doc, mention: ActorMention) -> bool:
    """Whether the mention is a subject, or the name of one ("Le groupe Ardival a cédé …"), or of a
    subject's conjunct."""
    if is_subject(doc, mention):
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    named = root.dep_ in LABELS.phrase_name_links and head.i < span.start
    # "Le fonds A et le fonds B ont investi": B names a conjunct of the subject
    return named and (head.dep_ in LABELS.subjects or any(c.dep_ in LABELS.subjects for c in head.conjuncts))


def _of_sector(doc: Doc, mentions: list[ActorMention], entities, start: int, end: int, accept,
               sectors: ArticleSectors | None):
    """``accept`` narrowed by the sectors the phrase says ("le groupe d'investissement", "le géant
    de la distribution"): :class:`ArticleSectors`; and the actor it stands for when none in view
    shows them but one actor of the article before it does (else ``None``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    said = sectors.said_after(doc, span[-1]) if sectors is not None and span is not None and len(span) else []
    if not said or sectors is None:
        return accept, None
    since = window_start(doc, start)
    keys = [m.key for m in mentions if since <= m.start and m.end <= start and m.key in entities and accept(m.key, m)]

    def subject_among(showing: list[str]) -> list[str]:
        """The last subject among the candidates, unless another is a subject of its sentence too."""
        subjects = sorted((m for m in mentions if since <= m.start and m.end <= start and m.key in showing
                           and accept(m.key, m) and _names_a_subject(doc, m)), key=lambda m: m.start)
        if not subjects:
            return []
        last = subjects[-1]
        sentence = token_table(doc).sentence_start_chars
        opening = max((c for c in sentence if c <= last.start), default=0)
        if any(m.key != last.key and m.start >= opening for m in subjects):
            return []
        rivals = [m for m in mentions if m.key in showing and m.key != last.key and opening <= m.start < last.start]
        return [] if any(_coordinated(doc, m, last) for m in rivals) else [last.key]

    keys = list(dict.fromkeys(keys))
    if not any(sectors.shows(k, said) for k in keys):
        # none in view shows it: the one actor of the article that does ("la coopérative Terravia" …
        # three sentences later, "le géant coopératif")
        earlier = {m.key for m in mentions if m.end <= start and m.key in entities and accept(m.key, m)
                   and sectors.shows(m.key, said)}
        if len(earlier) == 1:
            return accept, next(iter(earlier))
    allowed = set(sectors.narrowing(said, subject_among)(keys))
    return (lambda key, mention: key in allowed and accept(key, mention)), None


def _without_partners(doc: Doc, index: ActorIndex, start: int, end: int, accept):
    """``accept`` without the actors that are other arguments of the phrase's own clause ("déposée
    par Velora contre l'entreprise" is not Velora: :func:`clause_partners`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    partners = clause_partners(span[-1]) if span is not None and len(span) else frozenset()
    if not partners:
        return accept
    excluded = {m.key for i in partners if (m := index.mention_at(doc[i])) is not None}
    return lambda key, mention: key not in excluded and accept(key, mention)


def _without_parts(doc: Doc, mentions: list[ActorMention], entities, start: int, accept,
                   origins: ArticleOrigins | None, phrase: str):
    """``accept`` without the products and subsidiaries whose maker or parent is in view ("Meta,
    la maison mère d'Instagram … démanteler le groupe" is Meta): :meth:`ArticleOrigins.without_parts`."""
    if origins is None:
        return accept
    since = window_start(doc, start)
    keys = list(dict.fromkeys(m.key for m in mentions if since <= m.start and m.end <= start
                              and m.key in entities and accept(m.key, m)))
    kept = set(origins.without_parts(keys, _phrase_noun(phrase)))
    if len(kept) == len(keys):
        return accept
    return lambda key, mention: key in kept and accept(key, mention)


def _phrase_noun(phrase: str) -> str:
    """The noun of a generic phrase: "plateforme" of "la plateforme", "pousse" of "la jeune pousse"."""
    return phrase.split(" ")[-1].split("'")[-1]


def _called_so(doc, index: ActorIndex, entities, words) -> dict[str, set[str]]:
    """Trade noun → the actors the article gave it ("la plateforme Velora", "Velora, la plateforme
    suédoise"): "la plateforme" stands for the one actor so called. Generic nouns ("la société",
    "le groupe") say nothing of a trade and are left to focus."""
    cues = description_cues(words)
    generic = _generic_words(words)[1]
    given = titles_given(doc, index, entities, cues)
    return {noun: keys for noun, keys in given.items() if noun not in generic}


def _called_generically(doc, index: ActorIndex, entities, words) -> dict[str, set[str]]:
    """Generic noun → the actors the article gave it ("le groupe lyonnais X", "la compagnie X")."""
    generic = _generic_words(words)[1]
    given = titles_given(doc, index, entities, description_cues(words))
    return {noun: keys for noun, keys in given.items() if noun in generic}


def _of_origin(doc, text, mentions, entities, start, end, accept, origins: ArticleOrigins | None):
    """``accept`` narrowed by the adjectives of origin after the phrase ending at ``end`` ("la
    firme suédoise"): to the candidates in view of that country, else to those of no stated one."""
    if origins is None:
        return accept
    span = doc.char_span(start, end, alignment_mode="expand")
    wanted = origins.after(doc, span.end) if span is not None else set()
    if not wanted:
        return accept
    since = min(window_start(doc, start), text.rfind("\n", 0, start) + 1)
    keys = [m.key for m in mentions if since <= m.start and m.end <= start and m.key in entities and accept(m.key, m)]
    allowed = set(origins.choose(list(dict.fromkeys(keys)), wanted))
    return lambda key, mention: key in allowed and accept(key, mention)


def _led_by(doc: Doc, text: str, end: int, mentions, entities, kb, words) -> str | None:
    """"le groupe dirigé par Paul Verdier": the organisation of the article the knowledge base
    says that person holds the participle's role in at the article's date; "" when the phrase is
    so qualified but no such organisation is known; None when it is not so qualified."""
    led_by = _led_by_words(words)
    match = re.match(r"\s+(\w+)\s+par\s+", text[end : end + 60])
    if match is None:
        return None
    participle = fold(match.group(1))
    titles = led_by.get(participle) or led_by.get(participle.rstrip("s").removesuffix("e"))
    if not titles:
        return None
    person_start = end + match.end()
    person = next((m for m in mentions if m.start == person_start), None)
    known = kb.get(person.key) if kb is not None and person is not None else None
    if known is None:
        return ""
    on = doc._.dct.isoformat() if doc._.dct else None
    orgs = {r.org for r in known.roles if r.title in titles and r.holds_on(on) and r.org in entities}
    return next(iter(orgs)) if len(orgs) == 1 else ""


#: How long an acronym of a sector may be in a description's complement ("le géant du BTP X").
_SECTOR_ACRONYM = 4

#: Words that may stand between a quote and the inverted subject of its incise ("» , a indiqué").
_INCISE_GAP = frozenset({"PUNCT", "AUX", "VERB", "ADV", "PRON", "SPACE"})


def _incise_subject(doc: Doc, quoted: list[tuple[int, int]], start: int) -> bool:
    """Whether the phrase at ``start`` is the inverted subject of an incise right after a quote
    ("« … », a indiqué la société"), which the parser often reads as an object."""
    closing = max((end for _s, end in quoted if end <= start), default=None)
    if closing is None or start - closing > 40:
        return False
    gap = doc.char_span(closing, start, alignment_mode="contract")
    words = [t for t in gap or () if not t.is_punct and not t.is_space]
    return bool(words) and all(t.pos_ in _INCISE_GAP for t in words) and any(t.pos_ == "VERB" for t in words)



def _is_company(entities, origins: ArticleOrigins | None = None, phrase: str = ""):
    """A filter for what "la société" may stand for: an organisation, not an institution (by the
    knowledge base's kind or the name's head too, unless the noun is also an institution's, such
    as "l'organisation")."""
    noun = phrase.split(" ")[-1].split("'")[-1]
    strict = origins is not None and origins.excludes_institutions(noun)

    def accept(key: str, mention: ActorMention) -> bool:
        if entities[key]["type"] != "ORG" or entities[key].get("institution"):
            return False
        if origins is not None and origins.excludes_press(noun) and origins.is_press(key):
            return False  # "la société" is not the AFP the article quotes
        return not (strict and origins is not None and origins.is_institution(key))

    return accept


def _followed_by_name(doc: Doc, text: str, end: int, mentions: list[ActorMention]) -> bool:
    """Whether the phrase ending at ``end`` introduces a name: "le groupe Meta", "l'opérateur
    historique Orange" (the name, not the description, is the actor there)."""
    if text[end : end + 2].strip()[:1].isupper():
        return True
    span = doc.char_span(end, end, alignment_mode="expand") if end < len(text) else None
    i = span.start if span is not None else len(doc)
    while i < len(doc) and doc[i].is_space:
        i += 1
    origins = origin_adjectives(doc.lang_)  # "le laboratoire lyonnais X", whatever the tagger said
    for _ in range(2):
        if i < len(doc) and doc[i].is_lower and (doc[i].pos_ == "ADJ" or doc[i].text in origins):
            i += 1
    if i + 1 < len(doc) and doc[i].is_lower and doc[i].pos_ == "NOUN" and any(m.start == doc[i + 1].idx for m in mentions):
        return True  # "l'opérateur télécoms Telvia": a noun of the trade, then the name
    if i + 2 < len(doc) and doc[i].lower_ in ("de", "d'", "du", "des"):
        # "la plateforme de streaming Nuvio", "le géant de l'énergie X", "le géant du BTP X":
        # the complement (an article, a word or an acronym), then the name
        j = i + 1
        if doc[j].lower_ in ("la", "l'", "l’") and doc[i].lower_ == "de" and j + 1 < len(doc):
            j += 1
        acronym = doc[j].is_upper and doc[j].is_alpha and len(doc[j].text) <= _SECTOR_ACRONYM
        if doc[j].is_lower or (acronym and (j > i + 1 or doc[i].lower_ in ("du", "des"))):
            i = j + 1
            if i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].is_lower:
                i += 1
    return i < len(doc) and any(m.start == doc[i].idx for m in mentions)
