"""Which actor a noun phrase names, read off a parse that is wrong in known ways: a name the
parser hung on the wrong word, a brand tagged as an adjective or a common noun, a list of names
cut into pieces, a name right after a date or after a trade ("la maison de parfums Creed").

Plain functions of the parse and the document's :class:`~chronique.nlp.actor_index.ActorIndex`;
they need no word list beyond what their callers pass, so ``phrase_reader`` and the argument
rules share them.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import LABELS
from chronique.nlp.actor_index import actor_index
from chronique.nlp.extensions import ActorMention
from chronique.nlp.parse_table import features_of, parse_table
from chronique.nlp.tokens import first_token_from, token_table
from chronique.text import fold

__all__ = [
    "MAX_TRADE_WORDS", "actor_at", "continues_complement", "is_person", "listed_after_name", "listed_names",
    "lists_on", "name_after_adjectives", "name_after_date", "name_after_trade", "name_in_description",
    "names_its_head", "opens_clause", "person_named", "phrase_actors",
]

def actor_at(token: Token) -> str | None:
    """The innermost actor at ``token``: "OpenAI" in "le cofondateur d'OpenAI" is OpenAI."""
    return actor_index(token.doc).at(token)


def phrase_actors(head: Token) -> list[str]:
    """Actors of the phrase headed by ``head``, its name parts and its conjuncts."""
    # "Sam Altman et Greg Brockman": the conjunct often hangs on the last name part.
    doc = head.doc
    table = parse_table(doc)  # read by index: a Token only for each conjunct found
    parts = [c for c in table.children[head.i] if table.deps[c] in LABELS.name_parts]
    found = (*table.conjuncts(head.i), *(c for p in parts for c in table.conjuncts(p)))
    conjuncts = tuple(token for token in map(doc.__getitem__, found) if not opens_clause(token, head))
    return actor_index(doc).phrase_actors(head, names_its_head, conjuncts=conjuncts)


def names_its_head(child: Token) -> bool:
    """Whether ``child`` is the name of the noun it hangs on: "Elon Musk", "le groupe Vivendi",
    "la start-up Mistral AI" (a name part, an apposition, or a modifier with no preposition;
    "le patron de Tesla" has one, so Tesla does not name the patron)."""
    if child.dep_ in LABELS.naming_links:
        return True
    if any(c.dep_ == LABELS.case_marker for c in child.children) or continues_complement(child):
        return False
    # The tagger reads an unknown brand after a noun as an adjective ("la société Kestrel/amod"):
    # callers only follow such a modifier when an actor mention covers it.
    # A foreign name the tagger leaves untagged ("le néerlandais United/X Wardrobe") names it too.
    # So does a capitalised brand the tagger read as a common noun ("le groupe de luxe Kering/NOUN")
    # or as an adjective or a number the parser hung as a noun modifier ("le groupe Varenko/ADJ",
    # "la chaîne M6/NUM").
    return (child.dep_ == LABELS.nominal_modifier and (child.pos_ in ("PROPN", "X") or (
        child.pos_ in ("NOUN", "ADJ", "NUM") and child.text[:1].isupper() and _inside_sentence(child) and _starts_mention(child)))) or (
        child.dep_ == LABELS.adjectival_modifier and (child.pos_ in ("ADJ", "PROPN") or (
            child.pos_ == "NOUN" and child.text[:1].isupper() and _inside_sentence(child) and _starts_mention(child)))
    )


def _inside_sentence(token: Token) -> bool:
    """Whether ``token`` does not open its sentence (``token.i > token.sent.start``, without a
    ``Span`` built)."""
    return token.i > parse_table(token.doc).sentence_bounds(token.i)[0]


def _starts_mention(token: Token) -> bool:
    """Whether an actor's mention begins at ``token`` (not a later word of "Tiger Global Management")."""
    mention = actor_index(token.doc).mention_at(token)
    return mention is not None and mention.start == token.idx


