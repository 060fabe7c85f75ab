"""Within one article: descriptions and pronouns resolved to the actors they stand for.

"le patron d'OpenAI" is whoever the article (or, failing that, the knowledge base) says runs
OpenAI; "la société" is the organisation named last; "il", "-il" and "ce dernier" are the person
most in focus. Rules are deliberately conservative: an unresolved reference is left out rather
than guessed, because a wrong actor on an event is worse than a missing one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span, Token

from chronique.data import lexicon
from chronique.extract.actors.descriptions import description_cues, resolve_descriptions, titles_given
from chronique.extract.actors.origins import ArticleOrigins
from chronique.extract.actors.restated import restated_names
from chronique.extract.quotes.marks import find_quoted_spans
from chronique.kb import KnowledgeBase
from chronique.nlp.actor_index import ActorIndex
from chronique.nlp.extensions import ActorMention
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["resolve_references"]

LABELS = dependency_scheme("ud")
SUBJECT_DEPS = LABELS.subjects
#: How many sentences back a pronoun or a description may look for its actor.
LOOKBACK_SENTENCES = 3


def resolve_references(
    doc: Doc,
    text: str,
    mentions: list[ActorMention],
    entities: dict[str, dict[str, Any]],
    kb: KnowledgeBase,
    words: dict[str, Any],
) -> list[ActorMention]:
    """Add description and pronoun mentions to ``mentions`` (and new KB actors to ``entities``).

    Generic descriptions come first so that a role can hang on one ("le patron de la société").
    ``text`` is ``doc.text``, read once by the caller (spaCy rebuilds it at every access).
    """
    mentions = list(mentions)
    origins = ArticleOrigins(doc, mentions, entities, kb, words)
    mentions += restated_names(doc, mentions, entities, words)
    mentions += _generic_org_descriptions(doc, text, mentions, entities, words, kb, origins)
    mentions += _role_descriptions(doc, mentions, entities, kb, words)
    mentions += resolve_descriptions(doc, mentions, entities, words, kb, origins)
    mentions += _pronouns(doc, text, mentions, entities, kb, words)
    mentions += _first_and_second(doc, text, mentions, entities, words)
    return mentions


def _first_and_second(doc, text, mentions, entities, words) -> list[ActorMention]:
    """"le premier" / "le second": the first and the second of the last pair of actors of one
    type joined by "et" within a few sentences ("Paul Verdier et Claire Dumas … le premier");
    not before a noun ("le premier ministre", "le second trimestre")."""
    ordinals = {fold(w): int(n) for n, forms in words["pronouns"]["ordinal_references"].items() for w in forms}
    found: list[ActorMention] = []
    folded = (tokens := token_table(doc)).folded
    for i in tokens.positions(ordinals):
        position = ordinals.get(folded[i])
        if position is None:
            continue
        token = doc[i]
        if token.i == 0 or doc[token.i - 1].lower_ not in ("le", "la"):
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and following.pos_ in ("NOUN", "PROPN", "ADJ"):
            continue
        pair = _last_pair(doc, text, mentions, entities, doc[token.i - 1].idx)
        if pair is not None:
            start = doc[token.i - 1].idx
            found.append(ActorMention(start, token.idx + len(token.text), pair[position - 1], "pronoun", "pronoun"))
    return found


def _last_pair(doc, text, mentions, entities, char) -> tuple[str, str] | None:
    window = _window_start(doc, char)
    named = sorted((m for m in mentions if window <= m.start and m.end <= char and m.key in entities), key=lambda m: m.start)
    for left, right in reversed(list(zip(named, named[1:], strict=False))):
        if text[left.end : right.start].strip() == "et" and left.key != right.key:
            if entities[left.key]["type"] == entities[right.key]["type"]:
                return left.key, right.key
    return None


def _role_descriptions(doc, mentions, entities, kb, words) -> list[ActorMention]:
    """"le patron d'OpenAI", "le fondateur de Tesla": a role noun whose complement is an org.

    The holder is, in order: the person the noun is said of right there ("Sam Altman, patron
    d'OpenAI", "X est le PDG de Y"), the person the article said holds that role earlier or
    later, the one person the knowledge base says held it at the article's date.
    """
    roles = {fold(k): tuple(v) for k, v in words["role_nouns"].items()}
    # names and generic descriptions never overlap: a token's innermost mention is its only one
    index = ActorIndex(doc, mentions)
    described = []
    tokens = token_table(doc)
    for i in tokens.positions(roles, lemmas=True):
        titles = roles.get(tokens.folded[i]) or roles.get(tokens.folded_lemmas[i])
        if not titles:
            continue
        token = doc[i]
        org_token = next((c for c in token.children if c.dep_ == LABELS.nominal_modifier), None)
        org_mention = index.mention_at(org_token) if org_token is not None else None
        if org_mention is None or entities.get(org_mention.key, {}).get("type") != "ORG":
            continue
        described.append((token, titles, org_mention, _holder_in_text(token, index, entities)))
    stated = {(org.key, title): holder for _t, titles, org, holder in described if holder for title in titles}
    found = []
    for token, titles, org_mention, holder in described:
        said = [stated[(org_mention.key, t)] for t in titles if (org_mention.key, t) in stated]
        holder = holder or (said[0] if said else None)
        holder = holder or _holder_in_kb(doc, org_mention.key, titles, entities, kb)
        if holder:
            found.append(ActorMention(token.idx, org_mention.end, holder, "description", "role"))
    return found


def _holder_in_text(role: Token, index: ActorIndex, entities) -> str | None:
    """The person the role noun is said of: in apposition ("Sam Altman, patron d'OpenAI",
    "le PDG de Microsoft, Satya Nadella") or as the subject of a copula ("X est le PDG de Y")."""
    neighbours = [c for c in role.children if c.dep_ in LABELS.role_holder_links]
    if role.dep_ in LABELS.role_attachments and role.head.i < role.i:
        neighbours.append(role.head)
    for other in neighbours:
        mention = index.mention_at(other)
        if mention and entities.get(mention.key, {}).get("type") == "PERSON":
            return mention.key
    return None


def _holder_in_kb(doc, org_key, titles, entities, kb) -> str | None:
    """The known holder of the role at the article's date, preferring one the article names."""
    on = doc._.dct.isoformat() if doc._.dct else None
    for title in titles:
        holders = kb.holders(org_key, (title,), on)
        if not holders:
            continue
        named = [h for h in holders if h.id in entities]
        chosen = named[0] if len(named) == 1 else holders[0] if len(holders) == 1 else None
        if chosen is None:
            return None
        entities.setdefault(chosen.id, {"type": chosen.type, "kb_id": chosen.id, "names": Counter()})
        return chosen.id
    return None


def _generic_org_descriptions(doc, text, mentions, entities, words, kb=None,
                              origins: ArticleOrigins | None = None) -> list[ActorMention]:
    """"la société", "l'organisation": the organisation named last within a few sentences ("X a
    investi dans Y. La société a refusé de commenter" is Y). A subject description in a paragraph
    that names no organisation before it continues the latest subject; the inverted subject of
    an incise continues the subject in focus (:func:`_subject_in_focus`). Names inside quotes are somebody's words, not the
    article's discourse ("« Velora annonce le rachat de Nuvio », a indiqué la société"). An
    adjective of origin after the phrase ("la firme suédoise") keeps it to actors of that
    country (:class:`ArticleOrigins`); no such phrase stands for an institution."""
    phrases = sorted({fold(p) for p in words["generic_org"]}, key=len, reverse=True)
    lowered = fold(text)
    quoted = _quoted_ranges(doc, text)
    called = _called_so(doc, mentions, entities, words)
    found: list[ActorMention] = []
    for phrase in phrases:
        start = lowered.find(phrase)
        if start == -1:
            continue  # most phrases: not in the text
        company = _is_company(entities, origins, phrase)

        def base_accept(key: str, mention: ActorMention, company=company) -> bool:
            return company(key, mention) and not any(start <= mention.start < end for start, end in quoted)

        while start != -1:
            end = start + len(phrase)
            boundary_ok = (start == 0 or not lowered[start - 1].isalnum()) and (
                end == len(lowered) or not lowered[end].isalnum()
            )
            introduces_name = _followed_by_name(doc, text, end, mentions)
            led = _led_by(doc, text, end, mentions, entities, kb, words) if boundary_ok else None
            if led is not None and not _overlaps(found + mentions, start, end):
                if led:  # "le groupe dirigé par X": X's organisation, or nobody rather than a guess
                    found.append(ActorMention(start, end, led, "description", "description"))
            elif boundary_ok and not introduces_name and not _overlaps(found + mentions, start, end):
                accept = _of_origin(doc, text, mentions, entities, start, end, base_accept, origins)
                named = {k for k in called.get(_phrase_noun(phrase), set()) if k in entities and base_accept(k, _NOWHERE)}
                if len(named) == 1 and accept(next(iter(named)), _NOWHERE):
                    key: str | None = next(iter(named))  # "la plateforme Velora … la plateforme"
                elif _incise_subject(doc, quoted, start):  # "« … », a déclaré la société"
                    key = _subject_in_focus(doc, text, mentions, entities, start, accept)
                else:
                    as_subject = _is_subject(doc, ActorMention(start, end, "", "description"))
                    key = _recent(doc, mentions, entities, start, accept, prefer_subject=as_subject and not any(
                        accept(m.key, m) for m in mentions
                        if m.key in entities and text.rfind("\n", 0, start) < m.start < start
                    ))
                if key:
                    found.append(ActorMention(start, end, key, "description", "description"))
            start = lowered.find(phrase, end)
    return found


#: A mention placeholder for filters asked about an actor rather than one of its mentions.
_NOWHERE = ActorMention(-1, -1, "", "description")


def _phrase_noun(phrase: str) -> str:
    """The noun of a generic phrase: "plateforme" of "la plateforme", "pousse" of "la jeune pousse"."""
    return phrase.split(" ")[-1].split("'")[-1]


def _called_so(doc, mentions, entities, words) -> dict[str, set[str]]:
    """Trade noun → the actors the article gave it ("la plateforme Velora", "Velora, la plateforme
    suédoise"): "la plateforme" stands for the one actor so called. Generic nouns ("la société",
    "le groupe") say nothing of a trade and are left to focus."""
    cues = description_cues(words)
    generic = {fold(n) for n in words.get("generic_descriptions", {}).get("nouns", [])}
    given = titles_given(doc, ActorIndex(doc, mentions), entities, cues)
    return {noun: keys for noun, keys in given.items() if noun not in generic}


def _of_origin(doc, text, mentions, entities, start, end, accept, origins: ArticleOrigins | None):
    """``accept`` narrowed by the adjectives of origin after the phrase ending at ``end`` ("la
    firme suédoise"): to the candidates in view of that country, else to those of no stated one."""
    if origins is None:
        return accept
    span = doc.char_span(start, end, alignment_mode="expand")
    wanted = origins.after(doc, span.end) if span is not None else set()
    if not wanted:
        return accept
    since = min(_window_start(doc, start), text.rfind("\n", 0, start) + 1)
    keys = [m.key for m in mentions if since <= m.start and m.end <= start and m.key in entities and accept(m.key, m)]
    allowed = set(origins.choose(list(dict.fromkeys(keys)), wanted))
    return lambda key, mention: key in allowed and accept(key, mention)


def _led_by(doc: Doc, text: str, end: int, mentions, entities, kb, words) -> str | None:
    """"le groupe dirigé par Paul Verdier": the organisation of the article the knowledge base
    says that person holds the participle's role in at the article's date; "" when the phrase is
    so qualified but no such organisation is known; None when it is not so qualified."""
    led_by = {fold(k): tuple(v) for k, v in words.get("led_by", {}).items()}
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


def _quoted_ranges(doc: Doc, text: str) -> list[tuple[int, int]]:
    """The character ranges of the document's quoted words (the quote lexicon's marks), found
    once per ``Doc`` (descriptions and pronouns both ask)."""
    memo = token_table(doc).memo.setdefault(_QUOTED_RANGES, {})
    found = memo.get(0)
    if found is None or found[0] is not text:
        try:
            marks = tuple(tuple(pair) for pair in lexicon(doc.lang_, "quotes")["marks"])
        except FileNotFoundError:
            return []
        found = memo[0] = (text, [(span.start, span.end) for span in find_quoted_spans(text, marks)])
    return list(found[1])


#: The token table's memo slot of :func:`_quoted_ranges`.
_QUOTED_RANGES = "coref quoted ranges"


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
    for _ in range(2):
        if i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].is_lower:
            i += 1
    if i + 2 < len(doc) and doc[i].lower_ in ("de", "d'", "du", "des") and doc[i + 1].is_lower:
        i += 2  # "la plateforme de streaming Nuvio": the complement, then the name
        if i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].is_lower:
            i += 1
    return i < len(doc) and any(m.start == doc[i].idx for m in mentions)


