"""Event-coded sentences: CAMEO codes, PLOVER events, WikiEvents / RAMS event types.

A ``.jsonl`` file of one JSON object a line with ``text`` and one of ``cameo_code``
(with ``cameo_root``), ``plover_event`` (with ``source`` and ``target``) or
``event_type`` (with ``trigger`` and ``args`` ``[[role, text], ...]``), as in
``../shared/eval/demands/dev.jsonl``. A record whose label is missing, empty or names
another kind of event (a CAMEO 14 protest, a PLOVER ASSAULT, a Conflict.Attack) is a
sentence with no demand: any demand claimkit finds in it is a false positive.

How gold labels become strengths (docs/evaluation.md has the reasons):

===========================================  =========  ===============================
gold label                                    strength   also accepted
===========================================  =========  ===============================
CAMEO 02x                                     appeal     --
CAMEO 10x                                     demand     --
CAMEO 13x                                     threat     --
PLOVER REQUEST                                demand     appeal (REQUEST folds CAMEO 02
                                                         and 10 together)
PLOVER THREATEN                               threat     --
WikiEvents Contact.RequestCommand.*           demand     appeal
RAMS contact.requestadvise.*                  appeal     demand
WikiEvents / RAMS *ThreatenCoerce*            threat     demand (coercion by order or
                                                         pressure is CAMEO 10)
===========================================  =========  ===============================

WikiEvents and RAMS events are scored only when one of their communicator or recipient
arguments is written in the scored text (the rest are about another sentence of the
document), and RAMS ``advise`` triggers are left out: they mostly name an adviser's
relation ("advising Marco Rubio", "train and advise rebel groups"), not a request.
Texts whose events are all left out are not scored at all.

Scores are by sentence (a text): a gold event is found when claimkit gives the text a
demand claim of an accepted strength; a claim's strength that no gold event of its text
accepts is a false positive of that strength. Category accuracy compares the first three
digits of the CAMEO code on the CAMEO-coded rows; demander and addressee are compared by
head word (:func:`claimkit.evaluate.demands.same_head`) with the gold source / target
(PLOVER) or communicator / recipient (WikiEvents, RAMS).
"""

import argparse
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from claimkit.evaluate import predict
from claimkit.evaluate.demands import demander_names, same_head
from claimkit.evaluate.metrics import Counts, Section, prf, ratio
from claimkit.readers import build_document
from claimkit.types import STRENGTHS, Claim, Demand

NAME = "events"

_LABELS = ("cameo_code", "plover_event", "event_type")
_CAMEO_ROOTS = {"02": "appeal", "10": "demand", "13": "threat"}
_PLOVER = {"REQUEST": ("demand", ("appeal",)), "THREATEN": ("threat", ())}
# Event-type fragments (lower-case) of WikiEvents / RAMS and their strengths.
_EVENT_TYPES = (
    ("requestcommand", "demand", ("appeal",)),
    ("requestadvise", "appeal", ("demand",)),
    ("threatencoerce", "threat", ("demand",)),
)
_DEMANDER_ROLES = frozenset({"communicator"})
_ADDRESSEE_ROLES = frozenset({"recipient"})
_ADVISE = re.compile(r"^advis", re.IGNORECASE)


@attrs.frozen(kw_only=True)
class GoldEvent:
    """One gold request, demand or threat of a text."""

    id: str
    strength: str
    accepted: frozenset[str]
    label: str
    cameo: str | None = None
    demanders: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()
    #: Why the event is not scored, when it is not.
    excluded: str | None = None


@attrs.frozen(kw_only=True)
class GoldText:
    """One scored text and its gold events (none: a sentence with no demand)."""

    id: str
    text: str
    events: tuple[GoldEvent, ...] = ()

    @property
    def scored(self) -> tuple[GoldEvent, ...]:
        return tuple(e for e in self.events if e.excluded is None)

    @property
    def skipped(self) -> bool:
        """Whether every event of the text is left out, so the text is not scored."""
        return bool(self.events) and not self.scored


