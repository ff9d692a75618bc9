"""The title lexicon: matching on words, hyphens and plurals, leaders."""

from __future__ import annotations

import pytest

from communique.knowledge.titles import titles


@pytest.mark.parametrize(
    ("words", "title", "head"),
    [
        (["Russian", "President"], "president", "president"),
        (["US", "Secretary", "of", "State"], "secretary of state", "secretary"),
        (["Chinese", "vice", "premier"], "vice premier", "premier"),
        (["America", "'s", "vice", "-", "president"], "vice president", "president"),
        (["national", "-", "security", "adviser"], "national security adviser", "adviser"),
        (["two", "Chinese", "diplomats"], "diplomat", "diplomat"),
        (["Secretary", "of", "the", "Army"], "secretary of the army", "secretary"),
    ],
)
def test_find_last_matches_the_longest_title_at_the_end(
    words: list[str], title: str, head: str
) -> None:
    found = titles().find_last(words)
    assert found is not None
    assert " ".join(found[2].words) == title
    assert found[2].head == head
    assert found[1] == len(words)


def test_find_last_reports_positions_in_the_words_given() -> None:
    found = titles().find_last(["the", "vice", "-", "president", "said"])
    assert found is not None
    assert found[:2] == (1, 4)


@pytest.mark.parametrize(
    ("title", "leader"),
    [
        ("prime minister", True),
        ("president", True),
        ("vice president", False),
        ("defence minister", False),
        ("supreme leader", True),
        ("head of state", True),
        ("spokesperson", False),
    ],
)
def test_title_is_leader_only_for_heads_of_state_and_government(title: str, leader: bool) -> None:
    found = titles().get(title.split())
    assert found is not None
    assert found.is_leader is leader


@pytest.mark.parametrize("word", ["President", "vice-president", "ministers", "spokesperson"])
def test_is_title_word_accepts_cases_hyphens_and_plurals(word: str) -> None:
    assert titles().is_title_word(word)


@pytest.mark.parametrize("word", ["Putin", "summit", "Budapest"])
def test_is_title_word_rejects_other_words(word: str) -> None:
    assert not titles().is_title_word(word)
