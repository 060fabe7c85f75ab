"""Actor recognition: named people, organisations and products, typed right and grouped.

The statistical NER is a good start but types tech actors badly (OpenAI is MISC, xAI a person,
Grok a place). This component lays the knowledge base over it: known names win, cue nouns
("la start-up X", "son modèle Y") and company suffixes type unknown names, and surnames join the
full name used elsewhere in the article. Descriptions and pronouns are then resolved by
:mod:`chronique.components.coref`. The result is ``doc._.actor_mentions`` (every stretch of text
that denotes an actor) and ``doc._.entities`` (one :class:`~chronique.model.Entity` per actor).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from chronique.components.coref import resolve_references
from chronique.components.extensions import ActorMention, register_extensions
from chronique.data import lexicon
from chronique.kb import KnowledgeBase, load_knowledge_base
from chronique.model import Entity

__all__ = ["ActorRecognizer", "make_actor_recognizer", "local_key"]

register_extensions()

#: Parts of speech a lower-case word may have at the end of a name ("Banque centrale européenne").
NAME_TAIL_POS = frozenset({"ADJ", "NOUN", "PROPN"})

APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})


def local_key(entity_type: str, name: str) -> str:
    """The key of an actor unknown to the knowledge base: its type and name."""
    return f"{entity_type.lower()}:{name}"


def _swallows_known_names(span: Span, known: list["NamedSpan"]) -> bool:
    """Whether a model span covers two or more known names, or one plus non-name words."""
    inside = [k for k in known if span.start <= k.span.start and k.span.end <= span.end]
    if len(inside) >= 2:
        return True
    if len(inside) == 1:
        covered = set(range(inside[0].span.start, inside[0].span.end))
        extra = [t for t in span if t.i not in covered]
        return any(not t.text[:1].isupper() for t in extra)
    return False


@dataclass
class NamedSpan:
    """A candidate name in the text, before grouping."""

    span: Span
    type: str
    kb_id: str | None = None
    typed_by_cue: bool = False  # the text itself says what it is ("la start-up X")


@Language.factory(
    "chronique_actors",
    default_config={"lang": "fr", "kb_file": None},
    assigns=["doc._.actor_mentions", "doc._.entities", "doc.ents"],
    requires=["doc.ents", "token.dep"],
)
def make_actor_recognizer(nlp: Language, name: str, lang: str, kb_file: str | None) -> "ActorRecognizer":
    return ActorRecognizer(nlp, lang, load_knowledge_base(kb_file))


class ActorRecognizer:
    """Finds actor names with the knowledge base and the model's NER, then resolves references."""

    def __init__(self, nlp: Language, lang: str, kb: KnowledgeBase) -> None:
        self.lang = lang
        self.kb = kb
        self.words = lexicon(lang, "actors")
        self.ner_types: dict[str, str] = dict(self.words["ner_types"])
        self.known = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.contextual = PhraseMatcher(nlp.vocab, attr="ORTH")
        for actor in kb.actors.values():
            forms = {f.translate(APOSTROPHES) for f in actor.surface_forms} | set(actor.surface_forms)
            self.known.add(actor.id, [nlp.make_doc(f) for f in sorted(forms)])
            if actor.context_aliases:
                self.contextual.add(actor.id, [nlp.make_doc(f) for f in actor.context_aliases])
        self.cue_nouns_longest_first = sorted(
            ((cue.lower(), etype) for etype, cues in self.words["cue_nouns"].items() for cue in cues),
            key=lambda pair: -len(pair[0]),
        )
        context_words = sorted(self.words["context_before"], key=len, reverse=True)
        self.context_before = re.compile(
            r"(?:^|\W)(?:" + "|".join(re.escape(w) for w in context_words) + r")\s+(?:l[ea]\s+)?$",
            re.IGNORECASE,
        )
        self.org_suffixes = frozenset(self.words["org_suffixes"])

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # spaCy rebuilds Doc.text from the tokens at every access: read it once
        names = self._known_names(doc, text) + self._model_names(doc, text)
        names = self._keep_longest(names)
        mentions, entities = self._group(doc, names)
        mentions = resolve_references(doc, text, mentions, entities, self.kb, self.words)
        doc._.actor_mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        doc._.entities = self._entities(text, entities, doc._.actor_mentions)
        doc.ents = filter_spans([n.span for n in names if n.span.label_])
        return doc

    # -- finding names -------------------------------------------------------------------
    def _known_names(self, doc: Doc, text: str) -> list[NamedSpan]:
        found = []
        for match_id, start, end in self.known(doc):
            actor = self.kb.actors[doc.vocab.strings[match_id]]
            found.append(NamedSpan(Span(doc, start, end, label=actor.type), actor.type, actor.id))
        for match_id, start, end in self.contextual(doc):
            before = text[max(0, doc[start].idx - 40) : doc[start].idx]
            if self.context_before.search(before):
                actor = self.kb.actors[doc.vocab.strings[match_id]]
                found.append(NamedSpan(Span(doc, start, end, label=actor.type), actor.type, actor.id))
        return found

    def _model_names(self, doc: Doc, text: str) -> list[NamedSpan]:
        found = []
        for ent in doc.ents:
            ent = self._trim(ent)
            if ent is None:
                continue
            cue_type = self._cue_type(ent, text)
            if ent[-1].text in self.org_suffixes and len(ent) > 1:
                cue_type = "ORG"
            entity_type = cue_type or self.ner_types.get(ent.label_, "OTHER")
            span = Span(doc, ent.start, ent.end, label=entity_type)
            found.append(NamedSpan(span, entity_type, typed_by_cue=cue_type is not None))
        return found

    def _trim(self, ent: Span) -> Span | None:
        """Drop leading determiners and punctuation; reject spans that are not names."""
        start, end = ent.start, ent.end
        while start < end and (ent.doc[start].pos_ in ("DET", "ADP", "PUNCT") or ent.doc[start].is_space):
            start += 1
        while end > start and (
            ent.doc[end - 1].pos_ == "PUNCT"
            or ent.doc[end - 1].is_space
            or (ent.doc[end - 1].is_lower and ent.doc[end - 1].pos_ not in NAME_TAIL_POS)
        ):
            end -= 1  # "X hier" is "X"; "Commission européenne" keeps its adjective
        if start >= end:
            return None
        span = ent.doc[start:end]
        if not any(t.text[:1].isupper() for t in span) or len(span.text) < 2:
            return None
        return Span(ent.doc, start, end, label=ent.label_)

    def _cue_type(self, ent: Span, text: str) -> str | None:
        """The type a cue noun right before the name gives ("la start-up X", "son modèle Y")."""
        before = text[max(0, ent.start_char - 40) : ent.start_char].lower().rstrip()
        for cue, entity_type in self.cue_nouns_longest_first:
            if before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalnum()):
                return entity_type
        return None

    @staticmethod
    def _keep_longest(names: list[NamedSpan]) -> list[NamedSpan]:
        """Resolve overlaps: the longest span wins, and the knowledge base wins ties.

        A model span that swallows two known names ("Tesla Elon Musk" in "le patron de Tesla
        Elon Musk") or pads one known name with lower-case words is a segmentation error: the
        known names are kept instead.
        """
        known = [n for n in names if n.kb_id]
        names = [n for n in names if n.kb_id or not _swallows_known_names(n.span, known)]
        ranked = sorted(names, key=lambda n: (-(n.span.end - n.span.start), n.kb_id is None, n.span.start))
        taken: set[int] = set()
        kept = []
        for name in ranked:
            tokens = set(range(name.span.start, name.span.end))
            if tokens & taken:
                continue
            taken |= tokens
            kept.append(name)
        return sorted(kept, key=lambda n: n.span.start)

    # -- grouping ------------------------------------------------------------------------
    def _group(self, doc: Doc, names: list[NamedSpan]) -> tuple[list[ActorMention], dict[str, dict]]:
        """Give every name a key: its KB id, the full name a surname belongs to, or its own."""
        person_types = self._majority_types(names)
        full_names = {
            n.span[-1].text: n for n in names if n.type == "PERSON" and len(n.span) > 1
        }
        entities: dict[str, dict] = {}
        mentions = []
        for name in names:
            entity_type = name.type if name.kb_id else person_types.get(name.span.text, name.type)
            key, kb_id = name.kb_id, name.kb_id
            if key is None and entity_type == "PERSON" and len(name.span) == 1 and name.span.text in full_names:
                owner = full_names[name.span.text]
                key, kb_id = owner.kb_id or local_key("PERSON", owner.span.text), owner.kb_id
            if key is None:
                key = local_key(entity_type, name.span.text)
            record = entities.setdefault(key, {"type": entity_type, "kb_id": kb_id, "names": Counter()})
            record["names"][name.span.text] += 1
            mentions.append(ActorMention(name.span.start_char, name.span.end_char, key, "name"))
        return mentions, entities

    @staticmethod
    def _majority_types(names: list[NamedSpan]) -> dict[str, str]:
        """One type per unknown name: the model may call "Zuckerberg" PER once and MISC once."""
        votes: dict[str, Counter] = defaultdict(Counter)
        for name in names:
            if name.kb_id is None and name.type != "OTHER":
                votes[name.span.text][name.type] += 3 if name.typed_by_cue else 1
        return {text: counter.most_common(1)[0][0] for text, counter in votes.items()}

    def _entities(self, text: str, entities: dict[str, dict], mentions: list[ActorMention]) -> list[Entity]:
        by_key: dict[str, list[ActorMention]] = defaultdict(list)
        for mention in mentions:
            by_key[mention.key].append(mention)
        result = []
        for key, record in entities.items():
            known = self.kb.get(record["kb_id"]) if record["kb_id"] else None
            name = known.name if known else max(record["names"], key=lambda n: (len(n), record["names"][n]))
            surfaces = {text[m.start : m.end] for m in by_key[key] if m.kind != "pronoun"}
            aliases = tuple(sorted(s for s in surfaces if s != name))
            spans = tuple((m.start, m.end) for m in by_key[key])
            result.append(Entity(key, name, record["type"], record["kb_id"], aliases, spans))
        return sorted(result, key=lambda e: e.mentions[0] if e.mentions else (0, 0))
