import pytest

from communique.clean.furniture import classify_line
from communique.records import FurnitureKind as K


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Photo: Reuters/Jane Doe", K.PHOTO_CREDIT),
        ("Image source, Getty Images", K.PHOTO_CREDIT),
        ("Image caption, The two presidents in Riyadh", K.CAPTION),
        ("By Anna Kowalski, Diplomatic correspondent", K.BYLINE),
        ("By Tom Reyes and Lina Saad", K.BYLINE),
        ("Published 16 October 2025, 14:32 BST", K.TIMESTAMP),
        ("2 hours ago", K.TIMESTAMP),
        ("Wed 22 Oct 2025 09.14 BST", K.TIMESTAMP),
        ("Europe", K.SECTION_LABEL),
        ("Home | World | Europe", K.NAVIGATION),
        ("Share this article", K.SHARE),
        ("Share on Facebook   Share on X   Copy link", K.SHARE),
        ("Read more: How the talks collapsed", K.RELATED),
        ("Advertisement", K.ADVERT),
        ("Sign up to our weekly newsletter on European politics.", K.ADVERT),
    ],
)
def test_classify_line_recognises_furniture(line, kind):
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the two sides had agreed to resume talks.",
        "By contrast, the battlefield is quiet.",
        "Photos of the meeting were released by the Kremlin later that day, showing both men smiling.",
        "The president said he would share intelligence with Kyiv.",
        "Watchers of the region were surprised.",
        "Europe must do more, the chancellor said.",
    ],
)
def test_classify_line_keeps_article_sentences(line):
    assert classify_line(line) is None
