"""Scores for the dates extractor: TempEval-3 Task A measures on the seed gold.

Extraction is scored strict (identical extent) and relaxed (any overlap), pairing gold
and predicted expressions one to one. Type and value are scored over the relaxed pairs
by exact string equality, as the TempEval-3 scorer does (``1997-02`` is not
``1997-02-XX``); value F1 is value accuracy times relaxed F1, the measure TempEval-3
ranked systems by. ``mod``, ``anchor`` and ``interval`` are not scored.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from claimkit.evaluate.metrics import Counts, Section, match, overlap, prf, ratio
from claimkit.evaluate.seedgold import by_doc, span
from claimkit.types import Claim, Timex


def predicted_timexes(claims: Sequence[Claim]) -> list[Timex]:
    """The timex of each ``date`` claim."""
    return [claim.times[0] for claim in claims if claim.kind == "date" and claim.times]


def score(gold: list[dict[str, Any]], claims: Mapping[str, Sequence[Claim]]) -> Section:
    """Strict and relaxed P/R/F1, type and value accuracy, and value F1."""
    strict, relaxed = Counts(), Counts()
    right_type = right_value = 0
    errors: list[str] = []
    gold_docs = dict(by_doc(gold))
    for doc_id in sorted(set(gold_docs) | set(claims)):
        expected = gold_docs.get(doc_id, [])
        found = predicted_timexes(claims.get(doc_id, ()))
        pairs = match(expected, found, _closeness)
        relaxed.tp += len(pairs)
        relaxed.fn += len(expected) - len(pairs)
        relaxed.fp += len(found) - len(pairs)
        same_extent = sum(1 for g, p in pairs if span(g) == p.span)
        strict.tp += same_extent
        strict.fn += len(expected) - same_extent
        strict.fp += len(found) - same_extent
        for g, p in pairs:
            right_type += g["type"] == p.type
            right_value += g["value"] == p.value
            if g["type"] != p.type or g["value"] != p.value:
                errors.append(
                    f"{doc_id}: wrong {_what(g, p)} for {g['text']!r}: "
                    f"gold {g['type']} {g['value']}, predicted {p.type} {p.value}"
                    + (f" ({p.span.text!r})" if p.span.text != g["text"] else "")
                )
        paired_gold = {id(g) for g, _ in pairs}
        paired_found = {id(p) for _, p in pairs}
        errors += [
            f"{doc_id}: missed {g['text']!r} at {g['start']} ({g['type']} {g['value']})"
            for g in expected
            if id(g) not in paired_gold
        ]
        errors += [
            f"{doc_id}: extra {p.span.text!r} at {p.span.start} ({p.type} {p.value})"
            for p in found
            if id(p) not in paired_found
        ]
    value_accuracy = ratio(right_value, relaxed.tp)
    type_accuracy = ratio(right_type, relaxed.tp)
    return Section(
        name="dates",
        metrics=[
            *prf("strict", strict),
            *prf("relaxed", relaxed),
            ("type accuracy", type_accuracy),
            ("value accuracy", value_accuracy),
            ("type F1", type_accuracy * relaxed.f1),
            ("value F1", value_accuracy * relaxed.f1),
        ],
        errors=errors,
    )


def _closeness(gold: dict[str, Any], timex: Timex) -> float:
    # Any overlap pairs; an identical extent first, then the largest overlap.
    shared = overlap(span(gold), timex.span)
    return 0.0 if shared == 0 else shared + (1000.0 if span(gold) == timex.span else 0.0)


def _what(gold: dict[str, Any], timex: Timex) -> str:
    wrong = [name for name in ("type", "value") if gold[name] != getattr(timex, name)]
    return " and ".join(wrong)
