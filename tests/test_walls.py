"""The walls import-linter cannot see: SQL lives in the store and nowhere else."""

from __future__ import annotations

import re

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "chronique"
SQL = re.compile(r"\b(SELECT\s+\S|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|VIRTUAL))")
SQLITE = re.compile(r"^\s*(import sqlite3|from sqlite3 import)", re.M)


def modules_outside_the_store() -> list:
    return [path for path in PACKAGE.rglob("*.py") if "store" not in path.relative_to(PACKAGE).parts[:1]]


def test_the_pattern_sees_sql():
    assert SQL.search("rows = conn.execute('SELECT id FROM events')")
    assert SQL.search('"INSERT OR IGNORE INTO aliases"')
    assert not SQL.search("select the best candidate")


def test_no_module_outside_the_store_holds_sql():
    holding = [str(path.relative_to(PACKAGE)) for path in modules_outside_the_store()
               if SQL.search(path.read_text("utf-8")) or SQLITE.search(path.read_text("utf-8"))]
    assert holding == []


#: ``token.head is token``: spaCy builds a new ``Token`` object at every access, so an identity
#: test between tokens is always false (and ``is not`` always true); tokens compare with ``==``.
_TOKEN_IDENTITY = re.compile(
    r"\b(?:\w+\.head|head|token|verb|noun|trigger|clause|current|child)\s+is\s+(?:not\s+)?"
    r"(?!None\b|True\b|False\b)(?:\w+\.head|head|token|verb|noun|trigger|clause|current|child)\b")


def test_no_identity_test_between_spacy_tokens():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted((PACKAGE / "extract").rglob("*.py")) + sorted((PACKAGE / "nlp").rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if _TOKEN_IDENTITY.search(line.split("#", 1)[0])
    ]
    assert offenders == []


def test_the_token_identity_pattern_sees_one():
    assert _TOKEN_IDENTITY.search("if verb.head is verb:")
    assert _TOKEN_IDENTITY.search("while token.head is not token:")
    assert not _TOKEN_IDENTITY.search("if verb.head is None:")
    assert not _TOKEN_IDENTITY.search("if verb.head == verb:")
