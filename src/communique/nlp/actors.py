"""Actors: people, organisations and states, with roles and every mention.

People are clustered within the article by name ("Vladimir Putin", "Putin",
"Mr Putin"); titles come from :mod:`communique.nlp.roles`; descriptors such as
"the U.S. president" are resolved by :mod:`communique.nlp.coref`. States are
actors through their names, seats of government ("the Kremlin") and capitals
used as subjects ("Moscow and Washington").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from communique.knowledge.gazetteer import Gazetteer, fold, gazetteer
from communique.knowledge.metonyms import metonym_country
from communique.knowledge.registry import KnownPerson, Registry, registry
from communique.knowledge.titles import TitleLexicon, titles
from communique.nlp import coref
from communique.nlp.roles import RoleMention, apposition_roles, premodifier_role
from communique.records import ActorKind, MentionKind

HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "madam", "mme", "m."})
# Platforms are channels of speech, not actors.
PLATFORMS = frozenset({"x", "twitter", "telegram", "truth social", "facebook", "instagram", "tiktok", "youtube", "whatsapp", "weibo", "wechat", "vkontakte", "vk", "bluesky", "threads"})
_CAPITAL_ROLES = frozenset({"nsubj", "nsubjpass", "agent", "dobj"})
_CAPITAL_PREPOSITIONS = frozenset({"between", "with", "and", "by"})


@dataclass(slots=True)
class ActorMention:
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    kind: MentionKind = MentionKind.NAME


@dataclass(slots=True)
class ActorEntity:
    key: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    roles: list[RoleMention] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    kb_id: str | None = None
    tokens: tuple[str, ...] = ()

    def add(self, mention: ActorMention) -> None:
        if all(m.start != mention.start or m.end != mention.end for m in self.mentions):
            self.mentions.append(mention)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else 0


@Language.component(
    "communique_actors",
    requires=["doc.ents", "token.dep", "doc._.places"],
    assigns=["doc._.actors"],
)
def find_actors(doc: Doc) -> Doc:
    lex, gaz = titles(), gazetteer()
    people = _people(doc, lex, gaz)
    claimed = {(m.start, m.end) for person in people for m in person.mentions}
    states = _states(doc, gaz)
    organisations = _organisations(doc, gaz, claimed)
    actors = people + states + organisations
    known = registry()
    for person in people:
        _settle_person(person, known, doc._.published)
    coref.resolve_descriptors(doc, people, lex, gaz)
    doc._.actors = sorted(actors, key=lambda actor: actor.first)
    return doc


def name_tokens(ent: Span, lex: TitleLexicon) -> list[str]:
    """The name inside a PERSON entity, without honorifics, titles or a possessive."""
    words = [token.text for token in ent if not token.is_punct or token.text in {".", "-"}]
    while words and words[-1] in {"'s", "’s", "'", "’"}:
        words.pop()
    while words and (words[0].lower() in HONORIFICS or lex.is_title_word(words[0])):
        words.pop(0)
    return [w for w in words if w not in {".", "-"}]


def _people(doc: Doc, lex: TitleLexicon, gaz: Gazetteer) -> list[ActorEntity]:
    people: list[ActorEntity] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        words = name_tokens(ent, lex)
        if not words or not words[-1][:1].isupper():
            continue
        person = _cluster_for(people, words)
        if person is None:
            person = ActorEntity(key="", name=" ".join(words), kind=ActorKind.PERSON, tokens=tuple(fold(w) for w in words))
            people.append(person)
        elif len(words) > len(person.tokens):
            person.name, person.tokens = " ".join(words), tuple(fold(w) for w in words)
        person.add(ActorMention(ent.start, ent.end, ent.start_char, ent.end_char, ent.text))
        if role := premodifier_role(doc, ent, lex, gaz):
            person.roles.append(role)
        person.roles.extend(apposition_roles(doc, ent, lex, gaz))
    _recover_mislabelled(doc, people)
    for person in people:
        person.key = "person:" + "-".join(person.tokens)
    return people


def _cluster_for(people: list[ActorEntity], words: list[str]) -> ActorEntity | None:
    """The person a name refers to: same full name, else the latest sharing the word."""
    folded = tuple(fold(w) for w in words)
    for person in people:
        if person.tokens == folded or (len(folded) > 1 and set(person.tokens) <= set(folded) and person.tokens[-1] == folded[-1]):
            return person
    if len(folded) > 1:
        return None
    for person in sorted(people, key=lambda p: p.mentions[-1].start if p.mentions else 0, reverse=True):
        if folded[0] in person.tokens:
            return person
    return None


def _recover_mislabelled(doc: Doc, people: list[ActorEntity]) -> None:
    """Known surnames the model tagged as ORG/GPE/NORP ("Trump" as ORG) are the person."""
    surnames = {person.tokens[-1]: person for person in people if len(person.tokens) > 1}
    for ent in doc.ents:
        if ent.label_ in {"ORG", "GPE", "NORP"} and len(ent) <= 2:
            key = fold(ent.text.removesuffix("'s").removesuffix("’s"))
            if key in surnames:
                surnames[key].add(ActorMention(ent.start, ent.end, ent.start_char, ent.end_char, ent.text))


def _states(doc: Doc, gaz: Gazetteer) -> list[ActorEntity]:
    states: dict[str, ActorEntity] = {}

    def state(iso3: str) -> ActorEntity | None:
        country = gaz.country_by_code(iso3)
        if country is None:
            return None
        return states.setdefault(
            iso3,
            ActorEntity(key=f"country:{iso3}", name=country.name, kind=ActorKind.COUNTRY, country=iso3, sector="GOV"),
        )

    for ent in doc.ents:
        text = ent.text.removesuffix("'s").removesuffix("’s")
        mention = ActorMention(ent.start, ent.end, ent.start_char, ent.end_char, ent.text)
        if ent.label_ == "GPE" and (country := gaz.country(text)) is not None:
            if found := state(country.iso3):
                found.add(mention)
        elif ent.label_ in {"ORG", "FAC", "GPE"} and (iso3 := metonym_country(text)):
            if found := state(iso3):
                mention.kind = MentionKind.METONYM
                found.add(mention)
        elif ent.label_ == "GPE" and (iso3 := _capital_as_government(ent, gaz)):
            if found := state(iso3):
                mention.kind = MentionKind.METONYM
                found.add(mention)
    return list(states.values())


def _capital_as_government(ent: Span, gaz: Gazetteer) -> str | None:
    """ISO3 when a capital city acts as its government ("Moscow said", "between Moscow and Washington")."""
    cities = gaz.cities(ent.text)
    if not cities:
        return None
    capital_of = next(
        (c.iso3 for c in (gaz.country_by_code(city.country) for city in cities[:1]) if c and fold(c.capital) == fold(ent.text)),
        None,
    )
    if capital_of is None:
        return None
    root = ent.root
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ in _CAPITAL_ROLES:
        return capital_of
    if root.dep_ == "pobj" and root.head.lower_ in _CAPITAL_PREPOSITIONS:
        return capital_of
    return None


def _organisations(doc: Doc, gaz: Gazetteer, claimed: set[tuple[int, int]]) -> list[ActorEntity]:
    organisations: dict[str, ActorEntity] = {}
    abbreviations: dict[str, str] = {}
    headings = _heading_tokens(doc)
    for ent in doc.ents:
        if ent.label_ != "ORG" or (ent.start, ent.end) in claimed:
            continue
        text = ent.text.removesuffix("'s").removesuffix("’s").rstrip(".")
        if metonym_country(text) or gaz.country(text) or fold(text) in PLATFORMS:
            continue
        if ent.start in headings and registry().organization(text) is None:
            continue
        if text.lower().startswith("the "):
            text = text[4:]
        key = fold(text)
        key = abbreviations.get(key, key)
        org = organisations.get(key)
        if org is None:
            org = organisations[key] = ActorEntity(key=f"org:{key}", name=text, kind=ActorKind.ORGANIZATION)
            if (known := registry().organization(text)) is not None:
                org.kb_id, org.country, org.sector = known.kb_id, known.country, known.sector
                org.kind = ActorKind.GROUP if known.kind == "group" else ActorKind.ORGANIZATION
        org.add(ActorMention(ent.start, ent.end, ent.start_char, ent.end_char, ent.text))
        if abbreviation := _abbreviation_after(ent):
            abbreviations[fold(abbreviation)] = key
            organisations.pop(fold(abbreviation), None)
    return list(organisations.values())


def _heading_tokens(doc: Doc) -> set[int]:
    """Tokens of one-line blocks without a full stop: headlines, where the model guesses names badly."""
    tokens: set[int] = set()
    for sent in doc.sents:
        text = sent.text.strip()
        if text and not text.endswith((".", "!", "?", "”", '"', ":")) and len(sent) <= 16:
            tokens.update(range(sent.start, sent.end))
    return tokens


def _abbreviation_after(ent: Span) -> str | None:
    """"Russian Direct Investment Fund (RDIF)": the abbreviation introduced in parentheses."""
    doc = ent.doc
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
        candidate = doc[ent.end + 1].text
        if candidate.isupper() and 2 <= len(candidate) <= 8:
            return candidate
    return None


def _settle_person(person: ActorEntity, known: Registry, published: str | None) -> None:
    """Country and sector from the roles the text gives, then from the knowledge table."""
    current = [role for role in person.roles if not role.former]
    for role in current or person.roles:
        if person.country is None and role.country:
            person.country = role.country
        if person.sector is None:
            person.sector = "ELI" if role.former else role.sector
    match = _known(person, known, published)
    if match is None:
        return
    person.kb_id = match.kb_id
    if len(person.tokens) == 1:
        person.name = match.name
        person.tokens = tuple(fold(w) for w in match.name.split())
    office = match.office_on(published)
    if office is None:
        return
    if person.country is None:
        person.country = office.country
    if person.sector is None:
        person.sector = office.sector if office.held_on(published) else "ELI"
    if not person.roles and office.held_on(published):
        person.roles.append(
            RoleMention(
                title=office.title, head=office.title.split()[-1].lower(), sector=office.sector,
                country=office.country, start_char=-1, end_char=-1, text="", organization=office.organization,
            )
        )


def _known(person: ActorEntity, known: Registry, published: str | None) -> KnownPerson | None:
    """The known person this cluster is: by full name, else by a surname only one office holder has."""
    if len(person.tokens) > 1 and (match := known.person(person.name)) is not None:
        return match
    surname = person.tokens[-1]
    candidates = [p for p in known.person_by_word(surname) if p.surname == surname or len(person.tokens) == 1]
    if len(person.tokens) > 1:
        candidates = [p for p in candidates if fold(p.name).split()[0][:1] == person.tokens[0][:1]]
    current = [p for p in candidates if (office := p.office_on(published)) is not None and office.held_on(published)]
    pool = current or candidates
    return pool[0] if len({p.kb_id for p in pool}) == 1 else None
