"""The store fixture, once per backend: every store test runs on SQLite and on PostgreSQL."""

import pytest

from communique.store import Store
from tests.store.backends import BACKENDS, store_location


@pytest.fixture(params=BACKENDS)
def location(request, tmp_path):
    """Where a fresh store goes: a SQLite file, or an empty PostgreSQL schema."""
    with store_location(request.param, tmp_path) as where:
        yield where


@pytest.fixture()
def store(location):
    with Store(location) as opened:
        yield opened
