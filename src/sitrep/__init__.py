"""sitrep: turn news about armed conflict into an auditable event dataset.

Stages (each a module): ``ingest`` -> ``nlp`` -> ``events`` -> ``geo`` -> ``store`` -> ``export``.
The record types live in ``sitrep.records``; ``sitrep.pipeline.Pipeline`` runs the stages.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
