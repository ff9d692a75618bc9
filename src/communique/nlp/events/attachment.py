"""Which trigger a time or place expression belongs to, measured on the parse.

A trigger *reaches* up its own clause: a verb trigger is only itself, a noun
trigger climbs to the verb it is the subject or object of ("held *talks*":
held; "the *call* lasted": lasted). An expression *attaches* when its head,
walking up through prepositions and noun modifiers, meets one of those tokens.
The distance (steps up plus the position in the trigger's reach) decides
between several triggers of one sentence: the nearest wins.
"""

from __future__ import annotations

from spacy.tokens import Token

_CLIMB_NOUN = frozenset(
    {
        "dobj",
        "pobj",
        "prep",
        "nsubj",
        "nsubjpass",
        "attr",
        "appos",
        "compound",
        "conj",
        "npadvmod",
        "oprd",
    }
)
_CLIMB_EXPRESSION = frozenset(
    {
        "prep",
        "pobj",
        "npadvmod",
        "tmod",
        "advmod",
        "nmod",
        "compound",
        "amod",
        "appos",
        "conj",
        "nummod",
        "dobj",
        "pcomp",
        "quantmod",
        "det",
        "cc",
        "punct",
        "acl",
        "attr",
    }
)
# "since August", "until Friday", "before the call": the expression dates something else.
RELATIVE_PREPOSITIONS = frozenset(
    {
        "since",
        "until",
        "till",
        "before",
        "after",
        "from",
        "through",
        "ahead",
        "prior",
        "by",
        "following",
        "during",
    }
)
MAX_STEPS = 5
# Nouns that frame an event named after "of": "on the eve of talks", "on the sidelines of a summit".
_FRAMES = frozenset(
    {
        "eve",
        "sideline",
        "sidelines",
        "margin",
        "margins",
        "run-up",
        "start",
        "end",
        "beginning",
        "wake",
        "aftermath",
        "round",
        "day",
    }
)


def reach(trigger: Token) -> list[Token]:
    """The trigger and, for a noun, the words up to the verb it depends on; for a noun that is
    the subject of "was due to be held" or "is expected to take place", that verb too; for "on the
    *eve* of talks", the noun that frames it."""
    tokens = [trigger]
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        # "over the summer *when* Trump lifted …", "broke off *to call* Putin": the clause above
        # dates what its "when" or purpose clause says
        current = trigger
        # "spoke again days later *when* Trump interrupted a meeting *to call* Putin": up
        # through each such clause
        while current.dep_ == "advcl" and _when_or_purpose(current) and len(tokens) < 3:
            current = current.head
            tokens.append(current)
        if len(tokens) == 1 and _shares_clause(trigger):
            # "released a statement *on Tuesday* and *accused* Russia", "said on Monday,
            # *accusing* Europe": one subject, one occasion
            tokens.append(trigger.head)
        return tokens
    # "the meeting *taking place* in Alaska", "a summit *to be held* on Friday": the noun's own
    # clause, of which it is the subject (not "the meeting *Trump announced* in Washington")
    tokens.extend(child for child in trigger.children if _own_clause(child))
    current = trigger
    for _ in range(4):
        if current.dep_ not in _CLIMB_NOUN or current.head.i == current.i:
            break
        if (
            current.dep_ == "pobj"
            and current.head.lower_ == "of"
            and current.head.head.lemma_ in _FRAMES
        ):
            tokens.append(current.head.head)
        current = current.head
        tokens.append(current)
        if current.pos_ in {"VERB", "AUX"}:
            if trigger.dep_ in {"nsubj", "nsubjpass"}:
                tokens.extend(_raised(current))
            break
    return tokens


def _when_or_purpose(verb: Token) -> bool:
    return any(
        (c.dep_ in {"advmod", "mark"} and c.lower_ in {"when", "while", "as"})
        or (c.dep_ == "aux" and c.lower_ == "to")
        for c in verb.children
    )


def _shares_clause(verb: Token) -> bool:
    """A verb coordinated with the verb above it, or a participle hung on it, with no subject
    of its own."""
    if verb.head.pos_ not in {"VERB", "AUX"} or verb.head.i == verb.i:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    return verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")


def _own_clause(child: Token) -> bool:
    if child.dep_ == "acl":
        return True
    if child.dep_ != "relcl":
        return False
    subjects = [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return not subjects or all(c.tag_ in {"WDT", "WP"} for c in subjects)


def _raised(verb: Token) -> list[Token]:
    """ "was *due* to be *held*": the complement verbs of the predicate the trigger is subject of."""
    out: list[Token] = []
    current = verb
    for _ in range(3):
        nxt = next((c for c in current.children if c.dep_ in {"xcomp", "acomp"}), None)
        if nxt is None:
            break
        out.append(nxt)
        current = nxt
    return out


def root_of(doc_tokens: list[Token]) -> Token:
    """The token of a multi-token expression whose head lies outside it."""
    inside = {token.i for token in doc_tokens}
    for token in doc_tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return doc_tokens[-1]


def distance(
    root: Token, reached: list[Token], *, allowed: frozenset[str] | None = None
) -> int | None:
    """Steps from an expression's root up to the trigger's reach, or None when it does not attach.

    ``allowed`` restricts the prepositions the path may pass through.
    """
    # the prepositions climbed through to reach the verb are not what an expression hangs on
    # ("to fly over *the Bering Strait* and for a summit": the strait is not the summit's)
    positions = {token.i: n for n, token in enumerate(reached) if token.pos_ != "ADP"}
    current = root
    for steps in range(MAX_STEPS + 1):
        if current.i in positions:
            return steps + positions[current.i]
        if current.dep_ not in _CLIMB_EXPRESSION or current.head.i == current.i:
            return None
        if current.dep_ == "prep" or current.pos_ == "ADP":
            word = current.lower_
            if word in RELATIVE_PREPOSITIONS or word == "of":
                return None
            if allowed is not None and word not in allowed:
                return None
        current = current.head
    return None
