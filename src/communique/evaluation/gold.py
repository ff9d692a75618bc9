"""Gold readouts (``<article>.gold.json``, format of the evaluation guidelines) as records."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.errors import EvaluationError
from communique.evaluation.matching import Name
from communique.evaluation.results import DataMissingError

GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldActor:
    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    titles: tuple[str, ...] = ()

    @property
    def as_name(self) -> Name:
        return Name(self.name, self.kind, self.aliases, self.country)


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldEvent:
    id: str
    type: str
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    status: str | None = None
    date: str | None = None
    location: str | None = None
    required: bool = True
    evidence: str = ""

    @property
    def participants(self) -> tuple[str, ...]:
        return self.actors + self.recipients


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldQuote:
    kind: str
    text: str
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    channel: str | None = None
    required: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldArticle:
    article: str
    published: str | None = None
    actors: tuple[GoldActor, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    places: tuple[tuple[str, str | None], ...] = ()
    furniture: tuple[str, ...] = ()

    def actor(self, name: str) -> Name:
        """The gold actor called ``name``; an unlisted name is taken as a person."""
        found = next((actor for actor in self.actors if actor.name == name), None)
        return found.as_name if found else Name(name)


def load_gold(path: Path) -> GoldArticle:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _article(data)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise EvaluationError(f"not a gold file: {e}", source=str(path)) from e


def load_gold_dir(folder: Path) -> list[GoldArticle]:
    """Every gold file in ``folder``, by file name."""
    if not folder.is_dir():
        raise DataMissingError(f"gold folder not found at {folder}", source=str(folder))
    paths = sorted(path for path in folder.iterdir() if path.name.endswith(GOLD_SUFFIX))
    if not paths:
        raise EvaluationError(f"no *{GOLD_SUFFIX} files", source=str(folder))
    return [load_gold(path) for path in paths]


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(value) for value in values or ())


def _article(data: dict[str, Any]) -> GoldArticle:
    return GoldArticle(
        article=str(data["article"]),
        published=data.get("published"),
        actors=tuple(_actor(item) for item in data.get("actors", ())),
        events=tuple(_event(item, index) for index, item in enumerate(data.get("events", ()))),
        quotes=tuple(_quote(item) for item in data.get("quotes", ())),
        places=tuple((str(item["name"]), item.get("country")) for item in data.get("places", ())),
        furniture=_strings(data.get("furniture")),
    )


def _actor(data: dict[str, Any]) -> GoldActor:
    return GoldActor(
        name=str(data["name"]),
        kind=data.get("kind") or "person",
        aliases=_strings(data.get("aliases")),
        country=data.get("country"),
        sector=data.get("sector"),
        titles=_strings(data.get("titles")),
    )


def _event(data: dict[str, Any], index: int) -> GoldEvent:
    return GoldEvent(
        id=str(data.get("id") or f"E{index + 1}"),
        type=str(data["type"]).upper(),
        mode=data.get("mode") or None,
        actors=_strings(data.get("actors")),
        recipients=_strings(data.get("recipients")),
        status=data.get("status"),
        date=data.get("date"),
        location=data.get("location"),
        required=bool(data.get("required", True)),
        evidence=data.get("evidence") or "",
    )


def _quote(data: dict[str, Any]) -> GoldQuote:
    return GoldQuote(
        kind=data.get("kind") or "direct",
        text=str(data["text"]),
        speaker=data.get("speaker"),
        speaker_text=data.get("speaker_text"),
        cue=data.get("cue"),
        channel=data.get("channel"),
        required=bool(data.get("required", True)),
    )
