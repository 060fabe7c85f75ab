"""One entry point for every export: which format writes what, where, over which period.

``export_store`` is what ``chronique export`` calls; Python users can call it too. Formats that
write a folder need an output path; file formats write to a path or to a stream (stdout).
A period (``start``/``end``) applies to the formats made of events, where "what happened
between these dates" has a meaning; the store copies and the per-document annotations are
always whole.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from chronique.errors import InvalidOptionError, InvalidPeriodError
from chronique.export.annotations import write_annotations
from chronique.store import Store

__all__ = ["EXPORT_FORMATS", "FOLDER_FORMATS", "DATED_FORMATS", "ACTOR_FORMATS", "ExportSummary", "export_store"]

EXPORT_FORMATS = ("annotations", "graphml", "gexf", "gdelt", "plover", "timelinejs", "parquet", "csv", "neo4j")
FOLDER_FORMATS = frozenset({"parquet", "csv", "neo4j"})
DATED_FORMATS = frozenset({"graphml", "gexf", "gdelt", "plover"})
#: Formats of one actor's or one pair's story: they need one or two actors.
ACTOR_FORMATS = frozenset({"timelinejs"})


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: the format, where (a path, or ``-`` for the stream) and how many of what."""

    format: str
    destination: str
    counts: dict[str, int] = field(default_factory=dict)


@contextmanager
def _text_out(output: Path | None, stream: TextIO | None) -> Iterator[TextIO]:
    if output is None:
        yield stream or sys.stdout
        return
    with output.open("w", encoding="utf-8", newline="\n") as out:
        yield out


@contextmanager
def _binary_out(output: Path | None, stream: BinaryIO | None) -> Iterator[BinaryIO]:
    if output is None:
        yield stream or sys.stdout.buffer
        return
    with output.open("wb") as out:
        yield out


def _check(format_: str, output: Path | None, start: date | None, end: date | None,
           actors: tuple[str, ...] = ()) -> None:
    if format_ not in EXPORT_FORMATS:
        raise InvalidOptionError(f"unknown export format {format_!r}; choose from {', '.join(EXPORT_FORMATS)}")
    if format_ in FOLDER_FORMATS and output is None:
        raise InvalidOptionError(f"the {format_} export writes a folder: give its path")
    if (start or end) and format_ not in DATED_FORMATS:
        raise InvalidOptionError(f"the {format_} export is always whole; a period applies to "
                         f"{', '.join(sorted(DATED_FORMATS))}")
    if start and end and start > end:
        raise InvalidPeriodError(start, end)
    if format_ in ACTOR_FORMATS and len(actors) not in (1, 2):
        raise InvalidOptionError(f"the {format_} export is of one actor or of a pair: name one or two actors")
    if actors and format_ not in ACTOR_FORMATS:
        raise InvalidOptionError(f"actors choose what {', '.join(sorted(ACTOR_FORMATS))} tells; "
                                 f"the {format_} export takes none")


def _write_text(store: Store, format_: str, out: TextIO, start: date | None, end: date | None,
                actors: tuple[str, ...] = ()) -> dict[str, int]:
    """annotations, gdelt, plover, timelinejs: text."""
    if format_ == "annotations":
        return {"documents": write_annotations(store.iter_annotations(), out)}
    if format_ == "timelinejs":
        from chronique.export.timelinejs import write_timelinejs

        return write_timelinejs(store, actors, out)
    from chronique.export.events import exported_events
    from chronique.export.gdelt import write_gdelt
    from chronique.export.plover import write_plover

    events = exported_events(store, start, end)
    if format_ == "plover":
        return write_plover(events, out)
    return {"events": write_gdelt(events, out)}


def _write_graph(store: Store, format_: str, out: BinaryIO, start: date | None, end: date | None) -> dict[str, int]:
    """graphml, gexf: the actor graph over the period (``Chronicle.graph``)."""
    from chronique.analysis import Chronicle
    from chronique.export.graph import write_gexf, write_graphml

    graph = Chronicle(store).graph(start=start, end=end)
    if format_ == "gexf":
        write_gexf(graph, store.exports.event_intervals(), out)
    else:
        write_graphml(graph, out)
    return {"nodes": len(graph.nodes), "edges": len(graph.edges)}


def _write_folder(store: Store, format_: str, folder: Path) -> dict[str, int]:
    """parquet, csv, neo4j: copies of the store, rows written per file."""
    if format_ == "neo4j":
        from chronique.export.neo4j import write_neo4j

        return write_neo4j(store, folder)
    from chronique.export.tables import write_tables

    return write_tables(store, folder, format_)


def export_store(
    store: Store,
    format_: str,
    output: Path | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    stream: TextIO | BinaryIO | None = None,
    actors: tuple[str, ...] = (),
) -> ExportSummary:
    """Export ``store`` as ``format_`` to ``output`` (a file or folder), or to ``stream``
    (default stdout) for file formats. ``start``/``end`` bound the event formats (inclusive);
    ``actors`` (one, or two for a pair) choose whose story ``timelinejs`` tells.

    Raises ``InvalidOptionError`` naming the problem for an unknown format, a folder format
    without a path, a period on a format that is always whole or actors where they do not
    apply (or missing where they do), and ``InvalidPeriodError`` for a
    period that ends before it starts (both ``UsageError``: nothing is written).
    """
    _check(format_, output, start, end, actors)
    if format_ in FOLDER_FORMATS:
        assert output is not None  # _check made sure
        counts = _write_folder(store, format_, output)
    elif format_ in ("graphml", "gexf"):
        with _binary_out(output, stream) as binary:  # type: ignore[arg-type]
            counts = _write_graph(store, format_, binary, start, end)
    else:
        with _text_out(output, stream) as text:  # type: ignore[arg-type]
            counts = _write_text(store, format_, text, start, end, actors)
    return ExportSummary(format_, str(output) if output is not None else "-", counts)
