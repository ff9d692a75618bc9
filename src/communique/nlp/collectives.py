"""Collectives as actors: groups named by a common noun, and regions that act.

News names many actors with no proper name: "Ukrainian troops", "Jihadists in
Mali", "European leaders", "protesters", "Mexican police". Their head noun is a
collective of ``collectives.csv`` and gives the PLOVER sector; what qualifies it
gives the country (a nationality, a country modifier, a possessive, "in"/"of"/
"from" a place) or a bloc (``blocs.csv``: "European", "Western"). By the noun's
kind:

* ``own``: a group actor (kind ``group``) with that country or none;
* ``state``: with a country, a descriptor mention of the state itself ("the
  Thai government", "Turkish prosecutors"); with a bloc, a group;
* ``bloc``: a group only with a bloc ("European leaders").

A region that acts as a subject, object or party ("accusing *Europe* of …",
"talks between *the West* and Iran") is a group too. A noun that a person, an
organisation or several countries qualify ("Hamas fighters", "Thai and
Cambodian troops") is left to those actors; "the jihadists" later in the text
is the group named before with the same noun. Mentions of common nouns are
descriptors, so the named-entity benchmarks do not count them as names.

A group that nothing places ("protesters", "the army", "civilians") is
:func:`unplaced`: it may speak a quote, but events leave it out, since an act
of or on "soldiers" of no known side is background, not a codable event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from communique.knowledge.collectives import CollectiveKind, CollectiveNoun, Collectives
from communique.knowledge.gazetteer import Gazetteer, fold, gazetteer
from communique.nlp.actor_entity import ActorEntity, ActorMention
from communique.nlp.states import acts
from communique.records import ActorKind, MentionKind

_NOUNS = frozenset({"NOUN", "PROPN"})
_MODIFIERS = frozenset({"amod", "compound", "nmod"})
_PLACE_PREPOSITIONS = frozenset({"in", "of", "from"})
# Singular nouns that name a whole body: "the army", "the opposition"; other singulars
# ("a soldier") need a country to be an actor.
_MASS = frozenset({"army", "military", "police", "navy", "opposition", "media", "junta", "crowd"})
# The key of a group no country or region qualifies ("protesters", "the army").
_UNPLACED = "-:"
_REGION_LABELS = frozenset({"LOC", "GPE"})
_NAMES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
# Words before a collective that count it rather than name it: "several European leaders".
_COUNTING = frozenset({"det", "nummod", "predet", "quantmod", "punct", "poss", "case"})
_QUANTIFIERS = frozenset(
    {"several", "many", "some", "other", "few", "various", "numerous", "most", "all", "both"}
    | {"dozens", "hundreds", "thousands", "more", "fewer", "such", "certain"}
)


@dataclass(slots=True)
class Qualifier:
    """What qualifies a collective noun, and the tokens that name it."""

    countries: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    blocked: bool = False
    start: int = 0
    end: int = 0


def find_collectives(
    doc: Doc, gaz: Gazetteer, lex: Collectives, actors: list[ActorEntity]
) -> list[ActorEntity]:
    """Group actors of the Doc; institutions of a state become mentions of that state."""
    claimed = {i: actor for actor in actors for m in actor.mentions for i in range(m.start, m.end)}
    states = {a.country: a for a in actors if a.kind == ActorKind.COUNTRY and a.country}
    found = _Groups(doc)
    for ent in doc.ents:
        region = _acting_region(ent, gaz, lex, claimed)
        if region is not None:
            found.add(
                f"region:{fold(region)}", region, None, "GOV", _mention(ent, MentionKind.METONYM)
            )
    for token in doc:
        if token.i in claimed or token.pos_ not in _NOUNS or token.dep_ == "compound":
            continue
        noun = lex.noun(token.text, token.lemma_)
        if noun is not None:
            qualifier = _qualify(token, gaz, lex, claimed)
            _collective(token, noun, qualifier, found, states, claimed)
    return found.actors() + [s for s in states.values() if all(s is not a for a in actors)]


class _Groups:
    """The group actors found so far, by key, and the latest for each noun."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_key: dict[str, ActorEntity] = {}
        self.latest: dict[str, ActorEntity] = {}

    def add(
        self, key: str, name: str, country: str | None, sector: str, mention: ActorMention
    ) -> ActorEntity:
        group = self.by_key.get(key)
        if group is None:
            group = ActorEntity(
                key=f"group:{key}", name=name, kind=ActorKind.GROUP, country=country, sector=sector
            )
            self.by_key[key] = group
        group.add(mention)
        return group

    def actors(self) -> list[ActorEntity]:
        return list(self.by_key.values())


def _collective(
    token: Token,
    noun: CollectiveNoun,
    qualifier: Qualifier,
    found: _Groups,
    states: dict[str, ActorEntity],
    claimed: dict[int, ActorEntity],
) -> None:
    if qualifier.blocked or len(qualifier.countries) + len(qualifier.regions) > 1:
        return
    doc = token.doc
    country = next(iter(qualifier.countries), None)
    region = next(iter(qualifier.regions), None)
    name = _name(doc[qualifier.start : qualifier.end])
    mention = _mention(doc[_mention_start(token, qualifier, claimed) : token.i + 1])
    if noun.kind == CollectiveKind.STATE and country is not None:
        _state(country, states).add(mention)
        return
    if region is not None:
        group = found.add(f"{fold(region)}:{noun.lemma}", name, None, noun.sector, mention)
    elif noun.kind != CollectiveKind.OWN:
        return
    elif country is not None:
        group = found.add(f"{country}:{noun.lemma}", name, country, noun.sector, mention)
    elif _definite(token) and noun.lemma in found.latest:
        group = found.latest[noun.lemma]  # "the jihadists": the group named before
        group.add(mention)
    elif token.tag_ in {"NNS", "NNPS"} or noun.lemma in _MASS:
        group = found.add(f"{_UNPLACED}{noun.lemma}", name.lower(), None, noun.sector, mention)
    else:
        return
    found.latest[noun.lemma] = group


