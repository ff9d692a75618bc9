"""Resolve an argument token of an event to the actors it stands for.

Names and descriptors are already actor mentions (:mod:`communique.nlp.actors`
and :mod:`communique.nlp.coref`). This module adds what event arguments need
beyond them:

* pronouns: "he"/"his" → the salient person (the subject of the sentence so
  far, else of the previous sentences); "they" → the two latest persons;
  "I" inside a quote → its speaker;
* pairs: "the pair", "the two leaders", "both men" → the two latest persons;
  "both sides", "the two countries" → the two latest states;
* nouns that stand for a state: "Turkish prosecutors", "the Thai government",
  "Iran's foreign ministry", "the leaders of Britain, France and Germany".
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.knowledge.gazetteer import gazetteer
from communique.knowledge.titles import titles
from communique.nlp.actors import ActorEntity, ActorMention
from communique.nlp.events.lexicon import lexicon
from communique.nlp.events.mentions import DocIndex, unique
from communique.records import ActorKind, MentionKind

_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "myself"})
_PAIR_PEOPLE = frozenset({"pair", "duo"})
_GROUPS = frozenset({"pair", "duo", "trio"})
_PEOPLE = frozenset(
    {"leader", "man", "president", "minister", "head", "men", "woman", "women", "counterpart"}
)
_GOVERNMENTS = frozenset(
    {"regime", "government", "administration", "authorities", "authority", "junta"}
)
_STATES = frozenset({"side", "country", "nation", "government", "capital", "state"})
# Dependents that leave the noun phrase: what they name is not the phrase's referent.
_OUTSIDE_PHRASE = frozenset(
    {
        "prep",
        "poss",
        "relcl",
        "acl",
        "advcl",
        "ccomp",
        "xcomp",
        "det",
        "case",
        "punct",
        "cc",
        "agent",
        "dobj",
        "nsubj",
        "pobj",
        "aux",
        "neg",
        "mark",
        "advmod",
        "npadvmod",
        "amod",
    }
)


def resolve(token: Token, index: DocIndex) -> list[ActorEntity]:
    """The actors a participant token, its conjuncts and appositions refer to."""
    found: list[ActorEntity] = []
    for part in [token, *token.conjuncts]:
        named = _phrase_actors(part, index)
        if named and index.actor(part) is None and _stands_for_state(part):
            # "Driscoll and Russian representatives": the parser hangs the name on the noun
            named += _states_of(part, index)
        found.extend(named or _one(part, index))
    _remember_group(token, found, index)
    return unique(found)


def _remember_group(token: Token, found: list[ActorEntity], index: DocIndex) -> None:
    """ "this trio—Starmer, Macron and Merz": later "the trio" means the same three."""
    lemma = token.lemma_.lower()
    people = unique([a for a in found if a.kind == ActorKind.PERSON])
    if lemma in _GROUPS and len(people) >= 2:
        index.groups[lemma] = people


def _stands_for_state(token: Token) -> bool:
    return token.lemma_.lower() in lexicon().word_class("agents") and not _before_name(token)


def _phrase_actors(token: Token, index: DocIndex) -> list[ActorEntity]:
    """Actors named inside the noun phrase, its conjuncts and appositions, but not in its
    possessives or prepositions ("Putin's aide Yury Ushakov" is Ushakov alone)."""
    found: list[ActorEntity] = []
    stack = [token]
    while stack:
        current = stack.pop()
        actor = index.actor(current)
        if actor is not None and not _title_country(current, actor):
            found.append(actor)
        # the phrase's own conjuncts are resolved one by one (a pronoun among them needs it);
        # conjuncts deeper down ("Presidents Trump and Putin") belong to the phrase
        stack.extend(
            child
            for child in current.children
            if child.dep_ not in _OUTSIDE_PHRASE
            and not (child.dep_ == "conj" and current.i == token.i)
        )
    return unique(sorted(found, key=lambda actor: _first_in(actor, token)))


def _first_in(actor: ActorEntity, token: Token) -> int:
    return min((m.start for m in actor.mentions if m.start >= token.left_edge.i), default=0)


def _title_country(token: Token, actor: ActorEntity) -> bool:
    """ "UK" in "UK Prime Minister Keir Starmer": the country of a title, not a participant."""
    if actor.kind != ActorKind.COUNTRY or token.i + 1 >= len(token.doc):
        return False
    following = token.doc[token.i + 1]
    # title words are capitalised before a name; "in" or "of" (parts of longer titles) are not
    return (
        following.is_title
        and titles().is_title_word(following.text)
        and following.ent_type_ != "GPE"
    )


def _one(token: Token, index: DocIndex) -> list[ActorEntity]:
    lower = token.lower_
    if lower in _PERSON_PRONOUNS:
        return _salient_person(token, index)
    if lower in _GROUP_PRONOUNS:
        return _latest_pair(token, index, index.persons, window=1)
    if lower in _SPEAKER_PRONOUNS:
        return _speaker(token, index)
    if lower in {"it", "its"}:
        # "So in September *it* banned …": the state the previous sentences are about
        return _salient_state(token, index) or (
            _salient_state(token, index, window=2) if token.dep_ == "nsubj" else []
        )
    if token.lemma_.lower() in index.groups:
        return list(index.groups[token.lemma_.lower()])
    if _is_group_of_three(token):
        return _latest(token, index, index.persons, window=5, count=3)
    if _is_pair(token, _PAIR_PEOPLE, _PEOPLE):
        return _latest_pair(token, index, index.persons, window=5)
    if lower in {"two", "both"} and token.dep_ in {"nsubj", "nsubjpass"}:
        # "the two are due to sign an accord": two leaders, else two states
        return _latest_pair(token, index, index.persons, window=5) or _latest_pair(
            token, index, index.states, window=5
        )
    if _is_the_one(token, _STATES):
        return _salient_state(token, index, window=2)
    if _is_pair(token, frozenset(), _STATES):
        return _coordinated_pair(token, index) or _latest_pair(token, index, index.states, window=5)
    if token.lemma_.lower() == "counterpart":
        return _counterpart(token, index)
    if _stands_for_state(token):
        return _states_of(token, index)
    return []


def _counterpart(token: Token, index: DocIndex) -> list[ActorEntity]:
    """ "his Russian counterpart": the Russian leader the article names, else Russia."""
    states = states_named_in(token, index)
    if len(states) != 1 or not states[0].country:
        return states
    leaders = [p for _, p in index.persons if p.country == states[0].country and leads(p)]
    return unique(leaders)[:1] or states


def _salient_state(token: Token, index: DocIndex, window: int = 0) -> list[ActorEntity]:
    """ "it" acting as a participant: the latest state or organisation named before it in the
    sentence (or the ``window`` sentences before)."""
    number = index.sent_of[token.i]
    start, _ = index.sentences[max(0, number - window)]
    # "the White House lobbied it": "it" is not the subject of its own verb
    subjects = {
        id(a)
        for c in token.head.children
        if c.dep_ == "nsubj" and c.i != token.i
        for a in _phrase_actors(c, index)
    }
    found = [
        (i, actor)
        for i in range(token.i - 1, start - 1, -1)
        if (actor := index.actor_at.get(i)) is not None
        and actor.kind != ActorKind.PERSON
        and id(actor) not in subjects
    ]
    if window and token.dep_ == "nsubj":
        # "But China was spooked … So in September *it* banned": a subject names a subject
        doc = index.doc
        acting = [actor for i, actor in found if _is_subject(doc[i])]
        if acting:
            return acting[:1]
    return [found[0][1]] if found else []


def _before_name(token: Token) -> bool:
    """A title written before a name ("President Zelensky") is part of the name, not a state."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.ent_type_ == "PERSON"


