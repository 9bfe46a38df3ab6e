"""The dates extractor on TimeML conventions: extents, discourse anchoring, direction
from the parse, and the expressions TempEval-3 news is full of. Sentences are ours."""

import pytest

import claimkit
from claimkit.readers import build_document
from claimkit.types import Timex

# 1989-10-26 is a Thursday.
THURSDAY = "1989-10-26"


@pytest.fixture(scope="module")
def dates_pipeline() -> claimkit.Pipeline:
    return claimkit.Pipeline(
        disable=["claimkit.extractors.statements", "claimkit.extractors.demands"]
    )


def timexes(pipeline: claimkit.Pipeline, text: str, dct: str | None = THURSDAY) -> list[Timex]:
    result = pipeline.process(build_document("t", text, dct=dct))
    return [c.times[0] for c in result.claims if c.kind == "date"]


def found(pipeline: claimkit.Pipeline, text: str, dct: str | None = THURSDAY) -> dict[str, str]:
    return {t.span.text: t.value for t in timexes(pipeline, text, dct)}


@pytest.mark.parametrize(
    ("sentence", "expression", "mod"),
    [
        # possessives and the determiner of a noun the expression qualifies stay out
        ("Friday's trading was thin.", "Friday", None),
        ("It took the third-quarter charge in full.", "third-quarter", None),
        ("Workers began the two-week strike.", "two-week", None),
        # approximations and bounds come in, with their mod
        ("The talks lasted nearly two years.", "nearly two years", "LESS_THAN"),
        ("He left more than four decades ago.", "more than four decades ago", "MORE_THAN"),
        (
            "Loans were extended for at least 20 more years.",
            "at least 20 more years",
            "EQUAL_OR_MORE",
        ),
        ("Sales grew earlier this year.", "earlier this year", "START"),
        (
            "The banks must wait at least 30 days before closing.",
            "at least 30 days",
            "EQUAL_OR_MORE",
        ),
        ("By mid afternoon the index had recovered.", "mid afternoon", "MID"),
        ("Demand slackened in the early summer.", "the early summer", "START"),
        # "over the past year" is a stretch of time, not "more than a year"
        ("Over the past year the two sides talked.", "the past year", None),
    ],
)
def test_timeml_extents(
    dates_pipeline: claimkit.Pipeline, sentence: str, expression: str, mod: str | None
) -> None:
    got = {t.span.text: t for t in timexes(dates_pipeline, sentence)}
    assert expression in got, got
    assert got[expression].mod == mod


def test_a_year_earlier_in_an_earnings_report_is_the_same_quarter(
    dates_pipeline: claimkit.Pipeline,
) -> None:
    text = (
        "Acme said third-quarter profit rose to $5 million from $4 million a year earlier. "
        "Sales in the latest period were flat. In the year-ago quarter it lost money. "
        "It expects a fourth-quarter charge."
    )
    got = found(dates_pipeline, text)
    assert got["third-quarter"] == "1989-Q3"
    assert got["a year earlier"] == "1988-Q3"
    assert got["the latest period"] == "1989-Q3"
    assert got["the year-ago quarter"] == "1988-Q3"


