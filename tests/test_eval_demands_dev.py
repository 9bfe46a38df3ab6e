"""Floor scores of the demands extractor on the event-coded dev sentences (CAMEO manual
examples, PLOVER PLV, WikiEvents, RAMS) in ../shared/eval/demands: a few points under
what it reaches (docs/evaluation.md), so a regression fails and noise does not."""

from pathlib import Path

import pytest

from claimkit.evaluate import demandsdev
from claimkit.evaluate.command import build_parser
from claimkit.evaluate.metrics import Section

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "demands" / "dev.jsonl"

pytestmark = [
    pytest.mark.eval,
    pytest.mark.skipif(not DEV.parent.is_dir(), reason="../shared/eval/demands is absent"),
]

FLOORS = {
    "any demand F1": 0.83,
    "appeal F1": 0.79,
    "demand F1": 0.83,
    "threat F1": 0.79,
    "category accuracy (found)": 0.90,
    "category accuracy (all coded)": 0.80,
    "demander head F1": 0.84,
    "addressee head F1": 0.90,
}


@pytest.fixture(scope="module")
def section() -> Section:
    options = build_parser().parse_args([str(DEV)])
    assert demandsdev.detect(DEV)
    (found,) = demandsdev.evaluate(DEV, options)
    return found


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(section: Section, metric: str) -> None:
    assert section.get(metric) >= FLOORS[metric], section.errors


def test_every_text_is_scored_or_accounted_for(section: Section) -> None:
    texts = demandsdev.read(DEV)
    assert section.get("texts scored") + section.get("texts not scored") == len(texts)
