"""A subject pronoun of a reported clause continues the organisation that reports it.

"L'association Clarté a annoncé qu'elle allait porter plainte": French hangs the pronoun of a
complement clause on the subject of the verb that governs it, whoever was named before. Without
this, "elle" went to the last woman named in an earlier sentence (the opposing company's
director), and the complaint was hers. Only an organisation subject is read so (a person subject
is already the person in focus), only when the subject agrees with the pronoun's gender when the
parse says it, and not when a person is named between the verb and the pronoun ("a demandé à
Anne Roy qu'elle démissionne" is Anne Roy).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from chronique.nlp.extensions import ActorMention
from chronique.nlp.labels import dependency_scheme
from chronique.text import fold

__all__ = ["continued_organisation", "reporting_organisation"]

LABELS = dependency_scheme("ud")


def reporting_organisation(doc: Doc, pronoun: Token, mentions: list[ActorMention],
                           entities: dict[str, dict[str, Any]], feminine: bool,
                           organisation_nouns: frozenset[str]) -> str | None:
    """The organisation subject of the verb whose complement clause ``pronoun`` is the subject of,
    or ``None``. ``organisation_nouns`` (folded): the nouns of an organisation ("association",
    "société") whose subject phrase may hold its name further on."""
    clause = pronoun.head
    if pronoun.dep_ not in LABELS.subjects or clause.dep_ not in LABELS.complement_clauses:
        return None
    verb = clause.head
    if verb.i > pronoun.i:
        return None  # an incise after the clause ("elle fera appel, a indiqué X"): not this shape
    subject = next((c for c in verb.children if c.dep_ in LABELS.subjects), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    gender = subject.morph.get("Gender", [])
    if gender and subject.pos_ == "NOUN" and ("Fem" in gender) != feminine:
        return None  # "Le groupe a indiqué qu'elle …": someone else
    keys = {m.key for m in mentions if m.key in entities and m.start <= subject.idx < m.end}
    if not keys and subject.pos_ == "NOUN" and fold(subject.lemma_) in organisation_nouns:
        # "L'association de patients Clarté": the name inside the subject phrase of an organisation noun
        since, until = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
        keys = {m.key for m in mentions if m.key in entities and since <= m.start and m.end <= until}
    if len(keys) != 1:
        return None
    key = next(iter(keys))
    if entities[key]["type"] != "ORG":
        return None
    if any(entities.get(m.key, {}).get("type") == "PERSON" and verb.idx < m.start < pronoun.idx for m in mentions):
        return None
    return key


#: How many clauses up a pronoun's clause may climb to the clause whose subject it continues.
CLIMB = 4


def continued_organisation(doc: Doc, pronoun: Token, mentions: list[ActorMention],
                           entities: dict[str, dict[str, Any]], feminine: bool,
                           organisation_nouns: frozenset[str],
                           person_nouns: frozenset[str] = frozenset()) -> str | None:
    """The organisation subject of the earlier clause of its sentence that a subject pronoun's
    clause hangs on ("Le fonds X a confirmé qu'il continuerait de l'épauler : il a injecté …",
    "Le chantier Y conteste cette version : il a assigné …"), climbing through the clauses the
    parse links (a complement, a coordinated or an adverbial clause, a clause after a colon) to
    the first one whose subject is no pronoun. Same checks as :func:`reporting_organisation`: an
    organisation, of the pronoun's gender when its noun says it, and no person named between
    that subject and the pronoun (who would be in focus instead), nor a person told by a noun of
    ``person_nouns`` (folded: "son directeur financier", "son ancien associé") of the pronoun's
    gender ("X a licencié son directeur pour les fonds qu'il a investis": the director)."""
    if pronoun.dep_ not in LABELS.speaker_subjects:
        return None
    links = LABELS.complement_clauses | LABELS.misparsed_main_clause_links
    clause = pronoun.head
    for _ in range(CLIMB):
        if clause.dep_ == LABELS.relative_clause and clause.head.i < pronoun.i:
            # "X réclame … pour le préjudice qu'il considère avoir subi": a relative on a complement
            # of the clause, its own subject the pronoun, continues X.
            above = _verb_above(clause.head)
            if above is None:
                return None
            clause = above
        elif clause.dep_ not in links or clause.head.i == clause.i or clause.head.i > pronoun.i:
            return None
        else:
            if clause.dep_ == LABELS.conjunct and _reported_under_a_named_subject(clause.head):
                return None  # "X a jugé que Y avait menti, et elle a porté plainte": X may go on
            clause = clause.head
        subject = next((c for c in clause.children if c.dep_ in LABELS.subjects), None)
        if subject is not None and subject.pos_ != "PRON":
            key = _organisation_subject(doc, subject, clause, pronoun, mentions, entities, feminine, organisation_nouns)
            return None if key and _person_told_between(doc, subject, pronoun, feminine, person_nouns) else key
    return None


def _reported_under_a_named_subject(clause: Token) -> bool:
    """Whether ``clause`` is a reported clause ("que Y avait menti") of a verb whose own subject
    is no pronoun ("X a jugé"): a clause coordinated to it may continue either subject."""
    if clause.dep_ not in LABELS.complement_clauses or clause.head.i == clause.i:
        return False
    return any(c.dep_ in LABELS.subjects and c.pos_ != "PRON" for c in clause.head.children)


def _person_told_between(doc: Doc, subject: Token, pronoun: Token, feminine: bool,
                         person_nouns: frozenset[str]) -> bool:
    """Whether a noun of a person ("directeur", "associée") stands between the subject and the
    pronoun, its gender (when the tagger gives one) the pronoun's: that unnamed person may be meant."""
    own = {t.i for t in subject.subtree}  # "Le fonds X, actionnaire de Y, a dit qu'il": X itself
    for token in doc[subject.i + 1 : pronoun.i]:
        if token.i in own or token.pos_ != "NOUN" or fold(token.lemma_) not in person_nouns and fold(token.text) not in person_nouns:
            continue
        gender = token.morph.get("Gender", [])
        if not gender or ("Fem" in gender) == feminine:
            return True
    return False


