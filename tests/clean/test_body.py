from communique.clean.body import article_id, clean_article
from communique.records import FurnitureKind as K
from communique.records import RawArticle

PAGE = """World
Leaders agree to meet in Vienna

Published 2 March 2025, 10:00 GMT

By Sam Ortiz, Diplomatic correspondent

Photo: Reuters/Ana Lima
The two ministers shake hands in Geneva.

The foreign ministers of Brazil and Norway spoke by phone on Sunday and agreed that their leaders would meet in Vienna later this month, officials in both capitals said.

Talks on trade

The ministers also discussed a long-delayed trade agreement, according to a statement from the Brazilian foreign ministry.

The two leaders last met at a summit in Rome in May

Neither side gave a date for the meeting.

Leaders agree to meet in Vienna

Share this article
Read more: Why Vienna keeps hosting summits
"""


def _clean(text: str, **kwargs) -> object:
    return clean_article(RawArticle(source="page.txt", text=text, **kwargs))


def test_clean_article_sets_furniture_apart():
    article = _clean(PAGE)
    kinds = {f.text: f.kind for f in article.furniture}
    assert kinds["World"] is K.SECTION_LABEL
    assert kinds["Published 2 March 2025, 10:00 GMT"] is K.TIMESTAMP
    assert kinds["By Sam Ortiz, Diplomatic correspondent"] is K.BYLINE
    assert kinds["Photo: Reuters/Ana Lima"] is K.PHOTO_CREDIT
    assert kinds["The two ministers shake hands in Geneva."] is K.CAPTION
    assert kinds["The two leaders last met at a summit in Rome in May"] is K.CAPTION
    assert kinds["Share this article"] is K.SHARE
    assert kinds["Read more: Why Vienna keeps hosting summits"] is K.RELATED
    assert kinds["Leaders agree to meet in Vienna"] is K.REPEATED_HEADLINE
    for furniture in article.furniture:
        if furniture.kind is not K.REPEATED_HEADLINE:
            assert furniture.text not in article.text


def test_clean_article_keeps_title_headings_and_paragraphs():
    article = _clean(PAGE)
    assert article.title == "Leaders agree to meet in Vienna"
    assert [h.text for h in article.headings] == [
        "Leaders agree to meet in Vienna",
        "Talks on trade",
    ]
    for heading in article.headings:
        assert article.text[heading.start_char : heading.end_char] == heading.text
    assert "spoke by phone on Sunday" in article.text
    assert "Neither side gave a date" in article.text


def test_clean_article_rejoins_a_sentence_split_across_blocks():
    text = (
        "The finance minister said the agreement would bring stability to the region and that the "
        "government did not want to see another\n\nneighbour fall into crisis. Officials welcomed it."
    )
    article = _clean(text)
    assert "see another neighbour fall" in article.text


def test_clean_article_keeps_list_items_after_a_colon():
    text = "Observers will watch three things:\n\nSecurity arrangements along the border\n\nThe fate of the trade talks between both governments\n\nThe end."
    article = _clean(text)
    assert "The fate of the trade talks between both governments" in article.text
    assert not article.furniture


def test_article_id_is_stable_under_whitespace_changes():
    assert article_id("A  b\n\nc") == article_id("A b c")
    assert article_id("A b c") != article_id("A b d")
