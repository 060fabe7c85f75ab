"""Within one article: possessive descriptions ("son rival américain", "sa filiale", "son concurrent").

A possessive description does not stand for the actor in focus but for the OTHER party of a
relation of that actor: "Samsung … exige de son rival américain qu'il …" is Apple, the one other
company in view. The possessor is the subject of the description's clause (or, failing that, the
actor named last in its sentence, then the subject in focus); the description stands for, in order:

1. the one actor other than the possessor that the article gave that noun to ("Veltra, rival de
   Norvane" … "son rival"; "son rival Brixel" … "son rival américain");
2. the one other actor of the possessor's kind in the lookback window, of the origin its adjectives
   say ("son rival américain" is not the Indian airline in view);
3. with none before it, the one such actor named after it in its sentence or the next that the
   article or the knowledge base places in the country its adjectives say, or, of unknown country,
   that is its clause's subject ("… devance son rival américain, englué dans … Boeing avait
   pourtant …"); a description that says no origin does not look ahead, and an actor something
   is done to is never taken ("… sa filiale brésilienne. La filiale a racheté le réseau Y").

Two candidates, or no possessor, leave it unresolved: a wrong actor is worse than none. A
description that introduces a name ("son rival Boeing") or has a complement ("sa filiale de Lyon")
is left to the name and the event rules.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from chronique.data import lexicon
from chronique.extract.actors.coref_focus import quoted_ranges, window_start
from chronique.extract.actors.descriptions import adjectives_end
from chronique.extract.actors.origins import ArticleOrigins
from chronique.extract.actors.titles import COMPLEMENT_LINKS, titles_given
from chronique.nlp.actor_index import ActorIndex, growing_index
from chronique.nlp.extensions import ActorMention, text_of
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["possessive_descriptions"]

LABELS = dependency_scheme("ud")
#: The kinds of actor a relation may join.
ACTOR_TYPES = frozenset({"ORG", "PERSON", "LOC"})


class _Relations:
    """The possessive determiners and relation nouns of a language (folded, several words joined
    by spaces), and the nouns whose other party may be of another kind."""

    def __init__(self, words: dict[str, Any], predicative: list[str]) -> None:
        section = words.get("possessive_descriptions", {})
        self.determiners = frozenset(fold(d) for d in section.get("determiners", []))
        self.cross_kind = frozenset(fold(n) for n in section.get("cross_kind_nouns", []))
        phrases = [fold(n) for n in section.get("nouns", [])] + sorted(self.cross_kind)
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            parts = tuple(phrase.split())
            self.phrases.setdefault(parts[0], []).append(parts)
        for listed in self.phrases.values():
            listed.sort(key=len, reverse=True)
        #: The verbs that make their object a predicate of their subject (the events' list).
        self.predicative = frozenset(fold(v) for v in predicative)
        #: The first words as description cues, for the titles the article gives (one object per
        #: lexicon: :func:`titles_given` keeps its answers by the cues' identity).
        self.cues = {first: "ACTOR" for first in self.phrases}


@cache
def _lexicon(lang: str) -> _Relations | None:
    """The relations of ``lang`` (``None`` without a references lexicon), built once."""
    try:
        words = lexicon(lang, "references")
    except FileNotFoundError:
        return None
    try:
        predicative = lexicon(lang, "events").get("syntax", {}).get("predicative_verbs", [])
    except FileNotFoundError:
        predicative = []
    return _Relations(words, predicative)


def possessive_descriptions(doc: Doc, mentions: list[ActorMention], entities: dict[str, dict[str, Any]],
                            origins: ArticleOrigins | None = None) -> list[ActorMention]:
    """The possessive descriptions of ``doc`` resolved to the other party of their possessor's
    relation (rule ``possessive``), none overlapping ``mentions``."""
    relations = _lexicon(doc.lang_)
    if relations is None or not relations.phrases:
        return []
    tokens = token_table(doc)
    positions = tokens.positions(relations.phrases, lemmas=True)
    if not positions:
        return []
    index = growing_index(doc, mentions)
    text = text_of(doc)
    quoted = quoted_ranges(doc, text)
    found: list[ActorMention] = []
    for i in positions:
        token = doc[i]
        if i == 0 or not token.is_lower or tokens.folded[i - 1] not in relations.determiners:
            continue
        if "Plur" in token.morph.get("Number", []):
            continue
        if _predicate(token, relations):
            continue  # "Nissan reste son partenaire": said of the subject, who is the possessor's partner
        phrase = _phrase_at(tokens.folded, tokens.folded_lemmas, i, relations)
        if phrase is None:
            continue
        end = _phrase_end(doc, i + len(phrase))
        if end is None or _restated(doc, index, token, end) or any(index.mention_at_index(j) is not None for j in range(i - 1, end)):
            continue
        if any(start <= token.idx < stop for start, stop in quoted):
            continue  # somebody's words: "notre rival" is theirs to mean
        possessor = _possessor(doc, index, entities, token)
        if possessor is None or entities[possessor]["type"] not in ACTOR_TYPES:
            continue
        noun = " ".join(phrase)
        kinds = {"ORG", "PERSON"} if noun in relations.cross_kind else {entities[possessor]["type"]}
        wanted = origins.in_tokens(doc[i + len(phrase) : end]) if origins is not None else set()

        def fits(key: str, possessor=possessor, kinds=kinds) -> bool:
            record = entities.get(key)
            return (record is not None and key != possessor and record["type"] in kinds
                    and not record.get("institution")
                    and not (origins is not None and (origins.is_press(key) or origins.is_institution(key))))

        key = _named_so(doc, index, entities, relations.cues, noun, fits)
        if key is None:
            key = _the_other(doc, index, token, end, fits, origins, wanted, quoted)
        if key is not None:
            start_char = doc[i - 1].idx
            found.append(ActorMention(start_char, tokens.ends[end - 1], key, "description", "possessive"))
    return found


def _phrase_at(folded: list[str], lemmas: list[str], i: int, relations: _Relations) -> tuple[str, ...] | None:
    """The relation phrase starting at token ``i`` (its first word by form or lemma)."""
    for first in (folded[i], lemmas[i]):
        for parts in relations.phrases.get(first, []):
            rest = parts[1:]
            if all(i + 1 + k < len(folded) and folded[i + 1 + k] == word for k, word in enumerate(rest)):
                return parts
    return None


def _phrase_end(doc: Doc, end: int) -> int | None:
    """The end of the description past its adjectives; ``None`` when a name or a complement
    follows ("son rival Boeing", "sa filiale de Lyon")."""
    end = adjectives_end(doc, end)
    following = doc[end] if end < len(doc) else None
    if following is None:
        return end
    if following.text[:1].isupper() and not following.is_sent_start:
        return None
    if fold(following.text) in COMPLEMENT_LINKS:  # a complement: left to other rules
        return None
    return end


def _predicate(noun: Token, relations: _Relations) -> bool:
    """Whether the description is said of its clause's subject: with a copula ("X est son rival"),
    as an open complement, or as the object of a predicative verb ("X reste son partenaire")."""
    if noun.dep_ == LABELS.open_complement or any(c.dep_ == LABELS.copula for c in noun.children):
        return True
    return noun.dep_ == LABELS.object and _is_predicative(noun.head, relations.predicative)


def _is_predicative(verb: Token, lemmas: frozenset[str]) -> bool:
    """Whether ``verb`` is one of the predicative verbs, by its lemma or, where the tagger left the
    form as lemma ("reste"), by the stem of a verb in "-er" ("rest-") or "-enir" ("deven-", "devien-")."""
    lemma, form = fold(verb.lemma_), fold(verb.text)
    if lemma in lemmas:
        return True
    for known in lemmas:
        if known.endswith("er") and " " not in known and form.startswith(known[:-2]) and len(form) - len(known) <= 3:
            return True
        if known.endswith("enir") and form.startswith((known[:-4] + "en", known[:-4] + "ien")):
            return True
    return False


def _restated(doc: Doc, index: ActorIndex, noun: Token, end: int) -> bool:
    """Whether a name restates the description ("Son concurrent direct, le laboratoire Biovance,
    a …"): an apposition of the noun, or a name right after its comma (past a determiner and a
    noun)."""
    if any(c.dep_ in LABELS.naming_links and index.mention_at(c) is not None for c in noun.children):
        return True
    if end >= len(doc) or doc[end].text != ",":
        return False
    for token in doc[end + 1 : end + 5]:
        if index.mention_at(token) is not None:
            return True
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _possessor(doc: Doc, index: ActorIndex, entities, noun: Token) -> str | None:
    """Whose relation the description names: the subject of its clause (the first clause up a
    coordination that has one), ``None`` when that subject is no actor; the last actor named
    before it in its sentence when the description is inside that subject or the clause has
    none; else ``None`` (the window's other actor may be anybody's)."""
    verb = noun
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in LABELS.subjects), None)
        if subject is not None:
            if subject.left_edge.i <= noun.i <= subject.right_edge.i:
                break  # "le rachat de son concurrent lui permet …": read the sentence instead
            named = [subject, *(c for c in subject.children if c.dep_ in LABELS.naming_links)]
            mention = next((m for t in named if (m := index.mention_at(t)) is not None and m.key in entities), None)
            if mention is None or entities[mention.key]["type"] not in ACTOR_TYPES:
                return None  # "le logiciel Zelvio menace son concurrent": a thing's rival is a thing
            return mention.key
        if verb.dep_ not in LABELS.shared_subject_links or verb.head.i == verb.i:
            break
        verb = verb.head
    tokens = token_table(doc)
    starts = tokens.sentence_starts
    sentence = starts[bisect_right(starts, noun.i) - 1] if starts else 0
    for j in range(noun.i - 2, sentence - 1, -1):
        mention = index.mention_at_index(j)
        if mention is not None and mention.key in entities and entities[mention.key]["type"] in ("ORG", "PERSON"):
            return mention.key
    return None  # "X a racheté Y. Son concurrent a dénoncé …": a rival of X's, but not Y


def _named_so(doc: Doc, index: ActorIndex, entities, cues: dict[str, str], noun: str, fits) -> str | None:
    """The one fitting actor the article gave the relation noun to ("Veltra, rival de Norvane",
    "son rival Brixel")."""
    if " " in noun:
        return None  # "sa maison mère": the article gives such a phrase by its first word only
    given = titles_given(doc, index, entities, cues).get(noun.split()[0], set())
    keys = {k for k in given if fits(k)}
    return next(iter(keys)) if len(keys) == 1 else None


def _the_other(doc: Doc, index: ActorIndex, noun: Token, end: int, fits, origins: ArticleOrigins | None,
               wanted: set[str], quoted: list[tuple[int, int]]) -> str | None:
    """The one fitting actor of the window before the description (of the origin it says), else,
    with none there, the one named after it in its sentence or the next."""
    since = window_start(doc, noun.idx)

    def keys_of(chosen: list[ActorMention]) -> list[str]:
        keys = list(dict.fromkeys(m.key for m in chosen if fits(m.key)
                                  and not any(a <= m.start < b for a, b in quoted)))
        return origins.choose(keys, wanted) if origins is not None else keys

    before = keys_of([m for m in index.mentions if since <= m.start and m.end <= noun.idx])
    if before:
        return before[0] if len(before) == 1 else None
    if not wanted or origins is None:
        # Looking ahead needs the description's own word of origin: a bare "sa filiale" would take
        # whatever the next sentence names ("… sa filiale. La filiale a racheté le réseau Y").
        return None
    tokens = token_table(doc)
    starts = tokens.sentence_start_chars
    following = bisect_right(starts, noun.idx) + 1  # the start of the sentence after the next
    limit = starts[following] if following < len(starts) else len(text_of(doc))
    later = [m for m in index.mentions if tokens.ends[end - 1] <= m.start and m.end <= limit
             and (origins.countries(m.key) & wanted or _is_subject(doc, m))]
    after = keys_of(later)
    return after[0] if len(after) == 1 else None


def _is_subject(doc: Doc, mention: ActorMention) -> bool:
    """Whether the mention is the subject of its clause: an actor of unknown country named after a
    description is taken for it only as the topic the article goes on with ("… son rival américain
    … Le groupe Norvane avait proposé …"), never as what someone does something to ("… sa filiale
    brésilienne. La filiale a racheté le réseau Y")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ in LABELS.phrase_name_links and root.head.i < root.i:
        root = root.head  # "Le groupe Norvane": the name hangs on its cue noun, the subject
    return root.dep_ in LABELS.subjects
