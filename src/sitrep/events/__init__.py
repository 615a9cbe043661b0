"""Events: parsed text -> ``Event`` records typed in ACLED and PLOVER.

``extract.Extractor`` finds triggers (``lexicon.py``), reads actors off the parse, and fills
certainty (``certainty.py``), dates (``dates.py``) and fatalities (``fatalities.py``).
"""
