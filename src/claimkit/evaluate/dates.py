"""Scores for the dates extractor: the TempEval-3 Task A measures, for any gold format.

Extraction is scored strict (identical extent) and relaxed (any overlap), pairing gold
and predicted expressions one to one. Type and value are scored over the relaxed pairs
by exact string equality, as the TempEval-3 scorer does (``1997-02`` is not
``1997-02-XX``); value F1 is value accuracy times relaxed F1, the measure TempEval-3
ranked systems by. ``mod``, ``anchor`` and ``interval`` are not scored.

Every gold format turns its annotations into :class:`GoldTimex` records and goes
through :func:`score_timexes`: the seed gold (``dates.jsonl``, :func:`score`) and
TimeML (:mod:`claimkit.evaluate.timeml`) are scored by the same code.
"""

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from claimkit.evaluate.metrics import Counts, Section, match, overlap, prf, ratio
from claimkit.evaluate.seedgold import span
from claimkit.types import Claim, Span, Timex

# Characters of text shown either side of an error, when the text is known.
_CONTEXT = 40


@attrs.frozen(kw_only=True)
class GoldTimex:
    """One gold temporal expression: its extent and its TIMEX3 attributes."""

    span: Span
    type: str
    value: str
    mod: str | None = None


def gold_from_record(record: Mapping[str, Any]) -> GoldTimex:
    """A seed gold record (``dates.jsonl``) as a :class:`GoldTimex`."""
    return GoldTimex(
        span=span(dict(record)), type=record["type"], value=record["value"], mod=record.get("mod")
    )


def predicted_timexes(claims: Sequence[Claim]) -> list[Timex]:
    """The timex of each ``date`` claim."""
    return [claim.times[0] for claim in claims if claim.kind == "date" and claim.times]


def score(gold: list[dict[str, Any]], claims: Mapping[str, Sequence[Claim]]) -> Section:
    """The seed gold (``dates.jsonl`` records) against the claims of each document."""
    by_doc: dict[str, list[GoldTimex]] = {}
    for record in gold:
        by_doc.setdefault(record["doc"], []).append(gold_from_record(record))
    predicted = {doc_id: predicted_timexes(found) for doc_id, found in claims.items()}
    return score_timexes(by_doc, predicted)


def score_timexes(
    gold: Mapping[str, Sequence[GoldTimex]],
    predicted: Mapping[str, Sequence[Timex]],
    *,
    name: str = "dates",
    texts: Mapping[str, str] | None = None,
) -> Section:
    """Strict and relaxed P/R/F1, type and value accuracy, and value F1.

    ``gold`` and ``predicted`` are keyed by document id; with ``texts`` (the documents'
    texts by id) each error shows the words around it.
    """
    strict, relaxed = Counts(), Counts()
    right_type = right_value = 0
    errors: list[str] = []
    for doc_id in sorted(set(gold) | set(predicted)):
        expected = list(gold.get(doc_id, ()))
        found = list(predicted.get(doc_id, ()))
        text = (texts or {}).get(doc_id)
        pairs = match(expected, found, _closeness)
        relaxed.tp += len(pairs)
        relaxed.fn += len(expected) - len(pairs)
        relaxed.fp += len(found) - len(pairs)
        same_extent = sum(1 for g, p in pairs if _same_extent(g.span, p.span))
        strict.tp += same_extent
        strict.fn += len(expected) - same_extent
        strict.fp += len(found) - same_extent
        for g, p in pairs:
            right_type += g.type == p.type
            right_value += g.value == p.value
            if g.type != p.type or g.value != p.value:
                errors.append(
                    f"{doc_id}: wrong {_what(g, p)} for {g.span.text!r}: "
                    f"gold {g.type} {g.value}, predicted {p.type} {p.value}"
                    + (f" ({p.span.text!r})" if p.span.text != g.span.text else "")
                    + _around(text, g.span)
                )
        paired_gold = {id(g) for g, _ in pairs}
        paired_found = {id(p) for _, p in pairs}
        errors += [
            f"{doc_id}: missed {g.span.text!r} at {g.span.start} ({g.type} {g.value})"
            + _around(text, g.span)
            for g in expected
            if id(g) not in paired_gold
        ]
        errors += [
            f"{doc_id}: extra {p.span.text!r} at {p.span.start} ({p.type} {p.value})"
            + _around(text, p.span)
            for p in found
            if id(p) not in paired_found
        ]
    value_accuracy = ratio(right_value, relaxed.tp)
    type_accuracy = ratio(right_type, relaxed.tp)
    return Section(
        name=name,
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


def _same_extent(gold: Span, found: Span) -> bool:
    return (gold.start, gold.end) == (found.start, found.end)


def _closeness(gold: GoldTimex, timex: Timex) -> float:
    # Any overlap pairs; an identical extent first, then the largest overlap.
    shared = overlap(gold.span, timex.span)
    return 0.0 if shared == 0 else shared + (1000.0 if _same_extent(gold.span, timex.span) else 0.0)


def _what(gold: GoldTimex, timex: Timex) -> str:
    wrong = [name for name in ("type", "value") if getattr(gold, name) != getattr(timex, name)]
    return " and ".join(wrong)


def _around(text: str | None, where: Span) -> str:
    """`` | …words [expression] words…`` on one line, or nothing without the text."""
    if text is None:
        return ""
    before = text[max(0, where.start - _CONTEXT) : where.start]
    after = text[where.end : where.end + _CONTEXT]
    shown = " ".join(f"{before}[{text[where.start : where.end]}]{after}".split())
    return f" | …{shown}…"
