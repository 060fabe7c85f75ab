"""Actors a conflict or cooperation verb reaches through a noun: whose deed it judges, which
deal it ends.

French often aims an accusation, a praise or a refusal at someone's act rather than at them
("saluer la décision d'Arnaud Montebourg", "rejeter les arguments portés par la FTC", "ouvrir une
enquête sur le rachat de VMware par Broadcom"), and ends a deal by naming it ("renoncer à son
projet d'acquisition de Figma", "mettre fin à son partenariat avec Qualcomm"). The two helpers
below read those actors off the parse: the author of a deed, and the party of a deal found down
a chain of noun complements.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from chronique.extract.events.clause_shapes import CLAUSE_LINKS, OBLIQUE_DEPS, is_passive, preposition
from chronique.extract.events.misread import misread_reporter, verb_read_as_noun
from chronique.extract.events.phrase_names import actor_at
from chronique.extract.events.syntax import ParseReader
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import parse_table
from chronique.text import fold

__all__ = ["author_of_deed", "deal_parties", "deed_complement", "doer_or_maker", "locution_object", "reporter",
           "stray_agent"]

LABELS = dependency_scheme("ud")
#: How many noun complements down a deal's party may sit ("son projet / d'acquisition / de Figma").
DEAL_DEPTH = 4
#: How many heads above an event noun its stray agent may hang ("enquête" < "ouvert" < "déclaré").
STRAY_AGENT_CLIMB = 5


def author_of_deed(reader: ParseReader, noun: Token) -> list[str]:
    """Who did what ``noun`` names: its agent ("le rachat de VMware par Broadcom", "les arguments
    portés par la FTC") before its genitive ("la décision d'Apple")."""
    if noun.pos_ in ("PROPN", "PRON"):
        return []  # a name is an actor or nothing; only a deed has an author
    # The parser often hangs "formulée par X" on the last noun of "l'offre de rachat de l'OM".
    chain = [noun, *(c for c in noun.subtree if c.dep_ == LABELS.nominal_modifier and c.head.pos_ == "NOUN")][:4]
    for child in (c for head in chain for c in head.children):
        # "le traitement des données des patients par/nmod(patients) X": an agent phrase closing
        # the deed's phrase, hung on the last noun of its complements, is the deed's too.
        closing = child.head != noun and child.right_edge.i == noun.right_edge.i
        if (child.head == noun or closing) and child.dep_ in OBLIQUE_DEPS \
                and preposition(child, reader.preposition_forms) in reader.agent_marks:
            found = reader.actors(child)
            if found:
                return found
        if child.dep_ == LABELS.clausal_modifier and is_passive(child) and not _undergone(reader, child):
            for agent in child.children:
                if agent.dep_ == LABELS.passive_agent or (
                    agent.dep_ in OBLIQUE_DEPS and preposition(agent, reader.preposition_forms) in reader.agent_marks
                ):
                    found = reader.actors(agent)
                    if found:
                        return found
    stray = _agent_after_phrase(reader, noun) or stray_agent(reader, noun)
    if stray:
        return stray
    if _genitive_is_patient(reader, noun):
        return []  # "le rachat de VMware": VMware is bought, not the buyer
    return reader.owner(noun) or _members_owner(reader, noun)


def _members_owner(reader: ParseReader, noun: Token) -> list[str]:
    """"le travail des équipes / des ingénieurs de X": a deed of an organisation's people is
    the organisation's (``[syntax] member_nouns``)."""
    members = reader.words.words("syntax", "member_nouns")
    for child in noun.children:
        if child.dep_ == LABELS.nominal_modifier and child.pos_ == "NOUN" and actor_at(child) is None \
                and {fold(child.lemma_), fold(child.text)} & members \
                and preposition(child, reader.preposition_forms) in reader.genitive:
            return reader.owner(child)
    return []


def _agent_after_phrase(reader: ParseReader, noun: Token) -> list[str]:
    """"une enquête sur le rachat de Figma par/nmod(enquête) Adobe": the parser hangs the agent
    of a deed noun on the noun above it; an agent phrase that begins right where the deed's
    phrase ends, on the noun the deed complements, is the deed's."""
    head = noun.head
    if head == noun or head.pos_ != "NOUN" or noun.dep_ not in OBLIQUE_DEPS:
        return []
    for child in head.children:
        if child.left_edge.i == noun.right_edge.i + 1 and child.dep_ in OBLIQUE_DEPS \
                and preposition(child, reader.preposition_forms) in reader.agent_marks:
            return reader.actors(child)
    return []


def stray_agent(reader: ParseReader, noun: Token) -> list[str]:
    """"avoir ouvert une enquête sur le rachat de VMware, leader du logiciel, par Broadcom": the
    parser hangs the agent of an event noun on an active verb above it. An agent phrase after
    the noun, on a verb of the noun's clause chain that is not passive (so it cannot be that
    verb's agent), is the noun's."""
    node = noun
    for _ in range(STRAY_AGENT_CLIMB):
        if node.head == node:
            return []
        climbed_from, node = node, node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        if reader.is_passive(node):
            return []
        for child in node.children:
            if child.i > noun.i and child.dep_ in OBLIQUE_DEPS and \
                    preposition(child, reader.preposition_forms) in reader.agent_marks:
                found = reader.actors(child)
                if found:
                    return found
        if climbed_from.dep_ not in CLAUSE_LINKS and climbed_from.pos_ in ("VERB", "AUX"):
            return []
    return []


def _undergone(reader: ParseReader, participle: Token) -> bool:
    """"l'attaque subie par X": the agent of "subir" is the deed's victim."""
    undergoing = reader.words.words("syntax", "undergoing_verbs")
    return any(lemma in undergoing for lemma in reader.words.lemma_candidates(participle))


def _genitive_is_patient(reader: ParseReader, noun: Token) -> bool:
    """Whether the lexicon reads the noun's "de" complement as its target ("rachat de X")."""
    entries = reader.words.nouns.get(fold(noun.lemma_), []) + reader.words.nouns.get(fold(noun.text), [])
    genitives = {f"nmod:{g}" for g in reader.genitive}
    return any((slot, "target") in entry.roles for entry in entries for slot in genitives)


def _nominal_dependents(token: Token) -> Iterable[Token]:
    return (c for c in token.children if c.dep_ in OBLIQUE_DEPS or c.dep_ == LABELS.object)


def deal_parties(reader: ParseReader, verb: Token, prepositions: Iterable[str]) -> list[str]:
    """The first actors introduced by one of ``prepositions`` down the noun complements of the
    verb's object and obliques: "abandonne son projet de rachat d'iRobot" gives iRobot,
    "met fin à son partenariat avec Qualcomm" Qualcomm, "retire ses titres de TikTok" TikTok.
    Subjects are never searched (they are the other side), but for the subject of a passive
    ("le partenariat entre A et B a été rompu par A": the deal undergoes it)."""
    wanted = frozenset(prepositions)
    level = list(_nominal_dependents(verb))
    if is_passive(verb):
        level.extend(c for c in verb.children if c.dep_ == LABELS.passive_subject and c.i < verb.i)
    for _ in range(DEAL_DEPTH):
        following: list[Token] = []
        for phrase in level:
            if phrase.pos_ in ("VERB", "AUX") and not verb_read_as_noun(phrase):
                continue  # another clause: its complements are its own ("son offre/VERB": a noun)
            marked = preposition(phrase, reader.preposition_forms)
            if marked in wanted:
                found = reader.actors(phrase)
                if found and _pair_of_others(reader, verb, phrase, found, marked):
                    continue  # "X a dénoncé l'accord entre A et B": X is no party to it
                if found:
                    return found + [k for k in _misread_second_party(reader, verb, phrase) if k not in found]
            if marked in reader.circumstance_marks and phrase.head == verb:
                continue  # "renoncé à son projet … après l'opposition du gouvernement": a circumstance is no deal
            split = _split_locution_party(reader, phrase, wanted, verb)
            if split:
                return split
            following.extend(c for c in phrase.children if c.dep_ in OBLIQUE_DEPS)
            # "sa commande de rames auprès/ADV(rames) d'Alstom": a locution's adverb holds the phrase.
            following.extend(g for c in phrase.children if c.pos_ == "ADV" and c.i > phrase.i
                             for g in c.children if g.dep_ in OBLIQUE_DEPS)
            # "annuler le contrat signé avec X": the deal's participle holds its party; so does a
            # relative clause that binds it ("le contrat qui la liait à X").
            following.extend(c for p in phrase.children if p.pos_ == "VERB" and (
                                 p.dep_ == LABELS.clausal_modifier
                                 or p.dep_ == LABELS.relative_clause and p.lemma_ in reader.deal_binding_verbs)
                             for c in p.children if c.dep_ in OBLIQUE_DEPS)
        level = following
    return _detached_participle_party(reader, verb, wanted)


def _detached_participle_party(reader: ParseReader, verb: Token, wanted: frozenset[str]) -> list[str]:
    """"a résilié le marché de la piscine, attribué en 2019 à X": a past participle detached
    after the object, which the parser hangs on the verb, is said of the object; its party is the
    deal's. Only a participle with neither subject nor auxiliary of its own, after an object."""
    table = parse_table(verb.doc)
    objects = [c for c in table.children[verb.i] if table.deps[c] == LABELS.object]
    if not objects:
        return []
    for i in table.children[verb.i]:
        if table.deps[i] != LABELS.adverbial_clause or i < objects[0] \
                or "Part" not in table.features[i].get("VerbForm", ()) \
                or any(table.deps[c] in LABELS.subjects or table.deps[c].startswith(LABELS.auxiliary_prefix)
                       for c in table.children[i]):
            continue
        for c in table.children[i]:
            phrase = verb.doc[c]
            if phrase.dep_ in OBLIQUE_DEPS and preposition(phrase, reader.preposition_forms) in wanted:
                found = reader.actors(phrase)
                if found:
                    return found
    return []


def _pair_of_others(reader: ParseReader, verb: Token, phrase: Token, found: list[str], prep: str | None) -> bool:
    """Whether a pair phrase ("entre A et B", ``prep`` its preposition) names a tie the verb's doer
    is no side of: who ends a tie between two others does not cancel anything with either. Only a
    tie the verb acts on itself: "renoncer au projet de fusion entre A et B" gives up the doer's
    own project, whose parties are A and B."""
    # A second party the parser made a conjunct of the first has no preposition of its own.
    first = phrase if preposition(phrase, reader.preposition_forms) == prep else phrase.head
    if prep not in reader.pair_marks or first.head.head != verb:
        return False
    pair = set(found) | set(_misread_second_party(reader, verb, phrase))
    doers = set(reader.subject(verb)[0])
    return bool(doers) and not doers & pair


def _misread_second_party(reader: ParseReader, verb: Token, phrase: Token) -> list[str]:
    """"Le partenariat entre le groupe A et/cc(verb) la société B/nsubj:pass a été rompu": the
    parser makes the second party of a passive subject's "entre A et B" a subject of its own,
    right after the "et" that closes the first."""
    after = phrase.right_edge.i + 1
    doc = verb.doc
    if preposition(phrase, reader.preposition_forms) != "entre" or after + 1 >= len(doc) \
            or doc[after].pos_ != "CCONJ" or doc[after].head != verb:
        return []
    second = next((c for c in verb.children if c.dep_ == LABELS.passive_subject
                   and c.left_edge.i == after + 1), None)
    return reader.actors(second) if second is not None else []


def _split_locution_party(reader: ParseReader, phrase: Token, wanted: frozenset[str], verb: Token) -> list[str]:
    """"une commande … auprès/ADV de la compagnie/obl:arg IndiGo": the parser may cut a
    prepositional locution into an adverb and an oblique below it (:meth:`PhraseReader.obliques`
    reads that shape)."""
    for prep in sorted(wanted):
        for party in reader.obliques(phrase, prep):
            if (found := reader.actors(party)) and not _pair_of_others(reader, verb, party, found, prep):
                return found + [k for k in _misread_second_party(reader, verb, party) if k not in found]
    return []


def deed_complement(reader: ParseReader, verb: Token, prep: str) -> list[str]:
    """Actors of the verb's complement introduced by ``prep``, or, when it names a deed, its
    author: "protester contre Apple" and "protester contre la décision d'Apple" both give Apple."""
    heads = [verb, *(c for c in verb.children if c.dep_ == LABELS.object and c.pos_ == "NOUN")]
    objects = heads[1:]
    if prep not in reader.genitive:  # "une procédure d'infraction contre X": one noun further down
        heads.extend(g for c in objects for g in c.children if g.dep_ == LABELS.nominal_modifier and g.pos_ == "NOUN")
    # "opposer une fin de non-recevoir à la demande de X": the parser hangs the phrase on the
    # object's "de" + infinitive ("non-recevoir"), last in line.
    heads.extend(g for c in objects for g in c.children
                 if g.dep_ == LABELS.clausal_modifier and g.pos_ == "VERB" and _opens_on_de(reader, g))
    for head in heads:  # "ouvrir une enquête sur X": the phrase hangs on the object noun
        for phrase in reader.obliques(head, prep):
            found = reader.actors(phrase) or author_of_deed(reader, phrase)
            if found:
                return found
    return []


def _opens_on_de(reader: ParseReader, verb: Token) -> bool:
    """Whether an infinitive complementing a noun opens on "de" ("une fin de non-recevoir")."""
    return any(c.dep_ == LABELS.marker and c.lower_ in reader.genitive for c in verb.children if c.i < verb.i)


def deed_author(reader: ParseReader, noun: Token, prep: str) -> list[str]:
    """The author of a deed the noun's ``prep`` complement names, when that complement is no
    actor itself: "le rejet par X de l'offre de Y" gives Y; "le refus de X" gives nothing (X is
    the refuser, read by another slot)."""
    # "le rejet par X de/nmod(X) l'offre de Y": the parser may hang the phrase on the agent's name.
    agents = [a for mark in reader.agent_marks for a in reader.obliques(noun, mark)]
    for phrase in (p for head in (noun, *agents) for p in reader.obliques(head, prep)):
        if reader.actors(phrase):
            continue
        found = author_of_deed(reader, phrase)
        if found:
            return found
    return []


def reporter(reader: ParseReader, verb: Token) -> list[str]:
    """Who says the clause of ``verb``: the subject of the speech verb (or verb of finding) it
    complements ("Samsung déclare que l'iPhone viole ses brevets" gives Samsung for "viole"; "la
    cour a reconnu que X a abusé" gives the court)."""
    head = verb.head
    speech = reader.words.words("syntax", "speech_verbs") | reader.words.words("syntax", "finding_verbs")
    if verb.dep_ not in LABELS.complement_clauses or head == verb:
        return misread_reporter(verb, reader.words, speech)  # "Le tribunal juge/NOUN que X a violé …"
    if not any(lemma in speech for lemma in reader.words.lemma_candidates(head)):
        return []
    found, _ = reader.subject(head)
    return found


def doer_or_maker(reader: ParseReader, verb: Token) -> list[str]:
    """The subject of ``verb``, a product standing for its maker ("l'iPhone viole" is Apple)."""
    found, _ = reader.subject(verb)
    known = {e.key for e in verb.doc._.entities or []}
    doers: list[str] = []
    for key in found:
        record = reader.kb.get(key) if reader.kb is not None else None
        doer = record.maker if record is not None and record.maker in known else key
        if doer and doer not in doers:
            doers.append(doer)
    return doers


def locution_object(reader: ParseReader, verb: Token, nouns: frozenset[str]) -> list[str]:
    """The object of a verb locution that the parser hung on the locution's noun: "mettre en
    demeure/obl la direction/obj de Renault", "mettre en cause/obl Lactalis/nmod" (a bare phrase
    right after the noun, with no preposition of its own)."""
    for noun in verb.children:
        if noun.i < verb.i or fold(noun.text) not in nouns or not any(c.dep_ == LABELS.case_marker for c in noun.children):
            continue
        for child in noun.children:
            if child.i < noun.i or any(c.dep_ in LABELS.introducers for c in child.children):
                continue
            if child.left_edge.i == noun.i + 1 and child.pos_ in ("NOUN", "PROPN"):
                return reader.actors(child)
    return []

