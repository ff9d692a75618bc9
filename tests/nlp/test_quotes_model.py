"""Quotes with the real model: an article written for the tests, and the seed article."""

from __future__ import annotations

import pytest

from communique.records import QuoteKind, Readout

pytestmark = pytest.mark.model

# Written for these tests; the people are real, the call and the words are not.
ARTICLE = """Lula and Milei hold first call since Argentine election

Brazilian President Luiz Inácio Lula da Silva and Argentine President Javier Milei spoke by \
telephone on Monday for nearly an hour, their first direct conversation since Milei took office.

“A frank and useful exchange between two neighbours who need each other more than they \
admit,” wrote Celso Amorim on social media platform X.

According to Milei's aide Santiago Caputo, the leaders discussed a new rail corridor linking \
the ports of Santos and Rosario. Lula emphasized that regional integration could not wait for \
ideological differences to fade.

The two governments also agreed to revive the Mercosur working group on tariffs, with Milei \
noting that any deal would have to be approved by the Argentine Congress. Washington supports \
closer ties between the two countries, according to White House spokesperson Karoline Leavitt.

A senior South American diplomat told reporters that the call had been arranged by Uruguay.

«We welcome this dialogue and hope it continues», said Jean-Noël Barrot, the French foreign \
minister.

Speaking at a press conference in Brasília, Lula said: “We share a border of more than a \
thousand kilometres and a history that is longer still.

“Nobody gains when Brazil and Argentina stop talking to each other.”

Critics in Buenos Aires were less impressed. One opposition senator called the call "a photo \
opportunity with no substance.

Markets in São Paulo rose slightly on Tuesday after the announcement.

Officials in Brasília said the next round of talks would take place in Montevideo.
"""

# kind, words the content starts with, speaker (actor name or None), speaker words, cue, channel
EXPECTED = [
    ("direct", "A frank and useful exchange", "Celso Amorim", "Celso Amorim", "wrote", "X"),
    (
        "indirect",
        "the leaders discussed",
        "Santiago Caputo",
        "Milei's aide Santiago Caputo",
        "According to",
        None,
    ),
    ("indirect", "regional integration", "Lula", "Lula", "emphasized", None),
    ("indirect", "any deal would have", "Javier Milei", "Milei", "noting", None),
    (
        "indirect",
        "Washington supports",
        "Karoline Leavitt",
        "White House spokesperson Karoline Leavitt",
        "according to",
        None,
    ),
    ("indirect", "the call had been", None, "A senior South American diplomat", "told", None),
    (
        "direct",
        "We welcome this dialogue",
        "Jean-Noël Barrot",
        "Jean-Noël Barrot, the French foreign minister",
        "said",
        None,
    ),
    ("direct", "We share a border", "Lula", "Lula", "said", "press conference"),
    ("direct", "a photo opportunity", None, "One opposition senator", "called", None),
    ("indirect", "the next round of talks", None, "Officials in Brasília", "said", None),
]


@pytest.fixture(scope="module")
def readout(extractor) -> Readout:
    from communique.records import RawArticle

    return extractor.extract(RawArticle(source="test.txt", text=ARTICLE, published="2025-03-04"))


def _reading(readout: Readout, quote) -> tuple:  # type: ignore[no-untyped-def]
    actor = readout.actor(quote.speaker) if quote.speaker else None
    return (
        quote.kind.value,
        actor.name if actor else None,
        quote.speaker_text,
        quote.cue.text if quote.cue else None,
        quote.channel,
    )


@pytest.mark.parametrize(("kind", "start", "speaker", "words", "cue", "channel"), EXPECTED)
def test_quotes_article_reading(
    readout: Readout, kind, start, speaker, words, cue, channel
) -> None:  # type: ignore[no-untyped-def]
    found = [q for q in readout.quotes if q.kind.value == kind and q.text.startswith(start)]
    assert len(found) == 1, [q.text for q in readout.quotes]
    assert _reading(readout, found[0]) == (kind, speaker, words, cue, channel)


def test_quotes_article_has_no_other_quotes(readout: Readout) -> None:
    assert len(readout.quotes) == len(EXPECTED)


def test_quotes_two_paragraph_quote_is_one_quote(readout: Readout) -> None:
    [quote] = [q for q in readout.quotes if q.text.startswith("We share a border")]
    assert quote.text.endswith("stop talking to each other.")
    assert "“" not in quote.text


def test_quotes_unbalanced_mark_does_not_swallow_the_next_paragraphs(readout: Readout) -> None:
    [quote] = [q for q in readout.quotes if q.text.startswith("a photo opportunity")]
    assert quote.text == "a photo opportunity with no substance."
    assert "Markets" not in readout.article.text[quote.start_char : quote.end_char]


