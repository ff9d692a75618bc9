"""Recognise page furniture: the lines of a news page that are not the article.

Each rule looks at one line on its own; context rules (captions between
paragraphs, repeated headlines) live in :mod:`communique.clean.body`.
"""

from __future__ import annotations

import re

from communique.records import FurnitureKind

_I = re.IGNORECASE

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[A-Z]{2,4}|GMT[+-]?\d*|UTC[+-]?\d*)?"
_DATE = rf"(?:[a-z]{{3,9}},?\s+)?(?:\d{{1,2}}\s+{_MONTHS}|{_MONTHS}\s+\d{{1,2}}),?\s+\d{{4}}"
_UPDATED = r"(?:\s*[·|•]\s*(?:updated|modified|last\s+updated)\b.*)?"

_RULES: tuple[tuple[FurnitureKind, re.Pattern[str]], ...] = (
    (
        FurnitureKind.PHOTO_CREDIT,
        re.compile(
            r"^(?:photo(?:graph)?s?|image(?:\s+source)?|picture|credit|photo\s+credit|source)"
            r"\s*[:,]\s*\S",
            _I,
        ),
    ),
    (
        FurnitureKind.PHOTO_CREDIT,
        re.compile(r"^\(?(?:photo|image|picture)s?\s+(?:by|courtesy)\b", _I),
    ),
    (
        FurnitureKind.PHOTO_CREDIT,
        re.compile(
            r"^[^.!?]{0,80}(?:/|\bvia\s+)(?:getty\s+images|reuters|afp|ap|epa|anadolu|tass)\)?$",
            _I,
        ),
    ),
    (FurnitureKind.PHOTO_CREDIT, re.compile(r"^(?:©|\(c\)|copyright\b)", _I)),
    (FurnitureKind.CAPTION, re.compile(r"^(?:image\s+)?caption\s*[:,]\s*\S", _I)),
    (FurnitureKind.CAPTION, re.compile(r"^(?:pictured|above|top|left|right)\s*:\s*\S", _I)),
    (
        FurnitureKind.BYLINE,
        re.compile(
            r"^(?i:by|written\s+by|reporting\s+by|edited\s+by|words\s+by)\s+"
            r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
            r"(?:\s*(?:,|and|&|in|-|–|—|\|)\s*[^.!?]{0,80})?$"
        ),
    ),
    (FurnitureKind.BYLINE, re.compile(r"^(?:additional\s+)?reporting\s+by\b.{0,120}$", _I)),
    (
        FurnitureKind.TIMESTAMP,
        re.compile(
            r"^(?:published|updated|last\s+updated|last\s+modified|modified|posted|first\s+published)\b.{0,80}$",
            _I,
        ),
    ),
    (
        FurnitureKind.TIMESTAMP,
        re.compile(r"^\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$", _I),
    ),
    (
        FurnitureKind.TIMESTAMP,
        re.compile(rf"^{_DATE}(?:\s*(?:,|at|-|–|·|\|)?\s*{_CLOCK})?{_UPDATED}$", _I),
    ),
    (FurnitureKind.TIMESTAMP, re.compile(rf"^{_CLOCK}(?:\s*(?:,|on)?\s*{_DATE})?$", _I)),
    (FurnitureKind.TIMESTAMP, re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?\S*)?$")),
    (
        FurnitureKind.TIMESTAMP,
        re.compile(
            rf"^\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}(?:,?\s+{_CLOCK})?(?:\s*[|·•]\s*[\w .'-]{{1,40}})?$",
            _I,
        ),
    ),
    (
        FurnitureKind.SHARE,
        re.compile(
            r"^(?:share(?:\s+this)?(?:\s+(?:article|story|page|post))?(?:\s+(?:on|via)\s+\w+)?"
            r"|share\s+on\s+\w+|copy\s+link|email\s+this(?:\s+article)?|print(?:\s+this)?(?:\s+article)?"
            r"|tweet(?:\s+this)?|save(?:\s+article)?|follow\s+us(?:\s+on\b.*)?|follow\s+@\w+.*"
            r"|(?:(?:share(?:\s+on)?\s+\w+|copy\s+link|email|print)\s*[|·•]?\s*){2,})$",
            _I,
        ),
    ),
    (
        FurnitureKind.RELATED,
        re.compile(
            r"^(?:read\s+more|related(?:\s+(?:stories|articles|topics|coverage|content))?|see\s+also"
            r"|more\s+on\s+this\s+story|also\s+read|read\s+also|recommended|most\s+read|watch)\b"
            r"(?:\s*[:|>–-]|\s*$)",
            _I,
        ),
    ),
    (
        FurnitureKind.ADVERT,
        re.compile(
            r"^(?:advertisement|sponsored(?:\s+content)?|story\s+continues\s+below(?:\s+advertisement)?"
            r"|ad\s*feedback|promoted)$",
            _I,
        ),
    ),
    (
        FurnitureKind.ADVERT,
        re.compile(
            r"\b(?:sign(?:s|ing)?\s+up|subscrib\w*|register)\b.{0,120}\bnewsletter\b"
            r"|\bnewsletter\b.{0,80}\b(?:sign\s+up|subscribe)\b"
            r"|^this\s+article\s+was\s+downloaded\s+by\b|^subscribe\s+to\s+our\b",
            _I,
        ),
    ),
    (
        FurnitureKind.NAVIGATION,
        re.compile(
            r"^(?:skip\s+to\s+(?:main\s+)?content|menu|home|search|sign\s+in|log\s*in|subscribe(?:\s+now)?"
            r"|accept(?:\s+all)?\s+cookies|back\s+to\s+top|next\s+article|previous\s+article)$"
            r"|^(?:home|news)\s*(?:[>|»/]\s*[\w &'-]+){1,5}$"
            r"|\bwe\s+use\s+cookies\b|\bcookie\s+(?:policy|settings|preferences)\b",
            _I,
        ),
    ),
)

