"""Event (sub-)type classifier: hashed word/bigram features + multinomial logistic regression (numpy).

Reads: labelled examples (text, label) from an ACLED-format CSV (``notes`` + ``sub_event_type``),
PLOVER records (``text`` + ``event``) or JSONL (``{"text", "event_type", "sub_event_type"}``;
an empty sub-type with an empty event type marks a non-event, label ``NONE``).
Writes: a small model file (``.npz`` or ``.json``) that ``EventClassifier.load`` reads back.

The extractor stays rule-based: the classifier is consulted by ``refine`` (used by the pipeline
when a model is given) to arbitrate the sub-event type where the rules are weak. Nothing is
downloaded; training a few thousand examples takes seconds on one CPU core.
"""

from __future__ import annotations

import base64
import csv
import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import InputError

#: Label of a text that reports no event.
NONE = "NONE"
#: The model file format version; bumped when the features change.
FORMAT = 1
N_BUCKETS = 1 << 16

ACLED_SUB_TYPES: dict[str, str] = {
    "Armed clash": "Battles", "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence", "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence", "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
    "Peaceful protest": "Protests", "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots", "Mob violence": "Riots",
    "Agreement": "Strategic developments", "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments", "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments", "Other": "Strategic developments",
    "Sexual violence": "Violence against civilians", "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
}

_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*|\d+")


def features(text: str) -> list[int]:
    """Hashed bucket ids of a text's words and word bigrams (numbers become ``0``)."""
    words = ["0" if w[0].isdigit() else w for w in _WORD.findall(text.lower())]
    grams = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
    return sorted({zlib.crc32(g.encode("utf-8")) % N_BUCKETS for g in grams})


@dataclass
class Example:
    text: str
    label: str
    group: str = ""  # examples of one group (e.g. one template) stay in one cross-validation fold


@dataclass
class EventClassifier:
    """Multinomial logistic regression over hashed features. ``labels[k]`` names column k."""

    labels: list[str]
    weights: np.ndarray  # (N_BUCKETS, len(labels)) float32
    bias: np.ndarray  # (len(labels),)
    meta: dict[str, Any] = field(default_factory=dict)

    # -- training ------------------------------------------------------------------------
    @classmethod
    def fit(cls, examples: Sequence[Example], epochs: int = 8, rate: float = 0.5, l2: float = 1e-6,
            seed: int = 0) -> EventClassifier:
        """Plain SGD on the log loss, examples shuffled with a fixed seed (deterministic)."""
        if not examples:
            raise InputError("no labelled examples to train on")
        labels = sorted({e.label for e in examples})
        index = {lab: k for k, lab in enumerate(labels)}
        feats = [np.array(features(e.text), dtype=np.int64) for e in examples]
        ys = np.array([index[e.label] for e in examples])
        w = np.zeros((N_BUCKETS, len(labels)), dtype=np.float32)
        b = np.zeros(len(labels), dtype=np.float32)
        rng = np.random.default_rng(seed)
        for epoch in range(epochs):
            lr = rate / (1 + epoch)
            for i in rng.permutation(len(examples)):
                f = feats[i]
                z = w[f].sum(axis=0) + b
                p = np.exp(z - z.max())
                p /= p.sum()
                p[ys[i]] -= 1.0
                scale = lr / max(len(f), 1) ** 0.5
                w[f] -= scale * (p + l2 * w[f])
                b -= lr * 0.1 * p
        meta = {"format": FORMAT, "examples": len(examples), "per_label": dict(Counter(e.label for e in examples))}
        return cls(labels, w, b, meta)

    # -- prediction ----------------------------------------------------------------------
    def probabilities(self, text: str) -> dict[str, float]:
        f = np.array(features(text), dtype=np.int64)
        z = self.weights[f].sum(axis=0) + self.bias
        p = np.exp(z - z.max())
        p /= p.sum()
        return {lab: float(v) for lab, v in zip(self.labels, p)}

    def predict(self, text: str) -> tuple[str, float]:
        probs = self.probabilities(text)
        label = max(probs, key=probs.__getitem__)
        return label, probs[label]

    # -- files ---------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Write ``.npz`` (compressed arrays) or ``.json`` (weights base64-encoded float16)."""
        path = Path(path)
        header = json.dumps({"labels": self.labels, "meta": self.meta})
        if path.suffix == ".json":
            doc = {"header": json.loads(header), "buckets": N_BUCKETS,
                   "weights": base64.b64encode(zlib.compress(self.weights.astype(np.float16).tobytes(), 9)).decode(),
                   "bias": self.bias.astype(float).tolist()}
            path.write_text(json.dumps(doc), encoding="utf-8")
        elif path.suffix == ".npz":
            np.savez_compressed(path, weights=self.weights.astype(np.float16), bias=self.bias,
                                header=np.array(header))
        else:
            raise InputError(f"{path}: a model file ends in .npz or .json")
        return path

    @classmethod
    def load(cls, path: str | Path) -> EventClassifier:
        path = Path(path)
        if not path.is_file():
            raise InputError(f"{path}: no such model file")
        try:
            if path.suffix == ".json":
                doc = json.loads(path.read_text(encoding="utf-8"))
                header = doc["header"]
                raw = np.frombuffer(zlib.decompress(base64.b64decode(doc["weights"])), dtype=np.float16)
                weights = raw.reshape(N_BUCKETS, len(header["labels"]))
                bias = np.array(doc["bias"], dtype=np.float32)
            else:
                with np.load(path) as z:
                    header = json.loads(str(z["header"]))
                    weights, bias = z["weights"], z["bias"].astype(np.float32)
        except (OSError, ValueError, KeyError, zlib.error) as exc:
            raise InputError(f"{path}: not a sitrep event model ({exc})") from exc
        if header.get("meta", {}).get("format") != FORMAT or weights.shape != (N_BUCKETS, len(header["labels"])):
            raise InputError(f"{path}: a model of another format; train it again with this version")
        return cls(list(header["labels"]), weights.astype(np.float32), bias, header.get("meta", {}))

    def event_type(self, label: str) -> str | None:
        """The ACLED event type of a sub-type label (None for NONE and labels of other schemes)."""
        return ACLED_SUB_TYPES.get(label)


