"""The seed gold format: ``gold/quotes.jsonl``, ``gold/dates.jsonl``, ``gold/demands.jsonl``.

One JSON object a line, each naming its document (``doc``) and its spans as
``{text, start, end}``; see ``docs/evaluation.md``.
"""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimkit.types import Span


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The records of one gold file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def span(record: dict[str, Any]) -> Span:
    """A gold ``{text, start, end}`` object (or a record with those keys) as a Span."""
    return Span(start=record["start"], end=record["end"], text=record["text"])


def by_doc(records: list[dict[str, Any]]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Gold records grouped by document, in order of first appearance."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        groups.setdefault(record["doc"], []).append(record)
    yield from groups.items()
