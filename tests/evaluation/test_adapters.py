"""Each benchmark adapter on a tiny team-written sample of its format, with stub readouts."""

import json

import pytest

from communique.evaluation import conll, ngec, petrarch, plover, polnear, re3d, tempeval
from communique.evaluation.results import DataMissingError
from communique.evaluation.runner import SETS, run_all
from communique.records import (
    Actor,
    ActorKind,
    Article,
    Event,
    EventStatus,
    EventType,
    Mention,
    Place,
    PlaceKind,
    Quote,
    QuoteKind,
    Readout,
    Span,
    TimeExpression,
    TimeKind,
)


class StubExtractor:
    """Stands in for the pipeline: each article's readout comes from ``respond``."""

    def __init__(self, respond):
        self.respond = respond
        self.seen = []

    def analyse_many(self, articles):
        self.seen.extend(articles)
        return [self.respond(article) for article in articles]


def mention(article: Article, text: str) -> Mention:
    start = article.text.index(text)
    return Mention(start_char=start, end_char=start + len(text), text=text)


def actor(article, ident, kind, text, **fields):
    return Actor(id=ident, name=text, kind=kind, mentions=(mention(article, text),), **fields)


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_conll_rebuilds_text_and_scores_exact_spans(tmp_path):
    data = tmp_path / "dev.txt"
    data.write_text(
        "-DOCSTART- -X- -X- O\n\nLula NNP B-NP B-PER\nmet VBD B-VP O\nPetro NNP B-NP B-PER\n"
        "in IN B-PP O\nBogota NNP B-NP B-LOC\n. . O O\n\nThe DT B-NP O\nEuropean NNP I-NP B-ORG\n"
        "Union NNP I-NP I-ORG\nagreed VBD B-VP O\n. . O O\n",
        encoding="utf-8",
    )

    def respond(article):
        assert article.text == "Lula met Petro in Bogota .\nThe European Union agreed ."
        bogota = Place(
            id="p", name="Bogotá", kind=PlaceKind.CITY, mentions=(mention(article, "Bogota"),)
        )
        return Readout(
            article=article,
            actors=(
                actor(article, "a", ActorKind.PERSON, "Lula"),
                actor(article, "b", ActorKind.ORGANIZATION, "The European Union"),
            ),
            places=(bogota,),
        )

    result = conll.evaluate(StubExtractor(respond), data)
    figures = result.figures
    assert (figures["per_r"], figures["org_f1"], figures["loc_f1"], figures["micro_p"]) == (
        0.5,
        1.0,
        1.0,
        1.0,
    )
    assert result.counts["gold_per"] == 2


def test_tempeval_reads_against_the_dct_and_scores_spans_and_values(tmp_path):
    text = "They met on Monday and talked for two hours."
    row = {
        "doc_id": "d1",
        "dct": "2025-03-04",
        "text": text,
        "timexes": [
            {"start": 12, "end": 18, "type": "DATE", "value": "2025-03-03", "text": "Monday"},
            {"start": 34, "end": 43, "type": "DURATION", "value": "PT2H", "text": "two hours"},
        ],
    }

    def respond(article):
        assert article.published == "2025-03-04"
        return Readout(
            article=article,
            times=(
                TimeExpression(
                    id="t1",
                    text="on Monday",
                    start_char=9,
                    end_char=18,
                    kind=TimeKind.DATE,
                    value="2025-03-03",
                ),
                TimeExpression(
                    id="t2",
                    text="two hours",
                    start_char=34,
                    end_char=43,
                    kind=TimeKind.DURATION,
                    value="PT3H",
                ),
            ),
        )

    figures = tempeval.evaluate(
        StubExtractor(respond), write_jsonl(tmp_path / "t.jsonl", [row])
    ).figures
    assert (
        figures["relaxed_f1"],
        figures["strict_f1"],
        figures["value_acc"],
        figures["type_acc"],
    ) == (1.0, 0.5, 0.5, 1.0)


