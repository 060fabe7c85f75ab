"""Document readers: every format, every kind of bad input, and the stable ids."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

import chronique.documents as documents
from chronique.documents import (
    MAX_DOCUMENT_BYTES,
    Document,
    Rejection,
    decode_bytes,
    document_from_record,
    document_id,
    normalise_text,
    parse_publication_date,
    read_paths,
    read_stream,
)
from chronique.errors import DecodingError, EmptyDocumentError, InputError, MissingDateError, RecordError
from chronique.model import content_hash
from chronique.readers import sources
from tests.conftest import SHARED_EVAL

SEED_DOCS = SHARED_EVAL / "seeds" / "docs.jsonl"

BODY = (
    "Elon Musk a proposé de racheter OpenAI pour 97,4 milliards de dollars.\n\n"
    "« Non merci », a répondu Sam Altman, le patron d'OpenAI."
)
#: Only characters Latin-1 can encode (no ’ or œ): the test writes it with .encode("latin-1").
LATIN1_BODY = "L'été dernier, à Paris, ça s'est joué : « très bientôt », a-t-il écrit. Ô surprise, île, Noël."
#: Characters only Windows-1252 has among the single-byte code pages: ’ œ € …
CP1252_BODY = "L’œuvre coûte 5 € : c’est « un cœur » qui bat… Voilà."
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
NOV_3 = date(2025, 11, 3)


def read_all(*paths: str | Path, **options: object) -> list[Document | Rejection]:
    return list(read_paths(paths, **options))  # type: ignore[arg-type]


def only_document(results: list[Document | Rejection]) -> Document:
    assert len(results) == 1 and isinstance(results[0], Document), results
    return results[0]


def only_rejection(results: list[Document | Rejection]) -> Rejection:
    assert len(results) == 1 and isinstance(results[0], Rejection), results
    return results[0]


def outcomes(results: list[Document | Rejection]) -> list[tuple[str, str]]:
    """(origin, "doc" or the rejection's error class) for each result, in order."""
    return [
        (str(result.origin), "doc" if isinstance(result, Document) else result.error.__name__)
        for result in results
    ]


def jsonl(*records: object) -> str:
    return "".join((record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)) + "\n" for record in records)


