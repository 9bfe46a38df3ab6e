"""The demands extractor and its scorer, on sentences written for these tests."""

from collections.abc import Callable

import pytest

import claimkit
from claimkit.evaluate import demands as scorer
from claimkit.extractors.demands import DemandCategory
from claimkit.types import Claim, Demand, Span

DCT = "2024-03-04"


@pytest.fixture(scope="module")
def pipeline() -> claimkit.Pipeline:
    return claimkit.Pipeline()


Find = Callable[[str], list[Claim]]


def _demands(pipeline: claimkit.Pipeline, text: str) -> list[Claim]:
    result = pipeline.process(claimkit.build_document("t", text, dct=DCT))
    assert not result.problems, result.problems
    return [c for c in result.claims if c.kind == "demand"]


@pytest.fixture(scope="module")
def find(pipeline: claimkit.Pipeline) -> Find:
    return lambda text: _demands(pipeline, text)


def data(claim: Claim) -> Demand:
    assert isinstance(claim.data, Demand)
    return claim.data


def text_of(span: Span | None) -> str | None:
    return span.text if span is not None else None


def test_coordinated_actions_are_separate_claims(find: Find) -> None:
    claims = find(
        "The European Union urged Myanmar to free the jailed journalists, lift the curfew "
        "in Yangon and hold talks with the opposition."
    )
    assert [text_of(c.content) for c in claims] == [
        "free the jailed journalists",
        "lift the curfew in Yangon",
        "hold talks with the opposition",
    ]
    assert [data(c).category for c in claims] == [
        "prisoner_release",
        "restrictions_easing",
        "meeting_negotiation",
    ]
    for claim in claims:
        assert text_of(claim.source_mention) == "The European Union"
        assert text_of(data(claim).addressee) == "Myanmar"
        assert text_of(claim.cue) == "urged"
        assert data(claim).strength == "appeal"
    # The first action's evidence reaches back to the demander; later ones stand alone.
    assert (
        claims[0].evidence.text == "The European Union urged Myanmar to free the jailed journalists"
    )
    assert claims[2].evidence.text == "hold talks with the opposition"


def test_pressure_is_a_demand_with_composed_cameo_code(find: Find) -> None:
    (claim,) = find("Germany is pressing Iran to release the detained aid workers.")
    assert data(claim).strength == "demand"
    assert data(claim).cameo == "1053"
    assert data(claim).plover == "REQUEST/yield"


def test_conditional_threat_has_condition_and_consequence(find: Find) -> None:
    (claim,) = find(
        "Unless Caracas frees the detained journalists, Washington will impose new sanctions "
        "on the oil sector, the envoy said."
    )
    demand = data(claim)
    assert demand.strength == "threat"
    assert text_of(demand.condition) == "Unless Caracas frees the detained journalists"
    assert text_of(demand.consequence) == "impose new sanctions on the oil sector"
    assert text_of(claim.content) == "frees the detained journalists"
    assert text_of(claim.source_mention) == "Washington"
    assert text_of(demand.addressee) == "Caracas"
    assert demand.category == "prisoner_release"
    assert demand.cameo == "1312"  # threaten with sanctions
    assert demand.reported_by is not None and demand.reported_by.name == "the envoy"


def test_negative_if_condition_is_a_threat(find: Find) -> None:
    (claim,) = find(
        "If Belgrade does not offer real concessions on minority rights, Brussels will "
        "suspend the accession talks."
    )
    assert data(claim).strength == "threat"
    assert text_of(claim.content) == "real concessions on minority rights"
    assert text_of(claim.source_mention) == "Brussels"
    assert text_of(data(claim).addressee) == "Belgrade"


def test_nominal_call_by_for_to(find: Find) -> None:
    (claim,) = find(
        "Repeated calls by human rights groups for Ankara to release the jailed activists "
        "have gone unanswered."
    )
    assert text_of(claim.cue) == "calls by human rights groups for"
    assert text_of(claim.source_mention) == "human rights groups"
    assert text_of(data(claim).addressee) == "Ankara"
    assert text_of(claim.content) == "release the jailed activists"
    assert data(claim).category == "prisoner_release"


def test_deontic_report_is_the_speakers_demand(find: Find) -> None:
    (claim,) = find("The foreign minister said Pyongyang must halt its missile tests.")
    assert text_of(claim.cue) == "must"
    assert text_of(claim.source_mention) == "The foreign minister"
    assert text_of(data(claim).addressee) == "Pyongyang"
    assert text_of(claim.content) == "halt its missile tests"
    assert data(claim).strength == "demand"
    assert data(claim).reported_by is None


def test_sought_object_with_from_addressee(find: Find) -> None:
    (claim,) = find("The delegation is seeking guarantees from Moscow on the grain corridor.")
    assert text_of(claim.content) == "guarantees from Moscow on the grain corridor"
    assert text_of(data(claim).addressee) == "Moscow"
    assert text_of(claim.source_mention) == "The delegation"


