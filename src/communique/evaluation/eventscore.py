"""Events: gold and system events matched one to one, then their fields compared.

A system event matches a gold event when the type agrees and every gold
participant is among the system's participants (unordered; a gold country is
also matched by a person of that country). Candidates are taken best first:
required gold events, then more agreeing fields, then closer participant counts.
"""

from __future__ import annotations

from collections.abc import Iterable

from communique.evaluation.gold import GoldArticle, GoldEvent
from communique.evaluation.matching import Name, names_match, normalise
from communique.evaluation.tally import ArticleScore, Issue, Tally, issue, one_to_one
from communique.records import Actor, ActorKind, DateBasis, Event, Readout


def _participants(readout: Readout, event: Event) -> list[Actor]:
    """The event's actors and recipients; an unknown id stands for an actor of that name."""
    found = []
    for ref in (*event.actors, *event.recipients):
        actor = readout.actor(ref)
        found.append(actor or Actor(id=ref, name=ref, kind=ActorKind.PERSON))
    return found


def _participant_present(gold: Name, actors: Iterable[Actor]) -> bool:
    """A gold participant is among the system's; a gold country is also matched by its people."""
    for actor in actors:
        if names_match(gold, actor.name):
            return True
        if gold.kind == "country" and actor.country and actor.country == gold.country:
            return True
    return False


def _place_name(readout: Readout, ref: str | None) -> str | None:
    if ref is None:
        return None
    place = readout.place(ref)
    return place.name if place else ref


def _agreement(readout: Readout, gold: GoldEvent, event: Event) -> int:
    """How many of status, date, mode and location agree (ranks competing matches)."""
    return (
        int(event.status.value == gold.status)
        + int((event.date.value if event.date else None) == gold.date)
        + int((event.mode or None) == gold.mode)
        + int(normalise(_place_name(readout, event.location)) == normalise(gold.location))
    )


def match_events(gold: GoldArticle, readout: Readout) -> dict[int, int]:
    """Gold event index → system event index, one to one, best candidates first."""
    candidates = []
    for gi, gold_event in enumerate(gold.events):
        wanted = [gold.actor(name) for name in gold_event.participants]
        for si, event in enumerate(readout.events):
            if event.type.value != gold_event.type:
                continue
            actors = _participants(readout, event)
            if not all(_participant_present(name, actors) for name in wanted):
                continue
            rank = (
                int(gold_event.required),
                _agreement(readout, gold_event, event),
                -abs(len(actors) - len(wanted)),
            )
            candidates.append((rank, gi, si))
    return one_to_one((*rank, gi, si) for rank, gi, si in candidates)


def score_events(gold: GoldArticle, readout: Readout) -> ArticleScore:
    matched = match_events(gold, readout)
    issues: list[Issue] = []
    counts = dict.fromkeys(
        ("tp", "status", "date", "mode", "mode_n", "location", "location_n", "optional"), 0
    )
    for gi, gold_event in enumerate(gold.events):
        if gi not in matched:
            if gold_event.required:
                what = f"{gold_event.id} {gold_event.type} {list(gold_event.participants)} {gold_event.status}"
                issues.append(issue(gold, "event", "missed", what, gold_event.evidence))
            continue
        if not gold_event.required:
            counts["optional"] += 1
            continue
        event = readout.events[matched[gi]]
        counts["tp"] += 1
        for field, right, wrong in _event_fields(readout, gold_event, event):
            counts[field] += int(right)
            if field in ("mode", "location"):
                counts[f"{field}_n"] += 1
            if not right:
                issues.append(issue(gold, "event", f"wrong {field}", gold_event.id, wrong))
    used = set(matched.values())
    for si, event in enumerate(readout.events):
        if si not in used:
            what = f"{event.type.value} {[a.name for a in _participants(readout, event)]} {event.status.value}"
            issues.append(issue(gold, "event", "false positive", what, event.sentence.text))
    tally = Tally(
        event_tp=counts["tp"], event_system=len(readout.events) - counts["optional"],
        event_required=sum(1 for e in gold.events if e.required),
        status_ok=counts["status"], date_ok=counts["date"], mode_ok=counts["mode"],
        mode_n=counts["mode_n"], location_ok=counts["location"], location_n=counts["location_n"],
    )  # fmt: skip
    return ArticleScore(tally=tally, issues=tuple(issues))


def _event_fields(readout: Readout, gold: GoldEvent, event: Event) -> list[tuple[str, bool, str]]:
    """(field, agrees, what differs) for the fields a matched event is checked on."""
    value = event.date.value if event.date else None
    if gold.date is None:
        # No date in the text: the publication date as a stated fallback is not an error.
        date_ok = value is None or (
            event.date is not None and event.date.basis == DateBasis.PUBLICATION
        )
    else:
        date_ok = value == gold.date
    fields = [
        ("status", event.status.value == gold.status, f"{event.status.value} ≠ {gold.status}"),
        ("date", date_ok, f"{value} ≠ {gold.date}"),
    ]
    if gold.mode:
        fields.append(("mode", (event.mode or "") == gold.mode, f"{event.mode} ≠ {gold.mode}"))
    if gold.location:
        place = _place_name(readout, event.location)
        right = normalise(place) == normalise(gold.location)
        fields.append(("location", right, f"{place} ≠ {gold.location}"))
    return fields