def continues_complement(token: Token) -> bool:
    """"Concurrent du Suédois Spotify", "l'ex-patron de l'Olympique Lyonnais": the parser hangs
    the second word of a name phrase on the noun the first word complements; it belongs to that
    complement, it does not name the noun ("le groupe de luxe Kering" does: "luxe" is no name).
    The parser may hang that second word as an adjective too ("ces accusations sur France
    Inter/amod": the radio, no name of the accusations)."""
    if token.pos_ != "PROPN" or token.dep_ not in (LABELS.nominal_modifier, LABELS.adjectival_modifier) or token.head == token:
        return False
    if any(c.dep_ == LABELS.case_marker for c in token.children):
        return False
    return any(s.pos_ == "PROPN" and s.right_edge.i + 1 == token.left_edge.i and any(
        c.dep_ == LABELS.case_marker for c in s.children) for s in token.head.children if s.i < token.i)


def opens_clause(name: Token, phrase: Token) -> bool:
    """"Netflix a attaqué Disney et Amazon a répondu": a "conjunct" followed by the auxiliary or
    verb of another clause than the phrase's is that clause's subject, not part of the phrase."""
    doc = name.doc
    after = name.right_edge.i + 1
    if after >= len(doc) or doc[after].pos_ not in ("AUX", "VERB"):
        return False
    verb = doc[after] if doc[after].pos_ == "VERB" and doc[after].dep_ not in LABELS.auxiliaries else doc[after].head
    governor = phrase.head
    while governor.dep_ in LABELS.name_parts_with_foreign and governor.head != governor:
        governor = governor.head
    return verb.i > name.i and verb != governor and verb != phrase


def name_in_description(noun: Token) -> str | None:
    """"la société de logiciels Oracle": the name a generic noun carries beats the actor the
    recognizer resolved the bare noun to ("la société" alone would be the last company named)."""
    mention = actor_index(noun.doc).mention_at(noun)
    if noun.pos_ != "NOUN" or mention is None or mention.end > noun.idx + len(noun.text):
        return None
    if mention.start == noun.idx and noun.text[:1].isupper() and _inside_sentence(noun):
        return None  # "Dailymotion/NOUN au géant Yahoo": a name the tagger made a noun
    conjuncts = noun.conjuncts
    for token in noun.subtree:
        if token.i <= noun.i or token.pos_ != "PROPN" or any(c.dep_ == LABELS.case_marker for c in token.children):
            continue
        if token in conjuncts or token.head in conjuncts:
            continue  # "TikTok/NOUN et YouTube": a name coordinated with the noun is another actor
        link = token.head
        if link == noun or (link.head == noun and link.pos_ == "NOUN" and actor_at(link) is None):
            key = actor_at(token)
            if key is not None and key != mention.key:
                return key
    return None


def name_after_adjectives(noun: Token) -> str | None:
    """The actor a common noun is named by after its adjectives, wherever the parser hung the
    name: "son concurrent coréen Kia", "le groupe américain Oracle"."""
    if noun.pos_ != "NOUN" and not _nationality_noun(noun):
        return None
    doc = noun.doc
    index = actor_index(doc)
    i = noun.i + 1
    # "sa maison mère chinoise ByteDance": adjectives, and nouns the parser made adjectives.
    # The parser may hang them on the noun's governor too ("au constructeur japonais/advmod X").
    # (read by index on the tables: no Token per word passed over)
    table, tokens = parse_table(doc), token_table(doc)
    heads, deps, pos, lower, size = table.heads, table.deps, tokens.pos, tokens.is_lower, len(tokens)
    governor = heads[noun.i]
    while i < size and (heads[i] == noun.i or (heads[i] == governor and lower[i] and pos[i] == "ADJ")) and (pos[i] == "ADJ" or (
            deps[i] == LABELS.adjectival_modifier and pos[i] == "NOUN" and index.mention_at_index(i) is None)):
        i += 1
    starts_name = i < len(doc) and (mention := index.mention_at(doc[i])) is not None and mention.start == doc[i].idx
    # (a name the recognizer found may be tagged anything: "le chinois Tencent/VERB"; right after
    # the noun it then names it only when the noun is determined, below)
    if i >= len(doc) or (doc[i].pos_ not in ("PROPN", "NOUN", "X") and not starts_name):
        return None
    if i == noun.i + 1 or doc[i].pos_ != "PROPN":
        # "le rachat par Qualcomm de la startup Nuvia/obl": a name right after a determined
        # noun names it, wherever the parser hung the name.
        mention = actor_index(doc).mention_at(doc[i])
        # "du groupe X": a preposition fused with the article determines the noun too.
        determined = any(c.i < noun.i and (c.pos_ == "DET" or "Art" in features_of(c).get("PronType", ())) for c in noun.children)
        return mention.key if mention is not None and mention.start == doc[i].idx and determined else None
    if doc[i].head.i not in range(noun.i, i) and not _stray_name_of(noun, doc[i]):
        return None
    return actor_at(doc[i])


