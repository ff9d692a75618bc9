"""Decide each person's country, sector and knowledge-table identity.

Evidence, strongest first (the article wins over the table, the table over
guesses from context):

1. what the text says about the person's own office: "Russian President",
   "Ukraine's ambassador", "White House spokesperson", "Elon Musk of Tesla"
   (ranks 1–2 of :mod:`communique.nlp.phrases`);
2. the office-holder table as of the publication date;
3. weaker text evidence: a place in the title phrase ("mayor of Istanbul"), a
   relative clause ("who led the White House's efforts");
4. the superior: "Putin's aide" serves Putin's country;
5. the countries the person's paragraph talks about, else the article.

A person whose every office the text calls former, or whose table office has
ended by the publication date, is sector ``ELI``.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from communique.knowledge.gazetteer import fold, gazetteer
from communique.knowledge.metonyms import metonym_country
from communique.knowledge.registry import KnownPerson, Office, Registry
from communique.knowledge.titles import titles
from communique.nlp.actor_entity import ActorEntity
from communique.nlp.roles import RoleMention

_STRONG = 2
_WEAK = 4
_BOSS_RANK = 3
_CONTEXT_RANK = 5
_PUBLIC_SECTORS = frozenset({"GOV", "MIL", "IGO", "LEG", "JUD", "PTY", "OPP", "REB", "COP", "SPY"})


def settle_people(
    doc: Doc, people: list[ActorEntity], known: Registry, published: str | None
) -> list[ActorEntity]:
    """The people with kb ids, countries and sectors; people the table shows are one are merged."""
    matches = {id(person): _known(person, known, published) for person in people}
    people = _merge_same_person(people, matches)
    ranks: dict[int, int] = {}
    for person in people:
        match = matches.get(id(person))
        ranks[id(person)] = _decide(person, match, published)
    _from_bosses(people, ranks)
    context = CountryContext(doc)
    for person in people:
        if person.country is None and person.mentions:
            person.country = context.near(min(m.start_char for m in person.mentions))
            ranks[id(person)] = _CONTEXT_RANK
    return people


def _known(person: ActorEntity, known: Registry, published: str | None) -> KnownPerson | None:
    """The known person this cluster is: by full name, by spelling, else by a surname
    only one office holder (preferably one in office) has."""
    if len(person.tokens) > 1:
        match = known.person(person.name) or known.closest_person(person.name)
        if match is not None:
            return match
    surname = person.tokens[-1]
    candidates = [p for p in known.person_by_word(surname) if surname in p.surnames]
    if len(person.tokens) > 1:
        # "Sergei Lavrov" for "Sergey Lavrov": same surname, same first initial.
        candidates = [p for p in candidates if _same_initial_and_surname(person.tokens, p)]
    current = [p for p in candidates if p.in_office(published)]
    pool = current or candidates
    return pool[0] if len({p.kb_id for p in pool}) == 1 else None


def _same_initial_and_surname(tokens: tuple[str, ...], candidate: KnownPerson) -> bool:
    words = fold(candidate.name).split()
    return words[-1] == tokens[-1] and words[0][:1] == tokens[0][:1]


def _merge_same_person(
    people: list[ActorEntity], matches: dict[int, KnownPerson | None]
) -> list[ActorEntity]:
    """Clusters the table resolves to one person ("Zelenskyy", "Zelensky") become one."""
    by_kb: dict[str, ActorEntity] = {}
    kept = []
    for person in sorted(people, key=lambda p: p.first):
        match = matches.get(id(person))
        if match is None:
            kept.append(person)
            continue
        first = by_kb.get(match.kb_id)
        if first is None:
            by_kb[match.kb_id] = person
            kept.append(person)
            continue
        for mention in person.mentions:
            first.add(mention)
        first.roles.extend(person.roles)
        first.affiliations.extend(person.affiliations)
        if len(person.tokens) > len(first.tokens):
            first.name, first.tokens = person.name, person.tokens
    return kept


def _decide(person: ActorEntity, match: KnownPerson | None, published: str | None) -> int:
    """Set country, sector, kb id and a knowledge role; the rank of the country evidence."""
    ranked = sorted(
        [(r.rank, i, r.country) for i, r in enumerate(_current_first(person.roles)) if r.country]
        + [(a.rank, 50 + i, a.country) for i, a in enumerate(person.affiliations) if a.country]
    )
    rank = 9
    if ranked and ranked[0][0] <= _STRONG:
        rank, _, person.country = ranked[0]
    office = match.office_on(published) if match is not None else None
    if match is not None:
        person.kb_id = match.kb_id
        if len(person.tokens) == 1:
            person.name, person.tokens = match.name, tuple(fold(match.name).split())
            person.key = "person:" + "-".join(person.tokens)
        if person.country is None and (office or match).country:
            person.country, rank = (office.country if office else None) or match.country, _STRONG
    if person.country is None and ranked and ranked[0][0] <= _WEAK:
        rank, _, person.country = ranked[0]
    person.sector = _sector(person, match, published)
    if office is not None and not any(r.head == _head(office.title) for r in person.roles):
        person.roles.append(_knowledge_role(office.title, office, published))
    return rank


def _head(title: str) -> str:
    found = titles().find_last(title.split())
    if found is not None:
        return found[2].head
    return title.split()[-1].lower() if title else ""


def _leader(title: str) -> bool:
    found = titles().find_last(title.split())
    return found is not None and found[2].is_leader


def _current_first(roles: list[RoleMention]) -> list[RoleMention]:
    return [r for r in roles if not r.former] + [r for r in roles if r.former]


def _sector(person: ActorEntity, match: KnownPerson | None, published: str | None) -> str | None:
    """The sector of the current office (the text's, else the table's); ELI when all are past."""
    current = [role for role in person.roles if not role.former]
    official = [role for role in current if role.sector in _PUBLIC_SECTORS]
    if official:
        return official[0].sector
    office = match.office_on(published) if match is not None else None
    if office is not None and office.held_on(published):
        return office.sector  # a chancellor the text calls "a corporate lawyer" is still GOV
    if current:
        return current[0].sector
    if person.roles or office is not None:
        return "ELI"
    return next((a.sector for a in person.affiliations if a.sector), None)


def _knowledge_role(title: str, office: Office, published: str | None) -> RoleMention:
    former = not office.held_on(published)
    return RoleMention(
        title=f"former {title}" if former else title,
        head=_head(title),
        sector="ELI" if former else office.sector,
        country=office.country,
        start_char=-1,
        end_char=-1,
        text="",
        organization=office.organization,
        former=former,
        leader=_leader(title),
    )


def _from_bosses(people: list[ActorEntity], ranks: dict[int, int]) -> None:
    """ "Putin's aide Yury Ushakov": an aide without a country of his own serves the boss's."""
    for person in people:
        if ranks.get(id(person), 9) <= _STRONG:
            continue
        bosses = [r.boss for r in person.roles if r.boss] + [
            a.boss for a in person.affiliations if a.boss
        ]
        for boss in bosses:
            surname = fold(boss).split()[-1] if fold(boss) else ""
            superior = next((p for p in people if p is not person and surname in p.tokens), None)
            if superior is not None and superior.country:
                person.country = superior.country
                ranks[id(person)] = _BOSS_RANK
                break


