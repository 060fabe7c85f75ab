"""A relational noun opening the sentence, its name set between commas after it: "Son concurrent
direct, la banque X, a déposé une offre", "Son principal rival, l'allemand Y, a dévoilé ..."; and
the reverse, a name with the noun set between commas after it ("SpaceX, le grand rival d'X, …").

The parser breaks such an apposition (the noun a root or a subject of its own, the name the
subject of the verb), so the name hangs on nothing the noun reaches. The actor named alone
between the comma that closes the noun's phrase and the next comma is the one the noun names,
when only determiners and adjectives stand before the noun in its sentence and only a
description (determiners, adjectives, nouns) before the name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from chronique.extract.events.clause_shapes import LABELS
from chronique.extract.events.phrase_names import is_person
from chronique.nlp.actor_index import OUTERMOST, actor_index
from chronique.nlp.extensions import ActorMention
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

#: Lower-case words of a title between the article and an apposed name ("la députée", "l'ancien
#: ministre"): more is a clause, not a title.
MAX_TITLE_WORDS = 3

__all__ = ["name_after_possessed_noun", "name_apposed_after", "name_before_apposition", "name_between_commas",
           "person_after_title"]

#: How many words an apposition between commas may hold ("la Banque Populaire du Rhône").
LONGEST_APPOSITION = 8
#: Parts of speech a sentence-opening noun phrase and a description before a name are made of.
OPENING_POS = frozenset({"DET", "ADJ"})
DESCRIPTION_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN"})


def name_between_commas(noun: Token, comma: str = ",") -> str | None:
    """The key of the actor apposed to a sentence-opening ``noun`` between commas, or None."""
    doc = noun.doc
    start, end = parse_table(doc).sentence_bounds(noun.i)  # the sentence's bounds, without a Span built
    pos = token_table(doc).pos
    if noun.i == start or any(tag not in OPENING_POS for tag in pos[start : noun.i]):
        return None
    opening = noun.i + 1
    while opening < end and doc[opening].pos_ == "ADJ":
        opening += 1  # "Son concurrent direct ,"
    if opening >= end or doc[opening].text != comma:
        return None
    closing = next((t.i for t in doc[opening + 1 : end] if t.text == comma), None)
    if closing is None or closing - opening - 1 > LONGEST_APPOSITION or closing == opening + 1:
        return None
    last = doc[closing - 1]
    mentions = actor_index(doc).outermost_between(doc[opening + 1].idx, last.idx + len(last.text))
    if len(mentions) != 1 or mentions[0].end != last.idx + len(last.text):
        return None
    if any(t.pos_ not in DESCRIPTION_POS for t in doc[opening + 1 : closing] if t.idx < mentions[0].start):
        return None
    return mentions[0].key


def name_after_possessed_noun(noun: Token, possessives: frozenset[str], comma: str = ",") -> str | None:
    """"le départ de son directeur général, Jean Martin": a possessed noun (a title, a part)
    followed by a comma and one name that closes the sentence or the next comma names that
    actor, wherever the parser hung the name. None for any other shape."""
    doc = noun.doc
    table, tokens = parse_table(doc), token_table(doc)  # the children read by index: no Token each
    if not any(c < noun.i and tokens.pos[c] == "DET" and tokens.folded[c] in possessives for c in table.children[noun.i]):
        return None
    end = table.sentence_bounds(noun.i)[1]
    opening = noun.i + 1
    while opening < end and doc[opening].pos_ == "ADJ" and doc[opening].head == noun:
        opening += 1  # "son directeur général ,"
    if opening + 1 >= end or doc[opening].text != comma or doc[opening + 1].pos_ != "PROPN":
        return None
    closing = next((t.i for t in doc[opening + 1 : end] if t.is_punct), end)
    if closing - opening - 1 > LONGEST_APPOSITION:
        return None
    last = doc[closing - 1]
    mentions = actor_index(doc).outermost_between(doc[opening + 1].idx, last.idx + len(last.text))
    if len(mentions) != 1 or mentions[0].start != doc[opening + 1].idx or mentions[0].end != last.idx + len(last.text):
        return None
    return mentions[0].key


def person_after_title(noun: Token, comma: str = ",") -> str | None:
    """"La ministre des Transports, Élise Marchal/conj, a accusé …": a title opening the sentence
    with one person's name between commas after its phrase, which the parser made a conjunct
    (or an apposition) of the title, is that person. Only for a title preceded by determiners
    and adjectives alone, and a name that the recognizer gives as a person."""
    doc = noun.doc
    if noun.pos_ != "NOUN":
        return None
    start, end = parse_table(doc).sentence_bounds(noun.i)  # the sentence's bounds, without a Span built
    if any(tag not in OPENING_POS for tag in token_table(doc).pos[start : noun.i]):
        return None
    names = [c for c in noun.children if c.i > noun.i and c.dep_ in LABELS.misparsed_title_name_links and c.pos_ == "PROPN"]
    if len(names) != 1:
        return None
    words = [t for t in names[0].subtree if not t.is_punct]  # the parser may hang the commas on it
    first, last = words[0], words[-1]
    before, after = first.i - 1, last.i + 1
    if before <= noun.i or after >= end or doc[before].text != comma or doc[after].text != comma:
        return None
    mentions = actor_index(doc).outermost_between(first.idx, last.idx + len(last.text))
    if len(mentions) != 1 or mentions[0].start != first.idx:
        return None
    key = mentions[0].key
    return key if is_person(doc, key) else None


def name_before_apposition(noun: Token) -> list[str]:
    """"SpaceX, le grand rival d'Arianespace, domine …": a noun phrase set off by commas right
    after a name is said of that name, even where the parser made the noun the subject and the
    name an oblique. Only a phrase closed by a comma (an apposition, not a list's next item) and
    with no verb in it."""
    doc = noun.doc
    # the parser may hang the opening comma on the noun itself
    comma = noun.left_edge.i if noun.left_edge.text == "," else noun.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return []
    closing = noun.right_edge.i if doc[noun.right_edge.i].text == "," else noun.right_edge.i + 1
    if closing >= len(doc) or doc[closing].text != ",":
        return []
    if any(t.pos_ in ("VERB", "AUX") for t in doc[comma + 1 : closing]):
        return []
    key = actor_index(doc).at(doc[comma - 1])
    return [key] if key is not None else []


def name_apposed_after(noun: Token, title_articles: frozenset[str] = frozenset()) -> list[str]:
    """"X a inculpé le fondateur de Binance, Changpeng Zhao.": the name set after the comma that
    closes a verb's object (no actor itself) restates it, where the parser hung it on the verb or
    the noun; only a name that ends its clause (a comma, a full stop or the sentence's end after
    it), so "… la société, Vinci a précisé" names nothing.

    With ``title_articles``, the name may follow a short title of its own ("a exclu son ancienne
    porte-parole, la députée Claire Vasseur": an article and lower-case words before the name)."""
    doc = noun.doc
    end = parse_table(doc).sentence_bounds(noun.i)[1]
    comma = noun.right_edge.i + 1
    if title_articles and (comma >= end or doc[comma].text != ","):
        # "son ancienne porte-parole, la députée/appos X": the title hangs on the object, whose
        # phrase then ends with the name; the comma is the first inside it
        comma = next((j for j in range(noun.i + 1, noun.right_edge.i) if doc[j].text == ","), comma)
    if comma + 1 >= end or doc[comma].text != "," or actor_index(doc).mention_at(noun) is not None:
        return []
    start, titles = comma + 1, set()
    if fold(doc[start].text) in title_articles:
        j = start + 1
        while j < min(end, start + MAX_TITLE_WORDS + 1) and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ"):
            titles.add(j)
            j += 1
        if titles and j < end and doc[j].text[:1].isupper():
            start = j
        else:
            titles = set()
    mention = _name_closing_clause(doc, start, end)
    if mention is None:
        return []
    name = doc[start]
    while name.dep_ in LABELS.name_parts and name.head != name and name.head.i > comma:
        name = name.head
    head = name.head
    if head.i in titles:  # "la députée/appos Claire Vasseur": the title restates the object
        head = head.head
    if head not in (noun, noun.head):
        return []
    return [mention.key]


def name_given_after(noun: Token, naming: frozenset[str]) -> list[str]:
    """"X a lancé une nouvelle batterie, baptisée Shenxing.": the name a naming participle gives
    the object right after it (a comma at most between) is the object itself, wherever the
    parser hung the participle; only a name that ends its clause."""
    doc = noun.doc
    end = parse_table(doc).sentence_bounds(noun.i)[1]
    if actor_index(doc).mention_at(noun) is not None:
        return []
    given = noun.right_edge.i + 1
    if given < end and doc[given].text == ",":
        given += 1
    if given + 1 >= end or fold(doc[given].text) not in naming:
        given = next((c.i for c in noun.children if c.i > noun.i and fold(c.text) in naming), -1)
        if given < 0 or given + 1 >= end:
            return []
    mention = _name_closing_clause(doc, given + 1, end)
    return [mention.key] if mention is not None else []


def _name_closing_clause(doc: Doc, start: int, end: int) -> ActorMention | None:
    """The actor's name that starts at token ``start`` and ends its clause (a comma, a full stop,
    a semicolon or the sentence's end ``end`` right after it), or ``None``."""
    mention = actor_index(doc).mention_at_index(start, OUTERMOST)
    if mention is None or mention.start != doc[start].idx:
        return None
    last = start
    while last + 1 < end and doc[last + 1].idx < mention.end:
        last += 1
    if last + 1 < end and doc[last + 1].text not in (",", ".", ";"):
        return None
    return mention