def _nationality_noun(word: Token) -> bool:
    """"le coréen KHNP", "l'allemand Rheinmetall": an adjective of origin the parser made the
    head of a determined phrase stands for the noun it leaves unsaid (wire copy's house style)."""
    return (word.pos_ == "ADJ" and word.dep_ != LABELS.adjectival_modifier
            and any(c.i < word.i and c.pos_ == "DET" for c in word.children))


def _stray_name_of(noun: Token, name: Token) -> bool:
    """"commander 40 camions au constructeur suédois Volvo/dep": the name right after a
    determined noun and its adjectives, hung by the parser on the noun's own governor (not as
    that governor's subject or the start of another clause), is the noun's name."""
    determined = any(c.i < noun.i and (c.pos_ == "DET" or "Art" in features_of(c).get("PronType", ())) for c in noun.children)
    # "la cession de sa filiale Kolbex/obl(annoncé)": one level further up, right after the noun
    hung = name.head == noun.head or (name.head == noun.head.head and name.i == noun.right_edge.i + 1)
    return (determined and hung and name.dep_ not in LABELS.subjects
            and not opens_clause(name, noun))


#: How many bare words a trade complement may have ("de jeux vidéo", "d'imagerie médicale").
MAX_TRADE_WORDS = 3


def name_after_trade(noun: Token, genitive: frozenset[str]) -> str | None:
    """"la maison de parfums Creed", "l'association de consommateurs X": a determined noun, a
    "de" complement of bare lower-case words that says its trade, then a name; the name is the
    noun's wherever the parser hung it ("de la chimie X" has an article: no trade)."""
    doc = noun.doc
    determined = any(c.i < noun.i and (c.pos_ == "DET" or "Art" in features_of(c).get("PronType", ())) for c in noun.children)
    if noun.pos_ != "NOUN" or not determined:
        return None
    i = noun.i + 1
    while i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].is_lower and doc[i].head == noun:
        i += 1
    # "de" or "d'", not "du"/"des" (an article: "le catalogue des films X" is no trade)
    elided = doc[i].text.endswith(("'", "’")) if i < len(doc) else False
    if i >= len(doc) or not (fold(doc[i].text) in genitive or (elided and fold(doc[i].lemma_) in genitive)):
        return None
    j = i + 1
    while j < len(doc) and j - i <= MAX_TRADE_WORDS and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ", "X"):
        j += 1
    if j == i + 1 or j - i > MAX_TRADE_WORDS + 1 or j >= len(doc) or doc[j].sent != noun.sent:
        return None
    mention = actor_index(doc).mention_at(doc[j])
    if mention is None or mention.start != doc[j].idx or doc[j].head.i not in range(noun.i, j):
        return None
    return mention.key


def listed_after_name(noun: Token, key: str, coordinators: frozenset[str]) -> list[str]:
    """"ses rivaux LVMH et L'Oréal": the names listed after the one that names the noun."""
    name = next((t for t in noun.doc[noun.i + 1 : noun.sent.end] if actor_at(t) == key), None)
    if name is None:
        return []
    return [k for k in listed_names(name, coordinators) if k != key]


def person_named(noun: Token) -> str | None:
    """"le député PS Razzy Hammadi", "le ministre LR Jean Dupont": a title noun named twice,
    by its party (or firm) and by a person, is the person."""
    if noun.pos_ != "NOUN" or actor_at(noun) is not None:
        return None
    named: list[str] = []
    for child in noun.children:
        key = actor_at(child) if child.i > noun.i and names_its_head(child) else None
        if key is not None and key not in named:
            named.append(key)
    people = [key for key in named if is_person(noun.doc, key)]
    return people[0] if len(people) == 1 and len(named) > 1 else None


def is_person(doc, key: str) -> bool:
    for entity in doc._.entities or []:
        if entity.key == key:
            return entity.type == "PERSON"
    return False


