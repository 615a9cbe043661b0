"""The HTTP API and dashboard: a thin FastAPI layer over ``sitrep.store.Store``.

Read routes are always on. Write routes (submit articles, review, merge, split, audit log)
are registered only when a token is configured, and each needs ``Authorization: Bearer <token>``.
Every error has one JSON shape, ``{"error": {"code", "message"}}``; bad input gives 4xx, never 500.
"""

# no ``from __future__ import annotations``: FastAPI must evaluate the annotations of the routes
# defined inside create_app, which name local dependencies.
import dataclasses
import io
import json
import secrets
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Body, Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import EventNotFound, InputError, SitrepError, StoreError
from ..records import content_id
from .schemas import (
    ActorDetailOut,
    ActorOut,
    ArticleIn,
    ArticleOut,
    ArticlePage,
    ArticleSummary,
    AuditEntryOut,
    ErrorOut,
    EventDetailOut,
    EventOut,
    EventPage,
    HealthOut,
    IngestOut,
    MergeIn,
    ReviewIn,
    SplitIn,
    TimelineBucket,
    TimelineOut,
)
from .security import BodyLimit, NoNulInUrl, SecurityHeaders

STATIC = Path(__file__).parent / "static"
MAX_BODY = 5 * 1024 * 1024
MAX_PAGE = 1000

EXPORT_TYPES = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "plover-jsonl": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "geojson": ("application/geo+json", "geojson"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "Not found"},
    422: {"model": ErrorOut, "description": "Invalid parameters"},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS, 401: {"model": ErrorOut, "description": "Missing or wrong token"},
    413: {"model": ErrorOut, "description": "Request body too large"},
}


class NotFound(SitrepError):
    """A route's object does not exist (translated to 404)."""


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


_CODES = {400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found", 405: "method-not-allowed",
          413: "too-large", 422: "invalid"}


# -- filters ----------------------------------------------------------------------------------
def _bbox(value: str | None) -> tuple[str, ...] | None:
    """'min_lon,min_lat,max_lon,max_lat' as its parts; the store checks the numbers (InputError -> 422)."""
    return tuple(value.split(",")) if value else None


def event_filters(
    since: Annotated[date | None, Query(description="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Events on or before this date (YYYY-MM-DD).")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat (WGS84 degrees; min_lon > max_lon crosses the antimeridian).",
                                      max_length=200)] = None,
    country: Annotated[str | None, Query(description="Country name, e.g. Libya.", max_length=200)] = None,
    admin1: Annotated[str | None, Query(description="First-level region, e.g. Darnah.", max_length=200)] = None,
    actor: Annotated[str | None, Query(description="Part of an actor name (actor1, actor2 or associated).",
                                       max_length=200)] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type or sub-event type.", max_length=200)] = None,
    certainty: Annotated[Literal["stated", "reported", "claimed", "unconfirmed"] | None, Query()] = None,
    q: Annotated[str | None, Query(description="Text that the evidence contains.", max_length=200)] = None,
) -> dict[str, Any]:
    """The event filters shared by the events, timeline and export routes, as Store keyword arguments."""
    if since and until and since > until:
        raise InputError(f"since {since} is after until {until}")
    return {"since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
            "country": country or None, "admin1": admin1 or None, "actor": actor or None,
            "event_type": event_type or None, "certainty": certainty, "bbox": _bbox(bbox), "text": q or None}


Filters = Annotated[dict[str, Any], Depends(event_filters)]


def _audit(entry: Any) -> AuditEntryOut:
    return AuditEntryOut(**dataclasses.asdict(entry))


def _detail(detail: Any) -> EventDetailOut:
    return EventDetailOut(event=EventOut.of(detail.event), review_status=detail.review_status,
                          sources=[EventOut.of(s) for s in detail.sources], audit=[_audit(a) for a in detail.audit])


