"""The record a date rule is: what it matches and how to normalise it.

Built-in rules live in :mod:`claimkit.extractors.dates.builtin`; plugins add theirs with
the ``claimkit_date_rules`` hook. A plugin rule::

    @claimkit.hookimpl
    def claimkit_date_rules():
        yield DateRule(name="fed-day", pattern=r"Fed day", type="DATE", value="XXXX-XX-XX")
        yield DateRule(name="tet", pattern=r"\\bTet\\b", type="DATE", value=next_tet)

where ``next_tet(match, context)`` returns a TIMEX3 value, a :class:`Normalised`, or
None to reject the match.
"""

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Literal

import attrs

from claimkit.types import TIMEX_TYPES, Timex

#: The tense of the verb an expression depends on, as far as the parse tells it.
Tense = Literal["past", "present", "future"]


@attrs.frozen(kw_only=True)
class Context:
    """What a normaliser knows besides its match.

    :param dct: the document creation date, or None when the document has none (then
        relative expressions must stay underspecified: ``XXXX-WXX``).
    :param dct_value: the creation time as given (a TIMEX3 date, maybe with a time).
    :param tense: the tense of the governing verb ("will meet on Thursday": future), or
        None when no verb governs the expression.
    :param tag: the Penn Treebank tag of the expression's root token.
    :param head: the lower-cased word the expression attaches to in the parse, if any.
    :param head_tag: that word's Penn Treebank tag.
    :param dep: the dependency label of the expression's root token.
    :param event_tense: for a date that qualifies a noun ("the Oct. 23 slaying"), and
        so has no ``tense`` of its own, "past" when the clause holding the noun tells of
        the past or a perfect: the noun's event has happened.
    :param previous: the expressions before this one in the document, in reading
        order, as normalised: what "the next day", "that year" or "a year earlier"
        ("from $1.2 million a year earlier", after "the third quarter") refer back to.
    """

    dct: dt.date | None = None
    dct_value: str | None = None
    tense: Tense | None = None
    tag: str | None = None
    head: str | None = None
    head_tag: str | None = None
    dep: str | None = None
    event_tense: Tense | None = None
    previous: tuple[Timex, ...] = ()


@attrs.frozen(kw_only=True)
class Normalised:
    """What a normaliser found: the TIMEX3 value and what else it could tell.

    ``type`` overrides the rule's type (a date with a clock time is a TIME); ``anchor``
    is the value a duration ends at ("the past six years": the creation date).
    """

    value: str
    type: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(TIMEX_TYPES))
    )
    mod: str | None = None
    anchor: str | None = None


#: ``normaliser(match, context)``: a TIMEX3 value, a :class:`Normalised`, or None when
#: the match turns out not to be a temporal expression.
Normaliser = Callable[[re.Match[str], Context], "Normalised | str | None"]


def _compile(pattern: "str | re.Pattern[str]") -> "re.Pattern[str]":
    return pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, re.IGNORECASE)


def _strings(values: "Iterable[str]") -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class DateRule:
    """A temporal expression: a regular expression and how to normalise what it matches.

    :param name: names the rule in reports and tests.
    :param pattern: a compiled pattern, or a string compiled case-insensitively. A match
        must not start or end inside a word or a number: "Sunday" never matches in
        "Sundays", "1994" never in "19945".
    :param type: the TIMEX3 type (DATE, TIME, DURATION, SET) of what it matches.
    :param value: the TIMEX3 value: fixed (``"P1Y"``, ``"PRESENT_REF"``), or a
        :data:`Normaliser` computing it from the match and its :class:`Context`.
    :param mod: the TIMEX3 mod of every match (START, MID, END, APPROX ...), if any.
    :param hints: lower-case strings one of which every match contains, in any case
        ("century", "jan", "19"); one that begins with a letter must begin a word there
        (come after no letter: "am" in "10am", "year" in "year-end", not "ties" in
        "thirties"). The rule is then run only near where they occur (see ``reach``),
        not over the whole text. Only for speed: leave empty when in doubt.
    :param reach: how many words (runs of non-space characters) a match may extend
        before and after the word holding its hint, counting any words its look-ahead
        reads after it ("Jan. 5, 1998, at 10 a.m." holds "jan" and six words after
        it). It bounds the stretch of text scanned around each hint.

    Where matches of several rules overlap, the longest wins; plugin rules are tried
    before the built-in ones, so a plugin's match wins over any built-in one it overlaps.
    """

    name: str
    pattern: "re.Pattern[str]" = attrs.field(converter=_compile)
    type: str = attrs.field(validator=attrs.validators.in_(TIMEX_TYPES))
    value: "str | Normaliser"
    mod: str | None = None
    hints: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    reach: tuple[int, int] = (8, 8)

    def normalise(self, match: "re.Match[str]", context: Context) -> Normalised | None:
        """What ``match`` means, or None when the rule rejects it."""
        found = self.value(match, context) if callable(self.value) else self.value
        if found is None:
            return None
        if isinstance(found, str):
            return Normalised(value=found, type=self.type, mod=self.mod)
        if found.type is None or (found.mod is None and self.mod is not None):
            # built directly: attrs.evolve costs several times as much
            return Normalised(
                value=found.value,
                type=found.type or self.type,
                mod=found.mod or self.mod,
                anchor=found.anchor,
            )
        return found
