"""Canonical events on SQLite: candidates from the index, the chosen match, the counts.

Each event of a new article is compared with the canonical events filed under
its type, participant or place keys and nearby month buckets
(``canonical_keys``), joined to the best one that scores above the threshold
or made a new canonical event. Article and source counts are kept as each
report arrives: a second article of the same near-duplicate group adds an
article, not a source.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from communique.records import Event, EventStatus, Readout
from communique.resolve.canonical import CanonicalState
from communique.resolve.clustering import (
    THRESHOLD,
    index_keys,
    index_months,
    lookup_plan,
    score,
)
from communique.resolve.features import MentionFeatures, event_features
from communique.resolve.threads import replacement_cue
from communique.store.connection import Connection

_MENTION_COLUMNS = (
    "canonical_id", "group_id", "score", "status", "date", "published", "sentence_start",
    "sentence_end", "trigger_start", "trigger_end", "sentence",
)  # fmt: skip
"""``event_mentions`` columns a report of the same (article, event) replaces."""

MAX_CANDIDATES = 400
"""Canonical events a report is compared with at most (the densest buckets first)."""


@dataclass(frozen=True, slots=True)
class Clustered:
    """One event of the article and the canonical event it joined."""

    event: Event
    features: MentionFeatures
    canonical_id: str
    new: bool


def cluster_events(
    db: Connection, readout: Readout, actor_ids: dict[str, str], group_id: str
) -> list[Clustered]:
    """Attach every event of the readout to a canonical event, creating those that are new."""
    done = []
    for event in readout.events:
        features = event_features(readout, event, actor_ids)
        canonical_id, state, match = _best(db, features)
        new = state is None
        if state is None:
            state = CanonicalState(type=features.type)
        state.absorb(features)
        _save(db, canonical_id, state, new=new)
        _add_mention(db, canonical_id, event, features, group_id, match)
        done.append(Clustered(event, features, canonical_id, new))
    _link_replacements(db, readout, done)
    return done


def _best(
    db: Connection, features: MentionFeatures
) -> tuple[str, CanonicalState | None, float | None]:
    best: tuple[float, str, CanonicalState] | None = None
    for canonical_id, state in _candidates(db, features):
        found = score(features, state)
        if found and found.total >= THRESHOLD and (best is None or found.total > best[0]):
            best = (found.total, canonical_id, state)
    if best is None:
        seed = f"{features.article_id}/{features.event_id}".encode()
        return "ev-" + hashlib.sha1(seed).hexdigest()[:12], None, None
    return best[1], best[2], best[0]


def _candidates(db: Connection, features: MentionFeatures) -> list[tuple[str, CanonicalState]]:
    ids: dict[str, None] = {}
    for keys, months in lookup_plan(features):
        rows = db.execute(
            f"""SELECT DISTINCT canonical_id FROM canonical_keys
                WHERE type = ? AND key IN ({",".join("?" * len(keys))})
                AND month IN ({",".join("?" * len(months))})
                ORDER BY canonical_id LIMIT ?""",
            (features.type, *keys, *months, MAX_CANDIDATES),
        )
        ids.update((row[0], None) for row in rows)
    if not ids:
        return []
    # In a fixed order (the lookup's): of two candidates scoring the same, the
    # first wins, and on every engine the same one.
    states = dict(
        db.execute(
            f"SELECT id, state FROM canonical_events WHERE id IN ({','.join('?' * len(ids))})",
            list(ids),
        )
    )
    return [
        (canonical_id, CanonicalState.from_json(json.loads(states[canonical_id])))
        for canonical_id in ids
        if canonical_id in states
    ]


def _save(db: Connection, canonical_id: str, state: CanonicalState, *, new: bool) -> None:
    values = (
        state.type,
        state.mode,
        state.status,
        state.date,
        int(state.date_disputed),
        state.place_name,
        int(state.place_disputed),
        json.dumps(state.ordered_participants()),
        state.first_seen,
        state.last_seen,
        state.mentions,
        int(state.thread),
        state.summary,
        json.dumps(state.to_json(), ensure_ascii=False),
    )
    if new:
        db.execute(
            "INSERT INTO canonical_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)",
            (canonical_id, *values),
        )
    else:
        db.execute(
            """UPDATE canonical_events SET type = ?, mode = ?, status = ?, date = ?,
                   date_disputed = ?, location = ?, location_disputed = ?, participants = ?,
                   first_seen = ?, last_seen = ?, mentions = ?, thread = ?, summary = ?, state = ?
               WHERE id = ?""",
            (*values, canonical_id),
        )
        db.execute("DELETE FROM canonical_keys WHERE canonical_id = ?", (canonical_id,))
    db.executemany(
        "INSERT INTO canonical_keys VALUES (?, ?, ?, ?)",
        [
            (state.type, key, month, canonical_id)
            for key in index_keys(state)
            for month in index_months(state)
        ],
    )
    db.executemany(
        "INSERT INTO canonical_actors VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(canonical_id, actor) for actor in state.participants],
    )


def _add_mention(
    db: Connection,
    canonical_id: str,
    event: Event,
    features: MentionFeatures,
    group_id: str,
    match: float | None,
) -> None:
    def seen(column: str, value: str) -> bool:
        sql = f"SELECT 1 FROM event_mentions WHERE canonical_id = ? AND {column} = ? LIMIT 1"
        return db.execute(sql, (canonical_id, value)).fetchone() is not None

    new_article, new_source = (
        not seen("article_id", features.article_id),
        not seen("group_id", group_id),
    )
    db.execute(
        f"INSERT INTO event_mentions VALUES ({', '.join('?' * 13)}) "
        "ON CONFLICT (article_id, event_id) DO UPDATE SET "
        + ", ".join(f"{column} = excluded.{column}" for column in _MENTION_COLUMNS),
        (
            features.article_id,
            event.id,
            canonical_id,
            group_id,
            match,
            features.status.value,
            features.date,
            features.published,
            event.sentence.start_char,
            event.sentence.end_char,
            event.trigger.start_char,
            event.trigger.end_char,
            features.sentence,
        ),
    )
    db.executemany(
        "INSERT INTO mention_actors VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        [(features.article_id, event.id, actor) for actor in features.participants],
    )
    db.execute(
        "UPDATE canonical_events SET articles = articles + ?, sources = sources + ? WHERE id = ?",
        (int(new_article), int(new_source), canonical_id),
    )


_ENDED = (EventStatus.POSTPONED, EventStatus.CANCELLED)
_AFTER = (EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.OCCURRED)


def _link_replacements(db: Connection, readout: Readout, done: list[Clustered]) -> None:
    """An event called off and, in the same passage, another one "instead": a replacement."""
    text = readout.article.text
    for old in done:
        if old.features.status not in _ENDED:
            continue
        for new in done:
            if (
                new.canonical_id == old.canonical_id
                or new.features.status not in _AFTER
                or new.features.type != old.features.type
                or not (new.features.participants & old.features.participants)
            ):
                continue
            start = min(old.event.sentence.start_char, new.event.sentence.start_char)
            end = max(old.event.sentence.end_char, new.event.sentence.end_char)
            passage = text[start:end]
            if end - start > 600 or not replacement_cue(passage):
                continue
            db.execute(
                "INSERT INTO thread_links VALUES (?, ?, 'replaced_by', ?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (old.canonical_id, new.canonical_id, readout.article.id, start, end, passage),
            )
