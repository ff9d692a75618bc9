"""The timeline chart laid out in Python and drawn as SVG by the template (no script needed).

One lane per event type; each canonical event is a dot at its date, coloured
by status and sized by its number of sources; a hollow dot is an event that
did not (or not yet) happen. A month-precision date sits mid-month, a year
mid-year. Undated events are left out of the chart and listed below it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from communique.interfaces.server.templating import STATUS_COLOURS
from communique.query.rows import TimelinePoint

WIDTH = 960
LANE = 34
LEFT = 110
RIGHT = 30
TOP = 24
AXIS = 30
HAPPENED = {"occurred", "ongoing"}


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    r: float
    colour: str
    hollow: bool
    title: str
    event_id: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Lane:
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    axis_y: float
    lanes: tuple[Lane, ...]
    ticks: tuple[Tick, ...]
    dots: tuple[Dot, ...]
    undated: tuple[TimelinePoint, ...]


def day_of(value: str | None) -> int | None:
    """An ordinal day for a TIMEX-like date (``2025``, ``2025-10``, ``2025-10-16``), else None."""
    if not value or not value[:4].isdigit():
        return None
    try:
        if len(value) >= 10:
            return date.fromisoformat(value[:10]).toordinal()
        if len(value) >= 7 and value[5:7].isdigit():
            return date(int(value[:4]), int(value[5:7]), 15).toordinal()
        return date(int(value[:4]), 7, 1).toordinal()
    except ValueError:
        return None


def _ticks(first: int, last: int, scale: float, left: int) -> tuple[Tick, ...]:
    """Month ticks, or year ticks when the span is long; at most about a dozen labels."""
    start, end = date.fromordinal(first), date.fromordinal(last)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = max(1, math.ceil(months / 12))
    ticks = []
    year, month = start.year, start.month
    for n in range(months + 1):
        if n % step == 0:
            day = date(year, month, 1).toordinal()
            if first <= day <= last:
                label = (
                    f"{year}"
                    if month == 1 or step >= 12
                    else date(year, month, 1).strftime("%b %Y")
                )
                ticks.append(Tick(x=left + (day - first) * scale, label=label))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(ticks)


def timeline_chart(points: list[TimelinePoint]) -> Chart:
    dated = [(day, p) for p in points if (day := day_of(p.date)) is not None]
    undated = tuple(p for p in points if day_of(p.date) is None)
    types = sorted({p.type for _, p in dated})
    lanes = tuple(Lane(y=TOP + LANE * i + LANE / 2, label=t) for i, t in enumerate(types))
    lane_y = {lane.label: lane.y for lane in lanes}
    height = TOP + LANE * max(len(types), 1) + AXIS + 10
    if not dated:
        return Chart(WIDTH, height, LEFT, RIGHT, TOP, lanes, (), (), undated)
    first = min(day for day, _ in dated) - 10
    last = max(day for day, _ in dated) + 10
    scale = (WIDTH - LEFT - RIGHT) / max(last - first, 1)
    dots = tuple(
        Dot(
            x=LEFT + (day - first) * scale,
            y=lane_y[p.type],
            r=4 + 2.5 * math.log2(max(p.sources, 1)),
            colour=STATUS_COLOURS.get(p.status, "#555555"),
            hollow=p.status not in HAPPENED,
            title=f"{p.date} · {p.type} {p.mode or ''} · {p.status} · {p.sources} source(s)\n{p.summary}",
            event_id=p.event_id,
        )
        for day, p in dated
    )
    axis_y = TOP + LANE * len(types) + 6
    return Chart(
        WIDTH, height, LEFT, RIGHT, axis_y, lanes, _ticks(first, last, scale, LEFT), dots, undated
    )
