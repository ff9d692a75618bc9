"""The quality gate: no figure of ``communique eval all --fast`` falls below quality/baseline.json.

Like trafilatura's eval gate: floors in CI, raised only by an explicit command
(``communique eval all --fast --update-baseline quality/baseline.json``), never
lowered silently. Sets whose data is absent are skipped; without ../shared the
whole test is. That the gate catches a regression is shown by the seeded-bug
tests in tests/evaluation/.
"""

from __future__ import annotations

import pytest

from communique.evaluation.gate import drops, load_baseline
from communique.evaluation.runner import SETS, run_all
from communique.pipeline import Extractor
from communique.settings import Settings
from tests.conftest import ROOT, SHARED

BASELINE = ROOT / "quality" / "baseline.json"


def test_baseline_pins_every_set():
    assert set(load_baseline(BASELINE).figures) == {item.name for item in SETS}


@pytest.mark.shared
@pytest.mark.model
def test_no_figure_falls_below_the_baseline():
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"{SHARED}/eval is absent (the shared evaluation data is not part of a clone)")
    run = run_all(Extractor(Settings()), shared=SHARED, fast=True)
    baseline = load_baseline(BASELINE)
    failed = drops(baseline, run.figures)
    assert not failed, "below the baseline:\n" + "\n".join(change.line() for change in failed)