def detect(path: Path) -> bool:
    """A ``.jsonl`` file whose first record has ``text`` and an event label."""
    if not path.is_file() or path.suffix != ".jsonl":
        return False
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    return (
                        isinstance(record, dict)
                        and "text" in record
                        and any(k in record for k in _LABELS)
                    )
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return False


def _strength(record: Mapping[str, Any]) -> tuple[str, tuple[str, ...]] | None:
    """The strength a record's label stands for and the others it accepts; None for a
    label of no request, demand or threat."""
    code = record.get("cameo_code")
    if code:
        root = _CAMEO_ROOTS.get(str(code)[:2])
        return (root, ()) if root else None
    event = record.get("plover_event")
    if event:
        return _PLOVER.get(str(event).upper())
    kind = str(record.get("event_type") or "").lower()
    for fragment, strength, also in _EVENT_TYPES:
        if fragment in kind:
            return strength, also
    return None


def _roles(record: Mapping[str, Any], roles: frozenset[str]) -> tuple[str, ...]:
    return tuple(
        str(value)
        for role, value, *_ in record.get("args") or ()
        if str(role).lower() in roles and value
    )


def gold_event(record: Mapping[str, Any]) -> GoldEvent | None:
    """The gold event of one record, or None when it labels no demand."""
    found = _strength(record)
    if found is None:
        return None
    strength, also = found
    text = str(record["text"])
    label = str(next((record[k] for k in _LABELS if record.get(k)), ""))
    excluded = None
    if "event_type" in record:
        demanders = _roles(record, _DEMANDER_ROLES)
        addressees = _roles(record, _ADDRESSEE_ROLES)
        if _ADVISE.match(str(record.get("trigger") or "")):
            excluded = f"advise trigger {record.get('trigger')!r}"
        elif not any(value in text for value in (*demanders, *addressees)):
            excluded = "no communicator or recipient in the text"
    else:
        demanders = (str(record["source"]),) if record.get("source") else ()
        addressees = (str(record["target"]),) if record.get("target") else ()
    return GoldEvent(
        id=str(record.get("id") or ""),
        strength=strength,
        accepted=frozenset({strength, *also}),
        label=label,
        cameo=str(record["cameo_code"]) if record.get("cameo_code") else None,
        demanders=tuple(d for d in demanders if d in text),
        addressees=tuple(a for a in addressees if a in text),
        excluded=excluded,
    )


def read(path: Path) -> list[GoldText]:
    """The texts of a gold file, each with its events; a text annotated twice (two
    events of one WikiEvents passage) is one text."""
    texts: dict[str, tuple[str, list[GoldEvent]]] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            text = str(record["text"])
            _, events = texts.setdefault(text, (str(record.get("id") or number), []))
            event = gold_event(record)
            if event is not None:
                events.append(event)
    return [GoldText(id=i, text=t, events=tuple(e)) for t, (i, e) in texts.items()]


def _strength_of(claim: Claim) -> str | None:
    return claim.data.strength if isinstance(claim.data, Demand) else None


def _demander_names(claim: Claim) -> list[str]:
    # and the role: "the coalition's spokesman", coded by head word like the names
    role = [claim.source.role] if claim.source is not None and claim.source.role else []
    return [*demander_names(claim), *role]


def _addressee_names(claim: Claim) -> list[str]:
    data = claim.data
    return [data.addressee.text] if isinstance(data, Demand) and data.addressee else []


def _describe(claim: Claim) -> str:
    data = claim.data
    what = f"{data.strength} {data.cameo}" if isinstance(data, Demand) else "?"
    return f"{claim.evidence.text!r} [{what}]"


@attrs.define
class _Tally:
    any_demand: Counts = attrs.field(factory=Counts)
    strengths: dict[str, Counts] = attrs.field(factory=lambda: {s: Counts() for s in STRENGTHS})
    demander: Counts = attrs.field(factory=Counts)
    addressee: Counts = attrs.field(factory=Counts)
    category: list[int] = attrs.field(factory=lambda: [0, 0])
    category_all: list[int] = attrs.field(factory=lambda: [0, 0])
    errors: list[str] = attrs.field(factory=list)


