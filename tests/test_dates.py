"""The dates extractor: recognition, normalisation against the creation time and the
tense of the governing verb, ranges, plugin rules, and properties on any text."""

import re
import types

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimkit
from claimkit.extractors.dates import DateRule, Normalised, make_recogniser
from claimkit.extractors.dates.recognise import Recogniser
from claimkit.extractors.dates.triggers import build_triggers, trie
from claimkit.extractors.dates.vocabulary import load_vocabulary
from claimkit.readers import build_document
from claimkit.types import Timex

# TIMEX3 value syntax: dates (down to weeks, quarters, halves, seasons, decades and
# centuries, X for unknown digits), times of day, durations, and the reference words.
_YEAR = r"(?:\d{4}|\d{3}|\d{2}|X{4})"
_DATE = (
    rf"{_YEAR}(?:-(?:\d{{2}}|XX)(?:-(?:\d{{2}}|XX))?|-W(?:\d{{2}}|XX)(?:-(?:[1-7]|WE))?"
    r"|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"
)
_TIME = r"T(?:\d{2}:\d{2}(?::\d{2})?|MO|AF|EV|NI)(?:Z|[+-]\d{2}:\d{2})?"
_DURATION = r"P(?:(?:\d+|X)(?:Y|M|W|D))+|PT(?:(?:\d+|X)[HMS])+"
TIMEX3_VALUE = re.compile(rf"^(?:{_DATE}(?:{_TIME})?|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF)$")


@pytest.fixture(scope="module")
def dates_pipeline() -> claimkit.Pipeline:
    return claimkit.Pipeline()


def timexes(pipeline: claimkit.Pipeline, text: str, dct: str | None = None) -> list[Timex]:
    document = build_document("t", text, dct=dct)
    result = pipeline.process(document)
    return [c.times[0] for c in result.claims if c.kind == "date"]


def found(pipeline: claimkit.Pipeline, text: str, dct: str | None = None) -> dict[str, str]:
    """Each expression's text and value."""
    return {t.span.text: t.value for t in timexes(pipeline, text, dct)}


# 1997-03-04 is a Tuesday.
TUESDAY = "1997-03-04"


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The ministers will meet on Thursday to sign it.", "Thursday", "1997-03-06"),
        ("The ministers met on Thursday to sign it.", "Thursday", "1997-02-27"),
        ("Talks, scheduled for Friday, are in doubt.", "Friday", "1997-03-07"),
        ("The agency is to publish its figures on Monday.", "Monday", "1997-03-10"),
        ("The agency said Tuesday that exports fell.", "Tuesday", "1997-03-04"),
        ("Rebels seized the town on Sunday, witnesses said.", "Sunday", "1997-03-02"),
        ("Voters will go to the polls in October.", "October", "1997-10"),
        ("The minister resigned in October.", "October", "1996-10"),
        ("Parliament reconvenes on April 2.", "April 2", "1997-04-02"),
        ("Both sides signed a truce on December 20, 1995.", "December 20, 1995", "1995-12-20"),
        ("The deal was struck in June 1993.", "June 1993", "1993-06"),
    ],
)
def test_bare_dates_take_their_direction_from_the_verb(
    dates_pipeline: claimkit.Pipeline, sentence: str, expression: str, value: str
) -> None:
    assert found(dates_pipeline, sentence, TUESDAY)[expression] == value


@pytest.mark.parametrize(
    ("sentence", "expression", "kind", "value"),
    [
        ("Prices rose last month.", "last month", "DATE", "1997-02"),
        ("Orders slumped last week.", "last week", "DATE", "1997-W09"),
        ("Inflation will ease next year.", "next year", "DATE", "1998"),
        ("Shares fell sharply yesterday.", "yesterday", "DATE", "1997-03-03"),
        ("The firm was founded 20 years ago.", "20 years ago", "DATE", "1977"),
        ("Output doubled over the past three years.", "the past three years", "DURATION", "P3Y"),
        ("The strike lasted two weeks.", "two weeks", "DURATION", "P2W"),
        ("He spent a decade in exile.", None, None, None),
        ("Oil output peaked in the 1980s.", "the 1980s", "DATE", "198"),
        (
            "Profit rose in the third quarter of 1995.",
            "the third quarter of 1995",
            "DATE",
            "1995-Q3",
        ),
        ("The index closed at 10:30 a.m. EDT.", "10:30 a.m. EDT", "TIME", "1997-03-04T10:30-04:00"),
        ("The report is published weekly.", "weekly", "SET", "P1W"),
        ("Prices are now rising.", "now", "DATE", "PRESENT_REF"),
        ("Officials recently met in Rome.", "recently", "DATE", "PAST_REF"),
        # TimeML leaves the possessive outside the expression
        ("Next year's budget is tight.", "Next year", "DATE", "1998"),
    ],
)
def test_expressions_and_values(
    dates_pipeline: claimkit.Pipeline,
    sentence: str,
    expression: str | None,
    kind: str | None,
    value: str | None,
) -> None:
    got = timexes(dates_pipeline, sentence, TUESDAY)
    if expression is None:
        assert got == []
        return
    (timex,) = [t for t in got if t.span.text == expression]
    assert (timex.type, timex.value) == (kind, value)


