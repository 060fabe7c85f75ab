"""The titles an article gives: "le ministre Paul Verdier", "Paul Verdier, ministre de …", "la
chaîne Canal Neuf", "Velora, une plateforme britannique".

A title noun right before a name (past adjectives), right after its comma (past a determiner and
adjectives), or before the comma of an apposition it opens ("la ministre du Commerce, Claire
Dumas,") is given to that name's actor, with the place its complement names ("le maire de
Brest"), unless it is a past one ("l'ancien maire"). The descriptions later stand for the one
actor a title was given to (``descriptions``, ``coref_generic``, ``coref_possessive``).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from spacy.tokens import Doc, Token

from chronique.data import lexicon
from chronique.extract.actors.origin_words import origin_adjectives
from chronique.nlp.actor_index import ActorIndex
from chronique.nlp.extensions import ActorMention
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold

__all__ = ["COMPLEMENT_LINKS", "MAX_ADJECTIVES", "PLACE_PREFIX", "apposed_name", "place_of_title", "titles_given", "with_place"]

#: How many adjectives may stand between a title noun and what it qualifies.
MAX_ADJECTIVES = 2
COMPLEMENT_LINKS = frozenset({"de", "d'", "du", "des"})
#: "la banque d'affaires X": the mark between a title noun and its bare complement
_OF = frozenset({"de", "d'"})
#: The contracted marks of a complement with a definite article ("le leader du covoiturage"), and
#: the articles after "de" ("le spécialiste de la seconde main").
DEFINITE_COMPLEMENT_MARKS = frozenset({"du", "des"})
DEFINITE_AFTER_DE = frozenset({"la", "l'", "l’"})


def titles_given(doc: Doc, index: ActorIndex, entities, cues: dict[str, str]) -> dict[str, set[str]]:
    """Noun → the actors the article gives it to: "le ministre Paul Verdier", "Paul Verdier,
    ministre de …", "la chaîne Canal Neuf", "Velora, une plateforme britannique"."""
    titles: dict[str, set[str]] = {}
    tokens = token_table(doc)
    starts = tokens.starts
    # the nouns around a name, found once per Doc (the descriptions of generic nouns ask too)
    known: dict[int, dict[tuple[int, int], list[int]]] = tokens.memo.setdefault((_TITLE_NOUNS, id(cues)), {})
    around = known.setdefault(0, {})
    for mention in index.mentions:  # by start: the token order
        if mention.kind != "name" or mention.key not in entities:
            continue
        i = bisect_left(starts, mention.start)  # once per mention, at its first token
        if i == len(starts) or starts[i] != mention.start or index.mention_at_index(i) is not mention:
            continue
        nouns = around.get((mention.start, mention.end))
        if nouns is None:
            nouns = around[(mention.start, mention.end)] = _title_nouns(doc, i, mention, cues, (index, entities))
        for noun in [*nouns, *_predicate_titles(doc, i, mention, entities, cues)]:
            if _former(tokens, noun, doc.lang_):
                continue  # "l'ancien maire de Pontarlier, X": not "le maire" of today
            place = _place_between(index, noun, i) if noun < i else _place_after(tokens, index, noun)
            for form in (tokens.folded_lemmas[noun], tokens.folded[noun]):
                titles.setdefault(form, set()).add(mention.key)
                if place is not None:
                    titles.setdefault(with_place(form, place), set()).add(mention.key)
    for trade, key in trades_in_names(index, entities, cues, doc.lang_):
        titles.setdefault(trade, set()).add(key)
    return titles


def trades_in_names(index: ActorIndex, entities, cues: dict[str, str], lang: str) -> list[tuple[str, str]]:
    """(trade noun, organisation) for each organisation of the article whose name opens with the
    plural of an organisation's description noun, the way a company names its works ("les
    Chantiers de l'Estuaire", "les Laboratoires X"): "le chantier" may stand for it as if the
    article had called it so. Not a generic noun ("Groupe X"), nor a singular head, which names
    institutions as often ("la Fédération européenne de judo" is no "fédération slovène")."""
    generic = _generic_nouns(lang)
    found = []
    for key in dict.fromkeys(m.key for m in index.mentions if m.kind == "name" and m.key in entities):
        if entities[key].get("type") != "ORG":
            continue
        words = key.split(":", 1)[-1].split(" ")  # the key holds the name: "org:Chantiers de Penhir"
        first = fold(words[0])
        noun = first.removesuffix("s") if first.endswith("s") else None
        noun = noun if noun is not None and cues.get(noun) == "ORG" and noun not in generic else None
        if noun is not None and len(words) > 1 and words[0][:1].isupper():
            found.append((noun, key))
    return found