# --- article format -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        " date 2025-11-03\n",
        "date 2025-11-03\n",
        "date: 2025-11-03\n",
        "  Date : 2025-11-03  \n",
        "\n\n date 2025-11-03\n\n\n",
        "DATE:2025-11-03\n",
        "date 2025-11-03T08:30:00+01:00\n",
        # The founding articles' own shape: the date and the text on the same first line.
        " date 2025-11-03 ",
        "date 2025-11-03 ",
        "\n date: 2025-11-03\t ",
        "date 2025-11-03 08:30 ",
        "date 2025-11-03T08:30:00+01:00 ",
    ],
)
def test_article_date_line_variants(tmp_path: Path, header: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(header + BODY + "\n", encoding="utf-8")
    document = only_document(read_all(path))
    assert document.date == NOV_3
    assert document.text == BODY
    assert document.id == "doc_" + content_hash(BODY)[:16]
    assert document.origin == str(path)
    assert (document.title, document.lang, document.url, document.source) == (None, None, None, None)


def test_founding_articles_are_read_as_written(shared_eval: Path) -> None:
    """The founding files begin " date 2025-11-03 Une demande…": dated, header left out."""
    records = {r["id"]: r for r in map(json.loads, SEED_DOCS.read_text("utf-8").splitlines())}
    results = read_all(shared_eval / "seeds" / "files")
    assert [(Path(d.origin).stem, d.date) for d in results] == [  # type: ignore[union-attr]
        ("000_cb4953b9c9571486", NOV_3), ("004_584e94a7610bb583", date(2025, 8, 22)),
    ]
    for document in results:
        assert isinstance(document, Document)
        assert document.text == records[Path(document.origin or "").stem]["text"]
        assert document.text.startswith(("Une demande de remboursement", "Petite pépite"))


def test_examples_hold_the_founding_articles_byte_for_byte(examples_dir: Path, shared_eval: Path) -> None:
    founding = sorted(p.read_bytes() for p in (shared_eval / "seeds" / "files").glob("*.txt"))
    assert sorted(p.read_bytes() for p in examples_dir.glob("*.txt")) == founding


def test_inline_date_header_keeps_a_text_that_starts_with_a_number(tmp_path: Path) -> None:
    path = tmp_path / "numbers.txt"
    path.write_text(" date 2025-11-03 2 000 salariés ont quitté Tesla.\nSuite.", encoding="utf-8")
    document = only_document(read_all(path, default_date=date(2020, 1, 1)))
    assert (document.date, document.text) == (NOV_3, "2 000 salariés ont quitté Tesla.\nSuite.")


def test_date_written_inside_the_first_sentence_is_not_a_header(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text("La date 2025-11-03 est retenue.\n" + BODY, encoding="utf-8")
    document = only_document(read_all(path, default_date=NOV_3))
    assert document.text.startswith("La date 2025-11-03 est retenue.")


def test_article_date_line_wins_over_default_date(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(" date 2025-08-22\n" + BODY, encoding="utf-8")
    document = only_document(read_all(path, default_date=NOV_3, default_lang="fr"))
    assert (document.date, document.lang) == (date(2025, 8, 22), "fr")


def test_article_without_date_line_needs_default_date(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(BODY, encoding="utf-8")
    rejection = only_rejection(read_all(path))
    assert rejection.origin == str(path)
    assert rejection.error is MissingDateError
    assert "no publication date" in rejection.reason and "--date" in rejection.reason

    document = only_document(read_all(path, default_date=NOV_3))
    assert (document.date, document.text) == (NOV_3, BODY)


def test_first_line_starting_with_date_word_is_text_not_header(tmp_path: Path) -> None:
    path = tmp_path / "deadline.txt"
    path.write_text("Date limite : le 30 octobre.\n" + BODY, encoding="utf-8")
    document = only_document(read_all(path, default_date=NOV_3))
    assert document.text == "Date limite : le 30 octobre.\n" + BODY
    assert document.date == NOV_3


def test_impossible_date_in_date_line_is_rejected_even_with_default(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("date 2025-13-45\n" + BODY, encoding="utf-8")
    rejection = only_rejection(read_all(path, default_date=NOV_3))
    assert "bad date '2025-13-45'" in rejection.reason and "date line" in rejection.reason


def test_date_line_alone_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "header-only.txt"
    path.write_text(" date 2025-11-03\n \n", encoding="utf-8")
    rejection = only_rejection(read_all(path))
    assert (rejection.reason, rejection.error) == ("empty document", EmptyDocumentError)


# --- JSON lines and JSON ------------------------------------------------------------------------


def test_jsonl_broken_lines_are_rejected_and_the_others_read(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        jsonl(
            {"id": "a1", "date": "2025-11-03", "lang": "FR", "text": BODY, "title": " Musk  contre\nAltman ",
             "url": "https://example.org/a1", "source": "Le Monde"},
            "",
            '{"id": "broken", "date": "2025-11-03", "text": "unterminated',
            {"id": "no-text", "date": "2025-11-03"},
            {"id": "bad-date", "date": "03/11/2025", "text": BODY},
            ["not", "an", "object"],
            {"id": "blank", "date": "2025-11-03", "text": "  \n "},
            {"date": "2025-08-22T23:30:00-07:00", "text": "Sans identifiant."},
        ),
        encoding="utf-8",
    )
    results = read_all(path)
    assert outcomes(results) == [
        (f"{path}:1", "doc"),
        (f"{path}:3", "RecordError"),
        (f"{path}:4", "RecordError"),
        (f"{path}:5", "RecordError"),
        (f"{path}:6", "RecordError"),
        (f"{path}:7", "EmptyDocumentError"),
        (f"{path}:8", "doc"),
    ]
    first, broken, no_text, bad_date, not_object, blank, derived = results
    assert first == Document(
        id="a1", text=BODY, date=NOV_3, lang="fr", title="Musk contre Altman",
        url="https://example.org/a1", source="Le Monde", origin=f"{path}:1",
    )
    assert "not valid JSON" in broken.reason
    assert no_text.reason == "missing field 'text'"
    assert bad_date.reason == "bad date '03/11/2025': expected YYYY-MM-DD"
    assert not_object.reason == "not a JSON object but list"
    assert blank.reason == "empty document"
    assert derived.id == document_id("Sans identifiant.") and derived.date == date(2025, 8, 22)


def test_jsonl_missing_date_uses_default_and_wrong_types_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "batch.ndjson"
    path.write_text(
        jsonl({"id": 7, "text": BODY}, {"id": "t", "text": 42}, {"id": "u", "text": BODY, "title": ["x"]}),
        encoding="utf-8",
    )
    results = read_all(path, default_date=NOV_3, default_lang="fr")
    assert outcomes(results) == [(f"{path}:1", "doc"), (f"{path}:2", "RecordError"), (f"{path}:3", "RecordError")]
    assert (results[0].id, results[0].date, results[0].lang) == ("7", NOV_3, "fr")
    assert results[1].reason == "field 'text' must be a string, not int"
    assert results[2].reason == "field 'title' must be a string, not list"
    assert outcomes(read_all(path))[0] == (f"{path}:1", "MissingDateError")


def test_jsonl_line_over_the_limit_is_skipped_and_reading_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_RECORD_BYTES", 200)
    path = tmp_path / "big.jsonl"
    path.write_text(jsonl({"id": "big", "date": "2025-11-03", "text": "x" * 500}, {"id": "ok", "date": "2025-11-03", "text": "Court."}))
    results = read_all(path)
    assert outcomes(results) == [(f"{path}:1", "RecordError"), (f"{path}:2", "doc")]
    assert results[0].reason == "record too large: over the limit of 200 bytes"


def test_json_file_with_a_list_and_with_one_record(tmp_path: Path) -> None:
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([{"id": "a", "date": "2025-11-03", "text": BODY}, {"id": "b", "text": BODY}]))
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"id": "c", "date": "2025-11-03", "text": BODY}))
    scalar = tmp_path / "scalar.json"
    scalar.write_text("42")
    results = read_all(listed, single, scalar)
    assert outcomes(results) == [
        (f"{listed}#1", "doc"),
        (f"{listed}#2", "MissingDateError"),
        (str(single), "doc"),
        (str(scalar), "RecordError"),
    ]
    assert [result.id for result in results if isinstance(result, Document)] == ["a", "c"]


def test_seed_documents_are_read_unchanged() -> None:
    if not SEED_DOCS.exists():
        pytest.skip("shared/eval is not next to the project")
    raw = [json.loads(line) for line in SEED_DOCS.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = read_all(SEED_DOCS)
    assert [(doc.id, doc.date.isoformat(), doc.lang, doc.text) for doc in results] == [
        (record["id"], record["date"], record["lang"], record["text"]) for record in raw
    ]
    assert [doc.id for doc in results] == ["000_cb4953b9c9571486", "004_584e94a7610bb583"]


# --- folders ------------------------------------------------------------------------------------


def test_folder_reads_every_input_in_sorted_order_and_accounts_for_each(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a_article.txt").write_text(" date 2025-11-03\n" + BODY, encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_binary.txt").write_bytes(BINARY)
    (folder / "d_latin1.txt").write_bytes(("date 2025-08-22\n" + LATIN1_BODY).encode("latin-1"))
    (folder / "e_undated.txt").write_text(BODY + " Sans date.", encoding="utf-8")
    (folder / "f_batch.jsonl").write_text(
        jsonl({"id": "j1", "date": "2025-11-03", "text": "Premier."}, "{oops", {"id": "j3", "date": "2025-11-03", "text": "Troisième."}),
        encoding="utf-8",
    )
    (folder / "g_notes.pdf").write_bytes(b"%PDF-1.7")
    (folder / ".hidden.txt").write_text(" date 2025-11-03\nCaché.", encoding="utf-8")
    (folder / "sub" / "h_article.md").write_text("date: 2025-11-04\nDans un sous-dossier.", encoding="utf-8")

    results = read_all(folder)
    assert outcomes(results) == [
        (f"{folder}/a_article.txt", "doc"),
        (f"{folder}/b_empty.txt", "EmptyDocumentError"),
        (f"{folder}/c_binary.txt", "DecodingError"),
        (f"{folder}/d_latin1.txt", "doc"),
        (f"{folder}/e_undated.txt", "MissingDateError"),
        (f"{folder}/f_batch.jsonl:1", "doc"),
        (f"{folder}/f_batch.jsonl:2", "RecordError"),
        (f"{folder}/f_batch.jsonl:3", "doc"),
        (f"{folder}/g_notes.pdf", "InputError"),
        (f"{folder}/sub/h_article.md", "doc"),
    ]
    by_origin = {Path(str(result.origin)).name: result for result in results}
    assert by_origin["b_empty.txt"].reason == "empty document"
    assert by_origin["c_binary.txt"].reason == "not text: looks like a binary file"
    assert by_origin["d_latin1.txt"].text == LATIN1_BODY
    assert by_origin["d_latin1.txt"].date == date(2025, 8, 22)
    assert "not valid JSON" in by_origin["f_batch.jsonl:2"].reason
    assert by_origin["g_notes.pdf"].reason.startswith("unsupported file type '.pdf'")
    assert by_origin["h_article.md"].text == "Dans un sous-dossier."

    with_date = outcomes(read_all(folder, default_date=NOV_3))
    assert (f"{folder}/e_undated.txt", "doc") in with_date and len(with_date) == len(results)


def test_folder_link_cycle_ends(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2025-11-03\nUn.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert outcomes(read_all(tmp_path)) == [(f"{tmp_path}/a.txt", "doc")]


def test_missing_path_is_rejected(tmp_path: Path) -> None:
    rejection = only_rejection(read_all(tmp_path / "nope.txt"))
    assert rejection.reason == "no such file or directory"


def test_named_file_of_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    article = tmp_path / "article"
    article.write_text(" date 2025-11-03\n" + BODY, encoding="utf-8")
    records = tmp_path / "records.log"
    records.write_text(jsonl({"id": "r", "date": "2025-11-03", "text": BODY}), encoding="utf-8")
    assert outcomes(read_all(article, records)) == [(str(article), "doc"), (f"{records}:1", "doc")]


# --- encodings, normalisation, limits -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (LATIN1_BODY, "latin-1"),
        (CP1252_BODY, "cp1252"),
        (CP1252_BODY, "utf-8"),
        (CP1252_BODY, "utf-8-sig"),
        (CP1252_BODY, "utf-16"),
        ("Привет, как дела? Это пример текста на русском языке для проверки.", "cp1251"),
    ],
)
def test_decode_bytes_gives_back_the_original_text(text: str, encoding: str) -> None:
    decoded, _detected = decode_bytes(text.encode(encoding))
    assert decoded == text


def test_short_latin1_text_is_not_read_as_central_european() -> None:
    # charset-normalizer alone picks a non-Western code page here and misreads the "à".
    assert decode_bytes("Musk à Altman".encode("latin-1")) == ("Musk à Altman", "cp1252")


@pytest.mark.parametrize("data", [BINARY, b"text\x00with a nul", bytes(range(1, 32)) * 10])
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(DecodingError, match="binary"):
        decode_bytes(data)


def test_normalise_text_unifies_line_endings_accents_and_drops_controls() -> None:
    assert normalise_text("e\u0301te\u0301\r\nligne\rtrois\u2028quatre") == "été\nligne\ntrois\nquatre"
    assert normalise_text("\ufeffBonjour\x07 le\x1b[0m monde\tici\fpage\x7f") == "Bonjour le[0m monde\tici\npage"


def test_same_text_gets_the_same_id_and_hash_everywhere(tmp_path: Path) -> None:
    (tmp_path / "lf.txt").write_bytes((" date 2025-11-03\n" + BODY).encode("utf-8"))
    (tmp_path / "crlf.txt").write_bytes((" date 2025-11-03\r\n" + BODY.replace("\n", "\r\n")).encode("utf-8"))
    (tmp_path / "decomposed.txt").write_text(" date 2025-11-03\n" + BODY.replace("é", "e\u0301"), encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(jsonl({"date": "2025-11-03", "text": BODY.replace("\n", "\r\n")}))
    results = read_all(tmp_path)
    assert len(results) == 4 and all(isinstance(result, Document) for result in results)
    assert {result.text for result in results} == {BODY}
    assert {result.content_hash for result in results} == {content_hash(BODY)}
    assert {result.id for result in results} == {"doc_" + content_hash(BODY)[:16]}


def test_crlf_and_lf_hash_the_same() -> None:
    assert content_hash(BODY.replace("\n", "\r\n")) == content_hash(BODY)
    assert normalise_text(BODY.replace("\n", "\r\n")) == BODY


def test_control_characters_in_a_record_are_stripped(tmp_path: Path) -> None:
    path = tmp_path / "hostile.jsonl"
    path.write_text(jsonl({"date": "2025-11-03", "text": "Musk\u0000 attaque\u001b Altman.\u0008"}))
    assert only_document(read_all(path)).text == "Musk attaque Altman."


def test_file_over_the_size_limit_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"date 2025-11-03\n" + b"a" * MAX_DOCUMENT_BYTES)
    rejection = only_rejection(read_all(path))
    assert rejection.reason == f"too large: {MAX_DOCUMENT_BYTES + 16} bytes, over the limit of {MAX_DOCUMENT_BYTES} bytes"


# --- stdin --------------------------------------------------------------------------------------


def test_stdin_article_and_jsonl_are_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(("\n date 2025-11-03\n" + BODY).encode("cp1252"))))
    document = only_document(read_all("-"))
    assert (document.origin, document.text, document.date) == ("<stdin>", BODY, NOV_3)

    stream = io.BytesIO(("\n  " + jsonl({"id": "s1", "date": "2025-11-03", "text": BODY}, "nope")).encode("utf-8"))
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=stream))
    assert outcomes(read_all("-")) == [("<stdin>:2", "doc"), ("<stdin>:3", "RecordError")]


