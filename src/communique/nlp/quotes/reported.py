"""Reports: every cue with its speaker and the stretch of text it reports.

A report is found on the dependency parse, once per cue, and serves both kinds
of quote: its content is an indirect quote ("Putin emphasized that …"), and a
quotation inside its content is a direct quote of its speaker. The content is

* ``CLAUSE``: the clause the cue governs ("X said (that) …", "with X noting
  that …");
* ``HOST``: the clause the cue is hung on, minus the cue's own phrase ("The
  meeting will be in Anchorage, the White House confirmed"; "…,” he said");
* ``ACCORDING``: likewise, for "according to X";
* ``OBJECT``: the object of a naming or judging cue ("calling it “…”",
  "accused the Americans of “…”"), which attributes a quote but is no
  indirect quote;
* ``BARE``: nothing ("X told reporters."), which a quote in the next sentence
  may still take as its attribution.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc, Token

from communique.nlp.quotes.cues import OBJECT_KINDS, Cue, CueKind, CueLexicon
from communique.nlp.quotes.layout import Layout
from communique.nlp.quotes.speakers import Speaker, author_of, subject_of

# How a parenthetical cue hangs on the clause it reports ("…, he said, …"); a coordinated
# verb ("looked at him and said") is a predicate of its own, not an aside.
_HOSTED = frozenset({"parataxis", "ccomp", "advcl", "dep"})
# Cues whose object is whom they address, not what was said ("told reporters").
ADDRESSING = frozenset({"tell", "assure", "warn", "inform", "brief", "reassure", "address"})
_OBJECTS = frozenset({"dobj", "oprd", "attr", "dative"})
_OBJECT_PREPOSITIONS = frozenset({"as", "of", "with", "about", "to"})
_JUDGING_PREPOSITIONS = frozenset({"for", "against", "on"})
_QUESTION_WORDS = frozenset(
    {"what", "whether", "how", "who", "why", "when", "where", "which", "if"}
)


class Relation(StrEnum):
    CLAUSE = "clause"
    HOST = "host"
    ACCORDING = "according"
    OBJECT = "object"
    BARE = "bare"


@dataclass(slots=True)
class Report:
    cue: Cue
    cue_token: Token
    cue_start: int
    cue_end: int
    relation: Relation
    subject: Token | None
    content_start: int
    content_end: int
    # The cue's own phrase when it sits inside the content it reports.
    hole_start: int = 0
    hole_end: int = 0
    negated: bool = False
    speaker: Speaker | None = None
    # The words naming the speaker, where the layout rather than the parse shows them.
    speaker_words: tuple[int, int] | None = None

    def covers(self, start: int, end: int) -> bool:
        inside = self.content_start <= start and end <= self.content_end
        return inside and (end <= self.hole_start or start >= self.hole_end)

    @property
    def size(self) -> int:
        return self.content_end - self.content_start - (self.hole_end - self.hole_start)


def find_reports(doc: Doc, lex: CueLexicon, layout: Layout) -> list[Report]:
    """Every cue word outside quotation marks, in text order."""
    reports: list[Report] = []
    for i in lex.candidates(doc):
        token = doc[i]
        if layout.quoted[i] >= 0:
            continue
        if (to := lex.according(token)) is not None:
            if (report := _according(token, to, layout)) is not None:
                reports.append(report)
        elif (cue := lex.verb(token)) is not None and not _passive(token):
            reports.append(_verb_report(token, cue, layout, lex))
        elif (cue := lex.noun(token)) is not None and (report := _noun_report(token, cue, lex)):
            reports.append(report)
    return reports


def _noun_report(noun: Token, cue: Cue, lex: CueLexicon) -> Report | None:
    """ "the promise by X to “suspend” the rules", "Trump's claim that …", "his assertion of “…”"."""
    author = author_of(noun)
    if author is None:
        return None
    clauses = [child for child in noun.children if _noun_clause(child, lex)]
    objects = [
        c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == noun.i + 1
    ]
    if not clauses and not objects:
        return None
    # "assertion of “great progress”" quotes words but reports no statement.
    parts, relation = (clauses, Relation.CLAUSE) if clauses else (objects, Relation.OBJECT)
    report = Report(
        cue=cue,
        cue_token=noun,
        cue_start=noun.i,
        cue_end=noun.i + 1,
        relation=relation,
        subject=author,
        content_start=min(c.left_edge.i for c in parts),
        content_end=max(c.right_edge.i for c in parts) + 1,
    )
    _trim(report, noun.doc)
    return report


def _noun_clause(child: Token, lex: CueLexicon) -> bool:
    """A "that" clause or an infinitive completing a speech noun ("a promise to …")."""
    if child.dep_ not in {"acl", "ccomp", "xcomp"} or lex.verb(child) is not None:
        return False
    marks = {c.lower_ for c in child.children if c.dep_ in {"mark", "aux"}}
    return bool(marks & {"that", "to"})


def _verb_report(verb: Token, cue: Cue, layout: Layout, lex: CueLexicon) -> Report:
    cue_end = verb.i + 1
    particle = next((c for c in verb.rights if cue.particle and c.lower_ == cue.particle), None)
    if particle is not None:
        cue_end = particle.i + 1
    report = Report(
        cue=cue,
        cue_token=verb,
        cue_start=verb.i,
        cue_end=cue_end,
        relation=Relation.BARE,
        subject=subject_of(verb, layout.quoted),
        content_start=verb.i,
        content_end=verb.i,
        negated=any(child.dep_ == "neg" for child in verb.children),
    )
    if _refers_to_words(verb):
        return report
    # What a promise, threat or demand is about is its infinitive: "vowed to “crush” them".
    complements = {"ccomp", "xcomp"} if cue.kind is CueKind.EVALUATE else {"ccomp"}
    clauses = [c for c in verb.children if c.dep_ in complements and c is not particle]
    if particle is not None:
        # "made it clear that …": the clause hangs on "clear".
        clauses += [
            c for c in particle.children if c.dep_ in {"ccomp", "advcl"} and c.i > particle.i
        ]
    if not clauses:
        # "The “root causes” needed addressing, Lavrov said": a clause before the cue that
        # the parser left unlabelled is what the cue reports.
        clauses = [
            child
            for child in verb.lefts
            if child.dep_ in {"dep", "parataxis"} and not child.is_punct
        ]
    hosted = _is_aside(verb)
    if clauses:
        _clause(report, verb, clauses, lex)
    elif cue.kind in OBJECT_KINDS and _objects(verb, cue.kind):
        _object(report, verb, lex)
    elif hosted and layout.sentence[verb.i] == layout.sentence[verb.head.i]:
        _host(report, verb, verb.head, layout)
    elif not _after_split(report, verb, layout):
        _object(report, verb, lex)
    _trim(report, verb.doc)
    return report


def _is_aside(verb: Token) -> bool:
    """Whether a cue is an aside on the clause it reports ("…, the White House confirmed")."""
    # An aside has no conjunction of its own: "…, the White House confirmed", not
    # "it was minutes later that a journalist shouted".
    hosted = verb.dep_ in _HOSTED and verb.head.i != verb.i and not _marked(verb)
    # "Writing on Truth Social, Trump said …": a participle before its verb sets the scene;
    # "Europe adding $100bn": a cue with an object of its own is no aside ("told reporters" is).
    hosted = hosted and not (verb.tag_ == "VBG" and verb.i < verb.head.i)
    hosted = hosted and (
        verb.lemma_ in ADDRESSING or not any(c.dep_ == "dobj" for c in verb.children)
    )
    return hosted and not any(c.dep_ in {"xcomp", "oprd"} for c in verb.children)


def _passive(verb: Token) -> bool:
    """ "Putin was welcomed", "Once confirmed, Gor …", "easier said than done": the subject
    of a passive cue did not speak."""
    if any(child.dep_ == "auxpass" for child in verb.children):
        return True
    if any(c.dep_ == "advcl" and any(m.lower_ == "than" for m in c.children) for c in verb.rights):
        return True
    participle = verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl", "amod"}
    return participle and not any(child.dep_ == "aux" for child in verb.children)


def _refers_to_words(verb: Token) -> bool:
    """ "what he said": the words are referred to, not reported (but "what X describes as “…”")."""
    relative = any(c.dep_ == "dobj" and c.tag_ in {"WP", "WDT"} for c in verb.children)
    return relative and not any(c.dep_ in {"prep", "oprd"} for c in verb.rights)


def _marked(verb: Token) -> bool:
    return any(child.dep_ == "mark" for child in verb.children)


def _clause(report: Report, verb: Token, clauses: list[Token], lex: CueLexicon) -> None:
    """The governed clause, and what the parser hung beside it ("said X “…”")."""
    report.relation = Relation.CLAUSE
    report.content_start = min(c.left_edge.i for c in clauses)
    end = max(c.right_edge.i for c in clauses) + 1
    if clauses[0].i > verb.i:
        end = max(end, _right_end(verb, clauses[0].i, lex))
    report.content_end = end


def _right_end(verb: Token, first: int, lex: CueLexicon) -> int:
    """The end of the verb's right dependents from ``first``, short of a new predicate or cue."""
    end = first + 1
    for child in verb.rights:
        if child.i < first or child.is_punct or child.dep_ == "cc":
            continue
        if child.dep_ == "conj" or lex.verb(child) is not None:
            break
        end = child.right_edge.i + 1
    return end


