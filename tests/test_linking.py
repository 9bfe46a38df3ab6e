"""The built-in post-processors: times linked to claims, and speech dates."""

import pytest

import claimkit
from claimkit.linking.sources import ordered_mentions
from claimkit.sources import mention_tokens
from claimkit.types import Span


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


def statements_of(pipeline: claimkit.Pipeline, text: str) -> list[claimkit.Claim]:
    claims = claims_of(pipeline, text, "2020-03-02")
    return [c for c in claims if c.kind == "statement"]


def source_of(claims: list[claimkit.Claim], mention: str) -> claimkit.Source:
    claim = next(c for c in claims if c.source_mention and c.source_mention.text == mention)
    assert claim.source is not None
    return claim.source


def test_a_relative_clause_says_nothing_of_the_speakers_gender(
    pipeline: claimkit.Pipeline,
) -> None:
    text = (
        "Rep. Dana Wells, whose husband runs a bank, said the rules were too strict. "
        "Sen. Tom Harlow said the rules were fair. She said the vote would be close."
    )
    claims = statements_of(pipeline, text)
    assert source_of(claims, "She").name == "Rep. Dana Wells"
    # The speaker is a named subject too: one mention of her, not two; the relative
    # clause set off before the cue is not part of it, as PolNeAR marks sources.
    assert [m.text for m in source_of(claims, "She").mentions] == ["Rep. Dana Wells", "She"]


def test_a_given_name_tells_the_gender(pipeline: claimkit.Pipeline) -> None:
    text = (
        "Ellen Marsh said on Monday that Donald Pruitt would lose the race. "
        "She said the polls were clear."
    )
    assert source_of(statements_of(pipeline, text), "She").name == "Ellen Marsh"


def test_a_quantifier_is_no_antecedent(pipeline: claimkit.Pipeline) -> None:
    text = (
        "Mayor Linda Osei said the plan was sound. Some critics said the plan was too "
        "costly. Anybody who read it said it was vague. She said the vote would be held in May."
    )
    assert source_of(statements_of(pipeline, text), "She").name == "Mayor Linda Osei"


def test_a_speaker_inside_what_another_reports_is_not_the_next_he(
    pipeline: claimkit.Pipeline,
) -> None:
    text = (
        "Rob Vance spoke on Monday. Gov. Sam Marsh had vowed to veto the bill, he said. "
        '"We will not back down," he said.'
    )
    claims = statements_of(pipeline, text)
    assert {source_of(claims, "he").name} == {"Rob Vance"}
    assert all(c.source is not None and c.source.name == "Rob Vance" for c in claims[1:])


def test_a_group_is_not_one_of_its_members(pipeline: claimkit.Pipeline) -> None:
    text = (
        "Neither Sarah Cole nor her allies would comment on the plan. Cole said the plan "
        "was unfair. She said the council had ignored the neighbours."
    )
    claims = statements_of(pipeline, text)
    assert source_of(claims, "Cole").name == "Cole"
    assert source_of(claims, "She") == source_of(claims, "Cole")


def test_a_name_within_a_longer_name_is_someone_else(pipeline: claimkit.Pipeline) -> None:
    text = "The Pruitt Foundation said the grant was legal. Pruitt said the grant was a gift."
    claims = statements_of(pipeline, text)
    assert source_of(claims, "Pruitt") != source_of(claims, "The Pruitt Foundation")


def test_a_bare_role_is_the_named_person_before_it(pipeline: claimkit.Pipeline) -> None:
    text = (
        "Gov. Ellen Marsh met the press on Monday. The governor said the budget was "
        "balanced. She said taxes would not rise."
    )
    claims = statements_of(pipeline, text)
    assert source_of(claims, "The governor").name == "Gov. Ellen Marsh"
    assert source_of(claims, "She") == source_of(claims, "The governor")


def test_a_bare_role_agrees_in_gender(pipeline: claimkit.Pipeline) -> None:
    text = "Ellen Marsh met Tom Harlow on Monday. The spokeswoman said the talks went well."
    assert source_of(statements_of(pipeline, text), "The spokeswoman").name == "Ellen Marsh"


def test_a_role_tied_to_someone_else_is_someone_new(pipeline: claimkit.Pipeline) -> None:
    text = "Mayor Tom Harlow spoke on Monday. The mayor's spokesman said the talks went well."
    source = source_of(statements_of(pipeline, text), "The mayor's spokesman")
    assert source.name == "The mayor's spokesman"


def test_someone_met_in_passing_yields_to_the_named_speaker(
    pipeline: claimkit.Pipeline,
) -> None:
    text = (
        "Tom Harlow said the base would stay open. At a meeting on Monday, one veteran "
        'claimed the base was unsafe. "We will keep it open," he said.'
    )
    assert source_of(statements_of(pipeline, text), "he").name == "Tom Harlow"


def test_but_not_to_one_named_sentences_before(pipeline: claimkit.Pipeline) -> None:
    text = (
        "Tom Harlow said the base would stay open. The vote is set for May. The council "
        "meets on Friday. Tickets are free. At a meeting on Monday, one veteran claimed the "
        'base was unsafe. "We will keep it open," he said.'
    )
    assert source_of(statements_of(pipeline, text), "he").name == "one veteran"


def test_a_bracketed_appositive_is_the_role_not_part_of_the_name(
    pipeline: claimkit.Pipeline,
) -> None:
    text = "Sen. Ada Quill (D-Ore.), who chairs the panel, said the bill would pass."
    (claim,) = [c for c in claims_of(pipeline, text, "2004-06-14") if c.kind == "statement"]
    assert claim.source is not None
    assert (claim.source.name, claim.source.role) == ("Sen. Ada Quill", "D-Ore.")


def test_a_line_break_ends_a_mention(pipeline: claimkit.Pipeline) -> None:
    text = "Brazil declared a moratorium. Argentina\nhas threatened to follow, officials said."
    doc = pipeline.parse(claimkit.build_document("d", text))
    (head,) = [t for t in doc if t.text == "Argentina"]
    assert [t.text for t in mention_tokens(head)] == ["Argentina"]


def test_mentions_at_one_start_are_ordered_by_their_end() -> None:
    text = "Argentina said so. Argentina officials said so too."
    spans = [Span.of(text, 19, 38), Span.of(text, 19, 28)]
    assert ordered_mentions(spans) == (spans[1], spans[0])
    assert ordered_mentions(reversed(spans)) == ordered_mentions(spans)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ban Ki-moon said the talks would resume.", "Ban Ki-moon"),
        ("Maria Ortega-Diaz said the talks would resume.", "Maria Ortega-Diaz"),
    ],
)
def test_a_hyphen_inside_a_name_is_part_of_it(
    pipeline: claimkit.Pipeline, text: str, name: str
) -> None:
    # The parser hangs the hyphen on the name's head as punctuation, which a mention
    # otherwise leaves out: the Source was named "moon".
    claims = pipeline.process(claimkit.build_document("story", text)).claims
    assert [c.source.name for c in claims if c.kind == "statement" and c.source] == [name]
