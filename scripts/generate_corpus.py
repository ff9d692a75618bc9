"""A synthetic corpus for scale tests, recombined from the team's own example articles.

    python scripts/generate_corpus.py OUT_DIR --articles 610 [--seed 1]

Sentences come from ``examples/articles/`` (written by the team). Each
generated article takes a run of body sentences from one to three examples and
replaces the people, places and dates in them: people known to the bundled
office-holder table become invented people (consistently within a story),
cities become other cities, and every date moves by the story's offset. A
*story* is one to five articles sharing those replacements and a few days of
publication, so that canonical events gather several reports as in real news.
Texts come out distinct (the generator checks) and in the seed layout.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
OFFICEHOLDERS = ROOT / "src" / "communique" / "data" / "officeholders.csv"

FIRST = """
Adrian Beatrix Casimir Dalia Emil Farida Gustav Hana Ilir Jana Kamil Lena Marek Nadia Oskar
Petra Rafael Selma Tomas Vera Anton Mira Luka Iris Damir Olga Felix Ines Viktor Lea
""".split()  # noqa: SIM905  (a word list reads better as text)
LAST = """
Arvand Belcourt Castellan Drummond Esterhaz Falkner Grunwald Halvorsen Ivanek Jaroszek
Kessler Lindqvist Moravec Novakova Ostrander Petrescu Quillon Rasmussen Szabados Tellander
Umbrecht Valdane Wexford Yarrow Zelinski Brannock Coriolan Delacroix Eskander Fairholm
""".split()  # noqa: SIM905  (a word list reads better as text)
CITIES = """
Vienna Oslo Lisbon Nairobi Hanoi Santiago Rabat Tbilisi Baku Doha Muscat Amman Riga Vilnius
Tallinn Helsinki Reykjavik Dublin Madrid Rome Athens Sofia Bucharest Zagreb Belgrade
Sarajevo Ljubljana Prague Bratislava Warsaw Copenhagen Stockholm Bern Brussels Ottawa Lima
Bogota Quito Manila Jakarta Singapore Seoul Tokyo Canberra Wellington Accra Dakar Kigali
Cairo Tunis Algiers Tashkent Astana Yerevan Chisinau Minsk
""".split()  # noqa: SIM905  (a word list reads better as text)
SOURCE_CITIES = """
Budapest Anchorage Washington Moscow Kyiv Istanbul London Paris Miami Busan Luxembourg
Tianjin Delhi Geneva Brussels Beijing Warsaw Ankara Cairo Riyadh Doha Berlin Rome
""".split()  # noqa: SIM905  (a word list reads better as text)
MONTHS = """
January February March April May June July August September October November December
""".split()  # noqa: SIM905  (a word list reads better as text)
_SENTENCE = re.compile(r"(?<=[.!?\"”’])\s+(?=[A-Z“\"])")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(MONTHS)})\b")
_MONTH_DAY = re.compile(rf"\b({'|'.join(MONTHS)}) (\d{{1,2}})\b")


@dataclass(frozen=True, slots=True)
class Example:
    published: date
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """The replacements shared by the articles of one story: people, cities, a date shift."""

    people: dict[str, str]
    names: re.Pattern[str]
    shift: timedelta


def examples() -> list[Example]:
    """Body sentences of the dated example articles (furniture lines are short; they are left out)."""
    out = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        first, _, body = path.read_text(encoding="utf-8").partition("\n")
        match = re.match(r"date (\d{4})-(\d{2})-(\d{2})", first)
        if not match:
            continue
        paragraphs = [p.strip() for p in body.split("\n\n") if len(p.strip()) > 120]
        sentences = tuple(s for p in paragraphs for s in _SENTENCE.split(p) if len(s) > 40)
        out.append(Example(date(*map(int, match.groups())), sentences))
    return out


def known_people() -> list[str]:
    with OFFICEHOLDERS.open(encoding="utf-8", newline="") as handle:
        names = {row["name"] for row in csv.DictReader(handle)}
    return sorted(names, key=len, reverse=True)


def new_story(rng: random.Random, people: list[str]) -> Story:
    """Invented people for the known ones (full names and surnames alike), other cities."""
    replacements: dict[str, str] = {}
    for name in people:
        invented = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        replacements.setdefault(name, invented)
        replacements.setdefault(name.split()[-1], invented.split()[-1])
    for city in SOURCE_CITIES:
        replacements[city] = rng.choice(CITIES)
    words = sorted(replacements, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
    return Story(replacements, pattern, timedelta(days=rng.randint(-4000, 1500)))


def rewrite(text: str, story: Story, year: int) -> str:
    text = story.names.sub(lambda m: story.people[m[0]], text)
    text = _DAY_MONTH.sub(lambda m: _shifted(story, year, int(m[1]), m[2], day_first=True), text)
    text = _MONTH_DAY.sub(lambda m: _shifted(story, year, int(m[2]), m[1], day_first=False), text)
    return re.sub(r"\b2025\b", str((date(year, 6, 1) + story.shift).year), text)


def _shifted(story: Story, year: int, day: int, month: str, *, day_first: bool) -> str:
    try:
        moved = date(year, MONTHS.index(month) + 1, day) + story.shift
    except ValueError:
        return f"{day} {month}" if day_first else f"{month} {day}"
    name = MONTHS[moved.month - 1]
    return f"{moved.day} {name}" if day_first else f"{name} {moved.day}"


def article(rng: random.Random, pool: list[Example], story: Story, lag: int) -> str:
    """One article: runs of sentences from one to three examples, rewritten for the story."""
    parts = []
    sources = rng.sample(pool, k=rng.randint(1, 3))
    for source in sources:
        count = min(len(source.sentences), rng.randint(3, 8))
        start = rng.randint(0, len(source.sentences) - count)
        run = source.sentences[start : start + count]
        parts.append(" ".join(rewrite(s, story, source.published.year) for s in run))
    published = sources[0].published + story.shift + timedelta(days=lag)
    return f"date {published.isoformat()}\n" + "\n\n".join(parts) + "\n"


def generate(out: Path, count: int, seed: int) -> int:
    rng = random.Random(seed)
    pool, people = examples(), known_people()
    out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    written = 0
    while written < count:
        story = new_story(rng, people)
        for lag in sorted(rng.sample(range(6), k=rng.randint(1, 5))):
            if written >= count:
                break
            text = article(rng, pool, story, lag)
            if text in seen:
                continue
            seen.add(text)
            (out / f"synthetic-{written:06d}.txt").write_text(text, encoding="utf-8")
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the articles to")
    parser.add_argument("--articles", type=int, default=610, help="how many (default 610)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    print(f"wrote {generate(args.out, args.articles, args.seed)} articles to {args.out}")


if __name__ == "__main__":
    main()
