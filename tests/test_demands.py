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
    # Wire copy the demands extractor once read as demands: a speaker's own obligation,
    # epistemic should, economic demand, laws and instruments that "require" or "call
    # for", warnings that press no one.
    "Peladeau said he would have to install another paper machine.",
    "Peladeau said the companies will have to install another paper machine or build "
    "another mill to meet their demands.",
    "Douglas said Dean should experience a 20 pct improvement in its bottom line.",
    "The report said lower export taxes should lead to a modest increase in exports.",
    "Warmer weather in Europe reduced demand for oil.",
    "WPPSS had overstated the demand for power in the region.",
    "Demand for ships remained weak, brokers said.",
    "Legislation would require disclosure of all cash deposits.",
    "Federal law requires banks to report all cash deposits to the Treasury.",
    "The agreement calls for minimum payments of 16.5 mln dlrs this year.",
    "The sale, expected to close in April, also calls for retirement of the unit's debt.",
    "The project calls for construction of a 400 mln dlr plant.",
    "Terms of the extension require the company to obtain new financing by June 30.",
    "Trading houses will be required to show an export certificate.",
    "One Republican strategist warned against expecting a dramatic turnaround.",
    "Soviet mercury sales threaten to capture a quarter of the market.",
    "Her bank will sooner or later have to punish firms that fail to repay.",
    "The strategist, who requested anonymity, spoke after the meeting.",
    "Taiwan would further reduce import tariffs on 1,700 products, an official said.",
    "The company said it will stop making insulators for missiles.",
    "A banker said it will be a good idea for our banks to take part in the loan if we "
    "want to start in the international lending market.",
    "Farmers must be encouraged to cut production, the minister said.",
    "Requests for barley were mostly for the Soviet Union.",
    "Gulf barge freight rates rose on demand for barges to supply those ships.",
    "Syria calls white sugar buying tenders for forward delivery.",
    "The provision was intended to encourage estates to sell stock to employees.",
    "Analysts said prices should rise in the second quarter.",
    "The company said output must increase to meet new orders.",
    "The mayor set a deadline to finish the bridge by June.",
    "Washington issued a travel warning for U.S. citizens in the region.",
    "Thousands of workers went on strike on Monday over pay.",
    "The bank said its unit must raise new capital this year.",
]


@pytest.mark.parametrize("sentence", NO_DEMAND)
def test_no_demand(find: Find, sentence: str) -> None:
    assert find(sentence) == []


def test_deontic_report_said_after_the_content(find: Find) -> None:
    (claim,) = find("Israel must end its attacks on Syria, the Russian foreign ministry said.")
    assert text_of(claim.source_mention) == "the Russian foreign ministry"
    assert text_of(data(claim).addressee) == "Israel"
    assert text_of(claim.content) == "end its attacks on Syria"


def test_must_be_ready_to_act(find: Find) -> None:
    (claim,) = find("The minister said the European Union must be ready to mediate in Ukraine.")
    assert text_of(claim.content) == "mediate in Ukraine"
    assert data(claim).category == "mediation"


def test_call_for_sanctions_against_a_party_threatens_it(find: Find) -> None:
    (claim,) = find("The opposition leader called for sanctions against the state oil company.")
    demand = data(claim)
    assert (demand.strength, demand.cameo, demand.plover) == (
        "threat",
        "1312",
        "THREATEN/restrict",
    )
    assert text_of(demand.addressee) == "the state oil company"


def test_announced_hostile_act_is_a_threat(find: Find) -> None:
    (claim,) = find("The government announced it would boycott the summit in Cape Town.")
    demand = data(claim)
    assert demand.strength == "threat"
    assert text_of(claim.source_mention) == "The government"
    assert text_of(demand.addressee) == "the summit in Cape Town"
    assert text_of(demand.consequence) == "boycott the summit in Cape Town"


def test_deadline_given_to_a_party(find: Find) -> None:
    (claim,) = find("Manila gave Ottawa a May 15 deadline to remove the waste.")
    demand = data(claim)
    assert demand.strength == "threat"
    assert text_of(demand.addressee) == "Ottawa"
    assert text_of(claim.content) == "remove the waste"
    assert text_of(claim.source_mention) == "Manila"


def test_threat_noun_with_its_maker(find: Find) -> None:
    claims = find("The move followed threats by the president that he would expel the ambassador.")
    assert [data(c).strength for c in claims] == ["threat"]
    assert text_of(claims[0].source_mention) == "the president"


def test_document_demands_for_its_issuer(find: Find) -> None:
    (claim,) = find("The Senate passed a resolution calling on Moscow to release the sailors.")
    assert text_of(claim.source_mention) == "The Senate"
    assert text_of(data(claim).addressee) == "Moscow"


