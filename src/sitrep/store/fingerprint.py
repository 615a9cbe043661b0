"""Near-duplicate fingerprints: MinHash over word 5-gram shingles, banded for lookup.

Reads: an article body. Writes: a signature (64 minimum hashes) and 16 band keys. Two wire
copies of one story (same text, a different headline, dateline or footer) share most
shingles, so they share a band key and their estimated Jaccard similarity is high; the store
looks candidates up by band and confirms with the signature.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

NUM_HASHES = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 similarity meet in a band
ROWS = NUM_HASHES // BANDS
SHINGLE = 5
#: estimated Jaccard similarity of shingles above which two articles are the same story
NEAR_DUPLICATE = 0.6
#: texts shorter than this many words are not fingerprinted (short notes collide by chance)
MIN_WORDS = 30

_PRIME = (1 << 31) - 1
_rng = np.random.default_rng(20150615)  # fixed seed: signatures must match across runs and machines
_A = _rng.integers(1, _PRIME, NUM_HASHES, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, NUM_HASHES, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of a text, or None when it is too short to compare."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "little") & _PRIME for g in grams),
        dtype=np.uint64, count=len(grams),
    )
    sig = np.full(NUM_HASHES, _PRIME, dtype=np.uint64)
    for i in range(0, len(hashes), 4096):  # in chunks: a 20 MB text must not need gigabytes
        # (a*h + b) mod p stays below 2**63 for a, h < 2**31, so uint64 never overflows
        chunk = (np.outer(_A, hashes[i:i + 4096]) + _B[:, None]) % _PRIME
        sig = np.minimum(sig, chunk.min(axis=1))
    return sig


def bands(sig: np.ndarray) -> list[str]:
    return [f"{b:02d}:{hashlib.sha1(sig[b * ROWS:(b + 1) * ROWS].tobytes()).hexdigest()[:16]}" for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def to_text(sig: np.ndarray) -> str:
    return sig.astype(">u4").tobytes().hex()


def from_text(text: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(text), dtype=">u4").astype(np.uint64)