def _score_role(
    tally: Counts,
    errors: list[str],
    role: str,
    event: GoldEvent,
    gold: Sequence[str],
    candidates: Sequence[Claim],
    names: Any,
) -> None:
    if not gold:
        return
    tally.fn += 1
    predicted = [n for c in candidates for n in names(c)]
    if not predicted:
        errors.append(f"{role} {event.id}: gold {gold[0]!r}, predicted none")
        return
    if any(same_head(g, predicted) for g in gold):
        tally.fn -= 1
        tally.tp += 1
    else:
        tally.fp += 1
        errors.append(f"{role} {event.id}: gold {gold[0]!r}, predicted {predicted[0]!r}")


def _score_text(tally: _Tally, gold: GoldText, claims: Sequence[Claim]) -> None:
    demands = [c for c in claims if c.kind == "demand"]
    events = gold.scored
    accepted = {s for e in gold.events for s in e.accepted}
    found = {s for c in demands if (s := _strength_of(c)) is not None}
    if events and demands:
        tally.any_demand.tp += 1
    elif events:
        tally.any_demand.fn += 1
    elif demands:
        tally.any_demand.fp += 1
    # A strength is found once per text, however many actions or events it has.
    for strength in sorted({e.strength for e in events}):
        same = [e for e in events if e.strength == strength]
        counts = tally.strengths[strength]
        if any(_strength_of(c) in e.accepted for e in same for c in demands):
            counts.tp += 1
        else:
            counts.fn += 1
            labels = ", ".join(sorted({e.label for e in same}))
            tally.errors.append(f"miss {gold.id} [{labels}]: {gold.text[:160]!r}")
    for event in events:
        candidates = [c for c in demands if _strength_of(c) in event.accepted]
        if event.cameo:
            tally.category_all[1] += 1
            codes = [c.data.cameo for c in candidates if isinstance(c.data, Demand)]
            good = any(code and code[:3] == event.cameo[:3] for code in codes)
            tally.category_all[0] += good
            if candidates:
                tally.category[1] += 1
                tally.category[0] += good
                if not good:
                    tally.errors.append(
                        f"category {event.id}: gold {event.cameo}, predicted "
                        f"{', '.join(str(c) for c in codes)}: {gold.text[:120]!r}"
                    )
        if candidates:
            _score_role(
                tally.demander,
                tally.errors,
                "demander",
                event,
                event.demanders,
                candidates,
                _demander_names,
            )
            _score_role(
                tally.addressee,
                tally.errors,
                "addressee",
                event,
                event.addressees,
                candidates,
                _addressee_names,
            )
    for strength in sorted(found - accepted):
        tally.strengths[strength].fp += 1
        extra = [c for c in demands if _strength_of(c) == strength]
        tally.errors.append(f"extra {gold.id}: {_describe(extra[0])}")


def score(texts: Iterable[GoldText], claims: Mapping[str, Sequence[Claim]]) -> Section:
    """Detection P/R/F1 per strength and for any demand, category accuracy on the
    CAMEO-coded rows, and demander / addressee head-match F1."""
    tally = _Tally()
    scored = skipped = 0
    for gold in texts:
        if gold.skipped:
            skipped += 1
            tally.errors += [
                f"not scored {e.id} [{e.label}]: {e.excluded}: {gold.text[:100]!r}"
                for e in gold.events
            ]
            continue
        scored += 1
        _score_text(tally, gold, claims.get(gold.id, ()))
    metrics: list[tuple[str, float]] = [
        ("texts scored", float(scored)),
        ("texts not scored", float(skipped)),
        *prf("any demand", tally.any_demand),
    ]
    for strength in STRENGTHS:
        metrics += prf(strength, tally.strengths[strength])
    metrics += [
        ("category accuracy (found)", ratio(*tally.category)),
        ("category accuracy (all coded)", ratio(*tally.category_all)),
        *prf("demander head", tally.demander),
        *prf("addressee head", tally.addressee),
    ]
    return Section(name="demands (event-coded sentences)", metrics=metrics, errors=tally.errors)


def evaluate(path: Path, options: argparse.Namespace) -> list[Section]:
    texts = read(path)
    documents = [build_document(t.id, t.text, dct=options.dct) for t in texts]
    return [score(texts, predict.claims_for(options, lambda _pipeline: documents))]
