"""The watch logic without a model and without sleeping: scans, plans and the store's rows."""

import os
import threading

import pytest

from communique.ingest.watch import (
    Change,
    Input,
    Seen,
    Watcher,
    load_seen,
    plan,
    scan_inputs,
)
from communique.records import IngestSummary
from communique.settings import Settings
from communique.store import Store
from tests.store.backends import BACKENDS, store_location

PAST_NS = 1_700_000_000 * 10**9


class FakeIngest:
    """Stands in for the ingest job: records which inputs it was given, one article each."""

    def __init__(self):
        self.calls = []

    def __call__(self, store, paths, settings, progress):
        self.calls.append([p.name for p in paths])
        stored = []
        for path in paths:
            outcome = "failed" if path.name.startswith("bad") else "stored"
            progress(outcome, str(path))
            stored.append(str(path))
        return IngestSummary(stored=tuple(stored))

    @property
    def names(self):
        return [name for call in self.calls for name in call]


def _write(path, text, *, mtime_ns=PAST_NS):
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))
    return path


@pytest.fixture(params=BACKENDS)
def location(request, tmp_path):
    """The store's location: a SQLite file, or a fresh PostgreSQL schema (the same table)."""
    with store_location(request.param, tmp_path) as location:
        yield location


@pytest.fixture()
def store(location):
    with Store(location) as store:
        yield store


@pytest.fixture()
def folder(tmp_path):
    path = tmp_path / "in"
    path.mkdir()
    return path


def _watcher(store, folder, fake, **kwargs):
    settings = kwargs.pop("settings", Settings(watch_interval=0))
    return Watcher(store, [folder], settings, ingest=fake, **kwargs)


def test_watch_reads_a_file_added_between_scans_and_only_that_file(store, folder):
    fake = FakeIngest()
    watcher = _watcher(store, folder, fake)
    _write(folder / "a.txt", "first")
    assert watcher.scan().changes == {Change.NEW: 1}
    _write(folder / "b.txt", "second")
    report = watcher.scan()
    assert fake.calls == [["a.txt"], ["b.txt"]]
    assert report.changes == {Change.NEW: 1, Change.SAME: 1}
    assert report.stored == 1 and report.busy


def test_watch_reads_a_changed_file_again(store, folder):
    fake = FakeIngest()
    watcher = _watcher(store, folder, fake)
    path = _write(folder / "a.txt", "first version")
    watcher.scan()
    _write(path, "second version", mtime_ns=PAST_NS + 10**9)
    report = watcher.scan()
    assert report.changes == {Change.CHANGED: 1}
    assert fake.names == ["a.txt", "a.txt"]
    row = load_seen(store)[str(path.absolute())]
    assert (row.size, row.mtime_ns, row.articles) == (len("second version"), PAST_NS + 10**9, 1)


def test_watch_notes_a_touched_file_without_reading_it(store, folder):
    fake = FakeIngest()
    watcher = _watcher(store, folder, fake)
    path = _write(folder / "a.txt", "same text")
    watcher.scan()
    os.utime(path, ns=(PAST_NS + 5, PAST_NS + 5))
    report = watcher.scan()
    assert report.changes == {Change.TOUCHED: 1} and not report.busy
    assert fake.names == ["a.txt"]
    assert load_seen(store)[str(path.absolute())].mtime_ns == PAST_NS + 5
    assert watcher.scan().changes == {Change.SAME: 1}


def test_watch_restarted_on_the_same_store_reads_nothing_unchanged(location, folder):
    _write(folder / "a.txt", "one")
    _write(folder / "b.txt", "two")
    first = FakeIngest()
    with Store(location) as store:
        _watcher(store, folder, first).scan()
    second = FakeIngest()
    with Store(location) as store:
        _write(folder / "c.txt", "three")
        report = _watcher(store, folder, second).scan()
    assert sorted(first.names) == ["a.txt", "b.txt"]
    assert second.names == ["c.txt"]
    assert report.changes == {Change.SAME: 2, Change.NEW: 1}