def test_polnear_scores_roles_and_speaker_on_one_annotation_per_document(tmp_path):
    text = "Carney said the talks went well. Officials believe a deal is near."

    def part(start, end):
        return [{"spans": [[start, end]], "text": text[start:end]}]

    said = {"source": part(0, 6), "cue": part(7, 11), "content": part(12, 31)}
    believe = {"source": part(33, 42), "cue": part(43, 50), "content": part(51, 65)}
    rows = [
        {
            "doc": "outlet_2025-03-04_talks",
            "annotator": "a1",
            "text": text,
            "attributions": [said, believe],
        },
        {"doc": "outlet_2025-03-04_talks", "annotator": "b2", "text": text, "attributions": [said]},
    ]

    def respond(article):
        carney = actor(article, "person/carney", ActorKind.PERSON, "Carney")
        said_quote = Quote(
            id="q1", kind=QuoteKind.INDIRECT, text=text[12:31], start_char=12, end_char=31,
            speaker=carney.id, speaker_span=Span(start_char=0, end_char=6, text=text[0:6]),
            cue=Span(start_char=7, end_char=11, text="said"),
        )  # fmt: skip
        return Readout(article=article, actors=(carney,), quotes=(said_quote,))

    stub = StubExtractor(respond)
    result = polnear.evaluate(stub, write_jsonl(tmp_path / "dev.jsonl", rows))
    assert len(stub.seen) == 1 and stub.seen[0].published == "2025-03-04"
    figures = result.figures
    assert (figures["content_p"], figures["content_r"], figures["cue_r"], figures["source_r"]) == (
        1.0,
        0.5,
        0.5,
        0.5,
    )
    assert (figures["speaker_acc"], figures["indirect_r"]) == (1.0, 0.5)


def test_plover_maps_old_names_and_scores_sides(tmp_path):
    rows = [
        {"id": "P1", "event": "DEMAND", "text": "Canada demanded that Portugal reply.",
         "source": [{"actorText": "Canada", "code": "CAN", "sector": "GOV"}],
         "target": [{"actorText": "Portugal", "code": "PRT", "sector": "GOV"}]},
        {"id": "P2", "event": "FIGHT", "text": "Rebels fought the army.",
         "source": [{"actorText": "Rebels", "code": "XXX", "sector": "REB"}], "target": ""},
    ]  # fmt: skip

    def respond(article):
        if "Canada" not in article.text:
            return Readout(article=article)
        can = actor(
            article, "country/can", ActorKind.COUNTRY, "Canada", country="CAN", sector="GOV"
        )
        prt = actor(
            article, "country/prt", ActorKind.COUNTRY, "Portugal", country="PRT", sector="GOV"
        )
        whole = Span(start_char=0, end_char=len(article.text), text=article.text)
        demand = Event(
            id="e1", type=EventType.REQUEST, actors=(can.id,), recipients=(prt.id,),
            status=EventStatus.OCCURRED, trigger=whole, sentence=whole,
        )  # fmt: skip
        return Readout(article=article, actors=(can, prt), events=(demand,))

    figures = plover.evaluate(
        StubExtractor(respond), write_jsonl(tmp_path / "p.jsonl", rows)
    ).figures
    assert figures == {
        "type_acc": 0.5, "coded": 0.5, "source_country_acc": 0.5,
        "source_sector_acc": 0.5, "target_country_acc": 1.0, "target_sector_acc": 1.0,
    }  # fmt: skip


def test_petrarch_scores_root_codes_triples_and_false_events(tmp_path):
    rows = [
        {"id": "A", "date": "20250304", "text": "Canada visited Portugal.",
         "expected_events": [{"source": "CAN", "target": "PRT", "eventcode": "042"}], "noevents": False},
        {"id": "B", "date": "20250304", "text": "Nothing happened in Canada.", "expected_events": [], "noevents": True},
        {"id": "C", "date": "20250304", "text": "Made-up code.",
         "expected_events": [{"source": "CAN", "target": "PRT", "eventcode": "901"}], "noevents": False},
        {"id": "D", "date": "20250304", "text": "Parser error.", "expected_events": [],
         "noevents": False, "expected_errors": ["error"]},
    ]  # fmt: skip

    def respond(article):
        assert article.published == "2025-03-04"
        if "Canada" not in article.text:
            return Readout(article=article)
        can = actor(article, "country/can", ActorKind.COUNTRY, "Canada", country="CAN")
        actors = [can]
        recipients = ()
        if "Portugal" in article.text:
            actors.append(
                actor(article, "country/prt", ActorKind.COUNTRY, "Portugal", country="PRT")
            )
            recipients = ("country/prt",)
        whole = Span(start_char=0, end_char=len(article.text), text=article.text)
        visit = Event(
            id="e1", type=EventType.CONSULT, cameo="042", actors=("country/can",), recipients=recipients,
            status=EventStatus.OCCURRED, trigger=whole, sentence=whole,
        )  # fmt: skip
        return Readout(article=article, actors=tuple(actors), events=(visit,))

    result = petrarch.evaluate(StubExtractor(respond), write_jsonl(tmp_path / "u.jsonl", rows))
    figures = result.figures
    assert (figures["root_code_f1"], figures["triple_f1"], figures["plover_type_r"]) == (
        1.0,
        1.0,
        1.0,
    )
    assert figures["false_event_rate"] == 1.0
    assert result.counts == {"records": 1, "expected_events": 1, "no_event_records": 1}


