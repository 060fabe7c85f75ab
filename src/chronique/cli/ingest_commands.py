"""``chronique ingest``, ``annotate`` and ``migrate``: articles in, facts out (stored or printed),
and the schema of a database brought up to date."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from chronique.cli import render
from chronique.cli.common import (
    DEFAULT_DB,
    DateOption,
    DbOption,
    LangOption,
    PathsArgument,
    app,
    console,
    errors,
    open_store,
    parse_date,
)
from chronique.documents import Rejection
from chronique.errors import InvalidOptionError
from chronique.export import write_annotations
from chronique.ingest import DEFAULT_BATCH_SIZE, IngestReport, annotate_paths, ingest_paths
from chronique.readers import FILE_FORMATS

if TYPE_CHECKING:
    from chronique.cluster.run import Client  # the Dask client, named without importing Dask

SourceLangOption = Annotated[list[str], typer.Option(
    "--source-lang", metavar="SOURCE=CODE",
    help="Language of the records of a source that do not say theirs (repeatable), e.g. 'Le Monde=fr'.",
)]


def parse_source_languages(values: list[str]) -> dict[str, str]:
    """``--source-lang`` values as ``{source: language}``, or a usage error naming the bad one."""
    table = {}
    for value in values:
        source, sep, lang = value.rpartition("=")
        if not sep or not source.strip() or not lang.strip():
            raise typer.BadParameter(f"{value!r}: expected SOURCE=CODE, e.g. 'Le Monde=fr'", param_hint="--source-lang")
        table[source.strip()] = lang.strip()
    return table


def _lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())


def _inputs_in(path: Path) -> int | None:
    """Documents (or rejections) one file or folder gives, or ``None`` when only reading it says."""
    if path.is_dir():
        total = 0
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            for name in files:
                if not name.startswith("."):
                    count = _inputs_in(Path(folder, name))
                    if count is None:
                        return None
                    total += count
        return total
    kind = FILE_FORMATS.get(path.suffix.lower())
    if kind == "jsonl":
        return _lines(path)
    if kind == "json" or not path.is_file():
        return None  # one record or a list of them: known once parsed
    return 1  # an article, or a file the reader rejects: one outcome either way


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many outcomes (stored, duplicate, rejected) a run over ``paths`` will report, when that
    can be known before reading them: files and folders of articles and JSON lines, not stdin
    or ``.json`` files. Reading the lines of a JSON lines file costs a pass over it, no parsing."""
    total = 0
    for value in paths:
        if value == "-":
            return None
        try:
            count = _inputs_in(Path(value))
        except OSError:
            return None
        if count is None:
            return None
        total += count
    return total


def progress_bar(total: int | None) -> Progress:
    """A bar with the count done and the time left when ``total`` is known; a spinner, the count
    and the time spent otherwise. On stderr, gone when the run ends."""
    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                     MofNCompleteColumn(), TimeElapsedColumn()]
    if total is not None:
        columns += [TextColumn("left"), TimeRemainingColumn()]
    return Progress(*columns, console=errors, transient=True)


WorkersOption = Annotated[int | None, typer.Option(
    "--workers", min=1, metavar="N",
    help="Annotate on a local Dask cluster of N worker processes (one thread each); this process stores.",
)]
SchedulerOption = Annotated[str | None, typer.Option(
    "--scheduler", metavar="tcp://HOST:PORT",
    help="Annotate on the workers of this running Dask scheduler; this process stores.",
)]


@contextmanager
def dask_client(workers: int | None, scheduler: str | None) -> Iterator[Client | None]:
    """The Dask client a run annotates with, or ``None`` for a single-process run. Dask is
    imported here only: a run without these options (and every other command) never loads it."""
    if workers is None and scheduler is None:
        yield None
        return
    from chronique.cluster import connect

    with connect(workers, scheduler) as client:
        yield client


