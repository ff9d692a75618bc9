"""Whether an event report is a report of a canonical event already known.

Clustering is incremental: a new report is compared only with the canonical
events an index returns for its type, participants (or place) and date buckets
(:func:`lookup_plan`), never with the whole archive.
:func:`score` then weighs five kinds of evidence; any hard conflict (different
type, disjoint participants, incompatible dates, two different places, a phone
call against a meeting) rules the pair out:

- participants, through the actor registry (a country actor agrees with a
  person of that country);
- dates: exact, one contained in the other, one day apart (kept as
  disputed); an undated report is placed near its publication date;
- places: the same, or a city inside the country the other report names;
- mode (phone, visit, third-party, multilateral);
- wording: the share of the report's content words the event's reports used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from communique.records import EventStatus
from communique.resolve.canonical import CanonicalState
from communique.resolve.dates import DayRange, compare_dates, day_range, narrowest
from communique.resolve.features import PLANS, MentionFeatures, nested
from communique.resolve.similarity import overlap

THRESHOLD = 0.55
"""Score from which a report joins a canonical event."""

WEIGHTS = {"people": 0.35, "date": 0.25, "place": 0.15, "mode": 0.1, "words": 0.15}

RECENT_DAYS = 10
"""How long before publication an undated report of a past event may look for it."""

PLAN_DAYS = 45
"""How long before publication a plan (or a report of what became of one) may look."""

FAR_DAYS = 400
"""How far an undated report may reach when the place agrees as well."""

AHEAD_DAYS = 30
"""How far after publication an undated plan may look (a vaguer plan is another plan)."""

OUTCOME_DAYS = timedelta(days=3)
"""How soon after a plan's day an undated report of the event is taken as its outcome."""


@dataclass(frozen=True, slots=True)
class Score:
    total: float
    parts: dict[str, float]


def score(mention: MentionFeatures, event: CanonicalState) -> Score | None:
    """How well ``mention`` fits ``event``, or None when something rules it out."""
    if mention.type != event.type or not _in_order(mention, event):
        return None
    place = _place(mention, event)
    people = _people(mention, event)
    mode = _mode(mention, event)
    if place is None and people is not None and people >= 0.8 and _same_day(mention, event):
        place = 0.0  # the same leaders on the same day: one event, its place disputed
    if place is None or people is None or mode is None:
        return None
    when = _date(mention, event, place_agrees=place >= 0.7)
    if when is None:
        return None
    parts = {
        "people": people,
        "date": when,
        "place": place,
        "mode": mode,
        "words": overlap(mention.words, event.words),
    }
    return Score(sum(WEIGHTS[k] * v for k, v in parts.items()), parts)


def _in_order(mention: MentionFeatures, event: CanonicalState) -> bool:
    """A plan cannot be of an event that already happened, nor an outcome precede its plan.

    "They will meet" published on the 17th is not the meeting held on the 15th
    (nor on the 17th, unless the plan gives that very day);
    "they met on the 14th" is not the meeting first planned on the 16th. An
    undated plan with the event's own venue is a recap of how it came about.
    """
    same_place = mention.place is not None and mention.place.key in event.places
    if mention.status in PLANS and event.occurred_reported and mention.published:
        if same_place and not mention.date:
            return True  # "after Putin agreed to meet Trump in Alaska": a recap of the plan
        held = day_range(event.date) or _day(event.occurred_reported)
        published = _day(mention.published)
        ours = day_range(mention.date)
        same_day = bool(ours and ours.is_day and held and ours.overlaps(held))
        if held and published and held.end <= published.start and not same_day:
            return False  # "they agreed to meet again": not the meeting just held
    if mention.status is EventStatus.OCCURRED and event.plan_reported:
        done = day_range(mention.date)
        planned = _day(event.plan_reported)
        if done and planned and done.end < planned.start:
            return False
        if not event.occurred_reported and not _outcome_evidence(mention, event):
            return False
    return True


