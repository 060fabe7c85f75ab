"""What a speaker rule returns, and the settings every speaker rule shares.

Kept apart from the rules (:mod:`~chronique.extract.quotes.speakers`,
:mod:`~chronique.extract.quotes.incise`, :mod:`~chronique.extract.quotes.positions`) so that each
of them can name an attribution without importing the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronique.nlp.labels import dependency_scheme

#: How far up the parse a speech verb may govern the quoted words.
MAX_CLIMB = 7
#: How far (in characters) the actor may stand after "selon", "d'après"...
SOURCE_REACH = 40
#: How many words may stand between a source phrase and its actor ("selon l'entourage de X").
SOURCE_GAP_WORDS = 2
#: Characters that end a phrase: an actor beyond them is not the complement of a source phrase.
PHRASE_BREAKS = frozenset(",;:.!?«»\"“”()")
LABELS = dependency_scheme("ud")
#: Dependency labels (Universal Dependencies and spaCy English) of subjects and agents.
SUBJECT_DEPS = LABELS.speaker_subjects
#: Links by which a verb shares the subject of the verb it hangs on ("s'est contenté de dire").
SHARED_SUBJECT_DEPS = LABELS.shared_subject_links
#: Clauses hanging on a noun ("une décision considérée comme …").
NOUN_CLAUSE_DEPS = LABELS.noun_clauses
#: Dependency labels that mark a passive clause.
PASSIVE_DEPS = LABELS.passive_markers
#: Dependency labels of the person a speech verb is about or addressed to.
ADDRESSEE_DEPS = LABELS.addressees
#: A clause a speech verb governs after it: its own words, so it is no incise of an earlier quote.
OWN_CONTENT_DEPS = LABELS.complement_clauses
#: How many words may end the quote's sentence before its incise's comma ("» espagnol, a dit X").
MAX_TAIL_WORDS = 2
#: How many paragraph breaks may separate an inverted pronoun's quote from the speaker it continues.
CONTINUATION_BREAKS = 4

#: Names of the rules, kept on each attribution for the rules that read neighbours; UNNAMED is
#: an incise whose speaker is someone the article does not name ("estime un délégué").
TITLE, INCISE, CONTINUED, UNNAMED = "title", "incise", "continued", "unnamed"
#: A quote opening the predicate of its subject ("X a « pris acte … »").
PREDICATE = "predicate"


@dataclass(frozen=True)
class Attribution:
    """The speaker of one quote, the cue that tells it and whom the words are about."""

    speaker: str | None
    cue: str | None = None
    about: str | None = None
    #: Which cue shape decided (``TITLE``, ``INCISE``...), or None.
    rule: str | None = None


NOBODY = Attribution(None)
#: An earlier quote's index and its known speaker.
Known = tuple[int, str]
#: A character range [start, end) of the document.
Window = tuple[int, int]
