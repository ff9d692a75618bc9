"""Properties of the cleaner on any text: what it promises holds, it raises only InputError."""

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.clean.body import article_id, clean_article
from communique.errors import EmptyArticleError
from communique.records import RawArticle

# Lines a news page is made of: prose, headings, page furniture, junk.
LINES = [
    "The foreign ministers of Chile and Peru met in Lima on Monday to discuss border trade.",
    "Talks resumed in Geneva",
    "Advertisement",
    "Photo: Reuters",
    "By Maria Lopez and Tom Berg",
    "Share this article",
    "Related",
    "Published 4 March 2025",
    "Home > World > Africa",
    "Sign up for our newsletter to get the news first",
    "World",
    "The president, speaking to reporters, said the agreement was",
    "a turning point for the region and would be signed next week.",
    "• Ministers agreed on a ceasefire",
    "“We will not accept this,” she said.",
    "Ministers meet in Lima",
]
SEPARATORS = ["\n", "\n\n", "\n \n", "\n\t\n\n", " ", "\u00a0", "\r\n", "\x00", "\x0b", "\x1b"]

pages = st.lists(
    st.one_of(st.sampled_from(LINES), st.sampled_from(SEPARATORS), st.text(max_size=40)),
    max_size=30,
).map("".join)
titles = st.one_of(st.none(), st.sampled_from(LINES), st.text(max_size=30))

CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
PROPERTY = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _clean(text, title=None):
    try:
        return clean_article(RawArticle(source="page.txt", text=text, title=title))
    except EmptyArticleError as e:
        assert e.source == "page.txt"  # the error names its input
        return None


@PROPERTY
@given(pages, titles)
def test_clean_raises_only_empty_article_error(text, title):
    _clean(text, title)


@PROPERTY
@given(pages, titles)
def test_clean_text_is_blocks_joined_by_one_blank_line(text, title):
    article = _clean(text, title)
    if article is None:
        return
    assert article.text and article.text == article.text.strip()
    assert "\n\n\n" not in article.text
    for block in article.text.split("\n\n"):
        assert block == block.strip() and "\n" not in block
    assert not CONTROLS.search(article.text)
    assert article.title is None or not CONTROLS.search(article.title)


@PROPERTY
@given(pages, titles)
def test_clean_heading_offsets_slice_the_text(text, title):
    article = _clean(text, title)
    if article is None:
        return
    for heading in article.headings:
        assert article.text[heading.start_char : heading.end_char] == heading.text


@PROPERTY
@given(pages)
def test_clean_keeps_or_sets_apart_every_word(text):
    """Nothing is invented or lost: body words plus furniture words are the page's words."""
    article = _clean(text)
    words = Counter(CONTROLS.sub("", text).split())
    if article is None:
        return
    kept = Counter(article.text.split())
    for item in article.furniture:
        kept.update(item.text.split())
    assert kept == words


@PROPERTY
@given(pages, titles)
def test_clean_id_is_the_hash_of_the_text_and_stable(text, title):
    article = _clean(text, title)
    if article is None:
        return
    assert article.id == article_id(article.text)
    again = clean_article(RawArticle(source="other.txt", text=text, title=title))
    assert again.id == article.id and again.text == article.text
