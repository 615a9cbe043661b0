"""How sure a report is, and who says so: stated | reported | claimed | unconfirmed.

- unconfirmed: the text hedges explicitly (purportedly, unconfirmed, allegedly, rumoured);
- claimed: a party to the conflict says it (a statement, "the army said", "X claimed");
- reported: attributed to media, officials or witnesses ("according to", "reports say");
- stated: the article's own voice.
Works on one spaCy sentence plus the actor mentions found in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

HEDGES = re.compile(
    r"\b(?:purportedly|allegedly|unconfirmed|unverified|rumou?red|rumou?rs?|could not (?:be )?(?:independently )?"
    r"(?:verified|confirmed)|cannot be (?:independently )?verified|said to have|not (?:yet )?been confirmed)\b",
    re.I,
)
SPEECH_VERBS = {
    "say", "claim", "report", "announce", "state", "tell", "confirm", "allege", "declare", "insist", "assert",
    "boast", "add", "accuse", "publish", "post", "show", "read", "indicate", "suggest",
}
SPEECH_NOUNS = {"statement", "claim", "communique", "communiqué", "announcement", "video", "message"}


@dataclass
class Attribution:
    """Who a sentence's report comes from; ``certainty_for`` turns it into one event's certainty."""

    hedged: bool = False
    speaker: Any = None  # the actor Mention speaking, when the source is an actor
    source: str | None = None  # a name for the source
    reported: bool = False

    def certainty_for(self, parties: set[str]) -> tuple[str, str | None]:
        """A party to this very event speaking makes it a claim; any other source, a report."""
        claimed = self.speaker is not None and self.speaker.party and any(
            same_actor(self.speaker.name, p) for p in parties)
        if self.hedged:
            return "unconfirmed", self.source
        if claimed:
            return "claimed", self.source
        if self.reported or self.speaker is not None:
            return "reported", self.source
        return "stated", None


def same_actor(a: str, b: str) -> bool:
    """Equal names, or a generic name still waiting for its country ("Military Forces of {country}")
    and a resolved one of the same kind ("Military Forces of Mali")."""
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if "{country}" in x:
            prefix, _, suffix = x.partition("{country}")
            return y.startswith(prefix) and y.endswith(suffix)
    return False


def assess(sent: Any, mention_at: dict[int, Any]) -> Attribution:
    """The attribution of the reports in ``sent``.

    ``mention_at`` maps a token index to the actor ``Mention`` that covers it.
    """
    att = Attribution(hedged=bool(HEDGES.search(sent.text)))
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma == "accord" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
            pobj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
            if pobj is not None:
                _credit(att, _mention_in(pobj, mention_at), _phrase(pobj))
        elif lemma in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX"):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
                subj = tok.head  # "a note saying", "a statement claiming"
            if subj is None or subj.pos_ == "PRON" and subj.lower_ == "it" and tok.dep_ != "ROOT":
                continue
            if subj.lemma_.lower() in SPEECH_NOUNS:
                owner = _statement_owner(subj, sent, mention_at)
                if owner is not None:
                    _credit(att, owner, f"{owner.name} statement")
                    continue
            m = _mention_in(subj, mention_at)
            _credit(att, m, m.name if m is not None else _source_name(subj, sent))
        elif lemma in SPEECH_NOUNS and tok.pos_ == "NOUN":
            owner = _statement_owner(tok, sent, mention_at)
            if owner is not None and any(c.lemma_ in ("claim", "say", "state") for c in tok.children):
                _credit(att, owner, f"{owner.name} statement")
    if lemma_in(sent, "reportedly"):
        att.reported = True
    return att


def _credit(att: Attribution, mention: Any, name: str | None) -> None:
    """Record a source; the first one named in the sentence is kept as the attribution."""
    if att.speaker is None and mention is not None:
        att.speaker = mention
    if mention is None:
        att.reported = True
    att.source = att.source or name


def lemma_in(sent: Any, word: str) -> bool:
    return any(t.lower_ == word for t in sent)


def _mention_in(tok: Any, mention_at: dict[int, Any]) -> Any:
    """The first actor mention in a phrase, not looking inside its clauses."""
    stack = [tok]
    while stack:
        t = stack.pop(0)
        if t.i in mention_at:
            return mention_at[t.i]
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "ccomp", "advcl", "appos"))
    return None


def _statement_owner(noun: Any, sent: Any, mention_at: dict[int, Any]) -> Any:
    """The party behind a statement: its possessor, or the subject of 'released a statement'."""
    for c in noun.children:
        if c.dep_ == "poss" and c.i in mention_at:
            return mention_at[c.i]
    head = noun.head
    if noun.dep_ in ("dobj", "pobj"):
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return _mention_in(subj, mention_at)
    return None


def _source_name(subj: Any, sent: Any) -> str:
    """A short name for a non-party source: the ORG/PERSON in the subject, else the subject phrase."""
    for t in subj.subtree:
        if t.ent_type_ in ("ORG", "PERSON") and t.ent_iob_ == "B":
            ent = next(e for e in sent.ents if e.start == t.i)
            return _strip_possessive(ent.text)
    # a source mentioned elsewhere in the sentence ("posted on the Libya Observer's page with a note saying")
    for e in sent.ents:
        if e.label_ in ("ORG",):
            return _strip_possessive(e.text)
    return _phrase(subj)


def _phrase(tok: Any) -> str:
    """The noun phrase headed by ``tok``, without its clauses and prepositional tails."""
    keep = {tok.i}
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("det", "amod", "compound", "poss", "case", "nummod", "quantmod") and c.i < tok.i:
                keep.add(c.i)
                stack.append(c)
    words = [t for t in tok.doc[min(keep):max(keep) + 1]]
    text = " ".join(t.text for t in words[:8])
    return _strip_possessive(text)


def _strip_possessive(text: str) -> str:
    text = re.sub(r"\s*['\u2019]s?(?:\s.*)?$", "", text.strip())
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I).strip()
