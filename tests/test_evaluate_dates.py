"""The dates scorer: TempEval-3 Task A measures on the seed gold format."""

from typing import Any

import pytest

from claimkit.evaluate.dates import score
from claimkit.types import Claim, Span, Timex

TEXT = "Talks on Tuesday and in late February ended."


def gold(text: str, kind: str, value: str) -> dict[str, Any]:
    start = TEXT.index(text)
    return {
        "doc": "d",
        "text": text,
        "start": start,
        "end": start + len(text),
        "type": kind,
        "value": value,
    }


def claim(text: str, kind: str, value: str) -> Claim:
    start = TEXT.index(text)
    span = Span.of(TEXT, start, start + len(text))
    return Claim(
        kind="date",
        doc_id="d",
        extractor="dates",
        evidence=span,
        times=(Timex(span=span, type=kind, value=value),),
    )


GOLD = [gold("Tuesday", "DATE", "1997-01-28"), gold("late February", "DATE", "1997-02")]


def test_a_perfect_prediction_scores_one() -> None:
    section = score(
        GOLD,
        {"d": [claim("Tuesday", "DATE", "1997-01-28"), claim("late February", "DATE", "1997-02")]},
    )
    assert all(value == 1.0 for _, value in section.metrics)
    assert section.errors == ()


def test_overlap_counts_relaxed_and_values_are_scored_on_relaxed_pairs() -> None:
    section = score(
        GOLD, {"d": [claim("Tuesday", "DATE", "1997-01-21"), claim("February", "DATE", "1997-02")]}
    )
    assert section.get("relaxed F1") == 1.0
    assert section.get("strict F1") == pytest.approx(0.5)
    assert section.get("value accuracy") == pytest.approx(0.5)
    assert section.get("value F1") == pytest.approx(0.5)
    assert section.get("type accuracy") == 1.0
    assert any("wrong value for 'Tuesday'" in e for e in section.errors)


def test_misses_and_extras_are_listed() -> None:
    section = score(
        GOLD, {"d": [claim("Talks", "DATE", "PRESENT_REF"), claim("Tuesday", "DATE", "1997-01-28")]}
    )
    assert section.get("relaxed precision") == pytest.approx(0.5)
    assert section.get("relaxed recall") == pytest.approx(0.5)
    assert any(e.startswith("d: missed 'late February'") for e in section.errors)
    assert any(e.startswith("d: extra 'Talks'") for e in section.errors)


def test_claims_of_other_kinds_are_ignored() -> None:
    span = Span.of(TEXT, 0, 5)
    other = Claim(kind="statement", doc_id="d", extractor="statements", evidence=span)
    section = score(GOLD, {"d": [other]})
    assert section.get("relaxed recall") == 0.0
    assert section.get("relaxed precision") == 0.0
