"""The value types: their validators, Span.of, frozenness."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimkit.types import Claim, Demand, Document, Source, Span, Timex
from tests.strategies import spans, texts


def test_span_of_takes_the_slice() -> None:
    span = Span.of("the diplomat said", 4, 12)
    assert span == Span(start=4, end=12, text="diplomat")


def test_span_end_before_start_is_rejected() -> None:
    with pytest.raises(ValueError, match="precedes"):
        Span(start=5, end=3, text="")


def test_span_text_must_match_its_length() -> None:
    with pytest.raises(ValueError, match="characters"):
        Span(start=0, end=3, text="four")
    with pytest.raises(ValueError):
        Span(start=0, end=5, text="abc")


def test_span_start_must_not_be_negative() -> None:
    with pytest.raises(ValueError):
        Span(start=-1, end=2, text="abc")


def test_span_of_beyond_the_text_is_rejected() -> None:
    # text[3:10] of a 5-character text has 2 characters, not 7.
    with pytest.raises(ValueError):
        Span.of("hello", 3, 10)


def test_empty_span_is_allowed() -> None:
    assert Span.of("abc", 2, 2).text == ""


@given(st.data(), texts)
def test_span_of_slices_any_text(data: st.DataObject, text: str) -> None:
    span = data.draw(spans(text))
    assert text[span.start : span.end] == span.text
    assert Span.of(text, span.start, span.end) == span


def test_span_overlaps_and_contains() -> None:
    text = "abcdefghij"
    outer, inner, after = Span.of(text, 1, 6), Span.of(text, 2, 4), Span.of(text, 6, 8)
    assert inner in outer
    assert outer not in inner
    assert outer.overlaps(inner) and inner.overlaps(outer)
    assert not outer.overlaps(after)  # touching is not overlapping


def test_values_are_frozen() -> None:
    span = Span.of("abc", 0, 1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 1  # type: ignore[misc]
    document = Document(id="d", text="abc")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        document.text = "x"  # type: ignore[misc]
    claim = Claim(kind="date", doc_id="d", extractor="x", evidence=span)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        claim.kind = "other"  # type: ignore[misc]


def test_values_are_hashable_and_compare_by_value() -> None:
    a = Claim(kind="date", doc_id="d", extractor="x", evidence=Span.of("abc", 0, 1))
    b = Claim(kind="date", doc_id="d", extractor="x", evidence=Span.of("abc", 0, 1))
    assert a == b and hash(a) == hash(b)
    assert len({Document(id="d", text="t", meta={"a": 1}), Document(id="d", text="t")}) == 2


def test_source_kind_is_validated() -> None:
    mention = Span.of("he said", 0, 2)
    Source(id="s1", name="he", kind="person", named=False, mentions=[mention])
    with pytest.raises(ValueError):
        Source(id="s1", name="he", kind="alien", named=False, mentions=[mention])


def test_source_mentions_become_a_tuple() -> None:
    mention = Span.of("he said", 0, 2)
    source = Source(id="s1", name="he", kind="person", named=False, mentions=[mention])
    assert source.mentions == (mention,)


def test_claim_style_is_validated() -> None:
    span = Span.of("he said", 0, 7)
    for style in ("direct", "indirect", "mixed", None):
        Claim(kind="statement", doc_id="d", extractor="x", evidence=span, style=style)
    with pytest.raises(ValueError):
        Claim(kind="statement", doc_id="d", extractor="x", evidence=span, style="shouted")


def test_timex_type_and_demand_strength_are_validated() -> None:
    span = Span.of("Monday", 0, 6)
    with pytest.raises(ValueError):
        Timex(span=span, type="WEEKDAY", value="1997-02-03")
    with pytest.raises(ValueError):
        Demand(strength="plea", category="prisoner_release")


def test_document_dct_origin_is_validated() -> None:
    Document(id="d", text="t", dct="1997-01-28", dct_origin="metadata")
    with pytest.raises(ValueError):
        Document(id="d", text="t", dct="1997-01-28", dct_origin="guessed")


def test_claim_spans_lists_every_span() -> None:
    text = '"Free him," the diplomat said on Monday, asking Beijing.'
    evidence = Span.of(text, 0, len(text))
    mention = Span.of(text, 11, 23)
    cue = Span.of(text, 24, 28)
    content = Span.of(text, 1, 9)
    monday = Span.of(text, 32, 38)
    addressee = Span.of(text, 47, 54)
    source = Source(id="s1", name="the diplomat", kind="person", named=False, mentions=[mention])
    claim = Claim(
        kind="demand",
        doc_id="d",
        extractor="x",
        evidence=evidence,
        source=source,
        source_mention=mention,
        cue=cue,
        content=content,
        times=[Timex(span=monday, type="DATE", value="1997-02-03")],
        data=Demand(strength="demand", category="prisoner_release", addressee=addressee),
    )
    found = claim.spans()
    for span in (evidence, mention, cue, content, monday, addressee):
        assert span in found
    assert all(text[s.start : s.end] == s.text for s in found)
