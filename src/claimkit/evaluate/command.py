"""``python -m claimkit evaluate FOLDER``: run claimkit on a folder and score it."""

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from claimkit.evaluate import dates, demands, statements
from claimkit.evaluate.metrics import Section
from claimkit.evaluate.seedgold import read_gold
from claimkit.pipeline import Pipeline
from claimkit.readers import ReadError, iter_files, read_file
from claimkit.serialize import claim_from_json
from claimkit.types import Claim

Scorer = Callable[[list[dict[str, Any]], Mapping[str, Sequence[Claim]]], Section]
#: Gold files of the seed format, and the scorer of each.
SCORERS: Mapping[str, Scorer] = {
    "quotes.jsonl": statements.score,
    "dates.jsonl": dates.score,
    "demands.jsonl": demands.score,
}


def build_parser() -> argparse.ArgumentParser:
    from claimkit.cli import add_pipeline_options

    parser = argparse.ArgumentParser(
        prog="claimkit evaluate",
        description=(
            "Run claimkit on the documents in FOLDER and score the claims against gold "
            "annotations in the seed format (quotes.jsonl, dates.jsonl, demands.jsonl; "
            "see docs/evaluation.md): precision, recall and F1 per extractor."
        ),
    )
    parser.add_argument("folder", type=Path, metavar="FOLDER", help="the documents")
    parser.add_argument(
        "--gold", type=Path, metavar="DIR", help="the folder of gold files (default: FOLDER/gold)"
    )
    parser.add_argument(
        "--predictions",
        type=Path,
        metavar="FILE",
        help="score these claims (JSON Lines written by claimkit) instead of running claimkit",
    )
    parser.add_argument(
        "--errors", action="store_true", help="list every miss, extra and wrong value"
    )
    add_pipeline_options(parser)
    return parser


def main(argv: Sequence[str]) -> int:
    options = build_parser().parse_args(argv)
    gold_dir = options.gold or options.folder / "gold"
    present = {name: gold_dir / name for name in SCORERS if (gold_dir / name).is_file()}
    if not present:
        print(
            f"claimkit evaluate: no gold files ({', '.join(SCORERS)}) in {gold_dir}",
            file=sys.stderr,
        )
        return 2
    claims = load_predictions(options.predictions) if options.predictions else predict(options)
    for name, path in present.items():
        section = SCORERS[name](read_gold(path), claims)
        print(render(section, errors=options.errors))
    return 0


def predict(options: argparse.Namespace) -> dict[str, list[Claim]]:
    """Run claimkit over the folder: the claims of each document, by id."""
    pipeline = Pipeline(plugins=options.plugin, disable=options.disable, model=options.model)
    documents = []
    for path in iter_files(options.folder):
        try:
            documents.extend(read_file(pipeline.pm, path, root=options.folder, dct=options.dct))
        except ReadError as error:
            print(f"claimkit evaluate: {error}", file=sys.stderr)
    return {r.document.id: list(r.claims) for r in pipeline.run(documents)}


def load_predictions(path: Path) -> dict[str, list[Claim]]:
    claims: dict[str, list[Claim]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                claim = claim_from_json(json.loads(line))
                claims.setdefault(claim.doc_id, []).append(claim)
    return claims


def render(section: Section, *, errors: bool) -> str:
    lines = [f"== {section.name}"]
    lines += [f"  {name:<32} {value:7.3f}" for name, value in section.metrics]
    if errors and section.errors:
        lines.append("  -- errors")
        lines += [f"  {error}" for error in section.errors]
    return "\n".join(lines)
