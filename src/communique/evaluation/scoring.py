"""One readout against one gold article: counts per part, and every miss as an issue.

The rules are those of the evaluation guidelines (``../shared/eval/GUIDELINES.md``):
persons are matched greedily in gold order; events and quotes are matched one to
one, best candidates first; optional gold items neither reward nor penalise.
"""

from __future__ import annotations

from communique.evaluation.eventscore import score_events
from communique.evaluation.gold import GoldArticle
from communique.evaluation.matching import furniture_probe, names_match, titles_match
from communique.evaluation.quotescore import score_quotes
from communique.evaluation.tally import ArticleScore, Issue, Tally, context, issue
from communique.records import Actor, ActorKind, Readout


def score_article(gold: GoldArticle, readout: Readout, *, failed: bool = False) -> ArticleScore:
    """Every part of one readout scored against its gold article."""
    parts = (
        score_persons(gold, readout),
        score_events(gold, readout),
        score_quotes(gold, readout),
        score_furniture(gold, readout),
    )
    tally = Tally(articles=1, failed=int(failed))
    for part in parts:
        tally += part.tally
    return ArticleScore(tally=tally, issues=tuple(item for part in parts for item in part.issues))


def match_persons(gold: GoldArticle, people: list[Actor]) -> dict[int, int]:
    """Gold person index → system person index: the first unused system name that matches."""
    matched: dict[int, int] = {}
    for gi, person in enumerate(p for p in gold.actors if p.kind == "person"):
        hit = next(
            (
                si
                for si, actor in enumerate(people)
                if si not in matched.values() and names_match(person.as_name, actor.name)
            ),
            None,
        )
        if hit is not None:
            matched[gi] = hit
    return matched


def score_persons(gold: GoldArticle, readout: Readout) -> ArticleScore:
    gold_people = [actor for actor in gold.actors if actor.kind == "person"]
    people = [actor for actor in readout.actors if actor.kind == ActorKind.PERSON]
    matched = match_persons(gold, people)
    issues: list[Issue] = []
    country_ok = title_ok = title_n = 0
    for gi, person in enumerate(gold_people):
        if gi not in matched:
            issues.append(issue(gold, "person", "missed", person.name, ", ".join(person.aliases)))
            continue
        actor = people[matched[gi]]
        if (actor.country or None) == person.country:
            country_ok += 1
        else:
            wrong = f"{actor.country} ≠ {person.country}"
            issues.append(issue(gold, "person", "wrong country", person.name, wrong))
        if person.titles:
            title_n += 1
            titles = [role.title for role in actor.roles]
            if titles_match(person.titles, titles):
                title_ok += 1
            else:
                wrong = f"{titles} ≠ {list(person.titles)}"
                issues.append(issue(gold, "person", "wrong title", person.name, wrong))
    used = set(matched.values())
    for si, actor in enumerate(people):
        if si not in used:
            evidence = _first_mention(readout, actor)
            issues.append(issue(gold, "person", "false positive", actor.name, evidence))
    tally = Tally(
        person_tp=len(matched), person_system=len(people), person_gold=len(gold_people),
        country_ok=country_ok, title_ok=title_ok, title_n=title_n,
    )  # fmt: skip
    return ArticleScore(tally=tally, issues=tuple(issues))


def _first_mention(readout: Readout, actor: Actor) -> str:
    if not actor.mentions:
        return ""
    mention = actor.mentions[0]
    return context(readout.article.text, mention.start_char, mention.end_char)


def score_furniture(gold: GoldArticle, readout: Readout) -> ArticleScore:
    """Gold furniture whose first 40 characters no longer occur in the cleaned text."""
    text = " ".join(readout.article.text.split())
    left = [item for item in gold.furniture if furniture_probe(item) in text]
    issues = tuple(issue(gold, "furniture", "left in text", item) for item in left)
    n = len(gold.furniture)
    return ArticleScore(tally=Tally(furniture_ok=n - len(left), furniture_n=n), issues=issues)