def test_week_values_cross_the_year_end(dates_pipeline: claimkit.Pipeline) -> None:
    # 2003-01-01 is in ISO week 2003-W01; the week before is 2002-W52.
    assert found(dates_pipeline, "Sales slowed last week.", "2003-01-01")["last week"] == "2002-W52"


def test_mod_words_join_the_expression(dates_pipeline: claimkit.Pipeline) -> None:
    got = {
        t.span.text: t
        for t in timexes(
            dates_pipeline,
            "Rains came in late October and by the end of 1995 in mid-1994.",
            TUESDAY,
        )
    }
    assert (got["late October"].value, got["late October"].mod) == ("1996-10", "END")
    assert (got["the end of 1995"].value, got["the end of 1995"].mod) == ("1995", "END")
    assert (got["mid-1994"].value, got["mid-1994"].mod) == ("1994", "MID")


def test_durations_to_now_are_anchored_at_the_creation_date(
    dates_pipeline: claimkit.Pipeline,
) -> None:
    (timex,) = timexes(dates_pipeline, "Exports grew in the past two years.", "1997-03-04T09:00")
    assert (timex.value, timex.anchor) == ("P2Y", "1997-03-04")


def test_range_ends_carry_the_interval(dates_pipeline: claimkit.Pipeline) -> None:
    got = timexes(dates_pipeline, "The fair runs from May 3 to June 9.", TUESDAY)
    assert [(t.span.text, t.interval) for t in got] == [
        ("May 3", "1997-05-03/1997-06-09"),
        ("June 9", "1997-05-03/1997-06-09"),
    ]
    pair = timexes(dates_pipeline, "They met on Monday and Friday.", TUESDAY)
    assert [t.interval for t in pair] == [None, None]


def test_without_a_creation_time_values_stay_underspecified(
    dates_pipeline: claimkit.Pipeline,
) -> None:
    got = found(dates_pipeline, "She arrived on Tuesday, left last month and returns in November.")
    assert got == {"Tuesday": "XXXX-WXX-2", "last month": "XXXX-XX", "November": "XXXX-11"}


def test_header_dates_are_the_creation_time(dates_pipeline: claimkit.Pipeline) -> None:
    text = (
        "Published by Daily Wire - Monday, March 3, 1997\nLONDON (Reuter) - The talks ended Monday."
    )
    document = build_document("h", text)
    claims = [c for c in dates_pipeline.process(document).claims if c.kind == "date"]
    header, body = (c.times[0] for c in claims)
    assert (header.value, header.function) == ("1997-03-03", "CREATION_TIME")
    assert (body.span.text, body.value, body.function) == ("Monday", "1997-03-03", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "You may go now, she said to the guard at the gate.",
        "Some 1500 troops crossed the border.",
        "The 45-year-old driver was unhurt.",
        "He drew a line down the middle of the page.",
    ],
)
def test_look_alikes_are_not_dates(dates_pipeline: claimkit.Pipeline, sentence: str) -> None:
    got = [t for t in timexes(dates_pipeline, sentence, TUESDAY) if t.value != "PRESENT_REF"]
    assert got == []


