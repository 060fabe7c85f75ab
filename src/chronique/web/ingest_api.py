"""``POST /api/documents``: ingest one article over HTTP, off unless a token is configured.

The endpoint writes to the database and runs the NLP pipeline, so it is refused with 403 on a
server started without a token, whatever the request carries, and otherwise demands
``Authorization: Bearer <token>`` (401 without it or with another token),
compared in constant time (``hmac.compare_digest``) so that response timing does not leak how
much of a guess was right. The article goes through the same steps as ``chronique ingest``
(``chronique.ingest``): the duplicate check before annotating, the real pipeline, one
transaction to save, and a row in ``ingest_log`` whatever the outcome. One ingest runs at a
time: SQLite has one writer and the pipeline already uses the CPU fully.
"""

from __future__ import annotations

import hmac
import threading
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from chronique.documents import Rejection, document_from_record
from chronique.errors import InputError
from chronique.store import Store
from chronique.web.schemas import ErrorMessage, IngestRequest, IngestResult

__all__ = ["router", "ingest_document", "HTTP_ORIGIN"]

#: The origin recorded in ``ingest_log`` for articles that came over HTTP.
HTTP_ORIGIN = "<http>"

_bearer = HTTPBearer(auto_error=False, description="The token given to 'chronique serve'.")
_one_writer = threading.Lock()
_OFF = "ingest over HTTP is off: start 'chronique serve' with --token-file FILE or CHRONIQUE_TOKEN set"
router = APIRouter(prefix="/api")


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    """403 when ingest is off on this server, whatever the request carries (no token can help);
    else 401 without a bearer token or with a wrong one (compared in constant time)."""
    expected: str | None = request.app.state.settings.token
    if expected is None:
        raise HTTPException(403, _OFF)
    if credentials is None:
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, "wrong token: use the one given to 'chronique serve'",
                            headers={"WWW-Authenticate": "Bearer"})


def ingest_document(store: Store, payload: IngestRequest) -> IngestResult:
    """Read, annotate and store one article as ``ingest_paths`` does for a file; never raises
    for a bad article, which is answered (and logged) as rejected with its reason."""
    record = payload.model_dump(exclude_none=True)
    record["date"] = payload.date.isoformat()
    try:
        document = document_from_record(record, origin=HTTP_ORIGIN)
    except InputError as error:
        store.log_rejection(HTTP_ORIGIN, str(error))
        return IngestResult(status="rejected", reason=str(error))
    existing = store.record_if_duplicate(document)
    if existing is not None:
        return IngestResult(status="duplicate", doc_id=document.id, existing_id=existing)
    from chronique.ingest import annotate_texts  # spaCy loads on the first ingest, not at start-up

    result = next(annotate_texts([document]))
    if isinstance(result, Rejection):
        store.log_rejection(result.origin, result.reason)
        return IngestResult(status="rejected", doc_id=document.id, reason=result.reason)
    outcome = store.save([result])[0]
    return IngestResult(status=outcome.status, doc_id=outcome.doc_id, existing_id=outcome.existing_id,
                        reason=outcome.reason)


@router.post(
    "/documents",
    response_model=IngestResult,
    status_code=201,
    tags=["documents"],
    dependencies=[Depends(require_token)],
    responses={
        200: {"model": IngestResult, "description": "A duplicate, or rejected with its reason"},
        400: {"model": ErrorMessage, "description": "A body that is not JSON text (e.g. not UTF-8)"},
        401: {"model": ErrorMessage, "description": "Missing or wrong bearer token"},
        403: {"model": ErrorMessage, "description": "Ingest is off on this server (no token configured)"},
        413: {"model": ErrorMessage, "description": "Request body over the size limit"},
    },
)
def post_document(request: Request, response: Response, payload: IngestRequest) -> IngestResult:
    """Ingest one article (JSON record): 201 when stored, 200 for a duplicate or a rejection."""
    with _one_writer, Store(request.app.state.settings.db_path) as store:
        result = ingest_document(store, payload)
        store.checkpoint()  # a writer lets the WAL grow over saves (store.sqlite); one article is a run
    if result.status != "stored":
        response.status_code = 200
    return result
