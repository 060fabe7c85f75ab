"""Dependency-label sets per annotation scheme, read from ``resources/schemes/<name>.toml``.

Extractors never spell a dependency label: they ask a :class:`DependencyScheme` for the label or
the set of labels they mean ("the subjects", "the parts of a name"), so that a model annotated
in another scheme (spaCy's English models use ClearNLP labels) is a data file, not an edit of
every rule (DESIGN.md, principle 4). The French model writes Universal Dependencies::

    from chronique.nlp.labels import dependency_scheme
    UD = dependency_scheme("ud")
    if token.dep_ in UD.subjects: ...

Schemes are parsed once per process and are immutable; read them at module level or in a
constructor, never per token. ``resources/pipelines.toml`` names the scheme of each language's
model (``dependency_scheme = "ud"``); :func:`scheme_for_language` reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache

from chronique.data import load_toml
from chronique.errors import UnsupportedLanguageError

__all__ = ["DependencyScheme", "dependency_scheme", "scheme_for_language"]

#: The tables of a scheme file, and whether their values are single labels or sets of labels.
_TABLES = {"labels": str, "families": str, "sets": frozenset}


@dataclass(frozen=True)
class DependencyScheme:
    """The labels of one annotation scheme, named by what the extractors mean by them.

    See ``resources/schemes/ud.toml`` for what each name covers; every scheme file defines them
    all.
    """

    name: str
    # [labels]: single labels
    root: str
    subject: str
    passive_subject: str
    expletive_subject: str
    object: str
    indirect_object: str
    passive_agent: str
    nominal_modifier: str
    adjectival_modifier: str
    numeric_modifier: str
    apposition: str
    clausal_modifier: str
    relative_clause: str
    open_complement: str
    adverbial_clause: str
    conjunct: str
    adverbial_modifier: str
    marker: str
    case_marker: str
    copula: str
    passive_auxiliary: str
    unspecified: str
    preposition: str
    # [families]: matched with str.startswith / str.endswith
    clausal_modifier_prefix: str
    auxiliary_prefix: str
    oblique_prefix: str
    relative_clause_suffix: str
    # [sets]
    subjects: frozenset[str]
    speaker_subjects: frozenset[str]
    addressees: frozenset[str]
    passive_markers: frozenset[str]
    speaker_obliques: frozenset[str]
    shared_subject_links: frozenset[str]
    controlling_objects: frozenset[str]
    prepositional_complements: frozenset[str]
    clause_links: frozenset[str]
    noun_clauses: frozenset[str]
    stray_name_links: frozenset[str]
    finite_clause_markers: frozenset[str]
    introducers: frozenset[str]
    name_parts: frozenset[str]
    name_parts_with_foreign: frozenset[str]
    naming_links: frozenset[str]
    phrase_name_links: frozenset[str]
    quote_phrase_name_links: frozenset[str]
    noun_argument_links: frozenset[str]
    modifier_links: frozenset[str]
    complement_clauses: frozenset[str]
    governed_noun_links: frozenset[str]
    predicate_noun_links: frozenset[str]
    scope_links: frozenset[str]
    negation_links: frozenset[str]
    auxiliaries: frozenset[str]
    role_holder_links: frozenset[str]
    role_attachments: frozenset[str]
    restating_links: frozenset[str]
    named_after_links: frozenset[str]
    apposition_links: frozenset[str]
    patients: frozenset[str]
    misparsed_predicate_links: frozenset[str]
    misparsed_main_clause_links: frozenset[str]
    misparsed_title_name_links: frozenset[str]


@cache
def dependency_scheme(name: str) -> DependencyScheme:
    """The scheme ``resources/schemes/<name>.toml``, parsed and checked once per process.

    A scheme file must define exactly the names :class:`DependencyScheme` declares, with a string
    in ``[labels]`` and ``[families]`` and a list of strings in ``[sets]``; anything else is an
    error naming the file and the keys, raised when the extractor is built.
    """
    path = f"schemes/{name}.toml"
    data = load_toml(path)
    values: dict[str, str | frozenset[str]] = {}
    for table, kind in _TABLES.items():
        for key, value in data.get(table, {}).items():
            if kind is str and not isinstance(value, str):
                raise ValueError(f"{path}: [{table}] {key} must be one label (a string)")
            if kind is frozenset:
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise ValueError(f"{path}: [{table}] {key} must be a list of labels")
                value = frozenset(value)
            values[key] = value
    expected = {f.name for f in fields(DependencyScheme)} - {"name"}
    missing, unknown = sorted(expected - values.keys()), sorted(values.keys() - expected)
    if missing or unknown:
        raise ValueError(f"{path}: missing {missing or 'nothing'}, unknown {unknown or 'nothing'}")
    return DependencyScheme(name=name, **values)  # type: ignore[arg-type]


def scheme_for_language(lang: str) -> DependencyScheme:
    """The scheme of the model ``resources/pipelines.toml`` names for ``lang``."""
    spec = load_toml("pipelines.toml").get(lang)
    if not isinstance(spec, dict) or "dependency_scheme" not in spec:
        raise UnsupportedLanguageError(f"no dependency scheme for language {lang!r} in resources/pipelines.toml")
    return dependency_scheme(spec["dependency_scheme"])