def _predicate_titles(doc: Doc, first: int, mention: ActorMention, entities, cues: dict[str, str]) -> list[int]:
    """The title a predicate gives the person whose name starts at token ``first``: "X est devenue
    la patronne de Y", "X a été nommé directeur général", "X est le PDG de Y" (``actors.toml:
    title_predicates``)."""
    if entities.get(mention.key, {}).get("type") != "PERSON":
        return []
    token = doc[first]
    if token.dep_ not in _SUBJECTS:
        return []
    head = token.head
    copulas, appointments = _title_predicates(doc.lang_)
    if head.pos_ == "NOUN" and any(c.dep_ == _COPULA for c in head.children):
        candidates = [head]  # "X est le PDG de Y"
    elif head.pos_ in ("VERB", "AUX") and (fold(head.lemma_) in copulas or (
            fold(head.lemma_) in appointments and token.dep_ == _PASSIVE_SUBJECT)):
        candidates = [c for c in head.children if c.dep_ in _PREDICATIVES and c.i > head.i]
    else:
        return []
    return [c.i for c in candidates if c.pos_ == "NOUN" and _title_word(c.text) and cues.get(fold(c.text)) == "PERSON"]


@cache
def _title_predicates(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The folded verbs whose subject a predicate title is given to, whatever the voice, and
    those that give it only to a passive subject."""
    table = lexicon(lang, "actors").get("title_predicates", {})
    return (frozenset(fold(v) for v in table.get("copulas", [])),
            frozenset(fold(v) for v in table.get("appointments", [])))


_LABELS = dependency_scheme("ud")
_SUBJECTS = _LABELS.subjects
_PASSIVE_SUBJECT = _LABELS.passive_subject
_COPULA = _LABELS.copula
#: How a verb holds the title it gives ("nommé directeur": xcomp; "devenue la patronne": the
#: parser's obj).
_PREDICATIVES = frozenset({_LABELS.open_complement, _LABELS.object})


def _former(tokens: TokenTable, noun: int, lang: str) -> bool:
    """Whether a title noun is a past one: "ancien", "ex" right before it (past adjectives)."""
    k = noun - 1
    while k >= 0 and noun - k <= MAX_ADJECTIVES and tokens.pos[k] == "ADJ" and tokens.folded[k] not in _former_words(lang):
        k -= 1
    return k >= 0 and tokens.folded[k] in _former_words(lang)


@cache
def _former_words(lang: str) -> frozenset[str]:
    """"ancien", "ex": the words that make a title a past one (``references.toml``)."""
    return frozenset(fold(w) for w in lexicon(lang, "references").get("former_words", []))


#: The key prefix of places (``loc:Brest``) among the actor keys.
PLACE_PREFIX = "loc:"


def with_place(noun: str, place: str | None) -> str:
    """The key under which :func:`titles_given` records a title given with its place ("maire" of
    ``loc:Brest``); the bare noun when there is no place."""
    return noun if place is None else f"{noun}@{place}"


def _place_between(index: ActorIndex, noun: int, name: int) -> str | None:
    """The place a title's complement names between the title noun and its holder's name ("Le
    maire de Brest, Marc Le Gall"), if any."""
    for i in range(noun + 1, name):
        mention = index.mention_at_index(i)
        if mention is not None and mention.key.startswith(PLACE_PREFIX):
            return mention.key
    return None


def _place_after(tokens: TokenTable, index: ActorIndex, noun: int) -> str | None:
    """The place a title's complement names after the title noun when the title follows its
    holder's name ("Marc Le Gall, maire de Brest, …"): up to the next punctuation."""
    for i in range(noun + 1, min(noun + 1 + MAX_TITLE_COMPLEMENT, len(tokens.texts))):
        if tokens.is_punct[i]:
            return None
        mention = index.mention_at_index(i)
        if mention is not None and mention.key.startswith(PLACE_PREFIX):
            return mention.key
    return None


def place_of_title(doc: Doc, index: ActorIndex, noun: Token, end: int) -> str | None:
    """The place the description's complement names ("le maire de Brest" → ``loc:Brest``)."""
    return _place_between(index, noun.i, end)


#: The token table's memo slot of :func:`titles_given` (with the cues' identity).
_TITLE_NOUNS = "title nouns"


def _title_nouns(doc: Doc, first: int, mention: ActorMention, cues: dict[str, str],
                 known: tuple[ActorIndex, dict] | None = None) -> list[int]:
    """The positions of the description nouns right before the name starting at token ``first``
    (past adjectives) and right after its comma (past a determiner and adjectives)."""
    tokens = token_table(doc)
    texts, folded, pos = tokens.texts, tokens.folded, tokens.pos
    size = len(texts)
    found = []
    i = first - 1
    origins = origin_adjectives(doc.lang_)  # "le laboratoire lyonnais X", whatever the tagger said
    while i >= 0 and first - i <= 3 and texts[i].islower() and (pos[i] == "ADJ" or texts[i] in origins):
        i -= 1
    if i >= 0 and _title_word(texts[i]) and folded[i] in cues:
        found.append(i)
    elif i >= 2 and texts[i].islower() and pos[i] == "NOUN" and folded[i - 1] in _OF \
            and texts[i - 2].islower() and folded[i - 2] in cues:
        found.append(i - 2)  # "la banque d'affaires Wingate", "le fonds d'investissement KKR"
    elif (sector := _sector_complement_cue(tokens, i, cues)) is not None:
        found.append(sector)  # "le géant de l'énergie TotalEnergies", "le géant du BTP Vinci"
    else:
        bounds = tokens.expanded_bounds(mention.start, mention.end)
        closed = _closed_apposition(tokens, bounds[1] if bounds is not None else first + 1)
        title = i - 1
        while title > 0 and i - 1 - title < MAX_ADJECTIVES and texts[title].islower() and pos[title] == "ADJ":
            title -= 1  # "Le maire sortant, Paul X,"
        opening = title - 1
        while opening > 0 and title - 1 - opening < MAX_ADJECTIVES and texts[opening].islower() and pos[opening] == "ADJ":
            opening -= 1  # "Le nouveau maire, Luc X,"
        if closed and title >= 1 and texts[i] == "," and texts[title].islower() \
                and cues.get(folded[title]) == "PERSON" and pos[opening] == "DET":
            found.append(title)  # "s'est séparé de son entraîneur, Michel X.", "Sa présidente, Nadia X,"
        elif closed:
            complement_title = _title_with_complement(doc, first, cues, known)
            if complement_title is not None:
                found.append(complement_title)  # "la ministre du Commerce, Claire Dumas,"
    bounds = tokens.expanded_bounds(mention.start, mention.end)  # the name's last token, no Span built
    j = bounds[1] if bounds is not None else first + 1
    if j < size and texts[j] == ",":
        j += 1
        while j < size and (pos[j] == "DET" or (texts[j].islower() and pos[j] == "ADJ")) and j - first < 8:
            j += 1
        if j < size and _title_word(texts[j]) and folded[j] in cues:
            found.append(j)
    return found


def _title_word(text: str) -> bool:
    """Whether a word may be a title noun: lower case, or an acronym written in capitals ("PDG"
    of "le PDG Julien X", "Paul X, PDG de Y"); never a capitalised word of a name."""
    return text.islower() or (text.isupper() and text.isalpha())


def _sector_complement_cue(tokens: TokenTable, i: int, cues: dict[str, str]) -> int | None:
    """The position of an organisation's cue before a sector complement ending at ``i`` right
    before a name: "le géant de l'énergie X", "le leader du BTP X" (a lower-case noun or an
    acronym, after "du"/"des"/"de la"/"de l'"); ``None`` otherwise."""
    texts, folded, pos = tokens.texts, tokens.folded, tokens.pos
    word = texts[i] if i >= 0 else ""
    if not ((word.islower() and pos[i] == "NOUN") or (word.isupper() and word.isalpha() and len(word) <= 4)):
        return None
    k = i - 1
    if k >= 1 and folded[k] in DEFINITE_AFTER_DE and folded[k - 1] == "de":
        k -= 1
    elif k < 0 or folded[k] not in DEFINITE_COMPLEMENT_MARKS:
        return None
    cue = k - 1
    if cue >= 0 and texts[cue].islower() and cues.get(folded[cue]) == "ORG":
        return cue
    return None


#: What may close a title's apposition after the holder's name.
_APPOSITION_CLOSERS = frozenset({",", ".", ";", ":", "!", "?", ")"})


def apposed_name(doc: Doc, index: ActorIndex, end: int) -> ActorMention | None:
    """The name set after a description's comma and closed as an apposition ("Le maire sortant,
    Paul X, a …"); not the subject of the clause after a fronted phrase ("Selon le maire, Paul X
    a menti": the mayor is someone else)."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    mention = index.mention_at(doc[end + 1])
    if mention is None:
        return None
    bounds = token_table(doc).expanded_bounds(mention.start, mention.end)
    return mention if bounds is not None and _closed_apposition(token_table(doc), bounds[1]) else None


def _closed_apposition(tokens: TokenTable, after_name: int) -> bool:
    """Whether the name ending before token ``after_name`` closes an apposition ("la ministre du
    Commerce, Claire Dumas, a …"; "… de son entraîneur, Michel X."), rather than opening the main
    clause as its subject ("Après une discussion avec son entraîneur, Kylian X a reconnu …")."""
    return after_name >= len(tokens.texts) or tokens.texts[after_name] in _APPOSITION_CLOSERS


def _title_with_complement(doc: Doc, first: int, cues: dict[str, str],
                           known: tuple[ActorIndex, dict] | None = None) -> int | None:
    """The position of a person's title whose complement stands right before the name starting at
    token ``first``, past a comma: "la ministre du Commerce, Claire Dumas", "le directeur de
    l'usine Paul Verdier". The complement opens on "de" right after the title (past adjectives),
    holds no verb, punctuation or other person, and the title follows a determiner."""
    tokens = token_table(doc)
    texts, folded, pos, punct = tokens.texts, tokens.folded, tokens.pos, tokens.is_punct
    i = first - 1
    if i >= 0 and texts[i] == ",":
        i -= 1
    qualifiers = _title_qualifiers(doc.lang_)
    for k in range(i, max(0, i - MAX_TITLE_COMPLEMENT), -1):
        if folded[k] in qualifiers:  # "le ministre délégué chargé de la Santé, X", "délégué à l'Industrie"
            noun = k - 1
            while noun > 0 and (folded[noun] in qualifiers or (pos[noun] == "ADJ" and texts[noun].islower())):
                noun -= 1
            if texts[noun].islower() and cues.get(folded[noun]) == "PERSON" and (noun == 0 or pos[noun - 1] == "DET"):
                return noun
            continue
        if pos[k] in ("VERB", "AUX") or (punct[k] and texts[k] not in ("'", "’")) or (
                doc[k].ent_type_ == "PER" and not _known_non_person(known, k)):
            return None
        if folded[k] not in COMPLEMENT_LINKS:
            continue
        noun = k - 1
        while noun > 0 and ((pos[noun] == "ADJ" and texts[noun].islower()) or folded[noun] in qualifiers) \
                and k - noun <= MAX_ADJECTIVES:
            noun -= 1
        if texts[noun].islower() and cues.get(folded[noun]) == "PERSON" and (noun == 0 or pos[noun - 1] == "DET"):
            return noun
        if pos[noun] in ("NOUN", "PROPN"):
            continue  # "le sélectionneur de l'équipe de France, X", "du XV de France, X": a complement's complement
        return None  # the complement's mark: its title is right before it or nowhere
    return None


def _known_non_person(known: tuple[ActorIndex, dict] | None, k: int) -> bool:
    """Whether token ``k`` lies in an actor the recognizer made no person, whatever the model's
    entity label said ("le directeur général de Médirys/PER, X": the company is the complement)."""
    if known is None:
        return False
    index, entities = known
    mention = index.mention_at_index(k)
    return mention is not None and entities.get(mention.key, {}).get("type") not in (None, "PERSON")


#: How many words the complement of a title may hold before the name ("du Commerce extérieur").
MAX_TITLE_COMPLEMENT = 6


@cache
def _generic_nouns(lang: str) -> frozenset[str]:
    """The folded generic description nouns ("société", "groupe"): ``actors.toml``."""
    return frozenset(fold(n) for n in lexicon(lang, "actors").get("generic_descriptions", {}).get("nouns", []))


@cache
def _title_qualifiers(lang: str) -> frozenset[str]:
    """Words between a title and its complement ("ministre délégué chargé de …"): ``actors.toml``
    [title_predicates] ``qualifiers``."""
    return frozenset(fold(v) for v in lexicon(lang, "actors").get("title_predicates", {}).get("qualifiers", []))
