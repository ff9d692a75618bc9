"""The actor objects the actors component writes to ``doc._.actors``.

Plain Python objects with token and character offsets; other components
(quotes, events) read them, and :mod:`communique.nlp.readout` turns them into
:class:`communique.records.Actor` records. Import them from
:mod:`communique.nlp.actors`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from communique.nlp.roles import Affiliation, RoleMention
from communique.records import ActorKind, MentionKind


@dataclass(slots=True)
class ActorMention:
    """One stretch of text that refers to an actor: tokens ``start:end`` of the Doc."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    kind: MentionKind = MentionKind.NAME


@dataclass(slots=True)
class ActorEntity:
    """A person, organisation or state of one article, with every mention of it.

    ``key`` is stable within the article ("person:vladimir-putin",
    "country:RUS", "org:rdif"); ``tokens`` are the folded words of a person's
    name; ``affiliations`` hold the country evidence the text gives without a
    title ("France's Emmanuel Bonne", "Elon Musk of Tesla").
    """

    key: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    roles: list[RoleMention] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    kb_id: str | None = None
    tokens: tuple[str, ...] = ()
    affiliations: list[Affiliation] = field(default_factory=list)

    def add(self, mention: ActorMention) -> None:
        if all(m.start != mention.start or m.end != mention.end for m in self.mentions):
            self.mentions.append(mention)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else 0

    def mentioned_before(self, i: int) -> int | None:
        """The start of the latest mention before token ``i``, if any."""
        before = [m.start for m in self.mentions if m.start < i]
        return max(before) if before else None
