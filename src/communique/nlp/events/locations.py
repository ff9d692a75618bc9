"""Where an event happened or is to happen, and the CONSULT mode that follows from it.

A place is an event's location when it attaches to the trigger's clause
through "in", "at", "on", "near" (and "to" for visits and trips), or modifies
the trigger noun ("the Budapest summit"), or is the object of a visit
("visited India"). A place that fills a participant slot is not a location,
and a place merely mentioned elsewhere in the sentence is not one either,
except in sentences that name a venue ("Budapest as the likely venue", "ready
to host the meeting"). The most specific place wins: a city over a region
over a country.

The role is ``venue`` for events that have not (yet) taken place and
``occurred_in`` for those that have. CONSULT's mode comes from the words
(phone, visit) and then from the location: a meeting in a participant's
country is a visit, one elsewhere is third-party, one at a forum such as the
G20 is multilateral.
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.knowledge.gazetteer import gazetteer
from communique.nlp.actors import ActorEntity
from communique.nlp.events.anaphora import leads
from communique.nlp.events.attachment import distance, reach, root_of
from communique.nlp.events.lexicon import Lexicon
from communique.nlp.events.mentions import DocIndex, EventMention, unique
from communique.nlp.places import PlaceEntity, PlaceMention, resolve_place
from communique.records import EventStatus, EventType, LocationRole, PlaceKind

# Prepositions a place hangs on ("in", "at" …) and those it may be reached through: "met with
# Trump *in Washington*" (the parser hangs the place on the participant).
_AT = frozenset(
    {"in", "at", "on", "near", "inside", "outside", "into", "across", "off", "within", "around"}
    | {"with", "between", "alongside"}
)
_TO = _AT | {"to"}
_SPECIFIC = {
    PlaceKind.CITY: 4,
    PlaceKind.SITE: 4,
    PlaceKind.ADMIN: 3,
    PlaceKind.REGION: 2,
    PlaceKind.COUNTRY: 1,
}
# Places this many steps further than the nearest still compete on specificity.
_NEAR = 2
_SOIL = frozenset({"soil", "territory"})
_VENUE_WORDS = frozenset({"venue", "host", "hosting", "location", "site"})
_REALIS = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING})


def place_mentions(index: DocIndex, start: int, end: int) -> list[tuple[list[Token], PlaceEntity]]:
    """The place mentions of a token range as (tokens, place), seats of government and a
    nation's soil included."""
    out = _seats(index, start, end) + _soil(index, start, end)
    i = start
    while i < end:
        place = index.place_at.get(i)
        if place is None:
            i += 1
            continue
        j = i
        while j < end and index.place_at.get(j) is place:
            j += 1
        out.append((list(index.doc[i:j]), place))
        i = j
    return out


def _seats(index: DocIndex, start: int, end: int) -> list[tuple[list[Token], PlaceEntity]]:
    """ "at the White House", "visited the Kremlin": a seat of government lies in its capital."""
    out: list[tuple[list[Token], PlaceEntity]] = []
    for seat_start, seat_end, state in index.seats:
        if start <= seat_start < end and seat_start not in index.place_at:
            capital = _capital(state, index, seat_start, seat_end)
            if capital is not None:
                out.append((list(index.doc[seat_start:seat_end]), capital))
    return out


def _soil(index: DocIndex, start: int, end: int) -> list[tuple[list[Token], PlaceEntity]]:
    """ "on Russian soil", "on Ukrainian territory": the country the nationality names."""
    gaz = gazetteer()
    out: list[tuple[list[Token], PlaceEntity]] = []
    for token in index.doc[start:end]:
        if token.lemma_.lower() not in _SOIL or token.i in index.place_at:
            continue
        for adjective in (c for c in token.children if c.dep_ == "amod"):
            iso3 = gaz.demonym(adjective.text)
            country = gaz.country_by_code(iso3) if iso3 else None
            place = (
                _register(index, country.name, country.iso3, adjective.i, token.i + 1)
                if country
                else None
            )
            if place is not None:
                out.append(([adjective, token], place))
    return out


def _capital(state: ActorEntity, index: DocIndex, start: int, end: int) -> PlaceEntity | None:
    gaz = gazetteer()
    country = gaz.country_by_code(state.country)
    if country is None or not country.capital:
        return None
    return _register(index, country.capital, country.iso3, start, end)


