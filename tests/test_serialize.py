"""Plain-JSON forms of the value types, and back, without loss."""

import io
import json
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from claimkit.serialize import claim_from_json, from_json, to_json
from claimkit.types import Claim, Demand, Document, Source, Span, Timex
from claimkit.writers.jsonl import write_claims
from tests.strategies import Shout, claims, documents, shouts, sources, texts, timexes

DATA_TYPES = {"shout": Shout}


def through_json(value: Any) -> Any:
    """``to_json`` and then a real trip through JSON text."""
    return json.loads(json.dumps(to_json(value)))


@given(documents())
def test_document_round_trips(document: Document) -> None:
    assert from_json(Document, through_json(document)) == document


@given(st.data(), texts)
def test_source_round_trips(data: st.DataObject, text: str) -> None:
    source = data.draw(sources(text))
    back = from_json(Source, through_json(source))
    assert back == source
    assert isinstance(back.mentions, tuple)
    assert all(isinstance(m, Span) for m in back.mentions)


@given(st.data(), texts)
def test_timex_round_trips(data: st.DataObject, text: str) -> None:
    timex = data.draw(timexes(text))
    assert from_json(Timex, through_json(timex)) == timex


@given(claims())
def test_claim_round_trips(claim: Claim) -> None:
    assert claim_from_json(through_json(claim), DATA_TYPES) == claim


@given(claims(kind="demand"))
def test_demand_data_comes_back_typed(claim: Claim) -> None:
    back = claim_from_json(through_json(claim))
    assert isinstance(back.data, Demand)
    assert back == claim


@given(claims(kind="shout"))
def test_plugin_data_comes_back_typed_with_its_data_types(claim: Claim) -> None:
    back = claim_from_json(through_json(claim), {"shout": Shout})
    assert isinstance(back.data, Shout)
    assert back == claim


@given(st.data(), texts)
def test_plugin_data_class_round_trips_on_its_own(data: st.DataObject, text: str) -> None:
    shout = data.draw(shouts(text))
    back = from_json(Shout, through_json(shout))
    assert back == shout
    assert all(isinstance(span, Span) for span in back.marks.values())
    assert isinstance(back.pair, tuple) and isinstance(back.words, tuple)


@given(claims(kind="shout"))
def test_unregistered_plugin_kind_keeps_plain_json(claim: Claim) -> None:
    back = claim_from_json(through_json(claim))
    assert back.data == to_json(claim.data)
    assert back == attrs.evolve(claim, data=to_json(claim.data))


def test_json_form_is_plain() -> None:
    text = "Free him, they said on Monday."
    claim = Claim(
        kind="demand",
        doc_id="d",
        extractor="demands",
        evidence=Span.of(text, 0, len(text)),
        times=[Timex(span=Span.of(text, 23, 29), type="DATE", value="1997-02-03")],
        data=Demand(strength="demand", category="prisoner_release"),
    )
    form = to_json(claim)
    assert form["evidence"] == {"start": 0, "end": len(text), "text": text}
    assert form["times"][0]["span"]["text"] == "Monday"
    assert form["data"]["strength"] == "demand"
    assert json.loads(json.dumps(form)) == form


@given(st.lists(claims(), max_size=4))
def test_jsonl_writer_writes_a_claim_a_line(found: list[Claim]) -> None:
    out = io.StringIO()
    assert write_claims(found, out) == len(found)
    # Split on newlines only: JSON text may hold U+2028 or U+0085 raw, and
    # str.splitlines would cut a record there.
    lines = out.getvalue().split("\n")[:-1] if found else []
    assert out.getvalue().endswith("\n") or not found
    assert len(lines) == len(found)
    assert [claim_from_json(json.loads(line), DATA_TYPES) for line in lines] == found
