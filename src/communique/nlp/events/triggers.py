"""Trigger words: the tokens that name an event, and the lexicon row each one matches.

A token is a trigger when its lemma and part of speech have rows in
``events_triggers.csv`` and one row's requirements hold in the dependency
parse. Requirements look at the trigger's own dependents (its object, its
prepositions, its modifiers) and at the word that governs it, so that "the
call" is a phone call but "called for a ceasefire" is a request, and "strike a
deal" is no attack.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from communique.nlp.events.lexicon import ACTOR, ANY, Condition, Lexicon, TriggerRule, lexicon
from communique.nlp.events.mentions import DocIndex

# Named entities whose words are names, not event words ("Strike Force", "Summit Street").
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"}
)
_THEME_DEPS = frozenset({"dobj", "nsubjpass", "dative", "attr", "oprd"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "advmod", "nummod", "poss"})
_GOVERNED_DEPS = frozenset(
    {"dobj", "nsubjpass", "pobj", "attr", "conj", "appos", "npadvmod", "nsubj", "xcomp"}
)
_PREP_DEPS = frozenset({"prep", "agent", "dative", "prt"})
_CAPABILITY = frozenset({"capable", "able", "designed", "powerful", "enough"})


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    rule: TriggerRule


def find_triggers(doc: Doc, index: DocIndex, lex: Lexicon) -> Iterator[Trigger]:
    for token in doc:
        if token.i in index.headings or token.ent_type_ in _NAME_LABELS:
            continue
        rule = match(token, index, lex)
        if rule is not None:
            yield Trigger(token, rule)


def match(token: Token, index: DocIndex, lex: Lexicon) -> TriggerRule | None:
    """The first lexicon row of this token whose requirements hold."""
    pos = _pos(token)
    if pos is None or (pos == "NOUN" and token.dep_ == "compound") or _descriptive(token):
        return None
    for part_of_speech in _readings(token, pos):
        rules = lex.rules_for(token.lemma_.lower(), part_of_speech) or lex.rules_for(
            token.lower_, part_of_speech
        )
        for rule in rules:
            if all(holds(condition, token, index) for condition in rule.conditions):
                return rule
    return None


def _readings(token: Token, pos: str) -> tuple[str, ...]:
    """An adjective in a noun's slot is read as a noun too: the small model tags "skirmish" ADJ."""
    if pos == "ADJ" and token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
        return ("ADJ", "NOUN")
    return (pos,)


def _descriptive(token: Token) -> bool:
    """Verbs that describe a thing rather than report an act: "territory *occupied* by Russia",
    "missiles capable of *striking* Moscow"."""
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return True
    head = token.head
    if token.dep_ == "pcomp" and head.lower_ == "of":
        return head.head.lemma_.lower() in _CAPABILITY
    return token.dep_ == "xcomp" and head.lemma_.lower() in _CAPABILITY


def _pos(token: Token) -> str | None:
    if token.pos_ in {"VERB", "AUX"}:
        return "VERB"
    if token.pos_ in {"NOUN", "PROPN"}:
        return "NOUN"
    if token.pos_ == "ADJ":
        return "ADJ"
    return None


def holds(condition: Condition, token: Token, index: DocIndex) -> bool:
    result = _CHECKS[condition.kind](condition.values, token, index)
    return result != condition.negated


def _matches(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    if ANY in values:
        return True
    if token.lemma_.lower() in values or token.lower_ in values:
        return True
    return ACTOR in values and resolves_to_actor(token, index)


def resolves_to_actor(token: Token, index: DocIndex) -> bool:
    if index.actor(token) is not None:
        return True
    if token.lemma_.lower() == "counterpart":
        return True  # "called his Russian counterpart": the other side's leader
    return any(
        index.actor(child) is not None
        for child in token.children
        if child.dep_ in {"compound", "flat", "appos"}
    )


def themes(token: Token) -> list[Token]:
    """What the event acts on: the object of a verb, "of X" or a compound of a noun."""
    out = [child for child in token.children if child.dep_ in _THEME_DEPS]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"with", "of"}:
            out.extend(grand for grand in child.children if grand.dep_ == "pobj")
        elif token.pos_ in {"NOUN", "PROPN"} and child.dep_ in {"compound", "nmod"}:
            out.append(child)
        elif token.pos_ == "ADJ" and child.dep_ == "prep":
            out.extend(grand for grand in child.children if grand.dep_ == "pobj")
    return with_conjuncts(_contents(out))


