"""Scores for the statements extractor (being written)."""

from collections.abc import Mapping, Sequence
from typing import Any

from claimkit.evaluate.metrics import Section
from claimkit.types import Claim


def score(gold: list[dict[str, Any]], claims: Mapping[str, Sequence[Claim]]) -> Section:
    raise NotImplementedError
