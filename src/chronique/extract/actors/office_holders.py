"""Office titles the knowledge base resolves: "le chancelier allemand", "la présidente de la
Commission européenne", "le locataire de la Maison-Blanche".

A title that names its office completely (the office lexicon ``offices.toml``) and that the
article gives to nobody else stands for the office's holder at the article's date (rule
``title-kb``); "le président" alone names no office.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from spacy.tokens import Doc, Span

from chronique.data import lexicon
from chronique.extract.actors.titles import COMPLEMENT_LINKS
from chronique.kb import KnowledgeBase
from chronique.nlp.actor_index import ActorIndex
from chronique.nlp.extensions import ActorMention, text_of
from chronique.text import fold

__all__ = ["office_holders"]

#: What may stand right before an office title: "le", "la", "l'" and their contractions "du", "au".
OFFICE_DETERMINERS = r"(?:le |la |l'|du |au )"


@cache
def _office_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """One regular expression over the folded text for every office phrase of ``lang``, and the
    office each phrase names; ``None`` for a language without an office lexicon."""
    try:
        phrases = {p: office for office, listed in lexicon(lang, "offices")["offices"].items() for p in listed}
    except FileNotFoundError:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-]){OFFICE_DETERMINERS}(?P<title>{alternatives})(?![\w-])")
    return pattern, phrases


def office_holders(doc: Doc, index: ActorIndex, entities, titles: dict[str, set[str]],
                   kb: KnowledgeBase) -> list[ActorMention]:
    """"le chancelier allemand" → the chancellor at the article's date (rule ``title-kb``).

    Only a title nothing qualifies further (no adjective, complement or name after it: "le
    président américain sortant", "le président de la République tchèque", "le président
    américain Joe Biden" are left to the other rules), that no other mention overlaps but the
    names inside it ("Commission européenne"), and that the article gives to no other person.
    """
    compiled = _office_pattern(doc.lang_)
    on = doc._.dct.isoformat() if doc._.dct else None
    if compiled is None or on is None:
        return []
    pattern, phrases = compiled
    text = text_of(doc)
    folded = fold(text)
    if len(folded) != len(text):
        return []  # a letter whose lower case changes length: offsets would not match
    found = []
    for match in pattern.finditer(folded):
        # from the determiner, like the article's titles, and wider than a name the model saw in it
        span = doc.char_span(match.start(), match.end("title"))
        holder = kb.office_holder(phrases[match.group("title")], on)
        if span is None or holder is None or not _stands_alone(doc, span, index, entities):
            continue
        given = {k for t in span for k in titles.get(fold(t.lemma_), set()) | titles.get(fold(t.text), set())
                 if entities[k]["type"] == "PERSON"}
        if given and holder.id not in given:
            continue  # the article gave this title to someone else: its own holder stands
        entities.setdefault(holder.id, {"type": "PERSON", "kb_id": holder.id, "names": Counter()})
        found.append(ActorMention(span.start_char, span.end_char, holder.id, "description", "title-kb"))
    return found


def _stands_alone(doc: Doc, span: Span, index: ActorIndex, entities) -> bool:
    """Whether the title ends there and overlaps no mention but the names inside it ("Commission
    européenne", or the whole title the model took for a name)."""
    for token in span:
        mention = index.mention_at(token)
        if mention is not None and (mention.kind != "name" or mention.start < span.start_char
                                    or mention.end > span.end_char
                                    or entities.get(mention.key, {}).get("type") == "PERSON"):
            return False
    if span.end >= len(doc):
        return True
    following = doc[span.end]
    if following.text[:1].isupper() and not following.is_sent_start:
        return False
    qualifier = following.is_lower and (following.pos_ == "ADJ" or "Part" in following.morph.get("VerbForm", []))
    return not qualifier and fold(following.text) not in COMPLEMENT_LINKS
