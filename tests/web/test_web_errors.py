"""Errors over HTTP: every class of the tree answers its status (JSON under /api, a page
elsewhere, always with the security headers), and the refusals issue 13 asked for: a body over
the limit, a date sent as a number, a foreign Host, ingest switched off, one actor twice."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from chronique.errors import (
    ChroniqueError,
    ConfigurationError,
    InvalidPeriodError,
    MissingDatabaseError,
    StoreError,
    UnknownActor,
    UnknownDocument,
)
from chronique.web.errors import HTTP_STATUS, http_status
from chronique.web.security import CONTENT_SECURITY_POLICY, host_name
from chronique.web.settings import LOCAL_HOSTS, allowed_hosts
from tests.conftest import ROOT
from tests.test_errors import error_tree
from tests.web.test_web_fixtures import TOKEN, build_hand_store, make_app, request

DOCS = ROOT / "docs" / "web.md"
SECRET = "/srv/private/news.db"


@pytest.fixture(scope="module")
def hand_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hand_store(tmp_path_factory.mktemp("web-errors") / "hand.db")


def assert_secured(response: httpx.Response) -> None:
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def an_error(cls: type[ChroniqueError]) -> ChroniqueError:
    """An instance of any class of the tree, whatever its constructor takes."""
    special = {
        UnknownActor: lambda: UnknownActor("Nobody"),
        UnknownDocument: lambda: UnknownDocument("nope"),
        InvalidPeriodError: lambda: InvalidPeriodError(date(2025, 3, 1), date(2025, 1, 1)),
        MissingDatabaseError: lambda: MissingDatabaseError(SECRET),
    }
    return special[cls]() if cls in special else cls(f"something about {SECRET}")


# -- one table, the whole tree -----------------------------------------------------------------------


def test_every_error_class_has_a_status_by_the_rule():
    for cls in error_tree():
        status = http_status(cls)
        if issubclass(cls, StoreError):
            assert status == 503, cls
        elif issubclass(cls, ConfigurationError) or cls is ChroniqueError:
            assert status == 500, cls
        else:  # everything else is the user's to fix
            assert 400 <= status < 500, cls


def test_docs_web_md_gives_the_status_of_every_class():
    rows = dict(re.findall(r"^\| `(\w+)` \| (\d{3}) \|", DOCS.read_text("utf-8"), re.M))
    assert {name: int(status) for name, status in rows.items()} == {cls.__name__: http_status(cls) for cls in HTTP_STATUS}


def test_every_error_class_answers_its_status_over_http(hand_store_path: Path):
    app = make_app(hand_store_path)
    tree = sorted(error_tree(), key=lambda cls: cls.__name__)

    def raise_it(name: str) -> None:
        raise an_error(next(cls for cls in tree if cls.__name__ == name))

    app.add_api_route("/api/raise/{name}", raise_it)
    app.add_api_route("/raise/{name}", raise_it)
    for cls in tree:
        status = http_status(cls)
        response = request(app, "GET", f"/api/raise/{cls.__name__}")
        assert (response.status_code, response.headers["content-type"]) == (status, "application/json"), cls
        assert_secured(response)
        detail = response.json()["detail"]
        if status < 500:
            assert detail == str(an_error(cls))
        else:  # the server's own trouble: no path of the server in the answer
            assert SECRET not in detail and "server log" in detail
        page = request(app, "GET", f"/raise/{cls.__name__}")
        assert page.status_code == status and page.headers["content-type"].startswith("text/html"), cls
        assert_secured(page)


# -- the important cases, on the real endpoints ------------------------------------------------------


def test_an_unknown_actor_or_document_is_404_on_the_api_and_the_pages(hand_store_path: Path):
    app = make_app(hand_store_path)
    for url in ("/api/entities/Nobody", "/api/documents/nope", "/actors/Nobody", "/documents/nope"):
        response = request(app, "GET", url)
        assert response.status_code == 404, url
        assert_secured(response)


def test_a_database_the_server_cannot_use_is_503_without_its_path(tmp_path: Path):
    broken = tmp_path / "broken.db"
    broken.write_text("not a database, only words " * 100, "utf-8")
    app = make_app(broken)
    api = request(app, "GET", "/api/entities")
    assert api.status_code == 503
    assert api.json() == {"detail": "the database is unavailable; the server log says why"}
    assert_secured(api)
    page = request(app, "GET", "/")
    assert page.status_code == 503 and str(broken) not in page.text
    assert_secured(page)


def test_a_bug_is_a_500_that_still_carries_the_security_headers(hand_store_path: Path):
    app = make_app(hand_store_path)

    def broken() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/api/bug", broken)

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
            return await client.get("/api/bug")

    response = asyncio.run(send())
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error; the server log says why"}
    assert_secured(response)


# -- issue 13: the smaller defects -------------------------------------------------------------------

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize("chunked", [False, True])
def test_a_body_over_the_limit_is_a_json_413_with_the_security_headers(hand_store_path: Path, chunked: bool):
    app = make_app(hand_store_path, token=TOKEN, max_body_bytes=10_000)
    body = b'{"text": "' + b"x" * 20_000 + b'", "date": "2025-01-01"}'

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 4096):
            yield body[start:start + 4096]

    content = chunks() if chunked else body
    response = request(app, "POST", "/api/documents", content=content,
                       headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"detail": "the request body is over the limit of 10,000 bytes"}
    assert_secured(response)


@pytest.mark.parametrize("value", [0, 1_700_000_000, 20250101, 1.5, True, "2025-01-01T00:00:00", "20250101",
                                   "2025-1-1", None])
def test_the_ingest_date_is_only_an_iso_day_string(hand_store_path: Path, value: object):
    app = make_app(hand_store_path, token=TOKEN)
    response = request(app, "POST", "/api/documents", json={"text": "Bonjour.", "date": value}, headers=AUTH)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["body", "date"]


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.2"])
def test_a_foreign_host_is_refused_with_400(hand_store_path: Path, host: str):
    response = request(make_app(hand_store_path), "GET", "/api/entities", headers={"Host": host})
    assert response.status_code == 400
    assert "is not served here" in response.json()["detail"] and "--allow-host" in response.json()["detail"]
    assert_secured(response)


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "LocalHost.", "127.0.0.1:8000", "[::1]:8000"])
def test_this_machine_is_served_under_its_loopback_names(hand_store_path: Path, host: str):
    assert request(make_app(hand_store_path), "GET", "/api/entities", headers={"Host": host}).status_code == 200


def test_added_hosts_are_served_and_a_star_serves_any(hand_store_path: Path):
    named = make_app(hand_store_path, allowed_hosts=allowed_hosts("0.0.0.0", ["news.lan"]))
    assert request(named, "GET", "/api/entities", headers={"Host": "news.lan:8000"}).status_code == 200
    assert request(named, "GET", "/api/entities", headers={"Host": "other.lan"}).status_code == 400
    anyone = make_app(hand_store_path, allowed_hosts=("*",))
    assert request(anyone, "GET", "/api/entities", headers={"Host": "other.lan"}).status_code == 200


def test_the_allowed_hosts_come_from_the_bind_address_the_option_and_the_environment():
    assert allowed_hosts("127.0.0.1", [], {}) == LOCAL_HOSTS
    assert allowed_hosts("192.168.1.20", ["News.LAN"], {"CHRONIQUE_ALLOWED_HOSTS": "a.example, b.example"}) == (
        *LOCAL_HOSTS, "192.168.1.20", "news.lan", "a.example", "b.example")
    assert allowed_hosts("0.0.0.0", [], {}) == LOCAL_HOSTS  # every interface is not a name
    assert allowed_hosts("::", [], {}) == LOCAL_HOSTS
    assert (host_name("[::1]:8000"), host_name("Example.ORG.:80"), host_name("::1")) == ("::1", "example.org", "::1")


def test_ingest_off_is_403_and_on_without_the_token_is_401(hand_store_path: Path):
    record = {"text": "Bonjour.", "date": "2025-01-01"}
    off = request(make_app(hand_store_path), "POST", "/api/documents", json=record)
    assert off.status_code == 403 and "--token-file" in off.json()["detail"]
    on = request(make_app(hand_store_path, token=TOKEN), "POST", "/api/documents", json=record)
    assert on.status_code == 401 and on.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("query", ["a=Musk&b=Musk", "a=Musk&b=elon-musk", "a=Elon%20Musk&b=musk"])
def test_the_series_of_one_actor_with_itself_is_refused(hand_store_path: Path, query: str):
    response = request(make_app(hand_store_path), "GET", f"/api/series?{query}")
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["query", "b"] and "same actor (elon-musk)" in problem["msg"]