def lists_on(head: Token) -> bool:
    """Whether the phrase's last word is its name: only a bare name goes on into a list."""
    mention = actor_index(head.doc).mention_at(head)
    return mention is not None and head.pos_ in ("PROPN", "X", "NOUN", "VERB") and not parse_table(head.doc).conjuncts(head.i)


def listed_names(head: Token, coordinators: frozenset[str]) -> list[str]:
    """"avec Amazon Web Services et Microsoft Azure", "convaincre Yahoo, puis Microsoft": the
    names the text lists right after the phrase's name, wherever the parser hung them (it often
    hangs the last one on a part of the first). A list counts only once a coordinator closes it
    ("A, B et C"), and a name that is the subject of a later verb starts a new clause."""
    doc = head.doc
    index = actor_index(doc)
    mention = index.mention_at(head)
    if mention is None:
        return []
    end = parse_table(doc).sentence_bounds(head.i)[1]
    # The first token from the head on that starts after the name (its start, by bisection).
    j = bisect_left(token_table(doc).starts, mention.end, head.i, end)
    listed: list[str] = []
    pending: list[str] = []
    linked = coordinated = False
    while j < end:
        token = doc[j]
        if token.text == ",":
            linked, j = True, j + 1
            continue
        if fold(token.text) in coordinators:
            linked = coordinated = True
            j += 1
            continue
        named = index.mention_at(token)
        if linked and named is None and token.pos_ == "NOUN":
            # "a racheté la société A et l'opérateur B": an item of the list may be a determined
            # noun its name follows; the name stands for it, unless the noun opens a clause of
            # its own ("et le groupe B a racheté C").
            described = _described_item(token, head)
            if described is None:
                break
            token, named = described
        if token.pos_ == "DET" and (named is None or named.start != token.idx):
            j += 1
            continue
        if not linked or named is None or named.start != token.idx:
            break
        top = token
        while top.dep_ in LABELS.name_parts_with_foreign and top.head != top:
            top = top.head
        if (top.dep_ in LABELS.subjects and top.head.i > top.i) or opens_clause(top, head):
            break
        pending.append(named.key)
        if coordinated:
            listed.extend(pending)
            pending, coordinated = [], False
        linked = False
        j = bisect_left(token_table(doc).starts, named.end, j, end)  # the first token after the name
    return listed


def name_after_date(phrase: Token) -> Token | None:
    """"a placé le 16 mai Huawei sur une liste noire": the parser hangs the object named right
    after a date on the date's noun; a bare name (no preposition) that follows the date is it,
    and so is a determined noun its name follows ("le 3 mars la société X")."""
    timexes = phrase.doc._.timexes or []
    date = next((t for t in timexes if t.start <= phrase.idx < t.end), None)
    if date is None or any(c.dep_ in LABELS.introducers for c in phrase.children):
        return None
    start = _next_word_start(phrase.doc, date.end)
    for token in phrase.subtree:
        if (token.idx == start and token.pos_ == "PROPN"
                and token.dep_ not in LABELS.name_parts and actor_at(token) is not None
                and not any(c.dep_ in LABELS.introducers for c in token.children)):
            return token
        if token.idx == start and token.pos_ == "DET" and (noun := token.head).pos_ == "NOUN" and noun.i > token.i \
                and not any(c.dep_ in LABELS.introducers for c in noun.children) and name_after_adjectives(noun) is not None:
            return noun  # "a racheté le 3 mars la société X": a determined noun its name follows
    return None


def _next_word_start(doc, end: int) -> int:
    """Where the first word after character ``end`` begins."""
    for i in range(first_token_from(doc, end), len(doc)):  # by bisection, not from the Doc's start
        if not doc[i].is_space:
            return doc[i].idx
    return -1


def _described_item(noun: Token, head: Token) -> tuple[Token, ActorMention] | None:
    """The name (its first word and mention) of a determined noun met in a list ("et l'opérateur
    B", "et le groupe américain C"), or None when it has none or opens another clause."""
    key = name_after_adjectives(noun)
    if key is None or (noun.dep_ in LABELS.subjects and noun.head.i > noun.i) or opens_clause(noun, head):
        return None
    index = actor_index(noun.doc)
    end = parse_table(noun.doc).sentence_bounds(noun.i)[1]
    for token in noun.doc[noun.i + 1 : end]:
        mention = index.mention_at(token)
        if mention is not None and mention.key == key and mention.start == token.idx:
            return token, mention
    return None
