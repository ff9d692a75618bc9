"""The in-domain gold set: readouts of the gold articles, scored into one set of figures.

The figures carry the names the reference scorer prints (``person_f1``,
``event_status_acc`` …) so the two can be compared line by line.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from communique.codec import readout_from_json, readout_to_json
from communique.errors import CommuniqueError, EvaluationError, InputError
from communique.evaluation.corpus import SHARED
from communique.evaluation.gold import GoldArticle, load_gold_dir
from communique.evaluation.results import Figures, SetResult, prf, ratio, require
from communique.evaluation.scoring import score_article
from communique.evaluation.tally import Issue, Tally
from communique.ingest import read_file
from communique.pipeline import Extractor
from communique.records import Article, Failure, RawArticle, Readout

NAME = "gold"
MAX_BYTES = 50_000_000


def default_gold_dir(shared: Path = SHARED) -> Path:
    return shared / "eval" / "gold" / "dev"


def articles_for(gold_dir: Path, golds: list[GoldArticle]) -> Path:
    """Where the gold articles are: beside the gold files, else in ``../../articles/<split>``."""
    beside = all((gold_dir / gold.article).is_file() for gold in golds)
    sibling = gold_dir.parent.parent / "articles" / gold_dir.name
    return gold_dir if beside or not sibling.is_dir() else sibling


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldScore:
    tally: Tally
    issues: tuple[Issue, ...] = ()
    failures: tuple[Failure, ...] = ()

    @property
    def figures(self) -> Figures:
        return gold_figures(self.tally)


def gold_figures(tally: Tally) -> Figures:
    """Rates from counts, rounded to three places; ``None`` where nothing was measured."""
    persons = prf(tally.person_tp, tally.person_system, tally.person_gold)
    events = prf(tally.event_tp, tally.event_system, tally.event_required)
    direct = prf(tally.direct_tp, tally.direct_system, tally.direct_required)
    indirect = prf(tally.indirect_tp, tally.indirect_system, tally.indirect_required)
    return {
        **persons.named("person"),
        "person_country_acc": ratio(tally.country_ok, tally.person_tp),
        "person_title_acc": ratio(tally.title_ok, tally.title_n),
        **events.named("event"),
        "event_status_acc": ratio(tally.status_ok, tally.event_tp),
        "event_date_acc": ratio(tally.date_ok, tally.event_tp),
        "event_mode_acc": ratio(tally.mode_ok, tally.mode_n),
        "event_location_acc": ratio(tally.location_ok, tally.location_n),
        "direct_quote_p": round(direct.precision, 3),
        "direct_quote_r": round(direct.recall, 3),
        "direct_quote_f1": round(direct.f1, 3),
        "direct_speaker_acc": ratio(tally.direct_speaker_ok, tally.direct_tp),
        "indirect_quote_p": round(indirect.precision, 3),
        "indirect_quote_r": round(indirect.recall, 3),
        "indirect_quote_f1": round(indirect.f1, 3),
        "indirect_speaker_acc": ratio(tally.indirect_speaker_ok, tally.indirect_tp),
        "furniture_removed": ratio(tally.furniture_ok, tally.furniture_n),
    }


def gold_counts(tally: Tally) -> dict[str, int]:
    return {
        "articles": tally.articles,
        "failed": tally.failed,
        "gold_persons": tally.person_gold,
        "gold_required_events": tally.event_required,
        "gold_direct_quotes": tally.direct_required,
        "gold_indirect_quotes": tally.indirect_required,
        "gold_furniture": tally.furniture_n,
    }


def score_gold(golds: list[GoldArticle], readouts: Mapping[str, Readout | Failure]) -> GoldScore:
    """Score each gold article against its readout; a missing or failed one scores as empty."""
    tally = Tally()
    issues: list[Issue] = []
    failures: list[Failure] = []
    for gold in golds:
        found = readouts.get(gold.article)
        if isinstance(found, Readout):
            score = score_article(gold, found)
        else:
            failures.append(found or Failure(source=gold.article, stage="read", error="no readout"))
            score = score_article(gold, Readout(article=Article(id="")), failed=True)
        tally += score.tally
        issues.extend(score.issues)
    return GoldScore(tally=tally, issues=tuple(issues), failures=tuple(failures))


def extract_articles(
    golds: list[GoldArticle], articles: Path, extractor: Extractor
) -> dict[str, Readout | Failure]:
    """Readouts of the gold articles, read as ``communique extract`` reads them, in one batch."""
    cleaned: dict[str, Article] = {}
    out: dict[str, Readout | Failure] = {}
    for gold in golds:
        path = articles / gold.article
        try:
            cleaned[gold.article] = extractor.clean(_read_one(path))
        except CommuniqueError as e:
            out[gold.article] = Failure(source=gold.article, stage="read", error=str(e))
    names = list(cleaned)
    for name, result in zip(names, extractor.analyse_many(list(cleaned.values())), strict=True):
        out[name] = result
    return out


def _read_one(path: Path) -> RawArticle:
    for item in read_file(path, max_bytes=MAX_BYTES):
        if isinstance(item, InputError):
            raise item
        return item
    raise EvaluationError("no article in the file", source=str(path))


def load_readouts(golds: list[GoldArticle], folder: Path) -> dict[str, Readout | Failure]:
    """Saved readouts ``<article>.json`` (the layout the reference scorer reads)."""
    out: dict[str, Readout | Failure] = {}
    for gold in golds:
        path = folder / f"{gold.article}.json"
        try:
            out[gold.article] = readout_from_json(path.read_text(encoding="utf-8"))
        except (OSError, CommuniqueError) as e:
            out[gold.article] = Failure(source=gold.article, stage="read", error=str(e))
    return out


def save_readouts(readouts: Mapping[str, Readout | Failure], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, readout in readouts.items():
        if isinstance(readout, Readout):
            (folder / f"{name}.json").write_text(readout_to_json(readout) + "\n", encoding="utf-8")


def evaluate_gold(
    gold_dir: Path,
    extractor: Extractor,
    *,
    articles: Path | None = None,
    readouts: Path | None = None,
    limit: int | None = None,
    save: Path | None = None,
) -> tuple[SetResult, GoldScore]:
    """The gold set's figures: extract (or load saved readouts), then score.

    ``save`` keeps each readout as ``<article>.json``, the layout the reference
    scorer and ``readouts`` read.
    """
    started = time.perf_counter()
    golds = load_gold_dir(gold_dir)[:limit]
    if readouts is not None:
        found = load_readouts(golds, readouts)
    else:
        folder = require(articles or articles_for(gold_dir, golds), "articles folder")
        found = extract_articles(golds, folder, extractor)
    if save is not None:
        save_readouts(found, save)
    score = score_gold(golds, found)
    result = SetResult(
        name=NAME,
        figures=score.figures,
        counts=gold_counts(score.tally),
        data=str(gold_dir),
        seconds=time.perf_counter() - started,
    )
    return result, score
