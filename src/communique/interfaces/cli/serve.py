"""``communique serve``: the JSON API and the web pages over a store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from communique.interfaces.cli.common import DbOption, err, reported, settings_from


class LogLevel(StrEnum):
    """uvicorn's log levels."""

    CRITICAL = "critical"
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    DEBUG = "debug"
    TRACE = "trace"


def serve(
    db: DbOption = None,
    host: Annotated[
        str,
        typer.Option(help="Address to listen on; 0.0.0.0 exposes the server to the network."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    log_level: Annotated[
        LogLevel,
        typer.Option("--log-level", help="What the server logs: warning and up, info, debug."),
    ] = LogLevel.INFO,
) -> None:
    """Serve the store: web pages at / and a JSON API at /api (writes need COMMUNIQUE_API_TOKEN)."""
    import uvicorn

    from communique.interfaces.server import create_app
    from communique.store.postgres import is_postgres, safe_location

    with reported():
        settings = settings_from(db=db)
        postgres = is_postgres(settings.db)
        where = safe_location(settings.db) if postgres else settings.db
        if not postgres and not Path(settings.db).exists():
            err.print(f"no store at {where}: starting with an empty one")
        app = create_app(settings)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"listening on {host}: anyone who can reach this machine can read the store")
    writes = "enabled (token set)" if settings.api_token else "disabled (set COMMUNIQUE_API_TOKEN)"
    err.print(f"serving {where} at http://{host}:{port}/ · API writes {writes}")
    uvicorn.run(app, host=host, port=port, log_level=log_level.value, server_header=False)
