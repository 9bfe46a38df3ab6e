"""Event data: one CSV row per demand claim, in the shape CAMEO / PLOVER users code news
into (date, source actor, target actor, event code), with the evidence that backs it.

``event_rows(document, claims)`` turns one document's claims into rows;
``write_events(rows, out)`` writes them as CSV with a header line, which
``pandas.read_csv`` and R's ``read.csv`` load as a table. The columns are
:data:`EVENT_COLUMNS`, described in ``docs/demands.md``.
"""

import csv
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Final

from claimkit.types import Claim, Demand, Document

#: The columns of an event row, in order.
EVENT_COLUMNS: Final = (
    "doc_id",
    "date",
    "date_source",
    "demander",
    "demander_kind",
    "addressee",
    "strength",
    "category",
    "cameo",
    "plover_event",
    "plover_mode",
    "cue",
    "content",
    "condition",
    "consequence",
    "reported_by",
    "evidence_start",
    "evidence_end",
    "evidence_text",
)

# Line breaks and tabs inside a span become spaces: one row a line, and the text keeps
# its length, so evidence_start and evidence_end still index the document.
_FLAT = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})


def _flat(text: str | None) -> str:
    return text.translate(_FLAT) if text else ""


def event_date(document: Document, claim: Claim) -> tuple[str, str]:
    """The date of a demand and where it comes from: when it was said (``said_on``),
    else the first date it mentions (``time``), else the document's creation date
    (``dct``); empty when none is known."""
    if claim.said_on:
        return claim.said_on, "said_on"
    for timex in claim.times:
        if timex.type == "DATE":
            return timex.value, "time"
    if document.dct:
        return document.dct.split("T")[0], "dct"
    return "", ""


def event_rows(document: Document, claims: Iterable[Claim]) -> Iterator[dict[str, str]]:
    """One row per ``demand`` claim of ``document``, in the order of ``claims``."""
    for claim in claims:
        data = claim.data
        if claim.kind != "demand" or not isinstance(data, Demand):
            continue
        event, _, mode = (data.plover or "").partition("/")
        date, date_source = event_date(document, claim)
        source = claim.source
        demander = source.name if source is not None else ""
        if not demander and claim.source_mention is not None:
            demander = claim.source_mention.text
        yield {
            "doc_id": claim.doc_id,
            "date": date,
            "date_source": date_source,
            "demander": _flat(demander),
            "demander_kind": source.kind if source is not None else "",
            "addressee": _flat(data.addressee.text if data.addressee else ""),
            "strength": data.strength,
            "category": data.category,
            "cameo": data.cameo or "",
            "plover_event": event,
            "plover_mode": mode,
            "cue": _flat(claim.cue.text if claim.cue else ""),
            "content": _flat(claim.content.text if claim.content else ""),
            "condition": _flat(data.condition.text if data.condition else ""),
            "consequence": _flat(data.consequence.text if data.consequence else ""),
            "reported_by": _flat(data.reported_by.name if data.reported_by else ""),
            "evidence_start": str(claim.evidence.start),
            "evidence_end": str(claim.evidence.end),
            "evidence_text": _flat(claim.evidence.text),
        }


def write_events(rows: Iterable[Mapping[str, str]], out: IO[str]) -> int:
    """Write event rows as CSV, header first (also when there are no rows), and flush;
    returns how many rows were written. Columns are :data:`EVENT_COLUMNS`; keys outside
    them are ignored."""
    writer = csv.DictWriter(
        out, fieldnames=EVENT_COLUMNS, extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in EVENT_COLUMNS})
        count += 1
    out.flush()
    return count
