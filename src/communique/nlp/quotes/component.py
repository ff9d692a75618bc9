"""The quotes component: direct and indirect quotes with speaker, cue and channel.

Writes ``doc._.quotes``, a list of :class:`QuoteMention` in text order, and
converts them to :class:`communique.records.Quote` for the readout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Token

from communique.nlp.actors import ActorEntity
from communique.nlp.quotes.attribution import Attribution, Attributor, Basis
from communique.nlp.quotes.channels import channel_of
from communique.nlp.quotes.cues import REPORT_KINDS, CueKind, lexicon
from communique.nlp.quotes.introductions import punctuation_reports
from communique.nlp.quotes.layout import Layout, QuoteSpan
from communique.nlp.quotes.marks import quoted_spans
from communique.nlp.quotes.referents import Referents
from communique.nlp.quotes.reported import Relation, Report, find_reports, is_question
from communique.nlp.quotes.speakers import can_speak, resolve, speaker_span
from communique.records import Quote, QuoteKind, Span

if TYPE_CHECKING:
    from communique.nlp.readout import Ids

_REPORTED = frozenset({Relation.CLAUSE, Relation.HOST, Relation.ACCORDING})
# Only a noun phrase names a speaker ("Easier said than done" does not).
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
# Demonstratives and the writer's own voice ("We know …") name no source.
_NOT_SPEAKERS = frozenset({"this", "that", "which", "there", "what", "we", "i", "us", "you"})
# Fewer words than this outside quotation marks, and a reported clause is just the direct quote.
_MIN_REPORTED_WORDS = 2
_MIN_OBJECT_WORDS = 3
_NAMING_COMPLEMENTS = frozenset({"oprd", "as", "for", "of"})


@dataclass(slots=True)
class QuoteMention:
    """One quote: ``start``/``end`` and the character offsets cover the content only
    (no outer marks); ``speaker`` is None for an unnamed source, whose words are in
    ``speaker_text``; ``cue_start``/``cue_end`` are None when a quote continues the
    previous one or follows a colon with no cue."""

    kind: QuoteKind
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    speaker: ActorEntity | None
    speaker_text: str | None
    cue_start: int | None
    cue_end: int | None
    channel: str | None
    speaker_start: int | None = None
    speaker_end: int | None = None
    # Whether the closing mark was found (False: the quote was cut at its paragraph's end).
    closed: bool = True


@Language.component(
    "communique_quotes",
    requires=["token.dep", "doc._.actors"],
    assigns=["doc._.quotes"],
)
def find_quotes(doc: Doc) -> Doc:
    text = doc.text
    layout = Layout.build(doc, quoted_spans(text), text)
    index = Referents(doc, doc._.actors or [], layout)
    reports = find_reports(doc, lexicon(), layout)
    reports = sorted(
        reports + punctuation_reports(doc, layout, reports), key=lambda report: report.cue_start
    )
    for report in reports:
        if (subject := _speaking_subject(report, layout)) is not None:
            span = report.speaker_words or speaker_span(
                subject, report.cue_start, report.cue_end, layout.quoted
            )
            report.speaker = resolve(subject, span, index)
    quotes = _direct(doc, layout, reports) + _indirect(doc, layout, reports)
    doc._.quotes = sorted(quotes, key=lambda q: (q.start_char, q.kind != QuoteKind.DIRECT))
    return doc


def _speaking_subject(report: Report, layout: Layout) -> Token | None:
    """The report's subject, if it can be who spoke."""
    subject = report.subject
    if subject is None or subject.pos_ not in _NOMINAL or subject.lower_ in _NOT_SPEAKERS:
        return None
    if layout.quoted[subject.i] >= 0:
        # A subject inside quotation marks belongs to the quoted words, not to the report.
        return None
    # "It says …" can be an organisation; "when he did, it was to state …" is no one.
    if subject.lower_ == "it" and subject.head.i != report.cue_start:
        return None
    return subject


def _direct(doc: Doc, layout: Layout, reports: list[Report]) -> list[QuoteMention]:
    attributor = Attributor(doc, layout, reports)
    out = []
    for quote in layout.quotes:
        attribution = attributor.attribute(quote)
        if attribution is not None:
            out.append(_direct_mention(doc, layout, quote, attribution))
    return out


def _direct_mention(
    doc: Doc, layout: Layout, quote: QuoteSpan, attribution: Attribution
) -> QuoteMention:
    text = quote.text
    if text.endswith(","):
        text = text[:-1]
    mention = QuoteMention(
        kind=QuoteKind.DIRECT,
        start=quote.start,
        end=quote.end,
        start_char=quote.marks.start_char,
        end_char=quote.marks.end_char,
        text=text,
        speaker=None,
        speaker_text=None,
        cue_start=None,
        cue_end=None,
        channel=None,
        closed=quote.marks.closed,
    )
    report = attribution.report
    if report is not None:
        _attach(mention, report, layout, with_cue=attribution.basis is not Basis.CONTINUED)
    return mention


