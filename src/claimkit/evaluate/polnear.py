"""PolNeAR-style brat standoff as gold for attributed statements.

A PolNeAR split is a folder with ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``
(``T`` lines Source / Cue / Content, ``E`` lines linking them; discontinuous spans as
``s e;s e``). Where several annotators marked one file, the first annotator listed for it
in the ``metadata.tsv`` above the split is used (else the first file). Discontinuous
spans are compared by their hull, from the first start to the last end.

Scores, as the anchors report them:

- per role (source, cue, content), **exact**: a predicted span equal to a gold span of
  that role; **overlap**: predicted and gold spans paired one to one when they share a
  character, best Dice first;
- **attribution** P/R/F1: a predicted statement matches a gold attribution when its
  content has character Dice ≥ 0.5 with the gold content and its source overlaps the
  gold source (or neither has one); pairs are made one to one, best Dice first.
"""

import argparse
import csv
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from claimkit.evaluate import predict
from claimkit.evaluate.metrics import Counts, Section, dice, match, prf
from claimkit.pipeline import Pipeline
from claimkit.readers import ReadError, read_file
from claimkit.types import Claim, Document, Span

NAME = "polnear"
ROLES = ("source", "cue", "content")
#: Attribution-level matching needs this much character Dice between contents.
MIN_CONTENT_DICE = 0.5


@attrs.frozen(kw_only=True)
class Attribution:
    """One gold attribution: its roles' hulls, None where the annotator marked none."""

    source: Span | None
    cue: Span | None
    content: Span | None


def detect(path: Path) -> bool:
    return path.is_dir() and (path / "text").is_dir() and (path / "attributions").is_dir()


def evaluate(path: Path, options: argparse.Namespace) -> list[Section]:
    gold = read_split(path)

    def documents(pipeline: Pipeline) -> Iterator[Document]:
        for name in gold:
            try:
                yield from read_file(pipeline.pm, path / "text" / name, dct=options.dct)
            except ReadError as error:
                print(f"claimkit evaluate: {error}", file=sys.stderr)

    return [score(gold, predict.claims_for(options, documents))]


def read_split(path: Path) -> dict[str, list[Attribution]]:
    """The gold attributions of every text of a split, by document id (``NAME.txt``)."""
    preferred = _annotators(path.parent / "metadata.tsv")
    gold = {}
    for text_file in sorted((path / "text").glob("*.txt")):
        candidates = sorted((path / "attributions").glob(f"{text_file.stem}_*.ann"))
        if not candidates:
            continue
        by_annotator = {c.stem[len(text_file.stem) + 1 :]: c for c in candidates}
        chosen = next(
            (by_annotator[a] for a in preferred.get(text_file.stem, ()) if a in by_annotator),
            candidates[0],
        )
        text = text_file.read_text(encoding="utf-8")
        gold[text_file.name] = read_ann(chosen.read_text(encoding="utf-8"), text)
    return gold


def read_ann(ann: str, text: str) -> list[Attribution]:
    """The attributions of one brat standoff file over ``text``."""
    spans: dict[str, Span] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, offsets = fields[1].split(" ", 1)
            pieces = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
            start, end = min(p[0] for p in pieces), max(p[1] for p in pieces)
            spans[fields[0]] = Span.of(text, start, end)
        elif line.startswith("E") and len(fields) >= 2:
            roles = dict(part.split(":", 1) for part in fields[1].split()[1:])
            events.append({role.rstrip("0123456789").lower(): ref for role, ref in roles.items()})
    return [
        Attribution(
            source=spans.get(event.get("source", "")),
            cue=spans.get(event.get("cue", "")),
            content=spans.get(event.get("content", "")),
        )
        for event in events
    ]


def score(
    gold: Mapping[str, Sequence[Attribution]], claims: Mapping[str, Sequence[Claim]]
) -> Section:
    exact = {role: Counts() for role in ROLES}
    overlapping = {role: Counts() for role in ROLES}
    attributions = Counts()
    errors: list[str] = []
    for doc_id, attributions_in_doc in sorted(gold.items()):
        predicted = [c for c in claims.get(doc_id, ()) if c.kind == "statement"]
        for role in ROLES:
            gold_spans = [s for a in attributions_in_doc if (s := _role(a, role)) is not None]
            spans = [s for c in predicted if (s := _claim_role(c, role)) is not None]
            _count_exact(exact[role], gold_spans, spans)
            span_pairs = match(gold_spans, spans, dice)
            overlapping[role].tp += len(span_pairs)
            overlapping[role].fn += len(gold_spans) - len(span_pairs)
            overlapping[role].fp += len(spans) - len(span_pairs)
        pairs = match(list(attributions_in_doc), predicted, _attribution_score)
        attributions.tp += len(pairs)
        attributions.fn += len(attributions_in_doc) - len(pairs)
        attributions.fp += len(predicted) - len(pairs)
        errors += _errors(doc_id, attributions_in_doc, predicted, pairs)
    metrics = prf("attribution", attributions)
    for role in ROLES:
        metrics += prf(f"{role} exact", exact[role]) + prf(f"{role} overlap", overlapping[role])
    return Section(name="statements (PolNeAR)", metrics=metrics, errors=errors)


def _role(attribution: Attribution, role: str) -> Span | None:
    span: Span | None = getattr(attribution, role)
    return span


def _claim_role(claim: Claim, role: str) -> Span | None:
    return {"source": claim.source_mention, "cue": claim.cue, "content": claim.content}[role]


def _count_exact(counts: Counts, gold: Iterable[Span], predicted: Iterable[Span]) -> None:
    gold_keys = {(s.start, s.end) for s in gold}
    predicted_keys = {(s.start, s.end) for s in predicted}
    counts.tp += len(gold_keys & predicted_keys)
    counts.fn += len(gold_keys - predicted_keys)
    counts.fp += len(predicted_keys - gold_keys)


def _attribution_score(gold: Attribution, claim: Claim) -> float:
    if gold.content is None or claim.content is None:
        return 0.0
    content = dice(gold.content, claim.content)
    if content < MIN_CONTENT_DICE:
        return 0.0
    if (gold.source is None) != (claim.source_mention is None):
        return 0.0
    if (
        gold.source is not None
        and claim.source_mention is not None
        and not gold.source.overlaps(claim.source_mention)
    ):
        return 0.0
    return content


def _errors(
    doc_id: str,
    gold: Sequence[Attribution],
    predicted: Sequence[Claim],
    pairs: list[tuple[Attribution, Claim]],
) -> list[str]:
    matched_gold = {id(g) for g, _ in pairs}
    matched_claims = {id(c) for _, c in pairs}
    found = [
        f"{doc_id}: missed {_text(a.source)} | {_text(a.cue)} | {_text(a.content)}"
        for a in gold
        if id(a) not in matched_gold
    ]
    found += [
        f"{doc_id}: extra {_text(c.source_mention)} | {_text(c.cue)} | {_text(c.content)}"
        for c in predicted
        if id(c) not in matched_claims
    ]
    return found


def _text(span: Span | None) -> str:
    return "-" if span is None else repr(span.text[:80].replace("\n", " "))


def _annotators(table: Path) -> dict[str, tuple[str, ...]]:
    """File stem -> its annotators in the order ``metadata.tsv`` lists them."""
    if not table.is_file():
        return {}
    with table.open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {
            row["filename"]: tuple(row.get("annotators", "").split("|"))
            for row in rows
            if row.get("filename")
        }
