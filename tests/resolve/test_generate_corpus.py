"""The synthetic corpus generator: distinct texts in the seed layout, people and dates changed."""

import importlib.util
import sys

from tests.conftest import ROOT


def _generator():
    spec = importlib.util.spec_from_file_location(
        "generate_corpus", ROOT / "scripts" / "generate_corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_generate_corpus_writes_distinct_dated_articles(tmp_path):
    generator = _generator()
    assert generator.generate(tmp_path, 40, seed=3) == 40
    texts = [path.read_text(encoding="utf-8") for path in sorted(tmp_path.glob("*.txt"))]
    assert len(set(texts)) == 40
    assert all(text.startswith("date ") and text[5:15].count("-") == 2 for text in texts)
    assert not any("Vladimir Putin" in text for text in texts)


def test_generate_corpus_is_reproducible(tmp_path):
    generator = _generator()
    generator.generate(tmp_path / "a", 5, seed=9)
    generator.generate(tmp_path / "b", 5, seed=9)
    for path in (tmp_path / "a").iterdir():
        assert path.read_text() == (tmp_path / "b" / path.name).read_text()
