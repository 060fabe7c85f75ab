"""Dependency labels are data: the schemes under resources/schemes/, read by chronique.nlp.labels.

No module of the package spells a label the schemes define (a rule that did would not follow a
model annotated in another scheme); the schemes load into typed sets the rules rely on.
"""

from __future__ import annotations

import ast
import tomllib

import pytest
import spacy
from spacy.tokens import Doc

from chronique.errors import UnsupportedLanguageError
from chronique.nlp.labels import DependencyScheme, dependency_scheme, scheme_for_language
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "chronique"
SCHEMES = PACKAGE / "resources" / "schemes"

#: Literals that equal a label but are no label, and the label literals the actor lookups still
#: hold until they become one actor index (issue 12): (file, function, literal).
NOT_LABELS = {
    # slot names of the event lexicon ("iobj", "agent"), not dependency labels
    ("extract/events/arguments.py", "ArgumentFinder._slot", "iobj"),
    ("extract/events/arguments.py", "ArgumentFinder._slot", "agent"),
    ("extract/events/arguments.py", "", "iobj"),  # CLITIC_SLOTS: the slots a clitic may fill
}


def _scheme_labels() -> set[str]:
    """Every label (and label prefix or suffix) any scheme file names."""
    labels: set[str] = set()
    for path in SCHEMES.glob("*.toml"):
        for table in tomllib.loads(path.read_text("utf-8")).values():
            for value in table.values():
                labels.update(value if isinstance(value, list) else [value])
    return labels


def _string_literals(tree: ast.Module) -> list[tuple[str, str]]:
    """(enclosing function qualname, value) of every string constant but docstrings."""
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST, scope: str) -> None:
        body = getattr(node, "body", None)
        docstring = None
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstring = first.value
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, f"{scope}.{child.name}" if scope else child.name)
            elif isinstance(child, ast.Expr) and child.value is docstring:
                continue
            else:
                if isinstance(child, ast.Constant) and isinstance(child.value, str):
                    found.append((scope, child.value))
                visit(child, scope)

    visit(tree, "")
    return found


def test_no_module_spells_a_dependency_label():
    labels = _scheme_labels()
    assert {"nsubj", "nsubj:pass", "flat:name", "obl:arg", "ROOT"} <= labels
    spelled = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("resources/") or relative == "nlp/labels.py":
            continue
        for scope, value in _string_literals(ast.parse(path.read_text("utf-8"))):
            if value in labels and (relative, scope, value) not in NOT_LABELS:
                spelled.append(f"{relative} ({scope or 'module'}): {value!r}")
    assert spelled == []


def test_the_ud_scheme_names_what_the_extractors_mean():
    ud = dependency_scheme("ud")
    assert ud.subjects == frozenset({"nsubj", "nsubj:pass"})
    assert ud.name_parts == frozenset({"flat:name", "flat"})
    assert ud.passive_subject == "nsubj:pass"
    assert ud.root == "ROOT"
    assert "acl:relcl".startswith(ud.clausal_modifier_prefix)
    # two callers, two meanings of "subject": the quote rules count passive agents in
    assert ud.speaker_subjects - ud.subjects == frozenset({"expl:subj", "obl:agent", "agent", "nsubj:outer"})


def test_a_scheme_is_read_once_and_named_by_the_language():
    assert dependency_scheme("ud") is dependency_scheme("ud")
    assert scheme_for_language("fr") is dependency_scheme("ud")
    with pytest.raises(UnsupportedLanguageError, match="'xx'"):
        scheme_for_language("xx")


def test_every_scheme_file_defines_every_name():
    for path in SCHEMES.glob("*.toml"):
        assert isinstance(dependency_scheme(path.stem), DependencyScheme)


def test_the_fr_parser_writes_only_labels_the_rules_can_name():
    """Every label a rule asks for is one the French model writes or one the rules add on
    purpose (English labels, label families); a typo in the scheme file would show here."""
    ud = dependency_scheme("ud")
    written = {"ROOT", "acl", "acl:relcl", "advcl", "advmod", "amod", "appos", "aux:pass", "aux:tense",
               "case", "cc", "ccomp", "conj", "cop", "dep", "det", "expl:comp", "expl:pass", "expl:subj",
               "fixed", "flat:foreign", "flat:name", "iobj", "mark", "nmod", "nsubj", "nsubj:pass",
               "nummod", "obj", "obl:agent", "obl:arg", "obl:mod", "parataxis", "punct", "vocative", "xcomp"}
    generic_ud = {"aux", "flat", "obl", "compound", "nsubj:outer"}
    english = {"agent", "dobj", "dative", "nsubjpass", "auxpass", "prep", "attr"}
    asked = _scheme_labels() - {ud.relative_clause_suffix}
    assert asked - written - generic_ud - english == set()


def test_a_rule_reads_the_scheme_on_a_hand_built_parse():
    """The passive test of the event rules, through the scheme: "OpenAI a été fondée"."""
    from chronique.extract.events.clause_shapes import is_passive

    words = ["OpenAI", "a", "été", "fondée"]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=[3, 3, 3, 3],
              deps=["nsubj:pass", "aux:tense", "aux:pass", "ROOT"])
    assert is_passive(doc[3])
    active = Doc(spacy.blank("fr").vocab, words=["Musk", "a", "fondé", "xAI"], heads=[2, 2, 2, 2],
                 deps=["nsubj", "aux:tense", "ROOT", "obj"])
    assert not is_passive(active[2])