def _indirect(doc: Doc, layout: Layout, reports: list[Report]) -> list[QuoteMention]:
    out = []
    for report in reports:
        if not _reports_statement(doc, layout, report):
            continue
        start, end = report.content_start, report.content_end
        mention = QuoteMention(
            kind=QuoteKind.INDIRECT,
            start=start,
            end=end,
            start_char=doc[start].idx,
            end_char=doc[end - 1].idx + len(doc[end - 1]),
            text=_reported_text(doc, layout, report),
            speaker=None,
            speaker_text=None,
            cue_start=None,
            cue_end=None,
            channel=None,
        )
        _attach(mention, report, layout, with_cue=True)
        out.append(mention)
    return out


def _reported_text(doc: Doc, layout: Layout, report: Report) -> str:
    """The content, read on across the cue's own phrase ("Donald Trump[, he argued,] was …"),
    with the marks of a quotation it starts or ends with."""
    start, end = report.content_start, report.content_end
    if start > 0 and layout.quoted[start] >= 0 and layout.quoted[start - 1] < 0:
        start -= 1
    if end < len(doc) and layout.quoted[end - 1] >= 0 and layout.quoted[end] < 0:
        end += 1
    pieces = [(start, min(end, report.hole_start)), (max(start, report.hole_end), end)]
    if report.hole_end <= start or report.hole_start >= end:
        pieces = [(start, end)]
    text = " ".join(doc[a:b].text for a, b in pieces if a < b)
    return " ".join(text.split())


def _reports_statement(doc: Doc, layout: Layout, report: Report) -> bool:
    """Whether a report's content is an indirect quote."""
    if report.speaker is None or report.negated or not _reports_kind(report):
        return False
    if report.content_end <= report.content_start or is_question(report, doc):
        return False
    if not _can_report(report):
        return False
    outside = layout.words_outside_quotes(doc, report.content_start, report.content_end)
    hole_start = max(report.hole_start, report.content_start)
    hole_end = min(report.hole_end, report.content_end)
    hole = layout.words_outside_quotes(doc, hole_start, hole_end) if hole_start < hole_end else 0
    least = _MIN_OBJECT_WORDS if report.relation is Relation.OBJECT else _MIN_REPORTED_WORDS
    return outside - hole >= least


def _reports_kind(report: Report) -> bool:
    """Statement cues report clauses; naming and judging cues, or "described X as Y", objects."""
    kind = report.cue.kind
    if report.relation in _REPORTED:
        return kind in REPORT_KINDS or kind is CueKind.ACCORDING
    if report.relation is Relation.OBJECT:
        # "described the strike as “murder”", "called it a farce", "accused X of Y",
        # "called for a ceasefire" — but not "called Machado on Friday" (a phone call).
        complements = {c.dep_ if c.dep_ != "prep" else c.lower_ for c in report.cue_token.rights}
        if kind is CueKind.NAME:
            return bool(complements & _NAMING_COMPLEMENTS)
        described = "as" in complements
        return (kind is CueKind.EVALUATE and "of" in complements) or (
            kind in REPORT_KINDS and described
        )
    return False


def _can_report(report: Report) -> bool:
    """ "Preparations are under way, signaling that …": a weak cue whose subject it only
    shares with the verb it hangs on needs a subject that can speak."""
    subject = report.subject
    if report.cue.strong or subject is None or subject.head.i == report.cue_start:
        return True
    return report.speaker is not None and (report.speaker.actor is not None or can_speak(subject))


def _attach(mention: QuoteMention, report: Report, layout: Layout, *, with_cue: bool) -> None:
    speaker = report.speaker
    if speaker is not None:
        mention.speaker = speaker.actor
        mention.speaker_text = speaker.text
        mention.speaker_start, mention.speaker_end = speaker.start, speaker.end
    if report.cue.kind is CueKind.INTRODUCE:
        return
    if with_cue:
        mention.cue_start, mention.cue_end = report.cue_start, report.cue_end
    if report.cue.kind not in {CueKind.ACCORDING, CueKind.SIGN}:
        mention.channel = channel_of(report.cue_token, layout.quoted)


def quote_records(doc: Doc, ids: Ids) -> tuple[Quote, ...]:
    """The Doc's quotes as records, numbered q1, q2, … in text order."""
    records = []
    for number, mention in enumerate(doc._.quotes or [], start=1):
        records.append(
            Quote(
                id=f"q{number}",
                kind=mention.kind,
                text=mention.text,
                start_char=mention.start_char,
                end_char=mention.end_char,
                speaker=ids.actor(mention.speaker) if mention.speaker is not None else None,
                speaker_text=mention.speaker_text,
                speaker_span=_span(doc, mention.speaker_start, mention.speaker_end),
                cue=_span(doc, mention.cue_start, mention.cue_end),
                channel=mention.channel,
            )
        )
    return tuple(records)


def _span(doc: Doc, start: int | None, end: int | None) -> Span | None:
    if start is None or end is None or end <= start:
        return None
    span = doc[start:end]
    return Span(start_char=span.start_char, end_char=span.end_char, text=span.text)
