"""JSON Lines: one claim a line, as documented in ``docs/output.md``."""

import json
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING

from claimkit.serialize import to_json
from claimkit.types import Claim

if TYPE_CHECKING:
    from claimkit.pipeline import Result


def write_claims(claims: Iterable[Claim], out: IO[str]) -> int:
    """Write claims as JSON Lines and flush; returns how many were written."""
    count = 0
    for claim in claims:
        out.write(json.dumps(to_json(claim), ensure_ascii=False) + "\n")
        count += 1
    out.flush()
    return count


def write_results(results: "Iterable[Result]", out: IO[str]) -> None:
    """The ``jsonl`` writer: the claims of each document as soon as it is done."""
    for result in results:
        write_claims(result.claims, out)
