"""SQLite's SQL rewritten for PostgreSQL (no server needed)."""

import pytest

from communique.store.dialect import to_postgres


@pytest.mark.parametrize(
    ("sqlite", "postgres"),
    [
        ("SELECT id FROM t WHERE lower(name) = lower(?)",
         'SELECT id FROM t WHERE lower(name) = lower(%s COLLATE "C")'),
        ("SELECT id FROM t WHERE name LIKE ? || '%' ORDER BY 1",
         "SELECT id FROM t WHERE name ILIKE %s || '%%' ORDER BY 1 NULLS FIRST "),
        ("SELECT a FROM t ORDER BY a DESC, b LIMIT ?",
         "SELECT a FROM t ORDER BY a DESC NULLS LAST , b NULLS FIRST LIMIT %s"),
        ("SELECT n FROM (SELECT 1 AS n) WHERE 1",
         "SELECT n FROM (SELECT 1 AS n) AS _q1 WHERE TRUE"),
    ],
)  # fmt: skip
def test_to_postgres_rewrites(sqlite, postgres):
    assert to_postgres(sqlite) == postgres
