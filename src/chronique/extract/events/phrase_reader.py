"""``PhraseReader``: the actors a phrase stands for, with the language's function words.

A phrase may name an actor directly, through a relative pronoun, an apposition, a group
("trois clubs (A, B et C)"), an office ("la direction de Stellantis") or a stake ("les 40 %
détenus par Nestlé dans le capital de Lactalis"). ``syntax.ParseReader`` adds the arguments of
a clause on top of this; the two are apart because a phrase's actors need no clause.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from chronique.extract.actors.groups import GroupLists, group_lists
from chronique.extract.events.appositions import name_after_possessed_noun, person_after_title
from chronique.extract.events.clause_shapes import (
    LABELS,
    OBLIQUE_DEPS,
    climbing_subject,
    preposition,
    preposition_at,
)
from chronique.extract.events.lexicon import EventLexicon
from chronique.extract.events.phrase_names import (
    actor_at,
    continues_complement,
    listed_after_name,
    listed_names,
    lists_on,
    name_after_adjectives,
    name_after_trade,
    name_in_description,
    names_its_head,
    person_named,
    phrase_actors,
)
from chronique.extract.events.sunk_prepositions import after_inserted_phrase, preposition_on_modifier, second_side
from chronique.nlp.actor_index import actor_index
from chronique.nlp.memo import per_token
from chronique.nlp.parse_table import ParseTable, parse_table
from chronique.nlp.tokens import token_table
from chronique.text import fold

if TYPE_CHECKING:
    from chronique.kb import KnowledgeBase

__all__ = ["PhraseReader"]


class PhraseReader:
    """Actors of phrases, with the language's function words (all of them, ``ParseReader``'s too:
    one lexicon read, one place that names them)."""

    def __init__(self, words: EventLexicon, kb: KnowledgeBase | None = None) -> None:
        self.words = words
        self.kb = kb
        self.relative_subject = words.words("syntax", "relative_subject")
        self.relative_object = words.words("syntax", "relative_object")
        self.object_control = words.words("syntax", "object_control")
        self.person_pronouns = words.words("syntax", "person_pronouns")
        self.possessive_relatives = words.words("syntax", "possessive_relatives")
        self.impersonal = words.words("syntax", "impersonal_verbs")
        pairs = (p.split("=", 1) for p in words.words("syntax", "prepositions"))
        self.preposition_forms = {form: full for form, full in pairs}
        #: "encontre" (of "à l'encontre de"): the noun that opens a compound preposition.
        self.compound_preposition_nouns = frozenset(
            form.split()[0] for form in self.preposition_forms if " " in form and form.split()[0] not in self.preposition_forms
            and not form.startswith(("à ", "a ")))
        self.agent_marks = words.words("syntax", "agent_prepositions")
        self.dative_control_marks = words.words("syntax", "dative_control_marks")
        self.dative_prepositions = words.words("syntax", "dative_prepositions")
        self.office_nouns = words.words("syntax", "office_nouns")
        self.holding_verbs = words.words("syntax", "holding_verbs")
        self.gerund_markers = words.words("syntax", "gerund_markers")
        self.adverbial_infinitive_marks = words.words("syntax", "adverbial_infinitive_marks")
        #: "se voir" + infinitive: a passive (`events/seen.py`).
        self.seeing_verbs = words.words("syntax", "seeing_verbs")
        self.purpose_marks = words.words("modality", "purpose_marks")
        self.creation_verbs = words.words("syntax", "creation_verbs")
        self.offer_nouns = words.words("modality", "proposed_nouns")
        self.etre_verbs = words.words("syntax", "etre_verbs")
        self.active_auxiliaries = words.words("syntax", "active_auxiliaries")
        self.aside_nouns = frozenset(fold(w) for w in words.words("syntax", "aside_nouns"))
        self.aside_auxiliaries = words.words("syntax", "aside_auxiliaries")
        #: "été": the participle of "être" the parser may label a copula in a compound passive.
        self.possessives = words.words("syntax", "possessives")
        #: "après", "malgré": prepositions of a circumstance of the verb, never of the deal it ends.
        self.circumstance_marks = words.words("syntax", "circumstance_prepositions")
        #: "lier", "signer": verbs of a relative clause on a deal noun that name its other side.
        self.deal_binding_verbs = words.words("syntax", "deal_binding_verbs")
        #: "de son côté", "à son tour": nouns of discourse adverbials the parser hangs a participle on.
        self.discourse_adverbial_nouns = words.words("syntax", "discourse_adverbial_nouns")
        self.coordinators = words.words("syntax", "coordinators")
        #: "et", "ou", "puis": the words that close a list of names ("A, B et C").
        self.list_coordinators = words.words("syntax", "list_coordinators")
        #: "dont", "notamment": the words after a plural noun's comma that open the names it stands for.
        self.example_marks = words.words("syntax", "example_marks")
        #: "de": the preposition of a complement naming whose thing or office a noun is.
        self.genitive = words.words("syntax", "genitive_prepositions")
        #: "à", "dans": how a part sits within another ("au sein du capital de X").
        self.within = words.words("syntax", "stake_within_prepositions")
        #: "entre": a preposition that takes two sides ("entre A et B").
        self.pair_marks = words.words("syntax", "pair_prepositions")
        #: "elle", "-t-elle": pronoun endings that say a feminine person.
        self.feminine_endings = tuple(sorted(words.words("syntax", "feminine_pronoun_endings")))

    # -- actors of a phrase --------------------------------------------------------------
    @per_token
    def actors(self, head: Token) -> list[str]:
        """Actors denoted by the phrase headed by ``head``: names, relatives, appositions, groups."""
        doc, i = head.doc, head.i
        table, tokens = parse_table(doc), token_table(doc)  # the head's words and children by index
        lists = group_lists(doc.lang_)
        # A list opens with one of its marks ("(") in the sentence: none there, no list to read.
        if table.any_in_sentence(_list_openers(lists), i) and (members := lists.members(head)):
            return members  # "trois clubs (A, B et C)": every listed actor (extract.actors.groups)
        if "Rel" in table.features[i].get("PronType", ()) or tokens.folded[i] in self.relative_subject:
            return self.antecedent(head)
        own = actor_at(head)
        if tokens.pos[i] == "NOUN" and own is None and (members := self._examples(head)):
            return members  # "plusieurs fonds, dont Bpifrance et Eurazeo": the funds named
        # (read only when the head is no actor: every test of it below asks that first)
        named = own is None and _named_by_a_child(head, table)
        restated = name_in_description(head)
        if restated is not None:
            return [restated]
        if actor_at(head) is None and not named and (tokens.folded_lemmas[i] in self.office_nouns or tokens.folded[i] in self.office_nouns):
            # "sa filiale Kolbex/obl(verb)": a part named right after it, wherever the parser hung
            # the name, is that actor, not its owner
            described = name_after_adjectives(head)
            return [described] if described is not None else self.office_holder(head)
        if actor_at(head) is None and not named:
            described = name_after_adjectives(head)
            if described is not None:  # "son concurrent coréen Kia/advmod"
                return [described, *listed_after_name(head, described, self.list_coordinators)]
            traded = name_after_trade(head, self.genitive)
            if traded is not None:  # "la maison de parfums Creed/flat"
                return [traded]
        if actor_at(head) is None and head.pos_ not in ("PROPN", "PRON", "X") and not named:
            # A common noun that is no actor ("une offre", "sa propre entreprise") does not take
            # the actors of its complements or conjuncts: "financer une offre de rachat d'OpenAI"
            # does not fund OpenAI. A noun a name restates ("le groupe Vivendi") is that actor.
            apposed = name_after_possessed_noun(head, self.possessives)  # "son directeur, Jean Martin"
            if apposed is None:
                apposed = person_after_title(head)  # "La ministre des Transports, Élise Marchal/conj, a …"
            return [apposed] if apposed is not None else self._apposed_actor(head)
        person = person_named(head)
        if person is not None:
            return [person]
        found = phrase_actors(head)
        if found and lists_on(head):
            found.extend(k for k in listed_names(head, self.list_coordinators) if k not in found)
        elif len(found) == 1 and named and not table.conjuncts(i) and not table.any_in_sentence(_list_openers(lists), i):
            # "accuse le pétrolier A et le groupe B", "avec la compagnie A et la société B": a
            # noun its name follows goes on into a list as a bare name does (not a bracket that
            # is no list: "Les constructeurs (A et B en tête)").
            found.extend(k for k in listed_after_name(head, found[0], self.list_coordinators) if k not in found)
        if found:
            # "le fonds X et certains actionnaires, dont A et B": a conjunct noun's listed names.
            for conjunct in head.conjuncts:
                if conjunct.pos_ == "NOUN" and actor_at(conjunct) is None:
                    found.extend(k for k in self._examples(conjunct) if k not in found)
        return found

    def _examples(self, noun: Token) -> list[str]:
        """"plusieurs fonds, dont Bpifrance et Eurazeo", "certains actionnaires historiques,
        notamment A": the names a plural common noun introduces after its comma stand for it (the
        parser hangs "dont A" as a relative clause, "notamment A" anywhere)."""
        doc = noun.doc
        table = parse_table(doc)  # read by index: no Span per sentence, no Token per word tried
        if "Plur" not in table.features[noun.i].get("Number", ()):
            return []
        tokens, end, i = token_table(doc), table.sentence_bounds(noun.i)[1], noun.i + 1
        while i < end and tokens.pos[i] == "ADJ" and table.heads[i] == noun.i:
            i += 1  # "certains actionnaires historiques, dont …"
        if i + 1 >= end or tokens.texts[i] != "," or tokens.folded[i + 1] not in self.example_marks:
            return []
        i += 2
        while i < end and tokens.folded[i] in self.example_marks:
            i += 1  # "parmi lesquels"
        if i >= end or actor_at(doc[i]) is None:
            return []
        name = doc[i]
        while name.dep_ in LABELS.name_parts and name.head != name:
            name = name.head
        return phrase_actors(name)

    def office_holder(self, office: Token) -> list[str]:
        """The organisation an office belongs to: "la direction de Stellantis", "son poste de
        PDG d'Amazon", "la tête du groupe Renault" stand for that organisation."""
        level = [office]
        for _ in range(3):
            # "poste de PDG d'Amazon": one more "de" down; "tour de table de Mistral AI": the
            # parser hangs both complements on "tour".
            level = [c for token in level for c in token.children
                     if c.dep_ == LABELS.nominal_modifier and (preposition(c, self.preposition_forms) in self.genitive
                                                               or self._stake_within(c))]
            for complement in level:
                found = self.actors(complement)
                if found:
                    return found + [k for k in self._complement_conjuncts(office) if k not in found]
        return self._held_in(office) or self._own_office(office)

    def _stake_within(self, complement: Token) -> bool:
        """"14 % au sein du capital de X", "5 % dans le capital de X": a part within another."""
        return fold(complement.lemma_) in self.office_nouns and (
            preposition(complement, self.preposition_forms) in self.within)

    def _held_in(self, stake: Token) -> list[str]:
        """"les 40 % détenus par Nestlé dans le capital de Lactalis": a stake held in a company
        stands for that company."""
        for participle in stake.children:
            if participle.dep_ == LABELS.clausal_modifier and fold(participle.lemma_) in self.holding_verbs:
                for phrase in self.obliques(participle, "dans"):
                    found = self.actors(phrase)
                    if found:
                        return found
        return []

    def _complement_conjuncts(self, office: Token) -> list[str]:
        """"les gouvernements des États-Unis et de la Chine": the parser hangs the second
        complement, with its own "de", on the office noun as a conjunct; it is a complement."""
        return [key for c in office.conjuncts
                if c.head == office and c.i > office.i
                and preposition(c, self.preposition_forms) in self.genitive
                for key in self.actors(c)]

    def _own_office(self, office: Token) -> list[str]:
        """"Axel Dauchez, président de Deezer, va quitter son poste": an office with a
        possessive belongs to the organisation its holder's apposed title names."""
        if not any(fold(c.text) in self.possessives and c.i < office.i for c in office.children):
            return []
        holder = climbing_subject(office.head)
        return self.holder_office(holder) if holder is not None else []

    def holder_office(self, holder: Token) -> list[str]:
        """The organisation of the title a clause's subject holds in its own phrase: "Axel
        Dauchez, président de Deezer," (an apposed title) or "Le PDG de Renault, Luca de Meo,"
        (a title with the name apposed)."""
        titles = [c for c in holder.children if c.dep_ == LABELS.apposition and c.pos_ == "NOUN"]
        if holder.pos_ == "NOUN" and any(c.dep_ in LABELS.misparsed_title_name_links and c.pos_ == "PROPN" for c in holder.children):
            titles.insert(0, holder)  # "Le PDG de Renault, Luca de Meo, a démissionné de ses fonctions"
        titles += [c for t in titles for c in t.conjuncts]
        for title in titles:
            found = self.office_holder_of_title(title)
            if found:
                return found
        return []

    def office_holder_of_title(self, title: Token) -> list[str]:
        """The organisation a title's "de" complements name ("président du conseil de X")."""
        level = [title]
        for _ in range(3):
            level = [c for token in level for c in token.children
                     if c.dep_ == LABELS.nominal_modifier and preposition(c, self.preposition_forms) in self.genitive]
            for complement in level:
                key = actor_at(complement) or name_after_adjectives(complement)
                if key:
                    return [key]
        return []

    def owner(self, head: Token) -> list[str]:
        """Whose thing a noun names: "l'investissement de Microsoft", "la décision d'Apple"."""
        if head.pos_ not in ("NOUN",):
            return []
        for child in head.children:
            if child.dep_ == LABELS.nominal_modifier and preposition(child, self.preposition_forms) in self.genitive:
                return self.actors(child)
        return []

    def antecedent(self, relative: Token) -> list[str]:
        """What a relative pronoun stands for.

        The parser often hangs "Microsoft, qui reste ..." from an earlier noun; the name right
        before the pronoun (over a comma) is the better antecedent when it is an actor.
        """
        # "TF1, avec qui X a signé": a preposition opens the relative phrase; look before it.
        opening = relative.left_edge.i if all(
            t.dep_ in LABELS.introducers for t in relative.doc[relative.left_edge.i : relative.i]) else relative.i
        before = opening - 1
        while before >= 0 and relative.doc[before].is_punct:
            before -= 1
        if before >= 0 and before < opening - 2:
            before = -1
        clause = relative.head
        if before >= 0 and relative.doc[opening - 1].text == "," and clause.dep_ == LABELS.relative_clause and _inside_apposition(relative.doc[before], clause.head):
            # "Philippe Brassac, directeur général du Crédit Agricole, qui a salué …": the
            # relative hangs on the person the apposition describes, not on its complement.
            key = actor_at(clause.head)
            if key:
                return [key]
        if before >= 0:
            key = actor_at(relative.doc[before])
            if key and clause.dep_ == LABELS.relative_clause and relative.doc[before] in clause.head.conjuncts:
                return phrase_actors(clause.head)  # "Renault et Peugeot, qui ...": both
            if key:
                return [key]
        if clause.dep_ == LABELS.relative_clause and clause.head != clause:
            return phrase_actors(clause.head)
        return []

    def _apposed_actor(self, head: Token) -> list[str]:
        """"xAI, sa propre entreprise": a noun the parser made a sibling of an actor it restates."""
        if head.pos_ != "NOUN":
            return []
        if head.dep_ == LABELS.apposition:
            return phrase_actors(head.head)
        comma = head.left_edge.i - 1
        if comma < 1 or not head.doc[comma].is_punct:
            return []
        for sibling in head.head.children:
            if sibling.dep_ == head.dep_ and sibling.right_edge.i + 1 == comma:
                return phrase_actors(sibling)
            # "Qatar Sports Investments/obl, le propriétaire du PSG/nsubj, a annoncé": the name
            # the subject restates, opening the sentence, hung as a bare oblique.
            if head.dep_ == LABELS.subject and sibling.i == head.sent.start and sibling.right_edge.i + 1 == comma and (
                    sibling.dep_.startswith(LABELS.oblique_prefix) or sibling.dep_ in LABELS.stray_name_links) and not any(
                    c.dep_ in LABELS.introducers for c in sibling.children) and actor_at(sibling) is not None:
                return phrase_actors(sibling)
        return []

    def obliques(self, head: Token, prep: str) -> Iterator[Token]:
        """Complements of ``head`` introduced by ``prep`` ("contre OpenAI", "du projet")."""
        doc = head.doc
        table = parse_table(doc)
        deps, folded = table.deps, token_table(doc).folded
        forms = self.preposition_forms
        for index in table.children[head.i]:
            dep = deps[index]
            if dep in OBLIQUE_DEPS and preposition_at(doc, index, forms) == prep:
                child = doc[index]
                yield child
                # The siblings that begin right after the phrase: a phrase begins at or before its
                # head, so only the siblings from there on are built as tokens.
                after = child.right_edge.i + 1
                following = [doc[s] for s in table.children[head.i] if s >= after]
                # "du Suédois Spotify": the name after a demonym, hung on ``head`` beside it.
                yield from (s for s in following if s.left_edge.i == after and continues_complement(s))
                # "en collaboration avec le groupe A et/cc le fonds B/conj": the parser hangs the
                # second complement on ``head`` as its conjunct.
                yield from (s for s in following if s.left_edge.i == after
                            and s.left_edge.pos_ == "CCONJ" and s.i in table.conjuncts(head.i) and s.pos_ in ("NOUN", "PROPN")
                            and not any(deps[c] in LABELS.introducers for c in table.children[s.i]))
                # "avec des opérateurs, ainsi qu'avec le réseau X": a conjunct with its own "avec".
                yield from (doc[c] for c in table.conjuncts(index) if c > index and preposition_at(doc, c, forms) == prep)
                # … which the parser may make a conjunct of ``head`` itself (a noun, not a clause).
                yield from (s for s in following if s.pos_ in ("NOUN", "PROPN") and s.i in table.conjuncts(head.i)
                            and preposition_at(doc, s.i, forms) == prep)
                if prep in self.pair_marks:
                    # "le partenariat entre Renault et Nissan/nsubj(verb) a été renouvelé": "entre"
                    # takes two sides; a name right after its phrase's "et" is the second one,
                    # and so is a conjunct of the phrase with no preposition of its own
                    # ("entre Renault et Geely/conj(Renault)").
                    yield from second_side(child, self.coordinators)
                    yield from (doc[c] for c in table.conjuncts(index) if c > index and preposition_at(doc, c, forms) is None)
                continue
            if dep in OBLIQUE_DEPS and folded[index] in self.compound_preposition_nouns:
                # "les critiques de X à l'encontre/nmod du groupe Y/nmod(encontre)": the noun of a
                # compound preposition carries the phrase it introduces.
                yield from (doc[g] for g in table.children[index] if g > index and preposition_at(doc, g, forms) == prep)
            if dep in (*OBLIQUE_DEPS, LABELS.adverbial_modifier):
                # "déposée par X, auprès de la Commission, contre Y": a complement that follows the
                # comma closing an inserted phrase is the verb's, though the parser hung it on
                # the inserted phrase's noun.
                yield from after_inserted_phrase(doc, index, prep, forms)
            if dep in (LABELS.object, *OBLIQUE_DEPS) and preposition_on_modifier(doc, index, self.preposition_forms) == prep:
                # "s'allier avec le néerlandais/amod AgroNed/obj": the preposition sank into the
                # adjective before the name.
                yield doc[index]
            elif dep in (LABELS.adverbial_modifier, LABELS.clausal_modifier) and folded[index] == prep:
                # "levé 600 millions auprès/advmod de Nvidia", "une commande … auprès/acl de la
                # compagnie Y": the phrase hangs on the adverb that begins the compound preposition.
                yield from (g for g in doc[index].children if g.dep_ in OBLIQUE_DEPS
                            and preposition(g, self.preposition_forms) == prep)
            elif dep == LABELS.object and prep in folded[doc[index].left_edge.i : doc[index].right_edge.i + 1]:
                # "remporté un contrat de 2 milliards d'euros auprès/dep de la SNCF": the adverb
                # that begins the compound preposition sinks into the object's complements.
                for adverb in doc[index].subtree:
                    if adverb.pos_ == "ADV" and adverb.dep_ in (LABELS.adverbial_modifier, LABELS.unspecified) \
                            and fold(adverb.text) == prep and adverb.head != head:
                        yield from (g for g in adverb.children if g.dep_ in OBLIQUE_DEPS
                                    and preposition(g, self.preposition_forms) == prep)


def _named_by_a_child(head: Token, table: ParseTable) -> bool:
    """Whether a child after ``head`` names it and is an actor ("le groupe Vivendi"): a ``Token``
    only for the children an actor's mention covers."""
    index = actor_index(head.doc)
    for child in table.children[head.i]:
        if child > head.i and (mention := index.mention_at_index(child)) is not None and mention.key \
                and names_its_head(head.doc[child]):
            return True
    return False


@cache
def _list_openers(lists: GroupLists) -> frozenset[str]:
    """The marks that open a list of names, as written and folded (as the parse table's
    sentence words hold them)."""
    return frozenset(lists.openers) | frozenset(fold(mark) for mark in lists.openers)


def _inside_apposition(name: Token, head: Token) -> bool:
    """Whether ``name`` is a complement inside an apposition of ``head`` ("X, directeur de
    Y"), or of ``head`` when ``head`` is itself the apposed noun ("X, ancien patron de Y")."""
    node, apposed = name, head.dep_ == LABELS.apposition
    for _ in range(6):
        if node == head:
            return apposed and name.i > head.i
        if node.head == node:
            return False
        apposed = apposed or node.dep_ == LABELS.apposition
        node = node.head
    return False
