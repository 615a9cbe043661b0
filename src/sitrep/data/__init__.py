"""Data files shipped with sitrep, and small loaders shared by the stages that read them."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def demonyms() -> dict[str, list[str]]:
    """Country name -> its demonyms and short names, from ``demonyms.tsv``."""
    out: dict[str, list[str]] = {}
    for line in resources.files(__name__).joinpath("demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, _, dem = line.partition("\t")
        out[name] = [d for d in dem.split("|") if d]
    return out