# -- the application ---------------------------------------------------------------------------
def create_app(store: Any, token: str | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """The API and dashboard over ``store``; write routes only when ``token`` is set."""
    app = FastAPI(
        title="sitrep",
        version=__version__,
        description="Events of armed conflict and political violence coded from news (ACLED + PLOVER), "
                    "with their evidence. Write routes need `Authorization: Bearer <token>` and exist only "
                    "when the server was started with a token.",
        docs_url=None, redoc_url=None,  # Swagger UI and ReDoc load from a CDN: the dashboard runs offline
    )
    app.state.store = store
    app.state.writes = bool(token)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(NoNulInUrl)
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, _CODES.get(exc.status_code, "error"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for e in exc.errors()[:5]:
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "body", "path"))
            parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return _error(422, "invalid", "; ".join(parts) or "invalid request")

    async def not_found(_: Request, exc: Exception) -> JSONResponse:
        return _error(404, "not-found", str(exc))

    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(EventNotFound, not_found)  # an InputError, but the resource is what is missing

    @app.exception_handler(InputError)
    async def input_error(_: Request, exc: InputError) -> JSONResponse:
        return _error(422, "invalid", str(exc))

    @app.exception_handler(StoreError)
    async def store_error(_: Request, exc: StoreError) -> JSONResponse:
        return _error(503, "store-unavailable", str(exc))

    @app.exception_handler(Exception)
    async def internal_error(_: Request, exc: Exception) -> JSONResponse:
        return _error(500, "internal", f"internal error: {exc.__class__.__name__}")

    _read_routes(app, store)
    if token:
        _write_routes(app, store, token)
    _dashboard(app)
    return app


