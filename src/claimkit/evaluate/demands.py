"""Scores for the demands extractor against ``gold/demands.jsonl``.

Gold demands are paired one to one with predicted ``demand`` claims by the character
Dice of their evidence, the overlap of the demanded action breaking ties between
coordinated actions that share a sentence. Matched pairs are then checked for category,
demander and addressee; demander and addressee are compared by head word, so "The United
States" matches "the United States" and a gold pronoun ("we") matches a mention that
says it.
"""

import re
from collections.abc import Mapping, Sequence
from typing import Any

from claimkit.evaluate.metrics import Counts, Section, dice, match, prf, ratio
from claimkit.evaluate.seedgold import span
from claimkit.types import Claim, Demand

_WORD = re.compile(r"[\w.]+")
# "the government of Sudan" is headed by "government".
_HEAD_BREAKS = frozenset({"of", "from", "at", "for", "in", "with"})
# "the council that oversees ...", "people who work for it": a relative clause.
_RELATIVES = frozenset({"that", "who", "which", "whose", "whom"})
# A possessive pronoun names whom its personal pronoun does ("their" is "they").
_POSSESSIVE_PRONOUNS = {
    "my": "i", "our": "we", "your": "you", "his": "he", "her": "she", "its": "it",
    "their": "they",
}  # fmt: skip
# Action similarity only orders pairs whose evidence overlaps equally.
_TIE_BREAK = 0.01


def _participle(before: str, word: str) -> bool:
    """Whether ``word`` opens a participle phrase after the head ``before``: "forces
    *based* in", "refugees *living* in"; not "the king of", "a regional meeting of"."""
    if before in ("the", "a", "an"):
        return False
    return (len(word) > 4 and word.endswith("ed")) or (
        word.endswith("ing") and before.endswith("s")
    )


def head_word(mention: str) -> str:
    """The head word of a name or noun phrase, lower-case: its last word before any
    preposition, relative clause, participle phrase ("forces *based in* Vitez") or
    apposition, without a possessive ending; a possessive pronoun is its personal one."""
    words = _WORD.findall(mention.split(",")[0].lower())
    for n, word in enumerate(words):
        if n == 0:
            continue
        if word in _HEAD_BREAKS or word in _RELATIVES:
            participle = n > 1 and _participle(words[n - 2], words[n - 1])
            words = words[: n - 1 if participle and word in _HEAD_BREAKS else n]
            break
    head = words[-1].rstrip(".") if words else ""
    return _POSSESSIVE_PRONOUNS.get(head, head)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _action_overlap(gold: Mapping[str, Any], claim: Claim) -> float:
    """Word Dice of the gold action and the claim's content."""
    if claim.content is None or not gold.get("action"):
        return 0.0
    a, b = _words(str(gold["action"])), _words(claim.content.text)
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def _pair_score(gold: Mapping[str, Any], claim: Claim) -> float:
    overlap = dice(span(gold["evidence"]), claim.evidence)
    return overlap + _TIE_BREAK * _action_overlap(gold, claim) if overlap > 0 else 0.0


def demander_names(claim: Claim) -> list[str]:
    """How a demand claim names its demander: the mention, the Source's name and mentions."""
    names = [claim.source_mention.text] if claim.source_mention is not None else []
    if claim.source is not None:
        names += [claim.source.name, *(m.text for m in claim.source.mentions)]
    return names


def same_head(gold: str, predicted: Sequence[str]) -> bool:
    """Whether any predicted mention has the gold mention's head word."""
    target = head_word(gold)
    return bool(target) and any(head_word(name) == target for name in predicted)


def _describe(claim: Claim) -> str:
    data = claim.data
    category = data.category if isinstance(data, Demand) else "?"
    return f"{claim.evidence.text!r} [{category}]"


def score(gold: list[dict[str, Any]], claims: Mapping[str, Sequence[Claim]]) -> Section:
    """P/R/F1 of demand detection, and category, demander and addressee accuracy over the
    matched demands. Every document with claims counts: a demand predicted in a story
    the gold has none for is an extra."""
    counts = Counts()
    category, demander, addressee = [0, 0], [0, 0], [0, 0]
    errors: list[str] = []
    gold_by_doc: dict[str, list[dict[str, Any]]] = {}
    for record in gold:
        gold_by_doc.setdefault(record["doc"], []).append(record)
    for doc_id in sorted(set(gold_by_doc) | set(claims)):
        expected = gold_by_doc.get(doc_id, [])
        predicted = [c for c in claims.get(doc_id, ()) if c.kind == "demand"]
        pairs = match(expected, predicted, _pair_score)
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}
        counts.tp += len(pairs)
        counts.fn += len(expected) - len(pairs)
        counts.fp += len(predicted) - len(pairs)
        errors += [
            f"miss {doc_id}: {g['evidence']['text']!r} [{g.get('category')}]"
            for g in expected
            if id(g) not in matched_gold
        ]
        errors += [
            f"extra {doc_id}: {_describe(p)}" for p in predicted if id(p) not in matched_pred
        ]
        for g, p in pairs:
            data = p.data if isinstance(p.data, Demand) else None
            where = f"{doc_id}: {g['evidence']['text']!r}"
            if g.get("category"):
                got = data.category if data is not None else None
                category[1] += 1
                if got == g["category"]:
                    category[0] += 1
                else:
                    errors.append(f"category {where}: gold {g['category']}, predicted {got}")
            if g.get("demander"):
                demander[1] += 1
                if same_head(g["demander"], demander_names(p)):
                    demander[0] += 1
                else:
                    got_demander = next(iter(demander_names(p)), None)
                    errors.append(
                        f"demander {where}: gold {g['demander']!r}, predicted {got_demander!r}"
                    )
            if g.get("addressee"):
                addressee[1] += 1
                got_addressee = data.addressee.text if data is not None and data.addressee else None
                if got_addressee is not None and same_head(g["addressee"], [got_addressee]):
                    addressee[0] += 1
                else:
                    errors.append(
                        f"addressee {where}: gold {g['addressee']!r}, predicted {got_addressee!r}"
                    )
    metrics = [
        *prf("demands", counts),
        ("category accuracy", ratio(*category)),
        ("demander accuracy", ratio(*demander)),
        ("addressee accuracy", ratio(*addressee)),
    ]
    return Section(name="demands", metrics=metrics, errors=errors)
