"""The time limit per input: one slow input is one failure, the others are read."""

import threading
import time

import pytest

from communique.errors import InputError
from communique.ingest import read_paths
from communique.ingest import sources as sources_module
from communique.ingest.limits import TooSlowError, time_limit
from communique.records import RawArticle
from communique.settings import SETTINGS

TEXT = "date 2025-03-04\nThe foreign ministers of Chile and Peru met in Lima on Monday.\n"


def _spin(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_time_limit_stops_a_slow_block_in_the_main_thread():
    started = time.monotonic()
    with (
        pytest.raises(TooSlowError, match=r"longer than 0.2 s \(setting max_seconds\)") as caught,
        time_limit(0.2, "slow.txt"),
    ):
        _spin(5)
    assert time.monotonic() - started < 2
    assert caught.value.source == "slow.txt"


def test_time_limit_stops_a_slow_block_in_another_thread():
    outcome = []

    def work():
        try:
            with time_limit(0.2, "slow.txt"):
                _spin(5)
        except TooSlowError as e:
            outcome.append(e)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert len(outcome) == 1 and outcome[0].source == "slow.txt"


def test_time_limit_zero_means_no_limit():
    with time_limit(0, "x"):
        _spin(0.05)


def test_a_slow_reader_is_one_failure_and_the_next_file_is_read(tmp_path, monkeypatch):
    (tmp_path / "a.rss").write_text("<rss></rss>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")

    def stuck(content, source):
        _spin(10)
        yield from ()

    monkeypatch.setattr(sources_module, "read_feed", stuck)
    started = time.monotonic()
    slow, good = read_paths([tmp_path], max_bytes=5_000_000, max_seconds=0.3)
    assert time.monotonic() - started < 5
    assert isinstance(slow, InputError) and slow.source.endswith("a.rss")
    assert "max_seconds" in str(slow)
    assert isinstance(good, RawArticle) and good.source.endswith("b.txt")


@pytest.mark.parametrize(
    ("name", "low", "high"),
    [
        ("max_bytes", 1_000_000, 50_000_000),
        ("max_chars", 100_000, 2_000_000),
        ("max_seconds", 10, 600),
        ("max_nesting", 100, 2_000),
    ],
)
def test_input_limits_default_to_safe_values_and_are_documented(name, low, high):
    """On by default (0 would mean no limit), large enough for real news, small enough to bound a batch."""
    (setting,) = [s for s in SETTINGS if s.name == name]
    assert low <= setting.default <= high
    assert len(setting.help) > 20  # shown by `communique settings`
