"""The trigger pre-filter is a necessary condition: it may keep text with no event, never drop one."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.events.extract import Extractor, TriggerPrefilter

SENTENCES = [
    "Militants took control of the district centre overnight.",
    "The army retook the town after fierce fighting.",
    "Fighters fought government troops for hours near the border.",
    "Unknown gunmen shot dead a village chief on Tuesday.",
    "Rebels overran an army post and drove out the soldiers.",
    "Protesters threw stones at the police, who fired tear gas.",
    "A roadside bomb struck a military convoy.",
    "Cattle raiders stole 200 head of cattle from herders.",
    "Rioters set fire to a police station and burnt several cars.",
    "Thousands marched through the capital demanding higher wages.",
    "Women staged a sit-in outside the ministry.",
    "Residents fled after the village was shelled.",
    "An airstrike hit a weapons depot, killing 4 fighters.",
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_never_drops_text_the_trigger_matcher_matches(extractor: Extractor) -> None:
    pf = extractor._prefilter
    assert isinstance(pf, TriggerPrefilter)
    examples = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "examples"
    paragraphs = SENTENCES + [p for f in sorted(examples.iterdir()) if f.is_file()
                              for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    matched = 0
    for doc, text in zip(extractor.nlp.pipe(paragraphs), paragraphs):
        if extractor.matcher(doc):
            matched += 1
            assert pf(text), f"pre-filter dropped a paragraph with a trigger: {text[:120]!r}"
    assert matched >= len(SENTENCES)


def test_drops_calm_text_even_when_it_shares_one_word_with_a_pattern(extractor: Extractor) -> None:
    pf = extractor._prefilter
    # "shops" is one word of the pattern "burn shop", but nothing here is burnt
    assert not pf("Markets in the capital were calm and shops were busy as usual this morning.")
    assert not pf("The weather was mild and the football season began with a draw.")
    assert pf("Rioters burned shops in the market.")
    assert pf("The army took the town.")  # irregular form from the lemma exception tables


def test_trigger_matcher_finds_what_spacys_matcher_finds(extractor: Extractor) -> None:
    # the indexed matcher must give the same matches, in the same order, as spaCy's Matcher with
    # the same patterns (a word by lemma or lower-cased form, optional punctuation between words)
    from spacy.matcher import Matcher

    from sitrep.events.lexicon import TRIGGERS

    reference = Matcher(extractor.nlp.vocab)
    for t in TRIGGERS:
        pats = []
        for seq in t.patterns:
            for attr in ("LEMMA", "LOWER"):
                pat = []
                for k, w in enumerate(seq):
                    if k:
                        pat.append({"IS_PUNCT": True, "OP": "?"})
                    pat.append({attr: w})
                pats.append(pat)
        reference.add(t.name, pats)
    examples = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "examples"
    texts = SENTENCES + ["Rebels seized \u201ccontrol\u201d of the town and set fire to the market."] + [
        p for f in sorted(examples.iterdir()) if f.is_file() for p in f.read_text(encoding="utf-8").split("\n\n")]
    total = 0
    for doc in extractor.nlp.pipe(texts):
        expected = reference(doc)
        assert extractor.matcher(doc) == expected, doc.text[:100]
        total += len(expected)
    assert total > len(SENTENCES)
