"""Scores for attributed statements against the seed format (``quotes.jsonl``).

A predicted statement matches a gold one when their contents overlap (pairs are made
one to one, best character Dice first). Of the matched pairs, the source is correct
when the predicted Source resolves to the gold entity: predicted Sources are aligned
one to one with gold entities, most shared claims first (as CEAF aligns coreference
chains), so "he" left unresolved, or two speakers merged into one, is wrong.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from claimkit.evaluate.metrics import Counts, Section, dice, match, prf, ratio
from claimkit.evaluate.seedgold import by_doc, span
from claimkit.types import Claim, Source


def score(gold: list[dict[str, Any]], claims: Mapping[str, Sequence[Claim]]) -> Section:
    counts = Counts()
    source_right = cue_right = style_right = 0
    errors: list[str] = []
    gold_docs = dict(by_doc(gold))
    for doc_id in sorted(set(gold_docs) | {d for d, cs in claims.items() if _statements(cs)}):
        records = gold_docs.get(doc_id, [])
        predicted = _statements(claims.get(doc_id, ()))
        pairs = match(
            records,
            predicted,
            lambda g, p: dice(span(g["content"]), p.content),  # type: ignore[arg-type]
        )
        counts.tp += len(pairs)
        counts.fn += len(records) - len(pairs)
        counts.fp += len(predicted) - len(pairs)
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}
        alignment = _align(pairs)
        for record, claim in pairs:
            entity = alignment.get(_source_key(claim))
            if entity == record["source"]["entity"]:
                source_right += 1
            else:
                errors.append(
                    f"{doc_id}: wrong source for {record['content']['text'][:50]!r}: "
                    f"gold {record['source']['entity']} ({record['source']['text']!r}), "
                    f"predicted {_describe(claim)} -> {entity}"
                )
            if (
                claim.cue is not None
                and claim.cue.start == record["cue"]["start"]
                and claim.cue.end == record["cue"]["end"]
            ):
                cue_right += 1
            if claim.style == record["style"]:
                style_right += 1
        errors += [
            f"{doc_id}: missed {r['source']['text']!r} {r['cue']['text']!r} "
            f"{r['content']['text'][:70]!r}"
            for r in records
            if id(r) not in matched_gold
        ]
        errors += [
            f"{doc_id}: extra {_describe(c)} {c.cue.text if c.cue else ''!r} "
            f"{c.content.text[:70] if c.content else ''!r}"
            for c in predicted
            if id(c) not in matched_pred
        ]
    return Section(
        name="statements",
        metrics=[
            *prf("content overlap", counts),
            ("source accuracy", ratio(source_right, counts.tp)),
            ("cue exact accuracy", ratio(cue_right, counts.tp)),
            ("style accuracy", ratio(style_right, counts.tp)),
        ],
        errors=errors,
    )


def _statements(claims: Sequence[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind == "statement" and c.content is not None]


def _source_key(claim: Claim) -> object:
    """The identity of a claim's Source; a Source without a document-wide id is its own."""
    return claim.source.id if claim.source is not None and claim.source.id else id(claim)


def _align(pairs: list[tuple[dict[str, Any], Claim]]) -> dict[object, str]:
    """Predicted Source -> gold entity, one to one, most shared claims first."""
    shared = Counter((_source_key(claim), record["source"]["entity"]) for record, claim in pairs)
    alignment: dict[object, str] = {}
    taken: set[str] = set()
    for (key, entity), _ in sorted(shared.items(), key=lambda item: -item[1]):
        if key not in alignment and entity not in taken:
            alignment[key] = entity
            taken.add(entity)
    return alignment


def _describe(claim: Claim) -> str:
    source: Source | None = claim.source
    mention = claim.source_mention.text if claim.source_mention else None
    return f"{mention!r} [{source.id if source else '-'} {source.name if source else ''!r}]"
