"""Counts, precision/recall/F1, and one-to-one matching of predictions to gold."""

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

from claimkit.types import Span, strings

G = TypeVar("G")
P = TypeVar("P")


@attrs.define
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _metrics(items: Iterable[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class Section:
    """The scores of one extractor against one gold file, and what it got wrong."""

    name: str
    metrics: tuple[tuple[str, float], ...] = attrs.field(converter=_metrics)
    errors: tuple[str, ...] = attrs.field(default=(), converter=strings)

    def get(self, metric: str) -> float:
        return dict(self.metrics)[metric]


def prf(prefix: str, counts: Counts) -> list[tuple[str, float]]:
    """``prefix precision``, ``prefix recall`` and ``prefix F1`` of ``counts``."""
    return [
        (f"{prefix} precision", counts.precision),
        (f"{prefix} recall", counts.recall),
        (f"{prefix} F1", counts.f1),
    ]


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def overlap(a: Span, b: Span) -> int:
    """How many characters two spans share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def dice(a: Span, b: Span) -> float:
    """Character Dice coefficient of two spans."""
    total = (a.end - a.start) + (b.end - b.start)
    return 2 * overlap(a, b) / total if total else 0.0


def match(
    gold: Sequence[G], predicted: Sequence[P], score: Callable[[G, P], float]
) -> list[tuple[G, P]]:
    """Pair gold and predicted items one to one, best-scoring pairs first.

    Pairs scoring 0 or less never match.
    """
    candidates = sorted(
        (
            (s, gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if (s := score(g, p)) > 0
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs
