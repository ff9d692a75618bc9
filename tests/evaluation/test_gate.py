import json

import pytest

from communique.evaluation.gate import (
    Baseline,
    BaselineLoweredError,
    Change,
    drops,
    load_baseline,
    update_baseline,
)
from communique.evaluation.gold import load_gold_dir
from communique.evaluation.goldscore import score_gold
from tests.evaluation.stubs import GOLD_DIR, good_readout, with_swapped_speakers


def baseline(**sets):
    return Baseline(figures=sets, tolerance=0.02)


@pytest.mark.parametrize(
    ("before", "after", "failed"),
    [
        (0.80, 0.79, False),  # within the tolerance
        (0.80, 0.77, True),
        (0.80, None, True),  # a figure that disappears is a drop
        (None, 0.10, False),  # nothing to keep
        (0.80, 0.95, False),
    ],
)
def test_drops_beyond_the_tolerance_fail(before, after, failed):
    found = drops(baseline(gold={"person_f1": before}), {"gold": {"person_f1": after}})
    assert bool(found) is failed


def test_a_rise_is_a_drop_where_lower_is_better():
    found = drops(
        baseline(petrarch={"false_event_rate": 0.10}), {"petrarch": {"false_event_rate": 0.20}}
    )
    assert [change.key for change in found] == ["petrarch.false_event_rate"]


def test_a_skipped_set_is_not_compared():
    assert drops(baseline(conll={"micro_f1": 0.9}), {"gold": {"person_f1": 0.5}}) == []


def test_change_line_shows_both_values_and_the_gain():
    line = Change("gold.person_f1", 0.8, 0.75).line()
    assert "0.800" in line and "0.750" in line and "−0.050" in line


def test_update_refuses_to_lower_without_permission(tmp_path):
    path = tmp_path / "baseline.json"
    update_baseline(path, {"gold": {"person_f1": 0.8, "event_f1": 0.3}})
    with pytest.raises(BaselineLoweredError) as raised:
        update_baseline(path, {"gold": {"person_f1": 0.7, "event_f1": 0.4}})
    assert [change.key for change in raised.value.lowered] == ["gold.person_f1"]
    assert load_baseline(path).figures["gold"]["person_f1"] == 0.8


def test_update_with_allow_lower_writes_and_keeps_skipped_sets(tmp_path):
    path = tmp_path / "baseline.json"
    update_baseline(path, {"gold": {"person_f1": 0.8}, "conll": {"micro_f1": 0.6}})
    diff = update_baseline(path, {"gold": {"person_f1": 0.7}}, allow_lower=True)
    assert [(c.key, c.before, c.after) for c in diff] == [("gold.person_f1", 0.8, 0.7)]
    data = json.loads(path.read_text())
    assert data["figures"] == {"conll": {"micro_f1": 0.6}, "gold": {"person_f1": 0.7}}
    assert data["tolerance"] == 0.02 and "--update-baseline" in data["about"]


def test_seeded_bug_swapping_quote_speakers_fails_the_gate(tmp_path):
    golds = load_gold_dir(GOLD_DIR)
    good = score_gold(golds, {golds[0].article: good_readout()}).figures
    buggy = score_gold(golds, {golds[0].article: with_swapped_speakers(good_readout())}).figures
    path = tmp_path / "baseline.json"
    update_baseline(path, {"gold": good})
    found = drops(load_baseline(path), {"gold": buggy})
    assert [change.key for change in found] == ["gold.direct_speaker_acc"]
