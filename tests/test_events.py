"""The event-data export: one CSV row per demand claim."""

import csv
import io

import pytest

import claimkit
from claimkit.types import Claim, Demand, Document, Span, Timex
from claimkit.writers.events import EVENT_COLUMNS, event_date, event_rows, write_events

TEXT = (
    "BEIJING, Feb 3 -\n"
    "The European Union on Monday urged Myanmar to free the jailed journalists and lift "
    "the curfew in Yangon.\nUnless Caracas frees the detained reporters, Washington will "
    "impose new sanctions, the envoy said."
)


@pytest.fixture(scope="module")
def result() -> claimkit.Result:
    pipeline = claimkit.Pipeline()
    return pipeline.process(claimkit.build_document("wire-1", TEXT, dct="1997-02-03"))


def test_one_row_per_demand_claim(result: claimkit.Result) -> None:
    demands = [c for c in result.claims if c.kind == "demand"]
    rows = list(event_rows(result.document, result.claims))
    assert len(rows) == len(demands) == 3
    assert all(tuple(row) == EVENT_COLUMNS for row in rows)
    first, second, threat = rows
    assert first["doc_id"] == "wire-1"
    assert first["demander"] == "The European Union"
    assert first["addressee"] == "Myanmar"
    assert (first["strength"], first["category"], first["cameo"]) == (
        "appeal",
        "prisoner_release",
        "0253",
    )
    assert (first["plover_event"], first["plover_mode"]) == ("REQUEST", "yield")
    assert second["content"] == "lift the curfew in Yangon"
    assert threat["strength"] == "threat"
    assert (threat["plover_event"], threat["cameo"]) == ("THREATEN", "1312")
    assert threat["condition"] == "Unless Caracas frees the detained reporters"
    assert threat["reported_by"] == "the envoy"
    # Evidence offsets index the document; line breaks inside it are flattened to spaces.
    for row in rows:
        start, end = int(row["evidence_start"]), int(row["evidence_end"])
        assert TEXT[start:end].replace("\n", " ") == row["evidence_text"]


def test_date_is_said_on_then_a_mentioned_date_then_the_dct(result: claimkit.Result) -> None:
    rows = list(event_rows(result.document, result.claims))
    # "on Monday" dates the appeal; the threat names no date: the story's creation time.
    assert (rows[0]["date"], rows[0]["date_source"]) == ("1997-02-03", "said_on")
    assert rows[2]["date_source"] in ("said_on", "dct")
    assert rows[2]["date"] == "1997-02-03"
    document = Document(id="d", text="x" * 40, dct="1997-01-28T14:09-05:00")
    evidence = Span.of(document.text, 0, 10)
    bare = Claim(
        kind="demand",
        doc_id="d",
        extractor="demands",
        evidence=evidence,
        data=Demand(strength="demand", category="unspecified"),
    )
    assert event_date(document, bare) == ("1997-01-28", "dct")
    timex = Timex(span=Span.of(document.text, 2, 5), type="DATE", value="1997-01-20")
    dated = Claim(
        kind="demand",
        doc_id="d",
        extractor="demands",
        evidence=evidence,
        times=(timex,),
        data=Demand(strength="demand", category="unspecified"),
    )
    assert event_date(document, dated) == ("1997-01-20", "time")
    undated = Document(id="e", text="x" * 40)
    assert event_date(undated, bare) == ("", "")


def test_csv_loads_as_a_table(result: claimkit.Result) -> None:
    out = io.StringIO()
    count = write_events(event_rows(result.document, result.claims), out)
    assert count == 3
    text = out.getvalue()
    assert text.splitlines()[0] == ",".join(EVENT_COLUMNS)
    table = list(csv.reader(io.StringIO(text)))
    assert len(table) == 4
    assert {len(row) for row in table} == {len(EVENT_COLUMNS)}
    # One record a line: nothing inside a field breaks a line.
    assert len(text.splitlines()) == 4
    records = list(csv.DictReader(io.StringIO(text)))
    assert records[0]["cameo"] == "0253"


def test_no_demands_writes_the_header_only() -> None:
    out = io.StringIO()
    document = Document(id="d", text="Prices rose.")
    assert write_events(event_rows(document, []), out) == 0
    assert out.getvalue() == ",".join(EVENT_COLUMNS) + "\n"


def test_other_claims_are_not_events() -> None:
    document = Document(id="d", text="He said it rained.")
    statement = Claim(
        kind="statement", doc_id="d", extractor="statements", evidence=Span.of(document.text, 0, 17)
    )
    assert list(event_rows(document, [statement])) == []