def test_watch_ignores_deleted_files(store, folder):
    fake = FakeIngest()
    watcher = _watcher(store, folder, fake)
    path = _write(folder / "a.txt", "gone soon")
    watcher.scan()
    path.unlink()
    report = watcher.scan()
    assert report.inputs == 0 and report.changes == {} and report.failures == []
    assert fake.names == ["a.txt"]
    assert str(path.absolute()) in load_seen(store)


def test_watch_waits_for_a_file_still_being_written(store, folder):
    fake = FakeIngest()
    watcher = _watcher(store, folder, fake, settle=3600)
    path = folder / "fresh.txt"
    path.write_text("half an artic", encoding="utf-8")
    assert watcher.scan().changes == {Change.SETTLING: 1}
    assert fake.calls == []
    _write(path, "half an article, now whole")
    assert watcher.scan().changes == {Change.NEW: 1}
    assert fake.names == ["fresh.txt"]


def test_watch_retries_a_failed_input_only_when_it_is_touched(store, folder):
    fake = FakeIngest()
    watcher = _watcher(store, folder, fake)
    path = _write(folder / "bad.txt", "broken")
    watcher.scan()
    watcher.scan()
    assert fake.names == ["bad.txt"]
    assert load_seen(store)[str(path.absolute())].failed == 1
    os.utime(path, ns=(PAST_NS + 1, PAST_NS + 1))  # same content: a retry asked for
    assert watcher.scan().changes == {Change.CHANGED: 1}
    assert fake.names == ["bad.txt", "bad.txt"]


def test_watch_stopped_midway_notes_nothing_of_the_unfinished_chunk(store, folder):
    for name in ("a.txt", "b.txt", "c.txt"):
        _write(folder / name, name)
    stop = threading.Event()
    seen_outcomes = []

    def progress(outcome, source):
        seen_outcomes.append(source)
        stop.set()  # a Ctrl-C arriving while the first article is stored

    settings = Settings(watch_interval=0, batch_size=1)
    fake = FakeIngest()
    watcher = _watcher(store, folder, fake, settings=settings, progress=progress, stop=stop)
    report = watcher.scan()
    assert report.stopped
    assert len(seen_outcomes) == 1 and fake.names == ["a.txt"]
    assert load_seen(store) == {}  # a.txt is read again on restart; its article is skipped then
    again = FakeIngest()
    assert _watcher(store, folder, again, settings=settings).scan().changes == {Change.NEW: 3}


def test_watch_counts_articles_per_input_even_with_hash_signs_in_names(store, folder):
    def ingest(store, paths, settings, progress):
        for path in paths:
            for n in (1, 2):
                progress("stored", f"{path}#item{n}")
        progress("failed", f"{paths[0]}#item3")
        return IngestSummary()

    feed = _write(folder / "wire#1.rss", "feed")
    other = _write(folder / "wire.rss", "feed too")
    report = _watcher(store, folder, ingest).scan()
    seen = load_seen(store)
    assert (seen[str(feed.absolute())].articles, seen[str(feed.absolute())].failed) == (2, 1)
    assert (seen[str(other.absolute())].articles, seen[str(other.absolute())].failed) == (2, 0)
    assert report.stored == 4


def test_watch_applies_include_exclude_and_skips_hidden_files(store, folder):
    (folder / "sub").mkdir()
    for name in ("a.txt", "b.html", "sub/c.txt", ".hidden.txt", "notes.md"):
        _write(folder / name, name)
    fake = FakeIngest()
    _watcher(store, folder, fake, include=["*.txt", "*.html"], exclude=["sub/*"]).scan()
    assert sorted(fake.names) == ["a.txt", "b.html"]


def test_watch_run_scans_until_stopped(store, folder):
    fake = FakeIngest()
    stop = threading.Event()
    watcher = _watcher(store, folder, fake, stop=stop)
    reports = []

    def on_scan(report):
        reports.append(report)
        _write(folder / f"{len(reports)}.txt", str(len(reports)))
        if len(reports) == 3:
            stop.set()

    watcher.run(on_scan=on_scan)
    assert [r.number for r in reports] == [1, 2, 3]
    assert fake.names == ["1.txt", "2.txt"]


