"""A large synthetic corpus for scale runs: ``communique bench --scale`` and by hand.

    python scripts/scale_corpus.py OUT_DIR --articles 100000 [--seed 1]

The articles are made exactly as ``scripts/generate_corpus.py`` makes them
(runs of the team's own example sentences, people, places and dates
replaced story by story), with three changes for size: distinctness is checked
on a digest of each text, not the text itself, so that memory stays flat;
files go to subfolders of 1,000, so that no folder holds 100,000 entries; and
a story draws invented names only for the people the examples mention.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import random
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
PER_FOLDER = 1000


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_corpus", HERE / "generate_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def generate(out: Path, count: int, seed: int = 1) -> int:
    """Write ``count`` distinct articles under ``out``; return how many were written."""
    base = _generator()
    rng = random.Random(seed)
    pool = base.examples()
    people = present(base.known_people(), pool)
    seen: set[bytes] = set()
    written = 0
    while written < count:
        story = base.new_story(rng, people)
        for lag in sorted(rng.sample(range(6), k=rng.randint(1, 5))):
            if written >= count:
                break
            text = base.article(rng, pool, story, lag)
            digest = hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()
            if digest in seen:
                continue
            seen.add(digest)
            folder = out / f"{written // PER_FOLDER:04d}"
            if written % PER_FOLDER == 0:
                folder.mkdir(parents=True, exist_ok=True)
            (folder / f"synthetic-{written:07d}.txt").write_text(text, encoding="utf-8")
            written += 1
    return written


def present(people: list[str], pool: list[Any]) -> list[str]:
    """The people whose surname occurs in the example sentences, in the given order.

    Only they can be replaced, so a story need not draw invented names for the
    other office-holders: this keeps each story's pattern small (and cached),
    which makes generation many times faster than drawing for all of them.
    """
    text = "\n".join(s for example in pool for s in example.sentences)
    # the same word boundaries as the story's own pattern
    return [name for name in people if re.search(rf"\b{re.escape(name.split()[-1])}\b", text)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the articles to")
    parser.add_argument("--articles", type=int, default=100_000, help="how many (default 100000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    print(f"wrote {generate(args.out, args.articles, args.seed)} articles to {args.out}")


if __name__ == "__main__":
    main()
