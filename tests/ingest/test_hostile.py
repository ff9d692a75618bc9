"""Hostile input: every reader returns articles or InputError items, never anything else.

Property tests (hypothesis) of each reader on arbitrary and on near-valid
input, then files built to hurt: NUL bytes, a 10 MB line, 5,000 nested divs,
mixed encodings, feeds with entities, CDATA, an external entity and an
entity bomb. Each is one failure record (or a clean article), never a crash.
"""

import html
import json
import os
import time
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.errors import InputError
from communique.ingest import JsonlFields, read_content, read_file, read_paths, read_text
from communique.ingest.decode import decode_bytes
from communique.ingest.markup import nesting_depth
from communique.records import RawArticle

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMATS = ["text", "html", "jsonl", "feed"]
SENTENCE = (
    "The foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday to discuss the border."
)

# Pieces of every format, so that generated input is often nearly valid.
PIECES = [
    "date 2025-03-04\n",
    "date 2025-13-40\n",
    "date \n",
    "<html><body>",
    "<div>",
    "</div>",
    "<p>",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&eacute;",
    "&#0;",
    "&#x110000;",
    "&bogus;",
    '<?xml version="1.0"?>',
    '<rss version="2.0"><channel><item><description>',
    "</description></item></channel></rss>",
    '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">',
    '{"text": "',
    '"}\n',
    "\x00",
    "\ufeff",
    "\r\n",
    SENTENCE,
]
hostile_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=25).map(
    "".join
)


def _items(content, fmt):
    return list(read_content(content, "input", fmt, JsonlFields(), max_nesting=400))


@PROPERTY
@given(hostile_text, st.sampled_from(FORMATS))
def test_read_content_yields_only_articles_and_input_errors(content, fmt):
    for item in _items(content, fmt):
        assert isinstance(item, RawArticle | InputError)
        if isinstance(item, RawArticle):
            assert item.text.strip() and item.source.startswith("input")
        else:
            assert item.source and item.source.startswith("input")


@PROPERTY
@given(hostile_text)
def test_read_text_raises_only_input_errors_and_keeps_the_body(content):
    try:
        article = read_text(content, "a.txt")
    except InputError as e:
        assert e.source == "a.txt"
        return
    assert article.text.strip()
    assert article.text.strip() in content or article.published is not None


@PROPERTY
@given(st.binary(max_size=400))
def test_decode_bytes_returns_text_or_an_unreadable_input_error(data):
    try:
        text = decode_bytes(data, "raw.bin")
    except InputError as e:
        assert "raw.bin" in str(e)
        return
    assert "\r" not in text and text.strip()


@PROPERTY
@given(st.binary(max_size=400), st.sampled_from([".txt", ".html", ".jsonl", ".rss", ".bin"]))
def test_read_file_of_any_bytes_yields_only_articles_and_input_errors(
    tmp_path_factory, data, suffix
):
    path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    path.write_bytes(data)
    for item in read_file(path, max_bytes=5_000_000, max_nesting=400):
        assert isinstance(item, RawArticle | InputError)


json_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)
)


@PROPERTY
@given(
    st.lists(st.dictionaries(st.sampled_from(["text", "date", "url", "title", "x"]), json_values))
)
def test_read_jsonl_gives_one_item_per_line_and_the_text_as_written(records):
    content = "\n".join(json.dumps(record) for record in records)
    items = _items(content, "jsonl")
    assert len(items) == sum(1 for record in records if json.dumps(record).strip())
    for record, item in zip(records, items, strict=True):
        if isinstance(item, RawArticle):
            assert item.text == record["text"]
        else:
            assert isinstance(item, InputError) and "#L" in item.source


words = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=["L", "N"],
        include_characters="&<>'\"é’ ",
        exclude_characters="\x00",
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())


def _rss(entries):
    items = "".join(
        f"<item><title>{title}</title><description>{body}</description></item>"
        for title, body in entries
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    )


def _atom(entries):
    items = "".join(
        f'<entry><title>{title}</title><id>urn:x:{n}</id><content type="html">{body}</content></entry>'
        for n, (title, body) in enumerate(entries)
    )
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>{items}</feed>'


