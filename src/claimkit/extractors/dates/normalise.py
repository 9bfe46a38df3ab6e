"""Calendar arithmetic and TIMEX3 value syntax: values of units, shifts and durations.

Every function takes the creation date (``dct``) or None; without one, values stay
underspecified (``XXXX-WXX``) rather than invented.
"""

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from claimkit.extractors.dates.rules import Tense
from claimkit.extractors.dates.vocabulary import Unit

# A year-less month this few months after the creation month stays in its year even
# after a verb in the past tense: "gave them until mid-November" in October (a date
# set in the past for the near future).
_NEAR_AHEAD = 1

#: Direction in which a year-less month or a bare weekday is looked for.
_FUTURE, _PAST, _NEAREST = 1, -1, 0

_DATE_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_dct(value: str | None) -> dt.date | None:
    """The calendar date of a creation time value (``1997-01-28`` or with a time)."""
    found = _DATE_PREFIX.match(value or "")
    if found is None:
        return None
    try:
        return dt.date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


def day(date: dt.date) -> str:
    return date.isoformat()


def month(year: int, number: int) -> str:
    return f"{year:04d}-{number:02d}"


def week(date: dt.date) -> str:
    """The ISO week holding ``date``: ``1997-W05``."""
    year, number, _ = date.isocalendar()
    return f"{year:04d}-W{number:02d}"


def quarter_of(date: dt.date) -> int:
    return (date.month - 1) // 3 + 1


def direction(tense: Tense | None, *, default: int = _NEAREST) -> int:
    """Where to look for a bare weekday or month: ahead for the future tense, back for
    the past, ``default`` otherwise."""
    return {"future": _FUTURE, "past": _PAST}.get(tense or "", default)


def unit_value(dct: dt.date | None, unit: str, shift: int) -> str | None:
    """The value of the ``unit`` holding ``dct``, moved by ``shift`` units: ("week",
    -1) is last week. None for units with no calendar value (hours)."""
    if dct is None:
        return {
            "year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
            "day": "XXXX-XX-XX", "quarter": "XXXX-QX", "decade": "XXX", "century": "XX",
        }.get(unit)  # fmt: skip
    if unit == "year":
        return f"{dct.year + shift:04d}"
    if unit == "month":
        moved = dct + relativedelta(months=shift)
        return month(moved.year, moved.month)
    if unit in ("week", "weekend"):
        value = week(dct + relativedelta(weeks=shift))
        return value + "-WE" if unit == "weekend" else value
    if unit == "day":
        return day(dct + relativedelta(days=shift))
    if unit == "quarter":
        moved = dct + relativedelta(months=3 * shift)
        return f"{moved.year:04d}-Q{quarter_of(moved)}"
    if unit == "decade":
        return f"{dct.year // 10 + shift:03d}"
    if unit == "century":
        return f"{dct.year // 100 + shift:02d}"
    return None


def ago_value(dct: dt.date | None, unit: str, count: int | None) -> str | None:
    """The date ``count`` units before ``dct``, at the unit's granularity ("15 years
    ago": a year)."""
    if dct is None or count is None:
        return unit_value(None, unit, 0)
    return unit_value(dct, unit, -count)


def duration(count: int | None, unit: Unit, *, half: bool = False) -> str:
    """A TIMEX3 duration: ``P6Y``, ``PT2H``, ``PXY`` for an unknown count; with
    ``half``, half a unit more ("2 1/2 years": ``P2Y6M``, "an hour and a half":
    ``PT1H30M``)."""
    if count is None:
        amount, rest = "X", ""
    elif half and unit.factor % 2 == 0:
        amount, rest = str(count * unit.factor + unit.factor // 2), ""
    else:
        amount, rest = str(count * unit.factor), (unit.half or "") if half else ""
    if unit.time:
        return f"PT{amount}{unit.letter}{rest}"
    return f"P{amount}{unit.letter}{rest}"


def parse_value(value: str, grain: str) -> dt.date | None:
    """A date inside the TIMEX3 ``value`` as fine as ``grain``: the first day of its
    year or month, the Monday of its week, or its day; None if it is coarser."""
    try:
        if grain == "week" and value[4:6] == "-W":
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        if grain in ("day", "week"):
            return dt.date(int(value[:4]), int(value[5:7]), int(value[8:10]))
        if grain == "month":
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        return dt.date(int(value[:4]), 1, 1)
    except ValueError:
        return None


def month_value(
    dct: dt.date | None, number: int, tense: Tense | None, *, day_of_month: int | None = None
) -> str:
    """A year-less month (or month and day) placed in the year the tense points to.

    The creation month is its own year; otherwise the future looks ahead, the past
    back (but not to the next month: a date set in the past for the near future),
    and anything else takes the nearest occurrence.
    """
    suffix = "" if day_of_month is None else f"-{day_of_month:02d}"
    if dct is None:
        return f"XXXX-{number:02d}{suffix}"
    year = dct.year
    way = direction(tense)
    if way == _FUTURE and number < dct.month:
        year += 1
    elif way == _PAST and number > dct.month + _NEAR_AHEAD:
        year -= 1
    elif way == _NEAREST and abs(number - dct.month) > 6:
        year += 1 if number < dct.month else -1
    return f"{month(year, number)}{suffix}"


def shifted_month(dct: dt.date | None, number: int, shift: int) -> str:
    """A month moved by a shift word: "last November" (-1) is the latest November
    before the creation month, "next March" (+1) the first after it, "this May" (0)
    the creation year's."""
    if dct is None:
        return f"XXXX-{number:02d}"
    year = dct.year
    if shift < 0 and number >= dct.month:
        year -= 1
    elif shift > 0 and number <= dct.month:
        year += 1
    return month(year, number)


def weekday_value(dct: dt.date | None, number: int, tense: Tense | None, shift: int = 0) -> str:
    """A bare weekday ("Tuesday") as a date.

    The creation date's own weekday is the creation date ("said Tuesday" in Tuesday's
    paper). Otherwise "next"/"last" or the tense choose the week; in the present tense
    the nearest such day, and with no verb at all the latest.
    """
    if dct is None:
        return f"XXXX-WXX-{number}"
    ahead = (number - dct.isoweekday()) % 7
    if shift > 0:
        return day(dct + dt.timedelta(days=ahead or 7))
    if shift < 0:
        return day(dct - dt.timedelta(days=(7 - ahead) % 7 or 7))
    if ahead == 0:
        return day(dct)
    if tense is None:
        # no verb to go by ("Friday's trading", "the Tuesday deadline"): news reports
        # what has happened, so the latest such day
        return day(dct + dt.timedelta(days=ahead - 7))
    way = direction(tense)
    if way == _NEAREST:
        way = _FUTURE if ahead <= 3 else _PAST
    return day(dct + dt.timedelta(days=ahead if way == _FUTURE else ahead - 7))


def quarter_value(dct: dt.date | None, number: int) -> str:
    """A year-less quarter: the latest such quarter up to the creation date. Business
    news reports quarters just ended, and even "the third quarter is expected to be
    weak" written in October means this year's."""
    if dct is None:
        return f"XXXX-Q{number}"
    return f"{dct.year - (number > quarter_of(dct)):04d}-Q{number}"


def two_digit_year(digits: str, dct: dt.date | None) -> int:
    """The full year of "'96": the century that puts it no more than ten years after
    the creation date (1900s without one)."""
    short = int(digits)
    if dct is None:
        return 1900 + short
    century = dct.year // 100 * 100
    return century + short if century + short <= dct.year + 10 else century - 100 + short
