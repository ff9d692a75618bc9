import json

import pytest

from communique.errors import InputError
from communique.ingest import JsonlFields, read_paths
from communique.records import RawArticle

ARTICLE = "date 2025-03-04\nThe foreign ministers of Chile and Peru met in Lima on Monday to discuss border trade.\n"


def _read(*paths, **kwargs):
    return list(
        read_paths([str(p) for p in paths], max_bytes=kwargs.pop("max_bytes", 5_000_000), **kwargs)
    )


def test_read_paths_reads_seed_layout(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (item,) = _read(path)
    assert isinstance(item, RawArticle)
    assert item.published == "2025-03-04"
    assert item.text.startswith("The foreign ministers")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary"),
        (b"date 2025-99-01\nText here.", "date line"),
    ],
)
def test_read_paths_reports_bad_files_by_name(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (item,) = _read(path)
    assert isinstance(item, InputError)
    assert "bad.txt" in str(item)
    assert message in str(item)


def test_read_paths_rejects_files_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 1000)
    (item,) = _read(path, max_bytes=100)
    assert isinstance(item, InputError)
    assert "limit" in str(item)


def test_read_paths_decodes_legacy_encodings(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "date 2025-01-02\nPrime Minister Viktor Orbán met Chancellor Merz in Düsseldorf on Friday to discuss energy security.".encode(
            "cp1252"
        )
    )
    (item,) = _read(path)
    assert isinstance(item, RawArticle)
    assert "Orbán" in item.text


def test_read_paths_isolates_bad_jsonl_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = {
        "text": "Ministers met in Oslo.",
        "date": "2025-05-06",
        "url": "https://news.example/1",
        "title": "Oslo",
    }
    path.write_text(
        json.dumps(good) + "\n{not json\n" + json.dumps({"body": "x"}) + "\n", encoding="utf-8"
    )
    items = _read(path)
    assert (
        isinstance(items[0], RawArticle)
        and items[0].published == "2025-05-06"
        and items[0].url == good["url"]
    )
    assert isinstance(items[1], InputError) and "#L2" in str(items[1])
    assert isinstance(items[2], InputError) and "no text" in str(items[2])


def test_read_paths_uses_configured_jsonl_fields(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"body": "Ministers met in Oslo.", "day": "2025-05-06"}) + "\n", encoding="utf-8"
    )
    (item,) = _read(path, fields=JsonlFields(text="body", date="day"))
    assert isinstance(item, RawArticle) and item.published == "2025-05-06"


def test_read_paths_reads_rss_items(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(
        """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
        <item><title>Talks &amp; trade</title><link>https://news.example/a</link>
        <pubDate>Tue, 07 Oct 2025 10:00:00 GMT</pubDate>
        <description><![CDATA[<p>The presidents met in Cairo.</p><p>They discussed Gaza.</p>]]></description></item>
        </channel></rss>""",
        encoding="utf-8",
    )
    (item,) = _read(path)
    assert isinstance(item, RawArticle)
    assert item.title == "Talks & trade" and item.published == "2025-10-07"
    assert item.text == "The presidents met in Cairo.\n\nThey discussed Gaza."


def test_read_paths_reads_html_pages(tmp_path):
    path = tmp_path / "page.html"
    body = " ".join(
        [
            "The foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday to discuss the border."
        ]
        * 3
    )
    path.write_text(
        f"""<!doctype html><html><head><title>Ministers meet</title>
        <meta property="article:published_time" content="2025-09-09T08:00:00Z"></head>
        <body><nav>Home</nav><article><h1>Ministers meet</h1>
        <figure><img src="x.jpg"><figcaption>The ministers in Nairobi.</figcaption></figure>
        <p>{body}</p><p>{body}</p></article></body></html>""",
        encoding="utf-8",
    )
    (item,) = _read(path)
    assert isinstance(item, RawArticle)
    assert item.published == "2025-09-09"
    assert "Nairobi on Tuesday" in item.text
    assert [f.text for f in item.furniture] == ["The ministers in Nairobi."]


def test_read_paths_walks_folders_with_globs(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "skip.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    items = _read(tmp_path, include=["*.txt"])
    assert sorted(item.source.rsplit("/", 1)[-1] for item in items) == ["a.txt", "b.txt"]
    items = _read(tmp_path, exclude=["sub/*"])
    assert [item.source.rsplit("/", 1)[-1] for item in items] == ["a.txt"]


def test_read_paths_reports_missing_paths(tmp_path):
    (item,) = _read(tmp_path / "nope")
    assert isinstance(item, InputError) and "no such file" in str(item)
