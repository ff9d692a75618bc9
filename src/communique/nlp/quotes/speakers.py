"""Speakers: the words that name who spoke, and the actor they name.

The speaker of a cue is its grammatical subject, found on the parse:

* "X said", "said X" (inverted), "X, …, said";
* participles take the subject of the clause they hang on ("…, calling it",
  "…, adding"), or their own ("with Trump noting that …");
* a relative clause takes the noun it modifies ("an editor who talks of …");
* "according to X" takes X.

The phrase is resolved to an actor through the mentions the actors component
found: the phrase head itself ("the Kremlin" → Russia, "Putin's aide Yury
Ushakov" → Ushakov, not Putin), else a person in apposition to it ("Turkey's
vice-president, Cevdet Yilmaz"). A head that is a common noun ("a senior
European diplomat", "officials familiar with the talks") is an unnamed source:
no actor, only the words. "He" and "she" point back to the most recent person
who was the subject of a clause nearby.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from communique.knowledge.titles import titles
from communique.nlp.actors import ActorEntity
from communique.nlp.quotes.cues import lexicon, speaker_nouns
from communique.nlp.quotes.referents import GENDERED, Referents
from communique.records import ActorKind

_RELATIVE = frozenset({"who", "which", "that", "whom"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLEFT_HEADS = frozenset({"thing", "point", "message", "all", "what"})
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you", "it"})
_TRAILING_TAGS = frozenset({"WP", "WDT", "POS"})
_INVERTED = frozenset({"nsubj", "dobj", "npadvmod", "attr", "appos", "oprd", "dep"})


@dataclass(frozen=True, slots=True)
class Speaker:
    start: int
    end: int
    text: str
    actor: ActorEntity | None


def subject_of(cue: Token, quoted: Sequence[int]) -> Token | None:
    """The token heading the phrase that names who spoke (never inside quotation marks)."""
    token: Token | None = cue
    for _ in range(4):
        if token is None:
            return None
        subject = _own_subject(token, quoted)
        if subject is not None:
            subject = _through_relative(subject, token)
            if (
                token is not cue
                and not can_speak(subject)
                and token.dep_ == "ccomp"
                and token.head.i != token.i
            ):
                # "saying that talks should start … and accused Russia": the parser hung the
                # second verb inside the reported clause; its subject is the reporter's.
                token = token.head
                continue
            return subject if can_speak(subject) else owner_of(subject)
        token = _governor(token)
    return None


def owner_of(subject: Token) -> Token:
    """The person a non-speaking subject belongs to: "Mr Trump's response was to say …"."""
    owner = next((t for t in subject.subtree if t.dep_ == "poss" and t.ent_type_ == "PERSON"), None)
    return owner or subject


def can_speak(token: Token) -> bool:
    """Whether a phrase head can name a source: a name, a pronoun, a title, an office, a document."""
    if token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or token.lower_ in _PERSONAL:
        return True
    word = token.lemma_.lower()
    return (
        word in speaker_nouns()["source"]
        or titles().is_title_word(token.text)
        or lexicon().noun(token) is not None
    )


def author_of(noun: Token) -> Token | None:
    """Who made a statement a noun names: "Trump's post", "a statement by X", "a claim made by X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
            if source is not None:
                return source
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if source is not None:
                return source
    return None


def _own_subject(verb: Token, quoted: Sequence[int]) -> Token | None:
    # "“A frank exchange,” wrote X": the parser may make the quotation a subject too.
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and quoted[c.i] < 0]
    if subjects:
        # "the “consequences” that Trump threatened": the parser may give the relative a subject too.
        return next((s for s in subjects if s.lower_ not in _RELATIVE), subjects[0])
    if verb.dep_ == "acl" and verb.tag_ in {"VBG", "VBN"}:
        # "a statement saying …", "a provision stating …"
        return verb.head
    for child in verb.rights:
        # Inverted order: "…,” wrote Dmitriev on X."
        candidate = child.dep_ in _INVERTED and child.pos_ in {"PROPN", "NOUN", "PRON"}
        if candidate and quoted[child.i] < 0 and verb.lemma_ != "tell" and _after_its_content(verb):
            return child
    return None


def _after_its_content(verb: Token) -> bool:
    """Whether the cue follows what it reports ("…,” wrote X"), where the subject may follow it."""
    return verb.dep_ in {"parataxis", "ccomp"} or any(
        left.dep_ in {"ccomp", "punct"} for left in verb.lefts
    )