def _overlaps(mentions: list[ActorMention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _window_start(doc: Doc, char: int) -> int:
    """Character offset where the lookback window of a reference at ``char`` begins."""
    starts = token_table(doc).sentence_start_chars
    before = bisect_right(starts, char)  # the sentences that start at or before ``char``
    return starts[max(0, before - 1 - LOOKBACK_SENTENCES)] if before else 0


def _subject_in_focus(doc, text, mentions, entities, char, accept) -> str | None:
    """Who the incise's "la société" after a quote is: the last subject of its paragraph, else
    the last actor named in the paragraph, else the last subject of the window, else the last
    actor named ("Orange a racheté MasOrange à KKR. « … », a déclaré la société" is Orange)."""
    paragraph = text.rfind("\n", 0, char) + 1
    in_paragraph = [m for m in mentions if paragraph <= m.start and m.end <= char and m.key in entities]
    in_paragraph = sorted((m for m in in_paragraph if accept(m.key, m)), key=lambda m: m.start)
    subjects = [m for m in in_paragraph if _is_subject(doc, m)]
    if subjects:
        return subjects[-1].key
    if in_paragraph:
        return in_paragraph[-1].key
    return _recent(doc, mentions, entities, char, accept, prefer_subject=True)


def _recent(doc, mentions, entities, char, accept, prefer_subject: bool = False) -> str | None:
    """The key of the last accepted mention before ``char`` in the lookback window."""
    window = _window_start(doc, char)
    candidates = [m for m in mentions if window <= m.start and m.end <= char and m.key in entities]
    candidates = [m for m in candidates if accept(m.key, m)]
    if not candidates:
        return None
    if prefer_subject:
        # the start of the sentence of the token at ``char`` (``char_span(…, "expand").sent``)
        tokens = token_table(doc)
        current = tokens.expanded_bounds(char, char + 1)
        starts = tokens.sentence_starts
        sentence_start = tokens.starts[starts[bisect_right(starts, current[0]) - 1]] if current is not None else 0
        ordered = sorted(candidates, key=lambda m: m.start)
        for scope in (lambda m: m.start >= sentence_start, lambda m: True):
            subjects = [m for m in ordered if scope(m) and _is_subject(doc, m)]
            if subjects:
                return subjects[-1].key
    return max(candidates, key=lambda m: m.start).key


def _is_subject(doc: Doc, mention: ActorMention) -> bool:
    """Whether the mention is the subject of its clause.

    The parser often hangs "Ce dernier" or an inverted "-il" oddly, so a pronoun mention that
    stands right before its verb also counts.
    """
    span: Span | None = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if span.root.dep_ in SUBJECT_DEPS or (span.root.dep_ == LABELS.unspecified and span.root.pos_ == "PRON"):
        return True
    following = doc[span.end] if span.end < len(doc) else None
    return mention.kind == "pronoun" and following is not None and following.pos_ in ("VERB", "AUX")


def _pronouns(doc, text, mentions, entities, kb, words) -> list[ActorMention]:
    """Subject pronouns and "ce dernier": the person in focus, read left to right."""
    subject = {fold(p) for p in words["pronouns"]["subject"]}
    last_named = {fold(p) for p in words["pronouns"]["last_named"]}
    feminine_named = {fold(p) for p in words["pronouns"]["last_named_feminine"]}
    impersonal = tuple(fold(p) + " " for p in words["pronouns"]["impersonal_next"])
    feminine_endings = tuple(words["pronouns"]["feminine_endings"])
    organisation_subject = {fold(p) for p in words["pronouns"].get("organisation_subject", [])}
    quoted = _quoted_ranges(doc, text) if organisation_subject else []
    lowered = fold(text)
    first_words = {p.split(" ")[0].split("-")[0] for p in last_named}  # "celui" of "celui-ci"
    resolved: list[ActorMention] = []
    folded = (tokens := token_table(doc)).folded
    for i in tokens.positions(first_words | subject):  # neither branch below fires at another word
        word = folded[i]
        token = doc[i]
        phrase = _phrase_at(lowered, token.idx, last_named) if word in first_words else None
        if phrase:
            known = mentions + resolved
        if phrase and not _overlaps(known, token.idx, token.idx + len(phrase)):
            feminine = phrase in feminine_named
            key = _recent(doc, known, entities, token.idx, _is_person(entities, kb, feminine))
            if key:
                resolved.append(ActorMention(token.idx, token.idx + len(phrase), key, "pronoun", "pronoun"))
        elif word in subject and token.pos_ == "PRON" and not _is_impersonal(token, text, word, impersonal):
            known = mentions + resolved
            feminine = "Fem" in token.morph.get("Gender", []) or word.endswith(feminine_endings)
            key = _dislocated(doc, token, known) or _recent(
                doc, known, entities, token.idx, _is_person(entities, kb, feminine), True)
            if key is None and word in organisation_subject and _plain_subject(doc, token) and not any(
                    start <= token.idx < end for start, end in quoted):
                key = _organisation_topic(doc, token, known, entities)
            if key:
                resolved.append(ActorMention(token.idx, token.idx + len(token.text), key, "pronoun", "pronoun"))
    return resolved


def _dislocated(doc: Doc, pronoun: Token, mentions) -> str | None:
    """"La Confédération paysanne, elle, a porté plainte": a pronoun between commas right after
    a name restates that name (the topic set off before its clause), whoever was named before."""
    i = pronoun.i
    if i < 2 or i + 1 >= len(doc) or doc[i - 1].text != "," or doc[i + 1].text != ",":
        return None
    end = doc[i - 2].idx + len(doc[i - 2].text)
    return next((m.key for m in mentions if m.end == end), None)


def _plain_subject(doc: Doc, pronoun: Token) -> bool:
    """A subject pronoun by the parse, and no stressed one after a preposition ("quant à elle")."""
    return pronoun.dep_ in SUBJECT_DEPS and (pronoun.i == 0 or doc[pronoun.i - 1].pos_ != "ADP")


def _names_subject(doc: Doc, mention: ActorMention, subject: Token) -> bool:
    """Whether ``mention`` is the subject token or the name right after it ("la société Velora")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if span.start <= subject.i < span.end:
        return True
    return span.root.head.i == subject.i == span.start - 1 and span.root.dep_ in LABELS.phrase_name_links


def _organisation_topic(doc: Doc, pronoun: Token, mentions, entities) -> str | None:
    """The organisation a subject "elle" continues, when no woman is in view: the subject of the
    verb whose complement clause the pronoun opens ("Velora a indiqué qu'elle fera appel"), else,
    for a pronoun opening its sentence's main clause, the subject of the sentence before when that
    is one organisation ("Velora a racheté Nuvio. Elle s'était offert Brix") and its main verb has
    no feminine object that "elle" may continue as well; ``None`` otherwise ("les clients dont elle
    traite les données" is not the sentence's subject), rather than a guess."""
    clause = pronoun.head
    if clause.dep_ in LABELS.complement_clauses:
        subject = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            return None
        keys = {m.key for m in mentions if m.key in entities and _names_subject(doc, m, subject)}
        return keys.pop() if len(keys) == 1 and entities[next(iter(keys))]["type"] == "ORG" else None
    if clause.dep_ != LABELS.root:
        return None
    sentence = pronoun.sent
    before = [s for s in doc.sents if s.end <= sentence.start]
    if not before:
        return None
    previous = before[-1]
    if any(t.dep_ == LABELS.object and t.head.dep_ == LABELS.root and t.pos_ == "NOUN"
           and "Fem" in t.morph.get("Gender", []) and "Sing" in t.morph.get("Number", []) for t in previous):
        return None  # "X annonce une baisse de ses tarifs. Elle sera …": the object may be the topic
    start, end = previous.start_char, previous.end_char
    subjects = [m for m in mentions if start <= m.start and m.end <= end and m.key in entities and (
        _is_subject(doc, m) or any(_names_subject(doc, m, t) for t in before[-1] if t.dep_ in SUBJECT_DEPS))]
    if len({m.key for m in subjects}) == 1 and entities[subjects[-1].key]["type"] == "ORG":
        return subjects[-1].key
    return None


def _phrase_at(lowered: str, start: int, phrases: set[str]) -> str | None:
    """The phrase of ``phrases`` that the text has at ``start`` as whole words ("celui-ci",
    which the tokenizer cuts in three)."""
    if start > 0 and lowered[start - 1].isalnum():
        return None
    for phrase in sorted(phrases, key=len, reverse=True):
        end = start + len(phrase)
        if lowered.startswith(phrase, start) and (end == len(lowered) or not lowered[end].isalnum()):
            return phrase
    return None


def _is_impersonal(token: Token, text: str, word: str, impersonal_next: tuple[str, ...]) -> bool:
    """"il y a", "il faut": an "il" that stands for nobody.

    Inverted pronouns ("a-t-il déclaré") are always personal, whatever label the parser gives.
    """
    if word.startswith("-"):
        return False
    end = token.idx + len(token.text)
    following = fold(text[end : end + 40])
    return (following.lstrip() + " ").startswith(impersonal_next)


def _is_person(entities, kb: KnowledgeBase | None = None, feminine: bool | None = None):
    """A filter for person mentions, of the pronoun's gender when the knowledge base knows it."""

    def accept(key: str, mention: ActorMention) -> bool:
        if entities[key]["type"] != "PERSON":
            return False
        if kb is None or feminine is None:
            return True
        known = kb.get(key)
        gender = known.gender if known else entities[key].get("gender")
        return (gender == "f") if feminine else (gender != "f")

    return accept