def _verb_above(noun: Token) -> Token | None:
    """The verb whose complement ``noun`` is, through a few nouns and names ("contre son
    concurrent allemand Y": "porté"), or ``None``."""
    token = noun
    for _ in range(CLIMB):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _organisation_subject(doc: Doc, subject: Token, verb: Token, pronoun: Token, mentions: list[ActorMention],
                          entities: dict[str, dict[str, Any]], feminine: bool,
                          organisation_nouns: frozenset[str]) -> str | None:
    """The one organisation ``subject`` (of ``verb``) names by its name, agreeing with the
    pronoun, with no person nor other organisation named between it and the pronoun; else ``None``. A subject
    that is a description ("le chantier normand") is itself a guess: the pronoun is left to the
    other rules rather than chained to it."""
    gender = subject.morph.get("Gender", [])
    if gender and subject.pos_ == "NOUN" and ("Fem" in gender) != feminine:
        return None
    named = [m for m in mentions if m.key in entities and m.kind == "name"]
    keys = {m.key for m in named if m.start <= subject.idx < m.end}
    if not keys and subject.pos_ == "NOUN" and fold(subject.lemma_) in organisation_nouns:
        since, until = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
        keys = {m.key for m in named if since <= m.start and m.end <= until}
    if len(keys) != 1:
        return None
    key = next(iter(keys))
    if entities[key]["type"] != "ORG":
        return None
    if any(subject.idx < m.start < pronoun.idx and (entities.get(m.key, {}).get("type") == "PERSON"
                                                     or m.key != key and entities.get(m.key, {}).get("type") == "ORG")
           for m in mentions):
        return None  # "La Cnil a sanctionné la société X pour les clients dont elle …": X may be meant
    return key