def test_plugin_rules_win_over_built_in_ones() -> None:
    def fiscal(match: re.Match[str], context: object) -> Normalised:
        return Normalised(value=f"FY{match.group(1)}", type="DATE")

    plugin = types.SimpleNamespace(
        claimkit_date_rules=claimkit.hookimpl(
            lambda: [DateRule(name="fiscal", pattern=r"FY ?(\d{4})", type="DATE", value=fiscal)]
        )
    )
    pipeline = claimkit.Pipeline(plugins=[plugin])
    (timex,) = timexes(pipeline, "Spending rose in FY 1996.", TUESDAY)
    assert (timex.span.text, timex.value) == ("FY 1996", "FY1996")


def test_a_rule_may_reject_its_match(dates_pipeline: claimkit.Pipeline) -> None:
    rule = DateRule(name="never", pattern="Tuesday", type="DATE", value=lambda m, c: None)
    assert rule.normalise(re.search("Tuesday", "on Tuesday"), object()) is None  # type: ignore[arg-type]


FRAGMENTS = [
    "Tuesday", "last week", "the past six years", "late February", "the end of 1996",
    "15 years ago", "annual", "March 10 to April 18", "2:09 PM EST", "the 1990s", "Q3",
    "the third quarter", "this year's", "next month", "now", "recently", "Feb 29",
    "February 30", "the summer of 1996", "9 a.m. Tuesday", "'96", "1/2/03", "May",
    "between 1990 and 1995", "twenty-four hours", "several years", "the weekend",
    "the latest period", "the same quarter a year ago", "the 1986 period", "a year earlier",
]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=12).map(
    " ".join
)
creation_times = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat() if d.year >= 1000 else None),
    st.datetimes(timezones=st.none()).map(
        lambda d: d.strftime("%Y-%m-%dT%H:%M") if d.year >= 1000 else None
    ),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts, dct=creation_times)
def test_any_text_gives_exact_spans_and_valid_values(
    dates_pipeline: claimkit.Pipeline, text: str, dct: str | None
) -> None:
    for timex in timexes(dates_pipeline, text, dct):
        assert text[timex.span.start : timex.span.end] == timex.span.text
        assert TIMEX3_VALUE.match(timex.value), timex.value
        if timex.interval is not None:
            begin, end = timex.interval.split("/")
            assert TIMEX3_VALUE.match(begin) and TIMEX3_VALUE.match(end)


@pytest.mark.parametrize(
    ("text", "value"),
    [("Net rose in the latest period.", "XXXX-QX"), ("Net rose in the 1986 period.", "1986-QX")],
)
def test_a_period_without_creation_time_stays_underspecified(
    dates_pipeline: claimkit.Pipeline, text: str, value: str
) -> None:
    assert [t.value for t in timexes(dates_pipeline, text, None)] == [value]


def test_the_value_pattern_rejects_malformed_values() -> None:
    for bad in ("1997-1-28", "P6", "T14:09", "1997-W5", "PT1988S1", "199X-Q5", "FUTURE"):
        assert not TIMEX3_VALUE.match(bad), bad
    for good in ("1997-01-28T14:09-05:00", "XXXX-WXX-2", "199", "P6Y", "PT24H", "1996-SU"):
        assert TIMEX3_VALUE.match(good), good


# Scanning near hints. Pieces of temporal expressions, and the words between them that
# make the longest matches ("the a couple of and a half more years"), joined by
# anything from nothing to a run of table spaces: what a rule finds near its hints it
# must find over the whole text.
_RECOGNISER = make_recogniser()
_VOCABULARY = load_vocabulary()
_PIECES = sorted(
    {hint for rule in _RECOGNISER.rules for hint in rule.hints}
    | {*_VOCABULARY.months, *_VOCABULARY.numbers, *_VOCABULARY.vague_numbers}
    | {*_VOCABULARY.shifts, *_VOCABULARY.mods, *_VOCABULARY.approximations}
    | {*_VOCABULARY.references, *_VOCABULARY.holidays, *_VOCABULARY.weekday_holidays}
    | {*_VOCABULARY.units, *_VOCABULARY.zones, *FRAGMENTS}
    | {"the", "of", "and", "a half", "1/2", "more", "fiscal", "at", "on", "per cent", "%"}
    | {"old", "-old", "ago", "year's", "s", "'s", "1998", "'97", "10:30", "5", "21st", "ſ"}
)
_GLUE = st.sampled_from(["", " ", "  ", "\n", "-", ", ", ".", "\n      ", " the "])
_TEXTS = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)),
        st.sampled_from([str.lower, str.upper, str.title, str]),
        _GLUE,
    ),
    max_size=30,
).map(lambda parts: "".join(case(piece) + glue for piece, case, glue in parts))


