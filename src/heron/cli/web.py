"""`heron serve`: the web UI and HTTP API over a database (read-only); `heron loadtest`: measure it."""

from __future__ import annotations

from pathlib import Path

import typer

from heron.cli.core import _fail, app

QUERY_TIMEOUT_HELP = "Seconds one database query may run; past it the request gets a 503 (0 = no limit)."


@app.command()
def serve(
    db: Path = typer.Option(Path("heron.duckdb"), "--db", help="DuckDB file written by `heron ingest`."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 exposes it to the network)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    cors_origin: list[str] = typer.Option(
        [], "--cors-origin", help="Allow browser pages from this origin to call the API (repeatable; default: none)."
    ),
    query_timeout: float = typer.Option(10.0, "--query-timeout", min=0, help=QUERY_TIMEOUT_HELP),
) -> None:
    """Serve the timeline, event evidence, actor network, dyad chart and table in the browser.

    The database is opened read-only, so it is never changed; stop an ingest writing to it first.
    """
    from heron.web import DatabaseUnavailable, create_app

    try:
        web_app = create_app(db, cors_origins=cors_origin, query_timeout=query_timeout or None)
    except DatabaseUnavailable as error:
        _fail(str(error))
        return
    import uvicorn

    level = "merged events and stories" if web_app.state.store.merge else "mention-level events"
    typer.echo(f"heron: serving {db} ({level}) at http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


@app.command()
def loadtest(
    db: Path = typer.Option(Path("heron.duckdb"), "--db", help="DuckDB file written by `heron ingest`."),
    requests: int = typer.Option(2000, "--requests", min=1, help="Requests to send in all."),
    clients: int = typer.Option(8, "--clients", min=1, max=256, help="Concurrent clients (one connection each)."),
    seed: int = typer.Option(7, "--seed", help="Seed of the request mix, so runs are comparable."),
    query_timeout: float = typer.Option(10.0, "--query-timeout", min=0, help=QUERY_TIMEOUT_HELP),
) -> None:
    """Load-test the API on loopback: start the server on a free 127.0.0.1 port, fire a mix of requests.

    The mix covers event pages with filters and sorts, event details, actors, network, dyad time series
    and stories. Prints total requests, errors (non-2xx or failed) and p50/p95/p99 latency; exits 1 on
    any error.
    """
    from heron.web.loadtest import run_loadtest
    from heron.web.queries import DatabaseUnavailable, WebStore

    try:
        WebStore(db).close()  # a clear message for a missing or foreign file, before starting a server
    except DatabaseUnavailable as error:
        _fail(str(error))
        return
    try:
        result = run_loadtest(db, requests=requests, clients=clients, seed=seed,
                              query_timeout=query_timeout or None)
    except RuntimeError as error:
        _fail(str(error))
        return
    typer.echo(f"heron loadtest: {db}")
    typer.echo(result.report())
    if result.errors:
        raise typer.Exit(1)
