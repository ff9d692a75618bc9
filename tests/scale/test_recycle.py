"""Dask workers are kept for the run: their extractor is replaced after worker_articles."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

import pytest

from communique.records import Article
from communique.scale import cluster
from communique.settings import load_settings


class CountingExtractor:
    made: ClassVar[list[CountingExtractor]] = []

    def __init__(self, settings):
        self.analysed = 0
        CountingExtractor.made.append(self)

    def analyse(self, article):
        self.analysed += 1
        return article.id


@pytest.fixture
def counting(monkeypatch):
    CountingExtractor.made = []
    monkeypatch.setattr(cluster, "Extractor", CountingExtractor)
    monkeypatch.setattr(cluster, "_EXTRACTORS", {})
    monkeypatch.setattr(cluster, "_ANALYSED", {})
    return CountingExtractor.made


def _articles(n, start=0):
    return [
        Article(id=f"a{i}", source=f"a{i}.txt", text="Text.", published="2025-10-16")
        for i in range(start, start + n)
    ]


def test_a_fresh_extractor_after_worker_articles(counting):
    settings = replace(load_settings({}), worker_articles=4)
    for batch in range(5):  # 15 articles in batches of 3
        assert cluster.analyse_batch(settings, _articles(3, 3 * batch)) == [
            f"a{i}" for i in range(3 * batch, 3 * batch + 3)
        ]
    # batches are never split: an extractor serves until it has done at least 4
    assert [made.analysed for made in counting] == [6, 6, 3]


def test_zero_keeps_one_extractor_for_the_run(counting):
    settings = replace(load_settings({}), worker_articles=0)
    for batch in range(4):
        cluster.analyse_batch(settings, _articles(5, 5 * batch))
    assert [made.analysed for made in counting] == [20]