def _governor(verb: Token) -> Token | None:
    """The verb whose subject a participle or conjoined verb shares."""
    if verb.dep_ in {"conj", "advcl", "xcomp", "dep"} and verb.head.i != verb.i:
        head = verb.head
        if (
            verb.tag_ == "VBG"
            and verb.dep_ in {"advcl", "conj"}
            and head.dep_ == "ccomp"
            and head.head.i != head.i
        ):
            # "He said the call was “productive”, adding …": the adding is his.
            return head.head
        return head
    if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
        # "by saying", "after adding"
        return verb.head.head
    return None


def _through_relative(subject: Token, verb: Token) -> Token:
    if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return verb.head
    if (
        subject.tag_ in {"WDT", "WP"}
        and subject.i > 0
        and subject.nbor(-1).pos_ in {"NOUN", "PROPN"}
    ):
        # A relative clause the parser did not label: "Ukraine's constitution that says …".
        return subject.nbor(-1)
    if subject.pos_ in {"ADJ", "DET", "PRON"} or subject.lower_ in _CLEFT_HEADS:
        # "The closest he came … was saying that …", "What she said was …": the clause's subject spoke.
        for child in subject.children:
            inner = (
                next((c for c in child.children if c.dep_ in _SUBJECTS), None)
                if child.dep_ == "relcl"
                else None
            )
            if inner is not None and inner.lower_ not in _RELATIVE:
                return inner
    return subject


def speaker_span(
    subject: Token, cue_start: int, cue_end: int, quoted: Sequence[int]
) -> tuple[int, int]:
    """The subject's phrase, cut where the cue or a quote begins."""
    doc = subject.doc
    start, end = subject.i, subject.i + 1

    def free(i: int) -> bool:
        return quoted[i] < 0 and not cue_start <= i < cue_end

    while start > subject.left_edge.i and free(start - 1):
        start -= 1
    while end <= subject.right_edge.i and free(end):
        end += 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    # "an outspoken former general who | said": the relative pronoun belongs to the cue's
    # clause; "Mr Putin's | tone was …:" the possessive ending is not part of the name.
    while end > start + 1 and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ in _TRAILING_TAGS
    ):
        end -= 1
    return start, end


def resolve(subject: Token, span: tuple[int, int], index: Referents) -> Speaker:
    doc = subject.doc
    start, end = span
    return Speaker(start=start, end=end, text=doc[start:end].text, actor=_actor(subject, index))


def _actor(subject: Token, index: Referents) -> ActorEntity | None:
    if subject.pos_ == "PRON" or subject.lower_ in GENDERED:
        actor = index.antecedent(subject)
        if actor is not None:
            index.remember(subject, actor)
        return actor
    actor = index.actor_at(subject.i) or _named_beside(subject, index) or _author(subject, index)
    if actor is None and subject.ent_type_ == "NORP":
        actor = index.country_of_people(subject.text)
    if actor is None and subject.lemma_.lower() in speaker_nouns()["body"]:
        actor = _state_of(subject, index)
    if actor is not None:
        index.remember(subject, actor)
    return actor


def _state_of(body: Token, index: Referents) -> ActorEntity | None:
    """The state an institution speaks for: "the Thai government", "India's foreign ministry"."""
    for child in body.children:
        if child.dep_ not in {"amod", "compound", "poss", "nmod"}:
            continue
        actor = index.actor_at(child.i)
        if actor is not None and actor.kind is ActorKind.COUNTRY:
            return actor
        if actor is None and (country := index.country_of_people(child.text)) is not None:
            return country
    return None


def _named_beside(subject: Token, index: Referents) -> ActorEntity | None:
    """A person named in apposition to a title: "Turkey's vice-president, Cevdet Yilmaz",
    "Roberto Vannacci, an outspoken former general who said …"."""
    if subject.dep_ == "appos" and (person := index.actor_at(subject.head.i, person=True)):
        return person
    # A name compounded with a title ("Minister Viktor Orbán" parsed with the title as head),
    # but not with an institution ("the Trump administration").
    titled = titles().is_title_word(subject.text)
    named = (c for c in subject.children if c.dep_ == "appos" or (c.dep_ == "compound" and titled))
    return next((p for c in named if (p := index.actor_at(c.i, person=True))), None)


def _author(subject: Token, index: Referents) -> ActorEntity | None:
    """The author of a statement that is itself the subject: "a claim made by Trump saying …"."""
    if lexicon().noun(subject) is None:
        return None
    author = author_of(subject)
    return index.actor_at(author.i) if author is not None else None
