"""``chronique entities``: list the actors, and correct who is who (``merge``, ``split``, ``show``).

``chronique entities`` alone lists the actors as it always did; the sub-commands change or show
one entity. A sub-command reads ``--db`` after its own name or, failing that, the one given to
``entities`` itself (``chronique entities --db news.db merge A B``). Wrong requests (an unknown
name: ``UnknownActor``; an ambiguous one, merging an entity into itself…: ``EntityError``) are
printed as one line with status 2 (``cli.common.exit_status``).
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from chronique.analysis import Chronicle
from chronique.cli import render
from chronique.cli.common import DEFAULT_DB, DbOption, JsonOption, app, console, open_store, print_json_lines
from chronique.model import ENTITY_TYPES
from chronique.store.entity_admin import EntityDetails, MergeReport, SplitReport
from chronique.store.entity_moves import MoveCounts
from chronique.store.locations import database_location

__all__ = ["entities_app"]

entities_app = typer.Typer(
    help="List the actors in the store; merge, split or show them.",
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(entities_app, name="entities")

SubDbOption = Annotated[Path | None, typer.Option(
    "--db", envvar="CHRONIQUE_DB", parser=database_location, metavar="<path>",
    help="SQLite database file or postgresql:// URL (default: the --db given to 'entities', else chronique.db).")]
EntityArgument = Annotated[str, typer.Argument(help="An entity id, knowledge-base id, name or alias.")]


def _database(ctx: typer.Context, db: Path | None) -> Path:
    """The sub-command's --db, else the group's, else the default."""
    if db is not None:
        return db
    parent = ctx.parent.params.get("db") if ctx.parent is not None else None
    return parent or DEFAULT_DB


@entities_app.callback(invoke_without_command=True)
def entities(
    ctx: typer.Context,
    db: DbOption = DEFAULT_DB,
    type_: Annotated[str | None, typer.Option("--type", help=f"Only actors of this type: {', '.join(ENTITY_TYPES)} (an unknown type is an error).")] = None,
    as_json: JsonOption = False,
) -> None:
    """List the actors in the store, most mentioned first, with their aliases.

    Sub-commands correct identity: 'merge A B', 'split ENTITY --alias NAME | --doc DOC_ID',
    'show ENTITY'.
    """
    if ctx.invoked_subcommand is not None:
        return
    if type_ is not None and type_.upper() not in ENTITY_TYPES:
        raise typer.BadParameter(f"{type_!r} is not an actor type; the types are {', '.join(ENTITY_TYPES)}",
                                 param_hint="--type")
    with open_store(db, read_only=True) as store:
        rows = Chronicle(store).entities(type_.upper() if type_ else None)
    if as_json:
        print_json_lines(asdict(row) for row in rows)
    else:
        console.print(render.entities_table(rows))


def _label(entity_id: str, name: str, type_: str | None = None) -> str:
    return f"{entity_id} ({name}{', ' + type_ if type_ else ''})"


def _counts_lines(counts: MoveCounts) -> list[str]:
    lines = [
        f"  mentions moved: {counts.mentions} (in {counts.documents} document(s))",
        f"  quotes moved (as speaker or subject): {counts.quotes}",
        f"  events involving them: {counts.events_before} → {counts.events_after}",
        f"  relations involving them: {counts.relations_before} → {counts.relations_after}",
    ]
    return lines


def _merge_summary(report: MergeReport) -> str:
    kept, absorbed = report.kept, report.absorbed
    lines = [f"merged {_label(absorbed.id, absorbed.name, absorbed.type)} into {_label(kept.id, kept.name, kept.type)}"]
    lines += _counts_lines(report.counts)
    folded = report.counts.events_before - report.counts.events_after
    if folded:
        lines.append(f"  {folded} event(s) now told as the same happening were folded into one")
    lines.append(f"  aliases added: {', '.join(report.aliases_added) or 'none'}")
    if report.kb_id_taken:
        lines.append(f"  knowledge-base id taken over: {report.kb_id_taken}")
    if report.undo:
        options = " ".join(f'"{part}"' if " " in part else part for part in report.undo)
        lines.append(f"undo with: chronique entities split {kept.id} {options}")
    return "\n".join(lines)


@entities_app.command()
def merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The entity that stays (id, knowledge-base id, name or alias).")],
    absorb: Annotated[str, typer.Argument(help="The entity merged into it; it disappears.")],
    force: Annotated[bool, typer.Option(
        "--force", help="Also merge two different knowledge-base actors, or entities of two types.")] = False,
    db: SubDbOption = None,
) -> None:
    """Merge entity B into entity A: B's mentions, aliases, quotes, events and relations become A's.

    Events that now tell the same happening become one. The merge is recorded: later ingests
    naming B resolve to A, and 'split' by B's documents or names undoes it.
    """
    with open_store(_database(ctx, db)) as store:
        report = store.merge_entities(keep, absorb, force=force)
    console.print(_merge_summary(report), highlight=False, soft_wrap=True)


def _split_summary(report: SplitReport) -> str:
    source, target = report.source, report.target
    how = "restored from an earlier merge" if report.restored else "a new entity"
    lines = [f"split {_label(source.id, source.name)} → {_label(target.id, target.name, target.type)}, {how}"]
    lines += _counts_lines(report.counts)
    if report.pinned:
        lines.append(f"  later ingests give these names to {target.id}: {report.pinned}")
    return "\n".join(lines)


@entities_app.command()
def split(
    ctx: typer.Context,
    entity: EntityArgument,
    alias: Annotated[list[str] | None, typer.Option(
        "--alias", help="Move the mentions read with this alias (repeatable).")] = None,
    doc: Annotated[list[str] | None, typer.Option(
        "--doc", help="Move the mentions in this document (repeatable).")] = None,
    name: Annotated[str | None, typer.Option(
        "--name", help="Name of the new entity (default: the alias, or the entity's name).")] = None,
    db: SubDbOption = None,
) -> None:
    """Split mentions of an entity off, with the facts of the documents they fill.

    They go back to the entity a merge took them from when they are that merge's (merge then
    split round-trips), otherwise to a new entity. Split by alias, the alias then resolves to
    that entity in later ingests.
    """
    with open_store(_database(ctx, db)) as store:
        report = store.split_entity(entity, aliases=alias or (), documents=doc or (), name=name)
    console.print(_split_summary(report), highlight=False, soft_wrap=True)


def _details_view(details: EntityDetails) -> Table:
    entity = details.entity
    table = Table(title=f"{entity.name} ({entity.type})", show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    table.add_row("id", entity.id)
    table.add_row("knowledge-base id", entity.kb_id or "-")
    table.add_row("aliases", ", ".join(details.aliases) or "-")
    table.add_row("documents", "\n".join(
        f"{d.doc_id}  {d.date or '?'}  {d.mentions} mention(s)  {d.title or ''}".rstrip()
        for d in details.documents) or "-")
    table.add_row("merged from", "\n".join(f"{i} ({n}) on {when}" for i, n, when in details.merged_from) or "-")
    table.add_row("pinned names", ", ".join(details.pinned_names) or "-")
    return table


@entities_app.command()
def show(
    ctx: typer.Context,
    entity: EntityArgument,
    db: SubDbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One entity: id, knowledge-base id, aliases, the documents that mention it, its merges."""
    with open_store(_database(ctx, db), read_only=True) as store:
        details = store.entity_details(entity)
    if as_json:
        print_json_lines([asdict(details)])
    else:
        console.print(_details_view(details))
