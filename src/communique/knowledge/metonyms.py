"""Seats of government that stand for their state ("the Kremlin said …")."""

from __future__ import annotations

from functools import cache

from communique.knowledge.gazetteer import fold
from communique.knowledge.tables import read_rows, split_list


@cache
def _metonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in read_rows("metonyms.csv", ("name", "aliases", "country")):
        for name in (row["name"], *split_list(row["aliases"])):
            table[fold(name)] = row["country"]
    return table


def metonym_country(name: str) -> str | None:
    """ISO3 of the state a seat of government stands for ("Kremlin" → RUS)."""
    return _metonyms().get(fold(name))
