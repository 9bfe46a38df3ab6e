"""Train the attribution-cue scorer on PolNeAR-style brat standoff.

    python -m claimkit.extractors.statements.train ../shared/eval/polnear/train \\
        --dev ../shared/eval/polnear/dev --threshold 0.7 \\
        -o src/claimkit/extractors/statements/cue_model.json

Every word whose lemma and part of speech were the head of a gold cue at least
``--min-count`` times is a candidate; a logistic regression (L2, SGD) learns from the
candidates' features which of them are cues. The probability threshold is
``--threshold``, else the one that maximises cue F1 on ``--dev``, else 0.5. The shipped
model uses 0.7: PolNeAR counts as attributions many acts that are not reported speech
("released a report", "offered to resume talks"); above 0.7 the learned cues add
PolNeAR's long tail of reporting verbs while staying precise on reported speech. The
corpus is parsed with the same spaCy pipeline claimkit runs, so features match.
"""

import argparse
import collections
import random
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from claimkit.evaluate.polnear import Attribution, read_split
from claimkit.extractors.statements.model import (
    CANDIDATE_POS,
    CueModel,
    candidate_key,
    features,
    quoted_tokens,
    save_model,
)
from claimkit.extractors.statements.quotes import quote_spans
from claimkit.pipeline import Pipeline
from claimkit.readers import read_file

Example = tuple[list[str], bool]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimkit.extractors.statements.train")
    parser.add_argument("train", type=Path, help="a PolNeAR split folder (text/, attributions/)")
    parser.add_argument("--dev", type=Path, help="a split to choose the threshold on")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the model file")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--l2", type=float, default=1e-5)
    parser.add_argument("--model", help="the spaCy pipeline to parse with")
    parser.add_argument(
        "--threshold",
        type=float,
        help="the probability above which a word is a cue (default: best cue F1 on --dev)",
    )
    options = parser.parse_args(argv)

    # Parse with claimkit's own pipeline; no extractor is needed to parse.
    pipeline = Pipeline(disable=_builtin_extractors(), model=options.model)
    train = list(_parsed(pipeline, options.train))
    counts = collections.Counter(key for keys, _ in train for key in keys)
    candidates = frozenset(k for k, n in counts.items() if n >= options.min_count)
    examples = [e for _, doc_examples in train for e in _examples(doc_examples, candidates)]
    print(f"{len(examples)} candidate words, {sum(y for _, y in examples)} cues", file=sys.stderr)
    weights, bias = _fit(examples, options.epochs, options.l2)
    threshold = 0.5
    if options.threshold is not None:
        threshold = options.threshold
    elif options.dev:
        dev = [
            e
            for _, doc_examples in _parsed(pipeline, options.dev)
            for e in _examples(doc_examples, candidates)
        ]
        threshold = _best_threshold(dev, weights, bias)
    model = CueModel(weights=weights, bias=bias, threshold=threshold, candidates=candidates)
    save_model(
        model,
        options.output,
        {
            "trained_on": options.train.name,
            "examples": len(examples),
            "epochs": options.epochs,
            "l2": options.l2,
            "min_count": options.min_count,
            "spacy_model": pipeline.nlp.meta.get("name", ""),
        },
    )
    print(
        f"wrote {options.output}: {len(weights)} weights, threshold {threshold:.2f}",
        file=sys.stderr,
    )
    return 0


def _builtin_extractors() -> list[str]:
    return [
        "claimkit.extractors.statements",
        "claimkit.extractors.dates",
        "claimkit.extractors.demands",
    ]


def _parsed(pipeline: Pipeline, split: Path):  # type: ignore[no-untyped-def]
    """Per document: the cue keys of its gold cues, and (features, key, is-cue) per word."""
    gold = read_split(split)
    for name, attributions in sorted(gold.items()):
        (document,) = read_file(pipeline.pm, split / "text" / name)
        doc = pipeline.parse(document)
        heads = _cue_heads(doc, attributions)
        quoted = quoted_tokens(doc, quote_spans(document.text))
        keys = [candidate_key(doc[i]) for i in heads]
        words = [
            (features(t, t.i in quoted), candidate_key(t), t.i in heads)
            for t in doc
            if t.pos_ in CANDIDATE_POS
        ]
        yield keys, words


def _cue_heads(doc, attributions: list[Attribution]) -> set[int]:  # type: ignore[no-untyped-def]
    heads = set()
    for attribution in attributions:
        if attribution.cue is None or attribution.content is None:
            continue
        span = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
        if span is not None:
            heads.add(span.root.i)
    return heads


def _examples(words, candidates: frozenset[str]) -> list[Example]:  # type: ignore[no-untyped-def]
    return [(f, y) for f, key, y in words if key in candidates]


def _fit(examples: list[Example], epochs: int, l2: float) -> tuple[dict[str, float], float]:
    """Logistic regression by SGD over sparse binary features."""
    counts = collections.Counter(f for fs, _ in examples for f in fs)
    index = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= 2))}
    rows = [
        (np.array([index[f] for f in fs if f in index], dtype=np.int64), y) for fs, y in examples
    ]
    w = np.zeros(len(index))
    bias = 0.0
    order = list(range(len(rows)))
    rng = random.Random(0)
    for epoch in range(epochs):
        rng.shuffle(order)
        rate = 0.2 / (1 + epoch)
        for i in order:
            idx, y = rows[i]
            z = bias + w[idx].sum()
            p = 1.0 / (1.0 + np.exp(-max(-30.0, min(30.0, z))))
            g = p - (1.0 if y else 0.0)
            w[idx] -= rate * (g + l2 * w[idx])
            bias -= rate * g
    names = sorted(index, key=index.__getitem__)
    return {name: float(w[i]) for i, name in enumerate(names)}, float(bias)


def _best_threshold(examples: list[Example], weights: dict[str, float], bias: float) -> float:
    scored = []
    for fs, y in examples:
        z = bias + sum(weights.get(f, 0.0) for f in fs)
        scored.append((1.0 / (1.0 + np.exp(-max(-30.0, min(30.0, z)))), y))
    positives = sum(y for _, y in scored)
    best = (0.0, 0.5)
    for threshold in np.arange(0.2, 0.8, 0.02):
        tp = sum(1 for p, y in scored if p >= threshold and y)
        fp = sum(1 for p, y in scored if p >= threshold and not y)
        f1 = 2 * tp / (2 * tp + fp + (positives - tp)) if tp else 0.0
        best = max(best, (f1, float(threshold)))
    return round(best[1], 2)


if __name__ == "__main__":
    sys.exit(main())
