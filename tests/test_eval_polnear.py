"""PolNeAR dev floor for attributed statements: a regression below it fails CI.

Skipped where the public corpora (``../shared/eval``) are not beside the checkout.
"""

import argparse
from pathlib import Path

import pytest

from claimkit.evaluate import polnear

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear" / "dev"

# About a point under what claimkit reaches in each statements scope (see
# docs/evaluation.md): "attribution" is the scope PolNeAR annotates.
FLOORS = {
    "speech": {
        "attribution F1": 0.70,
        "source exact F1": 0.745,
        "cue exact F1": 0.69,
        "content exact F1": 0.57,
        "content overlap F1": 0.77,
    },
    "attribution": {
        "attribution F1": 0.705,
        "source exact F1": 0.75,
        "cue exact F1": 0.695,
        "content exact F1": 0.57,
        "content overlap F1": 0.785,
    },
}


@pytest.mark.eval
@pytest.mark.parametrize("scope", sorted(FLOORS))
def test_polnear_dev_floor(scope: str) -> None:
    if not DEV.is_dir():
        pytest.skip(f"PolNeAR dev is not at {DEV}")
    options = argparse.Namespace(
        predictions=None,
        plugin=[],
        disable=["numbers"],
        model=None,
        dct=None,
        statements_scope=scope,
    )
    (section,) = polnear.evaluate(DEV, options)
    scores = dict(section.metrics)
    below = {
        name: round(scores[name], 3)
        for name, floor in FLOORS[scope].items()
        if scores[name] < floor
    }
    assert not below, f"below the PolNeAR dev floor: {below}"
