"""Parquet export: Hive partitions by publication month, read back with DuckDB."""

import dataclasses
import importlib.util

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from communique.clean.body import article_id
from communique.export import parquet
from communique.export.parquet import ExportError, publication_month, write_parquet
from communique.interfaces.cli.app import app
from communique.store import Store
from tests.factories import make_readout

runner = CliRunner()

# (text, published): two articles in October, one in November, one undated.
ARTICLES = [
    ("Presidents Lula and Petro spoke by phone on Monday.", "2025-10-06"),
    ("Presidents Lula and Petro spoke by phone again on Friday.", "2025-10-10"),
    ("Presidents Lula and Petro spoke by phone about trade.", "2025-11-03"),
    ("Presidents Lula and Petro spoke by phone late at night.", None),
]


def _readout(text, published):
    readout = make_readout(text, source=f"{published or 'undated'}.txt")
    article = dataclasses.replace(readout.article, id=article_id(text), published=published)
    return dataclasses.replace(readout, article=article)


def _store(path, articles=ARTICLES):
    with Store(path) as store:
        for text, published in articles:
            store.add(_readout(text, published))
    return path


def _export(db, folder):
    return runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "-o", str(folder)])


def _query(sql):
    return duckdb.sql(sql).fetchall()


def _events(folder):
    return f"read_parquet('{folder}/events/**/*.parquet', hive_partitioning=true)"


@pytest.mark.parametrize(
    ("published", "month"),
    [("2025-10-16", "2025-10"), ("2025-10", "2025-10"), (None, "undated"), ("", "undated")],
)
def test_publication_month_of_dates_and_missing_dates(published, month):
    assert publication_month(published) == month


def test_export_parquet_is_read_back_by_duckdb(tmp_path):
    db, folder = _store(tmp_path / "s.db"), tmp_path / "out"
    result = _export(db, folder)
    assert result.exit_code == 0, result.output
    assert "exported 4 articles, 4 events, 4 quotes" in result.stderr
    assert (folder / "events" / "month=2025-10" / "part-00000.parquet").is_file()

    months = _query(f"SELECT month, count(*) FROM {_events(folder)} GROUP BY month ORDER BY month")
    assert months == [("2025-10", 2), ("2025-11", 1), ("undated", 1)]
    october = _query(
        f"SELECT published, type, mode, cameo, status, date, location, participants, confidence "
        f"FROM {_events(folder)} WHERE month = '2025-10' AND list_contains(countries, 'COL') "
        "ORDER BY published"
    )
    assert [row[0] for row in october] == ["2025-10-06", "2025-10-10"]
    assert october[0][1:] == (
        "CONSULT", "phone", "041", "occurred", "2025-03-03", "Bogotá", ["Lula", "Petro"], 0.9
    )  # fmt: skip
    articles = f"read_parquet('{folder}/articles/**/*.parquet', hive_partitioning=true)"
    assert _query(f"SELECT count(*), sum(events) FROM {articles}") == [(4, 4)]


def test_export_parquet_evidence_is_the_event_sentence(tmp_path):
    db, folder = _store(tmp_path / "s.db", ARTICLES[:1]), tmp_path / "out"
    assert _export(db, folder).exit_code == 0
    [(evidence, trigger, event_id)] = _query(
        f"SELECT evidence, trigger, event_id FROM {_events(folder)}"
    )
    assert evidence == ARTICLES[0][0] and trigger in evidence
    assert event_id == f"{article_id(ARTICLES[0][0])}:e1"


def test_reexport_replaces_the_previous_export(tmp_path):
    folder = tmp_path / "out"
    assert _export(_store(tmp_path / "all.db"), folder).exit_code == 0
    assert _export(_store(tmp_path / "all.db"), folder).exit_code == 0  # same again: no duplicates
    assert _query(f"SELECT count(*) FROM {_events(folder)}") == [(4,)]

    assert _export(_store(tmp_path / "nov.db", ARTICLES[2:3]), folder).exit_code == 0
    assert _query(f"SELECT DISTINCT month FROM {_events(folder)}") == [("2025-11",)]
    assert sorted(p.name for p in (folder / "events").iterdir()) == ["month=2025-11"]
    assert sorted(p.name for p in folder.iterdir()) == ["articles", "events", "quotes"]


