"""The pipeline: Article -> (events stage) -> (geo stage) -> coded Article with its Events.

One object per process holds the loaded model, actor knowledge base and gazetteer; the
CLI, the store and the batch runners all call ``Pipeline.run``. Documents that are not
coded (not English, no text) come back with ``skipped`` set to the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .events.merge import merge_within_article
from .records import Article, Event

#: Languages the extractor codes. Others are stored and reported as skipped.
CODED_LANGUAGES = {"en", None}


@dataclass
class Coded:
    article: Article
    events: list[Event] = field(default_factory=list)
    skipped: str | None = None  # why the article was not event-coded


class Pipeline:
    """Runs the NLP, events and geo stages over articles. Create once; models load lazily."""

    def __init__(self, actors_file: str | Path | None = None, places_file: str | Path | None = None,
                 prefilter: bool = True, model_file: str | Path | None = None) -> None:
        self.actors_file = actors_file
        self.places_file = places_file
        self.prefilter = prefilter  # False: parse every paragraph, not only those with trigger words
        # an event classifier (``sitrep train``) that arbitrates sub-event types; opt-in
        self.model_file = model_file or os.environ.get("SITREP_MODEL") or None

    @cached_property
    def classifier(self):  # type: ignore[no-untyped-def]
        from .events.classifier import load_model

        return load_model(self.model_file) if self.model_file else None

    @cached_property
    def extractor(self):  # type: ignore[no-untyped-def]
        from .events.extract import Extractor
        from .nlp.actors import ActorKB

        kb = ActorKB.load(self.actors_file) if self.actors_file else None
        return Extractor(kb=kb, prefilter=self.prefilter)

    @cached_property
    def geocoder(self):  # type: ignore[no-untyped-def]
        from .geo import Geocoder
        from .geo.gazetteer import Gazetteer

        return Geocoder(Gazetteer(extra=self.places_file) if self.places_file else None)

    def run(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Coded]:
        """Code every article, streaming; order is preserved."""
        for art, events in self.extractor.extract_many(articles, batch_size=batch_size, should_code=is_coded):
            if not is_coded(art):
                yield Coded(art, [], f"language:{art.language}")
                continue
            if self.classifier is not None:
                from .events.classifier import refine

                refine(events, self.classifier)
            self.geocoder.geocode(art, events, self._actor_countries(events))
            yield Coded(art, merge_within_article(events))

    def _actor_countries(self, events: list[Event]) -> list[str]:
        """Countries of the named actors ("Houthis" -> Yemen, "Military Forces of Mali" -> Mali)."""
        kb = self.extractor.kb
        out = []
        for ev in events:
            for name in (ev.actor1, ev.actor2):
                actor = kb.actors.get(name) if name else None
                if actor is not None and actor.country:
                    out.append(actor.country)
                elif name and " of " in name and "{" not in name:
                    out.append(name.rsplit(" of ", 1)[1])
        return out

    def code(self, article: Article) -> Coded:
        return next(iter(self.run([article])))


def is_coded(article: Article) -> bool:
    return article.language in CODED_LANGUAGES
