"""A store N times as large as a synthetic one, in minutes: every document and fact copied N - 1 times.

Building 1,000,000 synthetic documents through ``Store.save`` (``query_latency.py``) would take
hours on a 2-core machine; the query benchmark only needs a store of that size and shape. This
copies a built store's documents, with everything told in them (mentions, dates, amounts,
quotes, events and their tellings, relation evidence, sentences), ``--times`` times in all under
new ids (``<id>~r<k>``), over the same actors and the same dates: each actor is covered N times as
densely, as they would be by N times as much news over the same years. The running aggregates
are scaled to match (counts and score sums times N; the sets of neighbours unchanged), the
full-text indexes rebuilt, and the query planner's statistics refreshed.

What differs from a store built by ingest: a copied event is a new event, where ingest would
have merged two tellings of one event into one (so the copy holds more events than N times as
much news would); the documents' texts repeat (a word's hits grow N times, as its coverage would).
State both with any figure measured on it.

    python bench/replicate_store.py /tmp/s5/q100k.db /tmp/m1/q1m.db --times 10
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

#: Tables whose rows are copied, and the SELECT list that renames their keys for copy ``k``
#: (``?`` is the suffix, ``:offset`` the shift of integer quote ids). Columns not named keep
#: their value.
COPIES: dict[str, str] = {
    "documents": "id || :suffix, content_hash || :suffix, date, lang, title, url, source, origin, text, ingested_at",
    "mentions": 'doc_id || :suffix, entity_id, start, "end"',
    "timexes": 'doc_id || :suffix, start, "end", text, type, value, range_start, range_end',
    "money": 'doc_id || :suffix, start, "end", text, amount, currency',
    "quotes": 'id + :offset, doc_id || :suffix, start, "end", text, speaker, cue, about, said_key, date',
    "quote_about": "quote_id + :offset, entity_id, speaker",
    "events": ("id || :suffix, type, actors_key, date_value, date_start, date_end, amount, currency,"
               " modality, score, confidence, cameo, plover"),
    "event_actors": "event_id || :suffix, entity_id, role, position",
    "event_mentions": ('NULL, event_id || :suffix, doc_id || :suffix, start, "end", trigger, trigger_start,'
                       " trigger_end, sentence_start, sentence_end, modality, confidence, date_value,"
                       " date_start, date_end, amount, currency, score, cameo, plover, sentence_digest"),
    "relation_evidence": 'relation_id, doc_id || :suffix, start, "end", valid_from, valid_to',
    "sentences": 'doc_id || :suffix, start, "end"',
    "ingest_log": "NULL, origin, content_hash || :suffix, doc_id || :suffix, status, reason, at",
    "pair_events": "entity_id, other_id, event_id || :suffix",
    "graph_links": "month, entity_id, other_id, event_id || :suffix, score, type, day",
    "actor_events": "entity_id, undated, day, event_id || :suffix",
}

#: Running aggregates that are sums over the copied facts: each grows N times.
SCALED = {
    "entity_stats": "mentions = mentions * :times, documents = documents * :times, events = events * :times",
    "pair_stats": "events = events * :times, positive = positive * :times, negative = negative * :times",
    "actor_periods": "events = events * :times, positive = positive * :times, negative = negative * :times",
    "document_days": "documents = documents * :times",
    "graph_pair_months": "events = events * :times",
    "graph_actor_months": "events = events * :times",
    "quote_pairs": "quotes = quotes * :times",
    "actor_month_mentions": "mentions = mentions * :times",
}

FULL_TEXT = ("documents_fts", "quotes_fts")


def replicate(source: Path, target: Path, times: int) -> dict[str, float]:
    """Write ``target``: ``source`` with its documents and facts ``times`` times; seconds per step."""
    steps: dict[str, float] = {}
    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    steps["copy"] = time.perf_counter() - started
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -2000000")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("ATTACH DATABASE ? AS original", (f"{source.absolute().as_uri()}?mode=ro",))
    indexes = conn.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
    triggers = conn.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'").fetchall()
    offset = conn.execute("SELECT COALESCE(MAX(id), 0) FROM original.quotes").fetchone()[0]
    conn.execute("BEGIN")
    for name, _ in indexes:
        conn.execute(f"DROP INDEX main.{name}")
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER main.{name}")
    conn.execute("COMMIT")
    step = time.perf_counter()
    for copy in range(1, times):
        conn.execute("BEGIN")
        values = {"suffix": f"~r{copy}", "offset": offset * copy}
        for table, columns in COPIES.items():
            conn.execute(f"INSERT INTO main.{table} SELECT {columns} FROM original.{table}", values)
        conn.execute("COMMIT")
        print(f"copy {copy + 1}/{times} written ({time.perf_counter() - started:,.0f} s)", file=sys.stderr)
    steps["rows"] = time.perf_counter() - step
    step = time.perf_counter()
    conn.execute("BEGIN")
    for table, assignments in SCALED.items():
        conn.execute(f"UPDATE main.{table} SET {assignments}", {"times": times})
    conn.execute("COMMIT")
    steps["aggregates"] = time.perf_counter() - step
    step = time.perf_counter()
    for name, sql in indexes:
        conn.execute(sql)
        print(f"index {name} built ({time.perf_counter() - started:,.0f} s)", file=sys.stderr)
    steps["indexes"] = time.perf_counter() - step
    step = time.perf_counter()
    for table in FULL_TEXT:
        conn.execute(f"INSERT INTO main.{table}({table}) VALUES ('rebuild')")
        print(f"{table} rebuilt ({time.perf_counter() - started:,.0f} s)", file=sys.stderr)
    for _, sql in triggers:
        conn.execute(sql)
    steps["full_text"] = time.perf_counter() - step
    step = time.perf_counter()
    conn.execute("DETACH DATABASE original")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    steps["statistics"] = time.perf_counter() - step
    steps["total"] = time.perf_counter() - started
    return {name: round(seconds, 1) for name, seconds in steps.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("source", type=Path, help="a built store (read only)")
    parser.add_argument("target", type=Path, help="the store to write (replaced if it exists)")
    parser.add_argument("--times", type=int, default=10, help="copies in all, the original's included (default 10)")
    args = parser.parse_args(argv)
    if args.times < 1:
        parser.error("--times must be at least 1")
    if args.source.resolve() == args.target.resolve():
        parser.error("the target must be another file than the source")
    print(replicate(args.source, args.target, args.times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
