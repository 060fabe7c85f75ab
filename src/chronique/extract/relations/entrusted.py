"""A post given to a person by a verb of entrusting: "la direction de Kalio a été confiée à X",
"le groupe a confié la direction de Kalio à X", "la présidence du conseil d'administration de
Kalio reviendra à X" (X holds the post at Kalio).

The post is the verb's object or subject, a noun of the lexicon ("direction", "présidence"), and
its organisation the name after its "de" (the model often hangs that name on the verb, so the
words after the noun are read, not the parse); the holder is the person of the verb's "à"
complement. A negated verb gives nothing, nor a post given under a condition ("… reviendra à X si
Y démissionne") or in the conditional mood. Words are data (``[entrusted_posts]`` of
``relations.toml``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from chronique.extract.relations.base import RelationRules
from chronique.extract.relations.doc_actors import DocActors
from chronique.extract.relations.nouns import ROLE
from chronique.model import Relation
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import token_table
from chronique.text import fold

__all__ = ["EntrustedRules"]

LABELS = dependency_scheme("ud")


class EntrustedRules(RelationRules):
    """ROLE of a person a post at an organisation is entrusted to."""

    def _entrusted_words(self) -> tuple[frozenset[str], frozenset[str], list[tuple[tuple[str, ...], tuple[str, ...]]]]:
        words = self.words.get("entrusted_posts", {})
        verbs = frozenset(words.get("verbs", ()))
        preps = frozenset(fold(x) for x in words.get("prepositions", ()))
        posts = sorted(((tuple(fold(p).replace("'", "' ").split()), tuple(t))
                        for p, t in words.get("posts", {}).items()), key=lambda item: len(item[0]), reverse=True)
        return verbs, preps, posts

    def _entrusted_relations(self, doc: Doc, actors: DocActors) -> list[Relation]:
        verbs, preps, posts = self._entrusted_words()
        if not verbs:
            return []
        tokens = token_table(doc)
        found: list[Relation] = []
        for i, pos in enumerate(tokens.pos):
            if pos != "VERB" or self._lemma(doc[i]) not in verbs:
                continue
            verb = doc[i]
            if any("Neg" in c.morph.get("Polarity", []) for c in verb.children) or self._hypothetical(verb):
                continue
            holders = [k for c in verb.children if self._with_case(c, preps)
                       for k in actors.keys_of(c, ("PERSON",))]
            if not holders:
                continue
            for child in verb.children:
                if child.dep_ not in (LABELS.subject, LABELS.passive_subject, LABELS.object):
                    continue
                post = self._post_at(doc, child, posts, actors)
                if post is None:
                    continue
                org, titles, end = post
                start = min(doc[child.i].idx, verb.idx)
                last = max(c.i for c in verb.children if self._with_case(c, preps))
                end = max(end, doc[last].idx + len(doc[last].text))
                found += [Relation(ROLE, holder, org, start, end, titles[0]) for holder in holders]
        return found

    def _appointed_relations(self, doc: Doc, actors: DocActors) -> list[Relation]:
        """"La mutuelle X a élu mercredi à sa présidence Paul Roux": the post given "à sa …" by an
        appointing verb (``[entrusted_posts] appointing_verbs``) is held at the verb's subject; the
        holder is the verb's object or the name the parser set in apposition to the post."""
        words = self.words.get("entrusted_posts", {})
        verbs = frozenset(words.get("appointing_verbs", ()))
        _verbs, preps, posts = self._entrusted_words()
        found: list[Relation] = []
        if not verbs:
            return found
        for i, pos in enumerate(token_table(doc).pos):
            if pos != "VERB" or self._lemma(doc[i]) not in verbs:
                continue
            verb = doc[i]
            if any("Neg" in c.morph.get("Polarity", []) for c in verb.children) or self._hypothetical(verb):
                continue
            orgs = [k for c in verb.children if c.dep_ == LABELS.subject for k in actors.keys_of(c, ("ORG",))]
            if len(orgs) != 1:
                continue
            for post in (c for c in verb.children if self._with_case(c, preps)):
                titles = self._possessed_post(doc, post, posts)
                if titles is None:
                    continue
                holders = [k for c in verb.children if c.dep_ == LABELS.object for k in actors.keys_of(c, ("PERSON",))]
                holders += [k for c in post.children if c.dep_ == LABELS.apposition
                            for k in actors.keys_of(c, ("PERSON",))]
                last = max([verb.i, post.i, *(c.i for c in post.children)])
                start, end = min(verb.idx, post.idx), doc[last].idx + len(doc[last].text)
                found += [Relation(ROLE, holder, orgs[0], start, end, titles[0]) for holder in holders]
        return found

    def _hypothetical(self, verb: Token) -> bool:
        """"La présidence de X reviendra à Y si Z démissionne", "… reviendrait à Y": a post given
        under a condition (a clause opened by ``[entrusted_posts] condition_marks``) or in the
        conditional mood is no post held."""
        words = self.words.get("entrusted_posts", {})
        marks = frozenset(fold(m) for m in words.get("condition_marks", ()))
        endings = tuple(words.get("conditional_endings", ()))
        for token in (verb, *(c for c in verb.children if c.i < verb.i and c.pos_ == "AUX")):
            if "Cnd" in token.morph.get("Mood", []) or endings and fold(token.text).endswith(endings):
                return True  # (the tagger reads "reviendrait" as an imperfect: the ending says it)
        # read on the words: the parser hangs "si" anywhere ("si Paul Roux démissionne": a case marker)
        return any(t.pos_ == "SCONJ" and fold(t.text) in marks for t in verb.sent)

    def _possessed_post(self, doc: Doc, noun: Token, posts) -> tuple[str, ...] | None:
        """The titles of "sa présidence", "sa direction générale": a post noun after a possessive."""
        folded = token_table(doc).folded
        if noun.i == 0 or folded[noun.i - 1] not in self.possessives:
            return None
        for words, titles in posts:
            if tuple(folded[noun.i : noun.i + len(words)]) == words:
                return titles
        return None

    def _with_case(self, token: Token, preps: frozenset[str]) -> bool:
        return token.dep_.startswith(LABELS.oblique_prefix) and any(
            c.dep_ == LABELS.case_marker and fold(c.text) in preps for c in token.children)

    def _post_at(self, doc: Doc, noun: Token, posts, actors: DocActors) -> tuple[str, tuple[str, ...], int] | None:
        """The organisation and titles of a post noun ("la direction de Kalio"), read on the words."""
        folded = token_table(doc).folded
        for words, titles in posts:
            if tuple(folded[noun.i : noun.i + len(words)]) != words:
                continue
            j = noun.i + len(words)
            if j >= len(doc) or folded[j] not in self.of_words:
                return None
            j += 1
            last = min(len(doc), j + 4)
            while j < last and self._complement_filler(doc[j]) and doc[j].idx not in actors.by_start:
                j += 1
            mention = actors.by_start.get(doc[j].idx) if j < len(doc) else None
            if mention is None or mention.kind != "name" or actors.type_of(mention.key) != "ORG":
                return None
            return mention.key, titles, mention.end
        return None
