"""Stores and clients the web tests share (this module holds no test of its own).

``hand_store_path`` builds, without spaCy, a small store whose every value the tests know: a
2015 article where Musk and Altman found OpenAI, a 2025 article with Musk's 97.4 billion dollar
bid and Altman's « non merci », and a hostile article whose text carries markup. ``example_db``
ingests ``examples/`` with the real pipeline once per test session (slow tests only).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from chronique.model import Annotations, Document, Entity, Money, Quote, Relation, Timex
from chronique.store import Store
from chronique.web import WebSettings, create_app
from tests.builders import event, sentences, span
from tests.conftest import EXAMPLES

MUSK, ALTMAN, OPENAI = "elon-musk", "sam-altman", "openai"
TOKEN = "s3cret-token-for-tests-0123456789"

TEXT_2015 = "En décembre 2015, Elon Musk et Sam Altman fondent OpenAI. Musk salue le projet."
TEXT_2025 = (
    "Elon Musk a proposé de racheter OpenAI pour 97,4 milliards de dollars en février 2025. "
    "Sam Altman a répondu « non merci » au milliardaire."
)
HOSTILE_TEXT = (
    'Elon Musk écrit <script>window.__pwned=1</script> puis <img src=x onerror="window.__pwned=2"> '
    "& « <b>non</b> »."
)


def _people(text: str, musk_words: tuple[str, ...], altman: bool = True) -> list[Entity]:
    people = [Entity("musk", "Elon Musk", "PERSON", MUSK, ("Musk",), tuple(span(text, w) for w in musk_words))]
    if altman:
        people.append(Entity("sam", "Sam Altman", "PERSON", ALTMAN, ("Altman",), (span(text, "Sam Altman"),)))
    return people


def founding_article() -> Annotations:
    text = TEXT_2015
    return Annotations(
        document=Document("doc-2015", text, date(2015, 12, 12), "fr", "La fondation", None, "Ex", "a"),
        entities=[*_people(text, ("Elon Musk",)),
                  Entity("oai", "OpenAI", "ORG", OPENAI, (), (span(text, "OpenAI"),))],
        timexes=[Timex(*span(text, "décembre 2015"), "décembre 2015", "DATE", "2015-12", "2015-12-01", "2015-12-31")],
        events=[event(text, "FOUND", ("musk", "sam"), ("oai",), "Elon Musk et Sam Altman fondent OpenAI",
                      "fondent", date="2015-12", date_start="2015-12-01", date_end="2015-12-31", score=3.5)],
        sentences=sentences(text),
    )


def bid_article() -> Annotations:
    text = TEXT_2025
    return Annotations(
        document=Document("doc-2025", text, date(2025, 2, 11), "fr", "L'offre", "https://ex.fr/a", "Ex", "b"),
        entities=[*_people(text, ("Elon Musk",)),
                  Entity("oai", "OpenAI", "ORG", OPENAI, (), (span(text, "OpenAI"),))],
        timexes=[Timex(*span(text, "février 2025"), "février 2025", "DATE", "2025-02", "2025-02-01", "2025-02-28")],
        money=[Money(*span(text, "97,4 milliards de dollars"), "97,4 milliards de dollars", 97.4e9, "USD")],
        quotes=[Quote(*span(text, "non merci"), "non merci", "sam", "a répondu", "musk")],
        events=[
            event(text, "BID", ("musk",), ("oai",), "Elon Musk a proposé de racheter OpenAI", "proposé",
                  date="2025-02", date_start="2025-02-01", date_end="2025-02-28", amount=97.4e9,
                  currency="USD", score=-5.0),
            event(text, "REJECT", ("sam",), ("musk",), "Sam Altman a répondu « non merci »", "répondu",
                  date="2025-02", date_start="2025-02-01", date_end="2025-02-28", score=-4.0),
        ],
        relations=[Relation("ROLE", "sam", "oai", *span(text, "Sam Altman"), title="ceo")],
        sentences=sentences(text),
    )


def hostile_article() -> Annotations:
    text = HOSTILE_TEXT
    return Annotations(
        document=Document("doc-hostile", text, date(2025, 3, 1), "fr", "<i>Titre</i> piégé", None, None, "c"),
        entities=_people(text, ("Elon Musk",), altman=False),
        quotes=[Quote(*span(text, "<b>non</b>"), "<b>non</b>", "musk")],
        sentences=sentences(text),
    )


def build_hand_store(path: Path) -> Path:
    with Store(path) as store:
        store.save([founding_article(), bid_article(), hostile_article()])
    return path


def make_app(db_path: Path, token: str | None = None, **settings: Any):
    return create_app(WebSettings(db_path=db_path, token=token, **settings))


def request(app, method: str, url: str, **kwargs: Any) -> httpx.Response:
    """One request to the app in-process, through httpx's ASGI transport."""
    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
            return await client.request(method, url, **kwargs)

    return asyncio.run(send())


_EXAMPLE_DB: dict[str, Path] = {}


def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of ``examples/`` ingested by the real CLI, built once per session (~20 s)."""
    if "path" not in _EXAMPLE_DB:
        path = tmp_path_factory.mktemp("examples") / "examples.db"
        subprocess.run([sys.executable, "-m", "chronique", "ingest", str(EXAMPLES), "--db", str(path)],
                       check=True, capture_output=True, timeout=600)
        _EXAMPLE_DB["path"] = path
    return _EXAMPLE_DB["path"]
