"""The event lexicons, read from the CSV tables in ``communique/data``.

* ``events_triggers.csv``: one row per reading of a trigger word: its lemma and
  part of speech, the PLOVER type, mode and CAMEO code it gives, and the
  context it requires (``requires``, a small language described in
  ``docs/events.md``). Rows of the same word are tried in file order; the first
  whose requirements hold wins, so specific readings come first.
* ``events_classes.csv``: named word classes (``@weapons``, ``@measures`` …)
  that requirements refer to.
* ``events_status.csv``: the words that decide an event's status and where
  they must stand relative to the trigger.
* ``cameo_plover.csv``: the CAMEO codes and the PLOVER type and mode each maps to.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from communique.errors import KnowledgeError
from communique.knowledge.tables import read_rows, split_list
from communique.records import EventStatus, EventType

ACTOR = "ACTOR"
ANY = "ANY"
# Requirement kinds a trigger row may use (see docs/events.md).
KINDS = frozenset(
    {
        "obj",
        "prep",
        "pobj",
        "mod",
        "prt",
        "gov",
        "comp",
        "inf",
        "neg",
        "plural",
        "subj",
        "asks",
        "said",
    }
)
# Where a status cue must stand relative to the trigger.
PLACES = frozenset(
    {"modifier", "auxiliary", "marker", "governor", "negated_governor", "object", "on", "particle"}
)


@dataclass(frozen=True, slots=True)
class Condition:
    """One requirement of a trigger row: ``obj:@weapons``, ``!prep:for``, ``plural``."""

    kind: str
    values: frozenset[str] = frozenset()
    negated: bool = False


@dataclass(frozen=True, slots=True)
class TriggerRule:
    lemma: str
    pos: str
    type: EventType
    mode: str | None
    cameo: str | None
    conditions: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    description: str
    plover: EventType | None
    mode: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    rules: dict[tuple[str, str], tuple[TriggerRule, ...]]
    classes: dict[str, frozenset[str]]
    cues: dict[str, dict[str, EventStatus]]
    cameo: dict[str, CameoCode]

    def rules_for(self, lemma: str, pos: str) -> tuple[TriggerRule, ...]:
        return self.rules.get((lemma, pos), ())

    def word_class(self, name: str) -> frozenset[str]:
        return self.classes.get(name, frozenset())

    def cue(self, place: str, word: str) -> EventStatus | None:
        return self.cues.get(place, {}).get(word)


@cache
def lexicon() -> Lexicon:
    """The bundled lexicons, read once per process."""
    classes = _classes()
    cameo = _cameo()
    return Lexicon(rules=_rules(classes, cameo), classes=classes, cues=_cues(), cameo=cameo)


def _classes() -> dict[str, frozenset[str]]:
    return {
        row["class"]: frozenset(w.lower() for w in split_list(row["words"]))
        for row in read_rows("events_classes.csv", ("class", "words"))
    }


def _cameo() -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    for row in read_rows("cameo_plover.csv", ("code", "description", "plover", "mode")):
        table[row["code"]] = CameoCode(
            code=row["code"],
            description=row["description"],
            plover=EventType(row["plover"]) if row["plover"] else None,
            mode=row["mode"] or None,
        )
    return table


def _rules(
    classes: dict[str, frozenset[str]], cameo: dict[str, CameoCode]
) -> dict[tuple[str, str], tuple[TriggerRule, ...]]:
    rules: dict[tuple[str, str], list[TriggerRule]] = {}
    columns = ("trigger", "pos", "type", "mode", "cameo", "requires")
    for number, row in enumerate(read_rows("events_triggers.csv", columns), start=2):
        code = row["cameo"] or None
        if code is not None and code not in cameo:
            raise KnowledgeError(f"events_triggers.csv line {number}: unknown CAMEO code {code}")
        rule = TriggerRule(
            lemma=row["trigger"].lower(),
            pos=row["pos"].upper(),
            type=EventType(row["type"]),
            mode=row["mode"] or None,
            cameo=code,
            conditions=tuple(
                parse_condition(atom, classes, f"events_triggers.csv line {number}")
                for atom in row["requires"].split()
            ),
        )
        rules.setdefault((rule.lemma, rule.pos), []).append(rule)
    return {key: tuple(value) for key, value in rules.items()}


def parse_condition(atom: str, classes: dict[str, frozenset[str]], where: str) -> Condition:
    """``!obj:@weapons|ACTOR`` → Condition(obj, {…weapons…, ACTOR}, negated)."""
    negated = atom.startswith("!")
    kind, _, spec = atom.lstrip("!").partition(":")
    if kind not in KINDS:
        raise KnowledgeError(f"{where}: unknown requirement {kind!r}")
    values: set[str] = set()
    for part in spec.split("|") if spec else ():
        if part.startswith("@"):
            if part[1:] not in classes:
                raise KnowledgeError(f"{where}: unknown word class {part}")
            values |= classes[part[1:]]
        else:
            values.add(part if part in {ACTOR, ANY} else part.lower())
    return Condition(kind=kind, values=frozenset(values), negated=negated)


def _cues() -> dict[str, dict[str, EventStatus]]:
    cues: dict[str, dict[str, EventStatus]] = {}
    for number, row in enumerate(
        read_rows("events_status.csv", ("cue", "where", "status")), start=2
    ):
        if row["where"] not in PLACES:
            raise KnowledgeError(f"events_status.csv line {number}: unknown place {row['where']!r}")
        cues.setdefault(row["where"], {})[row["cue"].lower()] = EventStatus(row["status"])
    return cues
