"""The built-in date rules: the temporal expressions of English news and their values.

Each rule pairs a pattern built from the vocabulary (``vocabulary.toml``) with a
normaliser. Where two rules match the same stretch the one listed first wins, so more
specific rules come first.
"""

import calendar
import datetime as dt
import re
from collections.abc import Iterable

from claimkit.extractors.dates import normalise as cal
from claimkit.extractors.dates.rules import Context, DateRule, Normalised, Tense
from claimkit.extractors.dates.vocabulary import Vocabulary, alternation, normal_space
from claimkit.types import Timex

_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
# A day of the month; one with decimals is a figure ("Apr 6.3" in a table of months).
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|\.\d)"
_AMPM = r"(?:[ap]\.m\.|[ap]m(?![a-z]))"
# Units with a calendar value, for "last week" and "the end of the year".
_CALENDAR_UNITS = ("year", "month", "week", "weekend", "quarter", "decade", "century")
# A quarter value, and a value that starts with a year, a month, a week or a day.
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])$")
# Where a sentence ends: a stop (maybe closing a quotation) before a capital or an
# opening quote, or a blank line. An abbreviation before a name ("Corp. Delta") ends
# one too early, which only loses a sentence-local antecedent.
_SENTENCE_END = re.compile(r"[.!?][\"'’”]*\s+[\"'`‘“]*[A-Z]|\n\s*\n")
# No sentence is longer than this many characters: beyond it, a text without stops
# (a table) has no sentence to share.
_MAX_SENTENCE = 400
# A stretch of a year longer than a quarter: "the nine months", "the first half".
_PART_OF_YEAR = re.compile(r"P(?:[4-9]|1[01])M$|\d{4}-H[12]$")
_GRAIN_VALUE = {
    "year": re.compile(r"\d{4}"),
    "month": re.compile(r"\d{4}-\d\d"),
    "week": re.compile(r"\d{4}-(?:W\d\d|\d\d-\d\d)"),
    "day": re.compile(r"\d{4}-\d\d-\d\d"),
}
# What a determiner or a possessive before a number makes of it: "its 1990 earnings".
_DETERMINED = re.compile(
    r"(?<![A-Za-z])(?:the|its|his|her|their|our|this|that|a|an|['’]s)\s+$", re.I
)
# How far after the creation year a decade named without its century may start: in
# 1989 "the '90s" are the coming ones, "the '20s" the 1920s.
_DECADES_AHEAD = 10
# Prepositions after which a bare season name is a season ("in spring", "over the
# summer"), and a part of the day a time of the day the story is about ("in the
# morning", "by mid afternoon"); elsewhere only "the summer" is, and never "the fall
# of ...".
_PERIOD_LEAD = "|".join(
    rf"(?<={word}\s)"
    for word in ("in", "during", "by", "until", "over", "into", "through", "since")
)
# Mod words before a bare season: "early spring", "the late summer", "mid-winter".
_SEASON_MOD = "|".join(rf"(?<={word}[-\s])" for word in ("early", "late", "mid"))
# Between a count and its unit: "two more weeks", "an additional year", "eight trading
# days".
_MORE = r"(?:more|additional|further|extra)"
_DAYS_OF = r"(?:trading|business|working|calendar)"
# After a year, decimals make it a figure: "the index closed at 2082.1".
_DECIMAL = re.compile(r"\.\d")
# After "before", a word makes it a preposition or a conjunction with an event of its own
# ("two days before the vote", "before closing"); the end of a clause or a coordinator
# leaves it an adverb ("two days before, ...", "a year before and orders rose").
_OBJECT_AFTER = re.compile(r"\s+(?!(?:and|or|but|nor|while|whereas)\b)[A-Za-z0-9$]", re.I)
_FROM_EVENT = re.compile(r"\s+(?:before|after)\b", re.I)
# A preposition just before "now" takes it as its object: "between now and May", "from
# now on", "until now".
_NOW_OBJECT = re.compile(
    r"(?<![A-Za-z])(?:between|from|until|till|by|for|since|before|after|than)\s+$", re.I
)
# A possessive before a decade named without its century makes it an age: "in his 30s".
_AGE_OWNER = re.compile(r"(?<![A-Za-z])(?:his|her|their|my|your|our)\s+$", re.I)
# Before a decade named by two digits alone ("20s", not "'20s" nor "1920s"), "low" or
# "high" make it a range of amounts: "the low 30s", "the high 40s" (a price, a
# temperature); decades take "early" and "late", never these. A scale verb before
# "to"/"into" does the same ("rise to the mid 20s"): see ``scale_verbs``.
_AMOUNT_MOD = re.compile(r"(?<![A-Za-z])(?:low|high|upper|lower)[-\s]+$", re.I)
_GOAL_BEFORE = re.compile(r"(?<![A-Za-z])([a-z]+)\s+(?:([a-z]+)\s+)?(?:to|into)\s+$", re.I)
# Around "soon", words that make it relate two times rather than point ahead.
_AS_BEFORE = re.compile(r"(?<![A-Za-z])as\s+$", re.I)
_SOON_RELATION = re.compile(r"\s+(?:after|afterwards?|thereafter|as|before|than)\b", re.I)
# An article before a capitalised weekday makes it the first word of a name when a
# capitalised word other than a time follows: "The Sunday Express poll", "a Sunday
# Times survey", "the Monday Club" (while "the Sunday before" is a day).
_NAME_ARTICLE = re.compile(r"(?<![A-Za-z])(?:the|a|an)\s+$", re.I)
_NAME_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")
# After "quarter(s)", "of" and a determined noun other than a time make a share:
# "three-quarters of its food", "a quarter of the market" (but "a quarter of the year",
# "a quarter of a century" and "two quarters of losses" are lengths).
_SHARE_OF = re.compile(
    r"\s+of\s+(?:the|its|his|her|their|our|all|these|those)\s+"
    r"(?!(?:fiscal\s+|current\s+|calendar\s+)?(?:year|decade|century|month|day)\b)",
    re.IGNORECASE,
)
# Tags of proper names: "the Daily Telegraph" is no frequency.
_NAME_TAGS = frozenset({"NNP", "NNPS"})
# The month each season starts and ends (northern hemisphere), for "last summer".
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
# Words before "a year" that make it a length of time: "for a year", "over a week".
_DURATION_LEAD = re.compile(
    r"(?:for|over|within|about|nearly|almost|than|in|after|least|only|just|past|last|next"
    r"|as\s+(?:long|much|little|many|few)\s+as)\s+$",
    re.IGNORECASE,
)
# Shift words that count from the time the story is about, not from the creation date:
# "the previous Friday" is the Friday before the day last named ("last Friday" the one
# before today).
_ANAPHORIC_SHIFTS = frozenset({"previous"})
_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d\d))?\s*(?P<ampm>[ap])?\.?\s*(?:m\.?)?\s*(?P<zone>[A-Z]{3})?",
    re.IGNORECASE,
)


