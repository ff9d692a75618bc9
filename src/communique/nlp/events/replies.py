"""Replies: a refusal or denial answers the demand or accusation made just before.

"America wants India to accept genetically modified crops. … For religious
reasons, India has refused." The refusal names no one it refuses, but the
text has just said who asked: a REJECT without a recipient is addressed to the
doer of the latest request, accusation or threat aimed at the one who now
refuses, within a few sentences before it.
"""

from __future__ import annotations

from communique.nlp.actors import ActorEntity
from communique.nlp.events.mentions import DocIndex, EventMention
from communique.records import EventType

_ANSWERED = frozenset({EventType.REQUEST, EventType.ACCUSE, EventType.THREATEN})
_WINDOW = 3


def address_replies(events: list[EventMention], index: DocIndex) -> None:
    """Give each refusal without a recipient the side whose demand it answers."""
    for number, event in enumerate(events):
        if event.type != EventType.REJECT or event.recipients or not event.actors:
            continue
        here = index.sent_of[event.trigger[0]]
        for earlier in reversed(events[:number]):
            if here - index.sent_of[earlier.trigger[0]] > _WINDOW:
                continue
            if earlier.type in _ANSWERED and _aimed_at(earlier, event.actors):
                event.recipients = [
                    a for a in earlier.actors if all(a is not b for b in event.actors)
                ]
                break


def _aimed_at(event: EventMention, actors: list[ActorEntity]) -> bool:
    countries = {a.country for a in actors if a.country}
    return any(
        any(r is a for a in actors) or (r.country is not None and r.country in countries)
        for r in event.recipients
    )
