"""Wire headers and datelines, and creation times parsed from what they say."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimkit.dct import parse_dct
from claimkit.readers import build_document
from claimkit.readers.wire import read_header


def test_published_by_line_gives_publisher_and_date() -> None:
    text = (
        "Published by Himalaya Wire Service - Tuesday, January 28, 1997 2:09 PM EST\n"
        "The talks went on."
    )
    header = read_header(text)
    assert header.publisher == "Himalaya Wire Service"
    assert header.dct == "1997-01-28"
    assert text[header.body_start :] == "The talks went on."


def test_published_line_and_dateline() -> None:
    text = (
        "Published by Himalaya Wire Service - Tuesday, January 28, 1997\n"
        "MOSCOW (Reuters) - Officials met on Tuesday."
    )
    header = read_header(text)
    assert header.publisher == "Himalaya Wire Service"
    assert header.dct == "1997-01-28"
    assert header.place == "MOSCOW"
    assert header.agency == "Reuters"
    assert text[header.body_start :] == "Officials met on Tuesday."


def test_dateline_alone() -> None:
    text = "MOSCOW (Reuters) - Officials met on Tuesday.\nThey talked."
    header = read_header(text)
    assert (header.place, header.agency, header.dct, header.publisher) == (
        "MOSCOW",
        "Reuters",
        None,
        None,
    )
    assert text[header.body_start :].startswith("Officials met")


@pytest.mark.parametrize(
    ("line", "place", "agency"),
    [
        ("SALVADOR, Feb 26 - ", "SALVADOR", None),
        ("SALVADOR, FEB. 26 - ", "SALVADOR", None),
        ("BEIJING, Feb 26 (Reuter) - ", "BEIJING", "Reuter"),
        ("SAN SALVADOR, El Salvador (Reuters) - ", "SAN SALVADOR, El Salvador", "Reuters"),
        ("WASHINGTON (Reuter) -- ", "WASHINGTON", "Reuter"),
    ],
)
def test_datelines(line: str, place: str, agency: str | None) -> None:
    text = line + "Brazil's cocoa crop is late, traders said."
    header = read_header(text)
    assert header.place == place
    assert header.agency == agency
    assert text[header.body_start :] == "Brazil's cocoa crop is late, traders said."


@pytest.mark.parametrize(
    "first",
    [
        "Tuesday, January 28, 1997",
        "January 28, 1997",
        "28 January 1997",
        "Tuesday, January 28, 1997 2:09 PM EST",
        "January 28, 1997Tuesday January 28 2:09 PM EST",
    ],
)
def test_a_line_that_is_only_a_date_is_a_header(first: str) -> None:
    text = first + "\nThe talks went on."
    header = read_header(text)
    assert header.dct == "1997-01-28"
    assert text[header.body_start :] == "The talks went on."


@pytest.mark.parametrize(
    "first",
    [
        "On January 28, 1997, the talks ended in Geneva.",
        "January 28, 1997 was a cold day in Beijing.",
        "On Tuesday, January 28, 1997 officials met.",
        "Officials met in Geneva on January 28, 1997.",
    ],
)
def test_an_ordinary_first_sentence_with_a_date_is_not_a_header(first: str) -> None:
    text = first + "\nThey talked again the next day."
    header = read_header(text)
    assert header.dct is None
    assert header.body_start == 0
    document = build_document("d", text)
    assert document.dct is None and document.dct_origin is None


def test_a_date_later_in_the_story_is_not_a_header() -> None:
    text = "Officials met.\nTuesday, January 28, 1997\nMOSCOW (Reuters) - More."
    header = read_header(text)
    assert header == read_header("Officials met.")
    assert header.body_start == 0


def test_text_without_a_header() -> None:
    header = read_header("The diplomat said it was over.")
    assert (header.publisher, header.dct, header.place, header.agency, header.body_start) == (
        None,
        None,
        None,
        None,
        0,
    )


def test_seed_story_header(seeds: Path) -> None:
    text = (seeds / "000_ed503c6fe1687815.txt").read_text(encoding="utf-8")
    header = read_header(text)
    assert header.publisher == "World Tibet Network News"
    assert header.dct == "1997-01-28"
    assert (header.place, header.agency) == ("WASHINGTON", "Reuter")
    assert text[header.body_start :].startswith("A U.S. delegation is in Beijing")


@given(st.text(max_size=200))
def test_read_header_never_fails_and_stays_in_the_text(text: str) -> None:
    header = read_header(text)
    assert 0 <= header.body_start <= len(text)
    if header.dct is not None:
        assert parse_dct(header.dct) == header.dct


# ---------------------------------------------------------------- parse_dct


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1997-01-28", "1997-01-28"),
        ("  1997-01-28 ", "1997-01-28"),
        ("1997-01-28T14:09", "1997-01-28T14:09"),
        ("1997-01-28T14:09-05:00", "1997-01-28T14:09-05:00"),
        ("1997-01-28 14:09", "1997-01-28T14:09"),
        ("1997-01-28T14:09:00.5+01:00", "1997-01-28T14:09+01:00"),
        ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01"),
        ("Tuesday, January 28, 1997", "1997-01-28"),
        ("28 January 1997", "1997-01-28"),
        ("19970203", "1997-02-03"),
        (dt.date(1997, 2, 3), "1997-02-03"),
        (dt.datetime(1997, 2, 3, 9, 30), "1997-02-03T09:30"),
        (
            dt.datetime(1997, 2, 3, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            "1997-02-03T09:30-05:00",
        ),
    ],
)
def test_parse_dct(value: str | dt.date, expected: str) -> None:
    assert parse_dct(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "garbage",
        "yesterday",
        "Feb 26",  # no year
        "1997",  # no day
        "January 1997",  # no day
        "14:09",
        "1997-02-30",  # no such day
        "1997-13-01",
        "1997-01-28T25:00",
    ],
)
def test_parse_dct_rejects_what_is_not_a_full_date(value: str) -> None:
    with pytest.raises(ValueError):
        parse_dct(value)


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_parse_dct_reads_back_its_own_values_and_written_dates(day: dt.date) -> None:
    assert parse_dct(day.isoformat()) == day.isoformat()
    assert parse_dct(day.strftime("%A, %B %d, %Y")) == day.isoformat()
