"""On the real dev gold (../shared): agreement with the reference scorer, and the gate on seeded bugs.

Skipped where ../shared is absent. The reference scorer reads the readouts this
run saved, so both score the same readouts; a separate test checks that the
in-process readouts are those ``communique extract`` prints.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys

import pytest

from communique.evaluation.gate import Baseline, drops
from communique.evaluation.gold import load_gold_dir
from communique.evaluation.goldscore import evaluate_gold, load_readouts, score_gold
from communique.pipeline import Extractor
from communique.records import Readout
from communique.settings import Settings
from tests.conftest import ROOT, SHARED

pytestmark = [pytest.mark.shared, pytest.mark.model]

GOLD = SHARED / "eval" / "gold" / "dev"
ARTICLES = SHARED / "eval" / "articles" / "dev"
REFERENCE = SHARED / "eval" / "score.py"


@pytest.fixture(scope="module")
def dev(tmp_path_factory):
    if not (GOLD.is_dir() and ARTICLES.is_dir() and REFERENCE.is_file()):
        pytest.skip(f"{SHARED}/eval is absent (the shared evaluation data is not part of a clone)")
    folder = tmp_path_factory.mktemp("readouts")
    result, _ = evaluate_gold(GOLD, Extractor(Settings()), articles=ARTICLES, save=folder)
    return result, folder


def reference_figures(*arguments: str) -> dict:
    done = subprocess.run(
        [sys.executable, str(REFERENCE), str(GOLD), *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_gold_figures_agree_with_the_reference_scorer(dev):
    result, folder = dev
    reference = reference_figures(str(folder))
    ours = {**result.counts, **result.figures}
    differ = {
        key: (value, ours.get(key))
        for key, value in reference.items()
        if (value is None) != (ours.get(key) is None)
        or (value is not None and abs(value - ours[key]) > 0.01)
    }
    assert differ == {}


@pytest.mark.skipif(
    not os.environ.get("COMMUNIQUE_FULL_EVAL"), reason="set COMMUNIQUE_FULL_EVAL=1 (about 2 min)"
)
def test_gold_figures_agree_with_the_reference_scorer_running_extract(dev):
    result, _ = dev
    reference = reference_figures(str(ARTICLES), "--cmd", f"{sys.executable} -m communique extract")
    assert all(
        v is None or abs(v - {**result.counts, **result.figures}[k]) <= 0.01
        for k, v in reference.items()
    )


def test_in_process_readout_is_what_communique_extract_prints(dev):
    _, folder = dev
    article = min(ARTICLES.glob("*.txt"), key=lambda path: path.stat().st_size)
    done = subprocess.run(
        [sys.executable, "-m", "communique", "extract", str(article)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    saved = json.loads((folder / f"{article.name}.json").read_text(encoding="utf-8"))
    assert json.loads(done.stdout) == saved


def _seed_bugs(readout: Readout) -> Readout:
    """Rotate the persons' countries and the quotes' speakers by one."""

    def rotated(items, field):
        values = [getattr(item, field) for item in items]
        values = values[1:] + values[:1]
        return tuple(
            dataclasses.replace(item, **{field: v}) for item, v in zip(items, values, strict=True)
        )

    people = [a for a in readout.actors if a.kind == "person"]
    others = [a for a in readout.actors if a.kind != "person"]
    return dataclasses.replace(
        readout,
        actors=(*rotated(people, "country"), *others),
        quotes=rotated(readout.quotes, "speaker"),
    )


def test_seeded_bugs_on_the_dev_gold_fail_the_gate(dev):
    result, folder = dev
    golds = load_gold_dir(GOLD)
    readouts = load_readouts(golds, folder)
    buggy = {name: _seed_bugs(r) if isinstance(r, Readout) else r for name, r in readouts.items()}
    figures = score_gold(golds, buggy).figures
    failed = {
        change.key
        for change in drops(Baseline(figures={"gold": result.figures}), {"gold": figures})
    }
    assert "gold.person_country_acc" in failed
    if result.figures["direct_speaker_acc"]:
        assert "gold.direct_speaker_acc" in failed
