from communique.resolve.dedupe import BANDS, THRESHOLD, Signature, signature

TEXT = (
    "The foreign ministers of the two countries met in a lakeside hotel on Tuesday and agreed "
    "to reopen their embassies before the end of the year. Officials on both sides described "
    "the talks as frank, and said a working group would draft the terms of a consular "
    "agreement. The ministers also discussed grain shipments, fishing rights and the release "
    "of two detained journalists, according to a joint statement issued after the meeting."
)


def test_signature_of_a_republished_copy_is_near():
    copy = TEXT.replace("on Tuesday", "on Tuesday afternoon") + " (Wire copy.)"
    assert signature(TEXT).similarity(signature(copy)) >= THRESHOLD


def test_signature_of_a_different_article_is_far():
    other = (
        "Heavy rain flooded the lower town overnight and the regional council closed three "
        "schools while engineers inspected the bridges over the river, a spokesman said."
    )
    assert signature(TEXT).similarity(signature(other)) < 0.2


def test_signature_round_trips_through_bytes():
    mine = signature(TEXT)
    again = Signature.from_bytes(mine.to_bytes())
    assert again.values == mine.values and len(mine.bands) == BANDS
    assert again.similarity(mine) == 1.0


def test_signature_of_a_short_or_empty_text_works():
    assert signature("Hello there.").similarity(signature("Hello there.")) == 1.0
    assert len(signature("").bands) == BANDS
