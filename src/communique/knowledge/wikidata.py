"""Refresh the office-holder table from a saved Wikidata SPARQL result, offline.

The query (in ``data/KNOWLEDGE.md``, "Refreshing from Wikidata") lists who held
each state's head-of-state, head-of-government and foreign-minister offices,
with start and end qualifiers. Its JSON result (``application/sparql-results+json``)
is read here; nothing is fetched.

* :func:`import_wikidata` turns every binding into an ``officeholders.csv`` row:
  the person keeps an existing ``kb_id`` (found by QID, else by name or alias),
  the position label becomes the table's generic title ("President of Russia" →
  ``President``), dates are cut to their precision.
* :func:`merge_officeholders` adds those rows to the current table. It never
  deletes a hand-curated row and never overwrites a date: where Wikidata
  disagrees (an office the table keeps open has ended there, or the end dates
  differ) the difference is reported as a conflict for review.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from communique.errors import KnowledgeError
from communique.knowledge.gazetteer import fold
from communique.knowledge.registry import OFFICEHOLDER_COLUMNS, PARTICLES
from communique.knowledge.tables import read_rows

Row = dict[str, str]

# Position labels to the table's generic titles (KNOWLEDGE.md, "Title conventions").
# The United States and Britain keep their own titles, so their rules come first.
POSITION_TITLES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), title)
    for pattern, title in (
        (r"^united states secretary of state$", "Secretary of State"),
        (r"^secretary of state for foreign", "Foreign Secretary"),
        (r"^(united states )?secretary of (defense|war)$", "Secretary of Defense"),
        (r"^vice[- ]president\b", "Vice President"),
        (r"^president\b", "President"),
        (r"^prime minister\b", "Prime Minister"),
        (r"^(federal )?chancellor\b", "Chancellor"),
        (r"^premier\b", "Premier"),
        (
            r"^(minister (of|for) (foreign|external) affairs|foreign minister|minister of foreign)",
            "Foreign Minister",
        ),
        (r"^(minister (of|for) defen[cs]e|defen[cs]e minister)", "Defence Minister"),
        (r"^supreme leader\b", "Supreme Leader"),
        (r"^emir\b", "Emir"),
        (r"^king\b", "King"),
        (r"^queen\b", "Queen"),
        (r"^monarch\b", "Monarch"),
        (r"^taoiseach\b", "Taoiseach"),
    )
)
# Wikidata date precision codes.
_PRECISION = {"9": 4, "10": 7, "11": 10}
_QID = re.compile(r"Q\d+$")


@dataclass(slots=True)
class Merge:
    """The merged table, what was added, and what needs a person's review."""

    rows: list[Row]
    added: list[Row] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_officeholders(path: Path | None = None) -> list[Row]:
    """The office-holder table: the bundled one, or the CSV file at ``path``."""
    if path is None:
        return list(read_rows("officeholders.csv", OFFICEHOLDER_COLUMNS))
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {key: (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(handle)
        ]


def write_officeholders(path: Path, rows: Iterable[Mapping[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=OFFICEHOLDER_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in OFFICEHOLDER_COLUMNS})


def import_wikidata(
    json_path: str | Path, current: Sequence[Mapping[str, str]] | None = None
) -> list[Row]:
    """Office-holder rows for the bindings of a saved SPARQL JSON result.

    ``current`` is the table the rows will join (the bundled one by default); it
    supplies the ``kb_id`` of people it already lists.
    """
    table = list(current) if current is not None else read_officeholders()
    ids = _KnownIds(table)
    rows: dict[tuple[str, str, str], Row] = {}
    for binding in read_bindings(json_path):
        row = _row(binding, ids)
        if row is not None:
            rows.setdefault((row["kb_id"], row["title"], row["start"]), row)
    return list(rows.values())


def read_bindings(json_path: str | Path) -> list[dict[str, str]]:
    """The result's bindings as plain ``{variable: value}`` dicts (unbound variables absent)."""
    try:
        data = json.loads(Path(json_path).read_text(encoding="utf-8"))
        bindings = data["results"]["bindings"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise KnowledgeError(f"{json_path} is not a SPARQL JSON result: {e}") from e
    return [
        {name: str(cell.get("value", "")) for name, cell in binding.items()} for binding in bindings
    ]


def position_title(label: str) -> str:
    """The table's title for a Wikidata position label; the label itself when no rule fits."""
    for pattern, title in POSITION_TITLES:
        if pattern.search(label):
            return title
    return label


def merge_officeholders(
    current: Sequence[Mapping[str, str]], imported: Iterable[Mapping[str, str]]
) -> Merge:
    """``current`` with the imported rows added; conflicts reported, never resolved."""
    merge = Merge(rows=[dict(row) for row in current])
    by_kb: dict[str, list[Row]] = defaultdict(list)
    for row in merge.rows:
        by_kb[row["kb_id"]].append(row)
    for new in imported:
        same_person = by_kb.get(new["kb_id"], [])
        holding = next((row for row in same_person if _same_holding(row, new)), None)
        if holding is not None:
            if holding["end"] != new["end"]:
                merge.conflicts.append(
                    f"{new['kb_id']} {new['title']} from {holding['start']}: table ends "
                    f"{holding['end'] or 'open'}, Wikidata ends {new['end'] or 'open'}"
                )
        else:
            row = _joined(dict(new), same_person)
            merge.rows.append(row)
            merge.added.append(row)
            by_kb[row["kb_id"]].append(row)
        _share_identity(by_kb[new["kb_id"]], new, merge)
    return merge


class _KnownIds:
    """kb ids of the current table, by QID and by folded name or alias."""

    def __init__(self, table: Sequence[Mapping[str, str]]) -> None:
        self.by_qid: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.countries: dict[str, set[str]] = defaultdict(set)
        for row in table:
            if row.get("wikidata"):
                self.by_qid.setdefault(row["wikidata"], row["kb_id"])
            self.names.setdefault(row["kb_id"], row["name"])
            if row.get("country"):
                self.countries[row["kb_id"]].add(row["country"])
            for name in (row["name"], *row.get("aliases", "").split("|")):
                if name.strip():
                    self.by_name.setdefault(fold(name), row["kb_id"])

    def kb_id(self, qid: str, label: str, country: str) -> str:
        """The listed person with this QID, else with this name serving the same state;
        else a new slug (suffixed with the state where a namesake is listed)."""
        if (found := self.by_qid.get(qid)) is not None:
            return found
        slug = "person/" + (re.sub(r"[^a-z0-9]+", "-", fold(label)).strip("-") or qid.lower())
        named = self.by_name.get(fold(label))
        if named is None:
            return slug if slug not in self.names else f"{slug}-{country.lower()}"
        if not self.countries[named] or not country or country in self.countries[named]:
            return named
        return f"{slug}-{country.lower()}"  # a namesake: "Pedro Sánchez" of Spain or of Colombia


def _row(binding: Mapping[str, str], ids: _KnownIds) -> Row | None:
    qid = binding.get("person", "").rsplit("/", 1)[-1]
    label = binding.get("personLabel", "").strip()
    if not _QID.match(qid) or not label or label == qid:
        return None  # no English label: nothing news would call the person
    kb_id = ids.kb_id(qid, label, binding.get("country", ""))
    name = ids.names.get(kb_id, label)
    return {
        "kb_id": kb_id,
        "name": name,
        "aliases": "|".join(_aliases(name, binding.get("altLabels", ""))),
        "title": position_title(binding.get("positionLabel", "")),
        "organization": "",
        "country": binding.get("country", ""),
        "sector": "GOV",
        "start": _date(binding.get("start", ""), binding.get("startPrecision")),
        "end": _date(binding.get("end", ""), binding.get("endPrecision")),
        "wikidata": qid,
    }


def _aliases(name: str, alt_labels: str) -> list[str]:
    """Alternative labels, without the name itself and the bare surname (the code derives it)."""
    words = [w for w in fold(name).split() if w not in PARTICLES]
    surname = words[-1] if words else ""
    found: list[str] = []
    for alias in alt_labels.split("|"):
        alias = alias.strip()
        key = fold(alias)
        if alias and key not in {fold(name), surname} and key not in {fold(a) for a in found}:
            found.append(alias)
    return found


def _date(value: str, precision: str | None) -> str:
    """``2012-05-07T00:00:00Z`` cut to the precision Wikidata gives (day when it gives none)."""
    if not value or value.startswith("-"):
        return ""
    return value[: _PRECISION.get(precision or "", 10)]


def _same_holding(row: Mapping[str, str], new: Mapping[str, str]) -> bool:
    """One office held once: same title, and start dates that agree at the coarser precision."""
    if row["title"] != new["title"]:
        return False
    start, other = row["start"], new["start"]
    size = min(len(start), len(other))
    return start[:size] == other[:size]


def _joined(row: Row, same_person: Sequence[Mapping[str, str]]) -> Row:
    """A new row for a listed person takes the person's curated name and aliases."""
    if same_person:
        first = same_person[0]
        row["name"] = first["name"]
        row["aliases"] = "|".join(_union(first["aliases"], row["aliases"], first["name"]))
    return row


def _share_identity(rows: list[Row], new: Mapping[str, str], merge: Merge) -> None:
    """Aliases and QID are identical on every row of a person (KNOWLEDGE.md)."""
    if not rows:
        return
    aliases = "|".join(_union(rows[0]["aliases"], new["aliases"], rows[0]["name"]))
    qids = {row["wikidata"] for row in rows if row["wikidata"]}
    qid = next(iter(qids)) if qids else new["wikidata"]
    if qids and new["wikidata"] and new["wikidata"] not in qids:
        merge.conflicts.append(
            f"{new['kb_id']}: table QID {sorted(qids)}, Wikidata {new['wikidata']}"
        )
    elif not qids and qid:
        merge.notes.append(f"{new['kb_id']}: QID {qid} filled from Wikidata")
    for row in rows:
        row["aliases"], row["wikidata"] = aliases, qid


def _union(curated: str, imported: str, name: str) -> list[str]:
    seen = {fold(name)}
    out: list[str] = []
    for alias in [*curated.split("|"), *imported.split("|")]:
        alias = alias.strip()
        if alias and fold(alias) not in seen:
            seen.add(fold(alias))
            out.append(alias)
    return out
