"""Document creation times: parse what metadata and headers say into TIMEX3 values."""

import datetime as dt
import re

from dateutil import parser as dateparser

#: Month names and abbreviations, as headers, datelines and metadata write them.
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_TIMEX_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def parse_dct(value: str | dt.date) -> str:
    """A creation time as a TIMEX3 value: ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[zone]``.

    Accepts ISO 8601, TIMEX3 values, dates and datetimes, and the written forms of
    headers and metadata ("Tuesday, January 28, 1997", "26-FEB-1987 15:01:01.79").
    Raises ValueError when ``value`` holds no full calendar date.
    """
    if isinstance(value, dt.datetime):
        return _format(value, with_time=True)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = value.strip()
    if _TIMEX_VALUE.match(text):
        try:
            dt.datetime.fromisoformat(text)
        except ValueError as error:
            raise ValueError(f"not a date: {value!r}") from error
        return text
    try:
        # Parsed against two different defaults, a date missing its day, month or year
        # ("1997", "January 1997") comes out different: it is not a full date.
        parsed = dateparser.parse(text, default=dt.datetime(1, 1, 1), ignoretz=False)
        other = dateparser.parse(text, default=dt.datetime(2, 2, 2), ignoretz=False)
    except (ValueError, OverflowError) as error:
        raise ValueError(f"not a date: {value!r}") from error
    if parsed.date() != other.date() or not re.search(r"\d{4}", text):
        raise ValueError(f"not a full date (day, month and year): {value!r}")
    has_time = bool(re.search(r"\d{1,2}:\d{2}", text))
    return _format(parsed, with_time=has_time)


def _format(moment: dt.datetime, *, with_time: bool) -> str:
    if not with_time:
        return moment.date().isoformat()
    out = moment.strftime("%Y-%m-%dT%H:%M")
    offset = moment.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        out += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return out
