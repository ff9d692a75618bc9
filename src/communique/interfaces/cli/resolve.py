"""``communique resolve``: resolve stored articles across the archive (after an upgrade)."""

from __future__ import annotations

from typing import Annotated

import typer

from communique.interfaces.cli.common import DbOption, err, reported, settings_from
from communique.store import Store
from communique.store.resolved import resolve_stored


def resolve(
    db: DbOption = None,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Forget the registry, canonical events and threads and resolve every article again.",
        ),
    ] = False,
) -> None:
    """Join stored articles not yet resolved to the actor registry, canonical events and threads.

    Ingest does this for each new article; this command is for stores filled
    before it existed, or for redoing it (--rebuild) after the rules changed.
    No article is extracted again.
    """
    with reported():
        settings = settings_from(db=db)
        with Store(settings.db, lock_timeout=settings.lock_timeout) as store:
            done = resolve_stored(store, rebuild=rebuild)
        err.print(f"resolved {done} article{'s' if done != 1 else ''}")
