"""One language's quote lexicon, compiled once per process.

The words live in ``resources/lexicons/<lang>/quotes.toml`` and, for the reporting verbs with their
frames, ``reporting_verbs.toml`` (principle 4: language is data); this module only turns them into
sets and regular expressions. Text is matched after unifying
apostrophes with :func:`chronique.text.unify_apostrophes`, which keeps every character offset unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chronique.data import lexicon
from chronique.text import fold, unify_apostrophes

__all__ = ["QuoteRules", "load_quote_rules"]


def _alternation(phrases: list[str]) -> str:
    """A regex alternation of phrases, longest first, whose spaces match any run of spaces."""
    ordered = sorted({unify_apostrophes(p) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def _word_bounded(phrases: list[str]) -> str:
    """An alternation that does not start inside a word, nor end inside one unless it ends in '."""
    return rf"(?<!\w)(?:{_alternation(phrases)})(?:(?<=')|(?!\w))"


@dataclass(frozen=True)
class QuoteRules:
    """Everything language-specific the quote finder needs, ready to use."""

    lang: str
    marks: tuple[tuple[str, str], ...]
    incise_punctuation: frozenset[str]
    incise_reach: int
    cue_lemmas: frozenset[str]
    cue_forms: frozenset[str]
    #: "s'agacer": speech verbs only in their pronominal form.
    reflexive_cue_lemmas: frozenset[str]
    #: "faire valoir", "mettre en garde": several lemmas in a row.
    locutions: tuple[tuple[str, ...], ...]
    #: "une source", "un proche": a subject that hides the speaker.
    anonymous_speakers: frozenset[str]
    #: "porte-parole", "avocat": who speaks for the actor they belong to.
    voice_nouns: frozenset[str]
    #: "porte-parole": a voice that, without its owner, speaks for the organisation in focus.
    spokesperson_nouns: frozenset[str]
    #: "la direction": a body that, without its owner, speaks for the one owner the article gave it.
    body_nouns: frozenset[str]
    #: "celle" ("la direction de X et celle de Y"): pronouns that repeat a body noun with another owner.
    demonstratives: frozenset[str]
    #: "communiqué", "requête": documents that speak for their author.
    document_nouns: frozenset[str]
    #: "lire" ("peut-on y lire"): a verb whose subject "on" reads a document.
    document_readers: frozenset[str]
    #: "C'est par ces mots que": a sentence after a quote that takes its words up, its subject the speaker.
    taken_up_opening: re.Pattern[str]
    #: "-il", "-elle": the subject pronoun of an inverted incise.
    inverted_pronouns: frozenset[str]
    #: ("é", "er"): past participle endings and their infinitive endings.
    participle_endings: tuple[tuple[str, str], ...]
    #: "par", "by": the preposition of the agent of a passive verb.
    agent_prepositions: frozenset[str]
    #: "selon", "d'après", "according to": the actor right after it is the speaker.
    source_phrase: re.Pattern[str]
    #: "Pour X, …": a phrase that names the source only when it opens the sentence.
    opening_source_phrase: re.Pattern[str]
    #: "Sur l'UEFA : « … »": words that open an answer's topic (matched at the start of a window).
    topic_opening: re.Pattern[str]
    #: "intitulé", "baptisé": matches a window that ends with such a word (then a quote opens).
    title_cue_at_end: re.Pattern[str]
    #: "sur", "à", "on": matches a window ending with a preposition (the actor after it is a venue).
    venue_at_end: re.Pattern[str]
    #: Words whose final dot does not end a sentence ("M.", "Dr.").
    abbreviations: frozenset[str]
    #: "voix" ("par la voix de son président X"): the named person speaks for the subject.
    voice_channels: frozenset[str] = frozenset()
    #: "par", "sous": the prepositions that open such a channel.
    channel_prepositions: frozenset[str] = frozenset()
    #: ("ant", "er"): present participle endings and their infinitive endings.
    present_participle_endings: tuple[tuple[str, str], ...] = ()
    #: "les", "la": object pronouns a present participle follows ("les qualifiant").
    participle_object_pronouns: frozenset[str] = frozenset()
    #: ("e", "er"): present-tense endings and their infinitive endings.
    finite_endings: tuple[tuple[str, str], ...] = ()
    #: "chez": "assure-t-on chez Renault" is Renault's word.
    impersonal_hosts: frozenset[str] = frozenset()
    #: "côté", "entourage": "on estime du côté de Velora" is Velora's word.
    impersonal_host_nouns: frozenset[str] = frozenset()
    #: "dans": "peut-on lire dans le rapport de X" is X's.
    impersonal_document_marks: frozenset[str] = frozenset()
    #: ("de", "son", "côté"): asides between a subject and its verb ("X a de son côté dénoncé").
    subject_asides: tuple[tuple[str, ...], ...] = ()
    #: "avoir", "être": an auxiliary the tagger may read as a verb between a subject and its verb.
    auxiliary_lemmas: frozenset[str] = frozenset()
    #: "en": the word that makes a present participle a gerund ("tout en assurant que"), whose
    #: subject is the main clause's.
    gerund_markers: frozenset[str] = frozenset()
    #: "ancien", "ex": a description of a former role ("l'ancien défenseur") takes up the person
    #: the sentence before is about.
    former_markers: frozenset[str] = frozenset()

    def is_cue_word(self, lemma: str, form: str) -> bool:
        """Whether a token (by lemma or surface form) is a speech verb."""
        return lemma.lower() in self.cue_lemmas or fold(form) in self.cue_forms

    def is_cue_participle(self, form: str, present: bool = False) -> bool:
        """"martelé" (or, ``present``, "qualifiant") misread by the tagger: a participle of a
        speech verb, by its ending."""
        return self._ends_like_cue(form, self.present_participle_endings if present else self.participle_endings)

    def is_cue_finite(self, form: str) -> bool:
        """"reproche" left unlemmatized by the lemmatizer: a present-tense form of a speech verb,
        by its ending."""
        return self._ends_like_cue(form, self.finite_endings)

    def is_reflexive_cue_finite(self, form: str) -> bool:
        """"s'indigne", "s'enthousiasme" read as an adjective or a noun: a present-tense form of
        a pronominal speech verb (or of any speech verb), by its ending; only for a word right
        after its reflexive pronoun."""
        return self._ends_like_cue(form, self.finite_endings, self.cue_lemmas | self.reflexive_cue_lemmas)

    def _ends_like_cue(self, form: str, endings: tuple[tuple[str, str], ...],
                       lemmas: frozenset[str] | None = None) -> bool:
        word = fold(form)
        known = self.cue_lemmas if lemmas is None else lemmas
        return any(
            word.endswith(ending) and _infinitive_stems(word[: -len(ending)], infinitive) & known
            for ending, infinitive in endings
        )

    def last_sentence_end(self, text: str, start: int, end: int) -> int:
        """Offset right after the last sentence end in ``text[start:end]``, or ``start``."""
        found = start
        for match in _TERMINAL.finditer(text, start, end):
            if not self._is_abbreviation(text, match.start()):
                found = match.end()
        return found

    def first_sentence_end(self, text: str, start: int, end: int) -> int:
        """Offset of the first sentence end in ``text[start:end]``, or ``end``."""
        for match in _TERMINAL.finditer(text, start, end):
            if not self._is_abbreviation(text, match.start()):
                return match.start()
        return end

    def _is_abbreviation(self, text: str, dot: int) -> bool:
        if text[dot] != ".":
            return False
        word = _LAST_WORD.search(text, max(0, dot - 12), dot + 1)
        if word is None:
            return False
        return word.group() in self.abbreviations or bool(_INITIAL.fullmatch(word.group()))


