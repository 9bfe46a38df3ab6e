"""Behaviour of the claimkit-numbers plugin, installed and found by its entry point."""

import importlib.metadata
import json

import pytest
from claimkit_numbers import Quantity

import claimkit
from claimkit.serialize import claim_from_json, to_json


@pytest.fixture(scope="module")
def pipeline() -> claimkit.Pipeline:
    return claimkit.Pipeline()


def quantities(pipeline: claimkit.Pipeline, text: str) -> list[claimkit.Claim]:
    document = claimkit.build_document("t", text, dct="2001-05-04")
    return [c for c in pipeline.process(document).claims if c.kind == "quantity"]


def test_found_through_its_entry_point() -> None:
    points = importlib.metadata.entry_points(group="claimkit")
    assert "numbers" in {point.name for point in points}
    manager = claimkit.get_plugin_manager()
    assert manager.get_plugin("numbers") is not None


def test_counts_bound_and_unit(pipeline: claimkit.Pipeline) -> None:
    (claim,) = quantities(pipeline, "The police detained more than 2,000 protesters on Friday.")
    assert claim.evidence.text == "more than 2,000 protesters"
    assert claim.data == Quantity(value=2000.0, unit="protesters", bound="lower")


def test_percent_with_direction(pipeline: claimkit.Pipeline) -> None:
    claims = quantities(
        pipeline, "Exports rose 3.5 percent last year while imports fell 2 percent."
    )
    assert [(c.data.value, c.data.unit, c.data.change) for c in claims] == [
        (3.5, "percent", "up"),
        (2.0, "percent", "down"),
    ]


def test_scaled_money(pipeline: claimkit.Pipeline) -> None:
    (claim,) = quantities(pipeline, "The bank lent the country $1.2 billion in 1999.")
    assert claim.data.value == pytest.approx(1.2e9)
    assert claim.data.unit == "USD"


def test_extends_builtin_statement_cues(pipeline: claimkit.Pipeline) -> None:
    text = "Analysts tallied that the deficit would double by the end of the decade."
    with_plugin = claimkit.extract(text)
    without = claimkit.extract(text, disable=["numbers"])
    assert [c.cue.text for c in with_plugin if c.kind == "statement"] == ["tallied"]
    assert not [c for c in without if c.kind == "statement"]


def test_quantity_claims_round_trip(pipeline: claimkit.Pipeline) -> None:
    claims = quantities(pipeline, "About 300 people were injured, up 12 percent on last year.")
    assert claims
    for claim in claims:
        again = claim_from_json(json.loads(json.dumps(to_json(claim))), pipeline.data_types)
        assert again == claim
        assert isinstance(again.data, Quantity)
