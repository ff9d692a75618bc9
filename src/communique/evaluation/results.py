"""What every evaluation produces: a named set of figures and counts, or a skip."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from communique.errors import EvaluationError

Figures = dict[str, float | None]
"""Quality figures, each in [0, 1] (``None`` where nothing was there to measure)."""

DIGITS = 3


class DataMissingError(EvaluationError):
    """The data of an evaluation set is absent (a fresh clone has no ``../shared``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SetResult:
    """The outcome of one evaluation set: its figures (gated) and counts (informational)."""

    name: str
    figures: Figures = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    data: str = ""
    seconds: float = 0.0
    skipped: str | None = None
    notes: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"figures": self.figures, "counts": self.counts, "data": self.data}
        out["seconds"] = round(self.seconds, 1)
        if self.skipped:
            out["skipped"] = self.skipped
        if self.notes:
            out["notes"] = list(self.notes)
        return out


def skipped(name: str, reason: str) -> SetResult:
    return SetResult(name=name, skipped=reason)


def ratio(part: int, whole: int) -> float | None:
    """``part / whole`` rounded, or ``None`` when there was nothing to measure."""
    return round(part / whole, DIGITS) if whole else None


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    def named(self, prefix: str) -> Figures:
        return {
            f"{prefix}_p": round(self.precision, DIGITS),
            f"{prefix}_r": round(self.recall, DIGITS),
            f"{prefix}_f1": round(self.f1, DIGITS),
        }


def prf(true_positives: int, predicted: int, gold: int) -> PRF:
    """Precision, recall and F1; an empty side counts as perfect only when both are empty."""
    empty = 1.0 if gold == 0 else 0.0
    precision = true_positives / predicted if predicted else empty
    recall = true_positives / gold if gold else 1.0
    total = precision + recall
    return PRF(precision, recall, 2 * precision * recall / total if total else 0.0)


def require(path: Path, what: str) -> Path:
    """``path`` if it exists, else :class:`DataMissingError` naming it."""
    if not path.exists():
        raise DataMissingError(f"{what} not found at {path}", source=str(path))
    return path


def merged(*parts: Mapping[str, float | None]) -> Figures:
    out: Figures = {}
    for part in parts:
        out.update(part)
    return out


@dataclass
class Counts:
    """Named counters that adapters add to document by document."""

    values: dict[str, int] = field(default_factory=dict)

    def add(self, **changes: int) -> None:
        for key, value in changes.items():
            self.values[key] = self.values.get(key, 0) + value

    def check(self, key: str, right: bool) -> None:
        """Count one judgement: ``<key>_n`` seen, ``<key>_ok`` right."""
        self.add(**{f"{key}_n": 1, f"{key}_ok": int(right)})

    def rate(self, key: str) -> float | None:
        return ratio(self[f"{key}_ok"], self[f"{key}_n"])

    def __getitem__(self, key: str) -> int:
        return self.values.get(key, 0)
