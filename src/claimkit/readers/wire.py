"""The header and dateline of wire copy, found in the text itself.

Wire stories open with a line like "Published by World Tibet Network News - Tuesday,
January 28, 1997 ..." and a dateline like "WASHINGTON (Reuter) - " or "SALVADOR, Feb 26 -".
They tell the publisher, the creation time, the place and the agency, and where the
story proper begins.
"""

import re

import attrs

from claimkit.dct import MONTHS, parse_dct

_MONTH = "|".join(sorted((m for m in MONTHS if len(m) >= 3), key=len, reverse=True))
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
# "Tuesday, January 28, 1997", "January 28, 1997", "28 January 1997"
FULL_DATE = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTH})\.?,?\s+\d{{4}})(?!\d)",
    re.IGNORECASE,
)
# What may stand beside the date on a line that is only a date: a time stamp, a
# weekday, a month, a time zone ("Tuesday January 28 2:09 PM EST").
_STAMP_WORD = re.compile(
    rf"\d[\d:.\-]*|[AaPp]\.?[Mm]\.?|[A-Z]{{2,5}}|(?i:{_WEEKDAY})|(?i:(?:{_MONTH})\.?)|[-–—]+"
)
_PUBLISHED = re.compile(r"^\s*(?:Published|Posted|Distributed) by\s+(?P<publisher>.+?)\s+[-–—]+\s")
# A dateline: an upper-case place, an optional short date, an optional agency in
# parentheses, then a dash: "WASHINGTON (Reuter) - ", "SALVADOR, Feb 26 - ".
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+)*"
    r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+)*)?)"
    rf"(?:,[ \t]*(?i:{_MONTH})\.?[ \t]+\d{{1,2}})?"
    r"[ \t]*(?:\((?P<agency>[A-Za-z][A-Za-z .&-]{1,30})\))?"
    r"[ \t]*(?:--?|–|—)[ \t]*",
    re.MULTILINE,
)


@attrs.frozen(kw_only=True)
class WireHeader:
    """What the opening lines of a wire story say about it."""

    publisher: str | None = None
    dct: str | None = None
    place: str | None = None
    agency: str | None = None
    body_start: int = 0


def read_header(text: str) -> WireHeader:
    """Find the publisher line, the creation date and the dateline at the top of ``text``.

    Only the first two lines are looked at: a date or an upper-case word followed by a
    dash later in a story is not a header.
    """
    publisher = dct = None
    body_start = 0
    first_line_end = text.find("\n")
    first_line = text if first_line_end < 0 else text[:first_line_end]
    published = _PUBLISHED.match(first_line)
    date = FULL_DATE.search(first_line)
    # A line that is only a date (give or take a time stamp) is a header too; a sentence
    # that opens with a date ("On January 28, 1997, the talks ...") is not.
    date_line = date is not None and _is_stamp(
        first_line[: date.start()] + first_line[date.end() :]
    )
    if first_line_end >= 0 and (published or date_line):
        publisher = published.group("publisher").strip() if published else None
        if date is not None:
            dct = parse_dct(date.group(0))
        body_start = first_line_end + 1
    dateline = DATELINE.match(text, body_start)
    place = agency = None
    if dateline is not None and dateline.end() - body_start < 80:
        place = dateline.group("place").strip()
        agency = dateline.group("agency")
        body_start = dateline.end()
    return WireHeader(
        publisher=publisher, dct=dct, place=place, agency=agency, body_start=body_start
    )


def _is_stamp(rest: str) -> bool:
    words = [w for w in re.split(r"[\s,;|/()]+", rest) if w]
    return len(rest) < 40 and all(_STAMP_WORD.fullmatch(word) for word in words)