def unplaced(actor: ActorEntity) -> bool:
    """A group named by a bare common noun ("civilians", "troops", "the terrorists"): it can
    speak, but as an event party it says too little to code and is mostly background."""
    return actor.key.startswith(f"group:{_UNPLACED}")


def _qualify(
    token: Token, gaz: Gazetteer, lex: Collectives, claimed: dict[int, ActorEntity]
) -> Qualifier:
    qualifier = Qualifier(start=token.i, end=token.i + 1)
    for child in token.children:
        if child.dep_ == "poss" and child.tag_ == "PRP$":
            qualifier.blocked = True  # "its companies": whose, the parse does not say
        elif child.dep_ in _MODIFIERS or child.dep_ == "poss":
            for part in [child, *child.conjuncts]:
                _read(part, qualifier, gaz, lex, claimed)
            if child.i < token.i:
                # "the country's army" takes its possessor's words; a modifier only its own
                first = child.left_edge.i if child.dep_ == "poss" else child.i
                qualifier.start = min(qualifier.start, first)
        elif (
            child.dep_ == "prep" and child.lower_ in _PLACE_PREPOSITIONS and child.i == token.i + 1
        ):
            # "Jihadists in Mali", "rebels from Darfur"
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                before = len(qualifier.countries) + len(qualifier.regions)
                _read(pobj, qualifier, gaz, lex, claimed, named_only=True)
                if len(qualifier.countries) + len(qualifier.regions) > before:
                    qualifier.end = pobj.i + 1
    return qualifier


def _read(
    part: Token,
    qualifier: Qualifier,
    gaz: Gazetteer,
    lex: Collectives,
    claimed: dict[int, ActorEntity],
    named_only: bool = False,
) -> None:
    """Add what one modifier says: a country, a bloc, or an actor that owns the group."""
    actor = claimed.get(part.i)
    if actor is not None:
        if actor.kind == ActorKind.COUNTRY and actor.country:
            qualifier.countries.add(actor.country)
        elif not named_only:
            qualifier.blocked = True  # "Hamas fighters", "Trump's allies"
        return
    text = part.text
    if (iso3 := gaz.demonym(text)) is not None:
        qualifier.countries.add(iso3)
    elif (country := gaz.country(text)) is not None and part.pos_ == "PROPN":
        qualifier.countries.add(country.iso3)
    elif (bloc := lex.bloc(text)) is not None:
        qualifier.regions.add(bloc)
    elif (region := gaz.region(text)) is not None and part.pos_ == "PROPN":
        if region.country:
            qualifier.countries.add(region.country)  # "rebels in Darfur"
        elif region.kind == "region":
            qualifier.regions.add(region.name)
    elif part.ent_type_ == "GPE" and (cities := gaz.primary_cities(text)):
        qualifier.countries.add(cities[0].country)  # "Kyiv and European leaders", "police in Lagos"
    elif part.ent_type_ in _NAMES and not named_only:
        qualifier.blocked = True  # a name the tables do not place: whose group, unknown


def _acting_region(
    ent: Span, gaz: Gazetteer, lex: Collectives, claimed: dict[int, ActorEntity]
) -> str | None:
    """A region that acts ("accusing Europe of …", "the West's response") is a group."""
    if ent.label_ not in _REGION_LABELS or any(i in claimed for i in range(ent.start, ent.end)):
        return None
    region = gaz.region(ent.text.removesuffix("'s").removesuffix("’s"))
    if region is None or region.kind != "region" or region.country:
        return None
    root = ent.root
    if root.dep_ == "poss" and root.head.pos_ in _NOUNS and root.head.dep_ != "compound":
        # "Europe's leaders": the region qualifies a collective; "Europe's response": it acts
        return None if lex.noun(root.head.text, root.head.lemma_) else region.name
    return region.name if acts(ent) else None


def _state(iso3: str, states: dict[str, ActorEntity]) -> ActorEntity:
    state = states.get(iso3)
    if state is None:
        country = gazetteer().country_by_code(iso3)
        name = country.name if country is not None else iso3
        state = states[iso3] = ActorEntity(
            key=f"country:{iso3}", name=name, kind=ActorKind.COUNTRY, country=iso3, sector="GOV"
        )
    return state


def _mention_start(token: Token, qualifier: Qualifier, claimed: dict[int, ActorEntity]) -> int:
    """The mention leaves out what another actor's mention already covers ("Mali" in "Mali
    jihadists", "Israel's" in "Israel's army")."""
    doc = token.doc
    start = qualifier.start
    for i in range(qualifier.start, token.i):
        if i in claimed or doc[i].tag_ == "POS":
            start = i + 1
    while start < token.i and (doc[start].dep_ in _COUNTING or doc[start].lower_ in _QUANTIFIERS):
        start += 1
    return start


def _name(span: Span) -> str:
    words = list(span)
    while words and (
        words[0].dep_ in _COUNTING - {"poss", "case"} or words[0].lower_ in _QUANTIFIERS
    ):
        words = words[1:]
    if not words:
        return span.text
    return span.doc[words[0].i : span.end].text


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in token.children)


def _mention(span: Span, kind: MentionKind = MentionKind.DESCRIPTOR) -> ActorMention:
    return ActorMention(span.start, span.end, span.start_char, span.end_char, span.text, kind)
