"""How much the statements extractor adds to the spaCy parse, on PolNeAR dev.

    python benchmarks/statements.py [../shared/eval/polnear/dev]

Parses every text once with claimkit's pipeline (timed: the bare spaCy cost), then
runs the statements extractor and the source-resolution post-processor over the parsed
documents (timed apart), in each statements scope. Prints the times and their ratio;
the extractor should add at most 10% to the parse.
"""

import sys
import time
from pathlib import Path

import claimkit
from claimkit.extractors.statements.rules import SCOPES
from claimkit.linking.sources import resolve_sources
from claimkit.readers import read_file

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    split = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/eval/polnear/dev"
    pipeline = claimkit.Pipeline(disable=["numbers"], plugins=())
    documents = [
        document
        for path in sorted((split / "text").glob("*.txt"))
        for document in read_file(pipeline.pm, path)
    ]
    words = sum(len(d.text.split()) for d in documents)
    started = time.perf_counter()
    docs = list(pipeline.nlp.pipe((pipeline.tokens(d) for d in documents), batch_size=16))
    parse = time.perf_counter() - started
    print(f"{len(documents)} documents, {words} words")
    print(f"spaCy parse:              {parse:7.2f} s  ({words / parse:,.0f} words/s)")
    for scope in SCOPES:
        scoped = claimkit.Pipeline(
            disable=["numbers"], plugins=(), options={"statements_scope": scope}
        )
        (statements,) = [e for e in scoped.extractors if e.name == "statements"]
        started = time.perf_counter()
        for document, doc in zip(documents, docs, strict=True):
            resolve_sources(doc, list(statements.extract(doc, document)))
        extract = time.perf_counter() - started
        print(
            f"statements + resolution ({scope}): {extract:5.2f} s  "
            f"({100 * extract / parse:.1f}% of the parse)"
        )


if __name__ == "__main__":
    main()
