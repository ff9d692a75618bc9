import pytest

from communique.errors import DateLineError
from communique.ingest.dateline import split_date_line


@pytest.mark.parametrize(
    ("text", "published", "body"),
    [
        ("date 2025-10-16\nLeaders spoke.", "2025-10-16", "Leaders spoke."),
        ("date 2025-10\nLeaders spoke.", "2025-10", "Leaders spoke."),
        (" date 2025-10-16 Leaders spoke.\n\nMore.", "2025-10-16", "Leaders spoke.\n\nMore."),
        ("Leaders spoke on date night.", None, "Leaders spoke on date night."),
        ("date night in Paris\nText", None, "date night in Paris\nText"),
    ],
)
def test_split_date_line_reads_both_layouts(text, published, body):
    got_published, got_body = split_date_line(text, "a.txt")
    assert got_published == published
    assert got_body.strip() == body


@pytest.mark.parametrize(
    "line",
    ["date 2025-13-01", "date 2025-02-30", "date 16/10/2025", "date 2025-1O-16", "date 2025-00"],
)
def test_split_date_line_rejects_malformed_dates(line):
    with pytest.raises(DateLineError, match=r"a\.txt"):
        split_date_line(line + "\nText", "a.txt")
