"""`heron serve`: the web UI and HTTP API over a database (read-only)."""

from __future__ import annotations

from pathlib import Path

import typer

from heron.cli.core import _fail, app


@app.command()
def serve(
    db: Path = typer.Option(Path("heron.duckdb"), "--db", help="DuckDB file written by `heron ingest`."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 exposes it to the network)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    cors_origin: list[str] = typer.Option(
        [], "--cors-origin", help="Allow browser pages from this origin to call the API (repeatable; default: none)."
    ),
) -> None:
    """Serve the timeline, event evidence, actor network, dyad chart and table in the browser.

    The database is opened read-only, so it is never changed; stop an ingest writing to it first.
    """
    from heron.web import DatabaseUnavailable, create_app

    try:
        web_app = create_app(db, cors_origins=cors_origin)
    except DatabaseUnavailable as error:
        _fail(str(error))
        return
    import uvicorn

    level = "merged events and stories" if web_app.state.store.merge else "mention-level events"
    typer.echo(f"heron: serving {db} ({level}) at http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
