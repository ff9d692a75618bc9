"""From a raw article to a readout: named stages in a fixed order.

    read (ingest) → clean → nlp → readout

``extract`` is pure: the same text, date and code give the same readout, so it
can be mapped over processes or a cluster. ``extract_many`` batches articles
through spaCy and isolates failures per article.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc

from communique.clean.body import clean_article
from communique.errors import CommuniqueError, EmptyArticleError, InputError
from communique.knowledge.tables import tables_version
from communique.nlp.events.confidence import CUT_KEY as EVENT_CUT_KEY
from communique.nlp.model import load_pipeline, model_version
from communique.nlp.readout import doc_to_readout
from communique.records import Article, Failure, Provenance, RawArticle, Readout
from communique.settings import Settings, load_settings


@dataclass
class Extractor:
    """Holds the loaded pipeline; ``extract``, ``analyse`` and ``analyse_many`` are its jobs."""

    settings: Settings

    @cached_property
    def nlp(self) -> Language:
        return load_pipeline(self.settings.model)

    @cached_property
    def provenance(self) -> Provenance:
        from communique import __version__

        return Provenance(
            communique=__version__,
            model=model_version(self.nlp),
            knowledge=tables_version(),
        )

    def clean(self, raw: RawArticle) -> Article:
        article = clean_article(raw)
        if len(article.text) > self.settings.max_chars:
            raise InputError(
                f"article text is {len(article.text):,} characters, over the limit of "
                f"{self.settings.max_chars:,} (setting max_chars)",
                source=raw.source,
            )
        return article

    def extract(self, raw: RawArticle) -> Readout:
        return self.analyse(self.clean(raw))

    def analyse(self, article: Article) -> Readout:
        """The readout of a cleaned article."""
        doc = self.make_doc(article)
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        return doc_to_readout(doc, article, self.provenance)

    def make_doc(self, article: Article) -> Doc:
        """A tokenised Doc carrying what the components read besides the text."""
        doc = self.nlp.make_doc(article.text)
        doc._.published = article.published
        doc.user_data[EVENT_CUT_KEY] = self.settings.min_event_confidence
        return doc

    def analyse_many(self, articles: list[Article]) -> Iterator[Readout | Failure]:
        """Readouts in input order, batched through spaCy; a failing article yields a Failure."""
        docs = [self.make_doc(article) for article in articles]
        for article, doc in zip(
            articles, self.nlp.pipe(docs, batch_size=self.settings.batch_size), strict=True
        ):
            try:
                yield doc_to_readout(doc, article, self.provenance)
            except Exception as e:
                yield failure(article.source or article.id, "nlp", e)


def failure(source: str | None, stage: str, error: BaseException) -> Failure:
    from datetime import UTC, datetime

    message = (
        error.message if isinstance(error, CommuniqueError) else f"{type(error).__name__}: {error}"
    )
    return Failure(
        source=source or "<unknown>",
        stage=stage,
        error=message,
        time=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def extract(
    text: str,
    *,
    published: str | None = None,
    source: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> Readout:
    """The readout of one article given as text (body only, no date line)."""
    if not text.strip():
        raise EmptyArticleError("article text is empty", source=source)
    raw = RawArticle(source=source or "<text>", text=text, published=published, title=title)
    return _extractor(settings or load_settings()).extract(raw)


_EXTRACTORS: dict[Settings, Extractor] = {}


def _extractor(settings: Settings) -> Extractor:
    if settings not in _EXTRACTORS:
        _EXTRACTORS[settings] = Extractor(settings)
    return _EXTRACTORS[settings]
