"""Ingest resolves each new article in the transaction that stores it (needs the model)."""

import pytest

from communique import jobs
from communique.api import open_store

pytestmark = pytest.mark.model

ARTICLES = {
    "a.txt": "date 2025-04-01\nThe foreign ministers of Japan and South Korea met in Tokyo on Monday "
    "to discuss North Korea, officials said.",
    "b.txt": "date 2025-04-02\nJapan's foreign minister met his South Korean counterpart in Tokyo on "
    "Monday, the ministry said in a statement.",
}


def _write(folder):
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_ingest_fills_the_registry_and_canonical_events(tmp_path):
    with open_store(tmp_path / "s.db") as archive:
        archive.ingest([_write(tmp_path / "in")])
        assert archive.actors(kind="country")
        with archive.store.reading() as db:
            resolved = db.execute("SELECT COUNT(*) FROM resolved_articles").fetchone()[0]
        assert resolved == 2
        assert archive.resolve() == 0  # nothing left to resolve


def test_ingest_records_a_resolution_failure_and_goes_on(tmp_path, monkeypatch):
    calls = []

    def broken(db, readout):
        calls.append(readout.article.source)
        if len(calls) == 1:
            raise RuntimeError("resolution bug")

    monkeypatch.setattr(jobs, "resolve_article", broken)
    with open_store(tmp_path / "s.db") as archive:
        summary = archive.ingest([_write(tmp_path / "in")])
        assert [f.stage for f in summary.failed] == ["resolve"]
        assert len(summary.stored) == 1 and archive.store.count() == 1
