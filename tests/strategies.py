"""Hypothesis strategies for claimkit's value types.

The attrs validators tie every span to a text (``text == document[start:end]``), so
``st.builds`` cannot make them: each strategy draws a text first and spans inside it.
"""

from collections.abc import Mapping
from typing import Any

import attrs
from hypothesis import strategies as st

from claimkit.types import (
    SOURCE_KINDS,
    STRENGTHS,
    STYLES,
    TIMEX_TYPES,
    Claim,
    Demand,
    Document,
    Source,
    Span,
    Timex,
)

#: Document texts: any characters, newlines and non-ASCII included.
texts = st.text(max_size=80)
#: Short labels: ids, names, categories.
labels = st.text(min_size=1, max_size=12)
optional_labels = st.none() | labels

#: JSON values as a reader's metadata holds them (no NaN: it is not JSON).
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def spans(draw: st.DrawFn, text: str) -> Span:
    """A span of ``text`` (possibly empty)."""
    start = draw(st.integers(min_value=0, max_value=len(text)))
    end = draw(st.integers(min_value=start, max_value=len(text)))
    return Span.of(text, start, end)


def optional_spans(text: str) -> st.SearchStrategy[Span | None]:
    return st.none() | spans(text)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(texts)
    return Document(
        id=draw(labels),
        text=text,
        title=draw(optional_labels),
        publisher=draw(optional_labels),
        agency=draw(optional_labels),
        place=draw(optional_labels),
        dct=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
        dct_origin=draw(st.none() | st.sampled_from(("text", "caller", "metadata", "inferred"))),
        body_start=draw(st.integers(min_value=0, max_value=len(text))),
        path=draw(optional_labels),
        meta=draw(st.dictionaries(st.text(max_size=8), json_values, max_size=4)),
    )


@st.composite
def sources(draw: st.DrawFn, text: str) -> Source:
    return Source(
        id=draw(labels),
        name=draw(labels),
        kind=draw(st.sampled_from(SOURCE_KINDS)),
        named=draw(st.booleans()),
        mentions=draw(st.lists(spans(text), max_size=3)),
        role=draw(optional_labels),
        affiliation=draw(optional_labels),
    )


@st.composite
def timexes(draw: st.DrawFn, text: str) -> Timex:
    return Timex(
        span=draw(spans(text)),
        type=draw(st.sampled_from(TIMEX_TYPES)),
        value=draw(labels),
        mod=draw(st.none() | st.sampled_from(("START", "MID", "END", "APPROX"))),
        function=draw(st.none() | st.sampled_from(("CREATION_TIME", "SPEECH_TIME"))),
        anchor=draw(optional_labels),
        interval=draw(optional_labels),
    )


@st.composite
def demands(draw: st.DrawFn, text: str) -> Demand:
    return Demand(
        strength=draw(st.sampled_from(STRENGTHS)),
        category=draw(labels),
        addressee=draw(optional_spans(text)),
        cameo=draw(optional_labels),
        plover=draw(optional_labels),
        condition=draw(optional_spans(text)),
        consequence=draw(optional_spans(text)),
        reported_by=draw(st.none() | sources(text)),
    )


@attrs.frozen(kw_only=True)
class Shout:
    """A plugin's own claim data: scalars, spans, tuples, a mapping of spans, a nested class."""

    volume: int
    loudest: Span | None = None
    words: tuple[str, ...] = ()
    marks: Mapping[str, Span] = attrs.field(factory=dict)
    pair: tuple[int, str] = (0, "")
    level: int | str = 0
    echo: Demand | None = None


@st.composite
def shouts(draw: st.DrawFn, text: str) -> Shout:
    return Shout(
        volume=draw(st.integers()),
        loudest=draw(optional_spans(text)),
        words=tuple(draw(st.lists(labels, max_size=3))),
        marks=draw(st.dictionaries(labels, spans(text), max_size=3)),
        pair=(draw(st.integers()), draw(labels)),
        level=draw(st.integers() | labels),
        echo=draw(st.none() | demands(text)),
    )


@st.composite
def claims(draw: st.DrawFn, kind: str | None = None) -> Claim:
    """A claim over a drawn text; its ``data`` fits its kind.

    ``demand`` carries a :class:`Demand`, ``shout`` a :class:`Shout` (a plugin kind),
    ``statement``/``date`` nothing and ``other`` plain JSON.
    """
    text = draw(texts)
    kind = kind or draw(st.sampled_from(("statement", "date", "demand", "shout", "other")))
    data: Any = None
    if kind == "demand":
        data = draw(demands(text))
    elif kind == "shout":
        data = draw(shouts(text))
    elif kind == "other":
        data = draw(st.dictionaries(st.text(max_size=5), json_values, max_size=3))
    return Claim(
        kind=kind,
        doc_id=draw(labels),
        extractor=draw(labels),
        evidence=draw(spans(text)),
        source=draw(st.none() | sources(text)),
        source_mention=draw(optional_spans(text)),
        cue=draw(optional_spans(text)),
        content=draw(optional_spans(text)),
        style=draw(st.none() | st.sampled_from(STYLES)),
        times=draw(st.lists(timexes(text), max_size=3)),
        said_on=draw(optional_labels),
        data=data,
    )