@PROPERTY
@given(
    st.lists(st.tuples(words, words, st.booleans()), min_size=1, max_size=5),
    st.sampled_from([_rss, _atom]),
)
def test_read_feed_round_trips_titles_and_bodies_escaped_or_in_cdata(items, layout):
    """Item text comes back as written, whether escaped with entities or wrapped in CDATA."""
    entries = []
    for title, body, cdata in items:
        markup = f"<p>{html.escape(body)}</p>"
        entries.append((escape(title), f"<![CDATA[{markup}]]>" if cdata else escape(markup)))
    read = _items(layout(entries), "feed")
    assert len(read) == len(items)
    for (title, body, _), item in zip(items, read, strict=True):
        assert isinstance(item, RawArticle), item
        assert item.text.split() == body.split()
        assert item.title.split() == title.split()


# -- files built to hurt ------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"text": "Ministers met.", "n": ' + "1" * 5000 + "}", "digits"),
        ('{"text": "Ministers met.", "date": "2025-02-30"}', "not a real date"),
        ('"just a string"', "not a JSON object"),
    ],
)
def test_a_hostile_json_line_fails_alone_and_the_next_line_is_read(line, problem):
    good = json.dumps({"text": SENTENCE})
    bad, article = _items(f"{line}\n{good}\n", "jsonl")
    assert isinstance(bad, InputError) and bad.source == "input#L1" and problem in str(bad)
    assert isinstance(article, RawArticle) and article.source == "input#L2"


def _read(path, **limits):
    limits.setdefault("max_bytes", 5_000_000)
    limits.setdefault("max_nesting", 400)
    return list(read_file(path, **limits))


def test_a_file_name_that_is_not_utf8_gives_a_source_any_store_accepts(tmp_path):
    path = tmp_path / os.fsdecode(b"caf\xe9.txt")
    path.write_text(f"date 2025-03-04\n{SENTENCE}", encoding="utf-8")
    (item,) = read_paths([tmp_path], max_bytes=5_000_000)
    assert isinstance(item, RawArticle)
    assert item.source == f"{tmp_path}/caf\\xe9.txt"
    item.source.encode("utf-8")  # no surrogates left
    (missing,) = read_paths([tmp_path / os.fsdecode(b"gone\xe9")], max_bytes=5_000_000)
    assert isinstance(missing, InputError) and missing.source.endswith("gone\\xe9")


def test_nul_bytes_at_the_start_mean_binary(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"\x00\x00" + SENTENCE.encode() * 3)
    (item,) = _read(path)
    assert isinstance(item, InputError) and "NUL" in str(item) and "nul.txt" in str(item)


def test_a_few_nul_bytes_deep_in_a_text_are_dropped_by_the_cleaner(tmp_path):
    from communique.clean.body import clean_article

    path = tmp_path / "padded.txt"
    path.write_bytes(
        ("date 2025-03-04\n" + SENTENCE * 60).encode() + b"\x00\x00" + SENTENCE.encode()
    )
    (item,) = _read(path)
    assert isinstance(item, RawArticle)
    assert "\x00" not in clean_article(item).text


