"""A canonical event: what all the reports of one real event say, value by value.

The state keeps counts, not a single value, for everything reports may
disagree on (date, place, mode, participants), so that a new report updates it
in constant time and the disagreement stays visible: a call dated 16 October
by four outlets and 17 October by one has date ``2025-10-16``, disputed, with
both values and their counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from communique.records import EventStatus
from communique.resolve.dates import compare_dates, day_range, narrowest
from communique.resolve.features import PLANS, MentionFeatures, nested
from communique.resolve.similarity import add_words
from communique.resolve.threads import THREAD_STATUSES, LastReport, current_status


@dataclass(slots=True, kw_only=True)
class CanonicalState:
    """Mutable while a report is absorbed; stored as JSON beside its derived columns."""

    type: str
    mentions: int = 0
    modes: dict[str, int] = field(default_factory=dict)
    participants: dict[str, int] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)
    dates: dict[str, int] = field(default_factory=dict)
    places: dict[str, int] = field(default_factory=dict)
    place_names: dict[str, list[Any]] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    status: str = EventStatus.OCCURRED.value
    latest: dict[str, list[Any]] = field(default_factory=dict)
    prospective: bool = False
    thread: bool = False
    plan_reported: str | None = None
    occurred_reported: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    summary: str = ""

    def absorb(self, mention: MentionFeatures) -> None:
        """Add one report."""
        first = self.mentions == 0
        self.mentions += 1
        _count(self.modes, [mention.mode] if mention.mode else [])
        _count(self.participants, mention.participants)
        _count(self.countries, mention.countries)
        _count(self.dates, [mention.date] if mention.date else [])
        if mention.place:
            _count(self.places, [mention.place.key])
            self.place_names[mention.place.key] = mention.place.as_list()
        self.words = add_words(self.words, mention.words)
        self.prospective = self.prospective or mention.prospective
        self.thread = self.thread or mention.status in THREAD_STATUSES
        if mention.published and mention.status in PLANS and not self._held_before(mention):
            self.plan_reported = _earliest(self.plan_reported, mention.published)
        if mention.published and mention.status is EventStatus.OCCURRED:
            self.occurred_reported = _earliest(self.occurred_reported, mention.published)
        self._report_status(mention)
        self._seen(mention.published)
        if first or (not self.summary and mention.summary):
            self.summary = mention.summary

    def _held_before(self, mention: MentionFeatures) -> bool:
        """Whether the event was reported held before this plan was published (a recap)."""
        held = day_range(self.date) if self.occurred_reported else None
        published = day_range(mention.published)
        return bool(held and published and held.end < published.start)

    def _report_status(self, mention: MentionFeatures) -> None:
        """Keep the latest report of each status; the status follows from them."""
        published = mention.published or ""
        key = mention.status.value
        known = self.latest.get(key)
        if known is None or published > str(known[0]):
            self.latest[key] = [published, mention.date, 1]
        elif published == known[0]:
            dates = [d for d in (mention.date, known[1]) if d]
            self.latest[key] = [published, max(dates, default=None), _count_of(known) + 1]
        self.status = current_status(
            {
                EventStatus(k): LastReport(str(v[0]), v[1], _count_of(v))
                for k, v in self.latest.items()
            }
        ).value

    def _seen(self, published: str | None) -> None:
        if not published:
            return
        if self.first_seen is None or published < self.first_seen:
            self.first_seen = published
        if self.last_seen is None or published > self.last_seen:
            self.last_seen = published

    # -- derived values -------------------------------------------------------

    @property
    def mode(self) -> str | None:
        return _top(self.modes)

    @property
    def date(self) -> str | None:
        """The most specific date with the most reports (a day beats the month containing it)."""
        if not self.dates:
            return None
        return max(self.dates, key=lambda v: (-_width(v), self.dates[v], v))

    @property
    def date_disputed(self) -> bool:
        """Whether reports give dates that cannot all be true at once."""
        ranges = narrowest([r for r in map(day_range, self.dates) if r is not None])
        return any(
            compare_dates(a, b).disputed for i, a in enumerate(ranges) for b in ranges[i + 1 :]
        )

    @property
    def place(self) -> str | None:
        """The place most reports give, or a place inside it that some report names (the city)."""
        if not self.places:
            return None
        top = max(self.places, key=lambda k: (self.places[k], -self.place_names[k][2], k))
        inside = [
            k
            for k in self.places
            if nested(self.place_names[k], self.place_names[top])
            and self.place_names[k][2] < self.place_names[top][2]
        ]
        if not inside:
            return top
        return max(inside, key=lambda k: (-self.place_names[k][2], self.places[k], k))

    @property
    def place_name(self) -> str | None:
        key = self.place
        return str(self.place_names[key][0]) if key else None

    @property
    def place_disputed(self) -> bool:
        """Two places that cannot both be right (two cities, two countries)."""
        places = list(self.place_names.values())
        return any(_places_clash(a, b) for i, a in enumerate(places) for b in places[i + 1 :])

    def ordered_participants(self) -> list[str]:
        return sorted(self.participants, key=lambda p: (-self.participants[p], p))

    def core_participants(self) -> set[str]:
        """Participants at least half of the reports name."""
        return {p for p, n in self.participants.items() if 2 * n >= self.mentions}

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CanonicalState:
        return cls(**data)


def _count_of(entry: list[Any]) -> int:
    """Reports of the latest day ([published, date, count]; states before counts had two)."""
    return int(entry[2]) if len(entry) > 2 else 1


def _earliest(current: str | None, value: str) -> str:
    return value if current is None or value < current else current


def _count(counts: dict[str, int], values: Any) -> None:
    counts.update(Counter(counts) + Counter(values))


def _top(counts: dict[str, int]) -> str | None:
    return max(counts, key=lambda k: (counts[k], k)) if counts else None


def _width(value: str) -> int:
    found = day_range(value)
    return found.days if found else 10_000


def _places_clash(a: list[Any], b: list[Any]) -> bool:
    """Two places clash unless they are one or one lies inside the other."""
    return a[0] != b[0] and not nested(a, b)
