"""Actors as the codes event data sets use: ISO3 country (or IGO) and sector."""

from __future__ import annotations

from communique.records import Actor, ActorKind, Readout

UNKNOWN_COUNTRY = "---"


def country_code(actor: Actor) -> str | None:
    """ISO3, or ``IGO`` for an international organisation (as PLOVER and NGEC code them)."""
    if actor.sector == "IGO":
        return "IGO"
    return actor.country


def agent_code(actor: Actor) -> str:
    """A CAMEO/Phoenix-style actor code: ``RUS`` for the state, ``RUSGOV`` for its officials."""
    country = country_code(actor) or UNKNOWN_COUNTRY
    if actor.kind == ActorKind.COUNTRY or country == "IGO":
        return country
    sector = actor.sector if actor.sector and actor.sector != "UNK" else ""
    return f"{country}{sector}"


def actors_of(readout: Readout, ids: tuple[str, ...]) -> list[Actor]:
    return [actor for ref in ids if (actor := readout.actor(ref)) is not None]
