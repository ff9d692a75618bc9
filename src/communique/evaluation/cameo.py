"""CAMEO root codes and older PLOVER names in today's PLOVER categories, for scoring.

The evaluation keeps its own copy of the mapping instead of using the
pipeline's tables, so that a wrong table in the pipeline shows up as an error
instead of being graded by itself. It follows the CAMEO → PLOVER table of the
PLOVER manual at the level of the two-digit root code, as the manual
recommends; "08 yield" splits by its third digit.
"""

from __future__ import annotations

# None: PLOVER drops the category (public statements, appeals).
ROOTS: dict[str, str | None] = {
    "01": None, "02": None, "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST",
    "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip

# The root a PLOVER category most often comes from, for events that carry no CAMEO code.
TYPE_ROOTS = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
    "CONCEDE": "08", "RETREAT": "08", "ACCUSE": "11", "REQUEST": "10", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
    "ASSAULT": "18",
}  # fmt: skip
_RETREAT_YIELDS = frozenset({"084", "085", "086", "087"})

# PLOVER 0.5 (the gold-standard records) used some names that PLOVER v2 merged.
OLD_PLOVER = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


def root(code: str | None) -> str | None:
    """The two-digit root of a CAMEO code ("0411" → "04"); ``None`` when not one."""
    if not code or len(code) < 2 or not code[:2].isdigit():
        return None
    return code[:2]


def is_cameo(code: str | None) -> bool:
    """A real CAMEO code; test suites also use made-up codes above 20."""
    return root(code) in ROOTS


def plover_type(code: str | None) -> str | None:
    """The PLOVER category of a CAMEO code, ``None`` for dropped or unknown codes."""
    base = root(code)
    if base is None:
        return None
    if base == "08" and code is not None and code[:3] in _RETREAT_YIELDS:
        return "RETREAT"
    return ROOTS.get(base)


def current_plover(name: str) -> str:
    """A PLOVER category name as PLOVER v2 spells it."""
    upper = name.strip().upper()
    return OLD_PLOVER.get(upper, upper)
