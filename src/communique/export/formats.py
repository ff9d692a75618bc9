"""Export formats, each a function writing readouts to a text stream.

- ``jsonl``: one readout per line, the full contract.
- ``csv``: one row per event with names, countries, date, place and evidence.
- ``plover``: one PLOVER event per line, shaped like the PLOVER/POLECAT records
  (``event``, ``mode``, ``context``, ``source``/``target`` with actor text, ISO3
  ``code`` and ``sector``), plus communique's ``status`` and evidence.
- ``cameo``: a tab-separated table with GDELT-like columns so that CAMEO users
  can join it. GDELT is dyadic: Actor1/Actor2 hold the first two participants and
  ``Participants`` lists all of them (events are never multiplied into dyads).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from communique.codec import readout_to_json
from communique.records import Actor, Event, EventType, Readout

QUAD_CLASS = {
    EventType.AGREE: 1, EventType.CONSULT: 1, EventType.SUPPORT: 1, EventType.CONCEDE: 1,
    EventType.COOPERATE: 2, EventType.AID: 2, EventType.RETREAT: 2,
    EventType.REQUEST: 3, EventType.ACCUSE: 3, EventType.REJECT: 3, EventType.THREATEN: 3,
    EventType.PROTEST: 4, EventType.SANCTION: 4, EventType.MOBILIZE: 4, EventType.COERCE: 4, EventType.ASSAULT: 4,
}  # fmt: skip

CSV_COLUMNS = (
    "article_id", "published", "source", "url", "event_id", "type", "mode", "cameo", "status",
    "date", "date_precision", "date_basis", "actors", "actor_countries", "recipients",
    "recipient_countries", "location", "location_country", "lat", "lon", "confidence",
    "summary", "sentence",
)  # fmt: skip

CAMEO_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "DatePrecision", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "Participants", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "Status",
    "NumMentions", "NumSources", "NumArticles", "ActionGeo_Type", "ActionGeo_FullName",
    "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "SOURCEURL", "Sentence",
)  # fmt: skip

_GEO_TYPE = {"country": 1, "admin": 2, "region": 2, "city": 4, "site": 4}


def write_jsonl(readouts: Iterable[Readout], stream: TextIO) -> int:
    count = 0
    for readout in readouts:
        stream.write(readout_to_json(readout) + "\n")
        count += 1
    return count


def write_csv(readouts: Iterable[Readout], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    count = 0
    for readout in readouts:
        for event in readout.events:
            writer.writerow(_csv_row(readout, event))
            count += 1
    return count


def write_plover(readouts: Iterable[Readout], stream: TextIO) -> int:
    count = 0
    for readout in readouts:
        for event in readout.events:
            stream.write(json.dumps(_plover_record(readout, event), ensure_ascii=False) + "\n")
            count += 1
    return count


def write_cameo(readouts: Iterable[Readout], stream: TextIO) -> int:
    writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
    writer.writerow(CAMEO_COLUMNS)
    count = 0
    for readout in readouts:
        for event in readout.events:
            writer.writerow(_cameo_row(readout, event))
            count += 1
    return count


FORMATS: dict[str, Callable[[Iterable[Readout], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "plover": write_plover,
    "cameo": write_cameo,
}


def write_export(fmt: str, readouts: Iterable[Readout], stream: TextIO) -> int:
    """Write ``readouts`` in ``fmt``; returns the number of records (readouts or events) written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt](readouts, stream)


def _actors(readout: Readout, ids: tuple[str, ...]) -> list[Actor]:
    return [actor for actor_id in ids if (actor := readout.actor(actor_id)) is not None]


def _event_id(readout: Readout, event: Event) -> str:
    return f"{readout.article.id}:{event.id}"


def _csv_row(readout: Readout, event: Event) -> dict[str, Any]:
    actors, recipients = _actors(readout, event.actors), _actors(readout, event.recipients)
    place = readout.place(event.location) if event.location else None
    return {
        "article_id": readout.article.id,
        "published": readout.article.published,
        "source": readout.article.source,
        "url": readout.article.url,
        "event_id": _event_id(readout, event),
        "type": event.type.value,
        "mode": event.mode,
        "cameo": event.cameo,
        "status": event.status.value,
        "date": event.date.value if event.date else None,
        "date_precision": event.date.precision.value if event.date else None,
        "date_basis": event.date.basis.value if event.date else None,
        "actors": "; ".join(a.name for a in actors),
        "actor_countries": "; ".join(a.country or "" for a in actors),
        "recipients": "; ".join(a.name for a in recipients),
        "recipient_countries": "; ".join(a.country or "" for a in recipients),
        "location": place.name if place else None,
        "location_country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "confidence": event.confidence,
        "summary": event.summary,
        "sentence": event.sentence.text,
    }


def _plover_actor(actor: Actor) -> dict[str, Any]:
    code = actor.country or ("IGO" if actor.sector == "IGO" else None)
    return {"actorText": actor.name, "code": code, "sector": actor.sector, "kind": actor.kind.value}


def _plover_record(readout: Readout, event: Event) -> dict[str, Any]:
    place = readout.place(event.location) if event.location else None
    record: dict[str, Any] = {
        "id": _event_id(readout, event),
        "date": event.date.value if event.date else readout.article.published,
        "dateBasis": event.date.basis.value if event.date else "publication",
        "event": event.type.value,
        "mode": event.mode or "",
        "context": ", ".join(event.contexts),
        "status": event.status.value,
        "cameo": event.cameo,
        "eventText": event.trigger.text,
        "text": event.sentence.text,
        "source": [_plover_actor(a) for a in _actors(readout, event.actors)],
        "target": [_plover_actor(a) for a in _actors(readout, event.recipients)],
        "article": {
            "id": readout.article.id,
            "source": readout.article.source,
            "url": readout.article.url,
            "published": readout.article.published,
        },
    }
    if place is not None:
        record["eventLoc"] = {
            "name": place.name,
            "country": place.country,
            "lat": place.lat,
            "lon": place.lon,
            "geonameid": place.geonameid,
        }
    return record


def _cameo_row(readout: Readout, event: Event) -> list[Any]:
    participants = _actors(readout, event.actors) + _actors(readout, event.recipients)
    first = participants[0] if participants else None
    second = participants[1] if len(participants) > 1 else None
    place = readout.place(event.location) if event.location else None
    code = event.cameo or ""
    date = event.date.value if event.date else (readout.article.published or "")
    return [
        _event_id(readout, event),
        date.replace("-", "").ljust(8, "0")[:8] if date[:4].isdigit() else "",
        event.date.precision.value if event.date else "publication",
        *_cameo_actor(first),
        *_cameo_actor(second),
        "; ".join(actor.name for actor in participants),
        code,
        code[:3],
        code[:2],
        QUAD_CLASS[event.type],
        event.status.value,
        1,
        1,
        1,
        _GEO_TYPE.get(place.kind.value, 0) if place else 0,
        place.name if place else "",
        place.country or "" if place else "",
        place.lat if place and place.lat is not None else "",
        place.lon if place and place.lon is not None else "",
        place.geonameid or "" if place else "",
        readout.article.url or readout.article.source or "",
        event.sentence.text,
    ]


def _cameo_actor(actor: Actor | None) -> list[str]:
    if actor is None:
        return ["", "", "", ""]
    code = f"{actor.country or ''}{actor.sector or ''}"
    return [code, actor.name, actor.country or "", actor.sector or ""]
