"""The ``chronique_timex`` component: temporal expressions as TIMEX3, in ``doc._.timexes``.

The work is done by the pure function :func:`chronique.extract.timex.tag`; this component only adds
what a parsed ``Doc`` knows and plain text does not: the publication date (``doc._.dct``, set by
the pipeline before it runs) and the tense of each clause, which tells whether "lundi" is the
Monday before or after the publication date.
"""

from __future__ import annotations

from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

from chronique.data import lexicon
from chronique.extract.timex import tag
from chronique.extract.timex.tense import ClauseTense
from chronique.nlp.extensions import register_extensions, text_of

__all__ = ["TimexTagger", "make_timex_tagger"]

register_extensions()


def _as_date(value: object) -> date | None:
    """``doc._.dct`` as a ``date`` (a ``datetime`` or an ISO string are accepted too)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


class TimexTagger:
    """Sets ``doc._.timexes`` to the list of :class:`chronique.model.Timex` found in the text."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        tense = lexicon(lang, "timex").get("tense", {})
        self.future_auxiliaries = tuple(tense.get("future_auxiliaries", []))
        self.prospective_participles = tuple(tense.get("prospective_participles", []))

    def __call__(self, doc: Doc) -> Doc:
        # ClauseTense answers "unknown" by itself on a Doc that was not tagged and parsed.
        tense_of = ClauseTense(doc, self.future_auxiliaries, self.prospective_participles)
        doc._.timexes = tag(text_of(doc), _as_date(doc._.dct), self.lang, tense_of=tense_of)
        return doc


@Language.factory(
    "chronique_timex",
    default_config={"lang": "fr"},
    assigns=["doc._.timexes"],
    # doc._.dct, the publication date, is an input the caller sets before the pipeline runs,
    # not an attribute an earlier component assigns: spaCy's ``requires`` cannot list it.
    requires=["doc.sents", "token.dep", "token.pos", "token.lemma", "token.morph"],
)
def make_timex_tagger(nlp: Language, name: str, lang: str) -> TimexTagger:
    """Build the temporal tagger for ``lang`` (its rules: ``resources/lexicons/<lang>/timex.toml``)."""
    return TimexTagger(lang)
