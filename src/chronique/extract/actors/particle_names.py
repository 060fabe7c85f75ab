"""A person's name that the model cut at its particle: "Thibaud Hug de Larauze".

The French model often reads a name with a particle as two persons, "Thibaud Hug" and
"Larauze", and leaves the "de" between them out. A first name and a surname, then only name
particles (``actors.toml: name_particles``: "de", "d'", "de la"...), then one or two capitalised
words the model also took for a person, are one person's name. Only a person of at least two
words before the particle: "la femme de Nicolas" is two people, and "l'élection de Donald
Trump" is no person before the particle at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from chronique.text import fold

__all__ = ["joined_at_particles"]

_PERSON = "PER"
#: Particle words between the two parts ("de", "de la") and words after them ("Larauze").
_MAX_PARTICLES = 2
_MAX_TAIL = 2


def joined_at_particles(ents: Iterable[Span], particles: frozenset[str] | set[str]) -> list[Span]:
    """The model's entities, each person cut at a particle joined with its tail."""
    ents = list(ents)
    joined: list[Span] = []
    skip = False
    for first, second in zip(ents, ents[1:] + [None]):
        if skip:
            skip = False
            continue
        if second is not None and _one_name(first, second, particles):
            joined.append(Span(first.doc, first.start, second.end, label=first.label_))
            skip = True
        else:
            joined.append(first)
    return joined


def _one_name(first: Span, second: Span, particles: frozenset[str] | set[str]) -> bool:
    if first.label_ != _PERSON or second.label_ != _PERSON or len(first) < 2 or len(second) > _MAX_TAIL:
        return False
    if not 0 < second.start - first.end <= _MAX_PARTICLES:
        return False  # (told from the bounds: most pairs are far apart, and no Span is built)
    between = first.doc[first.end:second.start]
    if not all(t.text.islower() and fold(t.text) in particles for t in between):
        return False
    return all(t.text.isalpha() and t.text[:1].isupper() for t in second) and all(t.text[:1].isupper() for t in first)