def test_penalty_is_not_a_second_action(find: Find) -> None:
    claims = find("The ministry urged the farmers to halt oats production or lose benefits.")
    assert [text_of(c.content) for c in claims] == ["halt oats production"]


def test_protest_stating_a_demand_is_a_demand(find: Find) -> None:
    claims = find(
        "Protesters marched through Minsk on Sunday, demanding the release of jailed "
        "opposition leaders."
    )
    assert [data(c).category for c in claims] == ["prisoner_release"]
    assert [text_of(c.source_mention) for c in claims] == ["Protesters"]


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


def _only(find: Find, text: str) -> Claim:
    (claim,) = find(text)
    return claim


def test_agentive_nominal_names_its_doer_as_addressee(find: Find) -> None:
    claim = _only(
        find, "The opposition demanded the withdrawal of all government troops from the north."
    )
    assert text_of(data(claim).addressee) == "all government troops"
    claim = _only(
        find, "The Arab League demanded an emergency session of the U.N. General Assembly."
    )
    assert text_of(data(claim).addressee) == "the U.N. General Assembly"


def test_coordinated_addressees_are_one_mention(find: Find) -> None:
    claim = _only(
        find,
        "The court ordered Smith and his former business partner Jane Doe to appear before "
        "the tribunal.",
    )
    assert text_of(data(claim).addressee) == "Smith and his former business partner Jane Doe"


def test_bare_subjunctive_after_the_object(find: Find) -> None:
    claim = _only(
        find,
        "The foreign minister is demanding the Ethiopian government allow aid convoys into Tigray.",
    )
    assert text_of(data(claim).addressee) == "the Ethiopian government"
    assert text_of(claim.content) == "allow aid convoys into Tigray"
    assert data(claim).category == "prison_access"


def test_for_clause_addressee_and_act(find: Find) -> None:
    claim = _only(
        find, "Protesters are pushing hard for the city council to scrap the new parking rules."
    )
    assert text_of(data(claim).addressee) == "the city council"
    assert text_of(claim.content) == "scrap the new parking rules"


def test_letter_that_presses_presses_its_recipient(find: Find) -> None:
    claim = _only(
        find,
        "The president sent a letter to the head of the IMF urging the fund to ease the "
        "loan terms.",
    )
    assert text_of(data(claim).addressee) == "the head of the IMF"


def test_ultimatum_to_a_group_without_its_topic(find: Find) -> None:
    claim = _only(
        find, "The minister issued an ultimatum to her coalition partners over the budget."
    )
    assert data(claim).strength == "threat"
    assert text_of(data(claim).addressee) == "her coalition partners"


def test_passive_subjunctive_presses_the_agent_or_no_one(find: Find) -> None:
    claim = _only(
        find, "The union leader demanded that the contracts be reviewed by an independent auditor."
    )
    assert text_of(data(claim).addressee) == "an independent auditor"
    assert text_of(claim.content) == "the contracts be reviewed by an independent auditor"
    claim = _only(find, "Robert Gates asked that his name be withdrawn from nomination.")
    assert data(claim).addressee is None


def test_refuge_sought_in_a_named_region(find: Find) -> None:
    claim = _only(find, "Thousands of Sudanese have sought refuge in Chad's Ouaddai region.")
    assert text_of(data(claim).addressee) == "Chad's Ouaddai region"


def test_time_adjunct_does_not_set_the_category(find: Find) -> None:
    claim = _only(
        find,
        "The envoy called on Seoul to restore ties with Tokyo ahead of talks to be held in "
        "Geneva next week.",
    )
    assert data(claim).category == "diplomatic_cooperation"


def test_letting_a_stopped_activity_resume_eases_restrictions(find: Find) -> None:
    claim = _only(find, "The ministry asked the regulator to let the station resume broadcasting.")
    assert data(claim).category == "restrictions_easing"


def test_scorer_heads_skip_clauses_and_participles() -> None:
    assert scorer.head_word("the council that oversees the holy sites") == "council"
    assert scorer.head_word("people who work for it") == "people"
    assert scorer.head_word("British forces based in the city of Vitez") == "forces"
    assert scorer.head_word("the king of Jordan") == "king"
    assert scorer.head_word("a regional meeting of ministers") == "meeting"
    assert scorer.same_head("their", ["they"])


def test_an_open_quotation_at_the_end_of_the_text_keeps_the_evidence_inside_it(
    pipeline: claimkit.Pipeline,
) -> None:
    # The evidence is widened to a closing quotation mark only where there is one: at
    # the end of the text there is nothing to widen to (found by the property test).
    text = 'WASHINGTON urged " 0'
    result = pipeline.process(claimkit.build_document("story", text))
    assert result.problems == ()
    assert all(c.evidence.end <= len(text) for c in result.claims)