def test_a_10_mb_single_line_is_refused_by_size_at_once(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text((SENTENCE + " ") * (10_000_000 // len(SENTENCE)), encoding="utf-8")
    started = time.monotonic()
    (item,) = _read(path)
    assert time.monotonic() - started < 1
    assert isinstance(item, InputError) and "max_bytes" in str(item) and "line.txt" in str(item)


def test_a_long_single_line_under_max_bytes_is_read_then_refused_by_max_chars(tmp_path):
    from communique.pipeline import Extractor
    from communique.settings import Settings

    path = tmp_path / "line.txt"
    path.write_text((SENTENCE + " ") * (1_500_000 // len(SENTENCE)), encoding="utf-8")
    (item,) = _read(path)
    assert isinstance(item, RawArticle) and "\n" not in item.text.strip()
    with pytest.raises(InputError, match="max_chars") as caught:
        Extractor(Settings()).clean(item)  # no model is loaded for cleaning
    assert caught.value.source == str(path)


def _nested(depth):
    body = f"<p>{SENTENCE * 3}</p>"
    return f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>"


def test_5000_nested_divs_are_refused_by_the_nesting_limit(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(_nested(5000), encoding="utf-8")
    started = time.monotonic()
    (item,) = _read(path)
    assert time.monotonic() - started < 2
    assert isinstance(item, InputError) and "max_nesting" in str(item) and "deep.html" in str(item)


def test_5000_nested_divs_without_the_limit_still_end_as_one_failure(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(_nested(5000), encoding="utf-8")
    (item,) = _read(path, max_nesting=0, max_seconds=60)
    assert isinstance(item, InputError) and "deep.html" in str(item)


def test_nesting_depth_is_lenient_like_a_browser():
    assert nesting_depth("<div><p>a<p>b<br><img src=x></div>") == 2
    assert nesting_depth("<ul><li>a<li>b<li>c</ul>") == 2
    assert nesting_depth(_nested(50)) == 53  # html, body, 50 divs, p
    assert nesting_depth(_nested(5000), limit=10) == 11


def test_mixed_encodings_are_one_clear_failure(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        f"date 2025-03-04\n{SENTENCE} Talks “went well”.\n\n".encode()
        + "Le ministre français a rencontré son homologue à Nairobi.\n".encode("latin-1")
    )
    (item,) = _read(path)
    assert isinstance(item, InputError)
    assert "mixed.txt" in str(item) and "not valid UTF-8" in str(item) and "0xe7" in str(item)


def test_a_latin_1_file_is_read(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "date 2025-03-04\nLe ministre français a rencontré son homologue à Nairobi mardi.".encode(
            "latin-1"
        )
    )
    (item,) = _read(path)
    assert isinstance(item, RawArticle) and "français" in item.text and "rencontré" in item.text


FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire &amp; more</title>
<item><title>Caf&#233; talks &#8217;n&#x2019; &lt;b&gt;</title>
<link>https://news.example/a?b=1&amp;c=2</link>
<description><![CDATA[<p>Ministers met &amp; talked in K&ouml;ln. ]]&gt; is not the end.</p>]]></description></item>
<item><title>Second</title>
<description>&lt;p&gt;Escaped &amp;amp; markup in Caf&amp;eacute;.&lt;/p&gt;</description></item>
</channel></rss>"""


def test_rss_with_entities_and_cdata_reads_every_item(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(FEED, encoding="utf-8")
    first, second = _read(path)
    assert first.title == "Café talks ’n’ <b>" and first.url == "https://news.example/a?b=1&c=2"
    assert first.text == "Ministers met & talked in Köln. ]]> is not the end."
    assert second.text == "Escaped & markup in Café."
    assert first.source.endswith("wire.rss#item1") and second.source.endswith("wire.rss#item2")


@pytest.mark.parametrize(
    ("date", "published"),
    [
        ("Tue, 07 Oct 2025 10:00:00 GMT", "2025-10-07"),
        ("9999-12-31T23:59:59-23:59", None),  # feedparser makes it the year 10000
        ("Tue, 07 Oct 99999 10:00:00 GMT", None),
        ("not a date at all", None),
    ],
)
def test_feed_item_dates_keep_the_readout_shape_or_are_left_out(date, published):
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title>'
        f"<pubDate>{date}</pubDate><description>Ministers met in Oslo.</description></item>"
        "</channel></rss>"
    )
    (item,) = _items(feed, "feed")
    assert isinstance(item, RawArticle) and item.published == published


def test_a_feed_item_that_breaks_the_reader_fails_alone(monkeypatch):
    from communique.ingest import feeds

    real = feeds.html_to_text

    def fragile(fragment):
        if "poison" in fragment:
            raise RuntimeError("parser bug")
        return real(fragment)

    monkeypatch.setattr(feeds, "html_to_text", fragile)
    items = "".join(
        f"<item><title>{n}</title><description>{text}</description></item>"
        for n, text in enumerate(["Ministers met.", "poison", "Talks resumed."])
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    )
    first, broken, third = _items(feed, "feed")
    assert isinstance(first, RawArticle) and isinstance(third, RawArticle)
    assert isinstance(broken, InputError) and broken.source == "input#item2"
    assert "RuntimeError: parser bug" in str(broken)


def test_rss_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE", encoding="utf-8")
    path = tmp_path / "xxe.rss"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>T</title><item><title>X</title>'
        "<description>Ministers met in Oslo. &xxe; They agreed.</description></item></channel></rss>",
        encoding="utf-8",
    )
    for item in _read(path):
        assert "TOPSECRETVALUE" not in (item.text if isinstance(item, RawArticle) else str(item))


def test_rss_entity_bomb_is_not_expanded(tmp_path):
    levels = ['<!ENTITY a0 "boom boom boom boom boom boom boom boom boom boom">']
    for level in range(1, 9):
        levels.append(f'<!ENTITY a{level} "{f"&a{level - 1};" * 10}">')
    path = tmp_path / "bomb.rss"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(levels)}]>'
        '<rss version="2.0"><channel><title>T</title><item><title>X</title>'
        "<description>&a8;</description></item></channel></rss>",
        encoding="utf-8",
    )
    started = time.monotonic()
    items = _read(path, max_seconds=30)
    assert time.monotonic() - started < 30
    assert all(len(item.text) < 10_000 for item in items if isinstance(item, RawArticle))


@pytest.mark.model
def test_a_folder_of_hostile_files_gives_one_failure_each_and_stores_the_good(tmp_path):
    from communique.jobs import ingest
    from communique.settings import Settings
    from communique.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    good = {
        "good.txt": f"date 2025-03-04\n{SENTENCE}",
        "padded.txt": "date 2025-03-05\n"
        + "President Ruto received the Tanzanian foreign minister in Nairobi. " * 80
        + "\x00\x00 He said the talks went well.",  # NULs past the first 4 KB
        "wire.rss": FEED,
    }
    for name, text in good.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "nul.txt").write_bytes(b"\x00\x01" * 100 + SENTENCE.encode())
    (folder / "line.txt").write_text(SENTENCE * (10_000_000 // len(SENTENCE)), encoding="utf-8")
    (folder / "deep.html").write_text(_nested(5000), encoding="utf-8")
    (folder / "mixed.txt").write_bytes(
        f"{SENTENCE} Talks “went well”.".encode() + "\n\nÀ Nairobi, ça va.".encode("latin-1")
    )
    (folder / "bad-date.jsonl").write_text(
        json.dumps({"text": SENTENCE, "date": "2025-02-30"})
        + "\n"
        + json.dumps({"text": "Ministers met in Oslo on Friday."})
        + "\n",
        encoding="utf-8",
    )
    odd_name = folder / os.fsdecode(b"odd\xffname.txt")  # not UTF-8: surrogates in Python
    odd_name.write_text(f"date 2025-03-06\n{SENTENCE} They will meet again.", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        summary = ingest(store, [folder], Settings())
        failed = {item.source.rsplit("/", 1)[-1]: item.error for item in summary.failed}
        assert set(failed) == {"nul.txt", "line.txt", "deep.html", "mixed.txt", "bad-date.jsonl#L1"}
        assert "binary" in failed["nul.txt"] and "max_bytes" in failed["line.txt"]
        assert "max_nesting" in failed["deep.html"] and "UTF-8" in failed["mixed.txt"]
        assert "not a real date" in failed["bad-date.jsonl#L1"]
        stored = sorted(source.rsplit("/", 1)[-1] for source in summary.stored)
        assert stored == [
            "bad-date.jsonl#L2",
            "good.txt",
            "odd\\xffname.txt",
            "padded.txt",
            "wire.rss#item1",
            "wire.rss#item2",
        ]
        assert store.count() == 6 and store.count("failures") == 5
        assert all("\x00" not in readout.article.text for readout in store.readouts())
