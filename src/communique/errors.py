"""One exception tree for the whole library.

    CommuniqueError
    ├── InputError                  an input cannot be read or makes no sense
    │   ├── UnreadableInputError    missing, binary, undecodable, too large
    │   ├── DateLineError           a malformed ``date …`` first line
    │   ├── EmptyArticleError       nothing left after reading or cleaning
    │   └── FormatError             HTML / JSON lines / feed that cannot be parsed
    ├── ReadoutFormatError          JSON that is not a valid readout
    ├── ModelError                  the spaCy model is missing or unusable
    ├── KnowledgeError              a bundled or imported table is malformed
    ├── StoreError                  the database cannot be opened or written
    │   ├── StoreLockedError
    │   ├── StoreReadOnlyError
    │   └── MigrationError
    ├── NotFoundError               no such article / event / actor in the store
    └── EvaluationError             gold data missing or malformed

The library raises these; the CLI turns them into a one-line message and an exit
code, the server into one JSON error shape. Every error names the input it is
about (``source``) when there is one.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class: everything communique raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class InputError(CommuniqueError):
    """An input cannot be read or makes no sense."""


class UnreadableInputError(InputError):
    """Missing, binary, undecodable or too large."""


class DateLineError(InputError):
    """The first line starts like a date line but the date is malformed."""


class EmptyArticleError(InputError):
    """Nothing is left after reading or cleaning."""


class FormatError(InputError):
    """HTML, JSON lines or a feed that cannot be parsed."""


class ReadoutFormatError(CommuniqueError):
    """JSON that is not a valid readout."""


class ModelError(CommuniqueError):
    """The spaCy model is missing or unusable."""


class KnowledgeError(CommuniqueError):
    """A bundled or imported knowledge table is malformed."""


class StoreError(CommuniqueError):
    """The database cannot be opened or written."""


class StoreLockedError(StoreError):
    """Another process holds the database lock for too long."""


class StoreReadOnlyError(StoreError):
    """The database file or its folder is not writable."""


class MigrationError(StoreError):
    """The database schema is newer than this code, or a migration failed."""


class NotFoundError(CommuniqueError):
    """No such article, event or actor in the store."""


class EvaluationError(CommuniqueError):
    """Gold data is missing or malformed."""
