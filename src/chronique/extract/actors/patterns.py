"""Names the knowledge base does not know, found and typed by how French news introduces them.

The statistical NER misses many company names ("la start-up nantaise Zelvio") and types others
badly ("Zelvio" a person, "Jeanne Delacroix" a company). These patterns generalise past any list
of known actors:

* a cue noun before the name, past adjectives and a short complement: "la start-up nantaise
  Zelvio", "le fabricant de puces Harnois", "son modèle Orion 2", "le PDG Paul Verdier";
* the same cue in apposition after it: "Zelvio, une start-up nantaise, …";
* a company suffix closing it: "Kestrel Robotics", "Quorvex SAS", "Brindle Technologies";
* a first name opening it, particles included: "Marine Le Pen", "Ursula von der Leyen";
* and, once a name is typed, its other occurrences in the same article, surnames included.

Every finder returns :class:`~chronique.extract.actors.names.NamedSpan` candidates; overlaps
with the knowledge base and the NER are settled by the recognizer (longest, then known, wins).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress
from operator import not_
from typing import Any

from spacy.tokens import Doc, Span, Token

from chronique.extract.actors.name_forms import other_occurrences
from chronique.extract.actors.names import (
    CueIndex,
    NamedSpan,
    glued_hyphen,
    is_name_like,
    last_word_before,
    line_before,
    name_like,
    seen_last_words,
    span_words,
)
from chronique.extract.actors.origins import origin_forms
from chronique.nlp.labels import dependency_scheme
from chronique.nlp.tokens import TokenTable, token_table
from chronique.text import fold, unify_apostrophes

__all__ = ["UnknownNamePatterns"]

LABELS = dependency_scheme("ud")

MAX_NAME_TOKENS = 5
#: Verb forms whose business-verb answer is kept before the memo starts afresh (bounds memory).
#: Function words that may stand, capitalised, at the start of a sentence before a name.
OPENING_POS = frozenset({"ADP", "DET", "PRON", "SCONJ", "CCONJ", "ADV", "AUX", "VERB"})
#: Parts of speech of the lower-case words between a cue and its name (the tagger often calls an
#: adjective of place a proper noun: "la start-up nantaise Zelvio").
CONTENT_POS = frozenset({"ADJ", "NOUN", "PROPN", "X"})


def _not_lower(tokens: TokenTable) -> Iterator[int]:
    """Positions of the tokens whose text is not all lower case (``not text.islower()``: names,
    numbers, marks), in order, picked out of the table's column without a Python step per word."""
    return compress(range(len(tokens)), map(not_, tokens.is_lower))


#: The marks of a trade complement with its definite article ("du verre", "des puces", "de l'acier").
_DEFINITE_MARKS = frozenset({"du", "des"})
_ARTICLES_AFTER_DE = frozenset({"la", "l'"})


def _before_trade_complement(tokens: TokenTable, j: int) -> int:
    """The position right before a trade complement ending at ``j`` ("leader mondial | du verre"),
    ``j`` itself when none ends there: a lower-case noun after "du", "des", "de la", "de l'"."""
    texts, folded = tokens.texts, tokens.folded
    if j < 3 or not texts[j].islower() or tokens.pos[j] != "NOUN":
        return j
    if folded[j - 1] in _DEFINITE_MARKS:
        return j - 2
    if unify_apostrophes(folded[j - 1]) in _ARTICLES_AFTER_DE and folded[j - 2] == "de":
        return j - 3
    return j


#: How many capitalised words (particles aside) and tokens a surname after a first name may hold.
MAX_SURNAME_WORDS = 4
MAX_SURNAME_TOKENS = 7
#: How many adjectives may close a description before its comma ("l'entreprise bénéficiaire,").
MAX_ADJECTIVES_BEFORE_COMMA = 2