def _read_routes(app: FastAPI, store: Any) -> None:
    @app.get("/api/health", response_model=HealthOut, tags=["meta"])
    def health() -> HealthOut:
        """The server is up; how much the database holds."""
        c = store.counts()
        return HealthOut(status="ok", version=__version__, database=_safe_url(store.url), articles=c["articles"],
                         events=c["events"], writes=app.state.writes)

    @app.get("/api/events", response_model=EventPage, responses=ERRORS, tags=["events"])
    def list_events(filters: Filters,
                    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size.")] = 100,
                    offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> EventPage:
        """Events matching the filters, by date, a page at a time; ``total`` counts them all."""
        evs = [EventOut.of(e) for e in store.events(limit=limit, offset=offset, **filters)]
        return EventPage(total=store.count_events(**filters), limit=limit, offset=offset, events=evs)

    @app.get("/api/events/{event_id}", response_model=EventDetailOut, responses=ERRORS, tags=["events"])
    def get_event(event_id: Annotated[str, PathParam(max_length=64)]) -> EventDetailOut:
        """One event with its sources (one per reporting article), evidence spans and review history."""
        detail = store.event_detail(event_id)
        if detail is None:
            raise NotFound(f"no event {event_id!r}")
        return _detail(detail)

    @app.get("/api/timeline", response_model=TimelineOut, responses=ERRORS, tags=["events"])
    def timeline(filters: Filters, period: Literal["day", "week"] = "day") -> TimelineOut:
        """Counts of the matching events per day or per week (weeks start on Monday)."""
        rows = store.timeline(period=period, **filters)
        return TimelineOut(period=period, counts=[TimelineBucket(period=p, count=n) for p, n in rows])

    @app.get("/api/export", responses={**ERRORS, 200: {"content": {t: {} for t, _ in EXPORT_TYPES.values()},
                                                           "description": "The export file."}}, tags=["events"])
    def export_events(filters: Filters,
                      format: Literal["acled-csv", "plover-jsonl", "geojson", "parquet"] = "acled-csv") -> Response:
        """The matching events as ACLED-compatible CSV, PLOVER JSONL, GeoJSON or Parquet (a download)."""
        from ..export import export

        media, ext = EXPORT_TYPES[format]
        events = store.events(**filters)
        if format == "parquet":
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / "events.parquet"
                export(events, format, out)
                content: bytes | str = out.read_bytes()
        else:
            buf = io.StringIO()
            export(events, format, buf)
            content = buf.getvalue()
        return Response(content, media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="sitrep-events.{ext}"'})

    @app.get("/api/articles", response_model=ArticlePage, responses=ERRORS, tags=["articles"])
    def list_articles(limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
                      offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> ArticlePage:
        """Stored articles, newest first, with how many events each gave."""
        rows = store.articles(limit=limit, offset=offset)
        return ArticlePage(limit=limit, offset=offset, articles=[ArticleSummary(**dataclasses.asdict(r)) for r in rows])

    @app.get("/api/articles/{article_id}", response_model=ArticleOut, responses=ERRORS, tags=["articles"])
    def get_article(article_id: Annotated[str, PathParam(max_length=64)]) -> ArticleOut:
        """One article: its body (what was coded) and its reader comments, kept apart."""
        art = store.article(article_id)
        if art is None:
            raise NotFound(f"no article {article_id!r}")
        return ArticleOut.of(art)

    @app.get("/api/actors", response_model=list[ActorOut], responses=ERRORS, tags=["actors"])
    def list_actors(limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 200) -> list[ActorOut]:
        """Actors seen in the stored events, most active first, with aliases and relations."""
        return [ActorOut(**dataclasses.asdict(a)) for a in store.actors(limit=limit)]

    @app.get("/api/actors/{name}", response_model=ActorDetailOut, responses=ERRORS, tags=["actors"])
    def get_actor(name: Annotated[str, PathParam(max_length=200)]) -> ActorDetailOut:
        """One actor: aliases, relations and its events."""
        actor = store.actor(name)
        if actor is None:
            raise NotFound(f"no actor {name!r}")
        out = ActorOut(**dataclasses.asdict(actor))
        evs = [EventOut.of(e) for e in store.events(actor=out.name, limit=200)]
        return ActorDetailOut(actor=out, events=evs)


def _write_routes(app: FastAPI, store: Any, token: str) -> None:
    bearer = HTTPBearer(auto_error=False, description="The token the server was started with.")

    def authorised(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if creds is None or creds.scheme.lower() != "bearer":
            raise HTTPException(401, "this route needs 'Authorization: Bearer <token>'")
        if not secrets.compare_digest(creds.credentials.encode("utf-8"), token.encode("utf-8")):
            raise HTTPException(401, "wrong token")

    auth = [Depends(authorised)]

    @app.post("/api/articles", response_model=IngestOut, status_code=201, responses=WRITE_ERRORS,
              dependencies=auth, tags=["write"])
    def submit_article(article: ArticleIn) -> IngestOut:
        """Ingest one article as `sitrep ingest` does: parse, deduplicate, code and store it."""
        from ..ingest import IngestOptions
        from ..runner import ingest_documents

        content = article.html if article.html is not None else article.text
        if (article.text is None) == (article.html is None) or not (content or "").strip():
            raise InputError("give one non-empty field of 'text' or 'html'")
        assert content is not None
        article_id = content_id(content, article.url)
        record = {"id": article_id, "url": article.url, "title": article.title,
                  "published": article.published.isoformat() if article.published else None,
                  ("html" if article.html is not None else "text"): content}
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "submitted.jsonl"
            path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
            outcomes = list(ingest_documents([str(path)], store, IngestOptions(jsonl_input=True)))
        o = outcomes[0]
        return IngestOut(article_id=article_id, status=o.status, reason=o.reason, detail=o.detail, events=o.events)

    @app.post("/api/events/merge", response_model=EventDetailOut, responses=WRITE_ERRORS, dependencies=auth,
              tags=["write"])
    def merge(body: MergeIn) -> EventDetailOut:
        """Merge events an analyst knows are one real-world event."""
        return _detail(store.merge_events(body.ids, reviewer=body.reviewer, note=body.note))

    @app.post("/api/events/{event_id}/review", response_model=EventDetailOut, responses=WRITE_ERRORS,
              dependencies=auth, tags=["write"])
    def review(event_id: Annotated[str, PathParam(max_length=64)], body: ReviewIn) -> EventDetailOut:
        """Confirm, correct (``changes``: field -> new value) or reject an event; recorded in the audit log."""
        return _detail(store.review(event_id, body.action, changes=body.changes, reviewer=body.reviewer,
                                    note=body.note))

    @app.post("/api/events/{event_id}/split", response_model=EventDetailOut, responses=WRITE_ERRORS,
              dependencies=auth, tags=["write"])
    def split(event_id: Annotated[str, PathParam(max_length=64)],
              body: Annotated[SplitIn, Body()]) -> EventDetailOut:
        """Take one source (by its event id) out of the event it was merged into."""
        return _detail(store.split_event(event_id, reviewer=body.reviewer, note=body.note))

    @app.get("/api/audit", response_model=list[AuditEntryOut], responses=WRITE_ERRORS, dependencies=auth,
             tags=["write"])
    def audit(event_id: Annotated[str | None, Query(max_length=64)] = None,
              limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> list[AuditEntryOut]:
        """The review log, newest first: who changed what, when."""
        return [_audit(a) for a in store.audit_log(event_id=event_id, limit=limit)]


def _safe_url(url: str) -> str:
    """The database URL without a password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:  # not a URL
        return url


def _dashboard(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