def _register(index: DocIndex, name: str, iso3: str, start: int, end: int) -> PlaceEntity | None:
    """The place ``name`` of the Doc (added if new), with tokens ``start:end`` as a mention."""
    found = resolve_place(name, gazetteer(), {iso3})
    if found is None:
        return None
    places = index.doc._.places
    if places is None:
        index.doc._.places = places = []
    place = next((p for p in places if p.key == found.key), None)
    if place is None:
        place = found
        places.append(place)
    span = index.doc[start:end]
    if all(m.start != start for m in place.mentions):
        place.mentions.append(PlaceMention(start, end, span.start_char, span.end_char, span.text))
    return place


def location_of(
    trigger: Token, visit: bool, places: list[tuple[list[Token], PlaceEntity]], used: set[int]
) -> PlaceEntity | None:
    """The most specific of the places attached nearest to the trigger's clause, or None."""
    reached = reach(trigger)
    allowed = _TO if visit else _AT
    attached: list[tuple[int, PlaceEntity]] = []
    for tokens, place in places:
        if any(token.i in used for token in tokens):
            continue
        steps = _attached(root_of(tokens), trigger, reached, allowed, visit)
        if steps is not None:
            attached.append((steps, place))
    if not attached:
        return None
    # "in Alaska … in Anchorage", "in Geneva, Switzerland": the most specific of the near ones;
    # a place further out in the clause ("to fly over the Bering Strait") does not compete
    nearest = min(steps for steps, _ in attached)
    near = [(steps, place) for steps, place in attached if steps <= nearest + _NEAR]
    return min(near, key=lambda pair: (-_SPECIFIC.get(pair[1].kind, 1), pair[0]))[1]


def _attached(
    root: Token, trigger: Token, reached: list[Token], allowed: frozenset[str], visit: bool
) -> int | None:
    if root.head.i == trigger.i and root.dep_ in {"compound", "nmod", "amod"}:
        return 0
    if visit and root.head.i == trigger.i and root.dep_ == "dobj":
        return 0
    if root.dep_ not in {"pobj", "conj", "appos"}:
        return None
    return distance(root, reached, allowed=allowed)


def venue_in_sentence(index: DocIndex, start: int, end: int, used: set[int]) -> PlaceEntity | None:
    """In a sentence naming a venue ("Budapest as the likely venue"), its most specific place."""
    if not any(index.doc[i].lower_ in _VENUE_WORDS for i in range(start, end)):
        return None
    candidates = [
        place
        for tokens, place in place_mentions(index, start, end)
        if not any(t.i in used for t in tokens)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda place: _SPECIFIC.get(place.kind, 1))


def location_role(status: EventStatus) -> LocationRole:
    return LocationRole.OCCURRED_IN if status in _REALIS else LocationRole.VENUE


def consult_mode(
    event: EventMention, index: DocIndex, lex: Lexicon, lexical: str | None
) -> str | None:
    """CONSULT mode: the trigger's own (phone, visit), else forum, else from where it is held."""
    if lexical == "phone":
        return lexical
    if _at_forum(event, index, lex):
        return "multilateral"  # "hosting X for a summit of the Quad": the forum decides
    if lexical is not None:
        return lexical
    if event.location is None or event.location.country is None:
        return None
    countries = {c for c in (_country_of(actor) for actor in event.participants) if c}
    if not countries:
        return None
    return "visit" if event.location.country in countries else "third-party"


def _country_of(actor: ActorEntity) -> str | None:
    return actor.country


def _at_forum(event: EventMention, index: DocIndex, lex: Lexicon) -> bool:
    forums = lex.word_class("forums")
    for start, _ in event.mentions or [event.trigger]:
        trigger = index.doc[start]
        words = [
            trigger,
            *trigger.children,
            *(g for c in trigger.children if c.dep_ == "prep" for g in c.subtree),
        ]
        if any(token.lower_ in forums for token in words):
            return True
    return False


def assault_recipient(event: EventMention, index: DocIndex) -> ActorEntity | None:
    """The state where an attack without a named victim took place."""
    if event.type != EventType.ASSAULT or event.recipients or event.location is None:
        return None
    country = index.countries.get(event.location.country or "")
    if country is None or any(country is actor for actor in event.actors):
        return None
    return country


def visit_host(event: EventMention, index: DocIndex) -> ActorEntity | None:
    """Who a visit goes to when no one there is named ("Zelensky's visit to Washington"): the
    country's leader if the article names one, else the state itself."""
    country = event.location.country if event.location is not None else None
    if not country or any(
        p.country == country and p.kind.value == "person" for p in event.participants
    ):
        return None
    leaders: list[ActorEntity] = unique(
        [person for _, person in index.persons if person.country == country and leads(person)]
    )
    if leaders:
        return max(leaders, key=lambda person: len(person.mentions))
    host = index.countries.get(country)
    return None if host is None or any(host is p for p in event.participants) else host