def test_failed_export_leaves_the_previous_export_alone(tmp_path):
    folder = tmp_path / "out"
    write_parquet([_readout(*ARTICLES[0])], folder)

    def broken():
        yield _readout(*ARTICLES[1])
        raise RuntimeError("store went away")

    with pytest.raises(RuntimeError, match="store went away"):
        write_parquet(broken(), folder)
    assert _query(f"SELECT article_id FROM {_events(folder)}") == [(article_id(ARTICLES[0][0]),)]
    assert sorted(p.name for p in folder.iterdir()) == ["articles", "events", "quotes"]


def test_export_parquet_leaves_a_folder_it_did_not_write_alone(tmp_path):
    folder = tmp_path / "project"
    (folder / "events").mkdir(parents=True)
    (folder / "events" / "notes.txt").write_text("mine", encoding="utf-8")
    result = _export(_store(tmp_path / "s.db"), folder)
    assert result.exit_code == 4
    assert "holds 'notes.txt', so it is not a table of an earlier Parquet export" in result.stderr
    assert (folder / "events" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in folder.iterdir()) == ["events"]


def test_parquet_splits_partitions_into_parts_when_many_are_open(tmp_path, monkeypatch):
    monkeypatch.setattr(parquet, "ROWS_PER_GROUP", 1)
    monkeypatch.setattr(parquet, "MAX_OPEN_FILES", 1)
    interleaved = [ARTICLES[0], ARTICLES[2], ARTICLES[1]]  # October, November, October
    rows = write_parquet([_readout(*item) for item in interleaved], tmp_path / "out")
    assert rows == {"articles": 3, "events": 3, "quotes": 3}
    october = sorted(p.name for p in (tmp_path / "out" / "events" / "month=2025-10").iterdir())
    assert october == ["part-00000.parquet", "part-00001.parquet"]
    assert _query(f"SELECT count(*) FROM {_events(tmp_path / 'out')}") == [(3,)]


def test_parquet_buffers_are_bounded_across_partitions(tmp_path, monkeypatch):
    monkeypatch.setattr(parquet, "ROWS_PER_GROUP", 2)
    # October, November, October: no month alone reaches the bound, the table does.
    interleaved = [ARTICLES[0], ARTICLES[2], ARTICLES[1]]
    write_parquet([_readout(*item) for item in interleaved], tmp_path / "out")
    october = pq.ParquetFile(tmp_path / "out" / "articles" / "month=2025-10" / "part-00000.parquet")
    assert october.num_row_groups == 2 and october.metadata.num_rows == 2


def test_parquet_to_an_fsspec_url(tmp_path):
    import fsspec

    url = f"memory://communique-test-{tmp_path.name}/run"
    write_parquet([_readout(*item) for item in ARTICLES], url)
    write_parquet([_readout(*item) for item in ARTICLES[:2]], url)  # replaced, not appended
    fs, root = fsspec.core.url_to_fs(url)
    table = pq.read_table(f"{root}/events", filesystem=fs, partitioning="hive")
    assert table.num_rows == 2
    assert set(table.column("month").to_pylist()) == {"2025-10"}
    fs.rm(root, recursive=True)


def test_parquet_url_with_an_unknown_protocol_names_it():
    with pytest.raises(ExportError, match="cannot write Parquet to nosuch://bucket/x"):
        write_parquet([], "nosuch://bucket/x")


@pytest.mark.skipif(importlib.util.find_spec("s3fs") is not None, reason="s3fs is installed")
def test_parquet_to_s3_without_s3fs_says_what_to_install():
    with pytest.raises(ExportError, match="s3fs"):
        write_parquet([], "s3://bucket/prefix")


def test_export_parquet_needs_an_output_folder(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "s.db"), "--format", "parquet"])
    assert result.exit_code == 2
    assert "give it with -o DIR" in result.stderr