def test_stream_over_the_size_limit_is_rejected() -> None:
    stream = io.BytesIO(b"date 2025-11-03\n" + b"a" * MAX_DOCUMENT_BYTES)
    rejection = only_rejection(list(read_stream(stream)))
    assert (rejection.origin, rejection.reason) == ("<stdin>", f"too large: over the limit of {MAX_DOCUMENT_BYTES} bytes")


def test_empty_stdin_is_an_empty_document() -> None:
    assert only_rejection(list(read_stream(io.BytesIO(b"  \n")))).reason == "empty document"


# --- API ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-03", NOV_3),
        (" 2025-11-03 ", NOV_3),
        ("2025-11-03T23:59:00Z", NOV_3),
        ("2025-11-03 08:00", NOV_3),
        (date(2025, 11, 3), NOV_3),
    ],
)
def test_parse_publication_date(value: object, expected: date) -> None:
    assert parse_publication_date(value) == expected


@pytest.mark.parametrize("value", ["2025-02-30", "20251103", "2025-W45-1", "3 novembre 2025", 20251103, None, "2025-11-03Tnope"])
def test_parse_publication_date_refuses(value: object) -> None:
    with pytest.raises(ValueError, match="bad date"):
        parse_publication_date(value)


def test_rejection_turns_into_an_error_naming_the_input() -> None:
    rejection = Rejection("docs.jsonl:4", "missing field 'text'", RecordError)
    error = rejection.to_exception()
    assert isinstance(error, RecordError) and isinstance(error, InputError)
    assert str(error) == "docs.jsonl:4: missing field 'text'"


def test_document_from_record_raises_with_the_origin() -> None:
    with pytest.raises(MissingDateError, match=r"^api:1: no publication date"):
        document_from_record({"text": BODY}, origin="api:1")


def test_public_names_exist() -> None:
    assert all(hasattr(documents, name) for name in documents.__all__)
    assert {"read_paths", "Rejection", "ReadResult", "Document", "document_id"} <= set(documents.__all__)
