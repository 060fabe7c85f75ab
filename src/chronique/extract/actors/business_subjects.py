"""Unknown capitalised names that are the subject of a business verb are companies.

"Zelvio a levé 3 millions d'euros", "Velia a nommé Anne Roy": a name the knowledge base does not
know, that opens no person's name and is no person's word in the article, doing what companies
do (``actors.toml business_verbs``), is an organisation. The lemmatizer often leaves the verb
of such a sentence as written ("présente"), so its lemma is also rebuilt from its ending
(``verb_endings``).
"""

from __future__ import annotations

from itertools import compress
from typing import Any

from spacy.tokens import Doc, Span, Token

from chronique.extract.actors.names import NamedSpan, is_capitalised, is_name_like
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import token_table

__all__ = ["BusinessSubjects", "lemmas_of_form", "verb_lemmas"]

LABELS = dependency_scheme("ud")
#: How many (lemma, form) answers are kept before the memo starts afresh (bounds memory).
MAX_KNOWN_VERBS = 50_000
_VERB = "VERB"


def verb_lemmas(verb: Token, endings: dict[str, str]) -> set[str]:
    """The tagger's lemma and lemmas rebuilt from the form's ending: the lemmatizer leaves
    "présente" as it is when the parse around an unknown name goes wrong."""
    return lemmas_of_form(verb.lemma_, verb.lower_, endings)


def lemmas_of_form(lemma: str, lower: str, endings: dict[str, str]) -> set[str]:
    """:func:`verb_lemmas` of a verb whose lemma is ``lemma`` and lower-case form ``lower``."""
    found = {lemma, lower}
    for ending, lemma_ending in endings.items():
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            found.add(lower[: -len(ending)] + lemma_ending)
    return found


class BusinessSubjects:
    """The business verbs of one language, read once, and the subjects they make companies."""

    def __init__(self, words: dict[str, Any]) -> None:
        self.business_verbs = frozenset(words["business_verbs"])
        self.verb_endings: dict[str, str] = {ending: lemma for ending, lemma in words["verb_endings"]}
        names = words["first_names"]
        self.first_names = frozenset(names["m"]) | frozenset(names["f"])
        #: (lemma, lower-case form) of a verb → whether it may be a business verb, across documents.
        self._business: dict[tuple[str, str], bool] = {}

    def find(self, doc: Doc, taken: set[int], person_words: set[str]) -> list[NamedSpan]:
        """Unknown capitalised names that are the subject of a business verb: companies.

        ``taken`` are token positions already named; ``person_words`` the words of people's
        names in the article ("Verdier a racheté Kestrel" is the person, not a company).
        """
        found = []
        tokens = token_table(doc)
        pos = tokens.pos
        for i in compress(range(len(pos)), map(_VERB.__eq__, pos)):  # the verbs, picked out without a Python step per word
            if not self._is_business_verb(tokens.lemmas[i], tokens.texts[i].lower()):
                continue
            verb = doc[i]
            for subject in self._subjects(verb):
                if subject.i in taken or not is_capitalised(subject):
                    continue
                if subject.text in person_words or subject.text in self.first_names:
                    continue
                start, end = subject.left_edge.i, subject.i + 1
                # "Le Real Madrid a annoncé": the article opening the sentence is no part of the
                # name (as for the model's names: ``ActorRecognizer._name_article``)
                while start < subject.i and (not is_name_like(doc[start]) or (
                        doc[start].pos_ == "DET" and doc[start].is_sent_start)):
                    start += 1
                while end < len(doc) and is_name_like(doc[end]) and doc[end].head.i == subject.i:
                    end += 1
                if any(t.i in taken or not is_name_like(t) for t in doc[start:end]):
                    continue
                found.append(NamedSpan(Span(doc, start, end, label="ORG"), "ORG", None, True, "pattern"))
        return found

    def _is_business_verb(self, lemma: str, lower: str) -> bool:
        """Whether a verb of this lemma and form is one of the lexicon's business verbs (by any of
        :func:`verb_lemmas`), worked out once per pair of strings."""
        known = self._business.get((lemma, lower))
        if known is None:
            if len(self._business) > MAX_KNOWN_VERBS:
                self._business.clear()
            known = self._business[(lemma, lower)] = bool(
                self.business_verbs & lemmas_of_form(lemma, lower, self.verb_endings))
        return known

    @staticmethod
    def _subjects(verb: Token) -> list[Token]:
        """The verb's proper-noun subjects, by the parse or, where the parser stumbles on an
        unknown word ("Velquor présente Tessaro"), the word that opens the clause right before."""
        subjects = [c for c in verb.children if c.dep_ == LABELS.subject and c.pos_ == "PROPN"]
        before = verb.i - 1
        while before >= 0 and verb.doc[before].pos_ == "AUX":
            before -= 1
        if not subjects and before >= 0 and before < verb.i:
            word = verb.doc[before]
            opens = word.is_sent_start or (word.i > 0 and verb.doc[word.i - 1].is_punct)
            # (an unknown name opening the sentence may be tagged an adjective: "Pfizer/ADJ a annoncé")
            if opens and word.pos_ in ("PROPN", "NOUN", "ADJ", "X") and word.is_alpha:
                subjects.append(word)
        return subjects
