"""Every command and option is documented, and the public API is what it says it is."""

from __future__ import annotations

import re

import typer.main

import chronique
import chronique.cli.entity_commands  # noqa: F401  (registers 'entities' wherever the CLI is built)
from chronique.cli import app
from tests.conftest import ROOT


def command_names() -> list[str]:
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def group_names() -> list[str]:
    return sorted(g.name or g.typer_instance.info.name for g in app.registered_groups)


def long_options(command) -> list[str]:
    return [option for parameter in command.params for option in parameter.opts if option.startswith("--")]


def test_every_command_has_a_doc_page_that_names_its_options():
    click_group = typer.main.get_command(app)
    for name in command_names():
        page = ROOT / "docs" / "commands" / f"{name}.md"
        assert page.exists(), f"docs/commands/{name}.md is missing"
        text = page.read_text("utf-8")
        for option in long_options(click_group.commands[name]):
            assert option in text, f"{option} of '{name}' is not in {page.name}"


def test_every_command_group_page_names_its_sub_commands_and_their_options():
    click_group = typer.main.get_command(app)
    assert group_names(), "no command group registered: this test would check nothing"
    for name in group_names():
        page = ROOT / "docs" / "commands" / f"{name}.md"
        assert page.exists(), f"docs/commands/{name}.md is missing"
        text = page.read_text("utf-8")
        group = click_group.commands[name]
        assert hasattr(group, "commands"), f"'{name}' is not a command group"
        for option in long_options(group):
            assert option in text, f"{option} of '{name}' is not in {page.name}"
        for sub_name, sub_command in group.commands.items():
            assert f"{name} {sub_name}" in text, f"'{name} {sub_name}' is not in {page.name}"
            for option in long_options(sub_command):
                assert option in text, f"{option} of '{name} {sub_name}' is not in {page.name}"


def test_readme_opens_with_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.S).group(1)
    assert first_block.splitlines()[0].startswith("make demo")
    assert first_block.splitlines()[1].startswith("make test")


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")


PUBLIC_API = {
    "Annotations", "Chronicle", "ChroniqueError", "Document", "Entity", "Event", "IngestReport",
    "InputError", "Money", "NotFoundError", "Quote", "Rejection", "Relation", "Store", "StoreError",
    "Timex", "UnknownActor", "UnsupportedLanguageError", "UsageError", "__version__",
    "annotate_paths", "annotate_text", "annotate_texts", "ingest_paths", "read_paths",
}


def test_public_api_is_exactly_the_documented_names():
    assert set(chronique.__all__) == PUBLIC_API
    for name in chronique.__all__:
        assert hasattr(chronique, name), name