def _after_split(report: Report, verb: Token, layout: Layout) -> bool:
    """ "The “root causes” needed addressing, Lavrov said": the parser cut the
    sentence at the comma, leaving "Lavrov said" alone; its content is the part before."""
    doc = verb.doc
    start = layout.sentence_start(verb.i)
    first = start
    while first < verb.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    comma = next((i for i in range(start, first) if doc[i].text == ","), None)
    if comma is None:
        comma = start - 1
        while comma >= 0 and doc[comma].is_space:
            comma -= 1
    subject = report.subject
    if comma < 1 or doc[comma].text != "," or subject is None or subject.left_edge.i != first:
        return False
    if verb.dep_ != "ROOT" or subject.right_edge.i >= verb.i:
        return False
    report.relation = Relation.HOST
    report.content_start, report.content_end = layout.sentence_start(comma - 1), comma
    return True


def _according(according: Token, to: Token, layout: Layout) -> Report | None:
    source = next((child for child in to.children if child.dep_ == "pobj"), None)
    if source is None:
        return None
    host = according.head
    while host.pos_ not in {"VERB", "AUX"} and host.dep_ != "ROOT" and host.head.i != host.i:
        host = host.head
    report = Report(
        cue=Cue("according to", "ADP", CueKind.ACCORDING, strong=True),
        cue_token=according,
        cue_start=according.i,
        cue_end=to.i + 1,
        relation=Relation.ACCORDING,
        subject=source,
        content_start=according.i,
        content_end=according.i,
    )
    if host.i == according.i:
        report.content_start = layout.sentence_start(according.i)
        report.content_end = layout.sentence_end(according.i)
    else:
        report.content_start, report.content_end = _extent(host, layout)
    report.hole_start, report.hole_end = according.left_edge.i, according.right_edge.i + 1
    _widen_hole(report, according.doc)
    _trim(report, according.doc)
    return report


