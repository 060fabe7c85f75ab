"""Read chronique's data files (lexicons, knowledge base, ontology) from ``resources/``.

Rules and word lists live in data files, not in code (DESIGN.md, principle 4: language is data).
TOML is the format for hand-written lexicons and rules (comments, read by the standard library);
JSON lines for long lists of records such as the knowledge base.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["resource_text", "load_toml", "load_jsonl", "lexicon"]


def resource_text(relative_path: str) -> str:
    """The text of ``resources/<relative_path>`` inside the installed package."""
    return resources.files("chronique").joinpath("resources", relative_path).read_text("utf-8")


@cache
def load_toml(relative_path: str) -> dict[str, Any]:
    """A TOML resource, parsed once per process."""
    return tomllib.loads(resource_text(relative_path))


@cache
def load_jsonl(relative_path: str) -> tuple[dict[str, Any], ...]:
    """A JSON-lines resource as a tuple of records (blank lines and ``//`` comments skipped)."""
    records = []
    for line in resource_text(relative_path).splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            records.append(json.loads(line))
    return tuple(records)


def lexicon(lang: str, name: str) -> dict[str, Any]:
    """The lexicon ``resources/lexicons/<lang>/<name>.toml``."""
    return load_toml(f"lexicons/{lang}/{name}.toml")
