"""What every command shares: settings from flags, errors to messages, consoles."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from communique.errors import CommuniqueError, InputError, NotFoundError
from communique.settings import Settings, load_settings

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Store file (default: ./communique.db or $COMMUNIQUE_DB).", show_default=False
    ),
]
IncludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--include", "-i", help="Only files matching this glob (repeatable).", show_default=False
    ),
]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude", "-x", help="Skip files matching this glob (repeatable).", show_default=False
    ),
]
ProcessesOption = Annotated[
    int | None,
    typer.Option("--processes", "-p", help="Worker processes for the NLP.", show_default=False),
]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_FAILED = 1
EXIT_INPUT = 2
EXIT_NOT_FOUND = 3
EXIT_STORE = 4


def settings_from(**flags: Any) -> Settings:
    return load_settings(**flags)


def fail(message: str, code: int = EXIT_FAILED) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    return typer.Exit(code)


@contextmanager
def reported() -> Iterator[None]:
    """Turn library errors into a one-line message and an exit code."""
    try:
        yield
    except NotFoundError as e:
        raise fail(str(e), EXIT_NOT_FOUND) from None
    except InputError as e:
        raise fail(str(e), EXIT_INPUT) from None
    except CommuniqueError as e:
        raise fail(str(e), EXIT_STORE) from None
    except KeyboardInterrupt:
        err.print("interrupted; everything finished before the interrupt is stored")
        raise typer.Exit(130) from None


def interactive() -> bool:
    return sys.stderr.isatty()
