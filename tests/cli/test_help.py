"""Every command is documented: it has help text, and the README mentions it."""

import pytest
import typer.main
from typer.testing import CliRunner

from communique.interfaces.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()


def _commands():
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            for sub in command.commands:
                yield f"{name} {sub}"
        else:
            yield name


@pytest.mark.parametrize("command", list(_commands()))
def test_every_command_has_help(command):
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout
    summary = result.stdout.split("Usage", 1)[1]
    assert len(summary.strip().splitlines()) > 2


def test_version_flag_prints_the_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("communique ")


def test_settings_lists_every_setting():
    result = runner.invoke(app, ["settings", "--json"])
    assert result.exit_code == 0
    assert '"db"' in result.stdout and '"max_bytes"' in result.stdout


def test_readme_mentions_every_top_level_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in {c.split()[0] for c in _commands()}:
        assert f"communique {command}" in readme, command