def _contents(tokens: list[Token]) -> list[Token]:
    """A quantity or part stands for what it is of: "700 kg *of medicine*", "part *of an aid
    programme*", "a state *of emergency*"."""
    portions = lexicon().word_class("portions")
    out = list(tokens)
    for token in tokens:
        if token.lemma_.lower() in portions or token.like_num:
            out.extend(
                grand
                for child in token.children
                if child.dep_ == "prep" and child.lower_ == "of"
                for grand in child.children
                if grand.dep_ == "pobj"
            )
    return out


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(conj for conj in token.conjuncts if conj not in out)
    return out


def governor(token: Token) -> Token | None:
    """The verb or adjective whose argument this word is ("imposed" for "sanctions")."""
    current = token
    for _ in range(4):
        if current.dep_ not in _GOVERNED_DEPS and current.dep_ != "prep":
            return None
        head = current.head
        if head.i == current.i:
            return None
        if head.pos_ in {"VERB", "AUX", "ADJ"}:
            return head
        current = head
    return None


def _obj(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    return any(_matches(values, theme, index) for theme in themes(token))


def _prep(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    if any(child.dep_ in _PREP_DEPS and child.lower_ in values for child in token.children):
        return True
    # "calls for Kyiv to cede": the parser makes "for" the marker of the clause, not a preposition
    return any(
        mark.dep_ == "mark" and mark.lower_ in values
        for child in token.children
        if child.dep_ in {"advcl", "acl"}
        for mark in child.children
    )


def _pobj(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    return any(
        grand.dep_ == "pobj" and _matches(values, grand, index)
        for child in token.children
        if child.dep_ in _PREP_DEPS
        for grand in with_conjuncts(list(child.children))
    )


def _mod(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    if any(
        child.dep_ in _MODIFIER_DEPS and _matches(values, child, index) for child in token.children
    ):
        return True
    previous = token.doc[token.i - 1] if token.i > 0 else None
    if previous is not None and previous.lower_ in values:
        return True
    # "would meet *virtually* on Wednesday": the parser may hang the adverb elsewhere
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ == "ADV" and following.lower_ in values


def _prt(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    return any(
        child.dep_ in {"prt", "advmod"} and child.lower_ in values for child in token.children
    )


def _gov(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    head = governor(token)
    return head is not None and head.lemma_.lower() in values


def _comp(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    """A clausal complement; with values, one whose verb is among them ("declined *to say*")."""
    return any(
        child.dep_ in {"xcomp", "ccomp"} and (not values or _matches(values, child, index))
        for child in token.children
    )


def _inf(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    """A to-infinitive complement: "urged Kyiv *to withdraw*", "calls on X *to cede*"."""
    complements = [c for c in token.children if c.dep_ in {"xcomp", "ccomp", "acl", "advcl"}]
    for child in token.children:
        if child.dep_ == "prep":
            complements.extend(
                g for p in child.children for g in p.children if g.dep_ in {"acl", "xcomp"}
            )
    return any(any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in complements)


def _neg(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    if any(child.dep_ == "neg" for child in token.children):
        return True
    if token.dep_ in {"acomp", "xcomp", "attr"}:
        return any(child.dep_ == "neg" for child in token.head.children)
    return False


def _plural(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    return token.tag_ in {"NNS", "NNPS"}


def _subj(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    return any(
        child.dep_ in {"nsubj", "nsubjpass"} and _matches(values, child, index)
        for child in token.children
    )


def _asks(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    """Someone else is to do what the verb's complement says: "wants *India* to accept", "wants
    Kyiv to cede" (not "wants to meet")."""
    for child in token.children:
        if child.dep_ in {"dobj", "dative"} and _matches(values, child, index):
            return any(c.dep_ in {"xcomp", "ccomp"} for c in token.children)
        if child.dep_ in {"xcomp", "ccomp"}:
            subjects = [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(_matches(values, s, index) for s in subjects):
                return True
    return False


def _said(values: frozenset[str], token: Token, index: DocIndex) -> bool:
    """The trigger's clause is reported by a verb of saying, and has a subject in ``values``:
    "Russia said *Sudan must* return the helicopter"."""
    verb = token.head if token.dep_ == "aux" else token
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lexicon().word_class("reporting"):
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return not values or any(_matches(values, s, index) for s in subjects)


_CHECKS = {
    "obj": _obj,
    "prep": _prep,
    "pobj": _pobj,
    "mod": _mod,
    "prt": _prt,
    "gov": _gov,
    "comp": _comp,
    "inf": _inf,
    "neg": _neg,
    "plural": _plural,
    "subj": _subj,
    "asks": _asks,
    "said": _said,
}
