"""Ingest on a Dask cluster: workers annotate, this process stores (``chronique ingest --workers``).

Imported only when a run asks for a cluster, since it loads Dask (a second and a half of start-up
that a single-process run or a read command should not pay). ``run`` holds the client side,
``worker`` what a worker runs; ``chronique.ingest`` the unit of work both sides share.
"""

from __future__ import annotations

from chronique.cluster.run import connect, ingest_paths_on_cluster

__all__ = ["connect", "ingest_paths_on_cluster"]
