"""Quotes: direct and indirect scored apart; contents match on half the gold words."""

from __future__ import annotations

from communique.evaluation.gold import GoldArticle, GoldQuote
from communique.evaluation.matching import coverage, dice, names_match
from communique.evaluation.tally import ArticleScore, Issue, Tally, issue, one_to_one
from communique.records import Quote, Readout


def match_quotes(gold_quotes: list[GoldQuote], quotes: list[Quote]) -> dict[int, int]:
    """Gold quote index → system quote index: at least half the gold words, best overlap first."""
    candidates = (
        (dice(gold_quote.text, quote.text), gi, si)
        for gi, gold_quote in enumerate(gold_quotes)
        for si, quote in enumerate(quotes)
        if coverage(gold_quote.text, quote.text) >= 0.5
    )
    return one_to_one(candidates)


def score_quotes(gold: GoldArticle, readout: Readout) -> ArticleScore:
    tally = Tally()
    issues: list[Issue] = []
    for kind in ("direct", "indirect"):
        gold_quotes = [quote for quote in gold.quotes if quote.kind == kind]
        quotes = [quote for quote in readout.quotes if quote.kind.value == kind]
        part = _score_quote_kind(gold, readout, kind, gold_quotes, quotes)
        tally += part.tally
        issues.extend(part.issues)
    return ArticleScore(tally=tally, issues=tuple(issues))


def _score_quote_kind(
    gold: GoldArticle,
    readout: Readout,
    kind: str,
    gold_quotes: list[GoldQuote],
    quotes: list[Quote],
) -> ArticleScore:
    matched = match_quotes(gold_quotes, quotes)
    issues: list[Issue] = []
    tp = speaker_ok = optional = 0
    for gi, gold_quote in enumerate(gold_quotes):
        if gi not in matched:
            if gold_quote.required:
                where = f"speaker {gold_quote.speaker}"
                issues.append(issue(gold, "quote", f"missed {kind}", gold_quote.text, where))
            continue
        if not gold_quote.required:
            optional += 1
            continue
        tp += 1
        speaker = _speaker_name(readout, quotes[matched[gi]])
        if _speaker_right(gold, gold_quote, speaker):
            speaker_ok += 1
        else:
            wrong = f"{speaker} ≠ {gold_quote.speaker}"
            issues.append(issue(gold, "quote", f"wrong {kind} speaker", gold_quote.text, wrong))
    used = set(matched.values())
    for si, quote in enumerate(quotes):
        if si not in used:
            said = f"speaker {_speaker_name(readout, quote) or quote.speaker_text}"
            issues.append(issue(gold, "quote", f"false positive {kind}", quote.text, said))
    counts = {
        f"{kind}_tp": tp, f"{kind}_system": len(quotes) - optional,
        f"{kind}_required": sum(1 for q in gold_quotes if q.required), f"{kind}_speaker_ok": speaker_ok,
    }  # fmt: skip
    return ArticleScore(tally=Tally(**counts), issues=tuple(issues))


def _speaker_name(readout: Readout, quote: Quote) -> str | None:
    if not quote.speaker:
        return None
    actor = readout.actor(quote.speaker)
    return actor.name if actor else quote.speaker


def _speaker_right(gold: GoldArticle, gold_quote: GoldQuote, speaker: str | None) -> bool:
    if gold_quote.speaker is None:
        return not speaker  # an unnamed source must not be given a name
    return names_match(gold.actor(gold_quote.speaker), speaker)
