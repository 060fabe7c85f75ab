"""Grammatical gender of a description and of a person's first name ("la ministre" is not Julien
Mercier): a feminine description never stands for a man. The masculine is also the generic form
("le PDG, Anne Roux"), so it says nothing.

The description's gender is its determiner's (``references.toml`` [genders]); the person's is
their first name's, when the first-name lexicon lists it as only masculine or only feminine
("Dominique", "Camille" say nothing).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from chronique.data import lexicon
from chronique.nlp.memo import per_lexicon
from chronique.text import fold

__all__ = ["agrees", "description_gender"]


@cache
def _determiners(lang: str) -> dict[str, str]:
    """Each gendered determiner, folded, with its gender ("f" or "m")."""
    genders = lexicon(lang, "references").get("genders", {})
    found = {fold(d): "f" for d in genders.get("feminine_determiners", [])}
    found.update({fold(d): "m" for d in genders.get("masculine_determiners", [])})
    return found


def description_gender(lang: str, determiner: str) -> str | None:
    """"f" after "la"/"sa", "m" after "le"/"ce", ``None`` after "l'" or "son"."""
    return _determiners(lang).get(fold(determiner))


@per_lexicon
def _first_name_genders(words: dict[str, Any]) -> dict[str, str]:
    """Each first name of one gender only, with it: made once per lexicon."""
    names = words.get("first_names", {})
    masculine, feminine = set(names.get("m", [])), set(names.get("f", []))
    genders = {n: "m" for n in masculine - feminine}
    genders.update({n: "f" for n in feminine - masculine})
    return genders


def person_gender(name: str, words: dict[str, Any]) -> str | None:
    """The gender of a person's name by its first name ("Julien Mercier": "m"; "Anne-Sophie
    Martin" by "Anne"), ``None`` when the first name is unknown or used for both."""
    genders = _first_name_genders(words)
    first = name.split(" ")[0]
    return genders.get(first) or genders.get(first.split("-")[0])


def agrees(gender: str | None, entity: dict[str, Any], words: dict[str, Any]) -> bool:
    """Whether a description of ``gender`` may stand for ``entity`` (an actor record, its names
    counted under "names"): always, unless it is feminine and the person's first names are a man's."""
    if gender != "f" or entity.get("type") != "PERSON":
        return True  # the masculine is also the generic form ("le PDG, Anne Roux"; "Madame le ministre")
    said = {g for name in entity.get("names", ()) if (g := person_gender(str(name), words)) is not None}
    return not said or gender in said
