"""The TimelineJS export checked against TimelineJS3's JSON format (Knight Lab, "JSON format"):
the object's and each slide's fields, date objects at the precision the text gives, and every
slide citing its articles and sentences."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chronique.cli import app
from chronique.errors import UnknownActor
from chronique.export import export_store
from chronique.export.timelinejs import timeline_date
from chronique.store import Store

# TimelineJS3's JSON format: the fields of the timeline, a slide, a date, a text and a media object.
TIMELINE_FIELDS = {"events", "title", "eras", "scale"}
SLIDE_FIELDS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink",
                "unique_id"}
DATE_FIELDS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
TEXT_FIELDS = {"headline", "text"}
MEDIA_FIELDS = {"url", "caption", "credit", "thumbnail", "alt", "title", "link", "link_target"}

runner = CliRunner()


def check_date(value: dict[str, Any]) -> None:
    assert set(value) <= DATE_FIELDS and isinstance(value["year"], int), value
    if "month" in value:
        assert 1 <= value["month"] <= 12
    if "day" in value:
        assert "month" in value and 1 <= value["day"] <= 31


def check_timeline(document: dict[str, Any]) -> None:
    """A TimelineJS3 document: ``events`` required, each slide with a ``start_date``."""
    assert set(document) <= TIMELINE_FIELDS and isinstance(document["events"], list)
    assert document.get("scale", "human") in ("human", "cosmological")
    assert set(document["title"]) <= SLIDE_FIELDS - {"start_date"} | {"text", "media"}
    for slide in document["events"]:
        assert set(slide) <= SLIDE_FIELDS, slide
        check_date(slide["start_date"])
        if "end_date" in slide:
            check_date(slide["end_date"])
        assert set(slide["text"]) <= TEXT_FIELDS
        if "media" in slide:
            assert set(slide["media"]) <= MEDIA_FIELDS and slide["media"]["url"]


def _export(store: Store, path: Path, *actors: str) -> dict[str, Any]:
    export_store(store, "timelinejs", path, actors=actors)
    return json.loads(path.read_text("utf-8"))


def test_an_actors_timeline_is_valid_timelinejs_at_the_texts_precision(small: Store, tmp_path: Path) -> None:
    path = tmp_path / "musk.json"
    summary = export_store(small, "timelinejs", path, actors=("Elon Musk",))
    document = json.loads(path.read_text("utf-8"))
    check_timeline(document)
    assert summary.counts == {"events": 3, "undated events left out": 1}
    assert document["title"]["text"]["headline"] == "Elon Musk"
    slides = {slide["unique_id"]: slide for slide in document["events"]}
    assert list(slides) == ["ev_3c5192f9a46f", "ev_ec8fe06f6c0b", "ev_74010328e0f2"]  # oldest first
    assert slides["ev_3c5192f9a46f"]["start_date"] == {"year": 2018}  # "en 2018": a year, not 1 January
    assert slides["ev_ec8fe06f6c0b"]["start_date"] == {"year": 2025, "month": 2}  # "février 2025"
    assert "end_date" not in slides["ev_ec8fe06f6c0b"]


def test_each_slide_cites_its_articles_and_sentences(small: Store, tmp_path: Path) -> None:
    document = _export(small, tmp_path / "pair.json", "Elon Musk", "Sam Altman")
    check_timeline(document)
    assert document["title"]["text"]["headline"] == escape("Elon Musk & Sam Altman")
    bid = next(slide for slide in document["events"] if slide["unique_id"] == "ev_ec8fe06f6c0b")
    text = bid["text"]["text"]
    assert bid["text"]["headline"] == "Elon Musk → OpenAI · BID" and bid["group"] == "BID"
    # Both articles that tell the bid, each with its sentence, title, outlet, date and id.
    assert ("<blockquote>Elon Musk a proposé de racheter OpenAI pour 97,4 milliards de dollars en février 2025."
            "</blockquote>") in text
    assert '<a href="https://example.org/a">L&#x27;offre</a> (Ex, 2025-02-11) · a' in text
    assert "<blockquote>En février 2025, Musk a offert de racheter OpenAI.</blockquote><p>— b (2025-11-02) · b</p>" in text
    assert bid["media"] == {"url": "https://example.org/a", "caption": escape("L'offre"), "credit": "Ex",
                            "link": "https://example.org/a"}
    reject = next(slide for slide in document["events"] if slide["unique_id"] == "ev_74010328e0f2")
    assert escape('Sam Altman a répondu "non merci, vraiment" au milliardaire.') in reject["text"]["text"]


@pytest.mark.parametrize(("value", "start", "end", "expected"), [
    ("2015", "2015-01-01", "2015-12-31", ({"year": 2015}, None)),
    ("2025-10", "2025-10-01", "2025-10-31", ({"year": 2025, "month": 10}, None)),
    ("2025-10-30", "2025-10-30", "2025-10-30", ({"year": 2025, "month": 10, "day": 30}, None)),
    ("2025-SU", "2025-06-21", "2025-09-22", ({"year": 2025, "month": 6, "day": 21, "display_date": "2025-SU"},
                                             {"year": 2025, "month": 9, "day": 22})),
])
def test_dates_keep_their_precision(value: str, start: str, end: str, expected: tuple) -> None:
    result = timeline_date(value, start, end)
    assert result == expected
    check_date(result[0])


def test_the_command_writes_a_pair_and_refuses_what_cannot_be_done(small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pair.json"
    result = runner.invoke(app, ["export", "--format", "timelinejs", "--db", str(small_db), "--actor", "Musk",
                                 "--actor", "Altman", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 2 events, 1 undated events left out" in " ".join(result.output.split())
    check_timeline(json.loads(out.read_text("utf-8")))
    for arguments, message in ((["--format", "timelinejs"], "give --actor once or twice"),
                               (["--format", "gdelt", "--actor", "Musk"], "--actor applies to timelinejs"),
                               (["--format", "timelinejs", "--actor", "Nobody"], "no actor named 'Nobody'")):
        result = runner.invoke(app, ["export", "--db", str(small_db), *arguments])
        assert result.exit_code == 2 and message in " ".join(result.output.split()), result.output


def test_an_unknown_actor_is_an_error(small: Store, tmp_path: Path) -> None:
    with pytest.raises(UnknownActor):
        export_store(small, "timelinejs", tmp_path / "x.json", actors=("Nobody",))
