"""The ``chronique_money`` component: ``doc._.money``, every amount of the text.

Amounts stated with their currency come from :mod:`.amounts`; amounts whose currency the
article named before ("Netflix va débourser près de 83 milliards") from :mod:`.elliptical`.
Both are pure functions over the text, so :func:`find_money` needs no spaCy.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from chronique.extract.money.amounts import find_stated_money
from chronique.extract.money.elliptical import compile_elliptical, elliptical_amounts
from chronique.model import Money
from chronique.nlp.extensions import register_extensions, text_of

__all__ = ["find_money", "make_money_finder", "MoneyFinder"]

register_extensions()


def find_money(text: str, lang: str) -> list[Money]:
    """Every money amount in ``text``, in order, with character offsets into ``text``.

    ``lang`` names the lexicon (``resources/lexicons/<lang>/money.toml``).
    """
    stated = find_stated_money(text, lang)
    implied = elliptical_amounts(text, stated, lang)
    if not implied:
        return stated
    return sorted(stated + implied, key=lambda m: (m.start, m.end))


class MoneyFinder:
    """The ``chronique_money`` component: ``doc._.money`` from :func:`find_money` on ``doc.text``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        find_money("", lang)  # fail at pipeline build time, not on the first document
        compile_elliptical(lang)  # "" states no amount, so it never reaches these patterns

    def __call__(self, doc: Doc) -> Doc:
        doc._.money = find_money(text_of(doc), self.lang)
        return doc


@Language.factory(
    "chronique_money",
    default_config={"lang": "fr"},
    assigns=["doc._.money"],
)
def make_money_finder(nlp: Language, name: str, lang: str) -> MoneyFinder:
    """Build the money component for ``lang`` (the lexicon language, not ``nlp.lang``)."""
    return MoneyFinder(lang)