_TERMINAL = re.compile(r"[.!?…]+(?=\s)")
_LAST_WORD = re.compile(r"\S+$")
_INITIAL = re.compile(r"(?:\w\.-?)+")  # "J.", "J.-C.": initials, not sentence ends


@cache
def _infinitive_stems(stem: str, infinitive: str) -> set[str]:
    """The infinitives a stem may come from: "tempèr" + "er" is "tempérer" too (the grave accent
    of "tempère", "répète", "concède" is an acute one in the infinitive)."""
    found = {stem + infinitive}
    grave = stem.rfind("è")
    if grave >= 0:
        found.add(stem[:grave] + "é" + stem[grave + 1 :] + infinitive)
    return found


def load_quote_rules(lang: str) -> QuoteRules:
    """The compiled rules of ``lang`` (read and compiled once)."""
    words = lexicon(lang, "quotes")
    try:
        verbs = lexicon(lang, "reporting_verbs")
    except FileNotFoundError:
        verbs = {}
    return QuoteRules(
        lang=lang,
        marks=tuple((opening, closing) for opening, closing in words["marks"]),
        incise_punctuation=frozenset(words["incise_punctuation"]),
        incise_reach=int(words["incise_reach"]),
        cue_lemmas=frozenset(fold(v) for v in [*words.get("cue_verbs", []), *verbs.get("verbs", [])]),
        cue_forms=frozenset(fold(v) for v in [*words.get("cue_forms", []), *verbs.get("cue_forms", [])]),
        reflexive_cue_lemmas=frozenset(fold(v) for v in verbs.get("reflexive_verbs", [])),
        locutions=tuple(tuple(fold(unify_apostrophes(p)).replace("'", "' ").split()) for p in verbs.get("locutions", [])),
        anonymous_speakers=frozenset(fold(v) for v in verbs.get("anonymous_speakers", [])),
        voice_nouns=frozenset(fold(v) for v in verbs.get("voice_nouns", [])),
        spokesperson_nouns=frozenset(fold(v) for v in verbs.get("spokesperson_nouns", [])),
        body_nouns=frozenset(fold(v) for v in verbs.get("body_nouns", [])),
        demonstratives=frozenset(fold(v) for v in verbs.get("demonstratives", [])),
        document_nouns=frozenset(fold(v) for v in verbs.get("document_nouns", [])),
        document_readers=frozenset(fold(v) for v in verbs.get("document_readers", [])),
        inverted_pronouns=frozenset(fold(v) for v in verbs.get("inverted_pronouns", [])),
        participle_endings=tuple((e, i) for e, i in verbs.get("participle_endings", [])),
        # "traité d'« escroc » par X": the one list of agent prepositions, in the references lexicon
        agent_prepositions=frozenset(w.lower() for w in lexicon(lang, "references")["agent_prepositions"]),
        source_phrase=re.compile(_word_bounded(words["source_phrases"]), re.IGNORECASE),
        opening_source_phrase=re.compile(
            r"\s*" + _word_bounded(words["opening_source_phrases"]), re.IGNORECASE
        ),
        taken_up_opening=re.compile(r"\s*" + _word_bounded(words.get("taken_up_openings", ["\x00"])), re.IGNORECASE),
        topic_opening=re.compile(r"\s*" + _word_bounded(words["topic_prepositions"]), re.IGNORECASE),
        title_cue_at_end=re.compile(_word_bounded(words["title_cues"]) + r"\s*:?\s*$", re.IGNORECASE),
        venue_at_end=re.compile(
            _word_bounded(words["venue_prepositions"]) + r"(?:\s*[^\s,;:.!?]+){0,2}?\s*$", re.IGNORECASE
        ),
        abbreviations=frozenset(words["abbreviations"]),
        voice_channels=frozenset(fold(v) for v in words.get("voice_channels", [])),
        channel_prepositions=frozenset(fold(v) for v in words.get("channel_prepositions", [])),
        present_participle_endings=tuple(
            (fold(e), fold(i)) for e, i in verbs.get("present_participle_endings", [])
        ),
        participle_object_pronouns=frozenset(
            fold(unify_apostrophes(p)) for p in verbs.get("participle_object_pronouns", [])
        ),
        finite_endings=tuple((fold(e), fold(i)) for e, i in verbs.get("finite_endings", [])),
        impersonal_hosts=frozenset(fold(w) for w in words.get("impersonal_hosts", [])),
        impersonal_host_nouns=frozenset(fold(w) for w in words.get("impersonal_host_nouns", [])),
        impersonal_document_marks=frozenset(fold(w) for w in words.get("impersonal_document_marks", [])),
        subject_asides=tuple(tuple(fold(unify_apostrophes(a)).replace("'", "' ").split())
                             for a in words.get("subject_asides", [])),
        auxiliary_lemmas=frozenset(words.get("auxiliary_lemmas", [])),
        gerund_markers=frozenset(fold(w) for w in words.get("gerund_markers", [])),
        former_markers=frozenset(fold(w) for w in words.get("former_markers", [])),
    )