# -- reading labelled data ------------------------------------------------------------------------
def read_examples(path: str | Path) -> list[Example]:
    """Labelled examples from an ACLED-format CSV, a PLOVER JSON list, or JSONL (by content)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() == ".csv":
        return _acled_csv(path)
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        from ..evaluate import plover_label, read_plover_records

        return [Example(r["text"], plover_label(r["event"])) for r in read_plover_records(path)]
    return _jsonl(path, text)


def _acled_csv(path: Path) -> list[Example]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("sub_event_type", "notes") if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: not an ACLED-format CSV (missing columns: {', '.join(missing)})")
        return [Example(r["notes"], r["sub_event_type"].strip()) for r in reader
                if r["notes"].strip() and r["sub_event_type"].strip()]


def _jsonl(path: Path, text: str) -> list[Example]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not JSON ({exc})") from exc
        if not isinstance(row, dict):
            raise InputError(f"{path}:{n}: a training row is a JSON object with a 'text'")
        if not str(row.get("text") or "").strip():
            continue  # e.g. a reviewed event stored without its evidence text
        label = (row.get("sub_event_type") or row.get("event_type") or "").strip() or NONE
        out.append(Example(row["text"], label, str(row.get("group") or "")))
    return out


# -- cross-validation ----------------------------------------------------------------------------
def cross_validate(examples: Sequence[Example], folds: int = 5, **fit_args: Any) -> dict[str, float]:
    """k-fold figures: accuracy, weighted and macro F1 of the label, and accuracy of the ACLED event
    type implied by the label. Folds: position modulo k after a seeded shuffle, or, where examples
    name a ``group``, whole groups (so that near-copies of one template are never on both sides)."""
    order = np.random.default_rng(1).permutation(len(examples))
    groups = sorted({e.group for e in examples})
    if len(groups) >= folds and all(e.group for e in examples):
        group_fold = {g: n % folds for n, g in enumerate(groups)}
        fold_of = [group_fold[examples[i].group] for i in order]
    else:
        fold_of = [j % folds for j in range(len(order))]
    gold: list[str] = []
    pred: list[str] = []
    for k in range(folds):
        test = [examples[i] for j, i in enumerate(order) if fold_of[j] == k]
        train = [examples[i] for j, i in enumerate(order) if fold_of[j] != k]
        model = EventClassifier.fit(train, **fit_args)
        gold += [e.label for e in test]
        pred += [model.predict(e.text)[0] for e in test]
    return label_scores(gold, pred)


def label_scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    from ..evaluate import weighted_f1

    labels = sorted(set(gold))
    macro = 0.0
    for lab in labels:
        tp = sum(g == p == lab for g, p in zip(gold, pred))
        n_pred = sum(p == lab for p in pred)
        n_gold = sum(g == lab for g in gold)
        prec, rec = (tp / n_pred if n_pred else 0.0), tp / n_gold
        macro += 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    typed = [(ACLED_SUB_TYPES.get(g, g), ACLED_SUB_TYPES.get(p, p)) for g, p in zip(gold, pred)]
    n = max(len(gold), 1)
    return {"examples": float(len(gold)), "accuracy": sum(g == p for g, p in zip(gold, pred)) / n,
            "weighted_f1": weighted_f1(gold, pred), "macro_f1": macro / max(len(labels), 1),
            "event_type_accuracy": sum(g == p for g, p in typed) / n}


def train_file(paths: Iterable[str | Path]) -> list[Example]:
    """Examples from several labelled files, in order."""
    out: list[Example] = []
    for p in paths:
        out += read_examples(p)
    return out


# -- the hybrid: rules decide the event, the classifier arbitrates its sub-type ----------------------
#: Default threshold: the classifier's sub-type must reach this probability to replace the rules'.
MIN_PROBABILITY = 0.6
#: How far a model may re-type: ``any`` sub-type, or only one of the rules' event type (``same-type``).
SCOPES = ("any", "same-type")


def _plover_codes() -> dict[str, tuple[str | None, str | None]]:
    from .lexicon import TRIGGERS

    codes: dict[str, tuple[str | None, str | None]] = {}
    for t in TRIGGERS:
        codes.setdefault(t.sub_event_type, (t.plover_event, t.plover_mode))
    return codes


def refine(events: list[Any], model: EventClassifier, min_probability: float | None = None,
           same_type_only: bool | None = None) -> int:
    """Re-type events in place from their evidence sentence; returns how many changed.

    The rules keep deciding whether there is an event, its actors, place, date and toll. The
    classifier's best sub-type (non-events excluded) replaces the rules' one when it reaches
    ``min_probability`` and, with ``same_type_only``, belongs to the same ACLED event type.
    Both default to what the model was trained with (``sitrep train --scope/--min-probability``).
    """
    if min_probability is None:
        min_probability = float(model.meta.get("min_probability", MIN_PROBABILITY))
    if same_type_only is None:
        same_type_only = model.meta.get("scope", "any") == "same-type"
    codes = _plover_codes()
    changed = 0
    for ev in events:
        if ev.event_type is None:
            continue  # a PLOVER-only event: ACLED does not code it, so there is no sub-type to arbitrate
        probs = model.probabilities(ev.evidence.text)
        probs.pop(NONE, None)
        if same_type_only:
            probs = {lab: p for lab, p in probs.items() if ACLED_SUB_TYPES.get(lab) == ev.event_type}
        if not probs:
            continue
        label = max(probs, key=probs.__getitem__)
        if label == ev.sub_event_type or probs[label] < min_probability or label not in ACLED_SUB_TYPES:
            continue
        ev.sub_event_type, ev.event_type = label, ACLED_SUB_TYPES[label]
        if label in codes:
            ev.plover_event, ev.plover_mode = codes[label]
        changed += 1
    return changed


#: The model shipped with sitrep, trained on the project's own corpus (data/training/README.md).
DEFAULT_MODEL = "event_model.npz"


def load_model(path: str | Path) -> EventClassifier:
    """A model file, or ``default`` for the shipped model."""
    if str(path) == "default":
        from importlib import resources

        path = Path(str(resources.files("sitrep").joinpath("data", DEFAULT_MODEL)))
    return EventClassifier.load(path)
