"""The value types claimkit hands out: documents, spans, sources, times and claims.

All of them are frozen, slotted attrs classes. Every span is a pair of character
offsets into :attr:`Document.text` (Python string indices, i.e. Unicode code points)
together with the text it covers, so ``document.text[span.start:span.end] == span.text``.
"""

from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

#: Source kinds, as the seed gold and PolNeAR name them.
SOURCE_KINDS: Final = (
    "person",
    "organization",
    "anonymous_person",
    "anonymous_group",
    "document",
    "unknown",
)
#: Quotation styles of an attributed statement.
STYLES: Final = ("direct", "indirect", "mixed")
#: TIMEX3 types.
TIMEX_TYPES: Final = ("DATE", "TIME", "DURATION", "SET")
#: Strength of a demand, kept apart from its content (CAMEO 02x / 10x / 13x).
STRENGTHS: Final = ("appeal", "demand", "threat")


def strings(items: Iterable[str]) -> tuple[str, ...]:
    """A tuple of strings from any iterable of them (an attrs converter)."""
    return tuple(items)


def _span_is_consistent(instance: "Span", attribute: "attrs.Attribute[int]", end: int) -> None:
    if end < instance.start:
        raise ValueError(f"span end {end} precedes its start {instance.start}")
    if len(instance.text) != end - instance.start:
        raise ValueError(
            f"span text {instance.text!r} has {len(instance.text)} characters "
            f"but covers {end - instance.start} ({instance.start}-{end})"
        )


@attrs.frozen(kw_only=True)
class Span:
    """A stretch of a document's text: ``text == document.text[start:end]``."""

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field(validator=_span_is_consistent)
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span of ``text[start:end]``."""
        return cls(start=start, end=end, text=text[start:end])

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def __contains__(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


def _spans(items: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class Document:
    """One story: its text and what is known about it.

    ``dct`` is the document creation time as a TIMEX3 value (``1997-01-28`` or
    ``1997-01-28T14:09-05:00``); ``dct_origin`` says where it came from: ``text`` (the
    wire header or dateline), ``caller`` (an API argument or CLI flag), ``metadata``
    (a JSON field, a sidecar or a table beside the file) or ``inferred`` (metadata that
    says it was inferred rather than read). ``body_start`` is the offset where the story
    proper begins, after any header and dateline.
    """

    id: str
    text: str
    title: str | None = None
    publisher: str | None = None
    agency: str | None = None
    place: str | None = None
    dct: str | None = None
    dct_origin: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            attrs.validators.in_(("text", "caller", "metadata", "inferred"))
        ),
    )
    body_start: int = 0
    path: str | None = None
    meta: Mapping[str, Any] = attrs.field(factory=dict, hash=False)


@attrs.frozen(kw_only=True)
class Source:
    """Who a claim comes from: one real speaker, organisation or document.

    A document has one Source per real speaker: "one Beijing-based diplomat", "the
    diplomat" and "he" are mentions of one Source; "a third diplomat" is another.
    ``id`` is unique within the document. ``name`` is the most informative mention.
    ``role`` and ``affiliation`` are given when the text gives them ("the National
    Security Council's chief Asia expert", "Human Rights Watch/Asia").
    """

    id: str
    name: str
    kind: str = attrs.field(validator=attrs.validators.in_(SOURCE_KINDS))
    named: bool
    mentions: tuple[Span, ...] = attrs.field(converter=_spans)
    role: str | None = None
    affiliation: str | None = None


@attrs.frozen(kw_only=True)
class Timex:
    """A normalised temporal expression, in TimeML's TIMEX3 terms.

    ``value`` is TIMEX3 value syntax (``1997-01-28``, ``1997-W05``, ``P6Y``,
    ``PAST_REF``, ``XXXX-02-14`` when no creation time anchors it). ``mod`` is TIMEX3's
    (START, MID, END, APPROX, ...); ``function`` is ``CREATION_TIME`` for the story's own
    time stamp and ``SPEECH_TIME`` for the time of an attribution. ``anchor`` is the value
    a duration or a relative expression was anchored to; ``interval`` is ``begin/end``
    when the expression is one end of a range ("March 10 to April 18").
    """

    span: Span
    type: str = attrs.field(validator=attrs.validators.in_(TIMEX_TYPES))
    value: str
    mod: str | None = None
    function: str | None = None
    anchor: str | None = None
    interval: str | None = None


def _timexes(items: Iterable[Timex]) -> tuple[Timex, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class Demand:
    """What a ``demand`` claim asks for, kept apart from how hard it asks.

    ``strength`` is appeal, demand or threat (CAMEO 02x / 10x / 13x); ``category`` is a
    key of the demand taxonomy (``prisoner_release``, ``prison_access`` ...), ``cameo``
    the CAMEO code composed from strength and category (demand + release -> ``1053``) and
    ``plover`` the PLOVER event and mode (``REQUEST/release``). A conditional threat has a
    ``condition`` ("unless further progress is made") and a ``consequence``.
    ``reported_by`` is the Source that reports the demand, when it is reported speech.
    """

    strength: str = attrs.field(validator=attrs.validators.in_(STRENGTHS))
    category: str
    addressee: Span | None = None
    cameo: str | None = None
    plover: str | None = None
    condition: Span | None = None
    consequence: Span | None = None
    reported_by: Source | None = None


@attrs.frozen(kw_only=True)
class Claim:
    """One thing a document says: an attributed statement, a date, a demand, or a
    plugin's own kind.

    ``evidence`` is the stretch of text the claim rests on. Attributed claims have a
    ``source`` (the resolved Source) and ``source_mention`` (how this claim names it:
    "he", "the first diplomat"), a ``cue`` ("said", "according to") and a ``content``.
    ``style`` is direct, indirect or mixed for statements. ``times`` are the normalised
    times the claim mentions; ``said_on`` is the TIMEX3 value of when it was said.
    ``data`` carries the typed, kind-specific fields (:class:`Demand` for demands, a
    plugin's own attrs class for its kinds). ``extractor`` names the extractor that
    produced the claim.
    """

    kind: str
    doc_id: str
    extractor: str
    evidence: Span
    source: Source | None = None
    source_mention: Span | None = None
    cue: Span | None = None
    content: Span | None = None
    style: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(STYLES))
    )
    times: tuple[Timex, ...] = attrs.field(default=(), converter=_timexes)
    said_on: str | None = None
    data: Any = None

    def spans(self) -> list[Span]:
        """Every span the claim carries, for checks and renderers."""
        found = [self.evidence]
        found += [s for s in (self.source_mention, self.cue, self.content) if s is not None]
        found += [t.span for t in self.times]
        if self.source is not None:
            found += self.source.mentions
        if attrs.has(type(self.data)):
            found += [v for v in attrs.astuple(self.data, recurse=False) if isinstance(v, Span)]
        return found