def _same_day(mention: MentionFeatures, event: CanonicalState) -> bool:
    """Whether the report and the event give one and the same day."""
    ours = day_range(mention.date)
    return bool(ours and ours.is_day and mention.date in event.dates)


def _outcome_evidence(mention: MentionFeatures, event: CanonicalState) -> bool:
    """Whether a report that something happened says enough to be the outcome of a plan.

    Only plans are known so far; "the pair met" without a date or a place is
    more often an earlier meeting than the planned one, unless it is published
    in the days just after the day the plan gave.
    """
    if mention.place is not None and mention.place.key in event.places:
        return True
    ours = day_range(mention.date)
    theirs = narrowest([r for r in map(day_range, event.dates) if r is not None])
    if ours is None:  # "the meeting was …" published just after the day it was planned for
        published = _day(mention.published)
        return bool(
            published
            and any(r.is_day and r.start <= published.start <= r.end + OUTCOME_DAYS for r in theirs)
        )
    return any(compare_dates(ours, r).compatible for r in theirs)


def _people(mention: MentionFeatures, event: CanonicalState) -> float | None:
    ours, theirs = mention.participants, set(event.participants)
    if not ours or not theirs:
        return 0.3
    shared = ours & theirs
    core = event.core_participants()
    extra_ours, extra_theirs = ours - theirs, core - ours
    if shared:
        if _named(extra_ours) and _named(extra_theirs):
            return None  # Trump–Zelensky is not Trump–Putin
        core_or_all = core or theirs
        return 2 * len(ours & core_or_all) / (len(ours) + len(core_or_all)) or 0.3
    countries = mention.countries & set(event.countries)
    if countries and not (mention.countries - set(event.countries)):
        return 0.5
    return None


def _named(actors: set[str] | frozenset[str]) -> bool:
    """Whether a set holds people or organisations, not only states (which stand for them)."""
    return any(not actor.startswith("country/") for actor in actors)


def _place(mention: MentionFeatures, event: CanonicalState) -> float | None:
    if mention.place is None or not event.places:
        return 0.5
    if mention.place.key in event.places:
        return 1.0
    for known in event.place_names.values():
        if known[0] == mention.place.name:
            return 1.0
        if nested(mention.place.as_list(), known):
            return 0.7  # Anchorage in Alaska, Budapest in Hungary
    return None


def _mode(mention: MentionFeatures, event: CanonicalState) -> float | None:
    mode = event.mode
    if not mention.mode or not mode:
        return _venue_of_call(mention, event)
    if mention.mode == mode:
        return 1.0
    if "phone" in (mention.mode, mode):
        return None  # a call is never the meeting it prepares
    return 0.3


def _venue_of_call(mention: MentionFeatures, event: CanonicalState) -> float | None:
    """One side is a phone call and the other has a venue city: a call has no venue."""
    call = mention.mode == "phone" or event.mode == "phone"
    city_ours = mention.place is not None and mention.place.level == 0
    city_theirs = any(known[2] == 0 for known in event.place_names.values())
    if call and (city_ours or city_theirs):
        return None
    return 0.3 if call else 0.5  # a call is usually reported as one


def _date(mention: MentionFeatures, event: CanonicalState, *, place_agrees: bool) -> float | None:
    ours = day_range(mention.date)
    theirs = narrowest([r for r in map(day_range, event.dates) if r is not None])
    if ours and theirs:
        return _dated(ours, theirs, mention, event, place_agrees)
    anchor = ours or _day(mention.published)
    if anchor is None:
        return 0.4
    seen = theirs or [r for r in map(_day, (event.first_seen, event.last_seen)) if r]
    if not seen:
        return 0.4
    hull = DayRange(min(r.start for r in seen), max(r.end for r in seen))
    return _near_publication(anchor, hull, mention, event, place_agrees)


