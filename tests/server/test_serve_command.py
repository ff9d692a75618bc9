"""``communique serve``: where it listens, what it says, and a real server answering."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from typer.testing import CliRunner

from communique.interfaces.cli.app import app

runner = CliRunner()


@pytest.fixture()
def started(monkeypatch):
    """What ``serve`` hands to uvicorn, instead of running it."""
    calls: list[dict] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: calls.append(options))
    monkeypatch.delenv("COMMUNIQUE_API_TOKEN", raising=False)
    return calls


def test_serve_listens_on_the_loopback_address_unless_told(started, tmp_path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert started[0]["host"] == "127.0.0.1" and started[0]["port"] == 8000
    assert "API writes disabled" in result.output
    assert "anyone who can reach" not in result.output


def test_serve_warns_when_told_to_listen_on_every_address(started, tmp_path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert started[0]["host"] == "0.0.0.0"
    assert "anyone who can reach this machine can read the store" in result.output


@pytest.mark.parametrize(
    ("options", "problem"),
    [(["--log-level", "loud"], "--log-level"), (["--port", "0"], "--port")],
)
def test_serve_refuses_bad_options_naming_them(started, tmp_path, options, problem):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.db"), *options])
    assert result.exit_code == 2
    assert problem in result.output
    assert started == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_over_http_and_refuses_writes_without_a_token(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "COMMUNIQUE_API_TOKEN"}
    command = [sys.executable, "-m", "communique", "serve", "--db", str(tmp_path / "s.db")]
    process = subprocess.Popen(
        [*command, "--port", str(port), "--log-level", "warning"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.stderr.read().decode()[-2000:]
            try:
                with urllib.request.urlopen(f"{base}/api/articles", timeout=2) as response:
                    assert json.loads(response.read())["items"] == []
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.3)
        request = urllib.request.Request(
            f"{base}/api/extract",
            data=b'{"text": "x"}',
            headers={"Content-Type": "application/json"},
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 403
        assert json.loads(refused.value.read())["code"] == "forbidden"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.postgres
def test_serve_on_postgresql_names_the_server_without_its_password(started):
    url = os.environ.get("COMMUNIQUE_TEST_POSTGRES")
    if not url:
        pytest.skip("COMMUNIQUE_TEST_POSTGRES is not set: no PostgreSQL server to serve")
    with_password = url.replace("@", ":s3cret-word@", 1)
    result = runner.invoke(app, ["serve", "--db", with_password])
    assert result.exit_code == 0, result.output
    assert "s3cret-word" not in result.output
    assert "no store at" not in result.output
    assert "serving postgresql://" in result.output
