"""What a verb's clause looks like in the dependency parse: its voice, its mood, the preposition of
a complement, and the labels the event rules read (Universal Dependencies, spaCy French models).

These are facts about one verb or one phrase, with no actor in them; the readers of actors
(``phrase_names``, ``phrase_reader``, ``syntax``) build on them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from chronique.extract.events.lexicon import load_event_lexicon
from chronique.nlp.actor_index import actor_index
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import ParseTable, features_of, parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = [
    "ADJECTIVE_LINKS", "CLAUSE_LINKS", "LABELS", "MAX_CLIMB", "OBLIQUE_DEPS", "STRAY_DEPS", "climbing_subject", "copula_of_compound_passive",
    "counted_after_day",
    "finite_on_root_noun", "is_infinitive", "is_passive", "participle_adjunct", "passive_auxiliary_at", "participle_on_noun", "preposition", "preposition_at",
]

LABELS = dependency_scheme("ud")
OBLIQUE_DEPS = LABELS.prepositional_complements
CLAUSE_LINKS = LABELS.clause_links
MAX_CLIMB = 5
#: Labels the parser gives a name it failed to attach; such a bare name may be a lost argument.
STRAY_DEPS = LABELS.stray_name_links
#: How an adjective predicate hangs on the noun it is said of.
ADJECTIVE_LINKS = frozenset({LABELS.adjectival_modifier, LABELS.apposition, LABELS.clausal_modifier})


def climbing_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the clause it is the complement of when it has none of its
    own (up to ``MAX_CLIMB`` clause links up): "X, PDG de Y, va démissionner"."""
    holder = next((c for c in verb.children if c.dep_ in LABELS.subjects), None)
    for _ in range(MAX_CLIMB):
        if holder is not None or verb.dep_ not in CLAUSE_LINKS or verb.head == verb:
            break
        verb = verb.head
        holder = next((c for c in verb.children if c.dep_ in LABELS.subjects), None)
    return holder


def passive_auxiliary_at(doc: Doc, i: int, table: ParseTable | None = None) -> bool:
    """Whether token ``i`` is a passive auxiliary: labelled so and not a pronoun. "X, qui a
    lui-même racheté Y": the parser may hang an emphatic "lui-même" on the participle as its
    "aux:pass", and the clause, active, would read as a passive with Y for its agent."""
    table = table if table is not None else parse_table(doc)
    return table.deps[i] == LABELS.passive_auxiliary and token_table(doc).pos[i] != "PRON"


def is_passive(verb: Token) -> bool:
    """Whether the verb is in the passive voice (an auxiliary "être" of passive, or "Voice=Pass")."""
    table = parse_table(verb.doc)  # read by index: no Token per child
    if any(passive_auxiliary_at(verb.doc, c, table) for c in table.children[verb.i]) or "Pass" in table.features[verb.i].get("Voice", ()):
        return True
    if copula_of_compound_passive(verb, table):
        return True  # "X a été/cop propulsé à la tête de Y"
    # "l'action intentée par Musk", "la société fondée en 2015": a past participle on a noun.
    return participle_on_noun(verb) or participle_adjunct(verb)


def copula_of_compound_passive(verb: Token, table: ParseTable | None = None) -> bool:
    """"X a été/cop propulsé à la tête de Y": the parser may label the "été" of a compound
    passive a copula; "été" after a tense auxiliary before a past participle is always a passive
    ("a été", "avait été": no verb conjugated with "être" takes it)."""
    table = table if table is not None else parse_table(verb.doc)
    if "Part" not in table.features[verb.i].get("VerbForm", ()):
        return False
    children = table.children[verb.i]
    deps = table.deps
    forms = load_event_lexicon(verb.doc.lang_).words("syntax", "passive_copula_forms")
    folded = token_table(verb.doc).folded
    return any(deps[c] == LABELS.copula and folded[c] in forms for c in children) and any(
        deps[c].startswith(LABELS.auxiliary_prefix) for c in children)


def participle_adjunct(verb: Token) -> bool:
    """"Courtisée par Google en 2024, la start-up ...": a bare past participle adjunct is a
    passive whose patient is the subject of the clause it hangs on (the parser may also make
    the fronted participle that subject: :func:`fronted_participle`)."""
    table = parse_table(verb.doc)
    deps, features = table.deps, table.features[verb.i]
    if (deps[verb.i] != LABELS.adverbial_clause and not fronted_participle(verb)) or "Part" not in features.get("VerbForm", ()):
        return False
    if "Pres" in features.get("Tense", ()):
        return False
    return not any(deps[c] in LABELS.finite_clause_markers or deps[c] == LABELS.marker for c in table.children[verb.i])


def fronted_participle(verb: Token) -> bool:
    """"Fondée en 2019 par X, la société Y a levé …": a past participle opening its sentence
    (no auxiliary) that the parser hung on a later word under any label (the main verb's subject
    or oblique); it is an adjunct."""
    table = parse_table(verb.doc)
    if table.heads[verb.i] <= verb.i or table.sentence_bounds(verb.i)[0] != verb.i:
        return False
    if "Part" not in table.features[verb.i].get("VerbForm", ()) or "Pres" in table.features[verb.i].get("Tense", ()):
        return False
    return not any(table.deps[c] in LABELS.auxiliaries for c in table.children[verb.i])


def participle_on_noun(verb: Token) -> bool:
    """A bare past participle modifying a noun (no subject, no tense auxiliary)."""
    table = parse_table(verb.doc)
    deps, features = table.deps, table.features[verb.i]
    if deps[verb.i] != LABELS.clausal_modifier or "Part" not in features.get("VerbForm", ()) or "Past" not in features.get("Tense", ()):
        return False
    return not any(deps[c] in LABELS.finite_clause_markers for c in table.children[verb.i])