# Every match starts where a word or a number does. Said in the pattern (as well as
# checked by the scanner), it lets the regex engine give up at once inside words,
# which makes scanning several times faster.
_START = r"(?:(?<![A-Za-z])(?=[A-Za-z'])|(?<!\d)(?=\d))"


def _pattern(body: str) -> "re.Pattern[str]":
    return re.compile(f"{_START}(?:{body})", re.IGNORECASE)


# Hints (see DateRule) of a year written in digits: "1996" holds "19", "'96" holds "'9".
_CENTURY_HINTS = ("15", "16", "17", "18", "19", "20")
_SHORT_YEAR_HINTS = tuple(f"'{digit}" for digit in "0123456789")


# What a vague length holds ("for years", "recent months", "decades-long").
_PLURAL_UNIT_HINTS = (
    "years", "months", "weeks", "decades", "days", "centuries", "quarters", "hours",
)  # fmt: skip


def phrase_words(entries: Iterable[str]) -> int:
    """How many words the longest of these vocabulary entries has."""
    return max(len(entry.split()) for entry in entries)


def hints(entries: Iterable[str]) -> tuple[str, ...]:
    """Hints for a rule whose matches hold one of these vocabulary entries: each
    lower-cased, a phrase by its longest word (its spaces match any white space)."""
    return tuple(dict.fromkeys(max(entry.lower().split(), key=len) for entry in entries))


