"""How long the dates extractor takes beside the spaCy parse it needs, on TempEval-3.

Run from the repository root::

    python benchmarks/dates.py [../shared/eval/tempeval3]

It reads every ``.tml`` file (TBAQ: 256 news articles), parses each once with the
pipeline claimkit uses (``Pipeline.parse``), then times the dates extractor alone on
the parsed documents (best of three runs). The extractor must stay under 10% of the
parse time. Measured on 2 cores (see docs/evaluation.md): parse 20-31 s, dates
extractor 0.13-0.19 s (under 1% of the parse; 1.4 s before its rules ran only near
their hints).
"""

import sys
import time
from pathlib import Path

from claimkit import Pipeline
from claimkit.evaluate.timeml import NOT_NEEDED, read_path
from claimkit.extractors.dates import date_claims, make_recogniser
from claimkit.readers import build_document

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "tempeval3"
BUDGET = 0.10  # of the parse time


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.exists():
        print(f"benchmarks/dates.py: {path}: no such file or folder", file=sys.stderr)
        return 2
    files = read_path(path)
    documents = [build_document(f.id, f.text, dct=f.dct) for f in files]
    pipeline = Pipeline(disable=NOT_NEEDED)
    pipeline.parse(documents[0])  # load the model before timing

    start = time.perf_counter()
    docs = [pipeline.parse(document) for document in documents]
    parse = time.perf_counter() - start

    recogniser = make_recogniser(pipeline.pm)
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        found = sum(
            len(list(date_claims(recogniser, doc, document)))
            for doc, document in zip(docs, documents, strict=True)
        )
        runs.append(time.perf_counter() - start)
    dates = min(runs)

    characters = sum(len(d.text) for d in documents)
    print(f"documents            {len(documents)} ({characters:,} characters)")
    print(f"expressions found    {found}")
    print(f"spaCy parse          {parse:7.2f} s")
    print(f"dates extractor      {dates:7.2f} s  ({dates / parse:.1%} of the parse)")
    within = dates < BUDGET * parse
    print(f"budget               {BUDGET:.0%} of the parse: {'ok' if within else 'OVER'}")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
