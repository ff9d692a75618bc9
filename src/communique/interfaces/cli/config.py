"""``communique settings``: every setting, its value here and where it comes from."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from communique.interfaces.cli.common import out, reported
from communique.settings import SETTINGS, load_settings


def settings(
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """List the settings with their current values (defaults, then COMMUNIQUE_* variables)."""
    with reported():
        current = load_settings()
        if as_json:
            values = {setting.name: getattr(current, setting.name) for setting in SETTINGS}
            sys.stdout.write(json.dumps(values, indent=2) + "\n")
            return
        table = Table("setting", "value", "default", "environment", "help")
        for setting in SETTINGS:
            value = getattr(current, setting.name)
            shown = "(set)" if setting.name == "api_token" and value else str(value)
            table.add_row(
                setting.name,
                shown,
                str(setting.default),
                f"COMMUNIQUE_{setting.name.upper()}",
                setting.help,
            )
        out.print(table)
