"""Which language a document is written in, when its record does not say.

The pipeline must know the language before it can pick a model; records usually carry it, plain
text files do not. ``py3langid`` is a small, deterministic classifier that ships its model in
the package (no download). It is restricted to the languages listed as ``detectable`` in
``resources/pipelines.toml``: unrestricted, it reads a short French sentence as Aragonese.

Short texts full of names are ambiguous ("Mark Zuckerberg dirige Meta depuis 2004." scores
Swedish 0.17, French 0.11). When the detector is unsure, a language chronique has a pipeline for
that comes close to the best guess is preferred: rejecting a French note as Swedish helps no one.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from chronique.data import load_toml

__all__ = ["detect_language", "SAMPLE_CHARS"]

SAMPLE_CHARS = 4000
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


def detect_language(text: str, preferred: Collection[str] = ()) -> str:
    """ISO 639-1 code of the text's language (``"fr"``, ``"en"``…).

    ``preferred`` are the languages that have a pipeline; they win close calls.
    """
    ranking = _identifier().rank(text[:SAMPLE_CHARS])
    best, best_probability = ranking[0]
    if best_probability < SURE_PROBABILITY and best not in preferred:
        for language, probability in ranking[1:]:
            if probability < best_probability * CLOSE_RATIO:
                break
            if language in preferred:
                return str(language)
    return str(best)