class UnknownNamePatterns:
    """The pattern finders for one language, with their word lists read once."""

    def __init__(self, words: dict[str, Any]) -> None:
        cues = [(cue, etype) for etype, listed in words["cue_nouns"].items() for cue in listed]
        contractions = words["cue_contractions"]
        self.cues = CueIndex(cues, contractions)
        self.object_cues = CueIndex(((cue, etype) for cue, etype in cues if etype != "PERSON"), contractions)
        self.move_links = frozenset(words["apposition_move_links"])
        self.possessive_relatives = frozenset(words.get("institutions", {}).get("possessive_relatives", []))
        # "le PDG de Zelvio": what a role is held in is an organisation
        role_preposition = words["role_preposition"]
        self.role_cues = CueIndex(((f"{role} {role_preposition}", "ORG") for role in words["role_nouns"]), contractions)
        #: The last words of all three indexes' cues.
        self.cue_last_words = self.cues.last_words | self.object_cues.last_words | self.role_cues.last_words
        self.org_suffixes = frozenset(words["org_suffixes"])
        self.folded_org_suffixes = frozenset(fold(suffix) for suffix in self.org_suffixes)
        self.particles = frozenset(p.lower() for p in words["name_particles"])
        #: Articles inside an organisation's name, split as the tokenizer splits them.
        self.inner_articles = sorted((tuple(fold(a).replace("'", "' ").split()) for a in words.get("name_inner_articles", ())),
                                     key=len, reverse=True)
        names = words["first_names"]
        self.first_names = frozenset(names["m"]) | frozenset(names["f"])
        self.folded_first_names = frozenset(fold(name) for name in self.first_names)
        #: "sa filiale, X,": a company's part named after a possessive (the subsidiary cues).
        self.subsidiary_cues = frozenset(fold(w) for w in words.get("subsidiary_cues", ()))
        self.part_possessives = frozenset(fold(w) for w in words.get("part_possessives", ()))
        #: Organisation cues a person bears too ("l'industriel X"): no type before a person's name.
        self.person_capable_cues = frozenset(fold(w) for w in words.get("person_capable_cues", ()))
        self.not_names = frozenset(words["not_names"])
        self.abbreviated_suffixes = frozenset(words["abbreviated_suffixes"])
        self.complement_words = frozenset(words["complement_words"])
        self.sector_acronyms = frozenset(words.get("sector_acronyms", []))
        self.named_description_articles = frozenset(fold(w) for w in words.get("named_description_articles", ()))
        self.named_product_determiners = frozenset(fold(w) for w in words.get("named_product_description_determiners", ()))
        self.named_description_person_heads = frozenset(words.get("named_description_person_heads", ()))
        self.demonyms = frozenset(origin_forms(words))
        self.demonym_articles = frozenset(unify_apostrophes(w) for w in words["definite_determiners"]) | frozenset(
            words["contracted_determiners"])
        # longest first, the empty determiner last: "une start-up", "son premier modèle", "start-up"
        self.apposition_determiners = sorted(
            (d if d.endswith("'") else d + " " for d in words["apposition_determiners"]), key=len, reverse=True
        ) + [""]

    # -- the finders -----------------------------------------------------------------------
    def find(self, doc: Doc, text: str) -> list[NamedSpan]:
        """Candidates from cue nouns, appositions, suffixes and first names."""
        found = self.person_names(doc)
        found += self.suffix_names(doc)
        found += self.cue_names(doc, text)
        found += self.apposition_names(doc, text)
        found += self.named_after_description(doc, text)
        found += self.mixed_case_names(doc)
        return found

    @staticmethod
    def mixed_case_names(doc: Doc) -> list[NamedSpan]:
        """A word with a lower-case first letter then a capitalised word ("iRobot", "eBay",
        "eDreams"): a brand, which the NER rarely sees because it does not start with a capital.
        Untyped (OTHER) until its context types it ("le rachat d'iRobot"); units and acronyms
        ("kWh", "mRNA") are not names: a lower-case run must follow the capital."""
        found = []
        tokens = token_table(doc)
        texts = tokens.texts
        for i in _not_lower(tokens):  # a lower-case first letter then a capital: never a lower-case word
            text = texts[i]
            if len(text) >= 4 and text[1].isupper() and text[0].islower() and text[2:4].islower() and text.isalpha():
                found.append(NamedSpan(Span(doc, i, i + 1, label="OTHER"), "OTHER", None, False, "pattern",
                                       rule="mixed-case"))
        return found

    def person_names(self, doc: Doc) -> list[NamedSpan]:
        """A first name, then capitalised words and particles: "Jean-Noël Barrot", "Luca de Meo"."""
        found = []
        tokens = token_table(doc)
        for i in tokens.positions(self.folded_first_names):  # where a first name may stand
            if tokens.texts[i] not in self.first_names:
                continue
            end = self._surname_end(doc, i + 1)
            if end > i + 1:
                found.append(NamedSpan(Span(doc, i, end, label="PERSON"), "PERSON", None, False, "pattern"))
        return found

    def _surname_end(self, doc: Doc, i: int) -> int:
        tokens = token_table(doc)  # read from the table: no Token built
        texts, folded, sent_starts, particles = tokens.texts, tokens.folded, tokens.sent_starts, self.particles
        end = i
        capitals = 0
        # particles do not count: "Anne de La Tour du Pin", "Louis de La Tour d'Auvergne"
        while end < len(texts) and capitals < MAX_SURNAME_WORDS and end - i < MAX_SURNAME_TOKENS:
            word = texts[end]
            if sent_starts[end] or word in self.org_suffixes:
                break
            if word[:1].isupper() and word.isalpha() or "-" in word and word[:1].isupper():
                end += 1
                capitals += folded[end - 1] not in particles
            elif folded[end] in particles and end + 1 < len(texts) and (
                texts[end + 1][:1].isupper() or folded[end + 1] in particles
            ):
                end += 1
            else:
                break
        while end > i and folded[end - 1] in particles:
            end -= 1
        return end

    def suffix_names(self, doc: Doc) -> list[NamedSpan]:
        """Capitalised words closed by a company suffix: "Kestrel Robotics", "Quorvex SAS"."""
        found = []
        tokens = token_table(doc)
        for i in tokens.positions(self.folded_org_suffixes):  # where a suffix may stand
            if tokens.texts[i] not in self.org_suffixes or i == 0:
                continue
            token = doc[i]
            if token.i + 1 < len(doc) and is_name_like(doc[token.i + 1]) and not doc[token.i + 1].is_sent_start:
                continue  # "AI Act": the suffix is inside a longer name
            start = self._run_start(doc, token.i)
            end = token.i + 1
            if end < len(doc) and doc[end].text == "." and token.text in self.abbreviated_suffixes:
                end += 1  # "Lumora Inc." : the tokenizer cuts the abbreviation's dot
            if start < token.i and self._valid_name(doc[start : token.i]):
                found.append(NamedSpan(Span(doc, start, end, label="ORG"), "ORG", None, True, "pattern"))
        return found

    def _run_start(self, doc: Doc, end: int) -> int:
        """Start of the capitalised run that ends before token ``end`` (openers left out)."""
        start = end
        while start > 0 and end - start < MAX_NAME_TOKENS - 1 and is_name_like(doc[start - 1]):
            start -= 1
            if doc[start].is_sent_start:
                break
        while start < end and self._is_opener(doc[start]):
            start += 1
        return start

    def _valid_name(self, span: Span) -> bool:
        """A name starts with a letter and is not only common capitalised words ("Internet")."""
        words = span_words(span)
        return words[0][:1].isalpha() and any(w not in self.not_names for w in words)

    @staticmethod
    def _is_opener(token: Token) -> bool:
        """A capitalised function word at a sentence start ("Selon", "Pour"), not part of a name."""
        return token.pos_ in OPENING_POS or (token.is_stop and token.pos_ != "PROPN")

    def cue_names(self, doc: Doc, text: str) -> list[NamedSpan]:
        """A name right after a cue noun: "la start-up nantaise Zelvio", "le PDG Paul Verdier".

        Read from the token table (texts, sentence starts, parts of speech): no ``Token`` is built."""
        found = []
        tokens = token_table(doc)
        texts, sent_starts = tokens.texts, tokens.sent_starts
        for i in _not_lower(tokens):  # a lower-case word names nothing
            word = texts[i]
            if i == 0 or not word[:1].isalnum() or word[:1].isdigit() or not name_like(word):
                continue  # (a sentence start is no reason to skip: the parser cuts sentences
                # wrongly around unknown words, "La jeune pousse lyonnaise | Velquor, qui …")
            if name_like(texts[i - 1]) and not sent_starts[i - 1]:
                continue  # not the first word of the name
            cue = self._cue_type_before(tokens, text, i)
            if cue is None:
                continue
            entity_type, adjacent = cue
            if entity_type != "PERSON" and not adjacent and self.opens_person_name(tokens, i):
                continue  # "la chaîne cryptée Maxime Saada": the person, not the channel
            if entity_type == "ORG" and tokens.folded[i - 1] in self.person_capable_cues \
                    and self.opens_person_name(tokens, i):
                continue  # "l'industriel Gérard Morin": a cue a person bears too, before a person's name
            end = self._name_end(tokens, i)
            if entity_type in ("ORG", "PRODUCT"):
                end = self._joined_name_end(tokens, end)
            if entity_type == "PERSON":
                end = max(end, self._surname_end(doc, i + 1))  # "l'historien Amaury Chabert de Lassagne"
            if entity_type == "PERSON" and self._person_inside(doc, tokens, i, end):
                continue  # "le pilote Red Bull Max Verstappen": the team qualifies the noun, the person follows
            if not self._valid_name(doc[i:end]):
                continue
            found.append(NamedSpan(Span(doc, i, end, label=entity_type), entity_type, None, True, "pattern"))
        return found

    def _name_end(self, tokens: TokenTable, start: int) -> int:
        texts, sent_starts = tokens.texts, tokens.sent_starts
        end = start + 1
        while end < len(texts) and end - start < MAX_NAME_TOKENS:
            if glued_hyphen(tokens, end) and name_like(texts[end + 1]):
                end += 2  # "Al-Hilal" cut by the tokenizer into "Al", "-", "Hilal": one name
                continue
            if not name_like(texts[end]):
                break
            if sent_starts[end] or self.opens_person_name(tokens, end):
                break  # "le patron d'Ineos Jim Ratcliffe": the company ends where a person starts
            end += 1
        return end

    def _joined_name_end(self, tokens: TokenTable, end: int) -> int:
        """An organisation's name goes on over a contracted article and a capitalised word:
        "le parc d'attractions Puy du Fou", "le groupe Compagnie des Alpes", "le constructeur
        Chantiers de l'Atlantique" (``actors.toml: name_inner_articles``); a bare "de" more often
        opens a place ("la société Orvane de Lyon") and ends the name."""
        texts, folded = tokens.texts, tokens.folded
        while end + 1 < len(texts):
            width = next((len(a) for a in self.inner_articles if tuple(folded[end : end + len(a)]) == a), 0)
            if not width or end + width >= len(texts) or not name_like(texts[end + width]) \
                    or tokens.sent_starts[end + width]:
                break
            end = self._name_end(tokens, end + width)
        return end

    def _person_inside(self, doc: Doc, tokens: TokenTable, start: int, end: int) -> bool:
        """Whether a person's name starts after the first word of the run ``start``-``end`` or
        right after it: a first name and a capitalised word, or the model's person."""
        return any(self.opens_person_name(tokens, k) or doc[k].ent_iob_ == "B" and doc[k].ent_type_ == "PER"
                   for k in range(start + 1, min(end + 1, len(tokens.texts))))

    def opens_person_name(self, tokens: TokenTable, i: int) -> bool:
        """A first name followed by a capitalised word: "Jim Ratcliffe", "Maxime Saada"."""
        texts = tokens.texts
        return i + 1 < len(texts) and texts[i] in self.first_names and texts[i + 1][:1].isupper()

    def _cue_type_before(self, tokens: TokenTable, text: str, i: int) -> tuple[str, bool] | None:
        """The type a cue gives to the name starting at token ``i``, looking back past up to two
        adjectives and a short "de …" complement ("le fabricant américain de puces").

        Past a complement only organisation and product cues count: in "la présidente de la
        Commission" the name is not the person the cue describes.
        """
        if self._after_demonym(tokens, i):
            return "ORG", True
        acronym = self._is_acronym(tokens, i)
        starts = tokens.starts
        seen = seen_last_words(tokens, text)
        for first, crossed_complement in self._cue_ends(tokens, i):
            if last_word_before(text, starts[first], seen=seen) not in self.cue_last_words:
                continue  # no cue ends here (whatever the index: each needs its last word)
            before = line_before(text, starts[first])
            if first == i and self.role_cues.type_at_end(before):
                return "ORG", True
            # no person past a complement or for an acronym: "la présidente de la Commission",
            # "sénateur RPR"
            cues = self.object_cues if crossed_complement or acronym else self.cues
            entity_type = cues.type_at_end(before)
            if entity_type:
                return entity_type, first == i
        return None

    def _after_demonym(self, tokens: TokenTable, i: int) -> bool:
        """"l'américain Westinghouse", "le japonais Toyo Tire": an article and a lower-case
        adjective of origin with no noun before a name say a company (a person's nationality
        takes a capital: "le Japonais Taro Aso")."""
        if i < 2 or not tokens.texts[i - 1].islower() or tokens.folded[i - 1] not in self.demonyms:
            return False
        if self.opens_person_name(tokens, i):
            return False  # "le britannique Lewis Hamilton", the capital forgotten
        return unify_apostrophes(tokens.texts[i - 2].lower()) in self.demonym_articles

    def _is_acronym(self, tokens: TokenTable, i: int) -> bool:
        texts = tokens.texts
        word = texts[i]
        # "député UMP Henri Guaino": an acronym before a person's name is still an acronym
        return word.isupper() and len(word) <= 5 and (
            i + 1 >= len(texts) or not name_like(texts[i + 1]) or self.opens_person_name(tokens, i + 1)
        )

    def _cue_ends(self, tokens: TokenTable, i: int) -> list[tuple[int, bool]]:
        """Token positions right after where a cue may end, nearest first, each with whether a
        "de" complement lies between it and the name: past each lower-case content word
        ("nantaise", "puces") and each "de"/"d'" that is not right before the name."""
        texts, pos, is_punct = tokens.texts, tokens.pos, tokens.is_punct
        ends = [(i, False)]
        j, crossed = i, False
        while j > 0 and i - j < 5:
            previous = texts[j - 1]
            sector = previous in self.sector_acronyms  # "le géant du BTP Vinci"
            if not (previous.islower() or sector) or is_punct[j - 1] or pos[j - 1] in ("VERB", "AUX"):
                break
            content = sector or pos[j - 1] in CONTENT_POS
            if not content and (j == i or unify_apostrophes(previous) not in self.complement_words):
                break  # a name right after "de" is the complement ("le géant de Mountain View")
            crossed = crossed or not content
            j -= 1
            ends.append((j, crossed))
        return ends

    def apposition_names(self, doc: Doc, text: str) -> list[NamedSpan]:
        """A name followed by a comma and a cue: "Zelvio, une start-up nantaise, …"."""
        found = []
        tokens = token_table(doc)
        texts = tokens.texts
        for i in tokens.positions((",",)):
            if i == 0 or i + 2 >= len(texts) or not name_like(texts[i - 1]):
                continue
            if tokens.pos[i + 1] in ("VERB", "AUX") and tokens.folded[i + 2] in self.move_links:
                continue  # "Gaëtan Laborde, parti au FC Nantes": the participle of "partir", no party
            if tokens.pos[i + 1] == "VERB" and tokens.pos[i + 2] == "DET" \
                    and "Fin" in doc[i + 1].morph.get("VerbForm", []):
                continue  # "X, produit la moitié des volumes": a finite verb and its object, no apposition
            idx = tokens.starts[i]
            after = fold(text[idx + 1 : idx + 48]).lstrip()
            entity_type = self._cue_type_after(after)
            if entity_type is None:
                continue
            if self._subject_after(tokens, i):
                continue  # "Fondée par A et B, la société édite …": the clause's subject, no apposition
            comma = doc[i]
            start = self._run_start(doc, comma.i)
            if start < comma.i and self._valid_name(doc[start : comma.i]):
                if entity_type == "PERSON" and (comma.i - start < 2 or start > 0 and doc[start - 1].pos_ == "DET"):
                    continue  # "Pour la Suède, l'ancien ministre …": a place, not the minister
                if entity_type == "PERSON" and start > 0 and doc[start - 1].pos_ == "ADP" \
                        and doc[start].text not in self.first_names and self._in_fronted_phrase(doc, start):
                    continue  # "Interrogée sur France Inter, la ministre …": a fronted phrase's channel
                span = Span(doc, start, comma.i, label=entity_type)
                found.append(NamedSpan(span, entity_type, None, True, "pattern"))
        return found

    def named_after_description(self, doc: Doc, text: str) -> list[NamedSpan]:
        """A definite description of an organisation, a comma and a name closed by a comma:
        "L'entreprise bénéficiaire, Thermix, conteste …", "Le fabricant lyonnais, Mécalor, a …"."""
        found = []
        tokens = token_table(doc)
        texts, pos = tokens.texts, tokens.pos
        for i in tokens.positions((",",)):
            k = last = _before_trade_complement(tokens, i - 1)  # "Le leader mondial du verre, X,"
            while k > 0 and last + 1 - k <= MAX_ADJECTIVES_BEFORE_COMMA and texts[k].islower() and (
                    pos[k] == "ADJ" or pos[k] == "VERB" and "Part" in doc[k].morph.get("VerbForm", [])):
                k -= 1  # "l'entreprise bénéficiaire", "le sous-traitant choisi"
            if k < 1 or not texts[k].islower() or pos[k] != "NOUN":
                continue
            kind = self.cues.type_at_end(line_before(text, tokens.ends[k]))
            if not (kind == "ORG" and tokens.folded[k - 1] in self.named_description_articles
                    or kind == "ORG" and self._possessed_part(tokens, k)
                    or kind == "PRODUCT" and self._opens_product_description(tokens, k)):
                continue
            start = i + 1
            end = start
            while end < len(texts) and end - start < MAX_NAME_TOKENS and name_like(texts[end]) and not tokens.sent_starts[end]:
                end += 1
            if end == start or end >= len(texts) or texts[end] != ",":
                continue
            if last != i - 1 and texts[k] in self.named_description_person_heads and end - start > 1 \
                    and all(doc[t].ent_type_ == "PER" for t in range(start, end)):
                continue  # "Le champion olympique du judo, Teddy Riner,": a person's full name
            span = Span(doc, start, end, label=kind)
            if self._valid_name(span) and texts[start] not in self.first_names:
                found.append(NamedSpan(span, kind, None, True, "pattern"))
        return found

    def _possessed_part(self, tokens: TokenTable, noun: int) -> bool:
        """"sa filiale roumaine, X,": a company's part after a possessive (``subsidiary_cues``);
        other nouns after a possessive may be a person ("son partenaire, X")."""
        return tokens.folded[noun] in self.subsidiary_cues and tokens.folded[noun - 1] in self.part_possessives

    def _opens_product_description(self, tokens: TokenTable, noun: int) -> bool:
        """"son nouveau jeu, X,", "sa dernière console, X,", "le modèle, X,": the product noun
        after a definite or possessive determiner and at most two adjectives before it."""
        k = noun - 1
        while k > 0 and noun - k <= MAX_ADJECTIVES_BEFORE_COMMA and tokens.pos[k] == "ADJ" and tokens.texts[k].islower():
            k -= 1
        return tokens.folded[k] in self.named_product_determiners

    @staticmethod
    def _in_fronted_phrase(doc: Doc, start: int) -> bool:
        """Whether the name at ``start`` closes a phrase opening its sentence on a participle or a
        preposition, with no comma before it ("Interrogée sur X, …", "Selon X, …"); not "En
        Grande-Bretagne, il s'agit de X, …"."""
        opening = doc[start].sent.start
        first = doc[opening]
        return (first.pos_ == "ADP" or first.pos_ == "VERB" and "Part" in first.morph.get("VerbForm", [])) \
            and not any(t.text == "," for t in doc[opening:start])

    @staticmethod
    def _subject_after(tokens: TokenTable, comma: int) -> bool:
        """Whether the noun phrase right after the comma is the subject of the verb after it
        ("Fondée par A et B, la société édite …"), not an apposition of the name before the comma.
        An apposition is closed by a comma before the verb ("Korvan, concepteur de Y, a été
        racheté"), even where the parser made it the subject."""
        j = comma + 1
        while j < len(tokens.texts) and tokens.pos[j] in ("DET", "ADJ"):
            j += 1
        if j >= len(tokens.texts) or tokens.pos[j] != "NOUN" or tokens.deps[j] not in LABELS.subjects:
            return False
        verb = tokens.heads[j]
        return verb > j and "," not in tokens.texts[j + 1 : verb]

    def _cue_type_after(self, after: str) -> str | None:
        """The type of the cue that opens ``after``, past a determiner and one adjective
        ("une start-up", "son premier modèle")."""
        for determiner in self.apposition_determiners:
            if not after.startswith(determiner):
                continue
            rest = after[len(determiner) :]
            words = rest.split(" ", 1)
            for candidate in (rest, words[1] if len(words) == 2 else ""):
                entity_type = self.cues.type_at_start(candidate)
                if entity_type:
                    return entity_type
        return None

    # -- after the first pass -----------------------------------------------------------
    def propagate(self, doc: Doc, names: list[NamedSpan], taken: set[int]) -> list[NamedSpan]:
        """Other occurrences of unknown names typed so far, and the surnames of unknown people,
        outside the token positions ``taken`` by surer names (:func:`name_forms.other_occurrences`)."""
        return other_occurrences(doc, names, taken, self.first_names, self.particles, self.possessive_relatives)