def _salient_person(token: Token, index: DocIndex) -> list[ActorEntity]:
    """The person "he" or "she" most likely means: a subject before it, nearest sentence first."""
    doc = index.doc
    number = index.sent_of[token.i]
    for back in range(4):
        if number - back < 0:
            break
        start, end = index.sentences[number - back]
        limit = token.i if back == 0 else end
        candidates = [(s, a) for s, a in index.persons if start <= s < limit]
        if not candidates:
            continue
        subjects = [a for s, a in candidates if _is_subject(doc[s])]
        if subjects:
            return [subjects[-1] if back == 0 else subjects[0]]
        return [candidates[-1][1] if back == 0 else candidates[0][1]]
    return []


def _is_subject(token: Token) -> bool:
    current = token
    for _ in range(3):
        if current.dep_ in {"nsubj", "nsubjpass"}:
            return True
        if (
            current.dep_ not in {"compound", "flat", "appos", "poss"}
            and current.head.ent_type_ != "PERSON"
        ):
            return False
        current = current.head
    return False


def _coordinated_pair(token: Token, index: DocIndex, window: int = 2) -> list[ActorEntity]:
    """ "trade between Russia and the United States when the war with Ukraine is over … both
    countries": the two states last named together, not merely the last two named."""
    first = index.sentences[max(0, index.sent_of[token.i] - window)][0]
    for start, state in reversed(index.states):
        if not first <= start < token.i:
            continue
        head = index.doc[start]
        while index.actor_at.get(head.head.i) is state and head.head.i != head.i:
            head = head.head  # the mention's head word ("the *United States*")
        partners = [
            other
            for other in (index.actor_at.get(c.i) for c in head.conjuncts)
            if other is not None and other is not state and other.kind == ActorKind.COUNTRY
        ]
        if len(partners) == 1:
            return sorted([state, partners[0]], key=lambda s: s.mentioned_before(token.i) or 0)
    return []


def _latest_pair(
    token: Token, index: DocIndex, pool: list[tuple[int, ActorEntity]], window: int
) -> list[ActorEntity]:
    return _latest(token, index, pool, window, count=2)


def _latest(
    token: Token, index: DocIndex, pool: list[tuple[int, ActorEntity]], window: int, count: int
) -> list[ActorEntity]:
    recent = index.recent(pool, token.i, window=window)
    return recent[:count] if len(recent) >= count else []


