"""The exception tree. Library code raises these; the CLI translates them once.

SitrepError
 ├── InputError            a path or argument the user gave cannot be used
 │    ├── UnreadableDocument   a single document is empty, binary, undecodable, ...
 │    └── EventNotFound        an event id that is not in the store
 ├── ModelError            the NLP model or a shipped resource is missing
 └── StoreError            the database cannot be opened or written
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base class of every error sitrep raises on purpose."""

    exit_code = 1


class InputError(SitrepError):
    exit_code = 2


class UnreadableDocument(InputError):
    """Carries a short machine-friendly ``reason`` besides the message."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class EventNotFound(InputError):
    """An event id (to review, merge, split or show) that the store does not hold."""

    def __init__(self, event_id: str) -> None:
        super().__init__(f"no event with id {event_id!r} in the database")
        self.event_id = event_id


class ModelError(SitrepError):
    exit_code = 3


class StoreError(SitrepError):
    exit_code = 4