SECTION_LABELS = frozenset(
    label.lower()
    for label in (
        "World",
        "World News",
        "News",
        "Europe",
        "Politics",
        "Asia",
        "Africa",
        "Americas",
        "Middle East",
        "US & Canada",
        "US and Canada",
        "UK",
        "UK Politics",
        "Business",
        "International",
        "Diplomacy",
        "Analysis",
        "Opinion",
        "Breaking",
        "Breaking News",
        "Live",
        "Exclusive",
        "Ukraine war",
        "War in Ukraine",
        "Russia-Ukraine war",
        "Latin America",
        "China",
        "Asia Pacific",
        "Asia-Pacific",
        "Foreign Policy",
        "Security",
        "Defence",
        "Defense",
        "Global",
        "Briefing",
        "Explainer",
        "Leaders",
        "The world this week",
        "Economy",
        "Trade",
        "Top Stories",
        "Latest",
    )
)

_WORDY_LIMIT = 40
_CRUMB = re.compile(r"^[\w&'’. -]{1,40}(?:\s+[|/›>»]\s+[\w&'’. -]{1,40}){1,6}\s*[|]?$")


def classify_line(line: str) -> FurnitureKind | None:
    """The furniture kind of a single stripped line, or None for article text."""
    if not line:
        return None
    words = line.split()
    if len(words) <= 5 and line.strip(" :|").lower() in SECTION_LABELS:
        return FurnitureKind.SECTION_LABEL
    if len(words) <= 3 and words[-1].lower() == "news" and line[:1].isupper():
        return FurnitureKind.SECTION_LABEL
    if _CRUMB.match(line) and not line.endswith((".", "!", "?")):
        return (
            FurnitureKind.NAVIGATION if words[0].lower() == "home" else FurnitureKind.SECTION_LABEL
        )
    for kind, pattern in _RULES:
        if kind is not FurnitureKind.ADVERT and len(words) > _WORDY_LIMIT:
            continue
        if pattern.search(line):
            return kind
    return None
