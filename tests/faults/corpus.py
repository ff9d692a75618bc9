"""Small articles written for the fault tests (each distinct, each with actors and an event)."""

from pathlib import Path

CAPITALS = ["Oslo", "Lima", "Hanoi", "Nairobi", "Rabat", "Ankara", "Quito", "Riga", "Doha", "Dhaka"]
COUNTRIES = [
    "Norway",
    "Peru",
    "Vietnam",
    "Kenya",
    "Morocco",
    "Turkey",
    "Ecuador",
    "Latvia",
    "Qatar",
    "Bangladesh",
]


def write_articles(folder: Path, count: int, *, first: int = 0) -> Path:
    """``count`` seed-layout articles numbered from ``first`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(first, first + count):
        host, guest = number % 10, (number + 3) % 10
        (folder / f"{number:03d}.txt").write_text(
            f"date 2025-05-{number % 28 + 1:02d}\n"
            f"The foreign minister of {COUNTRIES[guest]} travelled to {CAPITALS[host]} on Tuesday "
            f"for talks with her counterpart from {COUNTRIES[host]}, officials said. "
            f'"We agreed to deepen our cooperation," she told reporters after meeting {number}.\n',
            encoding="utf-8",
        )
    return folder