def test_ngec_reads_each_string_in_a_sentence_with_its_context(tmp_path):
    cases = [
        {"test": "t1", "actor_text": "Prime Minister Mark Carney", "context": "", "expected_country": "CAN", "expected_code_1": "GOV"},
        {"test": "t2", "actor_text": "the PAN", "context": "Mexico", "expected_country": "MEX", "expected_code_1": "PTY"},
        {"test": "t3", "actor_text": "nobody", "context": "", "expected_country": "", "expected_code_1": None},
    ]  # fmt: skip

    def respond(article):
        if article.text.startswith("Prime Minister"):
            found = actor(
                article, "a", ActorKind.PERSON, "Mark Carney", country="CAN", sector="GOV"
            )
            return Readout(article=article, actors=(found,))
        if "PAN" in article.text:
            assert article.text == "In Mexico news, the PAN said on Monday."
            return Readout(
                article=article, actors=(actor(article, "b", ActorKind.ORGANIZATION, "PAN"),)
            )
        return Readout(article=article)

    figures = ngec.evaluate(
        StubExtractor(respond), write_jsonl(tmp_path / "n.jsonl", cases)
    ).figures
    assert figures == {"country_acc": 0.667, "sector_acc": 0.5, "resolved": 0.667}


def test_re3d_keeps_confident_entities_of_the_types_produced(tmp_path):
    subset = tmp_path / "re3d" / "Team subset"
    subset.mkdir(parents=True)
    text = "Syria said the UN envoy met Syrian officials."
    (subset / "documents.json").write_text(
        "\ufeff" + json.dumps({"_id": "D1", "text": text}) + "\n", encoding="utf-8"
    )
    entities = [
        {"documentId": "D1", "begin": 0, "end": 5, "type": "Location", "confidence": 0.9},
        {"documentId": "D1", "begin": 0, "end": 5, "type": "Organisation", "confidence": 0},
        {"documentId": "D1", "begin": 15, "end": 17, "type": "Organisation", "confidence": 1},
        {"documentId": "D1", "begin": 28, "end": 34, "type": "Nationality", "confidence": 1},
        {"documentId": "D1", "begin": 35, "end": 44, "type": "Temporal", "confidence": 1},
    ]
    write_jsonl(subset / "entities.json", entities)

    def respond(article):
        syria = Actor(
            id="country/syr", name="Syria", kind=ActorKind.COUNTRY, country="SYR",
            mentions=(mention(article, "Syria"), Mention(start_char=28, end_char=34, text="Syrian", kind="demonym")),
        )  # fmt: skip
        return Readout(article=article, actors=(syria,))

    figures = re3d.evaluate(StubExtractor(respond), tmp_path / "re3d").figures
    assert (figures["location_f1"], figures["nationality_f1"], figures["organisation_r"]) == (
        1.0,
        1.0,
        0.0,
    )
    assert figures["span_r"] == 0.667


@pytest.mark.parametrize("item", SETS, ids=[item.name for item in SETS])
def test_every_set_raises_data_missing_when_its_data_is_absent(item, tmp_path):
    with pytest.raises(DataMissingError, match="not found"):
        item.evaluate(
            StubExtractor(lambda article: Readout(article=article)), tmp_path / "absent", None
        )


def test_run_all_skips_every_set_without_shared_data(tmp_path):
    class Settings:
        model = "stub"

    stub = StubExtractor(lambda article: Readout(article=article))
    stub.settings = Settings()
    run = run_all(stub, shared=tmp_path / "no-shared", fast=True)
    assert all(result.skipped and "not found" in result.skipped for result in run.results)
    assert run.figures == {}
    assert set(run.as_json()["sets"]) == {item.name for item in SETS}


def test_analyse_texts_isolates_a_document_that_crashes_the_batch():
    from communique.evaluation.corpus import Text, analyse_texts

    def respond(article):
        if "boom" in article.text:
            raise RuntimeError("component crashed")
        return Readout(article=article)

    results = analyse_texts(
        StubExtractor(respond), [Text("a", "fine"), Text("b", "boom"), Text("c", "fine too")]
    )
    assert [type(r).__name__ for r in results] == ["Readout", "Failure", "Readout"]
    assert "component crashed" in results[1].error
