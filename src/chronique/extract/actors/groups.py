"""A group named by a plural noun and then listed stands for every actor of its list.

"Douze des plus grands clubs européens (Real Madrid, …, Manchester City et Manchester United) se
disent prêts à lancer …", "trois poids lourds du secteur : Vinora, Castel et Brindle", "les
importateurs – Uniper, VNG, Sef – ont reçu …": the verb's subject is the group, and the group is
the listed actors, each an argument of the event. The parser rarely keeps such a list whole (it
often makes one of its names the subject), so the list is read on the words, from the group
phrase or from any name inside the list. Only a pure list counts: names, commas, coordinators and
determiners, at least two names ("les filiales (dont Velora)" or "(détenue par Velora)" is no
list). The group must be plural: a plural noun or a number ("les deux groupes (A et B)").
"""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.tokens import Token

from chronique.data import lexicon
from chronique.nlp.actor_index import actor_index
from chronique.text import fold

__all__ = ["GroupLists", "group_lists"]

#: How many words the group phrase may run before its list opens ("Douze des plus grands clubs
#: européens (").
MAX_GROUP_WORDS = 8
#: Parts of speech the group phrase is made of between its head and the list.
GROUP_POS = frozenset({"ADJ", "ADV", "DET", "ADP", "NOUN", "PROPN", "NUM", "PRON"})
#: How many words back from a name its list may open.
MAX_LIST_WORDS = 80


@cache
def group_lists(lang: str) -> GroupLists:
    """The group-list reader of ``lang``, built once."""
    return GroupLists(lexicon(lang, "actors"))


class GroupLists:
    """Reads the list of actors a group phrase announces (see the module docstring)."""

    def __init__(self, words: dict[str, Any]) -> None:
        table = words["group_lists"]
        #: opener → the mark that closes it ("" : the list runs to the end of the clause)
        self.openers: dict[str, str] = dict(table["openers"])
        self.closers = frozenset(c for c in self.openers.values() if c)
        self.coordinators = frozenset(fold(c) for c in table["coordinators"])

    def members(self, head: Token) -> list[str]:
        """Every actor of the list that the group phrase headed by ``head`` announces, or that
        the name ``head`` belongs to; ``[]`` when there is none."""
        if actor_index(head.doc).mention_at(head) is None:
            return self._after_group(head)
        return self._around_name(head)

    def _after_group(self, head: Token) -> list[str]:
        """"Douze des plus grands clubs (A, B et C)": the list after the group phrase."""
        if not _is_plural(head):
            return []
        sent_end = head.sent.end
        for j in range(head.i + 1, min(head.i + 1 + MAX_GROUP_WORDS, sent_end)):
            token = head.doc[j]
            if token.text in self.openers:
                return self._read(token)
            if token.pos_ not in GROUP_POS:
                return []
        return []

    def _around_name(self, name: Token) -> list[str]:
        """"(A, B et C)" read from B: the list B stands in, when a plural group opens it."""
        doc = name.doc
        start = max(name.sent.start, name.i - MAX_LIST_WORDS)
        for j in range(name.i - 1, start - 1, -1):
            token = doc[j]
            if token.text in self.closers and self.openers.get(token.text) != token.text:
                return []  # a list closed before the name: the name is outside it
            if token.text in self.openers and self._group_before(token):
                members = self._read(token)
                key = actor_index(doc).at(name)
                return members if key in members else []
        return []

    def _group_before(self, opener: Token) -> bool:
        """Whether a plural group phrase ends right before ``opener``."""
        doc = opener.doc
        for j in range(opener.i - 1, max(opener.sent.start, opener.i - MAX_GROUP_WORDS) - 1, -1):
            token = doc[j]
            if token.pos_ not in GROUP_POS:
                return False
            if _is_plural(token) and actor_index(doc).mention_at(token) is None:
                return True
        return False

    def _read(self, opener: Token) -> list[str]:
        """The names of a pure list opened by ``opener``: at least two, else ``[]``."""
        doc = opener.doc
        index = actor_index(doc)
        closer = self.openers[opener.text]
        found: list[str] = []
        closed = False
        j = opener.i + 1
        while j < opener.sent.end:
            token = doc[j]
            mention = index.mention_at(token)
            if mention is not None and mention.start == token.idx:
                if mention.key not in found:
                    found.append(mention.key)
                j += 1
                while j < len(doc) and doc[j].idx < mention.end:
                    j += 1
                continue
            if token.text == "," or fold(token.text) in self.coordinators or token.pos_ == "DET":
                j += 1
                continue
            # "(A, B et C)" ends at its bracket; "– A, B, C (tous privés) –" or ": A, B et C." at any mark
            closed = token.text == closer if closer == ")" else token.is_punct
            break
        else:
            closed = not closer  # a list after a colon may run to the end of the sentence
        return found if closed and len(found) >= 2 else []


def _is_plural(token: Token) -> bool:
    """A plural noun ("clubs", "poids lourds") or a number standing for a group ("Douze des …")."""
    if token.pos_ == "NOUN" and "Plur" in token.morph.get("Number", []):
        return True
    return token.pos_ in ("NUM", "PRON") and token.like_num
