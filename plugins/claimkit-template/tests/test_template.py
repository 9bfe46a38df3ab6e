"""Tests of the template plugin, with the helpers of claimkit.testing."""

import importlib.metadata

from claimkit.testing import check_extractor, run

PLUGIN = "claimkit_template"


def questions(text: str) -> list[str]:
    return [c.evidence.text for c in run(text, plugins=[PLUGIN]) if c.kind == "question"]


def test_finds_the_questions() -> None:
    text = "Who ordered the raid? The minister would not say.\n  Will he resign?  "
    assert questions(text) == ["Who ordered the raid?", "Will he resign?"]


def test_no_question_no_claim() -> None:
    assert questions("The minister said the talks had failed.") == []


def test_keeps_the_extractor_contract() -> None:
    # Never raises, spans true to the text, claims round-trip through JSON, deterministic;
    # on made-up texts and on the ones given here.
    check_extractor("questions", plugins=[PLUGIN], examples=["?", "Why? Why not?"])


def test_installed_as_an_entry_point() -> None:
    # After `pip install -e .`: claimkit finds the plugin without -p.
    points = importlib.metadata.entry_points(group="claimkit")
    assert PLUGIN in {point.value for point in points}
