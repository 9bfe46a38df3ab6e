"""The built-in post-processors: times linked to claims, and speech dates."""

import pytest

import claimkit


@pytest.fixture(scope="module")
def pipeline() -> claimkit.Pipeline:
    return claimkit.Pipeline(disable=["numbers"])


def claims_of(pipeline: claimkit.Pipeline, text: str, dct: str) -> list[claimkit.Claim]:
    return list(pipeline.process(claimkit.build_document("d", text, dct=dct)).claims)


def test_claims_reported_in_a_dated_statement_take_its_date(pipeline: claimkit.Pipeline) -> None:
    text = "The council urged the mayor to resign, a councillor said on Friday."
    claims = claims_of(pipeline, text, "2004-06-14")
    inner = [c for c in claims if c.kind != "date" and c.evidence.end <= text.index(",")]
    assert inner and {c.said_on for c in inner} == {"2004-06-11"}


def test_a_date_in_the_subject_is_not_the_speech_date(pipeline: claimkit.Pipeline) -> None:
    text = "This year's budget report states that spending will rise."
    (statement,) = [c for c in claims_of(pipeline, text, "2004-06-14") if c.kind == "statement"]
    assert statement.said_on is None
    date = next(c for c in claims_of(pipeline, text, "2004-06-14") if c.kind == "date")
    assert date.times[0].function is None


def test_times_inside_the_evidence(pipeline: claimkit.Pipeline) -> None:
    text = "The minister said the bridge would open in March and close in 2010."
    (statement,) = [c for c in claims_of(pipeline, text, "2004-06-14") if c.kind == "statement"]
    assert [t.span.text for t in statement.times] == ["March", "2010"]
