"""The HTTP API and the static pages, as one FastAPI app over a read-only Heron database.

Pages (plain HTML + JS shipped in ``static/``, no build step; the chart and graph libraries are served
under ``/static/vendor/`` from installed Python packages, see heron.web.assets):
    /            timeline            /event?id=ID    event detail with highlighted evidence
    /network     actor network       /dyad           cooperation/conflict chart for a dyad
    /table       sortable table with download        /api-docs      endpoint list from the OpenAPI schema

API (JSON; schema at /api/openapi.json): see the route docstrings below.

Safety: the database is opened read-only (no external files either), every request value is a bound
SQL parameter and sort keys come from a whitelist, text parameters have length limits, page sizes are
capped, each query runs under a time limit (a 503 past it), no request names a file, CORS is closed
unless origins are given, and a bad parameter gets a 400 with a message naming it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from heron.web.assets import (
    PAGE_ASSETS,
    VENDOR_ASSETS,
    asset_path,
    log_missing_assets,
    missing_assets,
    missing_assets_page,
)
from heron.web.queries import (
    DEFAULT_QUERY_TIMEOUT,
    MAX_DOWNLOAD_ROWS,
    MAX_PAGE_SIZE,
    QUAD_CLASSES,
    SORT_COLUMNS,
    BadRequest,
    EventQuery,
    QueryTimeout,
    WebStore,
    csv_chunks,
    json_chunks,
)

STATIC_DIR = Path(__file__).parent / "static"
PAGES = {
    "/": "timeline.html",
    "/event": "event.html",
    "/network": "network.html",
    "/dyad": "dyad.html",
    "/table": "table.html",
    "/api-docs": "api-docs.html",
}
# Vega compiles its expressions with Function(), hence 'unsafe-eval'; everything else is same-origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'"
)

Quad = Literal["statement", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
SortKey = Literal["date", "type", "quad", "goldstein", "confidence", "outlet", "predicate", "published"]
Level = Annotated[
    Literal["auto", "merged", "mention"],
    Query(description="merged events (one per real-world event, with corroboration), mentions (one per "
                      "coded sentence), or auto: merged when the database has them"),
]
TEXT = 120  # longest accepted free-text parameter


def event_query(
    since: Annotated[date | None, Query(description="first event date (YYYY-MM-DD), inclusive")] = None,
    until: Annotated[date | None, Query(description="last event date (YYYY-MM-DD), inclusive")] = None,
    actor: Annotated[str | None, Query(max_length=TEXT, description="actor name, text, country or org code")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO alpha-3 code of any actor")] = None,
    source: Annotated[str | None, Query(max_length=TEXT, description="source actor (code or exact name)")] = None,
    target: Annotated[str | None, Query(max_length=TEXT, description="target actor (code or exact name)")] = None,
    type: Annotated[str | None, Query(max_length=40, description="PLOVER type, e.g. ACCUSE; STATEMENT for none")] = None,
    quad: Annotated[Quad | None, Query(description="quad class")] = None,
    story: Annotated[str | None, Query(max_length=TEXT, description="story id (needs merged data)")] = None,
    q: Annotated[str | None, Query(max_length=TEXT, description="text searched in sentence, predicate, outlet")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="lowest coder confidence")] = None,
) -> EventQuery:
    if since and until and since > until:
        raise BadRequest(f"'since' ({since}) is after 'until' ({until})")
    return EventQuery(
        since=since, until=until, actor=_blank_to_none(actor), country=_blank_to_none(country),
        source=_blank_to_none(source), target=_blank_to_none(target), plover_type=_blank_to_none(type),
        quad=quad, story=_blank_to_none(story), text=_blank_to_none(q), min_confidence=min_confidence,
    )


def _blank_to_none(value: str | None) -> str | None:
    value = value.strip() if value else value
    return value or None


Filters = Annotated[EventQuery, Depends(event_query)]


def create_app(
    db_path: str | Path, *, cors_origins: Sequence[str] = (), query_timeout: float | None = DEFAULT_QUERY_TIMEOUT
) -> FastAPI:
    """The web app over ``db_path`` (opened read-only). Raises DatabaseUnavailable when it cannot be read.

    ``query_timeout``: seconds one database query may run before it is stopped and the request gets a 503.
    """
    store = WebStore(db_path, query_timeout=query_timeout)
    log_missing_assets()
    app = FastAPI(
        title="Heron event data API",
        version="1",
        description=(
            "Read-only access to a Heron database: coded events with their evidence sentences, actors, "
            "dyad time series and stories. Dates are ISO (YYYY-MM-DD). Lists are paginated "
            f"(page_size at most {MAX_PAGE_SIZE}); downloads stop at {MAX_DOWNLOAD_ROWS} rows."
        ),
        openapi_url="/api/openapi.json",
        docs_url=None,  # the stock docs pages load their scripts from a CDN; /api-docs is served locally
        redoc_url=None,
    )
    app.state.store = store
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"])

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = []
        for item in error.errors():
            where = ".".join(str(part) for part in item.get("loc", ()) if part != "query")
            given = item.get("input")
            shown = f" (got {given!r})" if isinstance(given, str | int | float) else ""
            problems.append(f"parameter '{where}': {item.get('msg', 'invalid value')}{shown}")
        return JSONResponse(status_code=400, content={"error": "bad parameter", "message": "; ".join(problems)})

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, error: BadRequest) -> JSONResponse:
        return JSONResponse(status_code=400, content={"error": "bad request", "message": str(error)})

    @app.exception_handler(QueryTimeout)
    async def query_timeout_error(request: Request, error: QueryTimeout) -> JSONResponse:
        return JSONResponse(status_code=503, content={"error": "query timeout", "message": str(error)},
                            headers={"Retry-After": "5"})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        message = error.detail if isinstance(error.detail, str) else "request failed"
        return JSONResponse(status_code=error.status_code, content={"error": message, "message": message})

    # ------------------------------------------------------------------ API
    @app.get("/api/meta", tags=["overview"])
    def meta() -> dict[str, Any]:
        """What the database holds: counts, date range, PLOVER types, and whether merged events exist."""
        return store.meta()

    @app.get("/api/events", tags=["events"])
    def events(
        filters: Filters,
        page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
        sort: SortKey = "date",
        order: Literal["asc", "desc"] = "asc",
        level: Level = "auto",
    ) -> dict[str, Any]:
        """Events matching the filters, one page at a time (merged events when the database has them).

        Merged events are selected by their own date, type, quad and confidence, and by actors, text or
        story through any of their mentions; ``mentions``/``articles`` give each one's corroboration.
        """
        resolved = store.resolve_level(level)
        total = store.count_events(filters, resolved)
        items = store.list_events(
            filters, sort=sort, descending=order == "desc", offset=(page - 1) * page_size, limit=page_size,
            level=resolved,
        )
        return {
            "level": resolved,
            "total": total,
            "page": page,
            "page_size": page_size,
            "pages": (total + page_size - 1) // page_size,
            "items": items,
        }

    @app.get("/api/events/download", tags=["events"])
    def download(
        filters: Filters,
        format: Literal["csv", "json"] = "csv",
        sort: SortKey = "date",
        order: Literal["asc", "desc"] = "asc",
        level: Level = "auto",
    ) -> StreamingResponse:
        """Every event of the filtered view as CSV or JSON (attachment), up to the download limit."""
        resolved = store.resolve_level(level)
        store.count_events(filters, resolved)  # validates the filters before the response starts streaming
        rows = store.iter_download(filters, sort=sort, descending=order == "desc", level=resolved)
        if format == "csv":
            return StreamingResponse(
                csv_chunks(rows), media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": 'attachment; filename="heron-events.csv"'},
            )
        return StreamingResponse(
            json_chunks(rows), media_type="application/json",
            headers={"Content-Disposition": 'attachment; filename="heron-events.json"'},
        )

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(event_id: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        """One event with all its mentions: sentence, highlighted actor/predicate/date spans, outlet, link."""
        found = store.event(event_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no event with id {event_id!r}")
        return found

    @app.get("/api/stories", tags=["stories"])
    def stories() -> dict[str, Any]:
        """Stories (linked merged events); empty with available=false before the merge stage has run."""
        available = bool(store.merge and store.merge.has_stories)
        return {"available": available, "items": store.stories()}

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def story(story_id: Annotated[str, PathParam(max_length=TEXT)]) -> dict[str, Any]:
        """One story with its events."""
        found = store.story(story_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no story with id {story_id!r}")
        return found

    @app.get("/api/actors", tags=["actors"])
    def actors(filters: Filters, limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 100) -> dict[str, Any]:
        """Actors (organisation, else country, else name) with their event counts under the filters."""
        return {"items": store.actors(filters, limit)}

    @app.get("/api/network", tags=["actors"])
    def network(
        filters: Filters, max_edges: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 200
    ) -> dict[str, Any]:
        """Actor network: nodes with event counts, source->target edges with counts and mean Goldstein."""
        return store.network(filters, max_edges)

    @app.get("/api/timeseries", tags=["actors"])
    def timeseries(
        filters: Filters,
        a: Annotated[str, Query(min_length=1, max_length=TEXT, description="first actor of the dyad, e.g. USA")],
        b: Annotated[str, Query(min_length=1, max_length=TEXT, description="second actor of the dyad, e.g. RUS")],
        interval: Literal["day", "week", "month"] = "week",
        directed: Annotated[bool, Query(description="only a->b; by default both directions")] = False,
    ) -> dict[str, Any]:
        """Event counts per quad class and mean Goldstein score per day/week/month for the dyad a-b."""
        series = store.timeseries(filters, actor_a=a.strip(), actor_b=b.strip(), interval=interval,
                                  directed=directed)
        return {"a": a, "b": b, "interval": interval, "directed": directed, "quad_classes": list(QUAD_CLASSES),
                "items": series}

    # ------------------------------------------------------------------ pages
    def page_route(file_name: str) -> Any:
        def serve_page() -> Response:
            problems = missing_assets(PAGE_ASSETS.get(file_name, ()))
            if problems:  # say which package is missing rather than serve a page that cannot draw
                return HTMLResponse(missing_assets_page(file_name, problems), status_code=503)
            return FileResponse(STATIC_DIR / file_name, media_type="text/html")

        return serve_page

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    # Declared before the /static mount so it answers for /static/vendor/: only the listed names are
    # served, each from its package's installed files (no request value ever becomes a path).
    @app.get("/static/vendor/{name}", include_in_schema=False)
    def vendor_asset(name: Annotated[str, PathParam(max_length=40)]) -> Response:
        if name not in VENDOR_ASSETS:
            raise HTTPException(status_code=404, detail="Not Found")
        path = asset_path(name)
        if path is None:
            reason = missing_assets((name,))[name]
            raise HTTPException(status_code=503, detail=f"/static/vendor/{name} is unavailable: {reason}")
        return FileResponse(path, media_type=VENDOR_ASSETS[name].media_type)

    for route, file_name in PAGES.items():
        app.add_api_route(route, page_route(file_name), include_in_schema=False, methods=["GET", "HEAD"])
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    assert set(SORT_COLUMNS) == set(SortKey.__args__)  # type: ignore[attr-defined]  # one list of sort keys
    return app
