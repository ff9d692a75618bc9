"""Who engaged whom: canonical events as edges between their participants.

Each event joins every pair of its participants (a three-party meeting is a
triangle). Edges of one pair and one type are merged and counted; nodes are
the most connected actors. The server places the nodes on a circle, grouped
by country, so the graph reads without JavaScript; ``static/network.js``
then relaxes it with a small force layout and lets nodes be dragged.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from communique.query.rows import ActorRef, CanonicalEvent

SIZE = 760
MAX_NODES = 60


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    country: str | None
    degree: int
    x: float
    y: float
    r: float


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    type: str
    events: int
    titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Network:
    size: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    types: tuple[str, ...]
    events: int
    left_out: int


def _pairs(event: CanonicalEvent) -> list[tuple[ActorRef, ActorRef]]:
    people = sorted({p.id: p for p in event.participants}.values(), key=lambda p: p.id)
    return list(combinations(people, 2))


def network(events: list[CanonicalEvent], max_nodes: int = MAX_NODES) -> Network:
    degree: Counter[str] = Counter()
    refs: dict[str, ActorRef] = {}
    for event in events:
        for a, b in _pairs(event):
            degree.update((a.id, b.id))
            refs.setdefault(a.id, a)
            refs.setdefault(b.id, b)
    kept = {actor for actor, _ in degree.most_common(max_nodes)}
    merged: dict[tuple[str, str, str], list[str]] = {}
    for event in events:
        for a, b in _pairs(event):
            if a.id in kept and b.id in kept:
                title = f"{event.date or event.first_seen or '?'} {event.status}: {event.summary}"
                merged.setdefault((a.id, b.id, event.type), []).append(title)
    edges = tuple(
        Edge(source=a, target=b, type=t, events=len(titles), titles=tuple(titles[:8]))
        for (a, b, t), titles in sorted(merged.items())
    )
    nodes = _circle([refs[actor] for actor in kept], degree)
    return Network(
        size=SIZE,
        nodes=nodes,
        edges=edges,
        types=tuple(sorted({e.type for e in edges})),
        events=len(events),
        left_out=len(degree) - len(kept),
    )


def _circle(actors: list[ActorRef], degree: Counter[str]) -> tuple[Node, ...]:
    """Nodes on a circle, same-country actors side by side."""
    ordered = sorted(actors, key=lambda a: (a.country or "~", a.name))
    radius = SIZE / 2 - 90
    centre = SIZE / 2
    out = []
    for i, actor in enumerate(ordered):
        angle = 2 * math.pi * i / max(len(ordered), 1) - math.pi / 2
        out.append(
            Node(
                id=actor.id,
                name=actor.name,
                country=actor.country,
                degree=degree[actor.id],
                x=round(centre + radius * math.cos(angle), 1),
                y=round(centre + radius * math.sin(angle), 1),
                r=round(5 + 2.2 * math.sqrt(degree[actor.id]), 1),
            )
        )
    return tuple(out)