def _remove_empty_database(db: Path) -> None:
    """Delete a database file this run created and stored nothing in (and its WAL files)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = DEFAULT_DB,
    date_: DateOption = None,
    lang: LangOption = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per transaction.")] = DEFAULT_BATCH_SIZE,
    source_lang: SourceLangOption = [],  # noqa: B006 - typer reads the default, never mutated
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """Read articles, extract their facts and store them in the database.

    Ends with a summary: stored, duplicates and rejected inputs, each with its path and reason.
    The summary prints even when the run stops on a database error (what was saved is in it).
    Exits with status 1 only when inputs were given and none could be stored or was already there.
    With --workers or --scheduler, Dask workers annotate and this process stores, in input order:
    the database ends up the same as with a single-process run.
    """
    default_date = parse_date(date_)
    source_languages = parse_source_languages(source_lang)
    if workers is not None and scheduler is not None:  # said before a database file is created
        raise InvalidOptionError("--workers starts a local cluster, --scheduler uses a running one: give one of them")
    report = IngestReport()
    created = not db.exists()
    total = count_inputs(paths)
    try:
        with (
            open_store(db, must_exist=False) as store,
            dask_client(workers, scheduler) as client,
            progress_bar(total) as progress,
        ):
            task = progress.add_task("ingesting" if client is None else "ingesting on Dask", total=total)
            if client is None:
                ingest_paths(paths, store, default_date, lang, batch_size,
                             progress=lambda outcome: progress.advance(task),
                             source_languages=source_languages, report=report)
            else:
                from chronique.cluster import ingest_paths_on_cluster

                ingest_paths_on_cluster(paths, store, client, default_date, lang, batch_size,
                                        progress=lambda outcome: progress.advance(task),
                                        source_languages=source_languages, report=report)
    finally:
        # soft_wrap: lines that name files are never folded or cropped, so a path can be copied whole.
        console.print(render.ingest_summary(report), soft_wrap=True)
        if created and not report.stored:
            _remove_empty_database(db)  # nothing stored: no empty file left to mistake for a corpus
            console.print(f"nothing stored: no database written at {db.resolve()}", soft_wrap=True)
        else:
            console.print(f"database: {db.resolve()}", soft_wrap=True)
    if report.total and not report.stored and not report.duplicates:
        raise typer.Exit(1)


@app.command()
def annotate(
    paths: PathsArgument,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    date_: DateOption = None,
    lang: LangOption = None,
    source_lang: SourceLangOption = [],  # noqa: B006 - typer reads the default, never mutated
) -> None:
    """Extract facts without a database: one JSON line per document (the format score.py reads)."""
    default_date = parse_date(date_)
    source_languages = parse_source_languages(source_lang)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    written = rejected = 0
    total = count_inputs(paths)
    try:
        with progress_bar(total) as progress:
            task = progress.add_task("annotating", total=total)
            for result in annotate_paths(paths, default_date, lang, source_languages=source_languages):
                if isinstance(result, Rejection):
                    progress.console.print(f"[red]rejected[/red] {result.origin}: {result.reason}")
                    rejected += 1
                else:
                    written += write_annotations([result], out)
                    out.flush()
                progress.advance(task)
    finally:
        if output:
            out.close()
    errors.print(f"annotated {written} document(s), rejected {rejected}")
    if rejected and not written:
        raise typer.Exit(1)


@app.command()
def migrate(db: DbOption = DEFAULT_DB) -> None:
    """Bring an existing database's schema up to this chronique, and say what was applied.

    Read commands and the web server's requests never migrate (they take no write lock, so
    they answer while an ingest writes): after an upgrade they ask for this command, which any
    writing command (ingest, entities merge/split, serve) also does on its way.
    """
    with open_store(db) as store:
        applied = store.applied_migrations
    if applied:
        console.print(f"applied {len(applied)} migration(s): {', '.join(applied)}", soft_wrap=True)
    else:
        console.print("the schema is up to date: nothing to apply")
    console.print(f"database: {db.resolve()}", soft_wrap=True)
