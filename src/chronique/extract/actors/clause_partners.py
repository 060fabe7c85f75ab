"""The other arguments of a description's own clause: actors it cannot stand for.

"Une plainte a été déposée par Velora contre l'entreprise américaine": the plaintiff is not the
defendant, so "l'entreprise" is not Velora, however recently Velora was named. "Norvane avait
proposé deux milliards pour s'offrir le fabricant de pompes": the subject of "proposé" also
controls "s'offrir", so "le fabricant" is not Norvane. "Helvia a vendu ses parts à Brixel, avec
qui le groupe avait signé un pacte": a relative clause speaks of its antecedent (Brixel) through
its pronoun, so "le groupe" is another actor. A description that is the predicate of a copula
("X est le groupe le plus …") says something of its subject and is left alone by the callers.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from chronique.data import lexicon
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.parse_table import parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["clause_partners"]

LABELS = dependency_scheme("ud")
#: How far up an infinitive or participle clause climbs to the verb whose subject controls it.
MAX_CONTROL_LINKS = 3
#: Clause links through which a verb without a subject of its own shares its governor's.
_CONTROL_LINKS = frozenset({LABELS.open_complement, LABELS.adverbial_clause})
_NON_FINITE = frozenset({"Inf", "Part", "Ger"})


@cache
def _words(lang: str, key: str) -> frozenset[str]:
    """The folded words of ``key`` in the language's ``references`` lexicon (none without one)."""
    try:
        return frozenset(fold(w) for w in lexicon(lang, "references")[key])
    except FileNotFoundError:
        return frozenset()


def clause_partners(noun: Token) -> frozenset[int]:
    """Token positions of the phrases that are other arguments of the clause ``noun`` (a
    description's noun) belongs to: the subject and passive agent of its verb, and of the verbs
    whose subject controls it (their object for verbs of object control: "accuser X de …") or
    that it is coordinated to, when
    the description is not itself in a subject; the antecedent of
    a relative clause it stands in, either way. Empty when the noun hangs on no verb."""
    head, in_subject = noun, False
    while head.pos_ not in ("VERB", "AUX") and not _is_predicate(head):
        if head.dep_ in LABELS.subjects:
            in_subject = True
        if head.head.i == head.i:
            return frozenset()
        head = head.head
    if head.i == noun.i:
        return frozenset()  # "X est le groupe …": a predicate, not a reference
    partners: set[int] = set()
    verb, below = head, None  # below: the infinitive or participle clause climbed from
    for _ in range(MAX_CONTROL_LINKS + 1):
        own_subject = [c for c in verb.children if c.dep_ in LABELS.subjects]
        if not in_subject:
            arguments = own_subject + _agents(verb)
            if below is not None and _object_controlled(verb, below):
                # "X accuse Y de ne pas payer le groupe": Y does not pay, so the group may be X
                arguments = [c for c in verb.children if c.dep_ in LABELS.controlling_objects]
            for argument in arguments:
                partners.update(_named_by(argument))
        antecedent = _antecedent(verb)
        if antecedent is not None:
            partners.add(antecedent.i)  # what its relative pronoun stands for
        controlled = verb.dep_ in _CONTROL_LINKS and _NON_FINITE & set(verb.morph.get("VerbForm", []))
        if own_subject or not (controlled or _shares_conjunct_subject(verb)):
            break
        verb, below = verb.head, verb
    return frozenset(partners)


def _shares_conjunct_subject(verb: Token) -> bool:
    """"Les distributeurs A et B ont retiré les produits et suspendu leurs commandes auprès de
    l'industriel": a verb coordinated to another, with no subject of its own, has that verb's
    subject, which is no more "l'industriel" than it is the first verb's object."""
    return verb.dep_ == LABELS.conjunct and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i


def _is_predicate(token: Token) -> bool:
    """A noun or adjective with a copula: the head of its clause ("X est le premier actionnaire")."""
    return any(c.dep_ == LABELS.copula for c in token.children)