def test_watch_run_once_scans_once(store, folder):
    fake = FakeIngest()
    _write(folder / "a.txt", "a")
    reports = []
    _watcher(store, folder, fake, settings=Settings(watch_interval=3600)).run(
        once=True, on_scan=reports.append
    )
    assert len(reports) == 1 and fake.names == ["a.txt"]


def test_plan_does_not_hash_a_file_whose_size_and_time_match(tmp_path):
    item = Input(path=tmp_path / "x", key="/x", size=3, mtime_ns=7)

    def digest(path):
        raise AssertionError("hashed")

    (planned,) = plan([item], {"/x": Seen(size=3, mtime_ns=7, hash="h")}, now_ns=10, digest=digest)
    assert planned.change is Change.SAME


@pytest.mark.parametrize(
    ("seen", "content", "change"),
    [
        (None, "h1", Change.NEW),
        (Seen(size=3, mtime_ns=1, hash="h1"), "h1", Change.TOUCHED),
        (Seen(size=3, mtime_ns=1, hash="h0"), "h1", Change.CHANGED),
        (Seen(size=3, mtime_ns=1, hash="h1", failed=1), "h1", Change.CHANGED),
        (Seen(size=4, mtime_ns=7, hash="h0"), "h1", Change.CHANGED),
    ],
)
def test_plan_decides_by_content_when_size_or_time_differ(tmp_path, seen, content, change):
    item = Input(path=tmp_path / "x", key="/x", size=3, mtime_ns=7)
    known = {"/x": seen} if seen else {}
    (planned,) = plan([item], known, now_ns=10, digest=lambda path: content)
    assert (planned.change, planned.hash) == (change, content)


def test_plan_does_not_hash_a_file_over_the_size_limit(tmp_path):
    item = Input(path=tmp_path / "huge", key="/huge", size=10**9, mtime_ns=7)

    def digest(path):
        raise AssertionError("hashed")

    (planned,) = plan([item], {}, now_ns=10, max_bytes=1000, digest=digest)
    assert planned.change is Change.NEW


def test_plan_leaves_out_a_file_that_vanished_before_it_was_hashed(tmp_path):
    item = Input(path=tmp_path / "gone", key="/gone", size=3, mtime_ns=7)
    assert plan([item], {}, now_ns=10) == []


def test_scan_inputs_skips_a_missing_watched_path(tmp_path):
    assert scan_inputs([tmp_path / "nope"]) == []


def test_watch_notes_a_file_whose_name_is_not_utf8(store, folder):
    fake = FakeIngest()
    watcher = _watcher(store, folder, fake)
    _write(folder / os.fsdecode(b"caf\xe9.txt"), "text")
    assert watcher.scan().changes == {Change.NEW: 1}
    assert watcher.scan().changes == {Change.SAME: 1}
    (key,) = load_seen(store)
    assert key.endswith("caf\\xe9.txt")


@pytest.mark.parametrize(
    ("include", "exclude"), [((), ()), (("*.txt",), ()), ((), ("sub/*",)), (("*.rss",), ("x*",))]
)
def test_scan_inputs_finds_the_files_ingest_would_read(tmp_path, include, exclude):
    from communique.ingest.sources import walk

    for name in (
        "a.txt",
        "b.rss",
        "sub/c.txt",
        "sub/deep/d.rss",
        ".hidden/e.txt",
        "sub/.f.txt",
        "x.rss",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name, encoding="utf-8")
    (tmp_path / "fifo").mkdir()
    os.mkfifo(tmp_path / "fifo" / "pipe.txt")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    scanned = sorted(str(item.path) for item in scan_inputs([tmp_path], include, exclude))
    assert scanned == sorted(str(path) for path in walk([tmp_path], include, exclude))
    assert scanned  # every case finds something
