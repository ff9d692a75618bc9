import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.codec import readout_from_json, readout_to_json, to_dict
from communique.errors import ReadoutFormatError
from tests.factories import make_readout


def test_readout_json_round_trips():
    readout = make_readout()
    assert readout_from_json(readout_to_json(readout)) == readout


@given(st.text(min_size=1, max_size=200).filter(lambda t: t.strip()))
def test_readout_json_round_trips_any_text(text):
    readout = make_readout(text=text)
    assert readout_from_json(readout_to_json(readout)) == readout


def test_readout_json_matches_the_schema(validate_readout):
    validate_readout(to_dict(make_readout()))


@pytest.mark.parametrize(
    "payload",
    [
        "not json",
        "[]",
        '{"schema": "other/1"}',
        json.dumps({"schema": "communique.readout/1", "article": 3}),
    ],
)
def test_readout_from_json_rejects_what_is_not_a_readout(payload):
    with pytest.raises(ReadoutFormatError):
        readout_from_json(payload)
