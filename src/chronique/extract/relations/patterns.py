"""Relations stated by names and punctuation, and confirmed by the knowledge base: "Tesla
Roadster" (a product named after its maker), "Altice Média (BFMTV et RMC)" (an organisation and
its brands), "Me X (du cabinet Y)" (a person and their firm), a known maker or parent named close.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.extract.relations.base import RelationRules
from chronique.extract.relations.doc_actors import DocActors
from chronique.extract.relations.nouns import PART_OF, PRODUCT_OF, ROLE
from chronique.model import Relation
from chronique.nlp.extensions import text_of
from chronique.nlp.tokens import first_token_from
from chronique.text import fold

__all__ = ["PatternRules"]

#: How many tokens may separate a product from its maker (or an org from its parent) for the
#: knowledge base to confirm a relation that the text only suggests by naming both.
MAX_KB_GAP_TOKENS = 8
#: How many tokens may separate a product from its known maker, both named by name in one
#: sentence ("X a porté plainte contre Y pour avoir copié l'iPhone": about a clause).
MAX_KB_MAKER_GAP_TOKENS = 24


class PatternRules(RelationRules):
    """Names, parentheses, appositions of firms and the knowledge base."""

    @staticmethod
    def _name_prefix_relations(actors: DocActors) -> list[Relation]:
        """"Tesla Roadster", "Google Pixel": a product named after its maker, also named here."""
        makers = {}
        for entity in actors.doc._.entities or []:
            if entity.type == "ORG":
                for name in (entity.name, *entity.aliases):
                    makers[name] = entity.key
        relations = []
        for mention in actors.mentions:
            if mention.kind != "name" or actors.type_of(mention.key) != "PRODUCT":
                continue
            text = text_of(actors.doc)[mention.start : mention.end]
            for name, maker in makers.items():
                if text.startswith(name + " ") and maker != mention.key:
                    relations.append(Relation(PRODUCT_OF, mention.key, maker, mention.start, mention.end))
        return relations

    def _kb_relations(self, doc: Doc, actors: DocActors) -> list[Relation]:
        """A product's known maker, an organisation's known parent, both named close together;
        a product and its known maker both named by name a clause apart in one sentence, unless
        a sentence naming the product tells a sale or a purchase (makers seldom change; owners
        do: a parent must be named close). The relation follows the type the article gives ("YouTube" presented as an
        application is Google's product, not its subsidiary)."""
        relations = []
        for key in actors.named:
            known = self.kb.get(key)
            if known is None:
                continue
            product = actors.is_product(key)
            for kind, other in ((PRODUCT_OF, known.maker), (PART_OF, known.parent)):
                if not other or other not in actors.named:
                    continue
                span = self._close_mentions(doc, actors, key, other)
                if span and kind == PART_OF and self._tells_a_change(doc, span):
                    continue
                if span is None and product and kind == PRODUCT_OF:
                    span = self._close_mentions(doc, actors, key, other, MAX_KB_MAKER_GAP_TOKENS, names_only=True)
                    if span and self._sold_in_article(doc, actors, key):
                        continue
                if span:
                    relations.append(Relation(PRODUCT_OF if product else PART_OF, key, other, *span))
        return relations


    def _parenthesised_parts(self, doc: Doc, actors: DocActors) -> list[Relation]:
        """"Altice Média (BFMTV et RMC)": an organisation followed by the list of its brands.

        Two items at least (one is an acronym or an aside), all organisations or products; not
        after an acronym of capitals, which often spells its members ("GAFAM (Google, Apple…)")."""
        relations = []
        for parent in actors.mentions:
            if parent.kind != "name" or actors.type_of(parent.key) != "ORG":
                continue
            name = text_of(doc)[parent.start : parent.end]
            if name.isupper() and len(name.replace(" ", "")) >= 3:
                continue
            i = first_token_from(doc, parent.end)
            if i + 1 >= len(doc) or doc[i].text != "(":
                continue
            first = actors.by_start.get(doc[i + 1].idx)
            kinds = ("ORG", "PRODUCT")
            if first is None or actors.type_of(first.key) not in kinds:
                continue
            items, _ = actors.enumeration_after(first.end, kinds, self.enumeration_links, self.coordinators)
            members = [first, *items]
            end = first_token_from(doc, members[-1].end)
            if len(members) < 2 or end >= len(doc) or doc[end].text != ")":
                continue
            for member in members:
                if member.key != parent.key:
                    kind = PRODUCT_OF if actors.is_product(member.key) else PART_OF
                    relations.append(Relation(kind, member.key, parent.key, parent.start, doc[end].idx + 1))
        return relations

    def _affiliations(self, doc: Doc, actors: DocActors) -> list[Relation]:
        """"Me X (du cabinet Y)", "X, de chez Y,": a person presented by the firm they work at."""
        relations = []
        for mention in actors.mentions:
            if mention.kind != "name" or actors.type_of(mention.key) != "PERSON":
                continue
            i = first_token_from(doc, mention.end)
            if i >= len(doc) or doc[i].text not in ("(", ","):
                continue
            opener, i = doc[i].text, i + 1
            width = self._preposition_at(doc, i)
            if not width:
                continue
            i += width
            classified = fold(doc[i - 1].text) in self.affiliation_nouns  # "de chez"
            while i < len(doc) and doc[i].idx not in actors.by_start and (
                    doc[i].pos_ == "DET" or fold(doc[i].text) in self.affiliation_nouns):
                classified |= fold(doc[i].text) in self.affiliation_nouns
                i += 1
            if i < len(doc) and fold(doc[i].text) in self.affiliation_nouns:
                classified = True  # "de la banque Lazard", the noun inside the name
            org = actors.by_start.get(doc[i].idx) if i < len(doc) else None
            if org is None or not classified or actors.type_of(org.key) not in ("ORG", "OTHER"):
                continue
            end = max(i, first_token_from(doc, org.end))
            closer = ")" if opener == "(" else ","
            if end < len(doc) and doc[end].text == closer:
                relations.append(Relation(ROLE, mention.key, org.key, mention.start, org.end, "employee"))
        return relations

    def _sold_in_article(self, doc: Doc, actors: DocActors, key: str) -> bool:
        """Whether a sentence that names ``key`` tells that a company buys or sells it ("la
        cession de X"; not "les X vendus aux États-Unis", its customers' purchase)."""
        return any(self._tells_a_change(doc, (m.start, m.end), self.maker_change_words) for m in actors.mentions
                   if m.key == key and m.kind == "name")

    def _tells_a_change(self, doc: Doc, span: tuple[int, int], words: set[str] | None = None) -> bool:
        """Whether the sentence tells a purchase, a sale or a merger: the knowledge base says who
        owns whom today, not on the article's date ("le rachat d'Activision par Microsoft")."""
        tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
        if tokens is None:
            return False
        change = self.change_words if words is None else words
        sentence = tokens.sent if doc.has_annotation("SENT_START") else tokens
        return any(self._lemma(t) in change or fold(t.text) in change for t in sentence)

    @staticmethod
    def _close_mentions(doc: Doc, actors: DocActors, first: str, second: str,
                        max_gap: int = MAX_KB_GAP_TOKENS, names_only: bool = False) -> tuple[int, int] | None:
        """The first span where mentions of both actors stand in one sentence, at most ``max_gap``
        tokens apart; ``names_only``: no description (it may stand for another actor)."""
        kinds = ("pronoun", "description") if names_only else ("pronoun",)
        ones = [m for m in actors.mentions if m.key == first and m.kind not in kinds]
        others = [m for m in actors.mentions if m.key == second and m.kind not in kinds]
        for a in ones:
            for b in others:
                left, right = (a, b) if a.start < b.start else (b, a)
                span = doc.char_span(left.start, right.end, alignment_mode="expand")
                if span is None or len(span) > max_gap + 2:
                    continue
                if not any(t.is_sent_start for t in span[1:]):
                    return left.start, right.end
        return None
