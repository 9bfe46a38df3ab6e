"""Claims to score: from a run of claimkit, or from a JSON Lines file it wrote."""

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from claimkit.pipeline import Pipeline
from claimkit.readers import ReadError, iter_files, read_file
from claimkit.serialize import claim_from_json
from claimkit.types import Claim, Document


def pipeline_for(options: argparse.Namespace) -> Pipeline:
    """The pipeline the command-line options ask for, plugin options included (those the
    namespace lacks take their defaults)."""
    return Pipeline(
        plugins=options.plugin, disable=options.disable, model=options.model, options=options
    )


def claims_for(
    options: argparse.Namespace, documents: Callable[[Pipeline], Iterable[Document]]
) -> dict[str, list[Claim]]:
    """The claims to score, by document id: the ``--predictions`` file if one is named,
    else a run of claimkit over ``documents(pipeline)``."""
    if options.predictions:
        return load(options.predictions)
    pipeline = pipeline_for(options)
    return run(pipeline, documents(pipeline))


def read_folder(pipeline: Pipeline, folder: Path, dct: str | None) -> list[Document]:
    """The documents of a folder; unreadable files are reported and skipped."""
    documents = []
    for path in iter_files(folder):
        try:
            documents.extend(read_file(pipeline.pm, path, root=folder, dct=dct))
        except ReadError as error:
            print(f"claimkit evaluate: {error}", file=sys.stderr)
    return documents


def run(pipeline: Pipeline, documents: Iterable[Document]) -> dict[str, list[Claim]]:
    """The claims of each document, by document id."""
    return {r.document.id: list(r.claims) for r in pipeline.run(documents)}


def load(path: Path, data_types: dict[str, type] | None = None) -> dict[str, list[Claim]]:
    """Claims written by ``python -m claimkit``, by document id."""
    claims: dict[str, list[Claim]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                claim = claim_from_json(json.loads(line), data_types)
                claims.setdefault(claim.doc_id, []).append(claim)
    return claims
