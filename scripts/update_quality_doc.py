"""Regenerate the figures block of docs/quality.md from a run of ``communique eval all``.

    .venv/bin/python scripts/update_quality_doc.py           # full sets (a few minutes)
    .venv/bin/python scripts/update_quality_doc.py --fast    # the CI gate's subsets

Only the text between the ``figures:begin`` and ``figures:end`` markers is
rewritten; review the diff before committing. Without ../shared nothing changes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from communique.evaluation.corpus import SHARED
from communique.evaluation.report import markdown, replace_generated
from communique.evaluation.runner import run_all
from communique.pipeline import Extractor
from communique.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "quality.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast", action="store_true", help="only the CI gate's subsets")
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="shared data folder"
    )
    args = parser.parse_args(argv)
    run = run_all(Extractor(load_settings()), shared=args.shared or SHARED, fast=args.fast)
    if all(result.skipped for result in run.results):
        print(f"skipped: no evaluation data under {args.shared}; {DOC} unchanged")
        return 0
    DOC.write_text(
        replace_generated(DOC.read_text(encoding="utf-8"), markdown(run)), encoding="utf-8"
    )
    print(f"{DOC} updated ({'fast subsets' if args.fast else 'full sets'}, {run.seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
