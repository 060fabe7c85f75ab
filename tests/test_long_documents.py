"""Long documents: annotated in parts whose facts point into the whole text, never a crash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import chronique.pipeline as pipeline
from chronique.ingest import ingest_paths
from chronique.model import Annotations, Document, Entity, Event, Quote, Timex
from chronique.parts import merge_parts, part_bounds
from chronique.store import Store
from tests.builders import sql

NOV_3 = date(2025, 11, 3)
FIRST_NAMES = ("Claire", "Hugo", "Inès", "Julien", "Nadia", "Pierre", "Sophie", "Victor")
SURNAMES = ("Morel", "Garnier", "Fabre", "Lemoine", "Perrin", "Roussel", "Chevalier", "Aubert")
COMPANIES = ("Vandor Industries", "Kelvane Énergie", "Morlaix Capital", "Tessane Groupe")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre")
OPENING = "Élodie Marchand a rejoint Vandor Industries le 2 mars 2020."
CLOSING = "Pour finir, Élodie Marchand a quitté Vandor Industries le 4 octobre 2025."
#: Long words make few tokens per character: a 1.2 M-character text the pipeline reads in seconds.
LONG_WORDS = (
    "anticonstitutionnellement", "intergouvernementalisation", "institutionnalisation",
    "déconstitutionnalisation", "incompréhensiblement", "professionnalisation",
    "internationalisation", "disproportionnellement", "départementalisation",
)


def generated_text(characters: int) -> str:
    """Distinct French news sentences, in paragraphs, up to about ``characters`` characters."""
    paragraphs, total, n = [], 0, 0
    while total < characters:
        sentences = []
        for _ in range(4):
            person = f"{FIRST_NAMES[n % 8]} {SURNAMES[(n // 8) % 8]}"
            company = COMPANIES[(n // 3) % 4]
            day, month, year = n % 27 + 1, MONTHS[(n // 5) % 8], 2000 + n % 25
            sentences.append(f"Le {day} {month} {year}, {person} a rejoint {company} pour la {n + 1}e fois.")
            n += 1
        paragraphs.append(" ".join(sentences))
        total += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def long_word_paragraphs(characters: int) -> str:
    """About ``characters`` characters of paragraphs of 40 long lower-case words each."""
    paragraphs, total, n = [], 0, 0
    while total < characters:
        paragraphs.append(" ".join(LONG_WORDS[(n + i) % len(LONG_WORDS)] for i in range(40)) + ".")
        total += len(paragraphs[-1]) + 2
        n += 1
    return "\n\n".join(paragraphs)


# --- where the text is cut ----------------------------------------------------------------------


def test_a_text_within_the_limit_is_one_part() -> None:
    assert part_bounds("Une phrase.", 100) == [(0, 11)]


def test_cuts_prefer_paragraphs_then_sentences_then_spaces() -> None:
    text = "Un deux trois quatre.\n\nCinq six sept huit neuf. Dix onze douze treize."
    assert [text[start:end] for start, end in part_bounds(text, 30)] == [
        "Un deux trois quatre.\n\n", "Cinq six sept huit neuf. ", "Dix onze douze treize.",
    ]
    words = "Un deux trois quatre cinq six sept huit neuf dix onze douze treize."
    assert [words[start:end] for start, end in part_bounds(words, 30)] == [
        "Un deux trois quatre cinq six ", "sept huit neuf dix onze douze ", "treize.",
    ]
    assert part_bounds("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_parts_cover_the_text_in_order_and_none_is_over_the_limit() -> None:
    text = generated_text(20_000)
    bounds = part_bounds(text, 3_000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(bounds, bounds[1:]))
    assert all(1_500 <= end - start <= 3_000 for start, end in bounds[:-1])
    assert all(text[start:end].startswith("Le ") for start, end in bounds)  # cut at paragraphs


# --- how the parts are put together -------------------------------------------------------------


def test_merged_parts_point_into_the_whole_text_and_share_their_actors() -> None:
    first, second = "Elon Musk a parlé.\n\n", "Le 3 mars, Musk a accusé Sam Altman : « Non »."
    document = Document(id="d", text=first + second, date=NOV_3)
    musk = Entity("elon-musk", "Elon Musk", "PERSON", aliases=("Elon Musk",), mentions=((0, 9),))
    part_two = Annotations(
        document=document,
        entities=[
            Entity("elon-musk", "Musk", "PERSON", kb_id="Q317521", aliases=("Musk",), mentions=((11, 15),)),
            Entity("sam-altman", "Sam Altman", "PERSON", mentions=((25, 35),)),
        ],
        timexes=[Timex(0, 9, "Le 3 mars", "DATE", "2025-03-03")],
        quotes=[Quote(40, 44, "Non ", speaker="elon-musk")],
        events=[Event("ACCUSE", ("elon-musk",), ("sam-altman",), 11, 35, "accusé", 18, 24,
                      sentence_start=0, sentence_end=46)],
        sentences=[(0, 46)],
    )
    merged = merge_parts(document, [(0, Annotations(document, entities=[musk], sentences=[(0, 18)])),
                                    (len(first), part_two)])
    text, offset = document.text, len(first)
    assert [(e.key, e.name, e.kb_id, e.aliases) for e in merged.entities] == [
        ("elon-musk", "Elon Musk", "Q317521", ("Elon Musk", "Musk")), ("sam-altman", "Sam Altman", None, ()),
    ]
    assert [text[s:e] for s, e in merged.entities[0].mentions] == ["Elon Musk", "Musk"]
    assert [text[s:e] for s, e in merged.entities[1].mentions] == ["Sam Altman"]
    assert text[merged.timexes[0].start:merged.timexes[0].end] == "Le 3 mars"
    assert text[merged.quotes[0].start:merged.quotes[0].end] == "Non "
    event = merged.events[0]
    assert text[event.trigger_start:event.trigger_end] == "accusé"
    assert (event.sentence_start, event.sentence_end) == (offset, offset + 46)
    assert merged.sentences == [(0, 18), (offset, offset + 46)]


@pytest.mark.slow
def test_a_document_over_the_limit_is_annotated_in_parts_like_a_whole(monkeypatch) -> None:
    """With the limit lowered to 110 characters (two parts, cut after the second paragraph),
    facts of both parts land on their words and an actor of both is one entity."""
    text = (
        "Elon Musk a fondé xAI en 2023.\n\n"
        "Le 30 octobre 2025, Sam Altman a annulé sa commande auprès de Tesla.\n\n"
        "Le 4 novembre 2025, Elon Musk a accusé Sam Altman de mentir."
    )
    document = Document(id="long", text=text, date=NOV_3, lang="fr")
    nlp = pipeline.load_pipeline("fr")
    monkeypatch.setattr(pipeline, "MAX_PART_CHARS", 110)
    merged_from: list[list[int]] = []

    def merge_and_note(document: Document, parts: list[tuple[int, Annotations]]) -> Annotations:
        merged_from.append([start for start, _ in parts])
        return merge_parts(document, parts)

    monkeypatch.setattr(pipeline, "merge_parts", merge_and_note)
    [annotations] = list(pipeline.annotate_documents([document], nlp))
    assert merged_from == [[0, text.index("Le 4 novembre")]]
    assert annotations.document is document
    musk = next(e for e in annotations.entities if e.name == "Elon Musk")
    assert [text[s:e] for s, e in musk.mentions] == ["Elon Musk", "Elon Musk"]
    assert musk.mentions[1][0] == text.rindex("Elon Musk")
    altman = next(e for e in annotations.entities if e.name == "Sam Altman")
    assert [s for s, _ in altman.mentions] == [text.index("Sam Altman"), text.rindex("Sam Altman")]
    assert [(t.text, t.value) for t in annotations.timexes] == [
        ("2023", "2023"), ("Le 30 octobre 2025", "2025-10-30"), ("Le 4 novembre 2025", "2025-11-04"),
    ]
    assert all(text[t.start:t.end] == t.text for t in annotations.timexes)
    assert [(e.type, text[e.trigger_start:e.trigger_end], e.date) for e in annotations.events] == [
        ("FOUND", "fondé", "2023"), ("CANCEL", "annulé", "2025-10-30"), ("ACCUSE", "accusé", "2025-11-04"),
    ]
    assert text[annotations.sentences[-1][0]:].startswith("Le 4 novembre 2025")


@pytest.mark.slow
def test_a_folder_with_a_document_of_1_2_million_characters(tmp_path: Path) -> None:
    """Over spaCy's 1,000,000-character limit (error E088 before): stored whole, in one piece."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2025-11-03 Elon Musk a fondé xAI en 2023.", encoding="utf-8")
    long_text = "\n\n".join((OPENING, long_word_paragraphs(1_200_000), CLOSING))
    assert len(long_text) > 1_200_000
    (folder / "b_long.txt").write_text(" date 2025-11-03\n" + long_text, encoding="utf-8")
    (folder / "c.txt").write_text(" date 2025-08-22 Mark Zuckerberg dirige Meta depuis 2004.", encoding="utf-8")
    with Store(tmp_path / "news.db") as store:
        report = ingest_paths([folder], store)
        assert report.rejected == []
        assert [Path(origin).name for origin, _ in report.stored] == ["a.txt", "b_long.txt", "c.txt"]
        long_id = report.stored[1][1]
        assert store.document(long_id).text == long_text
        last_two = sql(store, 'SELECT start, "end" FROM mentions WHERE doc_id = ? ORDER BY start DESC LIMIT 2',
                       (long_id,))
        marchand = sql(store, 'SELECT m.start FROM mentions m JOIN entities e ON e.id = m.entity_id'
                       ' WHERE m.doc_id = ? AND e.name = ? ORDER BY m.start', (long_id, "Élodie Marchand"))
    closing = long_text.rindex(CLOSING)
    assert [(long_text[start:end], start - closing) for start, end in last_two] == [
        ("Vandor Industries", CLOSING.index("Vandor")), ("Élodie Marchand", CLOSING.index("Élodie")),
    ]
    # One actor, named in the first part and in the last.
    assert [start for (start,) in marchand] == [0, closing + CLOSING.index("Élodie")]
