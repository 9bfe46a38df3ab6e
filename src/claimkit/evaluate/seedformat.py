"""The seed gold format: a folder of stories with ``gold/quotes.jsonl``,
``gold/dates.jsonl`` and ``gold/demands.jsonl`` (see docs/evaluation.md)."""

import argparse
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from claimkit.evaluate import dates, demands, predict, statements
from claimkit.evaluate.metrics import Section
from claimkit.evaluate.seedgold import read_gold
from claimkit.types import Claim

NAME = "seed"

Scorer = Callable[[list[dict[str, Any]], Mapping[str, Sequence[Claim]]], Section]
#: Gold files, and the scorer of each.
SCORERS: Mapping[str, Scorer] = {
    "quotes.jsonl": statements.score,
    "dates.jsonl": dates.score,
    "demands.jsonl": demands.score,
}


def detect(path: Path) -> bool:
    return path.is_dir() and any((path / "gold" / name).is_file() for name in SCORERS)


def evaluate(path: Path, options: argparse.Namespace) -> list[Section]:
    gold_dir = options.gold or path / "gold"
    present = {name: gold_dir / name for name in SCORERS if (gold_dir / name).is_file()}
    claims = predict.claims_for(
        options, lambda pipeline: predict.read_folder(pipeline, path, options.dct)
    )
    return [SCORERS[name](read_gold(file), claims) for name, file in present.items()]
