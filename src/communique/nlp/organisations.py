"""Organisations as actors, matched to the organisations table for country, sector, kb id.

"the Russian Direct Investment Fund (RDIF)" and a later "RDIF" are one actor:
an abbreviation introduced in parentheses joins the name before it. Seats of
government ("the Kremlin") are states (:mod:`communique.nlp.states`), social
platforms are channels of speech, and organisations guessed in headlines are
dropped unless the table knows them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from communique.knowledge.gazetteer import Gazetteer, fold
from communique.knowledge.metonyms import metonym_country
from communique.knowledge.registry import Registry
from communique.knowledge.titles import titles
from communique.nlp.actor_entity import ActorEntity, ActorMention
from communique.nlp.name_context import in_heading
from communique.nlp.name_repairs import NON_PERSONS
from communique.records import ActorKind

# Platforms are channels of speech, not actors.
PLATFORMS = frozenset(
    {"x", "twitter", "telegram", "truth social", "facebook", "instagram", "tiktok", "youtube"}
    | {"whatsapp", "weibo", "wechat", "vkontakte", "vk", "bluesky", "threads"}
)


# Head nouns of organisations and the PLOVER sector they give.
_SECTOR_NOUNS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "MIL",
        frozenset({"army", "navy", "military", "guard", "fleet", "forces", "corps", "brigade"}),
    ),
    ("COP", frozenset({"police", "gendarmerie"})),
    ("JUD", frozenset({"court", "tribunal", "judiciary"})),
    ("LEG", frozenset({"parliament", "senate", "congress", "assembly", "duma", "legislature"})),
    ("PTY", frozenset({"party"})),
    ("GOV", frozenset({"ministry", "department", "government", "cabinet", "presidency", "agency"})),
    ("EDU", frozenset({"university", "college", "school"})),
    ("MED", frozenset({"newspaper", "television", "broadcaster", "news", "radio"})),
    ("BUS", frozenset({"company", "corporation", "bank", "group", "inc", "ltd", "plc"})),
)


def find_organisations(doc: Doc, gaz: Gazetteer, known: Registry) -> list[ActorEntity]:
    organisations: dict[str, ActorEntity] = {}
    abbreviations: dict[str, str] = {}
    text_of_doc = doc.text
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        text = _bare(ent.text)
        if not text or not _organisation_like(ent, text, gaz, known):
            continue
        if known.organization(text) is None and in_heading(text_of_doc, ent):
            continue
        found = known.organization(text)
        own_key = found.kb_id if found is not None else fold(text)
        key = abbreviations.get(fold(text), own_key)
        org = organisations.get(key)
        if org is None:
            org = organisations[key] = _organisation(key, text, known)
            if org.kb_id is None:
                org.country, org.sector = _profile(ent, gaz)
        org.add(ActorMention(ent.start, ent.end, ent.start_char, ent.end_char, ent.text))
        if abbreviation := abbreviation_after(ent):
            abbreviations[fold(abbreviation)] = key
            if (earlier := organisations.pop(fold(abbreviation), None)) is not None:
                for mention in earlier.mentions:
                    org.add(mention)
    return list(organisations.values())


def _organisation_like(ent: Span, text: str, gaz: Gazetteer, known: Registry) -> bool:
    """Whether an ORG entity is an organisation actor: not a state, a place, a platform,
    a nationality, a title word ("Secretary of State" gives "State") or a person."""
    if metonym_country(text):
        return False  # "the Kremlin" acts as the state (see states.py)
    if known.organization(text) is not None:
        return True
    place = gaz.country(text) or gaz.region(text) or _capital(text, gaz)
    if place:
        return False
    if gaz.demonym(text) or fold(text) in PLATFORMS:
        return False
    if not text[:1].isupper() or fold(text) in NON_PERSONS or _in_title(ent):
        return False
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].ent_type_ == "PERSON":
        return False  # "Secretary of the Army Dan Driscoll": the model's cut of a title
    return not (len(ent) == 1 and known.person_by_word(text))


def _in_title(ent: Span) -> bool:
    """ "Secretary of State", "Secretary of the Army": the model's ORG inside a title."""
    doc = ent.doc
    start = ent.start - 1
    if start > 0 and doc[start].lower_ == "the":
        start -= 1
    return start > 0 and doc[start].lower_ == "of" and titles().is_title_word(doc[start - 1].text)


def _capital(text: str, gaz: Gazetteer) -> bool:
    """A capital tagged ORG is its government or a place; another city may be a club."""
    cities = gaz.primary_cities(text)
    country = gaz.country_by_code(cities[0].country) if cities else None
    return country is not None and fold(country.capital) == fold(text)


def _profile(ent: Span, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """Country and sector of an organisation the tables do not know, from its own words:
    "Serbian Army" (SRB, MIL), "Chile's Ministry of Mines" (CHL, GOV)."""
    doc = ent.doc
    words = list(ent)
    if ent.start >= 2 and doc[ent.start - 1].text in {"'s", "’s"}:
        words.insert(0, doc[ent.start - 2])
    country = None
    for token in words:
        found = gaz.demonym(token.text) or (c.iso3 if (c := gaz.country(token.text)) else None)
        if found is not None:
            country = found
            break
    lowered = {token.lower_ for token in ent}
    sector = next((code for code, nouns in _SECTOR_NOUNS if lowered & nouns), None)
    return country, sector


def _organisation(key: str, text: str, known: Registry) -> ActorEntity:
    org = ActorEntity(key=f"org:{key}", name=text, kind=ActorKind.ORGANIZATION)
    found = known.organization(text)
    if found is not None:
        org.kb_id, org.country, org.sector, org.name = (
            found.kb_id,
            found.country,
            found.sector,
            found.name,
        )
        org.kind = ActorKind.GROUP if found.kind == "group" else ActorKind.ORGANIZATION
    return org


def _bare(text: str) -> str:
    text = text.removesuffix("'s").removesuffix("’s").rstrip(".").strip()
    return text[4:] if text.lower().startswith("the ") else text


def abbreviation_after(ent: Span) -> str | None:
    """ "Russian Direct Investment Fund (RDIF)": the abbreviation introduced in parentheses."""
    doc = ent.doc
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
        candidate = doc[ent.end + 1].text
        if candidate.isupper() and 2 <= len(candidate) <= 8:
            return candidate
    return None