def _is_group_of_three(token: Token) -> bool:
    """ "the trio", "the three leaders", "all three"."""
    lemma = token.lemma_.lower()
    if lemma == "trio":
        return True
    if lemma not in _PEOPLE and not (lemma == "three" and token.dep_ in {"nsubj", "nsubjpass"}):
        return False
    return lemma == "three" or any(child.lower_ == "three" for child in token.children)


def _is_the_one(token: Token, nouns: frozenset[str]) -> bool:
    """ "the country", "the government": a definite singular noun with nothing else to name it."""
    if token.lemma_.lower() not in nouns or token.tag_ != "NN":
        return False
    return [c.lower_ for c in token.children] == ["the"]


def _is_pair(token: Token, singular: frozenset[str], plural: frozenset[str]) -> bool:
    """ "the pair", "the two leaders", "both sides", "both men"."""
    lemma = token.lemma_.lower()
    if lemma in singular:
        return True
    if lemma not in plural or token.tag_ not in {"NNS", "NNPS"}:
        return False
    return any(child.lower_ in {"two", "both"} for child in token.children)


def _speaker(token: Token, index: DocIndex) -> list[ActorEntity]:
    quote = index.quote_at.get(token.i)
    speaker = getattr(quote, "speaker", None) if quote is not None else None
    return [speaker] if isinstance(speaker, ActorEntity) else []


def _states_of(token: Token, index: DocIndex) -> list[ActorEntity]:
    """States a noun such as "Turkish prosecutors" or "the leaders of Britain and France" stands for;
    "the regime" or "the government" alone is the state the sentence is about."""
    found: list[ActorEntity] = []
    if token.lemma_.lower() in _GOVERNMENTS and all(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    ):
        return _salient_state(token, index, window=1)
    for child in token.children:
        if (
            child.dep_ == "poss"
            and (boss := index.actor(child)) is not None
            and boss.kind == ActorKind.PERSON
        ):
            # "Mr He's top aide" acts for He's side
            found.append(index.countries.get(boss.country or "") or boss)
        elif child.dep_ in {"amod", "compound", "nmod", "poss"}:
            for part in [child, *child.conjuncts]:
                found.extend(_state(part, index))
        elif child.dep_ == "prep" and child.lower_ in {"of", "from"}:
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                named = [a for a in resolve(pobj, index) if a.kind != ActorKind.PERSON]
                found.extend(
                    named or [a for part in [pobj, *pobj.conjuncts] for a in _state(part, index)]
                )
    return unique(found)


def _state(token: Token, index: DocIndex) -> list[ActorEntity]:
    actor = index.actor(token)
    if actor is not None:
        return (
            [actor]
            if actor.kind in {ActorKind.COUNTRY, ActorKind.ORGANIZATION, ActorKind.GROUP}
            else []
        )
    iso3 = gazetteer().demonym(token.text) or _capital_of(token, index)
    return [country_actor(iso3, token, index)] if iso3 else []


def _capital_of(token: Token, index: DocIndex) -> str | None:
    """ "teams from Washington and Moscow": a capital standing for its government."""
    place = index.place_at.get(token.i)
    if place is None or place.kind.value != "city" or not place.country:
        return None
    country = gazetteer().country_by_code(place.country)
    return place.country if country is not None and country.capital == place.name else None


def states_named_in(token: Token, index: DocIndex) -> list[ActorEntity]:
    """States named by the modifiers of a noun that is not itself an actor ("Indian goods",
    "*American*-led")."""
    found: list[ActorEntity] = []
    for child in token.children:
        if child.dep_ in {"amod", "compound", "nmod", "npadvmod"}:
            for part in [child, *child.conjuncts]:
                found.extend(_state(part, index))
    return unique(found)


def country_actor(iso3: str, token: Token, index: DocIndex) -> ActorEntity:
    """The state actor for ``iso3``, created from a nationality word when the text names it no other way."""
    mention = ActorMention(
        token.i,
        token.i + 1,
        token.idx,
        token.idx + len(token.text),
        token.text,
        MentionKind.DEMONYM,
    )
    actor = index.countries.get(iso3)
    if actor is None:
        country = gazetteer().country_by_code(iso3)
        name = country.name if country is not None else iso3
        actor = ActorEntity(
            key=f"country:{iso3}", name=name, kind=ActorKind.COUNTRY, country=iso3, sector="GOV"
        )
        actors = index.doc._.actors
        if actors is None:
            index.doc._.actors = actors = []
        actors.append(actor)
    actor.add(mention)
    index.add_actor_mention(actor, mention)
    return actor


_LEADER_HEADS = frozenset({"president", "chancellor", "premier", "king", "emir", "queen", "sultan"})


def leads(person: ActorEntity) -> bool:
    """Head of state or government, by the roles the article or the knowledge table gives."""
    for role in person.roles:
        title = role.title.lower()
        if role.former or any(word in title for word in ("vice", "deputy", "former", "ex-")):
            continue
        if role.head in _LEADER_HEADS or "prime minister" in title:
            return True
    return False