def test_a_year_earlier_compares_with_the_quarter_of_its_own_sentence(
    dates_pipeline: claimkit.Pipeline,
) -> None:
    # two reports in one story: the second company's comparison is with the quarter
    # its own sentence names, while a sentence naming none refers to the story's quarter
    text = (
        "Baxter Mills said second-quarter net rose 9%. Sales were flat. "
        "Separately, Orbis Corp. said third-quarter profit fell to $3 million "
        "from $4 million a year earlier. Revenue slipped from a year earlier.\n\n"
        "Orbis recalled a weak first quarter. Costs were higher a year ago."
    )
    got = timexes(dates_pipeline, text)
    earlier = [t.value for t in got if t.span.text == "a year earlier"]
    assert earlier == ["1988-Q3", "1988-Q2"]
    assert found(dates_pipeline, text)["a year ago"] == "1988-Q2"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # "a year earlier" compares with the period last named: after nine months, a
        # date can only give its year
        (
            "Third-quarter net rose. Net for the nine months rose 8% from a year earlier.",
            "a year earlier",
            "1988",
        ),
        # a quarter named by its last day is the calendar quarter most of it falls in
        ("Net fell in the quarter ended July 31.", "the quarter", "1989-Q2"),
        ("Net fell in the quarter ended Sept. 30.", "the quarter", "1989-Q3"),
        # "last year's quarter" is the reported quarter a year before
        (
            "Third-quarter net rose 5%. Sales for last year's quarter were flat.",
            "last year's quarter",
            "1988-Q3",
        ),
        # "the latest year" is the last one ended, as "the latest quarter" is
        ("Sales rose in the latest fiscal year.", "the latest fiscal year", "1988"),
    ],
)
def test_periods_of_an_earnings_report(
    dates_pipeline: claimkit.Pipeline, text: str, expression: str, value: str
) -> None:
    assert found(dates_pipeline, text)[expression] == value


def test_a_year_ago_without_a_quarter_is_a_year(dates_pipeline: claimkit.Pipeline) -> None:
    assert found(dates_pipeline, "A year ago the plant was closed.")["A year ago"] == "1988"


def test_anaphoric_expressions_take_the_last_named_date(dates_pipeline: claimkit.Pipeline) -> None:
    text = (
        "The rebels took the town on March 3, 1987. The next day they left. "
        "The following year they came back, and later that year they signed."
    )
    got = found(dates_pipeline, text)
    assert got["The next day"] == "1987-03-04"
    assert got["The following year"] == "1988"
    assert got["later that year"] == "1988"


def test_anaphoric_expressions_without_a_creation_time_stay_underspecified(
    dates_pipeline: claimkit.Pipeline,
) -> None:
    got = found(dates_pipeline, "The next day they left.", dct=None)
    assert got["The next day"] == "XXXX-XX-XX"


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # a cue on the way points ahead, even under a past-tense verb
        ("The board declared a dividend, payable Dec. 15.", "Dec. 15", "1989-12-15"),
        ("The offer was extended to Nov. 16.", "Nov. 16", "1989-11-16"),
        # but not the cue of a noun's own past event
        ("The index is near its record high set on Aug. 6.", "Aug. 6", "1989-08-06"),
        # "since" looks back whatever the verb
        ("Inspectors have not been allowed to work since Jan. 13.", "Jan. 13", "1989-01-13"),
        # a date that qualifies a noun dates that noun's event: the latest such day
        ("Monday's ruling angered the exiles.", "Monday", "1989-10-23"),
        # an infinitive of purpose happens when its past main verb did
        ("Crowds gathered to mark the anniversary on Tuesday.", "Tuesday", "1989-10-24"),
        # while a plan still looks ahead
        ("The team planned to leave on Tuesday.", "Tuesday", "1989-10-31"),
        # a to-infinitive takes the tense of its governing verb unless that word plans,
        # intends or expects
        ("The mill was unable to ship paper until the spring.", "the spring", "1989-SP"),
        ("The rain allowed the herds to graze through the winter.", "the winter", "1988-WI"),
        ("The union tried to halt the vote on Tuesday.", "Tuesday", "1989-10-24"),
        ("The lender is likely to raise rates on Tuesday.", "Tuesday", "1989-10-31"),
        ("The partners agreed to close the deal on Tuesday.", "Tuesday", "1989-10-31"),
        ("The hearings are to resume on Tuesday.", "Tuesday", "1989-10-31"),
        ("Brewer to shut plant on Tuesday", "Tuesday", "1989-10-31"),
        # a plan told in the past perfect was made before a past time: its date is over
        ("The strike had been set to end on Tuesday.", "Tuesday", "1989-10-24"),
        ("The loan had been due to mature on Tuesday.", "Tuesday", "1989-10-24"),
        ("The loan is due to mature on Tuesday.", "Tuesday", "1989-10-31"),
        # a date qualifying a noun dates its event, placed by the noun's clause: past
        # or perfect puts it back, anything else takes the nearest
        ("Divers searched the reef after the March 3 spill.", "March 3", "1989-03-03"),
        ("Police have questioned him since the January bombing.", "January", "1989-01"),
        ("Ministers prepare for the March 3 summit.", "March 3", "1990-03-03"),
        # a passive present looks around the creation date, not back
        ("The case is heard in December.", "December", "1989-12"),
        # "would" reports a future
        ("He said he would arrive on Saturday.", "Saturday", "1989-10-28"),
    ],
)
def test_direction_from_the_parse(
    dates_pipeline: claimkit.Pipeline, sentence: str, expression: str, value: str
) -> None:
    assert found(dates_pipeline, sentence)[expression] == value