def builtin_rules(v: Vocabulary) -> list[DateRule]:
    """The built-in rules, most specific first."""
    month = alternation(v.months, capitalised=True) + r"\.?"
    full_months = [m for m in v.months if len(m) > 4 or m in ("May", "June", "July")]
    full_month = alternation(full_months, capitalised=True)
    weekday = (
        f"(?:{alternation(v.weekdays, capitalised=True)}"
        f"|{alternation(v.weekday_abbreviations, capitalised=True)}\\.)"
    )
    # what the rules' matches hold: an abbreviated weekday takes a full stop
    month_hints, full_month_hints = hints(v.months), hints(full_months)
    weekday_hints = (*hints(v.weekdays), *(f"{a.lower()}." for a in v.weekday_abbreviations))
    unit_hints, season_hints, day_part_hints = hints(v.units), hints(v.seasons), hints(v.day_parts)
    clock_hints = ("am", "pm", "a.m", "p.m", ":", "noon", "midday", "midnight")
    # parts of the day that a preposition makes a time of a day ("in the morning");
    # "at night" and "overnight" are as often habits or adjectives
    clock_parts = [p for p in v.day_parts if p not in ("night", "overnight")]
    clock_part, clock_part_hints = alternation(clock_parts), hints(clock_parts)
    # how many words a count ("a couple of", "twenty four") or a phrase of a table
    # has, for the reach of the rules that hold them
    count_words = max(2, phrase_words([*v.numbers, *v.vague_numbers]))
    holiday_words, named_words = phrase_words(v.holidays) - 1, phrase_words(v.weekday_holidays) - 1
    reference_words, set_words = phrase_words(v.references) - 1, phrase_words(v.sets) - 1
    zone = alternation(v.zones, capitalised=True)
    clock = rf"\d{{1,2}}(?::\d\d)?\s*{_AMPM}(?:\s+{zone})?|\d{{1,2}}:\d\d(?:\s*{zone})?"
    tens_ones = (
        f"(?:{alternation(k for k, n in v.numbers.items() if 20 <= n < 100)})[-\\s]"
        f"(?:{alternation(k for k, n in v.numbers.items() if 1 <= n < 10 and len(k) > 2)})"
    )
    number_words = alternation([*v.numbers, *v.vague_numbers])
    number = rf"(?:\d{{1,3}}(?:,\d{{3}})*(?!\d)|{tens_ones}|{number_words})"
    unit = rf"(?P<unit>{alternation(v.units)})s?"
    season = alternation(v.seasons)
    day_part = alternation(v.day_parts)
    shift = alternation(v.shifts)
    ordinal_words = alternation(k for k in v.ordinals if not k[0].isdigit())
    units_and_teens = alternation(k for k, n in v.numbers.items() if 1 <= n < 20 and len(k) > 2)
    teens_and_tens = alternation(k for k, n in v.numbers.items() if 10 <= n < 100)
    # "nineteen ninety-six", "nineteen hundred": a year as said on air
    spelled = rf"(?:nineteen|eighteen)[-\s]+(?:{tens_ones}|{teens_and_tens}|hundred)"
    any_year = rf"(?:{_YEAR}|{spelled})"
    # words that keep a weekday a day when they follow it ("the Sunday Night ...")
    time_words = frozenset(
        [*v.month_numbers, *v.weekday_numbers, *v.day_parts, *v.units, *v.seasons]
        + [w.lower() for w in v.holidays]
        + [f"{u}s" for u in v.units]
    )

    def year_of(text: str) -> int | None:
        """The year a match of ``any_year`` names."""
        if text[0].isdigit():
            return int(text)
        high, _, low = normal_space(text.lower()).replace("-", " ").partition(" ")
        rest = 0 if low == "hundred" else v.number(low)
        return None if rest is None or rest >= 100 else v.numbers[high] * 100 + rest

    def unit_of(match: re.Match[str]) -> str:
        return match.group("unit").lower().rstrip("s")

    def full_date(m: re.Match[str], c: Context) -> Normalised | None:
        number_of_month = v.month(m.group("month") or m.group("month2"))
        day_of_month = int(re.sub(r"\D", "", m.group("day") or m.group("day2")))
        year = m.group("year")
        if year is None:
            value = cal.month_value(
                c.dct, number_of_month, event_tense(c), day_of_month=day_of_month
            )
            leap_year = 2000  # year-less: allow Feb 29
        else:
            value = f"{int(year):04d}-{number_of_month:02d}-{day_of_month:02d}"
            leap_year = int(year)
        if day_of_month > calendar.monthrange(leap_year, number_of_month)[1]:
            return None
        if m.group("time"):
            return Normalised(value=value + clock_value(m.group("time"), v), type="TIME")
        return Normalised(value=value)

    def clock_then_day(m: re.Match[str], c: Context) -> str | None:
        if m.group("month"):
            day_of_month = int(re.sub(r"\D", "", m.group("mday")))
            number_of_month = v.month(m.group("month"))
            if day_of_month > calendar.monthrange(2000, number_of_month)[1]:
                return None
            date = cal.month_value(c.dct, number_of_month, c.tense, day_of_month=day_of_month)
        elif (word := m.group("day").lower()) in ("today", "tomorrow", "yesterday"):
            offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
            date = cal.unit_value(c.dct, "day", offset) or "XXXX-XX-XX"
        else:
            date = cal.weekday_value(c.dct, v.weekday(word), c.tense)
        return date + time_of_day(m.group("time"))

    def time_of_day(text: str) -> str:
        """The ``T...`` part of a value for a clock time, noon or a part of the day."""
        word = normal_space(text).lower().replace("mid-", "mid")
        if word in ("noon", "midday", "midnight"):
            # "midnight Friday" ends Friday: ISO 8601 writes that hour 24
            return "T24:00" if word == "midnight" else "T12:00"
        part = word.removeprefix("mid").strip()
        if part in v.day_parts:
            return f"T{v.day_parts[part]}"
        return clock_value(text, v)

    def month_year(m: re.Match[str], c: Context) -> str | None:
        year = year_of(m.group("year"))
        return None if year is None else cal.month(year, v.month(m.group("month")))

    def numeric_date(m: re.Match[str], c: Context) -> str | None:
        if m.group("y"):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
            if y < 100:
                y = cal.two_digit_year(m.group("y2"), c.dct)
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            return None

    def shifted(m: re.Match[str], c: Context) -> Normalised | str | None:
        word = m.group("shift").lower()
        by = v.shifts[word]
        if m.group("unit"):
            return cal.unit_value(c.dct, unit_of(m), by)
        if m.group("season"):
            return season_value(c, v.seasons[m.group("season").lower()], shift=by)
        grain = "month" if m.group("month") else "day"
        named = last_mentioned(c, grain) if word in _ANAPHORIC_SHIFTS else None
        now = cal.parse_value(named, grain) if named else c.dct
        if m.group("month"):
            return cal.shifted_month(now, v.month(m.group("month")), by)
        return cal.weekday_value(now, v.weekday(m.group("weekday")), c.tense, shift=by or 0)

    def duration_span(m: re.Match[str], c: Context) -> Normalised | None:
        which = m.group("which").lower()
        count_text = m.group("count")
        # the plural "s" follows the unit group: "the coming years", "the first hours"
        plural = m.group(0).lower().endswith("s")
        if not m.group("the") and count_text is None and which != "past" and not plural:
            return None  # "last year" is a date, "the last year" and "past year" spans
        count = v.number(count_text) if count_text else None if plural else 1
        anchor = c.dct_value[:10] if c.dct_value and which != "first" else None
        return Normalised(value=cal.duration(count, v.units[unit_of(m)]), anchor=anchor)

    def ago(m: re.Match[str], c: Context) -> Normalised | str | None:
        if m.group("back").lower() == "before" and _OBJECT_AFTER.match(m.string, m.end()):
            # "ten days before the shooting": a length back from an event, not from
            # the creation date (TimeML: a DURATION, "before" its signal); the
            # length rule takes "ten days"
            return None
        unit, count = unit_of(m), v.number(m.group("count"))
        if count is None:
            return "PAST_REF"  # "several years ago"
        if unit == "year" and count == 1 and not after_part_of_year(c):
            quarter = reference_quarter(m, c)
            if quarter is not None:
                # "up from $4 million a year earlier", after "third-quarter profit": the
                # same quarter a year before, as earnings reports compare
                return year_before(quarter)
        return cal.ago_value(c.dct, unit, count)

    def after_part_of_year(c: Context) -> bool:
        """Whether the period the text last named is a stretch of a year longer than a
        quarter ("net for the nine months rose 8% from a year earlier"): what "a year
        earlier" compares with, which a date can give only as its year."""
        for timex in reversed(c.previous):
            if _QUARTER_VALUE.match(timex.value):
                return False
            if _PART_OF_YEAR.match(timex.value):
                return True
        return False

    def reference_quarter(m: re.Match[str], c: Context) -> tuple[int, int] | None:
        """The quarter "a year earlier" and "the latest period" at ``m`` refer to: one
        named earlier in the same sentence ("America West reported third-quarter profit
        of $5.8 million, from $4 million a year earlier": the comparison is within the
        clause), else the quarter the report is about: the first the text names that
        has ended in the year before the creation date (not a forecast "fourth-quarter
        charge", nor "the third quarter of 1984", nor a "flat second quarter" recalled
        later), else the last named."""
        named = [
            (int(found.group(1)), int(found.group(2)), in_sentence(timex, m))
            for timex in c.previous
            if (found := _QUARTER_VALUE.match(timex.value)) is not None and timex.anchor is None
        ]
        if c.dct is None:
            return named[-1][:2] if named else None
        now = c.dct.year * 4 + cal.quarter_of(c.dct) - 1
        ended = [q for q in named if now - 4 <= q[0] * 4 + q[1] - 1 < now]
        local = [q for q in ended if q[2]]
        best = local[-1] if local else ended[0] if ended else named[-1] if named else None
        return best[:2] if best else None

    def in_sentence(timex: Timex, m: re.Match[str]) -> bool:
        """Whether ``timex`` comes before ``m`` in its sentence (no sentence end between)."""
        gap = m.start() - timex.span.end
        return 0 <= gap <= _MAX_SENTENCE and not _SENTENCE_END.search(
            m.string, timex.span.end, m.start()
        )

    def year_before(quarter: tuple[int, int]) -> Normalised:
        year, which = quarter
        return Normalised(value=f"{year - 1:04d}-Q{which}", anchor=f"{year:04d}-Q{which}")

    def year_ago(m: re.Match[str], c: Context) -> Normalised | str:
        quarter = None if after_part_of_year(c) else reference_quarter(m, c)
        if m.group("ord"):
            which = v.ordinals[m.group("ord").lower()]
            year = quarter[0] if quarter else c.dct.year if c.dct else None
            return f"XXXX-Q{which}" if year is None else f"{year - 1:04d}-Q{which}"
        if quarter is not None:
            return year_before(quarter)
        if (m.group("noun") or "").lower() == "quarter":
            return cal.unit_value(c.dct, "quarter", -5) or "XXXX-QX"
        return cal.unit_value(c.dct, "year", -1) or "XXXX"

    def period(m: re.Match[str], c: Context) -> str:
        quarter = reference_quarter(m, c)
        if quarter is None:
            # nothing said of a quarter: the one last ended, as reports speak of
            if c.dct is None:
                return f"{m.group('year')}-QX" if m.group("year") else "XXXX-QX"
            last_ended = cal.unit_value(c.dct, "quarter", -1)
            assert last_ended is not None  # a quarter always has a value given a date
            quarter = (int(last_ended[:4]), int(last_ended[-1]))
        year, which = quarter
        if m.group("year"):
            year = int(m.group("year"))
        if m.group("back"):
            year -= 1
        return f"{year:04d}-Q{which}"

    def the_year(m: re.Match[str], c: Context) -> Normalised:
        if re.match(r"\s+(?:ended|ending)\b", m.string[m.end() : m.end() + 8]):
            return Normalised(value="P1Y", type="DURATION")  # "the year ended June 30"
        which = (m.group("which") or "").lower()
        if which == "same":
            same = last_mentioned(c, "year")
            if same is not None:
                return Normalised(value=same[:4])
        # "the latest (fiscal) year": the last one ended, as "the latest quarter" is
        back = -1 if which == "latest" else 0
        return Normalised(value=cal.unit_value(c.dct, "year", back) or "XXXX")

    def last_mentioned(c: Context, grain: str) -> str | None:
        """The value of the date the text last mentioned, if it is as fine as
        ``grain`` (a year, a month, a week or a day)."""
        pattern = _GRAIN_VALUE[grain]
        for timex in reversed(c.previous):
            if timex.type in ("DATE", "TIME") and pattern.match(timex.value):
                return timex.value
        return None

    def anaphoric(m: re.Match[str], c: Context) -> Normalised | None:
        word = (m.group("unit") or m.group("unit2") or m.group("unit3")).lower()
        part = v.day_parts.get(word)
        grain = "day" if part or word == "day" else word
        relation = (m.group("rel") or m.group("rel2") or "that").lower()
        shift_by = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(relation, 0)
        found = last_mentioned(c, grain)
        base = cal.parse_value(found, grain) if found else c.dct
        value = cal.unit_value(base, grain, shift_by)
        if value is None:
            return None
        if part:
            return Normalised(value=f"{value}T{part}", type="TIME")
        return Normalised(value=value, anchor=found)

    def lead_in(m: re.Match[str], c: Context) -> Normalised | None:
        by = v.shifts[m.group("shift").lower()] if m.group("shift") else 0
        value = cal.unit_value(c.dct, m.group("unit").lower(), by)
        if value is None:
            return None
        return Normalised(value=value, mod=v.leads[m.group("lead").lower()])

    def part_of_shifted_year(m: re.Match[str], c: Context) -> str | None:
        by = v.shifts[(m.group("shift") or m.group("shift2")).lower()]
        if m.group("shift2") and not m.group("ord"):
            # "last year's quarter": the quarter the report is about, a year before
            quarter = reference_quarter(m, c)
            if quarter is None:
                return cal.unit_value(c.dct, "quarter", 4 * by - 1) or "XXXX-QX"
            return f"{quarter[0] + by:04d}-Q{quarter[1]}"
        year = cal.unit_value(c.dct, "year", by) or "XXXX"
        if m.group("ord"):
            return f"{year}-Q{v.ordinals[m.group('ord').lower()]}"
        return f"{year}-{v.month(m.group('month')):02d}"

    def spelled_year(m: re.Match[str], c: Context) -> str | None:
        if m.group("year"):
            year = year_of(m.group("year"))
            return None if year is None else f"{year:04d}"
        low_text = m.group("low")
        return f"{2000 + (v.number(low_text) or 0 if low_text else 0):04d}"

    def decade_of(digit: int, c: Context) -> str:
        """The decade a tens digit names: of the creation time's century, unless that
        is too far ahead ("the nineties" in 2004 are the 1990s)."""
        century = (c.dct.year // 100) if c.dct else 19
        if c.dct and (century * 10 + digit) * 10 > c.dct.year + _DECADES_AHEAD:
            century -= 1
        return f"{century:02d}{digit}"

    def spelled_decade(m: re.Match[str], c: Context) -> Normalised:
        mod = v.mods[m.group("mod").lower()] if m.group("mod") else None
        return Normalised(value=decade_of(v.decade_words[m.group("tens").lower()], c), mod=mod)

    def century(m: re.Match[str], c: Context) -> str | None:
        number = (
            int(m.group("n"))
            if m.group("n")
            else v.ordinals[normal_space(m.group("word")).lower().replace(" ", "-")]
        )
        return f"{number - 1:02d}" if 1 <= number <= 30 else None

    def week_of(m: re.Match[str], c: Context) -> str | None:
        number_of_month = v.month(m.group("month"))
        day_of_month = int(re.sub(r"\D", "", m.group("day")))
        if m.group("year"):
            value = f"{int(m.group('year')):04d}-{number_of_month:02d}-{day_of_month:02d}"
        else:
            value = cal.month_value(c.dct, number_of_month, c.tense, day_of_month=day_of_month)
        date = cal.parse_value(value, "day")
        return "XXXX-WXX" if date is None else cal.week(date)

    def every(m: re.Match[str], c: Context) -> str:
        weekday = m.group("weekday") or m.group("weekday2")
        if weekday:
            part = m.group("part")
            suffix = f"T{v.day_parts[part.lower()]}" if part else ""
            return f"XXXX-WXX-{v.weekday(weekday)}{suffix}"
        if m.group("month"):
            return f"XXXX-{v.month(m.group('month')):02d}"
        return f"XXXX-{v.seasons[m.group('season').lower()]}"

    def length(m: re.Match[str], c: Context) -> str | None:
        count_text = normal_space(m.group("count")).lower()
        half = bool(m.group("half") or m.group("half2"))
        led = _DURATION_LEAD.search(m.string, max(0, m.start() - 40), m.start())
        if count_text in ("a", "an") and not half and not led and not measured_from(m):
            return None  # "a year" alone is as often "per year" as a length
        if unit_of(m) == "quarter" and _SHARE_OF.match(m.string, m.end()):
            return None  # "three-quarters of its food", "a quarter of the market": a share
        if "\n" in m.group(0) and m.group("unit")[0].isupper():
            return None  # "Sales 8,059,000 vs 7,148,000\n Year ...": a table's next row
        return cal.duration(v.number(count_text), v.units[unit_of(m)], half=half)

    def measured_from(m: re.Match[str]) -> bool:
        """Whether an event follows the length, as what it is measured from: "a week
        after the vote", "a day before he died"."""
        found = _FROM_EVENT.match(m.string, m.end())
        return found is not None and _OBJECT_AFTER.match(m.string, found.end()) is not None

    def vague_length(m: re.Match[str], c: Context) -> str:
        word = (m.group("unit") or m.group("unit2") or m.group("unit3")).lower()
        return cal.duration(None, v.units[v.singular(word)])

    def deictic(m: re.Match[str], c: Context) -> Normalised:
        word = normal_space(m.group(0)).lower()
        first, _, part = word.partition(" ")
        offset = {"yesterday": -1, "tomorrow": 1}.get(first, 0)
        if word == "last night" or word == "last evening":
            offset, part = -1, "night" if word == "last night" else "evening"
        if first == "tonight":
            part = "night"
        value = cal.unit_value(c.dct, "day", offset) or "XXXX-XX-XX"
        if part:
            return Normalised(value=f"{value}T{v.day_parts[part]}", type="TIME")
        return Normalised(value=value)

    def in_name(m: re.Match[str]) -> bool:
        """Whether a bare capitalised weekday begins a name: "The Sunday Express"."""
        word = m.group("weekday")
        if m.group("part") or not word[:1].isupper():
            return False
        if not _NAME_ARTICLE.search(m.string, max(0, m.start() - 4), m.start()):
            return False
        after = _NAME_WORD.match(m.string, m.end())
        return after is not None and after.group(1).lower() not in time_words

    def named_weekday(m: re.Match[str], c: Context) -> Normalised | None:
        if in_name(m):
            return None
        value = cal.weekday_value(c.dct, v.weekday(m.group("weekday")), c.tense)
        if m.group("part"):
            return Normalised(value=f"{value}T{v.day_parts[m.group('part').lower()]}", type="TIME")
        return Normalised(value=value)

    def bare_month(m: re.Match[str], c: Context) -> str | None:
        name = m.group("month")
        if name.capitalize() in v.ambiguous_months:
            before = m.string[max(0, m.start() - 12) : m.start()].split()
            if not before or before[-1].lower().rstrip("-") not in v.month_triggers:
                return None
        return cal.month_value(c.dct, v.month(name), event_tense(c))

    def event_tense(c: Context) -> Tense | None:
        """The tense to place a year-less month or date in: a date that qualifies a
        noun dates that noun's event, placed by the clause holding the noun ("sought
        him after the Oct. 23 slaying": past; "prepare for the Dec. 5 summit": nearest)."""
        return c.tense or c.event_tense

    def year(m: re.Match[str], c: Context) -> str | None:
        if _DECIMAL.match(m.string, m.end()):
            return None  # "to close at 2082.1": a figure with decimals, no year
        if m.group("short"):
            return str(cal.two_digit_year(m.group("short"), c.dct))
        # "1500 troops" counts; "1990 earnings", "its 1990 invasion" and "the 1996
        # bombing" are years
        counted = c.dep == "nummod" and c.head_tag in ("NNS", "NNPS")
        determined = _DETERMINED.search(m.string, max(0, m.start() - 8), m.start())
        if counted and c.head not in v.year_heads and not m.group("fiscal") and not determined:
            return None
        return m.group("year")

    def amount_range(m: re.Match[str]) -> bool:
        """Whether a two-digit decade is a range of amounts: "the low 30s", "rise to the
        mid 20s" (the change of a scale reaching it)."""
        if _AMOUNT_MOD.search(m.string, max(0, m.start() - 7), m.start()):
            return True
        goal = _GOAL_BEFORE.search(m.string, max(0, m.start() - 40), m.start())
        # the verb, or the word after it ("rose sharply to", "could rise to")
        words = goal.groups("") if goal is not None else ()
        return any(w.lower() in v.scale_verbs for w in words)

    def decade(m: re.Match[str], c: Context) -> Normalised | None:
        digits = m.group("decade")
        if len(digits) < 4 and _AGE_OWNER.search(m.string, max(0, m.start() - 8), m.start()):
            return None  # "in his 30s", "their early 20s": an age, not a decade
        if len(digits) == 2 and amount_range(m):
            return None  # "rise to the mid 20s", "the low 30s": amounts, not decades
        value = digits[:3] if len(digits) == 4 else decade_of(int(digits[-2]), c)
        mod = v.mods[m.group("mod").lower()] if m.group("mod") else None
        return Normalised(value=value, mod=mod)

    def quarter(m: re.Match[str], c: Context) -> str | None:
        written_year = m.group("year") or m.group("year0") or m.group("year2")
        if m.group("ord"):
            which = v.ordinals[m.group("ord").lower()]
            if written_year:
                return f"{written_year}-Q{which}"
            return cal.quarter_value(c.dct, which)
        if written_year:
            return None
        # "the quarter", "the latest quarter": the one its end date names, else the one
        # the report is about, else the last ended
        if (m.group("latest") or "").lower() == "current":
            return cal.unit_value(c.dct, "quarter", 0)
        ended = ended_on.match(m.string, m.end())
        if ended is not None:
            return quarter_ended(ended, c)
        quarter = reference_quarter(m, c)
        if quarter is not None:
            return f"{quarter[0]:04d}-Q{quarter[1]}"
        return cal.unit_value(c.dct, "quarter", -1)

    # "the quarter ended July 31": a quarter named by its last day
    ended_on = re.compile(
        rf"\s+(?P<ended>ended|ending)\s+(?P<month>{month})\s*(?P<day>{_DAY})"
        rf"(?:,?\s*(?P<year>{_YEAR}))?"
    )

    def quarter_ended(ended: re.Match[str], c: Context) -> str | None:
        """The calendar quarter most of a quarter ending on a day falls in (a fiscal
        quarter ended July 31 is mostly the second). Unless its year is written, the
        day is the latest before the creation date for "ended", and for "ending" the
        one the tense points to ("the quarter ending Dec. 31 will show ...")."""
        number_of_month = v.month(ended.group("month"))
        day_of_month = int(re.sub(r"\D", "", ended.group("day")))
        tense = "past" if ended.group("ended").lower() == "ended" else c.tense
        year = (
            ended.group("year")
            or cal.month_value(c.dct, number_of_month, tense, day_of_month=day_of_month)[:4]
        )
        try:
            end = dt.date(int(year) if year.isdigit() else 2000, number_of_month, day_of_month)
        except ValueError:
            return None
        middle = end - dt.timedelta(days=45)
        written = f"{middle.year:04d}" if year.isdigit() else "XXXX"
        return f"{written}-Q{cal.quarter_of(middle)}"

    def half(m: re.Match[str], c: Context) -> str:
        return f"{m.group('year')}-H{1 if m.group('half').lower() == 'first' else 2}"

    def season_of_year(m: re.Match[str], c: Context) -> str | None:
        year = year_of(m.group("year"))
        return None if year is None else f"{year:04d}-{v.seasons[m.group('season').lower()]}"

    def bare_season(m: re.Match[str], c: Context) -> str:
        # season3: after a mod word, which joins the match ("the early summer")
        name = (m.group("season") or m.group("season2") or m.group("season3")).lower()
        return season_value(c, v.seasons[name], tense=c.tense)

    def the_weekend(m: re.Match[str], c: Context) -> str:
        if c.dct is None:
            return "XXXX-WXX-WE"
        weekend_past = c.dct.isoweekday() <= 5 and c.tense == "past"
        return cal.week(c.dct - dt.timedelta(days=7 if weekend_past else 0)) + "-WE"

    def reference_day(c: Context) -> tuple[str, str | None]:
        """The day a clock time or a part of the day alone is on ("shot at 10 p.m."
        after "on Oct. 23"): the day the story last named, else the creation date;
        and that named day, as the anchor."""
        named = last_mentioned(c, "day")
        if named:
            return named[:10], named[:10]
        return cal.unit_value(c.dct, "day", 0) or "XXXX-XX-XX", None

    def clock_time(m: re.Match[str], c: Context) -> Normalised:
        date, anchor = reference_day(c)
        if m.group("hh"):
            zone = v.zones.get((m.group("hhmm_zone") or "").upper(), "")
            return Normalised(value=f"{date}T{m.group('hh')}:{m.group('mm')}{zone}", anchor=anchor)
        if m.group("hour"):
            # "4 in the morning", "8 in the evening"
            hour = int(m.group("hour")) % 12 + (0 if m.group("part").lower() == "morning" else 12)
            return Normalised(value=f"{date}T{hour:02d}:00", anchor=anchor)
        return Normalised(value=date + time_of_day(m.group(0)), anchor=anchor)

    def part_of_day(m: re.Match[str], c: Context) -> Normalised:
        date, anchor = reference_day(c)
        mod = v.mods[m.group("mod").lower()] if m.group("mod") else None
        part = v.day_parts[m.group("part").lower()]
        return Normalised(value=f"{date}T{part}", mod=mod, anchor=anchor)

    def edge_of_period(m: re.Match[str], c: Context) -> Normalised | None:
        value = cal.unit_value(c.dct, (m.group("unit") or m.group("unit2")).lower(), 0)
        if value is None:
            return None
        edge = (m.group("edge") or "end").lower()
        return Normalised(value=value, mod=v.mods[f"the {edge} of"])

    def reference(m: re.Match[str], c: Context) -> str | None:
        word = normal_space(m.group(0)).lower()
        if c.tag in _NAME_TAGS:
            return None  # "Current Affairs"
        if word == "soon" and (
            _AS_BEFORE.search(m.string, max(0, m.start() - 4), m.start())
            or _SOON_RELATION.match(m.string, m.end())
        ):
            return None  # "as soon as Tuesday", "soon after the vote": a relation
        if word == "soon" and c.tense == "past":
            return None  # "he was soon released": shortly after a past event, not ahead
        # "the team now in Beijing": a "now" that qualifies a phrase rather than a
        # verb or a state places nothing in time; "until now", "for now" do.
        head_tag = c.head_tag or ""
        qualifies = c.dep == "advmod" and bool(head_tag)
        governed = _NOW_OBJECT.search(m.string, max(0, m.start() - 10), m.start()) is not None
        if (
            word == "now"
            and qualifies
            and not governed
            and not head_tag.startswith(("VB", "MD", "JJ"))
        ):
            return None
        return v.references[word]

    measured = re.compile(
        rf"\s+(?:[A-Za-z]+\s+)?(?:{alternation(v.measure_nouns)})(?![A-Za-z])", re.IGNORECASE
    )

    # An amount just before a frequency word, a number with its unit: "20%", "8.5 pct",
    # "10,000 units", "$17.9 million", or a noun of amount ("its profits"). A bare
    # number counts or dates the noun after ("40 weekly newspapers", "the April 23
    # annual meeting").
    rated = re.compile(
        r"(?:\d(?:[\d,.]*\d)?\s*(?:%|percent|per\s+cent|pct"
        r"|\s+(?:million|billion|trillion|thousand|mln|bln)(?:\s+[A-Za-z]+s)?|\s+[A-Za-z]+s)"
        rf"|(?<![A-Za-z])(?:{alternation(v.measure_nouns)}))\s+$",
        re.IGNORECASE,
    )

    def frequency(m: re.Match[str], c: Context) -> str | None:
        if c.tag in _NAME_TAGS:
            return None  # "the Daily Wire"
        if " " not in m.group(0):
            if measured.match(m.string, m.end()):
                return None  # "quarterly dividend", "annual rate": an amount per period
            if rated.search(m.string, max(0, m.start() - 40), m.start()):
                return None  # "to rise 8.5% annually", "10,000 units annually": a rate
        return v.sets[normal_space(m.group(0)).lower()]

    # Holiday names as matched (in any case), looked up lower-cased.
    holiday_dates = {k.lower(): val for k, val in v.holidays.items()}
    weekday_holiday_dates = {k.lower(): val for k, val in v.weekday_holidays.items()}

    def holiday(m: re.Match[str], c: Context) -> str:
        month_day = holiday_dates[normal_space(m.group(0)).lower()]
        month_number, day_of_month = (int(x) for x in month_day.split("-"))
        return cal.month_value(c.dct, month_number, c.tense, day_of_month=day_of_month)

    def weekday_holiday(m: re.Match[str], c: Context) -> str:
        month_number, weekday_number, first_day = weekday_holiday_dates[
            normal_space(m.group("name")).lower()
        ]
        shift_by = v.shifts[m.group("shift").lower()] if m.group("shift") else None
        if c.dct is None:
            return f"XXXX-{month_number:02d}"
        if shift_by is None:
            year = int(cal.month_value(c.dct, month_number, c.tense)[:4])
        else:
            year = int(cal.shifted_month(c.dct, month_number, shift_by)[:4])
        first = dt.date(year, month_number, first_day)
        return cal.day(first + dt.timedelta(days=(weekday_number - first.isoweekday()) % 7))

    def season_value(c: Context, code: str, *, shift: int = 0, tense: object = None) -> str:
        if c.dct is None:
            return f"XXXX-{code}"
        first, last = _SEASON_MONTHS[code]
        year = c.dct.year
        if shift < 0 or tense == "past":
            year -= first > c.dct.month or (shift < 0 and c.dct.month <= last)
        elif shift > 0 or tense == "future":
            year += last < c.dct.month or (shift > 0 and c.dct.month >= first)
        return f"{year:04d}-{code}"

    the = r"(?P<the>the\s+)?"
    return [
        DateRule(
            name="full-date",
            pattern=_pattern(
                rf"(?:(?P<weekday>{weekday}),?\s+)?"
                rf"(?:(?P<month>{month})\s*(?P<day>{_DAY})|(?P<day2>{_DAY})\s+(?:of\s+)?(?P<month2>{month}))"
                rf"(?:,?\s*(?P<year>{_YEAR}))?(?:,?\s+(?:at\s+)?(?P<time>{clock}))?"
            ),
            type="DATE",
            value=full_date,
            hints=month_hints,
            reach=(3, 6),
        ),
        DateRule(
            name="clock-then-day",
            pattern=_pattern(
                rf"(?P<time>{clock}|noon|midday|midnight|(?:mid-?\s*)?{day_part}),?\s+(?:on\s+)?"
                rf"(?:(?P<day>{weekday}|today|tomorrow|yesterday)"
                rf"|(?P<month>{month})\s*(?P<mday>{_DAY})(?!,?\s*{_YEAR}))"
            ),
            type="TIME",
            value=clock_then_day,
            hints=(*clock_hints, *day_part_hints, "mid"),
            reach=(1, 5),
        ),
        DateRule(
            name="numeric-date",
            pattern=_pattern(
                r"(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
                r"|(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d)/(?P<y2>(?:1[5-9]|20)\d\d|\d\d)"
            ),
            type="DATE",
            value=numeric_date,
            hints=(*_CENTURY_HINTS, "/"),
            reach=(0, 0),
        ),
        DateRule(
            name="month-year",
            pattern=_pattern(rf"(?P<month>{month}),?\s+(?:of\s+)?(?P<year>{any_year})"),
            type="DATE",
            value=month_year,
            hints=(*_CENTURY_HINTS, "nineteen", "eighteen"),
            reach=(2, 2),
        ),
        DateRule(
            name="season-of-year",
            pattern=_pattern(rf"(?:the\s+)?(?P<season>{season})\s+(?:of\s+)?(?P<year>{any_year})"),
            type="DATE",
            value=season_of_year,
            hints=season_hints,
            reach=(1, 4),
        ),
        DateRule(
            name="half-year",
            pattern=_pattern(
                rf"(?:the\s+)?(?P<half>first|second|last)\s+half\s+of\s+(?P<year>{_YEAR})"
            ),
            type="DATE",
            value=half,
            hints=("half",),
            reach=(2, 2),
        ),
        DateRule(
            name="quarter",
            pattern=_pattern(
                rf"(?:the\s+)?(?:(?P<year0>{_YEAR})\s+)?(?:fiscal[-\s]+)?"
                r"(?:(?P<ord>first|second|third|fourth|[1-4](?:st|nd|rd|th))"
                r"|(?P<latest>latest|current|past|last|previous|most\s+recent))[-\s]+quarter"
                rf"(?:\s+of\s+(?P<year>{_YEAR})|\s+(?P<year2>{_YEAR}))?|the\s+quarter"
            ),
            type="DATE",
            value=quarter,
            hints=("quarter",),
            reach=(5, 2),
        ),
        DateRule(
            name="edge-of-period",
            pattern=_pattern(
                r"(?:the\s+)?(?P<edge>end|beginning|start|middle)\s+of\s+the\s+"
                r"(?P<unit>year|month|week|quarter|decade|century)"
                r"|(?P<unit2>year|month|quarter)(?:['’]s\s+|-|\s+)end"
            ),
            type="DATE",
            value=edge_of_period,
            hints=("end", "beginning", "start", "middle"),
            reach=(1, 3),
        ),
        DateRule(
            name="year-ago",
            pattern=_pattern(
                r"(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?year-(?:ago|earlier)"
                r"(?:\s+(?:(?P<ord>first|second|third|fourth)[-\s]+)?(?P<noun>quarter|period))?"
            ),
            type="DATE",
            value=year_ago,
            hints=("year-ago", "year-earlier"),
            reach=(2, 2),
        ),
        DateRule(
            name="period",
            pattern=_pattern(
                r"the\s+(?:(?:latest|current|most\s+recent|recent|same|comparable|corresponding)\s+"
                rf"|(?P<year>{_YEAR})\s+"
                # "the quarter a year ago": a bare quarter with "a year ago" is one too
                r"|(?=(?:period|quarter)\s+(?:last\s+year|a\s+year\s+(?:ago|earlier))))"
                r"(?P<noun>period|quarter)(?P<back>\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)))?"
            ),
            type="DATE",
            value=period,
            hints=("period", "quarter"),
            reach=(3, 3),
        ),
        DateRule(
            name="lead-in",
            pattern=_pattern(
                rf"(?P<lead>{alternation(v.leads)})\s+(?:(?P<shift>this|last|next)\s+|in\s+the\s+)"
                r"(?P<unit>year|month|week|quarter|day)"
            ),
            type="DATE",
            value=lead_in,
            hints=hints(v.leads),
            reach=(0, 3),
        ),
        DateRule(
            name="part-of-shifted-year",
            pattern=_pattern(
                rf"(?P<month>{full_month})\s+(?:of\s+)?(?P<shift>last|this|next)\s+year"
                r"|(?P<shift2>last|this|next)\s+year['’]s\s+"
                r"(?:(?P<ord>first|second|third|fourth)[-\s]+)?quarter"
            ),
            type="DATE",
            value=part_of_shifted_year,
            hints=("year",),
            reach=(3, 2),
        ),
        DateRule(
            name="anaphoric",
            pattern=_pattern(
                r"(?:(?:later|earlier)\s+)?"
                r"(?:the\s+(?P<rel>following|previous|preceding|same)"
                rf"\s+(?P<unit>day|week|month|year|{day_part})"
                rf"|the\s+(?P<rel2>next)\s+(?P<unit2>day|{day_part})"
                rf"|that(?:\s+same)?\s+(?P<unit3>day|week|month|year|{day_part}))"
            ),
            type="DATE",
            value=anaphoric,
            hints=("day", "week", "month", "year", *day_part_hints),
            reach=(3, 0),
        ),
        DateRule(
            name="week-of",
            pattern=_pattern(
                rf"the\s+week\s+of\s+(?P<month>{month})\s*(?P<day>{_DAY})(?:,?\s*(?P<year>{_YEAR}))?"
            ),
            type="DATE",
            value=week_of,
            hints=("week",),
            reach=(1, 4),
        ),
        DateRule(
            name="spelled-year",
            pattern=_pattern(
                rf"(?:the\s+year\s+)?(?P<year>{spelled})"
                r"|the\s+year\s+two\s+thousand(?:(?:\s+and)?\s+"
                rf"(?P<low>{units_and_teens}))?"
            ),
            type="DATE",
            value=spelled_year,
            hints=("nineteen", "eighteen", "thousand"),
            reach=(3, 2),
        ),
        DateRule(
            name="spelled-decade",
            pattern=_pattern(
                rf"the\s+(?:(?P<mod>early|mid|late)[-\s]*)?(?P<tens>{alternation(v.decade_words)})"
            ),
            type="DATE",
            value=spelled_decade,
            hints=(*hints(v.decade_words), "early", "mid", "late"),
            reach=(2, 1),
        ),
        DateRule(
            name="century",
            pattern=_pattern(
                r"(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)"
                rf"|(?P<word>{ordinal_words}))[-\s]+century"
            ),
            type="DATE",
            value=century,
            hints=("century",),
            reach=(2, 0),
        ),
        DateRule(
            name="the-year",
            pattern=_pattern(
                r"the\s+(?:(?P<which>full|fiscal|current|calendar|latest|same)\s+)?(?:fiscal\s+)?"
                r"year(?![-\s]+(?:before|earlier|ago|after)\b)"
            ),
            type="DATE",
            value=the_year,
            hints=("year",),
            reach=(3, 1),
        ),
        DateRule(
            name="every",
            pattern=_pattern(
                rf"(?:each|every)\s+(?:(?P<weekday>{weekday})|(?P<month>{full_month})|(?P<season>{season}))"
                rf"|(?P<weekday2>{weekday})(?:s|\s+(?P<part>{day_part})s)"
            ),
            type="SET",
            value=every,
            hints=("each", "every", *weekday_hints),
            reach=(1, 1),
        ),
        DateRule(
            name="ago",
            pattern=_pattern(rf"(?P<count>{number})\s+{unit}\s+(?P<back>ago|earlier|before)"),
            type="DATE",
            value=ago,
            hints=("ago", "earlier", "before"),
            reach=(count_words + 1, 0),
        ),
        DateRule(
            name="shifted",
            pattern=_pattern(
                rf"(?P<shift>{shift})\s+(?:(?P<unit>{alternation(_CALENDAR_UNITS)})"
                rf"|(?P<season>{season})|(?P<month>{full_month})|(?P<weekday>{weekday}))"
            ),
            type="DATE",
            value=shifted,
            hints=(*hints(_CALENDAR_UNITS), *season_hints, *full_month_hints, *weekday_hints),
            reach=(phrase_words(v.shifts), 0),
        ),
        DateRule(
            name="span-to-now",
            pattern=_pattern(
                rf"{the}(?P<which>past|last|next|coming|previous|first|final|latest)\s+"
                rf"(?:(?P<count>{number})\s+)?(?:{_MORE}\s+)?{unit}"
            ),
            type="DURATION",
            value=duration_span,
            hints=unit_hints,
            reach=(count_words + 3, 0),
        ),
        DateRule(
            name="deictic",
            pattern=_pattern(
                rf"(?:this|yesterday|tomorrow)\s+{day_part}|last\s+(?:night|evening)"
                r"|today|tonight|yesterday|tomorrow"
            ),
            type="DATE",
            value=deictic,
            hints=("today", "tonight", "yesterday", "tomorrow", *day_part_hints),
            reach=(1, 1),
        ),
        DateRule(
            name="weekday",
            pattern=_pattern(rf"(?P<weekday>{weekday})(?:\s+(?P<part>{day_part}))?"),
            type="DATE",
            value=named_weekday,
            hints=weekday_hints,
            reach=(0, 1),
        ),
        DateRule(
            name="part-of-day",
            pattern=_pattern(
                rf"(?:{_PERIOD_LEAD})(?:the\s+)?(?:(?P<mod>early|late|mid)[-\s]*)?"
                rf"(?P<part>{clock_part})(?!\s+of\b)"
            ),
            type="TIME",
            value=part_of_day,
            hints=(*clock_part_hints, "mid"),
            reach=(2, 1),
        ),
        DateRule(
            name="the-weekend",
            pattern=_pattern(r"the\s+weekend"),
            type="DATE",
            value=the_weekend,
            hints=("weekend",),
            reach=(1, 0),
        ),
        DateRule(
            name="decade",
            pattern=_pattern(
                r"(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]*)?"
                r"(?P<decade>(?:1[5-9]|20)\d0|'\d0|(?<!\d)\d0)'?s(?![a-z])"
            ),
            type="DATE",
            value=decade,
            hints=("0s", "0's"),
            reach=(2, 0),
        ),
        DateRule(
            name="length",
            pattern=_pattern(
                rf"(?:the\s+)?(?P<count>{number})(?P<half>\s+1/2|\s+and\s+a\s+half)?"
                rf"(?:\s+{_MORE})?(?:\s+{_DAYS_OF})?[-\s]+{unit}(?P<half2>\s+and\s+a\s+half)?"
                r"(?!-old|\s+old)"
            ),
            type="DURATION",
            value=length,
            hints=unit_hints,
            reach=(count_words + 6, 4),
        ),
        DateRule(
            name="vague-length",
            pattern=_pattern(
                r"(?:(?<=for\s)|(?<=over\s)|(?<=within\s))(?:the\s+)?"
                r"(?P<unit>years|months|weeks|decades|days|centuries)"
                r"|recent\s+(?P<unit3>years|months|weeks|days|quarters|decades)"
                r"|(?P<unit2>years|months|weeks|decades|days|hours)-(?:long|old)"
            ),
            type="DURATION",
            value=vague_length,
            hints=_PLURAL_UNIT_HINTS,
            reach=(1, 0),
        ),
        DateRule(
            name="season",
            pattern=_pattern(
                rf"(?:{_PERIOD_LEAD})(?:the\s+)?(?P<season>{season})|the\s+(?P<season2>{season})"
                # "the fall in prices", "an early fall of 5%" are no season
                rf"(?!\s+(?:of|in)\b)|(?:{_SEASON_MOD})(?P<season3>{season})(?!\s+(?:of|in)\b)"
            ),
            type="DATE",
            value=bare_season,
            hints=season_hints,
            reach=(1, 1),
        ),
        DateRule(
            name="month",
            pattern=_pattern(rf"(?P<month>{full_month})"),
            type="DATE",
            value=bare_month,
            hints=full_month_hints,
            reach=(0, 0),
        ),
        DateRule(
            name="year",
            pattern=_pattern(
                rf"(?:(?P<fiscal>fiscal)\s+)?(?<![$£€])(?:(?P<year>{_YEAR})|'(?P<short>\d\d)(?!\d|s))"
                r"(?!\s*(?:%|percent|per\s+cent))"
            ),
            type="DATE",
            value=year,
            hints=(*_CENTURY_HINTS, *_SHORT_YEAR_HINTS),
            reach=(1, 2),
        ),
        DateRule(
            name="clock",
            pattern=_pattern(
                rf"\d{{1,2}}(?::\d\d)?\s*{_AMPM}(?:\s+{zone})?|\d{{1,2}}:\d\d\s*{zone}|noon|midday|midnight"
                rf"|(?P<hour>\d{{1,2}})\s+in\s+the\s+(?P<part>{clock_part})"
                # "at 1630 EST", "1805 local time": a 24-hour clock, no year
                rf"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?:(?P<hhmm_zone>{zone})|local\s+time)(?![A-Za-z])"
            ),
            type="TIME",
            value=clock_time,
            hints=(*clock_hints, *clock_part_hints, *hints(v.zones), "local"),
            reach=(3, 2),
        ),
        DateRule(
            name="holiday",
            pattern=_pattern(alternation(v.holidays)),
            type="DATE",
            value=holiday,
            hints=hints(v.holidays),
            reach=(holiday_words, holiday_words),
        ),
        DateRule(
            name="weekday-holiday",
            pattern=_pattern(
                rf"(?:(?P<shift>{shift})\s+)?(?P<name>{alternation(v.weekday_holidays)})(?:\s+Day)?"
            ),
            type="DATE",
            value=weekday_holiday,
            hints=hints(v.weekday_holidays),
            reach=(phrase_words(v.shifts) + named_words, named_words + 1),
        ),
        DateRule(
            name="reference",
            pattern=_pattern(alternation(v.references)),
            type="DATE",
            value=reference,
            hints=hints(v.references),
            reach=(reference_words, reference_words),
        ),
        DateRule(
            name="set",
            pattern=_pattern(alternation(v.sets)),
            type="SET",
            value=frequency,
            hints=hints(v.sets),
            reach=(set_words, set_words),
        ),
    ]


def clock_value(text: str, v: Vocabulary) -> str:
    """The ``THH:MM[zone]`` part of a value for a clock time ("2:09 PM EST")."""
    found = _CLOCK.search(text)
    if found is None:
        return ""
    hour = int(found.group("hour")) % 24
    minute = int(found.group("minute") or 0)
    ampm = (found.group("ampm") or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    zone = v.zones.get((found.group("zone") or "").upper(), "")
    return f"T{hour:02d}:{minute:02d}{zone}"
