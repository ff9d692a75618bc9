"""In-document references to actors that are not names.

* Descriptors: "the U.S. president", "the Russian leader", "the Kremlin
  chief", "America's president", "the former president". A descriptor is a
  definite (or possessive) noun phrase whose head is a title and which does not
  introduce a name; it becomes a ``descriptor`` mention of the most recently
  mentioned person whose roles match its title, country and tense. "Leader",
  "chief" and "head" match any head of state or government.
* Groups: "the two leaders", "both sides", "both men", "the trio" —
  :func:`group_antecedents`, for components that need the participants.
* :func:`actor_at`: which actor a token belongs to.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from communique.knowledge.gazetteer import Gazetteer
from communique.knowledge.metonyms import metonym_country
from communique.knowledge.titles import Title, TitleLexicon, titles
from communique.nlp.actor_entity import ActorEntity, ActorMention
from communique.nlp.roles import FORMER, RoleMention
from communique.records import ActorKind, MentionKind

_BARE_GENERIC = frozenset({("leader",), ("chief",), ("head",), ("boss",)})
_MAX_MODIFIERS = 5
_COUNTS = {"both": 2, "two": 2, "pair": 2, "duo": 2, "three": 3, "trio": 3, "four": 4, "quartet": 4}
_GROUP_PEOPLE = frozenset(
    {"leader", "man", "woman", "president", "minister", "head", "counterpart", "premier"}
    | {"chancellor", "pair", "duo", "trio", "quartet", "official", "diplomat", "envoy"}
)
_GROUP_STATES = frozenset({"side", "country", "nation", "government", "capital", "state", "power"})


def resolve_descriptors(
    doc: Doc, people: list[ActorEntity], lex: TitleLexicon, gaz: Gazetteer
) -> None:
    """Add a descriptor mention to the person each title phrase refers back to."""
    if not people:
        return
    for i in _title_tokens(doc, lex):
        token = doc[i]
        if token.ent_type_ or token.pos_ not in {"NOUN", "PROPN"} or token.tag_ in {"NNS", "NNPS"}:
            continue
        if not lex.is_title_word(token.text) or _introduces_name(token):
            continue
        start = _descriptor_start(token, gaz)
        if start is None:
            continue
        words = [t.text for t in doc[start : token.i + 1]]
        found = lex.find_last(words)
        if found is None or start + found[1] != token.i + 1:
            continue
        country = _country_in(doc, start, token, gaz)
        former = any(t.lower_.rstrip("-") in FORMER for t in doc[start : token.i])
        person = _antecedent(people, token, found[2], country, former)
        if person is None:
            continue
        span = doc[start : _title_end(doc, start + found[0], token, lex)]
        person.add(
            ActorMention(
                span.start,
                span.end,
                span.start_char,
                span.end_char,
                span.text,
                MentionKind.DESCRIPTOR,
            )
        )
        if not any(r.start_char >= 0 for r in person.roles):  # the text gave no title yet
            person.roles.append(_descriptor_role(span, found[2], country, former))


def _title_end(doc: Doc, title_start: int, head: Token, lex: TitleLexicon) -> int:
    """The end of the descriptor: past "of state" in "the former French head of state"."""
    end = head.i + 1
    for stop in range(head.i + 2, min(head.i + 4, head.sent.end) + 1):
        if lex.get([t.text for t in doc[title_start:stop]]) is not None:
            end = stop
    return end


def _descriptor_role(span: Span, title: Title, country: str | None, former: bool) -> RoleMention:
    """The title a resolved descriptor gives ("the former French head of state")."""
    words = [
        t
        for t in span
        if t.lower_ not in {"the", "'s", "’s"} and t.ent_type_ not in {"GPE", "ORG", "FAC"}
    ]
    text = " ".join(t.text for t in words if not t.is_punct or t.text == "-").replace(" - ", "-")
    return RoleMention(
        title=text,
        head=title.head,
        sector="ELI" if former else title.sector,
        country=country,
        start_char=span.start_char,
        end_char=span.end_char,
        text=span.text,
        former=former,
        leader=title.is_leader,
    )


def _title_tokens(doc: Doc, lex: TitleLexicon) -> list[int]:
    """Indices of tokens that may head a descriptor, read off the LOWER array (no Token objects)."""
    strings = doc.vocab.strings
    lower = doc.to_array("LOWER")
    seen: dict[int, bool] = {}
    found = []
    for i, key in enumerate(lower):
        hit = seen.get(key)
        if hit is None:
            hit = seen[key] = lex.is_title_word(strings[key])
        if hit:
            found.append(i)
    return found


def _introduces_name(head: Token) -> bool:
    """ "the U.S. president Donald Trump", "the president, Donald Trump,": a title for a name."""
    doc = head.doc
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children):
        return True
    following = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if following is not None and following.ent_type_ == "PERSON":
        return True
    if following is not None and following.text == "," and head.i + 2 < len(doc):
        return doc[head.i + 2].ent_type_ == "PERSON" and doc[head.i + 2].dep_ == "appos"
    return False


def _descriptor_start(head: Token, gaz: Gazetteer) -> int | None:
    """Where the descriptor opens: its "the", or a possessive state ("America's president").
    Another possessor ("BBC's head", "the regime's leader") makes it no descriptor."""
    doc = head.doc
    for back in range(head.i - 1, max(head.sent.start, head.i - _MAX_MODIFIERS) - 1, -1):
        word = doc[back]
        if word.lower_ == "the":
            return back
        if word.text in {"'s", "’s"}:
            if back == 0 or doc[back - 1].ent_type_ not in {"GPE", "ORG", "FAC"}:
                return None
            start = back - 1
            while start > 0 and doc[start - 1].ent_iob_ == "I":
                start -= 1
            name = doc[start:back].text
            return start if gaz.country(name) or metonym_country(name) else None
        if word.pos_ not in {"ADJ", "PROPN", "NOUN", "PUNCT", "PART"} and word.text != ".":
            return None
    return None


def _country_in(doc: Doc, start: int, head: Token, gaz: Gazetteer) -> str | None:
    """The state a descriptor names: a nationality, a seat of government or a country."""
    for ent in doc[start : head.i].ents:
        name = ent.text.removesuffix("'s").removesuffix("’s")
        if country := gaz.demonym(name) or metonym_country(name):
            return country
        if (found := gaz.country(name)) is not None:
            return found.iso3
    for token in doc[start : head.i]:
        if country := gaz.demonym(token.text) or metonym_country(token.text):
            return country
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is not None and (found := gaz.country(obj.text)) is not None:
        return found.iso3
    return None


def _antecedent(
    people: list[ActorEntity], head: Token, title: Title, country: str | None, former: bool
) -> ActorEntity | None:
    best: tuple[int, ActorEntity] | None = None
    for person in people:
        latest = person.mentioned_before(head.i)
        if latest is None or (best is not None and latest <= best[0]):
            continue
        if any(_fits(role, title, country, former, person) for role in person.roles):
            best = (latest, person)
    return best[1] if best else None


def _fits(
    role: RoleMention, title: Title, country: str | None, former: bool, person: ActorEntity
) -> bool:
    if role.former != former:
        return False
    if country is not None and country not in {role.country, person.country}:
        return False
    if title.words in _BARE_GENERIC:
        return role.leader or role.head == title.head
    if role.head != title.head or role.leader != title.is_leader:
        return False
    # "the foreign minister" is not "the defence minister": modified titles must agree.
    return len(title.words) == 1 or _title_of(role) in {None, title.words}


def _title_of(role: RoleMention) -> tuple[str, ...] | None:
    found = titles().find_last(role.title.split())
    return found[2].words if found is not None else None


def actor_at(doc: Doc, token_index: int) -> ActorEntity | None:
    """The actor one of whose mentions covers token ``token_index``."""
    actors: list[ActorEntity] = doc._.actors or []
    return next(
        (a for a in actors if any(m.start <= token_index < m.end for m in a.mentions)), None
    )


def group_antecedents(doc: Doc, token_index: int) -> list[ActorEntity]:
    """The actors a plural reference stands for: "the two leaders", "both sides", "the trio".

    ``token_index`` is any token of the phrase. People ("leaders", "men",
    "presidents") resolve to the persons mentioned most recently before it,
    preferring heads of state or government for "leaders"; "sides",
    "countries" and "governments" to the states mentioned most recently (else
    the persons). The count comes from "two", "both", "pair", "three", "trio" …
    (two when none is given). An empty list when nothing fits.
    """
    head = _group_head(doc[token_index])
    count = _group_count(head)
    lemma = head.lemma_.lower()
    actors: list[ActorEntity] = doc._.actors or []
    people = _latest(actors, head.i, {ActorKind.PERSON})
    if lemma in _GROUP_STATES:
        states = _latest(actors, head.i, {ActorKind.COUNTRY})
        return states[:count] if len(states) >= count else people[:count]
    if lemma in _GROUP_PEOPLE:
        if lemma == "leader":
            leaders = [p for p in people if any(r.leader for r in p.roles)]
            if len(leaders) >= count:
                return leaders[:count]
        return people[:count]
    return []


def _group_head(token: Token) -> Token:
    """The noun of the phrase: "leaders" for "two" in "the two leaders"."""
    if token.pos_ in {"DET", "NUM", "PRON"} and token.head.pos_ in {"NOUN", "PROPN"}:
        return token.head
    return token


def _group_count(head: Token) -> int:
    if head.lemma_.lower() in _COUNTS:
        return _COUNTS[head.lemma_.lower()]
    for child in head.children:
        if child.lower_ in _COUNTS:
            return _COUNTS[child.lower_]
    return 2


def _latest(actors: list[ActorEntity], before: int, kinds: set[ActorKind]) -> list[ActorEntity]:
    """Actors of these kinds mentioned before token ``before``, latest first."""
    found = [
        (latest, actor)
        for actor in actors
        if actor.kind in kinds
        if (latest := actor.mentioned_before(before)) is not None
    ]
    return [actor for _, actor in sorted(found, key=lambda pair: -pair[0])]
