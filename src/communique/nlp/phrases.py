"""Which country, organisation or superior a phrase around a name points to.

A title phrase may name several countries; the one it is *about* ranks first:

1. a possessive or a nationality on the title: "Ukraine's ambassador to the
   US", "Russian President";
2. an organisation the tables know, a seat of government, or a country used
   as a modifier: "CIA China analyst", "White House spokesperson", "US
   Secretary of State";
3. a place after "of", "at", "in" or "from": "mayor of Istanbul", "Jawaharlal
   Nehru University in Delhi".

A country after "to", "for", "on", "with" or "against" is where the office
points, not whom it serves ("ambassador to India", "envoy for Ukraine",
"expert on China"), and is skipped. A person in the phrase is the superior
("Putin's aide", "adviser to Mr Trump").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from communique.knowledge.gazetteer import Gazetteer
from communique.knowledge.metonyms import metonym_country
from communique.knowledge.registry import registry

_POINTING = frozenset({"to", "for", "on", "with", "against", "about", "toward", "towards", "into"})
_PLACE_PREPOSITIONS = frozenset({"of", "at", "in", "from"})
# Words in an organisation's name that make it civil society or academia.
_CIVIL_WORDS = frozenset(
    {"university", "institute", "endowment", "foundation", "think-tank", "centre", "center"}
    | {"college", "school", "council", "institution", "society"}
)
_BUSINESS_WORDS = frozenset({"group", "partners", "capital", "inc", "corp", "ltd", "plc"})
_NO_RANK = 9


@dataclass(frozen=True, slots=True)
class Evidence:
    country: str | None = None
    rank: int = _NO_RANK
    organization: str | None = None
    sector: str | None = None
    boss: str | None = None


class PhraseReader:
    def __init__(self, doc: Doc, gaz: Gazetteer) -> None:
        self.doc = doc
        self.gaz = gaz
        self.ent_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}

    def country(self, span: Span) -> Evidence:
        """The best-ranked country evidence in ``span``, with organisation and superior."""
        best = Evidence()
        boss = organization = sector = None
        seen: set[int] = set()
        for token in span:
            if token.i in seen:
                continue
            ent = self.ent_at.get(token.i)
            if ent is not None:
                seen.update(range(ent.start, ent.end))
                if ent.label_ == "PERSON":
                    if _possessor(ent):
                        boss = boss or _strip_possessive(ent.text)
                    continue
                found = self._entity(ent)
            else:
                found = self._word(token)
            if found is None:
                continue
            if found.organization and organization is None:
                organization, sector = found.organization, found.sector
            if found.country and found.rank < best.rank:
                best = found
        if sector in {None, "BUS"} and _civil(span.text):
            sector = "CVL"  # "…, a think-tank in Brussels" says what the body is
        return Evidence(
            country=best.country,
            rank=best.rank,
            organization=organization,
            sector=sector,
            boss=boss or self._boss_after_to(span),
        )

    def countries_in_order(self, span: Span) -> list[str]:
        """Every country the phrase names, left to right ("the US and Russian presidents")."""
        found: list[str] = []
        seen: set[int] = set()
        for token in span:
            if token.i in seen:
                continue
            ent = self.ent_at.get(token.i)
            if ent is not None:
                seen.update(range(ent.start, ent.end))
                evidence = self._entity(ent) if ent.label_ != "PERSON" else None
            else:
                evidence = self._word(token)
            if evidence is not None and evidence.country:
                found.append(evidence.country)
        return found

    def _entity(self, ent: Span) -> Evidence | None:
        text = _strip_possessive(ent.text)
        preposition = _governing_preposition(ent)
        if preposition in _POINTING:
            return None
        possessive = ent.end < len(self.doc) and self.doc[ent.end].text in {"'s", "’s"}
        placed = preposition in _PLACE_PREPOSITIONS
        if (country := self.gaz.country(text)) is not None:
            return Evidence(country.iso3, 1 if possessive else 3 if placed else 2)
        if (iso3 := self.gaz.demonym(text)) is not None:
            return Evidence(iso3, 1)
        if (iso3 := metonym_country(text)) is not None:
            return Evidence(iso3, 1 if possessive else 2, organization=text, sector="GOV")
        if ent.label_ == "ORG":
            return self._organization(ent, text, possessive)
        return self._place(text, 3 if placed or possessive else _NO_RANK)

    def _organization(self, ent: Span, text: str, possessive: bool) -> Evidence | None:
        known = registry().organization(text)
        if known is not None:
            rank = 1 if possessive else 2
            return Evidence(
                known.country, rank if known.country else _NO_RANK, known.name, known.sector
            )
        words = {token.lower_ for token in ent}
        sector = "CVL" if _civil(ent.text) else "BUS" if words & _BUSINESS_WORDS else None
        inner = next((e for e in (self._word(t) for t in ent) if e is not None and e.country), None)
        return Evidence(inner.country if inner else None, 3 if inner else _NO_RANK, text, sector)

    def _place(self, text: str, rank: int) -> Evidence | None:
        region = self.gaz.region(text)
        if region is not None and region.country:
            return Evidence(region.country, rank)
        cities = self.gaz.primary_cities(text)
        if cities:
            return Evidence(cities[0].country, rank)
        return None

    def _word(self, token: Token) -> Evidence | None:
        """A nationality or country the model did not tag ("a Chinese vice premier")."""
        if not token.is_alpha or not token.text[:1].isupper():
            return None
        if (iso3 := self.gaz.demonym(token.text)) is not None:
            return Evidence(iso3, 1)
        if (country := self.gaz.country(token.text)) is not None:
            return Evidence(country.iso3, 2)
        return None

    def _boss_after_to(self, span: Span) -> str | None:
        """ "a former adviser to Mr Trump": the person an aide serves."""
        for token in span:
            if token.lower_ == "to":
                obj = next((c for c in token.children if c.dep_ == "pobj"), None)
                ent = self.ent_at.get(obj.i) if obj is not None else None
                if ent is not None and ent.label_ == "PERSON":
                    return _strip_possessive(ent.text)
        return None


def _civil(text: str) -> bool:
    lowered = text.lower().replace("-", " ")
    return "think tank" in lowered or any(word in _CIVIL_WORDS for word in lowered.split())


def _possessor(ent: Span) -> bool:
    """ "Putin's aide", "Trump envoy": a person the title belongs to, not a coordinated name."""
    doc = ent.doc
    return (ent.end < len(doc) and doc[ent.end].text in {"'s", "’s"}) or ent.root.dep_ in {
        "compound",
        "poss",
    }


def _governing_preposition(ent: Span) -> str | None:
    """The preposition whose object the entity is ("ambassador *to* the US")."""
    token = ent.root
    for _ in range(3):
        if token.dep_ == "pobj":
            return token.head.lower_
        if token.dep_ not in {"compound", "conj", "appos", "nmod"} or token.head.i == token.i:
            return None
        token = token.head
    return None


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text.strip()
