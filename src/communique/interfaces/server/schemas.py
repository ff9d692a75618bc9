"""Request bodies of the write routes (pydantic at the edge, records inside)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from communique.interfaces.server.params import DATE_PATTERN
from communique.records import RawArticle

MAX_ARTICLES = 100
"""Articles one POST may carry: a bigger batch belongs to ``communique ingest``."""


class ArticleIn(BaseModel):
    """One article: its body text and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, Field(min_length=1, description="The article body (plain text).")]
    published: Annotated[
        str | None,
        Field(pattern=DATE_PATTERN, description="Publication date: YYYY-MM-DD or YYYY-MM."),
    ] = None
    title: Annotated[str | None, Field(max_length=1000)] = None
    url: Annotated[str | None, Field(max_length=2000)] = None
    source: Annotated[
        str | None, Field(max_length=1000, description="Where it came from (kept as the source).")
    ] = None

    @field_validator("text")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("the article text is blank")
        return text

    @field_validator("published")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        if value is not None and len(value) == 10:
            date.fromisoformat(value)  # 2025-02-30 matches the pattern but is no date
        return value

    def raw(self, fallback_source: str) -> RawArticle:
        return RawArticle(
            source=self.source or self.url or fallback_source,
            text=self.text,
            published=self.published,
            title=self.title,
            url=self.url,
        )


class IngestIn(BaseModel):
    """Articles to extract and store."""

    model_config = ConfigDict(extra="forbid")

    articles: Annotated[list[ArticleIn], Field(min_length=1, max_length=MAX_ARTICLES)]


class OutcomeOut(BaseModel):
    index: int
    outcome: Annotated[str, Field(description="stored, unchanged or failed")]
    article_id: str | None = None
    source: str | None = None
    stage: str | None = None
    error: str | None = None


class IngestOut(BaseModel):
    stored: int
    unchanged: int
    failed: int
    results: list[OutcomeOut]
