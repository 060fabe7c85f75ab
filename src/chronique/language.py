"""Which language a document is written in, when its record does not say.

The pipeline must know the language before it can pick a model; records usually carry it, plain
text files do not. ``py3langid`` is a small, deterministic classifier that ships its model in
the package (no download). Only the first few thousand characters are looked at: that is plenty
for a news article and keeps detection cheap on huge files.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["detect_language", "SAMPLE_CHARS"]

SAMPLE_CHARS = 4000


@lru_cache(maxsize=1)
def _identifier():
    import py3langid

    return py3langid


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (``"fr"``, ``"en"``…)."""
    language, _score = _identifier().classify(text[:SAMPLE_CHARS])
    return str(language)
