"""Which language a document is written in, when its record does not say.

The pipeline must know the language before it can pick a model; records usually carry it, plain
text files do not. ``py3langid`` is a small, deterministic classifier that ships its model in
the package (no download). It is restricted to the languages listed as ``detectable`` in
``resources/pipelines.toml``: unrestricted, it reads a short French sentence as Aragonese.

Short texts full of names are ambiguous ("Mark Zuckerberg dirige Meta depuis 2004." scores
Swedish 0.17, French 0.11). When the detector is unsure, a language chronique has a pipeline for
that comes close to the best guess is preferred: rejecting a French note as Swedish helps no one.
And a text too short to tell, or a guess still unsure, gets the run's default language (given by
the caller; ``fallback`` in ``resources/pipelines.toml`` otherwise) rather than the guess.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from chronique.data import load_toml

__all__ = ["detect_language", "fallback_language", "SAMPLE_CHARS", "MIN_LETTERS"]

SAMPLE_CHARS = 4000
#: Fewer letters than this and the text is too short to tell: "Elon Musk et Sam Altman." (19
#: letters) scores Danish 0.26, Norwegian 0.26; a plain sentence of 30 letters is already told.
MIN_LETTERS = 40
#: Below this probability the best guess is not trusted on its own.
SURE_PROBABILITY = 0.5
#: An unsure guess gives way to a preferred language at least this fraction as probable.
CLOSE_RATIO = 0.5


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(load_toml("pipelines.toml")["detectable"])
    return identifier


@lru_cache(maxsize=1)
def fallback_language() -> str:
    """The language of documents that cannot be told (``fallback`` in ``pipelines.toml``)."""
    return str(load_toml("pipelines.toml")["fallback"])


def detect_language(text: str, preferred: Collection[str] = (), default: str | None = None) -> str:
    """ISO 639-1 code of the text's language (``"fr"``, ``"en"``…).

    ``preferred`` are the languages that have a pipeline; they win close calls. ``default`` is
    the answer for a text of fewer than ``MIN_LETTERS`` letters or an unsure guess that no
    preferred language comes close to; without it the best guess is the answer.
    """
    sample = text[:SAMPLE_CHARS]
    if default is not None and sum(character.isalpha() for character in sample) < MIN_LETTERS:
        return default
    ranking = _identifier().rank(sample)
    best, best_probability = ranking[0]
    if best_probability < SURE_PROBABILITY and best not in preferred:
        for language, probability in ranking[1:]:
            if probability < best_probability * CLOSE_RATIO:
                break
            if language in preferred:
                return str(language)
        if default is not None:
            return default
    return str(best)