def _agents(verb: Token) -> list[Token]:
    """The passive agent of ``verb``: its ``obl:agent``, or an oblique opened by "par" (the parser
    often labels "déposée par X" otherwise)."""
    prepositions = _words(verb.doc.lang_, "agent_prepositions")
    return [c for c in verb.children if c.dep_ == LABELS.passive_agent or (
        c.dep_.startswith(LABELS.oblique_prefix)
        and any(m.dep_ == LABELS.case_marker and fold(m.text) in prepositions for m in c.children))]


def _antecedent(verb: Token) -> Token | None:
    """The noun a relative clause headed by ``verb`` hangs on: its head for a relative clause, else
    (a relative the parser labelled otherwise, "…, avec qui le groupe aurait formé …") the word
    before the phrase of a relative pronoun after a preposition, past a comma."""
    if verb.dep_ == LABELS.relative_clause:
        return verb.head if _agrees(verb, verb.head) else None
    relative = _relative_pronoun(verb)
    if relative is None or relative.left_edge.i == relative.i:
        return None  # a bare "qui" may agree with a noun further back ("des marges pour X qui serviront")
    i = relative.left_edge.i - 1
    while i >= 0 and verb.doc[i].is_punct:
        i -= 1
    return verb.doc[i] if i >= 0 and verb.doc[i].pos_ in ("PROPN", "NOUN") else None


def _relative_pronoun(verb: Token) -> Token | None:
    """The first relative pronoun of ``verb``'s subtree (in ``Token.subtree`` order) whose clause
    is ``verb``'s, or ``None``. The positions with a relative pronoun are read from the parse
    table's features and the subtree by walking up the heads: most subtrees have none, and a
    ``Token`` is built only for those that do (the subtree is walked in its own order when two
    pronouns qualify)."""
    doc = verb.doc
    tokens, features = token_table(doc), parse_table(doc).features
    found = [i for i in range(verb.left_edge.i, verb.right_edge.i + 1)
             if "Rel" in features[i].get("PronType", ()) and tokens.in_subtree(i, verb.i)
             and _clause_of(doc[i]) == verb.i]
    if len(found) > 1:
        return next((t for t in verb.subtree if t.i in found), None)
    return doc[found[0]] if found else None


def _clause_of(token: Token) -> int:
    """The position of the verb whose clause ``token`` belongs to (the first verb up its heads)."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head.i


def _named_by(argument: Token) -> list[int]:
    """The positions that name an argument: its head word and the names restating it ("le groupe
    Castelmar", "la société, Velora"), not the complements inside its phrase ("les clients de
    Velora ont quitté l'entreprise": the clients are not Velora, but the company may be)."""
    found = [argument.i]
    for child in argument.children:
        bare = child.dep_ == LABELS.nominal_modifier and not any(c.dep_ == LABELS.case_marker for c in child.children)
        glued = child.i == argument.i + 1 and child.text[:1].isupper()  # a name the parser took for a verb
        if child.dep_ in LABELS.naming_links or bare or glued:
            found.extend(range(child.left_edge.i, child.right_edge.i + 1))
        elif child.dep_ == LABELS.conjunct and child.i > argument.i:
            found.extend(_named_by(child))  # "les enseignes A et B ont …": B is an argument too
    return found


def _agrees(verb: Token, antecedent: Token) -> bool:
    """Whether a relative clause whose subject is its pronoun may hang on ``antecedent``: a plural
    verb does not ("des marges pour Velora qui serviront à …": the parser's head is not the
    antecedent)."""
    subject = next((c for c in verb.children if c.dep_ in LABELS.subjects), None)
    if subject is None or "Rel" not in subject.morph.get("PronType", []):
        return True
    finite = [verb, *(c for c in verb.children if c.dep_.startswith(LABELS.auxiliary_prefix))]
    plural = any("Plur" in t.morph.get("Number", []) for t in finite)
    return not plural or "Plur" in antecedent.morph.get("Number", [])


def _object_controlled(verb: Token, clause: Token) -> bool:
    """Whether the object of ``verb`` does what its infinitive ``clause`` says: a verb of object
    control and an infinitive opened by "de" or "à" ("accuser X de …"), not an adverbial one."""
    lang = verb.doc.lang_
    marks = _words(lang, "object_control_marks")
    return fold(verb.lemma_) in _words(lang, "object_control_verbs") and any(
        c.dep_ == LABELS.marker and fold(c.text) in marks for c in clause.children)
