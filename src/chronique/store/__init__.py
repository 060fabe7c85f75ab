"""chronique's store: the schema, its migrations, and the SQLite ``Store`` that writes and reads it.

The store never imports spaCy: it takes and gives back plain ``chronique.model`` records.
"""

from chronique.store.records import EntityRow, EventMentionRow, QuoteRow, SaveOutcome, TimelineEntry
from chronique.store.sqlite import Store

__all__ = ["Store", "SaveOutcome", "EntityRow", "EventMentionRow", "TimelineEntry", "QuoteRow"]