def preposition(token: Token, forms: dict[str, str]) -> str | None:
    """The (first) preposition introducing the phrase headed by ``token``, in its full form."""
    return preposition_at(token.doc, token.i, forms)


def preposition_at(doc: Doc, i: int, forms: dict[str, str]) -> str | None:
    """:func:`preposition` of the token at index ``i``, read on the parse table (no ``Token``)."""
    table = parse_table(doc)
    deps = table.deps
    for child in table.children[i]:
        if child >= i:
            return None  # children come in order: none left before the phrase's head
        if deps[child] in LABELS.introducers:
            folded = token_table(doc).folded
            word = folded[child]
            if child > 0:
                # A compound preposition the parser split: "auprès/advmod de/case Nvidia".
                compound = f"{folded[child - 1]} {word}"
                if compound in forms:
                    return forms[compound]
            return forms.get(word, word)
    return None


def is_infinitive(verb: Token) -> bool:
    """An infinitive, simple or compound ("contacter", "avoir contacté"); a verb with a finite
    auxiliary is none, whatever the tagger says ("que Lactalis a copié/Inf")."""
    table = parse_table(verb.doc)
    deps, features = table.deps, table.features
    auxiliaries = [c for c in table.children[verb.i] if deps[c].startswith(LABELS.auxiliary_prefix)]
    if any("Fin" in features[c].get("VerbForm", ()) for c in auxiliaries):
        return False
    if "Inf" in features[verb.i].get("VerbForm", ()):
        # "Le groupe X rivalise/Inf avec Y": a form with no infinitive ending is finite.
        return verb.lower_.endswith(tuple(load_event_lexicon(verb.doc.lang_).words("syntax", "infinitive_endings")) or ("",))
    return any("Inf" in features[c].get("VerbForm", ()) for c in auxiliaries)


def finite_on_root_noun(verb: Token) -> bool:
    """"Le groupe X rivalise en Europe avec Y": the parser made the sentence's subject its root
    and the finite verb a modifier of it; that noun is the verb's subject (not so for a
    participle or an infinitive, "le groupe X, rivalisant ...", "le projet de racheter")."""
    head = verb.head
    # A participle with its auxiliary is a compound tense, finite too ("le patron de X s'en est
    # pris/acl à Y").
    compound = any(c.dep_ in LABELS.auxiliaries for c in verb.children)
    return (verb.dep_ == LABELS.clausal_modifier and head.head == head and head.i < verb.i
            and ("Part" not in features_of(verb).get("VerbForm", ()) or compound) and not is_infinitive(verb)
            and not any(c.dep_ == LABELS.marker or c.dep_ == LABELS.case_marker for c in verb.children))


def counted_after_day(day: Token, articles: frozenset[str] = frozenset()) -> Token | None:
    """"a commandé mercredi/obl 40 rames/nmod au constructeur X", "a finalisé mercredi/obl le
    rachat/nmod de X": a counted or determined noun the parser hung on the bare day noun right
    before it, with no preposition of its own, is the verb's object (the day may be labelled an
    oblique or the object; a noun complement without "de" cannot follow a day).

    With ``articles`` (the partitive articles the parser reads as "de"), "a adopté lundi des
    sanctions/nmod contre X" too: the noun hangs on the verb as it does without the day ("a
    adopté des sanctions/obl:arg contre X"), the day between them taking nothing from it; the
    day must be one (a time expression), not any noun ("l'examen du rachat de X")."""
    for noun in day.children:
        if noun.left_edge.i != day.i + 1 or noun.dep_ != LABELS.nominal_modifier or noun.pos_ != "NOUN":
            continue
        before = [c for c in noun.children if c.i < noun.i]
        if any((c.dep_ == LABELS.numeric_modifier or c.pos_ == "DET") for c in before) and not any(
                c.dep_ in LABELS.introducers for c in before):
            return noun
        if articles and len(before) == 1 and before[0].dep_ == LABELS.case_marker \
                and fold(before[0].text) in articles and within_timex(day):
            return noun
    return None


def within_timex(token: Token) -> bool:
    """Whether the token lies in a time expression the timex component found ("lundi", "le 16
    mai"): a date the parser labelled an object is no party."""
    return any(t.start <= token.idx < t.end for t in token.doc._.timexes or [])


def pronominal(verb: Token) -> bool:
    """"Renault s'est fortement développé": a verb with its reflexive "se" and no passive
    auxiliary nor agent, which the parser may read as a passive (its subject "nsubj:pass"), says
    what its subject did."""
    table = parse_table(verb.doc)
    kids = table.children[verb.i]
    if any(table.deps[c] in (LABELS.passive_auxiliary, LABELS.passive_agent) for c in kids):
        return False
    return any("Yes" in table.features[c].get("Reflex", ()) for c in kids if c < verb.i)


def stray_object_names(verb: Token, obj: Token) -> list[Token]:
    """"a cédé sa filiale Monoprix/obl:mod(cédé) au groupe X": a bare name right after a
    common-noun object, which the parser hung on the verb, is the object's own name."""
    doc = obj.doc
    after = obj.right_edge.i + 1
    if obj.pos_ != "NOUN" or after >= len(doc) or doc[after].head != verb or doc[after].pos_ not in ("NOUN", "PROPN"):
        return []
    table = parse_table(doc)
    if any(table.deps[c] in LABELS.introducers for c in table.children[after]):
        return []
    return [doc[after]] if actor_index(doc).mention_at_index(after) is not None else []