@pytest.mark.parametrize(
    ("sentence", "expression", "kind", "value"),
    [
        ("In nineteen ninety-six the law changed.", "nineteen ninety-six", "DATE", "1996"),
        (
            "It failed in January nineteen ninety-seven.",
            "January nineteen ninety-seven",
            "DATE",
            "1997-01",
        ),
        ("They aim for the year two thousand.", "the year two thousand", "DATE", "2000"),
        ("Prices fell through the nineties.", "the nineties", "DATE", "199"),
        ("A temple of the 11th century stands there.", "the 11th century", "DATE", "10"),
        ("They stayed for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
        ("It took an hour and a half.", "an hour and a half", "DURATION", "PT1H30M"),
        ("Violence rose in recent years.", "recent years", "DURATION", "PXY"),
        ("Rallies are held every Thursday.", "every Thursday", "SET", "XXXX-WXX-4"),
        ("Flights leave on Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
        ("The hearing is set for the week of Nov. 6.", "the week of Nov. 6", "DATE", "1989-W45"),
        ("He was arrested in June last year.", "June last year", "DATE", "1988-06"),
        (
            "It may start in next year's first quarter.",
            "next year's first quarter",
            "DATE",
            "1990-Q1",
        ),
        ("The deal should close by year-end.", "year-end", "DATE", "1989"),
        ("Talks broke off at noon Thursday.", "noon Thursday", "TIME", "1989-10-26T12:00"),
        # a 24-hour clock with its zone is no year
        ("Figures are due at 1630 EST today.", "1630 EST", "TIME", "1989-10-26T16:30-05:00"),
        ("It lifted off at 1805 local time.", "1805 local time", "TIME", "1989-10-26T18:05"),
        # midnight ends its day: hour 24
        ("The offer expires at midnight Friday.", "midnight Friday", "TIME", "1989-10-27T24:00"),
        (
            "The offer expires at 5 p.m. EST Nov. 9.",
            "5 p.m. EST Nov. 9",
            "TIME",
            "1989-11-09T17:00-05:00",
        ),
        ("The plan was dropped several years ago.", "several years ago", "DATE", "PAST_REF"),
        ("Sales rose, but for the full year they fell.", "the full year", "DATE", "1989"),
        ("Net income for the year ended June 30 rose.", "the year", "DURATION", "P1Y"),
        ("Sales of the 1990 models were weak.", "1990", "DATE", "1990"),
        ("Until now nobody knew.", "now", "DATE", "PRESENT_REF"),
    ],
)
def test_news_expressions(
    dates_pipeline: claimkit.Pipeline, sentence: str, expression: str, kind: str, value: str
) -> None:
    got = {t.span.text: t for t in timexes(dates_pipeline, sentence)}
    assert expression in got, got
    assert (got[expression].type, got[expression].value) == (kind, value)


def test_a_day_number_after_a_date_is_a_date_of_that_month(
    dates_pipeline: claimkit.Pipeline,
) -> None:
    got = timexes(dates_pipeline, "Delegates met on Feb 17 and 19 in Geneva.")
    assert [(t.span.text, t.value) for t in got] == [("Feb 17", "1989-02-17"), ("19", "1989-02-19")]
    got = timexes(dates_pipeline, "Books close May 11-21.", dct="1987-05-01")
    assert [t.value for t in got] == ["1987-05-11", "1987-05-21"]
    assert got[0].interval == got[1].interval == "1987-05-11/1987-05-21"
    # an amount, an earlier day or a dateline's dash leaves the number alone
    for sentence in (
        "It shipped on Oct. 5 to 10,000 stores.",
        "Sales rose on Oct. 5 and 4% more on Oct. 6.",
        "It was moved from Oct. 15 to 3 p.m. Oct. 16.",
        "LONDON, Oct 5 - 12 ships sailed.",
    ):
        assert not any(t.span.text.isdigit() for t in timexes(dates_pipeline, sentence)), sentence


def test_holidays_on_a_weekday_of_a_month(dates_pipeline: claimkit.Pipeline) -> None:
    got = found(dates_pipeline, "He was found on Thanksgiving Day.", dct="1990-01-10")
    assert got["Thanksgiving Day"] == "1989-11-23"
    got = found(dates_pipeline, "Polls close on Election Day.", dct="1998-10-26")
    assert got["Election Day"] == "1998-11-03"


def test_a_range_end_with_a_guessed_year_follows_its_start(
    dates_pipeline: claimkit.Pipeline,
) -> None:
    got = timexes(dates_pipeline, "The exhibition runs from Nov. 20 to Jan. 5.")
    assert [t.value for t in got] == ["1989-11-20", "1990-01-05"]
    assert got[0].interval == got[1].interval == "1989-11-20/1990-01-05"


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 1500 troops crossed the border.",
        "The fall of the regime surprised everyone.",
        "Temperatures rose at the moment of impact.",
    ],
)
def test_more_look_alikes_are_not_dates(dates_pipeline: claimkit.Pipeline, sentence: str) -> None:
    assert timexes(dates_pipeline, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The company raised its quarterly dividend to 12 cents a share.",
        "Prices rose at a modest annual rate of 2.9%.",
        "Average daily volume was 133 million shares.",
        "The group has annual sales of about $2 billion.",
        "The index closed at 2082.1, down 4.5%.",
        "She married him when he was in his 30s.",
        "Iraq imports about three-quarters of its food.",
        "They account for more than a quarter of the market.",
        'He spoke on ABC News\' "This Week" with David Brinkley.',
        "He said so on CBS's ''60 Minutes.''",
        "The quarter-to-quarter comparison was enhanced by a charge.",
        # a frequency word after an amount rates it, like one before a noun of amount
        "Profits are expected to grow 12% annually.",
        "The new mill turns out 5,000 tons annually.",
        "The unit has been losing $2 million quarterly.",
        # "fall" is a season only when no "in" or "of" follows
        "Traders expect an early fall in prices.",
        "The fall in prices hurt growers.",
        # comparisons, figures of a table of months, and a table's next row label
        "The year-on-year rise was steep, and sales grew year-over-year.",
        "Linseed prev 34.8, Feb 32.9, Mar 6.8, Apr 6.3, total 80.8.",
        "Sales 8,059,000 vs 7,148,000\n    Year\n    Oper shr 67 cts vs 19 cts",
        # a two-digit decade reached by a scale, or "low"/"high", is a range of amounts
        "Analysts see the stock climbing to the mid 40s.",
        "Overnight lows dipped into the 20s.",
        "Bids held in the low 70s.",
        "The lot sold in the upper 80s.",
        # "soon" relating two times, or after a past event, points nowhere
        "The plant closed soon after the strike.",
        "The rebels were soon routed.",
        # a weekday after an article, before a capitalised word, begins a name
        "The Sunday Herald ran the interview.",
        "A Monday Club pamphlet urged restraint.",
    ],
)
def test_amounts_ages_shares_and_titles_are_not_dates(
    dates_pipeline: claimkit.Pipeline, sentence: str
) -> None:
    assert timexes(dates_pipeline, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expression", "kind", "value"),
    [
        # a frequency that says how often an event recurs stays a SET
        ("The State Department released its annual report.", "annual", "SET", "P1Y"),
        ("They gather daily outside the house.", "daily", "SET", "P1D"),
        # a quarter of a period is a length, not a share
        ("Losses narrowed after two quarters of losses.", "two quarters", "DURATION", "P6M"),
        # plural spans without a count are vague
        ("They will buy new equipment in the coming years.", "the coming years", "DURATION", "PXY"),
        ("Many were taken in the first hours of the war.", "the first hours", "DURATION", "PTXH"),
        # "as early as" and "as soon as" point ahead whatever the verb
        ("The father could come as early as Tuesday.", "Tuesday", "DATE", "1989-10-31"),
        # a bare date on a past cue verb dates that verb
        ("The company extended the offer Friday.", "Friday", "DATE", "1989-10-20"),
        # a number that dates or counts the noun after a frequency word leaves it a SET
        ("Holders vote at the May 14 annual meeting.", "annual", "SET", "P1Y"),
        # "soon" alone points ahead
        ("The regulator may soon rule on the merger.", "soon", "DATE", "FUTURE_REF"),
        ("Officials expect the bridge to reopen soon.", "soon", "DATE", "FUTURE_REF"),
        # a bare two-digit decade stays one away from a scale, a weekday outside a name
        ("Those songs date back to the 60s.", "the 60s", "DATE", "196"),
        ("Prices in the 70s rose fast.", "the 70s", "DATE", "197"),
        ("Officials said Sunday Iraq had agreed.", "Sunday", "DATE", "1989-10-22"),
        ("They marched on the Sunday Night of the vote.", "Sunday Night", "TIME", "1989-10-22TNI"),
        # a length before an event is a length ("before" is its signal); before the end
        # of a clause "before" is "earlier", counted back from the creation date
        ("Police saw the van three days before the attack.", "three days", "DURATION", "P3D"),
        ("The ship had sailed two days before.", "two days before", "DATE", "1989-10-24"),
        ("It sailed two days before and docked today.", "two days before", "DATE", "1989-10-24"),
        ("The board met a week after the vote.", "a week", "DURATION", "P1W"),
        ("The offer expires in ten business days.", "ten business days", "DURATION", "P10D"),
        # "now" as the object of a preposition is a time whatever the parse says
        ("Nothing will change between now and March.", "now", "DATE", "PRESENT_REF"),
        # a part of the day after a preposition is on the day last named, else today
        ("Shares rallied in the afternoon.", "the afternoon", "TIME", "1989-10-26TAF"),
        ("Stocks fell on Oct. 20, mostly in the morning.", "the morning", "TIME", "1989-10-20TMO"),
        (
            "The plane will land at 6 in the evening.",
            "6 in the evening",
            "TIME",
            "1989-10-26T18:00",
        ),
        # a season after a mod word
        ("Sales slowed in late summer.", "late summer", "DATE", "1989-SU"),
        ("The appeal could take as long as a month.", "a month", "DURATION", "P1M"),
        # "previous" counts from the day last named, "last" from today
        (
            "The index fell on Friday, Oct. 20, from the previous Friday.",
            "previous Friday",
            "DATE",
            "1989-10-13",
        ),
        (
            "Net rose in the third quarter. For the quarter a year ago it was flat.",
            "the quarter a year ago",
            "DATE",
            "1988-Q3",
        ),
    ],
)
def test_frequencies_lengths_and_directions(
    dates_pipeline: claimkit.Pipeline, sentence: str, expression: str, kind: str, value: str
) -> None:
    got = {t.span.text: t for t in timexes(dates_pipeline, sentence)}
    assert expression in got, got
    assert (got[expression].type, got[expression].value) == (kind, value)
