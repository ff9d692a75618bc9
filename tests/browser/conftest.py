"""A real server over the bundled examples, and headless Chromium driven by Selenium.

The examples are ingested with the model into a temporary store;
``communique serve`` runs it in a subprocess on a free local port. Pages are
checked as a person sees them, and a screenshot of each is written to
``out/screenshots/``. Everything skips, saying why, where Chromium,
chromedriver or Selenium is missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

SCREENSHOTS = ROOT / "out" / "screenshots"
TOKEN = "browser-test-token"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
)


def pytest_collection_modifyitems(items):
    missing = [
        name for name, path in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)) if not path
    ]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    if missing:
        skip = pytest.mark.skip(
            reason=f"browser tests need {' and '.join(missing)} (apt-get install chromium chromium-driver)"
        )
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory) -> Path:
    """What ``make demo`` builds: the bundled examples, extracted and stored."""
    from communique import open_store

    path = tmp_path_factory.mktemp("browser") / "demo.db"
    with open_store(path) as archive:
        summary = archive.ingest([EXAMPLES / "articles", EXAMPLES / "pages", EXAMPLES / "feeds"])
    assert not summary.failed
    return path


@pytest.fixture(scope="session")
def server(demo_store):
    """``communique serve`` over the demo store; yields its base URL."""
    port = _free_port()
    env = {**os.environ, "COMMUNIQUE_API_TOKEN": TOKEN}
    process = subprocess.Popen(
        [sys.executable, "-m", "communique", "serve", "--db", str(demo_store), "--port", str(port),
         "--log-level", "warning"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {process.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{base}/api/articles?limit=1", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not answer within 30 s")


def _driver(javascript: bool):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tempfile.mkdtemp(prefix='communique-chromium-')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


@pytest.fixture(scope="session")
def browser():
    driver = _driver(javascript=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def browser_without_javascript():
    driver = _driver(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def screenshot():
    """Saves the page a driver shows as ``out/screenshots/NAME.png`` (whole page height)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(driver, name: str) -> Path:
        try:
            height = driver.execute_script("return document.documentElement.scrollHeight") or 1000
        except Exception:  # a page with JavaScript off may refuse the script; keep the window
            height = 1000
        driver.set_window_size(1400, min(max(int(height), 800), 4000))
        path = SCREENSHOTS / f"{name}.png"
        assert driver.save_screenshot(str(path)), f"no screenshot written to {path}"
        driver.set_window_size(1400, 1000)
        assert path.stat().st_size > 5_000, f"{path} is too small to show the page"
        return path

    return save
