"""Who said each quotation, and whether it is a quotation at all.

A quotation takes its speaker, in this order, from

1. the innermost report whose content holds it: "…,” wrote Dmitriev", "X
   said the war “never would have happened”", "according to X";
2. a naming or judging cue whose object holds it: "calling it “…”",
   "described the strike as “murder”", "threatened him with “crippling”
   sanctions";
3. a cue right beside its marks: "“…,” he added", "X said: “…”";
4. the context, when it opens its sentence: a colon after a cue ("The draft
   proposes …:"), the quotation just before it by the same speaker (a quote
   running over several paragraphs), or a sentence that is nothing but a
   cue ("X told reporters.").

Marks around a term are not a quotation: a short quoted phrase with no cue,
or one that only pre-modifies a noun inside a reported clause ("the “phase
one” trade deal"), is a scare quote or a name and is dropped. A long
quotation with no speaker is kept, with the speaker unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc, Token

from communique.nlp.quotes.cues import OBJECT_KINDS, REPORT_KINDS, speaker_nouns
from communique.nlp.quotes.layout import Layout, QuoteSpan
from communique.nlp.quotes.reported import ADDRESSING, Relation, Report
from communique.nlp.quotes.speakers import Speaker

_TERM_DEPS = frozenset({"compound", "nmod", "nummod", "poss"})
_NOUNS = frozenset({"NOUN", "PROPN", "NUM"})
_OPENING_MARKS = frozenset({'"', "“", "‘", "'", "«", "»", "''", "``"})
_MAX_TERM_WORDS = 3
_MIN_FREE_WORDS = 5
_NEAR = 6


class Basis(StrEnum):
    CONTENT = "content"
    OBJECT = "object"
    ADJACENT = "adjacent"
    COLON = "colon"
    CONTINUED = "continued"
    PREVIOUS = "previous"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Attribution:
    basis: Basis
    speaker: Speaker | None = None
    report: Report | None = None


def _reported_by(inner: Token, outer: Token) -> bool:
    """Whether a cue stands in the reported clause of another: "said [Modi had assured …]"."""
    token = inner
    while token.dep_ in {"ccomp", "xcomp"} and token.head.i != token.i:
        token = token.head
        if token.i == outer.i:
            return True
    return False


class Attributor:
    """Attributes the quotations of one Doc, in text order."""

    def __init__(self, doc: Doc, layout: Layout, reports: list[Report]) -> None:
        self._doc = doc
        self._layout = layout
        self._by_sentence: dict[int, list[Report]] = {}
        for report in reports:
            if report.speaker is not None:
                self._by_sentence.setdefault(layout.sentence[report.cue_start], []).append(report)
        self._last: tuple[QuoteSpan, Attribution] | None = None

    def _near(self, *tokens: int) -> list[Report]:
        """The reports of the sentences from the first to the last of ``tokens``."""
        numbers = [self._layout.sentence[i] for i in tokens if 0 <= i < len(self._doc)]
        if not numbers:
            return []
        return [
            r for n in range(min(numbers), max(numbers) + 1) for r in self._by_sentence.get(n, [])
        ]

    def attribute(self, quote: QuoteSpan) -> Attribution | None:
        """The attribution of a quotation, or None when it is a term, not a quote."""
        found = self._attribute(quote)
        if found is not None and found.basis is not Basis.NONE:
            self._last = (quote, found)
        return found

    def _attribute(self, quote: QuoteSpan) -> Attribution | None:
        report = self._containing(quote)
        if report is not None:
            if report.relation is Relation.OBJECT:
                return Attribution(Basis.OBJECT, report.speaker, report)
            if self._is_term(quote):
                return None
            return Attribution(Basis.CONTENT, report.speaker, report)
        if (report := self._beside(quote)) is not None:
            return Attribution(Basis.ADJACENT, report.speaker, report)
        if (found := self._after_colon(quote)) is not None:
            return found
        if self._opens_sentence(quote) and (found := self._from_context(quote)) is not None:
            return found
        if self._free_standing(quote):
            return Attribution(Basis.NONE)
        return None

    def _containing(self, quote: QuoteSpan) -> Report | None:
        """The innermost report holding the quotation, or the report that reports that one.

        In "Trump said Modi had assured him purchases would stop “within a
        short period”" the marked words are Trump's, not Modi's.
        """
        holding = []
        # The sentence after the quotation too: "The “…” needed addressing, | Lavrov said".
        following = min(self._layout.sentence_end(quote.end - 1), len(self._doc) - 1)
        for report in self._near(quote.start, following):
            if (
                self._layout.quoted[report.cue_start] == quote.number
                or report.relation is Relation.BARE
            ):
                continue
            part = self._part_in_sentence(quote, report)
            if part is None or not report.covers(*part):
                continue
            if report.relation is Relation.OBJECT and not self._object_of(quote, report):
                continue
            holding.append(report)
        if not holding:
            return None
        holding.sort(key=lambda report: report.size)
        best = holding[0]
        if best.relation is not Relation.CLAUSE:
            return best
        for outer in holding[1:]:
            reporting = outer.relation is Relation.CLAUSE and outer.cue.kind in REPORT_KINDS
            if reporting and outer.cue.strong and _reported_by(best.cue_token, outer.cue_token):
                return outer
        return best

    def _part_in_sentence(self, quote: QuoteSpan, report: Report) -> tuple[int, int] | None:
        """The stretch of the quotation inside the sentence the report's content is in."""
        layout = self._layout
        if report.content_end <= report.content_start:
            return None
        start = max(quote.start, layout.sentence_start(report.content_start))
        end = min(quote.end, layout.sentence_end(report.content_end - 1))
        while end > start and self._doc[end - 1].is_punct:
            end -= 1
        return (start, end) if start < end else None

    def _object_of(self, quote: QuoteSpan, report: Report) -> bool:
        """Whether the quotation is the cue's object, or anywhere inside it for naming cues.

        "praised the “constructive atmosphere”" quotes the speaker; "groups
        report a spike in “suicides”" does not, so other cues need the
        quotation to be the object itself.
        """
        if report.cue.kind in OBJECT_KINDS:
            return True
        root = self._root(quote)
        if root.head.i != report.cue_start:
            return False
        # "told MSNBC's “Morning Joe”": whom a cue addresses is no quotation of the speaker.
        addressed = root.dep_ in {"dobj", "dative"} and report.cue_token.lemma_ in ADDRESSING
        return not addressed and not all(t.pos_ == "PROPN" for t in self._words(quote))

    def _words(self, quote: QuoteSpan) -> list[Token]:
        return [t for t in self._doc[quote.start : quote.end] if not t.is_punct]

    def _root(self, quote: QuoteSpan) -> Token:
        """The token of the quotation whose head lies outside it (the first such)."""
        for token in self._doc[quote.start : quote.end]:
            if not quote.start <= token.head.i < quote.end or token.head.i == token.i:
                return token
        return self._doc[quote.start]

    def _is_term(self, quote: QuoteSpan) -> bool:
        """A short phrase that names rather than says: the “phase one” deal, a “peace” deal,
        the term “China hawk”, “Carlson” referred to Mr Mindich."""
        words = self._words(quote)
        if len(words) > _MAX_TERM_WORDS:
            return False
        if all(word.pos_ == "PROPN" for word in words):
            return True
        root = self._root(quote)
        if (
            root.dep_ in {"appos", "compound", "nmod"}
            and root.head.lemma_.lower() in speaker_nouns()["term"]
        ):
            # "the term “China hawk”": a word mentioned, not said.
            return True
        # A quoted adjective ("highly productive" talks) is the speaker's judgement, not a name.
        modifier = root.dep_ in _TERM_DEPS or (root.dep_ == "amod" and root.pos_ in _NOUNS)
        return modifier and root.head.i >= quote.end

    def _beside(self, quote: QuoteSpan) -> Report | None:
        """A cue just after the closing mark ("…,” he said) or just before the opening one."""
        doc, layout = self._doc, self._layout
        after = quote.end
        while after < len(doc) and (doc[after].is_punct or doc[after].is_space):
            after += 1
        before = quote.start - 1
        while before >= 0 and (doc[before].is_punct or doc[before].is_space):
            before -= 1
        for report in self._near(before, after):
            if after <= report.cue_start < after + _NEAR and self._subject_between(report, after):
                return report
            just_before = report.cue_start <= before < report.cue_start + _NEAR
            if just_before and layout.quoted[before] < 0 and self._opens_after(quote, report):
                return report
        return None

    def _opens_after(self, quote: QuoteSpan, report: Report) -> bool:
        """ "X told reporters: “…”", not "groups report a spike in “suicides”": the quotation
        hangs on nothing between the cue and its opening mark."""
        if self._layout.sentence[report.cue_start] != self._layout.sentence[quote.start]:
            return False
        head = self._root(quote).head.i
        return not report.cue_end <= head < quote.start

    @staticmethod
    def _subject_between(report: Report, after: int) -> bool:
        """Only the speaker's words stand between the quotation and the cue."""
        if report.cue_start == after or report.subject is None:
            return True
        subject = report.subject
        start = after
        while start < subject.left_edge.i and subject.doc[start].tag_ in {"WDT", "WP"}:
            start += 1
        return subject.left_edge.i <= start and report.cue_start - 1 <= subject.right_edge.i

    def _opens_sentence(self, quote: QuoteSpan) -> bool:
        layout, doc = self._layout, self._doc
        start = layout.sentence_start(quote.start)
        return all(doc[i].is_punct or doc[i].is_space for i in range(start, quote.start))

    def _before_marks(self, quote: QuoteSpan) -> int:
        """The last token before the quotation's opening mark."""
        doc = self._doc
        before = quote.start - 1
        while before >= 0 and (doc[before].is_space or doc[before].text in _OPENING_MARKS):
            before -= 1
        return before

    def _after_colon(self, quote: QuoteSpan) -> Attribution | None:
        """ "The draft proposes …: “…”", "Mr Putin's tone was emollient: “…”"."""
        before = self._before_marks(quote)
        if before < 0 or self._doc[before].text != ":":
            return None
        report = self._last_report(self._layout.sentence_start(before), before + 1)
        return Attribution(Basis.COLON, report.speaker, report) if report is not None else None

    def _from_context(self, quote: QuoteSpan) -> Attribution | None:
        if (continued := self._continued(quote, self._before_marks(quote))) is not None:
            return continued
        return self._previous_sentence(quote)

    def _continued(self, quote: QuoteSpan, before: int) -> Attribution | None:
        """The same speaker goes on: only the last quotation's attribution stands between."""
        if self._last is None:
            return None
        last, attribution = self._last
        layout = self._layout
        if layout.paragraph[quote.start] - layout.paragraph[last.start] > 1:
            return None
        told = layout.sentence[attribution.report.cue_start] if attribution.report else -1
        own = {told, layout.sentence[last.end - 1]}
        for i in range(last.end, before + 1):
            word = layout.quoted[i] < 0 and not self._doc[i].is_punct and not self._doc[i].is_space
            if word and layout.sentence[i] not in own:
                return None
        return Attribution(Basis.CONTINUED, attribution.speaker, attribution.report)

    def _previous_sentence(self, quote: QuoteSpan) -> Attribution | None:
        """ "X told reporters." followed by the quotation."""
        layout = self._layout
        number = layout.sentence[quote.start] - 1
        if number < 0:
            return None
        start, end = layout.sentence_starts[number], layout.sentence_ends[number]
        if any(layout.quoted[i] >= 0 for i in range(start, end)):
            return None
        report = self._last_report(start, end)
        if report is None or report.relation not in {Relation.BARE, Relation.OBJECT}:
            return None
        return Attribution(Basis.PREVIOUS, report.speaker, report)

    def _last_report(self, start: int, end: int) -> Report | None:
        found = [r for r in self._near(start, end - 1) if start <= r.cue_start < end]
        return found[-1] if found else None

    def _free_standing(self, quote: QuoteSpan) -> bool:
        """A quotation long or whole enough to be speech even with no speaker found."""
        words = [t for t in self._doc[quote.start : quote.end] if not t.is_punct]
        if len(words) >= _MIN_FREE_WORDS:
            return True
        text = self._doc[quote.start : quote.end].text.strip()
        return (
            len(words) >= 3
            and text[:1].isupper()
            and text.rstrip("”\"'’").endswith((".", "!", "?"))
        )