def test_protest_without_demand_yields_nothing(find: Find) -> None:
    assert (
        find(
            "Thousands of people marched through the capital on Sunday to protest against "
            "rising fuel prices."
        )
        == []
    )


# News sentences that demand nothing: reports, forecasts, intentions, promises,
# economic "demand", plain questions and conditionals without a threat.
NO_DEMAND = [
    "The central bank said inflation should ease later this year.",
    "Demand for crude oil rose sharply in the first quarter.",
    "The company plans to close two factories in Ohio next year.",
    "Analysts warned that the currency would weaken further.",
    "The minister asked a question about the budget during the session.",
    "The coalition seeks to expand trade with its southern neighbours.",
    "The senator is seeking re-election in November.",
    "If the rain continues, the harvest will be delayed.",
    "Officials said the talks would resume on Tuesday in Geneva.",
    "She called the decision a betrayal of voters.",
    "The government has come under pressure over rising rents.",
    "If elected, he will cut taxes for small businesses.",
    "The president met his French counterpart in Paris on Monday.",
    "Police said the suspect had been released on bail.",
    "Unless it rains, the match will start at noon.",
]


@pytest.mark.parametrize("sentence", NO_DEMAND)
def test_no_demand(find: Find, sentence: str) -> None:
    assert find(sentence) == []


def test_step_list_refers_back_to_earlier_demand(find: Find) -> None:
    claims = find(
        "The ministry said it was discussing with the Russians what steps they might take. "
        "These steps are freeing the detained sailors and returning the seized ships."
    )
    assert [text_of(c.content) for c in claims] == [
        "freeing the detained sailors",
        "returning the seized ships",
    ]
    assert {text_of(c.source_mention) for c in claims} == {"The ministry"}
    assert {text_of(data(c).addressee) for c in claims} == {"the Russians"}


class PressFreedom:
    """A plugin adding a category through the ``claimkit_demand_categories`` hook."""

    @claimkit.hookimpl
    def claimkit_demand_categories(self) -> list[DemandCategory]:
        return [
            DemandCategory(
                key="press_freedom",
                label="Press freedom",
                cameo={"appeal": "0243", "demand": "1043"},
                plover="change",
                actions=("release", "free", "lift"),
                objects=("journalist", "reporter", "censorship"),
                terms=("press freedom",),
            )
        ]


def test_plugin_category(find: Find) -> None:
    sentence = "Reporters Without Borders urged Minsk to release the jailed journalists."
    assert [data(c).category for c in find(sentence)] == ["prisoner_release"]
    with_plugin = claimkit.Pipeline(plugins=[PressFreedom()])
    (claim,) = _demands(with_plugin, sentence)
    assert data(claim).category == "press_freedom"
    assert data(claim).cameo == "0243"
    (claim,) = _demands(with_plugin, "The union called on Ankara to lift censorship of the media.")
    assert data(claim).category == "press_freedom"


def _gold(doc: str, evidence: Span, **fields: str) -> dict[str, object]:
    return {
        "doc": doc,
        "evidence": {"text": evidence.text, "start": evidence.start, "end": evidence.end},
        **fields,
    }


def test_scorer_counts_matches_misses_and_extras(find: Find) -> None:
    text = "The European Union urged Myanmar to free the jailed journalists and hold talks."
    claims = find(text)
    assert len(claims) == 2
    first, second = claims
    gold = [
        _gold("t", first.evidence, demander="the Myanmar junta", addressee="Myanmar",
              action="free the jailed journalists", category="prisoner_release"),
        _gold("t", Span.of(text, 0, 3), demander="we", category="ceasefire"),
        _gold("u", Span.of("x" * 20, 0, 20), category="ceasefire"),
    ]  # fmt: skip
    section = scorer.score(gold, {"t": claims})
    assert section.get("demands precision") == pytest.approx(1 / 2)
    assert section.get("demands recall") == pytest.approx(1 / 3)
    assert section.get("demander accuracy") == 0.0
    assert section.get("addressee accuracy") == 1.0
    assert any(e.startswith("extra t:") and "hold talks" in e for e in section.errors)
    assert sum(e.startswith("miss") for e in section.errors) == 2
    assert second.evidence.text in "".join(section.errors)


def test_scorer_head_match_and_pronouns() -> None:
    assert scorer.same_head("The United States", ["the United States"])
    assert scorer.same_head("She", ["she"])
    assert scorer.same_head("the government of Sudan", ["Sudan's government"])
    assert not scorer.same_head("the government of Sudan", ["Sudan"])
    assert scorer.head_word("the government of Sudan") == "government"
    assert scorer.head_word("A U.S. delegation") == "delegation"
