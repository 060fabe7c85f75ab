"""The store in formats other tools read: one module per format, one entry point.

=============  ==========  ======================================================================
format         writes      what
=============  ==========  ======================================================================
annotations    a file      JSON lines, one per document (the scorer's format): ``annotations``
graphml        a file      the actor graph, for Gephi, Cytoscape, yEd, networkx: ``graph``
gexf           a file      the same, dynamic (edges and nodes live during their events): ``graph``
gdelt          a file      GDELT 2.0 event table, 61 tab-separated columns: ``gdelt``
plover         a file      PLOVER events, JSON lines: ``plover``
timelinejs     a file      an actor's or a pair's timeline, TimelineJS JSON: ``timelinejs``
parquet, csv   a folder    one table per store table: ``tables``
neo4j          a folder    CSV files with neo4j-admin headers, a LOAD CSV recipe, a README: ``neo4j``
=============  ==========  ======================================================================

Event-data formats (gdelt, plover, graphml, gexf, annotations) hold the exported modalities only
(:data:`chronique.model.EXPORTED_MODALITIES`); the store copies (parquet, csv, neo4j) hold every
row and carry a ``modality`` column. Heavy libraries (pandas, networkx) are imported by the
format that needs them, when it runs. ``docs/exports.md`` documents every format.
"""

from __future__ import annotations

from chronique.export.annotations import annotation_lines, annotations_record, write_annotations
from chronique.export.run import (
    ACTOR_FORMATS,
    DATED_FORMATS,
    EXPORT_FORMATS,
    FOLDER_FORMATS,
    ExportSummary,
    export_store,
)

__all__ = [
    "EXPORT_FORMATS", "FOLDER_FORMATS", "DATED_FORMATS", "ACTOR_FORMATS", "ExportSummary", "export_store",
    "annotation_lines", "annotations_record", "write_annotations",
]
