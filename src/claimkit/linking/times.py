"""Give every claim the normalised times it mentions, and statements their speech date.

The dates extractor finds and normalises every temporal expression; this post-processor
hands each statement, demand or plugin claim the ones inside its evidence, and marks a
date that modifies the cue ("U.S. officials said Tuesday", "said on Monday") as the
claim's ``said_on`` and the time's ``function`` as ``SPEECH_TIME``. A claim reported
inside a dated statement's content takes that statement's ``said_on``.
"""

from collections.abc import Generator

import attrs
from spacy.tokens import Doc, Token

from claimkit.hookspecs import hookimpl
from claimkit.types import Claim, Span, Timex

# How a date hangs off the verb it dates: "said Tuesday", "said on Monday".
_ADVERBIAL = frozenset({"npadvmod", "tmod", "advmod", "obl"})
_TEMPORAL_PREPOSITIONS = frozenset({"on", "at", "in", "during", "late", "early"})


@hookimpl(wrapper=True)
def claimkit_process_claims(doc: Doc) -> Generator[None, list[Claim], list[Claim]]:
    claims: list[Claim] = yield
    return link_times(doc, claims)


def link_times(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """``claims`` with ``times`` and ``said_on`` filled in."""
    dates = [c for c in claims if c.kind == "date" and c.times]
    # Each date's head word, found once for all the claims it might date.
    heads = [(d.times[0], _root(doc, d.times[0].span)) for d in dates]
    speech: dict[tuple[int, int], Timex] = {}
    linked: dict[int, tuple[tuple[Timex, ...], str | None]] = {}
    for index, claim in enumerate(claims):
        if claim.kind == "date":
            continue
        spoken = _speech_date(doc, claim, heads) if claim.cue is not None else None
        inside = [t for d in dates for t in d.times if t.span in claim.evidence]
        if spoken is not None:
            timex = attrs.evolve(spoken, function=spoken.function or "SPEECH_TIME")
            speech[(timex.span.start, timex.span.end)] = timex
            inside = [t for t in inside if t.span != timex.span] + [timex]
        if inside or spoken is not None:
            ordered = tuple(sorted(inside, key=lambda t: t.span.start))
            linked[index] = (ordered, None if spoken is None else spoken.value)
    # A claim reported inside a dated statement ("X urged Y to ..., a diplomat said on
    # Monday") was said when that statement was, unless it has a date of its own.
    for index, claim in enumerate(claims):
        if claim.kind == "date" or (index in linked and linked[index][1] is not None):
            continue
        reporting = [
            linked[other][1]
            for other, outer in enumerate(claims)
            if other != index
            and other in linked
            and linked[other][1] is not None
            and outer.content is not None
            and claim.evidence in outer.content
        ]
        if reporting:
            times, _ = linked.get(index, ((), None))
            linked[index] = (times, reporting[0])
    out = []
    for index, claim in enumerate(claims):
        if claim.kind == "date":
            marked = tuple(speech.get((t.span.start, t.span.end), t) for t in claim.times)
            out.append(attrs.evolve(claim, times=marked) if marked != claim.times else claim)
        elif index in linked:
            times, said_on = linked[index]
            out.append(attrs.evolve(claim, times=times, said_on=said_on or claim.said_on))
        else:
            out.append(claim)
    return out


def _speech_date(doc: Doc, claim: Claim, heads: list[tuple[Timex, Token | None]]) -> Timex | None:
    """The date (of ``heads``: each with its head word) that modifies the claim's cue
    verb, outside what is said."""
    assert claim.cue is not None
    cue = _root(doc, claim.cue)
    if cue is None:
        return None
    for timex, head in heads:
        # A date inside what is said is not when it was said, unless the content's hull
        # holds the attribution itself ('"Q1," he said on Monday. "Q2."').
        if (
            claim.content is not None
            and timex.span.overlaps(claim.content)
            and claim.cue not in claim.content
        ):
            continue
        if _modifies(head, cue):
            return timex
    return None


def _modifies(token: Token | None, verb: Token) -> bool:
    """Whether a date token is an adverbial of ``verb``, directly or through a
    temporal preposition; a date inside the subject ("This year's report said") is not."""
    if token is None:
        return False
    if token.dep_ in _ADVERBIAL:
        return token.head == verb
    preposition = token.head
    return (
        token.dep_ == "pobj"
        and preposition.lower_ in _TEMPORAL_PREPOSITIONS
        and preposition.head == verb
    )


def _root(doc: Doc, span: Span) -> Token | None:
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return None if found is None else found.root
