"""Where sitrep keeps its files. Read from the environment once per call, never at import."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """$SITREP_HOME, else $XDG_DATA_HOME/sitrep, else ~/.local/share/sitrep."""
    if os.environ.get("SITREP_HOME"):
        return Path(os.environ["SITREP_HOME"])
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "sitrep"


def default_db_url() -> str:
    """$SITREP_DB if set, else a SQLite file in the data directory."""
    if os.environ.get("SITREP_DB"):
        return os.environ["SITREP_DB"]
    return f"sqlite:///{data_dir() / 'sitrep.sqlite'}"
