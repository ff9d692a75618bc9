"""Query parameters shared by the JSON routes and the pages: filters and pagination.

They are the CLI's options under the same names (``actor``, ``country``,
``dyad``, ``type``, ``status``, ``since``, ``until``, ``place``, ``text``,
``limit``, ``offset``). An empty value (a blank field of a submitted form)
means "not given".
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Depends, Query
from pydantic import BeforeValidator

from communique.interfaces.server.errors import PATTERN_HINTS, ApiError
from communique.query import EventFilter
from communique.records import EventStatus, EventType

MAX_LIMIT = 1000
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
HEX_PATTERN = r"^[0-9a-f]+$"
EVENT_ID_PATTERN = r"^[A-Za-z0-9-]+$"
PATTERN_HINTS.update(
    {
        DATE_PATTERN: "a date: YYYY, YYYY-MM or YYYY-MM-DD",
        HEX_PATTERN: "an article id (lower-case hex digits)",
        EVENT_ID_PATTERN: "an event id (letters, digits and dashes)",
    }
)


MAX_TEXT = 200


def _blank_to_none(value: Any) -> Any:
    """A blank form field is "not given"; a value longer than any name is refused."""
    if isinstance(value, str):
        value = value.strip()
        if len(value) > MAX_TEXT:
            raise ValueError(f"at most {MAX_TEXT} characters")
        return value or None
    return value


def _date(value: Any) -> Any:
    value = _blank_to_none(value)
    if isinstance(value, str) and not re.fullmatch(DATE_PATTERN, value):
        raise ValueError(f"expected {PATTERN_HINTS[DATE_PATTERN]}, got {value!r}")
    return value


def _upper(value: Any) -> Any:
    value = _blank_to_none(value)
    return value.upper() if isinstance(value, str) else value


def _lower(value: Any) -> Any:
    value = _blank_to_none(value)
    return value.lower() if isinstance(value, str) else value


# Constraints live in the validators: pydantic's max_length or pattern would be applied to
# the None a blank field becomes, and fail with a TypeError instead of a 422.
Name = Annotated[str | None, BeforeValidator(_blank_to_none), Query()]
Date = Annotated[
    str | None, BeforeValidator(_date), Query(description="YYYY, YYYY-MM or YYYY-MM-DD")
]
TypeParam = Annotated[
    EventType | None, BeforeValidator(_upper), Query(description="PLOVER category")
]
StatusParam = Annotated[EventStatus | None, BeforeValidator(_lower), Query()]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many first.")]


def event_filter(
    actor: Annotated[Name, Query(description="Involving this actor (any name or alias).")] = None,
    country: Annotated[
        Name, Query(description="Involving this country or its people (ISO code or name).")
    ] = None,
    dyad: Annotated[
        list[str] | None,
        Query(description="Two actors, both involved: dyad=Putin&dyad=Trump.", max_length=200),
    ] = None,
    type: TypeParam = None,
    status: StatusParam = None,
    since: Annotated[Date, Query(description="On or after this date.")] = None,
    until: Annotated[Date, Query(description="On or before this date (whole period).")] = None,
    place: Annotated[Name, Query(description="Where the place name contains this.")] = None,
    text: Annotated[Name, Query(description="Whose summary or sentence contains this.")] = None,
) -> EventFilter:
    names = [name.strip() for name in dyad or [] if name.strip()]
    if names and len(names) != 2:
        raise ApiError(422, f"query.dyad: give exactly two actors, got {len(names)}")
    return EventFilter(
        actor=actor,
        country=country,
        dyad=(names[0], names[1]) if names else None,
        type=type.value if type else None,
        status=status.value if status else None,
        since=since,
        until=until,
        place=place,
        text=text,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]


def filter_params(query: EventFilter) -> dict[str, object]:
    """The filter as query parameters again (for next-page and export links)."""
    params: dict[str, object] = {
        "actor": query.actor,
        "country": query.country,
        "type": query.type,
        "status": query.status,
        "since": query.since,
        "until": query.until,
        "place": query.place,
        "text": query.text,
        "dyad": list(query.dyad) if query.dyad else None,
    }
    return {k: v for k, v in params.items() if v}