def test_quotes_offsets_point_at_the_text(readout: Readout) -> None:
    for quote in readout.quotes:
        span = readout.article.text[quote.start_char : quote.end_char]
        assert span.split()[0] == quote.text.split()[0]
        if quote.cue is not None:
            assert readout.article.text[quote.cue.start_char : quote.cue.end_char] == quote.cue.text


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"The door remains open," said German Chancellor Friedrich Merz.', "Friedrich Merz"),
        ("The Kremlin said the talks had been useful.", "Russia"),
        ("The White House said the meeting would take place in Geneva.", "United States"),
        (
            "Emmanuel Macron met Keir Starmer in Paris. “It was a good day,” he said.",
            "Emmanuel Macron",
        ),
        ("Officials familiar with the talks said a deal was close.", None),
    ],
)
def test_quotes_speaker_of_sentence(extractor, sentence: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    from communique.records import RawArticle

    found = extractor.extract(RawArticle(source="s.txt", text=sentence, published="2025-05-01"))
    assert found.quotes
    actor = found.actor(found.quotes[0].speaker) if found.quotes[0].speaker else None
    assert (actor.name if actor else None) == speaker


@pytest.mark.parametrize(
    ("sentence", "quoted", "speaker"),
    [
        # A colon after a clause about the speaker, with no cue at all.
        (
            "Angela Merkel’s answer was short: “We will not sign this treaty.”",
            "We will not sign",
            "Angela Merkel",
        ),
        # The quotation marks are the reporter's, not those of the person reported.
        (
            "Emmanuel Macron said Olaf Scholz had promised him the law would pass “before the summer”.",
            "before the summer",
            "Emmanuel Macron",
        ),
        # A participle after a reported clause belongs to the reporter.
        (
            "Sergei Lavrov said the talks were useful, adding that a deal was “within reach”.",
            "within reach",
            "Sergei Lavrov",
        ),
        # A judging cue's object is the speaker's words, one word or more.
        ("Angela Merkel described the vote as “a farce”.", "a farce", "Angela Merkel"),
        # The quoted words are an inverted cue's subject for the parser; the speaker follows.
        (
            "“A frank exchange of views,” wrote Keir Starmer on X.",
            "A frank exchange of views",
            "Keir Starmer",
        ),
    ],
)
def test_quotes_direct_speaker(extractor, sentence: str, quoted: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    from communique.records import RawArticle

    found = extractor.extract(RawArticle(source="s.txt", text=sentence, published="2025-05-01"))
    [quote] = [q for q in found.quotes if q.kind is QuoteKind.DIRECT]
    assert quote.text.startswith(quoted)
    actor = found.actor(quote.speaker) if quote.speaker else None
    assert actor is not None and actor.name == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said the “Helsinki format” talks would resume in May.",
        "Diplomats used the term “frozen conflict” for the war.",
        "Europe’s leaders hope to assemble a “coalition of the willing” soon.",
        "Detectives said “Falcon” had carried the cash.",
        "Easier said than done: the “reset” never came.",
    ],
)
def test_quotes_terms_in_marks_are_not_quotes(extractor, sentence: str) -> None:  # type: ignore[no-untyped-def]
    from communique.records import RawArticle

    found = extractor.extract(RawArticle(source="s.txt", text=sentence, published="2025-05-01"))
    assert [q.text for q in found.quotes if q.kind is QuoteKind.DIRECT] == []


@pytest.mark.shared
def test_quotes_seed_article_readings(extractor, shared_dir) -> None:  # type: ignore[no-untyped-def]
    from communique.ingest.sources import read_text

    path = shared_dir / "seed" / "2025-10-16_putin-trump-call.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    readout = extractor.extract(read_text(path.read_text(encoding="utf-8"), path.name))

    def speakers(kind: QuoteKind) -> set[str]:
        return {
            actor.name
            for quote in readout.quotes
            if quote.kind is kind and quote.speaker and (actor := readout.actor(quote.speaker))
        }

    direct = [q for q in readout.quotes if q.kind is QuoteKind.DIRECT]
    assert len(direct) == 2
    by_speaker = {readout.actor(q.speaker).name: q for q in direct if q.speaker}  # type: ignore[union-attr]
    assert by_speaker["Kirill Dmitriev"].channel == "X"
    assert "Viktor Orbán" in by_speaker
    assert {"Yury Ushakov", "Vladimir Putin", "Donald Trump", "Caroline Leavitt"} <= speakers(
        QuoteKind.INDIRECT
    )
