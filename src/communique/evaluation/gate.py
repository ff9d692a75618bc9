"""The quality gate: figures must not fall below the pinned baseline.

``quality/baseline.json`` holds the figures the project has reached (from
``communique eval all --fast``). A figure that drops by more than the tolerance
fails the gate. The baseline is raised only by an explicit command, which
refuses to lower any figure unless told to, and shows the diff for review.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.errors import EvaluationError

TOLERANCE = 0.02
LOWER_IS_BETTER = frozenset({"false_event_rate"})
"""Figure names where a rise is the regression."""

SetFigures = Mapping[str, Mapping[str, float | None]]


@dataclass(frozen=True, slots=True)
class Baseline:
    figures: dict[str, dict[str, float | None]]
    tolerance: float = TOLERANCE
    about: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """One figure that differs between the baseline and a run."""

    key: str  # "<set>.<figure>"
    before: float | None
    after: float | None

    @property
    def figure(self) -> str:
        return self.key.rsplit(".", 1)[-1]

    @property
    def gain(self) -> float:
        """How much better the run is (negative: worse); a lost figure is a full loss."""
        if self.before is None:
            return 0.0 if self.after is None else 1.0
        if self.after is None:
            return -1.0
        delta = self.after - self.before
        return -delta if self.figure in LOWER_IS_BETTER else delta

    def line(self) -> str:
        if self.before is None or self.after is None:
            note = "new" if self.before is None else "gone"
        else:
            note = f"{'+' if self.gain >= 0 else '−'}{abs(self.gain):.3f}"
        return f"{self.key:40} {_show(self.before):>6} → {_show(self.after):>6}  ({note})"


def _show(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def flatten(sets: SetFigures) -> dict[str, float | None]:
    return {
        f"{name}.{figure}": value
        for name, figures in sets.items()
        for figure, value in figures.items()
    }


def changes(baseline: SetFigures, current: SetFigures) -> list[Change]:
    """Every figure that differs, for the sets the run has (a skipped set is not compared)."""
    before, after = flatten(baseline), flatten(current)
    keys = sorted(k for k in before.keys() | after.keys() if k.split(".", 1)[0] in current)
    return [Change(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


def drops(baseline: Baseline, current: SetFigures) -> list[Change]:
    """Figures worse than the baseline by more than its tolerance (the gate's failures)."""
    return [
        change
        for change in changes(baseline.figures, current)
        if change.before is not None and change.gain < -baseline.tolerance - 1e-9
    ]


def load_baseline(path: Path) -> Baseline:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return Baseline(
            figures={str(k): dict(v) for k, v in data["figures"].items()},
            tolerance=float(data.get("tolerance", TOLERANCE)),
            about=str(data.get("about", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise EvaluationError(f"cannot read the baseline: {e}", source=str(path)) from e


ABOUT = (
    "Quality floors: the figures of `communique eval all --fast` the project has reached. "
    "tests/test_quality_gate.py fails when one drops by more than `tolerance`. Raise them with "
    "`communique eval all --fast --update-baseline quality/baseline.json` (it refuses to lower "
    "a figure without --allow-lower) and review the diff."
)


class BaselineLoweredError(EvaluationError):
    """An update would lower figures and was not allowed to."""

    def __init__(self, lowered: list[Change], source: str) -> None:
        super().__init__(
            f"{len(lowered)} figure(s) would be lowered; pass --allow-lower after review",
            source=source,
        )
        self.lowered = lowered


def update_baseline(path: Path, current: SetFigures, *, allow_lower: bool = False) -> list[Change]:
    """Write the run's figures as the new baseline; returns what changed.

    Sets absent from the run (skipped for lack of data) keep their old figures.
    """
    old = load_baseline(path) if path.exists() else Baseline(figures={})
    diff = changes(old.figures, current)
    lowered = [change for change in diff if change.before is not None and change.gain < 0]
    if lowered and not allow_lower:
        raise BaselineLoweredError(lowered, str(path))
    figures = {**old.figures, **{name: dict(values) for name, values in current.items()}}
    data = {"about": ABOUT, "tolerance": old.tolerance, "figures": dict(sorted(figures.items()))}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return diff
