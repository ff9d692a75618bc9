"""Threads: a planned or proposed event followed to what became of it.

A canonical event whose reports include a plan or its fate (planned,
proposed, postponed, cancelled: :data:`THREAD_STATUSES`) is a thread; its steps are its reports in
publication order, each with its status and evidence. The canonical status
follows the latest report, with one guard: a later article that merely
restates the plan ("the planned summit") does not undo an outcome already
reported. Stages order the life of a plan:

    proposed · hypothetical · conditional  <  planned  <  postponed · negated  <  occurred · cancelled

The status is the latest report's among those of the furthest stage, or a
plan reported after a postponement for a date after it (rescheduled). It
depends on the reports, not on the order they were ingested in. A negation
("there are no plans for a meeting") puts a plan off like a postponement but
never undoes a meeting reported held. Denials are steps of the thread but do
not move the status: "the Kremlin denies the summit was cancelled" is
evidence, not an outcome.

A thread may also be *replaced*: an article that reports the event called off
and, in the same passage with a cue such as "instead", another event of the
same kind between the same parties links the two (:func:`replacement_cue`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from communique.records import EventStatus

THREAD_STATUSES = frozenset(
    {EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.POSTPONED, EventStatus.CANCELLED}
)
"""A report of one of these makes its canonical event a thread (a possibility is not a plan)."""

STAGE: dict[EventStatus, int] = {
    EventStatus.PROPOSED: 0,
    EventStatus.HYPOTHETICAL: 0,
    EventStatus.CONDITIONAL: 0,
    EventStatus.PLANNED: 1,
    EventStatus.POSTPONED: 2,
    EventStatus.NEGATED: 2,
    EventStatus.ONGOING: 2,
    EventStatus.OCCURRED: 3,
    EventStatus.CANCELLED: 3,
}
"""How far along its life a report puts an event; statuses absent here never move it."""

_REPLACEMENT = re.compile(
    r"\b(instead|in its place|in place of|replac(e|ed|es|ing)|rather than|substitut\w*)\b",
    re.IGNORECASE,
)


PREFERRED = {EventStatus.POSTPONED: 2, EventStatus.NEGATED: 1}
"""Within one stage, the status that says more ("postponed" over "no plans for now")."""


@dataclass(frozen=True, slots=True)
class LastReport:
    """The latest reports of one status: when they were published, the date given, how many."""

    published: str
    date: str | None = None
    count: int = 1


def current_status(latest: Mapping[EventStatus, LastReport]) -> EventStatus:
    """The status the reports together give, whatever order they arrived in.

    A report that puts the event back to an earlier stage than a report
    published before it is a restatement ("the planned summit" after it was put
    on hold) and is set aside, unless it plans the event anew (rescheduled).
    Among the rest, the latest day's reports decide: the stage most of them
    give (on a tie, the further one), and in it the status that says most.
    Statuses without a stage count only when no report has one.
    """
    staged = {status: report for status, report in latest.items() if status in STAGE}
    if not staged:
        return max(latest, key=lambda s: (latest[s].published, s.value))
    rescheduled = _rescheduled(staged)

    def stage(status: EventStatus) -> float:
        return 2.5 if status is EventStatus.PLANNED and rescheduled else STAGE[status]

    standing = {
        status: report
        for status, report in staged.items()
        if not any(
            stage(other) > stage(status) and staged[other].published < report.published
            for other in staged
        )
    }
    day = max(report.published for report in standing.values())
    today = {status: report for status, report in standing.items() if report.published == day}
    votes: dict[float, int] = {}
    for status, report in today.items():
        votes[stage(status)] = votes.get(stage(status), 0) + report.count
    top = max(votes, key=lambda s: (votes[s], s))
    return max(
        (status for status in today if stage(status) == top),
        key=lambda s: (PREFERRED.get(s, 0), today[s].count, s.value),
    )


def _rescheduled(staged: Mapping[EventStatus, LastReport]) -> bool:
    """A plan reported after the event was put off, for a date after that report."""
    plan = staged.get(EventStatus.PLANNED)
    holds = [staged[s] for s in (EventStatus.POSTPONED, EventStatus.NEGATED) if s in staged]
    if plan is None or not holds or not plan.date:
        return False
    hold = max(h.published for h in holds)
    return plan.published >= hold and plan.date > hold


def replacement_cue(text: str) -> bool:
    """Whether a passage says one event took another's place."""
    return _REPLACEMENT.search(text) is not None