def _dated(
    ours: DayRange,
    theirs: list[DayRange],
    mention: MentionFeatures,
    event: CanonicalState,
    place_agrees: bool,
) -> float | None:
    agreements = [compare_dates(ours, r) for r in theirs]
    if any(a.compatible and not a.disputed for a in agreements):
        return 1.0
    if any(a.compatible for a in agreements):
        return 0.8
    moving = mention.prospective or event.prospective
    if moving and place_agrees and min(a.gap for a in agreements) <= 60:
        return 0.2  # a plan's date moved; the place holds the thread
    return None


def _near_publication(
    anchor: DayRange,
    hull: DayRange,
    mention: MentionFeatures,
    event: CanonicalState,
    place_agrees: bool,
) -> float | None:
    """An undated report (or an undated event) placed around the report's publication."""
    if mention.prospective or (event.prospective and not event.occurred_reported):
        window = anchor.widened(PLAN_DAYS, AHEAD_DAYS)
    else:
        window = anchor.widened(RECENT_DAYS, 1)
    if window.overlaps(hull):
        return 0.6
    if place_agrees and anchor.widened(FAR_DAYS, AHEAD_DAYS).overlaps(hull):
        return 0.3
    return None


def _day(value: str | None) -> DayRange | None:
    found = day_range(value)
    if found is None or not value:
        return None
    return found if found.is_day else DayRange(found.start, found.start)


# -- the index ----------------------------------------------------------------


def index_keys(event: CanonicalState) -> list[str]:
    """Keys under which a canonical event is filed: its participants, their countries, places.

    A report naming only states ("Russia and the United States") looks the
    event up by country; a report naming people looks up country actors.
    """
    keys = [f"actor:{p}" for p in event.ordered_participants()[:8]]
    keys += [f"country:{c}" for c in sorted(event.countries)]
    keys += [f"place:{p}" for p in event.places]
    return keys or ["any"]


def index_months(event: CanonicalState) -> list[str]:
    """Month buckets: those its dates cover; an undated event, its first and latest reports'.

    Not every month between: a bucket row per month of a long-running undated
    event would make each new report of it cost more than the last.
    """
    ranges = [r for r in map(day_range, event.dates) if r is not None]
    if not ranges:  # filed where reports of it will be looked for: by their publication
        first, last = _day(event.first_seen), _day(event.last_seen)
        ranges = [r for r in (first, last.widened(PLAN_DAYS, 0) if last else None) if r]
    months = {month for r in ranges for month in r.months()}
    return sorted(months) or ["undated"]


def lookup_plan(mention: MentionFeatures) -> list[tuple[list[str], list[str]]]:
    """Index probes for a report: (keys, month buckets) pairs.

    Participants and countries are looked up around the report's date (or its
    publication); the place alone reaches further back, as :func:`score` lets
    a report with the event's place do.
    """
    keys = [f"actor:{p}" for p in sorted(mention.participants)]
    keys += [f"actor:country/{c}" for c in sorted(mention.countries)]
    states = sorted(p for p in mention.participants if p.startswith("country/"))
    keys += [f"country:{p.removeprefix('country/')}" for p in states]
    plan = [(list(dict.fromkeys(keys)) or ["any"], _near_months(mention))]
    if mention.place:
        anchor = _day(mention.published)
        far = anchor.widened(FAR_DAYS, AHEAD_DAYS).months() if anchor else ["undated"]
        plan.append(([f"place:{mention.place.key}"], sorted({*far, *_near_months(mention)})))
    return plan


def _near_months(mention: MentionFeatures) -> list[str]:
    """Month buckets of the canonical events a report could belong to, bar the place's reach."""
    ours = day_range(mention.date)
    anchor = _day(mention.published)
    spans = []
    if ours is not None:
        spans.append(ours.widened(60, 60) if mention.prospective else ours.widened(2, 2))
    if anchor is not None:  # events filed by when they were reported
        after = AHEAD_DAYS if mention.prospective or ours is None else 1
        spans.append(anchor.widened(PLAN_DAYS, after))
    months = {month for span in spans for month in span.months()}
    return sorted(months) or ["undated"]