def _whole_text_scan(recogniser: Recogniser) -> Recogniser:
    rules = [attrs.evolve(rule, hints=()) for rule in recogniser.rules]
    return attrs.evolve(recogniser, rules=rules, triggers=build_triggers(rules))


def _spans(recogniser: Recogniser, text: str) -> list[tuple[str, int, int]]:
    return sorted((c.rule.name, c.start, c.end) for c in recogniser.candidates(text))


@settings(max_examples=400, deadline=None)
@given(text=_TEXTS)
def test_rules_run_near_their_hints_find_what_a_whole_text_scan_finds(text: str) -> None:
    assert _spans(_RECOGNISER, text) == _spans(_whole_text_scan(_RECOGNISER), text)


# The longest forms of each rule, as far from their hints as its patterns let them go,
# with runs of spaces and line breaks between the words.
_LONGEST = [
    "Wednesday, March 10, 1998, at 10:30 a.m. EST", "Friday, 10 of March, 1998, at 9 pm",
    "10:30 a.m. EST, on March 10 1998", "9 pm, on Friday", "mid- morning, on March 10",
    "March, of nineteen ninety six", "the summer of nineteen ninety six",
    "the 1998 fiscal most recent quarter of 1998", "the first half of 1998",
    "the end of the year", "the comparable year-ago fourth quarter",
    "the most recent period a year earlier", "earlier in the year", "March of last year",
    "last year's first quarter", "later that same day", "the week of March 10, 1998",
    "the year two thousand and nineteen", "the year nineteen ninety six", "the early nineties",
    "the twenty-first century", "the full fiscal year before", "each Monday",
    "a couple of years ago", "this past week", "the past a couple of more years",
    "the a couple of and a half more years", "two years and a half old", "the late 1990s",
    "for the years", "fiscal 1998 per cent", "'97 percent", "10:30 a.m. EST",
    "this past Martin Luther King Day", "as soon as possible", "in the near future",
    "the New Year's Day", "every year", "the a couple of and a half more business days",
    "4 in the morning", "in the early afternoon", "in the mid afternoon of",
    "in the late summer of", "early fall in", "the quarter a year earlier", "1805 local time",
]  # fmt: skip


@pytest.mark.parametrize("expression", _LONGEST)
@pytest.mark.parametrize("space", [" ", "\n    "])
def test_the_longest_expressions_stay_inside_the_windows(expression: str, space: str) -> None:
    text = f"Talks began {expression.replace(' ', space)}, officials said."
    assert _spans(_RECOGNISER, text) == _spans(_whole_text_scan(_RECOGNISER), text)


def test_a_plugin_rule_with_hints_is_run_near_them_and_one_without_everywhere() -> None:
    hinted = DateRule(
        name="fy", pattern=r"FY ?\d{4}", type="DATE", value="XXXX", hints=("fy",), reach=(0, 1)
    )
    anywhere = DateRule(name="tet", pattern=r"\bTet\b", type="DATE", value="XXXX")
    rules = [hinted, anywhere]
    triggers = build_triggers(rules)
    text = "Spending rose in FY 1996 and fy1997 before Tet."
    windows = triggers.windows(text)
    assert [text[a:b] for a, b in windows[0]] == ["FY 1996", "fy1997 before"]
    assert windows[1] == [(0, len(text))]
    recogniser = attrs.evolve(_RECOGNISER, rules=rules, builtin_from=2, triggers=triggers)
    assert [c.match.group(0) for c in recogniser.candidates(text)] == ["FY 1996", "fy1997", "Tet"]


def test_hints_are_sought_where_a_word_begins_and_the_longest_stands_for_the_shorter() -> None:
    rule = DateRule(name="r", pattern="x", type="DATE", value="XXXX", hints=("jan", "day"))
    other = DateRule(name="o", pattern="x", type="DATE", value="XXXX", hints=("january",))
    triggers = build_triggers([rule, other])
    assert triggers.rules_of["january"] == (0, 1) and triggers.rules_of["jan"] == (0,)
    # "day" after a letter ("today") is not a hint; after a digit or a hyphen it is
    assert triggers.windows("see you today") == [[], []]
    assert triggers.windows("a 3-day trip") == [[(0, 12)], []]
    assert re.fullmatch(trie(["jan", "january", "june"]), "january")