class CountryContext:
    """Countries the article names, for people the text gives no country: the person's
    sentence first (the nearest mention before the name, else after it), then the
    sentence before, then the paragraph's most named country, then the article's."""

    def __init__(self, doc: Doc) -> None:
        self.mentions = [(ent.start_char, iso3) for ent in doc.ents if (iso3 := _country_of(ent))]
        # Within a sentence a nationality or a possessive ("Chinese diplomats", "Bolivia's
        # election") says more about the people in it than a place they are in or go to.
        self.strong = {ent.start_char for ent in doc.ents if _describes(ent)}
        self.sentences = [(sent.start_char, sent.end_char) for sent in doc.sents]
        self.breaks = [i for i, ch in enumerate(doc.text) if ch == "\n"]

    def near(self, char: int) -> str | None:
        number = next((i for i, (s, e) in enumerate(self.sentences) if s <= char < e), None)
        if number is not None:
            start, end = self.sentences[number]
            inside = [(c, iso3) for c, iso3 in self.mentions if start <= c < end]
            if any(c in self.strong for c, _ in inside):
                inside = [(c, iso3) for c, iso3 in inside if c in self.strong]
            before = [iso3 for c, iso3 in inside if c < char]
            after = [iso3 for c, iso3 in inside if c >= char]
            if before or after:
                return before[-1] if before else after[0]
            paragraph_start = max((b for b in self.breaks if b < char), default=-1)
            if number > 0 and self.sentences[number - 1][0] > paragraph_start:
                previous = [
                    iso3 for c, iso3 in self.mentions if self.sentences[number - 1][0] <= c < start
                ]
                if previous:
                    return previous[-1]
        start = max((b for b in self.breaks if b < char), default=-1)
        end = min((b for b in self.breaks if b > char), default=10**12)
        local = [(c, iso3) for c, iso3 in self.mentions if start < c < end]
        return _most_common(local, char) or _most_common(self.mentions, char)


def _describes(ent: Span) -> bool:
    doc = ent.doc
    return ent.label_ == "NORP" or (ent.end < len(doc) and doc[ent.end].text in {"'s", "’s"})


def _country_of(ent: Span) -> str | None:
    """The country an entity names or lies in: a state, a nationality, a seat of government,
    a region or a city."""
    gaz = gazetteer()
    text = ent.text.removesuffix("'s").removesuffix("’s")
    if ent.label_ == "NORP":
        return gaz.demonym(text)
    if ent.label_ in {"ORG", "FAC"}:
        return metonym_country(text)
    if ent.label_ not in {"GPE", "LOC"}:
        return None
    if (region := gaz.region(text)) is not None:
        return region.country
    if (country := gaz.country(text)) is not None:
        return country.iso3
    cities = gaz.primary_cities(text)
    return cities[0].country if cities else None


def _most_common(mentions: list[tuple[int, str]], char: int) -> str | None:
    if not mentions:
        return None
    counts = Counter(iso3 for _, iso3 in mentions)
    top = max(counts.values())
    tied = {iso3 for iso3, n in counts.items() if n == top}
    before = [(c, iso3) for c, iso3 in mentions if iso3 in tied and c <= char]
    if before:
        return max(before)[1]
    return min((c, iso3) for c, iso3 in mentions if iso3 in tied)[1]