def _host(report: Report, verb: Token, host: Token, layout: Layout) -> None:
    """The cue hangs on the clause it reports: "…,” he said", "The regime, says X, is …"."""
    report.relation = Relation.HOST
    report.content_start, report.content_end = _extent(host, layout)
    report.hole_start, report.hole_end = verb.left_edge.i, verb.right_edge.i + 1
    _widen_hole(report, verb.doc)


def _objects(verb: Token, kind: CueKind) -> list[Token]:
    """Objects, and the prepositions that take them ("accused X of …", "called for …")."""
    prepositions = _OBJECT_PREPOSITIONS | (_JUDGING_PREPOSITIONS if kind in OBJECT_KINDS else set())
    return [
        child
        for child in verb.rights
        if child.dep_ in _OBJECTS or (child.dep_ == "prep" and child.lower_ in prepositions)
    ]


def _object(report: Report, verb: Token, lex: CueLexicon) -> None:
    """The object and what follows it: "described the strike … in Colombian waters as “murder”"."""
    objects = _objects(verb, report.cue.kind)
    if objects:
        report.relation = Relation.OBJECT
        first = objects[0]
        # "called for a ceasefire": the content is what the preposition takes.
        if first.dep_ == "prep" and (taken := [c for c in first.children if c.dep_ == "pobj"]):
            first = taken[0]
        report.content_start = min([first.left_edge.i, *(c.left_edge.i for c in objects[1:])])
        report.content_end = _right_end(verb, objects[0].i, lex)


def _extent(token: Token, layout: Layout) -> tuple[int, int]:
    start, end = layout.sentence_start(token.i), layout.sentence_end(token.i)
    return max(token.left_edge.i, start), min(token.right_edge.i + 1, end)


def _widen_hole(report: Report, doc: Doc) -> None:
    """Take the commas around an aside into the hole, so the content reads on."""
    while report.hole_start > report.content_start and doc[report.hole_start - 1].text in {
        ",",
        "—",
        "–",
    }:
        report.hole_start -= 1
    while report.hole_end < report.content_end and doc[report.hole_end].text in {",", "—", "–"}:
        report.hole_end += 1


def _trim(report: Report, doc: Doc) -> None:
    """No punctuation, "that" or quotation marks at the edges of the content."""
    start, end = report.content_start, report.content_end
    while start < end and (_edge(doc[start]) or _connective(doc[start])):
        start += 1
    while end > start and _edge(doc[end - 1]):
        end -= 1
    if report.hole_start <= start < report.hole_end:
        start = report.hole_end
    if report.hole_start < end <= report.hole_end:
        end = report.hole_start
    report.content_start, report.content_end = start, max(start, end)


def _connective(token: Token) -> bool:
    """ "that", "and", "but", or "Additionally," opening the content."""
    if token.dep_ == "mark" and token.lower_ == "that":
        return True
    if token.dep_ == "cc":
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.dep_ == "advmod" and following is not None and following.text == ","


def _edge(token: Token) -> bool:
    return token.is_punct or token.is_space


def is_question(report: Report, doc: Doc) -> bool:
    """An indirect question ("did not say whether …") reports no statement; "said that, if
    elected, …" does."""
    start = report.content_start
    if report.content_end <= start or doc[start].lower_ not in _QUESTION_WORDS:
        return False
    return not any(doc[i].lower_ == "that" for i in range(max(0, start - 3), start))
