"""One occasion, several acts: the date and place an act borrows from another of its sentence.

"On 3 May the two ministers met in Vienna and agreed to reopen the border":
each time and place expression goes to one trigger (the meeting), yet the
agreement was reached at that meeting. An act of a sentence with no date or
place of its own takes those of another act there when

* every party it names takes part in the other act (a country standing for
  its people), so it is the same people on the same occasion;
* both happened, or both have the same status (a meeting held and one only
  planned are two occasions; "will meet on Friday *as* X weighs whether to
  arm …" is a plan and a possibility);
* nothing on the parse path between the two triggers orders them ("met a day
  *before* signing", "had *earlier* accused").

Every act that could lend must agree, or nothing is borrowed.
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.nlp.actors import ActorEntity
from communique.nlp.events.mentions import DocIndex, EventMention
from communique.records import DateBasis, EventStatus

_REALIS = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING})
# Words that put two acts in order, or at different times.
_ORDERING = frozenset(
    {
        "after",
        "before",
        "since",
        "until",
        "following",
        "ahead",
        "earlier",
        "later",
        "previously",
        "once",
        "then",
        "afterwards",
        "subsequently",
        "again",
    }
)


def share_occasion(mentions: list[EventMention], index: DocIndex) -> None:
    """Give acts without a date or place those of the act they share an occasion with."""
    for mention in mentions:
        if mention.date is not None and mention.location is not None:
            continue
        donors = [other for other in mentions if _same_occasion(mention, other, index)]
        if mention.date is None and mention.offset is None:
            dates = {d.date.value for d in donors if d.date is not None}
            if len(dates) == 1:
                mention.date = next(d.date for d in donors if d.date is not None)
        if mention.location is None:
            places = {id(d.location) for d in donors if d.location is not None}
            if len(places) == 1:
                mention.location = next(d.location for d in donors if d.location is not None)


def _same_occasion(mention: EventMention, other: EventMention, index: DocIndex) -> bool:
    if other is mention or not mention.participants:
        return False
    realis = mention.status in _REALIS and other.status in _REALIS
    if not realis and mention.status != other.status:
        return False
    if other.date is not None and other.date.basis != DateBasis.TEXT:
        return False
    if not _within(mention.participants, other.participants):
        return False
    doc = index.doc
    return not _ordered(doc[mention.trigger[0]], doc[other.trigger[0]])


def _within(a: list[ActorEntity], b: list[ActorEntity]) -> bool:
    ids = {id(x) for x in b}
    countries = {x.country for x in b if x.country}
    return all(id(x) in ids or (x.kind.value == "country" and x.country in countries) for x in a)


def _ordered(a: Token, b: Token) -> bool:
    """Whether a word on the parse path between the triggers, or hung on either, orders them."""
    path = _path(a, b)
    for token in path:
        if token.lower_ in _ORDERING and token.i not in {a.i, b.i}:
            return True
        if any(
            c.dep_ in {"advmod", "prep", "mark"} and c.lower_ in _ORDERING for c in token.children
        ):
            return True
    return False


def _path(a: Token, b: Token) -> list[Token]:
    """The tokens from ``a`` up to the lowest head shared with ``b``, and down to ``b``."""
    above_a = [a, *a.ancestors]
    above_b = [b, *b.ancestors]
    shared = {t.i for t in above_b}
    up: list[Token] = []
    for token in above_a:
        up.append(token)
        if token.i in shared:
            break
    top = up[-1].i
    down = []
    for token in above_b:
        if token.i == top:
            break
        down.append(token)
    return up + down
