"""Near-duplicate articles (syndicated wire copy, republished pages) by MinHash.

Each article gets a MinHash signature of its word 5-grams. Its
:data:`BANDS` band hashes go into an index (locality-sensitive hashing): two
articles share a band when their signatures agree on all of its rows, which
articles with a Jaccard similarity above about 0.42 usually do. Candidates
found that way are kept when their estimated similarity reaches
:data:`THRESHOLD`. Lookups cost one index probe per band, however large the
archive grows.

Near-duplicates form a group named by its first article; a group counts as one
source of every event its articles report.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash  # type: ignore[import-untyped]

from communique.knowledge.gazetteer import fold

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
THRESHOLD = 0.75
"""Estimated Jaccard similarity of 5-gram sets from which two articles are one report."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Signature:
    """An article's MinHash values and (for a new article) the band hashes that index them."""

    values: tuple[int, ...]
    bands: tuple[int, ...] = ()

    def to_bytes(self) -> bytes:
        return np.asarray(self.values, dtype=np.uint64).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        """A stored signature: values only, as comparing needs no bands."""
        return cls(tuple(int(v) for v in np.frombuffer(data, dtype=np.uint64)))

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two articles' shingle sets."""
        if not self.values or len(self.values) != len(other.values):
            return 0.0
        same = np.count_nonzero(
            np.asarray(self.values, dtype=np.uint64) == np.asarray(other.values, dtype=np.uint64)
        )
        return int(same) / len(self.values)


def shingles(text: str) -> set[bytes]:
    """Word 5-grams of the folded text (the whole text when it is shorter)."""
    words = _WORD.findall(fold(text))
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> Signature:
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    grams = shingles(text)
    if grams:
        minhash.update_batch(sorted(grams))
    values = tuple(int(v) for v in minhash.hashvalues)
    return Signature(values, band_hashes(values))


def band_hashes(values: tuple[int, ...]) -> tuple[int, ...]:
    """One signed 64-bit hash per band (SQLite integers are signed)."""
    out = []
    for band in range(BANDS):
        rows = np.asarray(values[band * ROWS : (band + 1) * ROWS], dtype=np.uint64).tobytes()
        digest = hashlib.blake2b(rows, digest_size=8, person=band.to_bytes(2, "big")).digest()
        out.append(int.from_bytes(digest, "big", signed=True))
    return tuple(out)
