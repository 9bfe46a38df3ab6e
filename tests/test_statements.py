"""The attributed-statements extractor and the resolution of their sources."""

import functools

import pytest

import claimkit
from claimkit import Claim
from claimkit.extractors.statements.quotes import quote_spans
from claimkit.plugins import PluginError


@pytest.fixture(scope="module")
def pipeline() -> claimkit.Pipeline:
    return claimkit.Pipeline(disable=["numbers"])


@functools.cache
def attribution_pipeline() -> claimkit.Pipeline:
    """The pipeline of the attribution scope, as PolNeAR counts attributions; built once."""
    return claimkit.Pipeline(disable=["numbers"], options={"statements_scope": "attribution"})


def statements(pipeline: claimkit.Pipeline, text: str, dct: str = "2003-03-12") -> list[Claim]:
    document = claimkit.build_document("story", text, dct=dct)
    return [c for c in pipeline.process(document).claims if c.kind == "statement"]


def summary(claim: Claim) -> tuple[str, str, str, str | None]:
    assert claim.source_mention is not None and claim.cue is not None
    assert claim.content is not None
    return claim.source_mention.text, claim.cue.text, claim.content.text, claim.style


def test_indirect_statement_after_its_content(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(
        pipeline, "The mine will close before the winter, company officials said on Tuesday."
    )
    assert summary(claim) == (
        "company officials",
        "said",
        "The mine will close before the winter",
        "indirect",
    )
    assert claim.source is not None and claim.source.kind == "anonymous_group"


def test_said_that_keeps_the_complementizer(pipeline: claimkit.Pipeline) -> None:
    # PolNeAR's convention: the complementizer is part of the content.
    (claim,) = statements(pipeline, "The minister said that the border would reopen next week.")
    assert summary(claim) == (
        "The minister",
        "said",
        "that the border would reopen next week",
        "indirect",
    )


def test_direct_quote_keeps_its_marks(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(pipeline, '"We have no money left for the harvest," the farmer said.')
    assert summary(claim) == (
        "the farmer",
        "said",
        '"We have no money left for the harvest,"',
        "direct",
    )


def test_mixed_quote_and_auxiliary_in_the_cue(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(
        pipeline, 'The governor has promised to "fix every road in the county" by 2005.'
    )
    mention, cue, content, style = summary(claim)
    assert (mention, cue, style) == ("The governor", "has promised", "mixed")
    assert content.startswith('to "fix every road in the county"')


def test_quotation_over_several_sentences_is_one_content(pipeline: claimkit.Pipeline) -> None:
    text = (
        'The coach said the defeat "was our worst in years. Nobody played well. '
        'We will train harder."\n'
    )
    (claim,) = statements(pipeline, text)
    assert claim.content is not None
    assert claim.content.text.endswith('We will train harder."')
    assert claim.style == "mixed"


def test_document_as_source(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(
        pipeline, "The audit states that the ministry lost track of 40 trucks in 2001."
    )
    assert claim.source is not None and claim.source.kind == "document"
    assert summary(claim)[:2] == ("The audit", "states")


def test_according_to(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(
        pipeline, "According to the Health Ministry, 30 people were taken to hospital."
    )
    assert summary(claim)[:3] == (
        "the Health Ministry",
        "According to",
        "30 people were taken to hospital",
    )
    assert claim.source is not None and claim.source.kind == "organization"


def test_belief_with_a_named_source(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(pipeline, "Farmers fear the drought will last another year.")
    assert summary(claim)[:3] == ("Farmers", "fear", "the drought will last another year")


def test_a_noun_object_is_not_a_statement_by_rules_alone() -> None:
    rules = claimkit.Pipeline(disable=["numbers"], options={"statements_rules_only": True})
    assert statements(rules, "The union stressed the importance of the talks.") == []
    assert statements(rules, "The mayor is expected to visit the flooded villages.") == []


def test_the_object_of_a_learned_cue_is_its_content(pipeline: claimkit.Pipeline) -> None:
    # PolNeAR counts what a source says of a thing as an attribution, the thing and
    # what is said of it together.
    (claim,) = statements(pipeline, "The governor denied the allegations on Friday.")
    assert summary(claim)[:3] == ("The governor", "denied", "the allegations")
    (claim,) = statements(pipeline, "Ms. Ortega called the audit a political stunt.")
    assert summary(claim)[:3] == ("Ms. Ortega", "called", "the audit a political stunt")
    assert statements(pipeline, "The mayor is expected to visit the flooded villages.") == []


def test_a_cue_with_a_preposition_takes_its_object(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(pipeline, "On Monday the senator railed against the new tariffs.")
    assert summary(claim)[:3] == ("the senator", "railed against", "the new tariffs")


def test_coordinated_cues_share_the_subject(pipeline: claimkit.Pipeline) -> None:
    claims = statements(
        pipeline,
        "Rossi has vowed to cut taxes but also said the budget will not be balanced this year.",
    )
    assert [summary(c)[:2] for c in claims] == [("Rossi", "has vowed"), ("Rossi", "also said")]
    assert claims[0].content is not None
    assert "budget" not in claims[0].content.text


def test_role_and_affiliation(pipeline: claimkit.Pipeline) -> None:
    text = (
        "Anna Berg, the agency's chief economist, said inflation would ease. "
        "Peter Lund of the Nordic Bank said rates would stay high."
    )
    first, second = statements(pipeline, text)
    assert first.source is not None and second.source is not None
    assert first.source.role == "the agency's chief economist"
    assert first.source.name == "Anna Berg"
    assert second.source.affiliation == "the Nordic Bank"
    assert first.source.kind == second.source.kind == "person"


def test_one_source_per_speaker(pipeline: claimkit.Pipeline) -> None:
    text = (
        "The strike will spread to the ports, one union official said.\n"
        "The talks collapsed at midnight, the official said.\n"
        "The government had made no offer, he said.\n"
        "Workers would return if wages rose, a second official said.\n"
        "The strike would not end soon, the first official said."
    )
    claims = statements(pipeline, text)
    assert len(claims) == 5
    ids = [c.source.id for c in claims if c.source is not None]
    assert ids[0] == ids[1] == ids[2] == ids[4]
    assert ids[3] != ids[0]
    first = claims[0].source
    assert first is not None
    assert [m.text for m in first.mentions] == [
        "one union official",
        "the official",
        "he",
        "the first official",
    ]


def test_names_link_to_their_full_form(pipeline: claimkit.Pipeline) -> None:
    text = (
        "Foreign Minister Maria Lopez said the embassy would stay open. "
        "Lopez said the staff were safe. "
        "She said talks would resume on Friday."
    )
    claims = statements(pipeline, text)
    assert len(claims) == 3
    assert len({c.source.id for c in claims if c.source is not None}) == 1
    assert claims[2].source is not None and claims[2].source.name.endswith("Maria Lopez")


def test_pronoun_skips_sources_inside_its_own_content(pipeline: claimkit.Pipeline) -> None:
    text = (
        "The ambassador said the visit went well.\n"
        "Governor Olsen had promised to build a new bridge, he said."
    )
    claims = statements(pipeline, text)
    he = next(c for c in claims if c.source_mention is not None and c.source_mention.text == "he")
    assert he.source is not None and he.source.name == "The ambassador"


def test_speech_date_is_linked(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(
        pipeline, "The factory will reopen in June, managers said on Monday.", dct="2003-03-12"
    )
    assert claim.said_on == "2003-03-10"
    assert [t.value for t in claim.times] == ["2003-06", "2003-03-10"]
    assert claim.times[-1].function == "SPEECH_TIME"


def test_header_lines_are_not_statements(pipeline: claimkit.Pipeline) -> None:
    text = (
        "Published by Example Wire - Monday, March 10, 2003\n"
        "LONDON (Reuters) - The bank said it would raise rates."
    )
    (claim,) = statements(pipeline, text)
    assert claim.evidence.start > text.index("LONDON")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes" and left.', ['"yes"']),
        ("“Curly,” she said, “quotes.”", ["“Curly,”", "“quotes.”"]),
        ('"First paragraph.\n"Second paragraph."', ['"First paragraph.\n"Second paragraph."']),
        ('"Never closed.\nNext paragraph.', ['"Never closed.']),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == expected


def test_trailing_appositive_source(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(
        pipeline,
        "The port will stay closed, the harbour's director, Jan Visser, said on Friday.",
    )
    assert summary(claim)[1:3] == ("said", "The port will stay closed")
    assert claim.source is not None
    assert (claim.source.name, claim.source.role, claim.source.kind) == (
        "Jan Visser",
        "the harbour's director",
        "person",
    )


def test_coordinated_attribution_after_its_content(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(
        pipeline, "Prices must come down before the winter, union leader Karl Marek said on Monday."
    )
    assert summary(claim)[:3] == (
        "union leader Karl Marek",
        "said",
        "Prices must come down before the winter",
    )


def test_a_date_is_not_part_of_the_source(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(pipeline, "Officials in Moscow on Monday said the talks had failed.")
    assert claim.source_mention is not None
    assert claim.source_mention.text == "Officials in Moscow"


def test_learned_cues_and_the_rules_only_mode() -> None:
    text = "The senator blasted the plan as reckless."
    learned = claimkit.Pipeline(disable=["numbers"]).process(claimkit.build_document("t", text))
    rules = claimkit.Pipeline(disable=["numbers"], options={"statements_rules_only": True}).process(
        claimkit.build_document("t", text)
    )
    assert [(c.cue.text, c.content.text) for c in learned.claims if c.kind == "statement"] == [
        ("blasted", "the plan as reckless")
    ]
    assert [c for c in rules.claims if c.kind == "statement"] == []


def test_a_pronoun_keeps_to_its_gender(pipeline: claimkit.Pipeline) -> None:
    text = (
        "Mrs. Olsen said the school would close.\n"
        "Mr. Berg said the parents were angry.\n"
        "She said the decision was final."
    )
    claims = statements(pipeline, text)
    she = next(c for c in claims if c.source_mention is not None and c.source_mention.text == "She")
    assert she.source is not None and "Olsen" in she.source.name


def test_speaker_labels_with_a_colon(pipeline: claimkit.Pipeline) -> None:
    text = (
        "HOST: Welcome back to the show.\n"
        "Maria Lopez: The embassy will stay open\n"
        "UPDATE: The vote was delayed.\n"
        "At 7:45 a.m. the polls opened."
    )
    claims = statements(pipeline, text)
    assert [summary(c)[:3] for c in claims] == [
        ("HOST", ":", "Welcome back to the show"),
        ("Maria Lopez", ":", "The embassy will stay open"),
    ]


def test_quotation_signed_with_a_dash(pipeline: claimkit.Pipeline) -> None:
    text = "“The bridge scares me. It shakes.” ―Ana Ruiz\nPrices rose 5 percent - a record."
    (claim,) = statements(pipeline, text)
    assert summary(claim) == ("Ana Ruiz", "―", "“The bridge scares me. It shakes.”", "direct")


def test_a_source_of_several_conjuncts_is_one_mention(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(pipeline, "Officials, diplomats and experts said the talks had failed.")
    assert claim.source_mention is not None
    assert claim.source_mention.text == "Officials, diplomats and experts"
    assert claim.source is not None and claim.source.kind == "anonymous_group"


def test_cue_nouns_with_their_owner(pipeline: claimkit.Pipeline) -> None:
    claims = statements(
        pipeline,
        "The mayor repeated her claim that the budget was balanced. "
        "The claim that he lied is false.",
    )
    assert [summary(c)[:3] for c in claims] == [("her", "claim", "that the budget was balanced")]
    assert claims[0].source is not None and claims[0].source.name == "The mayor"


def test_an_attribution_inside_what_it_reports(pipeline: claimkit.Pipeline) -> None:
    # PolNeAR marks the two halves as one content; its hull holds source and cue.
    (claim,) = statements(pipeline, "The bridge, the engineer said, would open in May.")
    assert summary(claim)[:3] == (
        "the engineer",
        "said",
        "The bridge, the engineer said, would open in May",
    )
    (claim,) = statements(pipeline, "As the minister noted, the port has been closed for weeks.")
    assert summary(claim)[:3] == ("the minister", "noted", "the port has been closed for weeks")


def test_participles_take_the_source_they_hang_on(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(pipeline, "Ms. Diaz ended the debate by saying that taxes would fall.")
    assert summary(claim)[:3] == ("Ms. Diaz", "saying", "that taxes would fall")
    (claim,) = statements(pipeline, "The share of farmers saying the levy was unfair has doubled.")
    assert summary(claim)[:3] == ("The share of farmers", "saying", "the levy was unfair")


def test_two_apostrophes_quote_as_a_double_quote(pipeline: claimkit.Pipeline) -> None:
    text = "''We will rebuild the pier,'' the harbor master said. ''It will take a year.''"
    assert quote_spans(text) == [(0, 29), (54, 78)]
    (claim,) = statements(pipeline, text)
    assert summary(claim) == ("the harbor master", "said", text, "direct")


def test_a_quotation_continues_past_a_long_attribution(pipeline: claimkit.Pipeline) -> None:
    # PolNeAR's content is the hull of the two quoted pieces, however long the words that
    # describe the speaker between them.
    (claim,) = statements(
        pipeline,
        '"There are two kinds of harvest," she told the growers, a crowd of farmers and '
        'traders from three provinces. "One feeds the village and one feeds the bank."',
    )
    assert claim.content is not None
    assert claim.content.text.startswith('"There are two kinds')
    assert claim.content.text.endswith('feeds the bank."')


def test_a_quotation_continues_past_a_participle_and_a_title(
    pipeline: claimkit.Pipeline,
) -> None:
    # A cue or a quoted title inside the attribution sentence does not end the quotation:
    # PolNeAR's content runs on to the quoted sentence after it.
    claims = statements(
        pipeline,
        '"The river has never been this low," the mayor said on KRTV\'s "Valley Hour," '
        'adding that the ferry would stop. "We will truck the grain to the coast."',
    )
    (claim,) = [c for c in claims if c.cue is not None and c.cue.text == "said"]
    assert claim.content is not None
    assert claim.content.text.startswith('"The river')
    assert claim.content.text.endswith('to the coast."')


def test_a_quotation_with_its_own_attribution_is_not_continued(
    pipeline: claimkit.Pipeline,
) -> None:
    # '"Q2," she added' is a statement of its own, whether or not its cue is found.
    claims = statements(
        pipeline,
        '"The harvest was poor," the farmer said. "We sold the goats," she went on.',
    )
    (claim,) = [c for c in claims if c.cue is not None and c.cue.text == "said"]
    assert claim.content is not None and claim.content.text == '"The harvest was poor,"'


@pytest.mark.parametrize(
    "text",
    [
        "The senator blamed the ministry for the shortages during a rally in Dayton.",
        "The senator praised the farmers at a rally on Tuesday.",
    ],
)
def test_an_object_content_stops_before_its_occasion(
    pipeline: claimkit.Pipeline, text: str
) -> None:
    # When and where it was said is not what was said (PolNeAR).
    claims = statements(pipeline, text)
    (claim,) = [c for c in claims if c.cue is not None and c.cue.text in ("blamed", "praised")]
    assert claim.content is not None
    assert claim.content.text in ("the ministry for the shortages", "the farmers")


def test_a_content_resumes_after_its_attribution(pipeline: claimkit.Pipeline) -> None:
    # "Y1, X says, Y2": PolNeAR's content is the hull of the two pieces.
    claims = statements(
        pipeline,
        "Things have changed in the valley, she says, especially in the villages where "
        "the mills closed.",
    )
    (claim,) = [c for c in claims if c.cue is not None and c.cue.text == "says"]
    assert claim.content is not None
    assert claim.content.text.startswith("Things have changed")
    assert claim.content.text.endswith("where the mills closed")


def test_an_object_content_runs_over_an_infinitive_on_the_verb(
    pipeline: claimkit.Pipeline,
) -> None:
    # The parser hangs "to ask ..." on the verb; PolNeAR's content runs over it.
    claims = statements(
        pipeline, "The governor called the radio station to ask listeners to save water."
    )
    (claim,) = [c for c in claims if c.cue is not None and c.cue.text == "called"]
    assert claim.content is not None
    assert claim.content.text == "the radio station to ask listeners to save water"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The senator denounced the deal, which would close two mills in the valley.",
            "denounced",
            "the deal",
        ),
        (
            "The governor praised the new dam, a project that took ten years to finish.",
            "praised",
            "the new dam",
        ),
    ],
)
def test_an_object_content_leaves_out_the_writers_aside(
    pipeline: claimkit.Pipeline, text: str, cue: str, content: str
) -> None:
    claims = statements(pipeline, text)
    (claim,) = [c for c in claims if c.cue is not None and c.cue.text == cue]
    assert claim.content is not None and claim.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        '"The river is too low for the barges," the mayor said, referring to the drought.',
        '"We will not sell the mill," the owner said, citing the letters from the workers.',
    ],
)
def test_a_trailing_participle_does_not_take_the_quotation_before_it(
    pipeline: claimkit.Pipeline, text: str
) -> None:
    # ', citing X' speaks of X; the quotation is the first verb's (PolNeAR).
    for claim in statements(pipeline, text):
        assert claim.cue is not None and claim.content is not None
        if claim.cue.text != "said":
            assert not claim.content.text.startswith('"')


def test_an_object_content_runs_over_its_prepositions(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(pipeline, "The prosecutor charged the trader with hiding the grain.")
    assert summary(claim)[:3] == (
        "The prosecutor",
        "charged",
        "the trader with hiding the grain",
    )


def test_sourceless_attributions_only_in_the_attribution_scope(
    pipeline: claimkit.Pipeline,
) -> None:
    # PolNeAR counts what no one is named for; the seed stories, like a reader, do not.
    text = (
        "The new bridge is expected to open in the spring. "
        "It was reported that the ferry would stop running. "
        "The harbour master seemed to be losing patience with the council."
    )
    assert statements(pipeline, text) == []
    sourceless = attribution_pipeline()
    found = [
        c
        for c in sourceless.process(claimkit.build_document("story", text)).claims
        if c.kind == "statement"
    ]
    assert [(c.source, c.source_mention) for c in found] == [(None, None)] * 3
    assert [
        (c.cue.text if c.cue else None, c.content.text if c.content else None) for c in found
    ] == [
        ("is expected", "The new bridge is expected to open in the spring"),
        ("was reported", "that the ferry would stop running"),
        ("seemed", "The harbour master seemed to be losing patience with the council"),
    ]


def test_a_participle_after_the_content_is_its_own_statement(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The mayor said the bridge would reopen in May, saying that the repairs were nearly done.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("The mayor", "said", "the bridge would reopen in May"),
        ("The mayor", "saying", "that the repairs were nearly done"),
    ]


def test_the_source_mention_is_the_whole_noun_phrase(pipeline: claimkit.Pipeline) -> None:
    # PolNeAR marks the source with what describes it and the comma that closes that;
    # the Source's name stays the name.
    (claim,) = statements(
        pipeline,
        "Sen. Maria Lopez (D-Ore.), one of the bill's authors, said the vote would be close.",
    )
    assert claim.source_mention is not None and claim.source is not None
    assert claim.source_mention.text == "Sen. Maria Lopez (D-Ore.), one of the bill's authors,"
    assert "Maria Lopez" in claim.source.name


def test_a_preposed_quotation_without_the_sentence_before(pipeline: claimkit.Pipeline) -> None:
    # Where the parser runs the sentence before into the quotation's, the content is
    # still the quotation; a quotation inside the clause keeps the whole clause.
    found = statements(
        pipeline,
        "He became speaker late last year.  "
        '"There is no question that he is ambitious," said Peter Wehner.',
    )
    assert [summary(c)[:3] for c in found] == [
        ("Peter Wehner", "said", '"There is no question that he is ambitious,"')
    ]
    (claim,) = statements(pipeline, 'The economy is "in trouble," he said.')
    assert summary(claim) == ("he", "said", 'The economy is "in trouble,"', "mixed")


def test_a_passive_cue_with_its_agent(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline,
        "The plan was criticized by several senators. "
        "The mayor was told by aides that the budget had run out.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("several senators", "was criticized", "The plan"),
        ("aides", "was told", "that the budget had run out"),
    ]


def test_a_that_clause_hung_on_the_noun_after_the_cue(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(
        pipeline,
        "April Mellody, a spokeswoman for the port, said in a statement that the cranes "
        "would be replaced.",
    )
    assert summary(claim)[1:3] == ("said", "that the cranes would be replaced")


def test_adjective_cues(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline,
        "The union leaders are convinced that the factory will close. "
        "The columnist has been critical of the mayor. The bridge is old.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("The union leaders", "are convinced", "that the factory will close"),
        ("The columnist", "has been critical of", "the mayor"),
    ]


def test_a_learned_cue_does_not_take_the_quotation_before_it(
    pipeline: claimkit.Pipeline,
) -> None:
    # "called" is the scorer's cue; the quotation before it is a nickname, not what the
    # mayor said, and the mayor's content is the object with what is said of it.
    found = statements(
        pipeline,
        'Critics gave him a nickname, "the Bulldozer." The mayor called the plan a success.',
    )
    assert [summary(c)[:3] for c in found] == [("The mayor", "called", "the plan a success")]


def test_no_statement_inside_a_quotation(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline,
        'The union says the mayor is part of the "same old system that he claims he is '
        'going to change."',
    )
    assert [summary(c)[:2] for c in found] == [("The union", "says")]


def test_a_possessive_owner_is_named_without_its_marker(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(pipeline, "Senator Graham's claim that the vote was rigged drew scorn.")
    assert claim.source_mention is not None and claim.source_mention.text == "Senator Graham's"
    assert claim.source is not None and claim.source.name == "Senator Graham"


def test_source_without_the_relative_clause_set_off_by_commas(
    pipeline: claimkit.Pipeline,
) -> None:
    # PolNeAR marks "Barkley", not "Barkley, who ... ,": the clause describes him.
    (claim,) = statements(
        pipeline,
        "Barkley, who typically votes for Democrats, said the party had lost its way.",
    )
    assert summary(claim)[:2] == ("Barkley", "said")
    (claim,) = statements(
        pipeline,
        "The harbour director, who has run the port since 2009, said the cranes were too old.",
    )
    assert summary(claim)[:2] == ("The harbour director", "said")


def test_source_does_not_reach_over_a_line_break(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline,
        "The rally went on.\n\n11:35 a.m.\n\nRepublican Donald Trump says he will win the state.",
    )
    assert [summary(c)[:2] for c in found] == [("Republican Donald Trump", "says")]


def test_the_cue_takes_the_negation_and_adverbs_before_the_verb(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The minister has repeatedly said that taxes would rise. "
        "The senator also said the bill would pass. "
        "The mayor did not say whether the bridge would reopen. "
        "However, the governor said the roads were safe.",
    )
    assert [summary(c)[:2] for c in found] == [
        ("The minister", "has repeatedly said"),
        ("The senator", "also said"),
        ("The mayor", "did not say"),
        ("the governor", "said"),
    ]


def test_source_without_a_participle_set_off_by_commas_nor_even(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "Bernie Sanders, celebrating a victory in the primary, said the race was not over. "
        "Even the organizer of the rally said the rules were too strict.",
    )
    assert [summary(c)[:2] for c in found] == [
        ("Bernie Sanders", "said"),
        ("the organizer of the rally", "said"),
    ]


def test_a_cue_in_a_relative_clause_has_the_pronoun_for_its_mention(
    pipeline: claimkit.Pipeline,
) -> None:
    claims = statements(
        pipeline,
        "The envoy met Rep. Dana Wells, who said the rules were too strict. "
        "Wells said the vote would be close.",
    )
    first, second = [c for c in claims if c.cue is not None and c.cue.text == "said"]
    # PolNeAR marks the relative pronoun; the Source is the one it stands for.
    assert first.source_mention is not None and first.source_mention.text == "who"
    assert first.source is not None and first.source.name == "Rep. Dana Wells"
    assert second.source is not None and second.source.id == first.source.id


def test_a_cue_clause_not_set_off_does_not_report_the_clause_before(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The deal collapsed when the union complained. "
        "Talks stalled and the union protested loudly. "
        "The plan will fail, the union complained.",
    )
    assert [summary(c)[:3] for c in found] == [("the union", "complained", "The plan will fail")]


def test_a_belief_told_inside_a_statement_is_the_speakers_account(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline, "The senator said voters believe the economy is weak. Voters believe it is."
    )
    assert [summary(c)[:2] for c in found] == [("The senator", "said"), ("Voters", "believe")]


def test_content_without_a_closing_relative_clause_or_indefinite_apposition(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "Sanders said he would vote for Senator Maria Cole, who opposes the trade deal. "
        "Trump said the contest had been rigged against him, a charge that the party denied. "
        "The mayor said the bridge would reopen, which “will help everyone.”",
    )
    assert [summary(c)[2] for c in found] == [
        "he would vote for Senator Maria Cole",
        "the contest had been rigged against him",
        # A quotation is the speaker's own words, aside or not.
        "the bridge would reopen, which “will help everyone.”",
    ]


def test_content_keeps_the_period_of_an_abbreviation(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline,
        "The senator said the plan would hurt workers in the U.S. "
        "The mayor said the meeting was over.",
    )
    assert [summary(c)[2] for c in found] == [
        "the plan would hurt workers in the U.S.",
        "the meeting was over",
    ]


def test_content_of_a_quotation_after_a_colon_leaves_out_the_lead_in(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        'The mayor was blunt about the budget: "We cannot pay for the bridge," she told reporters.',
    )
    assert [summary(c)[2] for c in found] == ['"We cannot pay for the bridge,"']


def test_content_leaves_out_the_parenthesis_that_opens_an_aside(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        'The show is back. ("We persuaded the original creators," the producer said.)',
    )
    assert [summary(c)[2] for c in found] == ['"We persuaded the original creators,"']


def test_content_runs_over_a_coordinated_that_clause(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline,
        "The economist predicted that wages would fall somewhat over time, "
        "but that the higher overtime payments would offset any loss.",
    )
    assert [summary(c)[2] for c in found] == [
        "that wages would fall somewhat over time, "
        "but that the higher overtime payments would offset any loss"
    ]


def test_content_runs_over_a_coordinated_clause_with_a_subject_of_its_own(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The governor said he would present a plan within his first 100 days "
        "and that he thinks it would pass.",
    )
    assert summary(found[0])[2] == (
        "he would present a plan within his first 100 days and that he thinks it would pass"
    )


def test_a_quotation_introduced_by_another_cue_does_not_continue_the_first(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        '"They are not affiliated with the campaign," she said, adding, '
        '"Mr. Trump is grateful for their support."',
    )
    assert [summary(c) for c in found] == [
        ("she", "said", '"They are not affiliated with the campaign,"', "direct"),
        ("she", "adding", '"Mr. Trump is grateful for their support."', "direct"),
    ]


def test_the_cue_runs_over_particles_adverbs_and_a_colon_after_the_verb(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The senator pointed out that the bill had failed twice. "
        'The mayor added: "We will rebuild the bridge." '
        '"Who would pay for that?" the governor asked rhetorically.',
    )
    assert [summary(c)[1] for c in found] == ["pointed out", "added:", "asked rhetorically"]
    assert summary(found[0])[2] == "that the bill had failed twice"


def test_a_catenative_verb_runs_the_cue_through_the_infinitive(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "Hillary Clinton is continuing to insist she will release the transcripts. "
        "The governor tried to show that the plan would work. "
        "The mayor declined to comment on the report.",
    )
    # PolNeAR: an aspect or attempt verb chains to the verb of its infinitive, whose
    # complement is the content; a verb of intention keeps the infinitive as content.
    assert [summary(c)[1:3] for c in found] == [
        ("is continuing to insist", "she will release the transcripts"),
        ("tried to show", "that the plan would work"),
        ("declined", "to comment on the report"),
    ]


def test_a_light_verb_and_its_cue_noun_take_the_preposition_into_the_cue(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The senator voiced support for the new budget. "
        "The governor made no mention of the scandal.",
    )
    assert [summary(c)[1:3] for c in found] == [
        ("voiced support for", "the new budget"),
        ("made no mention of", "the scandal"),
    ]


def test_the_cue_takes_the_adjective_that_completes_it(pipeline: claimkit.Pipeline) -> None:
    (claim,) = statements(pipeline, "Sanders has made clear that he expects a long fight.")
    assert summary(claim)[1:3] == ("has made clear", "that he expects a long fight")


def test_a_light_verb_and_a_bare_cue_noun_before_a_clause_are_the_cue(
    pipeline: claimkit.Pipeline,
) -> None:
    (claim,) = statements(
        pipeline, "The union's president expressed concern that the plant would close."
    )
    assert summary(claim)[1:3] == ("expressed concern", "that the plant would close")


def test_called_on_takes_the_preposition_and_its_object_starts_the_content(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "Ali called on fellow Muslims to stand up to those who preach hate. "
        "The mayor promised on Tuesday to rebuild the bridge.",
    )
    assert [summary(c)[1:3] for c in found] == [
        ("called on", "fellow Muslims to stand up to those who preach hate"),
        ("promised", "to rebuild the bridge"),
    ]


def test_issued_a_statement_saying_is_one_cue(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline,
        "Minutes later, the Trump campaign issued a statement saying that the remarks "
        "had been misunderstood.",
    )
    assert [summary(c)[:3] for c in found] == [
        (
            "the Trump campaign",
            "issued a statement saying",
            "that the remarks had been misunderstood",
        )
    ]


def test_a_clause_after_the_cue_is_what_it_reports_not_the_sentence_run_in_before(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline, "The story never ran; my editor argued the piece made Obama look too good."
    )
    assert [summary(c)[:3] for c in found] == [
        ("my editor", "argued", "the piece made Obama look too good")
    ]


def test_a_clause_before_a_semicolon_or_a_colon_is_not_a_preposed_content(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "There was no real disagreement; he and Brafman had basically said the same thing. "
        "The plan is dead: the governor conceded it on Monday.",
    )
    assert [summary(c)[2] for c in found] == ["the same thing", "it"]


def test_a_reason_the_parser_hangs_on_the_cue_is_part_of_what_was_said(
    pipeline: claimkit.Pipeline,
) -> None:
    (claim,) = statements(pipeline, "Aides said the vote was rigged, because the machines failed.")
    assert summary(claim)[2] == "the vote was rigged, because the machines failed"


def test_a_subject_the_parser_hangs_on_an_opening_phrase_is_the_source(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "As part of his plea, Marcel Lazar, 44, said that he had guessed the passwords. "
        "In a message to the board, Tanden, head of the fund, argued that the plan would "
        "fail.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("Marcel Lazar, 44,", "said", "that he had guessed the passwords"),
        ("Tanden, head of the fund,", "argued", "that the plan would fail"),
    ]


def test_a_headline_label_that_names_someone_the_story_names_is_the_source(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "Sanders: Clinton email story has moved\n\n"
        "Democratic presidential candidate Bernie Sanders said on Tuesday that voters "
        "care about jobs.\n\nSanders: 1,547\n\nAlex Seitz-Wald: She is right on all "
        "these things.",
    )
    assert [summary(c)[:3] for c in found if summary(c)[1] == ":"] == [
        ("Sanders", ":", "Clinton email story has moved"),
        ("Alex Seitz-Wald", ":", "She is right on all these things"),
    ]


def test_a_cue_the_parser_joins_to_the_reported_clause_is_the_first_speakers(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "After their appearance, Trump complained Khizr Khan had attacked him and "
        "questioned why Ghazala Khan had not spoken on stage.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("Trump", "complained", "Khizr Khan had attacked him"),
        ("Trump", "questioned", "why Ghazala Khan had not spoken on stage"),
    ]


def test_said_before_its_subject_inside_the_reported_clause(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The contrast with Trump, said Doyle and others, would be clear since Trump has "
        "no former presidents by his side. Aides to the governor, who had a long career "
        "in Congress, said their speeches, already long, would change.",
    )
    assert [summary(c)[:3] for c in found] == [
        (
            "Doyle and others",
            "said",
            "The contrast with Trump, said Doyle and others, would be clear since Trump "
            "has no former presidents by his side",
        ),
        (
            "Aides to the governor, who had a long career in Congress,",
            "said",
            "their speeches, already long, would change",
        ),
    ]


def test_an_infinitive_of_purpose_is_said_by_the_one_who_acts(
    pipeline: claimkit.Pipeline,
) -> None:
    (claim,) = statements(
        pipeline,
        "Tom Emanuel of Laconia stood at a Bush event here to say he was leaning toward Mr. Trump.",
    )
    assert summary(claim)[:3] == (
        "Tom Emanuel of Laconia",
        "to say",
        "he was leaning toward Mr. Trump",
    )


def test_a_cue_verb_tagged_as_a_noun_still_reports_its_clause(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "Trump estimates that he spent $45 million on his campaign.\n\n"
        "Audit files from the vendor show that four accounts conducted searches.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("Trump", "estimates", "that he spent $45 million on his campaign"),
        ("Audit files from the vendor", "show", "that four accounts conducted searches"),
    ]


def test_a_cue_noun_whose_that_clause_follows_the_copula(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline, "His warning was that illegal immigrants convicted of crimes won't be deported."
    )
    assert [summary(c)[:3] for c in found] == [
        ("His", "warning", "that illegal immigrants convicted of crimes won't be deported")
    ]


def test_a_cue_the_parser_hangs_on_its_subject_as_a_participle(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "A Quinnipiac University poll found last week that Clinton would beat Trump in a "
        "general election. Majorities of Democrats in five states going to the polls "
        "Tuesday say they would be satisfied with both candidates.",
    )
    assert [summary(c)[:3] for c in found] == [
        (
            "A Quinnipiac University poll",
            "found",
            "that Clinton would beat Trump in a general election",
        ),
        (
            "Majorities of Democrats in five states",
            "say",
            "they would be satisfied with both candidates",
        ),
    ]


def test_a_dateline_or_a_time_on_the_line_before_is_not_the_source(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The Latest\n\n9:30 p.m.\n\nDonald Trump says he may move to the South if he does "
        "not do well.\n\nWASHINGTON (AP) — Donald Trump and House Speaker Paul Ryan "
        "pledged to work together despite their differences.",
    )
    assert [summary(c)[:2] for c in found] == [
        ("Donald Trump", "says"),
        ("Donald Trump and House Speaker Paul Ryan", "pledged"),
    ]


def test_the_tense_of_a_joined_cue_is_that_of_its_auxiliary(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "He said that he would offer a prayer for the eventual Republican nominee but did "
        "not suggest it would be Trump.",
    )
    assert [summary(c)[:2] for c in found] == [("He", "said"), ("He", "did not suggest")]


def test_a_participle_after_a_comma_inside_a_quotation_mark_is_the_first_speakers(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "Trump insisted that he has “expanded the Republican party,” claiming that he is "
        "responsible for higher turnout.",
    )
    assert [summary(c) for c in found] == [
        ("Trump", "insisted", "that he has “expanded the Republican party,”", "mixed"),
        ("Trump", "claiming", "that he is responsible for higher turnout", "indirect"),
    ]


def test_a_sentence_opening_in_a_poll_reports_its_findings(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline,
        "In the CBS poll, Trump's lead over Cruz remained in double digits. In a statement, "
        "the campaign said it was pleased. In the poll, most voters said the economy was "
        "weak.",
    )
    # The poll is the source only where no one in the sentence says it.
    assert [summary(c)[:3] for c in found] == [
        ("the CBS poll", "In", "Trump's lead over Cruz remained in double digits"),
        ("the campaign", "said", "it was pleased"),
        ("most voters", "said", "the economy was weak"),
    ]


def test_a_gerund_after_a_cue_is_its_content(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline,
        "Mr. Kasich reported having $1.3 million in cash on hand. Senator Whitehouse has "
        "proposed taxing carbon emissions. Then Mr. Trump began racking up victories.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("Mr. Kasich", "reported", "having $1.3 million in cash on hand"),
        ("Senator Whitehouse", "has proposed", "taxing carbon emissions"),
    ]


def test_an_answer_word_after_a_cue_is_its_content(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline,
        "Asked if he would run, Smith said yes. His spokesman did not say when. "
        "He apparently thinks so.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("Smith", "said", "yes"),
        ("His spokesman", "did not say", "when"),
        ("He", "apparently thinks", "so"),
    ]


def test_an_object_content_stops_before_where_it_was_said(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline,
        "Christie defended his endorsement on his regular radio show. Trump has hammered "
        "Bush throughout the campaign.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("Christie", "defended", "his endorsement"),
        ("Trump", "has hammered", "Bush"),
    ]


def test_an_object_content_runs_on_over_what_it_is_taken_for(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "Mr. Obama sees Mr. Netanyahu as captured by a hard-line philosophy. Mr. Rubin "
        "asked the students if they were serious.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("Mr. Obama", "sees", "Mr. Netanyahu as captured by a hard-line philosophy"),
        ("Mr. Rubin", "asked", "the students if they were serious"),
    ]


def test_a_chained_cue_takes_an_object_only_where_the_scorer_is_sure(
    pipeline: claimkit.Pipeline,
) -> None:
    # "tried to" chains its cue through "fix", but "the roads" is a noun-phrase content,
    # which needs the object threshold like any other.
    found = statements(pipeline, "The governor tried to fix the roads.")
    assert ("tried to fix", "the roads") not in [summary(c)[1:3] for c in found]
    found = statements(pipeline, "The governor tried to argue that the roads were safe.")
    assert [summary(c)[:3] for c in found] == [
        ("The governor", "tried to argue", "that the roads were safe")
    ]


def test_an_act_with_a_noun_phrase_content_the_scorer_doubts_only_in_the_attribution_scope(
    pipeline: claimkit.Pipeline,
) -> None:
    # "raised concerns about X" is an act PolNeAR counts; as reported speech the scorer
    # is not sure enough of it, so only the attribution scope reports it.
    text = "The chairman raised concerns about the merger."
    assert statements(pipeline, text) == []
    broad = attribution_pipeline()
    found = broad.process(claimkit.build_document("story", text)).claims
    assert [
        (c.source_mention.text if c.source_mention else None, c.cue.text if c.cue else None)
        for c in found
        if c.kind == "statement"
    ] == [("The chairman", "raised concerns about")]


def test_an_unknown_statements_scope_is_an_error_that_names_it() -> None:
    with pytest.raises(PluginError, match="unknown statements scope 'everything'"):
        claimkit.Pipeline(options={"statements_scope": "everything"})


def test_an_act_aimed_through_to_is_an_attribution_only_in_that_scope(
    pipeline: claimkit.Pipeline,
) -> None:
    # PolNeAR counts what "pointed to" or "referred to" aims at; where another content
    # preposition follows, "to" names the one addressed.
    broad = attribution_pipeline()
    found = statements(
        broad,
        "The senator pointed to the deficit as the main threat. The mayor apologized to "
        "the voters for the delay.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("The senator", "pointed to", "the deficit as the main threat"),
        ("The mayor", "apologized to the voters for", "the delay"),
    ]
    assert statements(pipeline, "The two leaders agreed to an exchange of visits.") == []


def test_a_prepositional_object_content_runs_over_what_it_is_taken_for_not_an_aside(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The senator railed against the plan as a giveaway to donors. The senator "
        "insisted on a vote, which the chairman refused.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("The senator", "railed against", "the plan as a giveaway to donors"),
        ("The senator", "insisted on", "a vote"),
    ]


def test_a_participle_with_an_agent_speaks_of_the_noun_it_describes(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(pipeline, "The bill opposed by the unions passed easily.")
    assert [summary(c)[:3] for c in found] == [("the unions", "opposed", "The bill")]


def test_a_relative_pronoun_is_what_a_passive_agent_spoke_of_in_the_attribution_scope(
    pipeline: claimkit.Pipeline,
) -> None:
    text = "The plan, which was denounced by the mayor, passed."
    assert statements(pipeline, text) == []
    broad = attribution_pipeline()
    assert [summary(c)[:3] for c in statements(broad, text)] == [
        ("the mayor", "was denounced", "which")
    ]


def test_an_object_content_leaves_out_an_aside_after_a_dash_or_its_description(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The senator criticized the merger — a deal that would cut jobs. The senator "
        "blasted the governor for his budget, which cut schools.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("The senator", "criticized", "the merger"),
        ("The senator", "blasted", "the governor for his budget"),
    ]


def test_a_preposition_phrase_that_heads_cues_belongs_to_the_cue(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The senator voted in favor of the bill. The senator spoke out in support of the strikers.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("The senator", "voted in favor of", "the bill"),
        ("The senator", "spoke out in support of", "the strikers"),
    ]


def sourceless_statements(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """The statements of ``text`` in the attribution scope: source, cue and content."""
    broad = attribution_pipeline()
    return [
        (
            c.source_mention.text if c.source_mention else None,
            c.cue.text if c.cue else None,
            c.content.text if c.content else None,
        )
        for c in broad.process(claimkit.build_document("story", text)).claims
        if c.kind == "statement"
    ]


def test_a_passive_act_no_one_is_named_for_only_in_the_attribution_scope(
    pipeline: claimkit.Pipeline,
) -> None:
    # PolNeAR marks an act with no agent as an attribution without a source: what the
    # subject was asked, the subject with what is said of it, or the subject alone. A
    # state of mind ("are split on") is no act done to its subject.
    text = (
        "The mayor was asked whether the bridge would open in the spring. Asked about the "
        "ferry, the harbour master shrugged. The harbour master is widely seen as a cautious "
        "man. The new budget was approved on Tuesday. The council members are split on "
        "whether the ferry should keep running."
    )
    assert statements(pipeline, text) == []
    assert sourceless_statements(text) == [
        (None, "was asked", "whether the bridge would open in the spring"),
        (None, "Asked about", "the ferry"),
        (None, "is widely seen", "The harbour master is widely seen as a cautious man"),
        (None, "was approved", "The new budget"),
    ]


def test_an_impression_with_what_its_subject_seems_to_be() -> None:
    # "X seemed tired", "X seems like Y": PolNeAR's content is the subject with what it
    # seems to be, and no one is named for the impression.
    assert sourceless_statements(
        "The harbour master seemed tired. The council's plan seems like a fair idea."
    ) == [
        (None, "seemed", "The harbour master seemed tired"),
        (None, "seems", "The council's plan seems like a fair idea"),
    ]


def test_an_impression_inside_what_someone_says_is_theirs() -> None:
    # The scorer doubts an impression told in a reported clause: it is the speaker's
    # account, not an attribution no one is named for.
    assert sourceless_statements(
        "The ferry captain added that the harbour master appeared to be losing patience "
        "with the council."
    ) == [
        (
            "The ferry captain",
            "added",
            "that the harbour master appeared to be losing patience with the council",
        )
    ]


def test_a_passive_act_leaves_out_where_it_was_done() -> None:
    # "was booed in the town hall": where the act was done is not what it took its
    # subject for ("is seen as Y", "was charged with Y"); PolNeAR's content is the
    # subject alone.
    assert sourceless_statements("The mayor was booed in the town hall.") == [
        (None, "was booed", "The mayor")
    ]


def test_a_passive_act_that_shares_its_subject_names_no_source() -> None:
    # "X is retiring but is expected to Y": the subject the passive shares with the verb
    # before it is not who expects; PolNeAR marks no source and the infinitive alone.
    assert sourceless_statements(
        "The harbour master is retiring in June but is expected to stay on the council."
    ) == [(None, "is expected", "to stay on the council")]


def test_a_clause_told_as_hearsay_is_an_attribution_no_one_is_named_for() -> None:
    # "X is reportedly Y": PolNeAR marks the adverb as the cue of the clause it
    # qualifies, with no source; before a cue verb it joins that verb's cue.
    assert sourceless_statements(
        "The ferry company is reportedly planning to sell its boats. The harbour master "
        "reportedly said the ferry would stop."
    ) == [
        (None, "reportedly", "The ferry company is reportedly planning to sell its boats"),
        ("The harbour master", "reportedly said", "the ferry would stop"),
    ]


def test_a_sourceless_attribution_in_a_relative_clause_starts_at_its_pronoun() -> None:
    assert sourceless_statements(
        "The old ferry, which is expected to stop running in May, carries few people. The "
        "harbour masters, who seem to be losing patience, met the council."
    ) == [
        (None, "is expected", "which is expected to stop running in May"),
        (None, "seem", "who seem to be losing patience"),
    ]


def test_an_impression_in_a_relative_clause_starts_at_its_pronoun() -> None:
    assert sourceless_statements("The harbour master, who seemed tired, met the council.") == [
        (None, "seemed", "who seemed tired")
    ]


def test_a_question_the_parser_splits_runs_up_to_the_comma_that_sets_it_off() -> None:
    # "Asked if it had appeared he was ignoring the harbour, the mayor replied": the
    # parser may hang the second half of the question on the main clause; the question
    # runs up to the comma before it all the same.
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from claimkit.extractors.statements import unsourced

    parse = """
        Asked ask VERB VBN 7 advcl
        if if SCONJ IN 4 mark
        it it PRON PRP 4 nsubj
        had have AUX VBD 4 aux
        appeared appear VERB VBN 0 ccomp
        he he PRON PRP 7 nsubj
        was be AUX VBD 7 aux
        ignoring ignore VERB VBG 13 ccomp
        the the DET DT 9 det
        harbour harbour NOUN NN 7 dobj
        , , PUNCT , 13 punct
        the the DET DT 12 det
        mayor mayor NOUN NN 13 nsubj
        replied reply VERB VBD 13 ROOT
        . . PUNCT . 13 punct
    """
    rows = [line.split() for line in parse.strip().splitlines()]
    doc = Doc(
        Vocab(),
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        deps=[r[5] for r in rows],
    )
    found = unsourced.impersonal(doc[0], "speech", True)
    assert found is not None
    start, end = found[2]
    assert doc.text[start:end] == "if it had appeared he was ignoring the harbour"


def test_a_catenative_adjective_runs_the_cue_through_its_infinitive(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The mayor's aides are quick to point out that the budget is balanced. The "
        "senators were reluctant to say that the war was lost.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("The mayor's aides", "are quick to point out", "that the budget is balanced"),
        ("The senators", "were reluctant to say", "that the war was lost"),
    ]


def test_a_cue_of_by_and_a_gerund_starts_at_the_verb_it_says_how_began_or_answered(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        "The mayor began by saying that the budget is balanced. The senator responded to "
        "the charge by saying that the report was false.",
    )
    assert [summary(c)[:2] for c in found] == [
        ("The mayor", "began by saying"),
        ("The senator", "responded to the charge by saying"),
    ]


def test_an_adverb_of_the_cue_adverb_belongs_to_the_cue(pipeline: claimkit.Pipeline) -> None:
    found = statements(
        pipeline,
        "The mayor has once again said that the budget is balanced. The senator long ago "
        "argued that the war was lost.",
    )
    assert [summary(c)[:2] for c in found] == [
        ("The mayor", "has once again said"),
        ("The senator", "long ago argued"),
    ]


def test_a_cue_runs_through_the_participle_of_its_object_noun_that_takes_an_object(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(pipeline, "The mayor released a statement condemning the new tax.")
    assert [summary(c)[:3] for c in found] == [
        ("The mayor", "released a statement condemning", "the new tax")
    ]


def test_a_cue_hung_on_a_phrasal_catenative_starts_at_it(pipeline: claimkit.Pipeline) -> None:
    found = statements(pipeline, "The mayor went on to explain that the budget is balanced.")
    assert [summary(c)[:3] for c in found] == [
        ("The mayor", "went on to explain", "that the budget is balanced")
    ]


def test_of_two_subjects_the_one_nearest_the_cue_speaks(pipeline: claimkit.Pipeline) -> None:
    # The parser takes the quoted word for a subject of "said" too.
    found = statements(pipeline, '"Security," said Grimm, a Trump supporter.')
    assert [summary(c)[:3] for c in found] == [("Grimm, a Trump supporter", "said", '"Security,"')]


def test_a_speaker_after_the_cue_the_parser_takes_for_its_object(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline, '"The harbour will reopen next week," added another city official.'
    )
    assert [summary(c)[:3] for c in found] == [
        ("another city official", "added", '"The harbour will reopen next week,"')
    ]
    found = statements(pipeline, '"The bridge is safe," tweeted another.')
    assert [summary(c)[:3] for c in found] == [("another", "tweeted", '"The bridge is safe,"')]


def test_a_preposed_content_whose_head_the_parser_takes_for_a_subject(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline,
        'The rejection of the budget signals "the beginning of the end" for the council, '
        "said Ann Berg, founder of the party.",
    )
    assert [summary(c)[:3] for c in found] == [
        (
            "Ann Berg, founder of the party",
            "said",
            'The rejection of the budget signals "the beginning of the end" for the council',
        )
    ]


def test_what_a_colon_after_the_cue_and_its_object_introduces(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(pipeline, 'Sanders delivered a snappy retort: "No one is tearing this up."')
    assert [summary(c)[:3] for c in found] == [
        ("Sanders", "delivered", '"No one is tearing this up."')
    ]
    found = statements(pipeline, 'As the mayor put it: "The barbarians are inside the gate."')
    assert [summary(c)[:3] for c in found] == [
        ("the mayor", "put", '"The barbarians are inside the gate."')
    ]
    # A list after the colon is the object's, not a statement.
    found = statements(pipeline, "The council praised three projects: the park and the pool.")
    assert [summary(c)[2] for c in found] == ["three projects: the park and the pool"]


def test_an_attribution_set_in_a_clause_whose_opening_the_parser_hangs_on_the_cue(
    pipeline: claimkit.Pipeline,
) -> None:
    # The parser hangs "If the wages are not raised" on "warned".
    text = "If the wages are not raised, Ms. Ortiz warned, angry nurses plan to leave the union."
    found = statements(pipeline, text)
    assert [summary(c)[:3] for c in found] == [("Ms. Ortiz", "warned", text[:-1])]


def test_a_cue_in_a_relative_clause_whose_pronoun_is_the_subject_of_what_is_said(
    pipeline: claimkit.Pipeline,
) -> None:
    text = "The board backed the new rules, which the union argued hurt its members."
    found = statements(pipeline, text)
    assert ("the union", "argued", "which the union argued hurt its members") in [
        summary(c)[:3] for c in found
    ]


def test_a_for_clause_with_its_own_subject_is_what_a_cue_asks(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(pipeline, "The union has called for the minister to resign.")
    assert [summary(c)[::2][:2] for c in found] == [("The union", "the minister to resign")]
    # Not after a verb that is no cue.
    assert statements(pipeline, "The firm waited for the bank to open.") == []


def test_the_subject_of_an_opening_clause_the_parser_hangs_on_the_cue(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(
        pipeline, "The mayor offered the man a job, then says he will hire more staff."
    )
    assert [summary(c)[:3] for c in found] == [
        ("The mayor", "then says", "he will hire more staff")
    ]
    text = (
        "One delegate, who like others spoke on the condition of anonymity, said the vote was fair."
    )
    found = statements(pipeline, text)
    assert [summary(c)[::2][:2] for c in found] == [("One delegate", "the vote was fair")]


def test_the_question_a_cue_asks_in_an_adverbial_clause(pipeline: claimkit.Pipeline) -> None:
    found = statements(pipeline, "Asked by a reporter if the bridge was safe, the mayor smiled.")
    assert [summary(c)[:3] for c in found] == [("a reporter", "Asked", "if the bridge was safe")]
    # After an object, "if" opens a condition, not a question.
    found = statements(pipeline, "The governor promised new roads if she wins.")
    assert [summary(c)[2] for c in found] == ["new roads if she wins"]


def test_a_speaker_after_the_cue_the_parser_makes_the_subject_of_a_later_clause(
    pipeline: claimkit.Pipeline,
) -> None:
    # The parser takes "Correct" for a verb whose subject is "Brock".
    found = statements(
        pipeline,
        '"What is shaping up is a battle for the ages," said David Brock, a Clinton '
        "confidant who heads the pro-Clinton super PAC Correct the Record.",
    )
    assert [summary(c)[1:3] for c in found] == [
        ("said", '"What is shaping up is a battle for the ages,"')
    ]
    assert found[0].source_mention is not None
    assert found[0].source_mention.text.startswith("David Brock")


def test_an_infinitive_cue_after_a_causative_speaks_for_its_object(
    pipeline: claimkit.Pipeline,
) -> None:
    text = "The sudden resignation led some to speculate that the board had forced him out."
    assert [summary(c)[:3] for c in statements(pipeline, text)] == [
        ("some", "to speculate", "that the board had forced him out")
    ]
    # Without an object the infinitive is what the first verb says.
    found = statements(pipeline, "The mayor vowed to say that the bridge is safe.")
    assert [summary(c)[1] for c in found] == ["vowed"]


def test_a_speaker_the_parser_hangs_on_a_quoted_subject(pipeline: claimkit.Pipeline) -> None:
    # "lawyer" inside the quotation is taken for the subject, "Smith" for its appositive.
    text = (
        '"Very good lawyer, very good lawyer this woman," Smith, the party leader, said '
        "when Jones asked him a question."
    )
    assert (
        "Smith, the party leader,",
        "said",
        '"Very good lawyer, very good lawyer this woman,"',
    ) in [summary(c)[:3] for c in statements(pipeline, text)]


def test_what_a_relative_pronoun_is_called_or_described_as(pipeline: claimkit.Pipeline) -> None:
    found = statements(pipeline, "The mayor praised the marchers, whom she described as peaceful.")
    assert ("she", "described", "whom she described as peaceful") in [summary(c)[:3] for c in found]


def test_a_that_clause_after_the_cue_s_modifiers_the_parser_hangs_elsewhere(
    pipeline: claimkit.Pipeline,
) -> None:
    text = (
        "Joe Madison, a talk radio host, recalled in 2008 that before Iowa, Obama was not "
        "treated as credibly by his listeners."
    )
    assert [summary(c)[1:3] for c in statements(pipeline, text)] == [
        ("recalled", "that before Iowa, Obama was not treated as credibly by his listeners")
    ]


def test_the_object_noun_of_a_support_verb_and_its_preposition_belong_to_the_cue() -> None:
    broad = attribution_pipeline()
    found = statements(
        broad,
        "The senator took a shot at the governor's budget. The mayor has provided "
        "details about the new tax plan. The senator heaped praise on the mayor.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("The senator", "took a shot at", "the governor's budget"),
        ("The mayor", "has provided details about", "the new tax plan"),
        ("The senator", "heaped praise on", "the mayor"),
    ]


def test_a_light_verb_with_no_before_its_noun_and_a_backing_preposition_join_the_cue() -> None:
    broad = attribution_pipeline()
    found = statements(
        broad,
        "The senator has made no secret of his plans for the port. The mayor threw her "
        "support behind the senator.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("The senator", "has made no secret of", "his plans for the port"),
        ("The mayor", "threw her support behind", "the senator"),
    ]


def test_a_support_verb_of_aspect_and_the_complements_of_its_noun_after_the_content() -> None:
    broad = attribution_pipeline()
    found = statements(
        broad,
        "The senator continued his attacks on the mayor. The senator mounted an attack "
        "on the mayor over the budget.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("The senator", "continued his attacks on", "the mayor"),
        ("The senator", "mounted an attack on", "the mayor over the budget"),
    ]


def test_a_noun_of_what_one_thinks_and_its_preposition_belong_to_the_cue() -> None:
    broad = attribution_pipeline()
    found = statements(
        broad,
        "The senator offered his thoughts on the budget. The mayor offered kind words "
        "about the senator.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("The senator", "offered his thoughts on", "the budget"),
        ("The mayor", "offered kind words about", "the senator"),
    ]


def test_a_light_verb_noun_before_a_that_clause_belongs_to_the_cue() -> None:
    broad = attribution_pipeline()
    found = statements(
        broad,
        "The senator made the case that the budget is too large. The mayor expressed "
        "confidence that the bridge would open in May.",
    )
    assert [summary(c)[:3] for c in found] == [
        ("The senator", "made the case", "that the budget is too large"),
        ("The mayor", "expressed confidence", "that the bridge would open in May"),
    ]


def test_the_noun_of_a_verb_that_puts_forward_a_proposition_belongs_to_the_cue() -> None:
    broad = attribution_pipeline()
    found = statements(broad, "The senator floated the idea that the port should be sold.")
    assert [summary(c)[:3] for c in found] == [
        ("The senator", "floated the idea", "that the port should be sold")
    ]


def test_a_reflexive_object_and_its_preposition_belong_to_the_cue(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(pipeline, "The senator distanced himself from the new tax.")
    assert [summary(c)[:3] for c in found] == [
        ("The senator", "distanced himself from", "the new tax")
    ]


def test_a_sentence_s_only_verb_the_parser_takes_for_a_participle_of_its_subject(
    pipeline: claimkit.Pipeline,
) -> None:
    text = "The two mayoral candidates sparred on Monday over the new tax plan."
    assert [summary(c)[0] for c in statements(pipeline, text)] == ["The two mayoral candidates"]


def test_a_subject_the_parser_labels_otherwise(pipeline: claimkit.Pipeline) -> None:
    # A name taken for a compound of the verb, a subject taken for a participle's.
    quoted = statements(pipeline, '"Look at the record," Kellyanne notes.')
    assert [summary(c)[:2] for c in quoted] == [("Kellyanne", "notes")]
    text = "Most voters going to the polls Tuesday said they want a change."
    assert [summary(c)[:2] for c in statements(pipeline, text)] == [("Most voters", "said")]


def test_a_relative_pronoun_of_a_coordinated_relative_clause_is_the_source(
    pipeline: claimkit.Pipeline,
) -> None:
    text = (
        "A governor who signed the budget and who later claimed that it was balanced "
        "will leave office in May."
    )
    assert [summary(c)[:3] for c in statements(pipeline, text)] == [
        ("who", "later claimed", "that it was balanced")
    ]


def test_a_subject_the_parser_hangs_on_the_auxiliary(pipeline: claimkit.Pipeline) -> None:
    found = statements(pipeline, "The council has, since the vote, condemned the plan.")
    assert [summary(c)[:3] for c in found] == [("The council", "condemned", "the plan")]


def test_a_verb_of_a_list_the_parser_hangs_on_the_first_shares_its_subject(
    pipeline: claimkit.Pipeline,
) -> None:
    text = (
        "The mayor has praised the firefighters, referred to the fire as a tragedy and "
        "called for calm."
    )
    found = [summary(c)[:3] for c in statements(pipeline, text)]
    assert ("The mayor", "called for", "calm") in found


def test_a_subject_stranded_before_an_auxiliary(pipeline: claimkit.Pipeline) -> None:
    text = "Ahead of Saturday’s Nevada caucus, Smith and Jones will say the race is close."
    assert [summary(c)[:3] for c in statements(pipeline, text)] == [
        ("Smith and Jones", "will say", "the race is close")
    ]


def test_a_state_after_its_city_is_no_stranded_subject() -> None:
    import spacy
    from spacy.tokens import Doc

    from claimkit.extractors.statements.speakers import subject_of

    # The parser's reading of "Jones, speaking later in Dayton, Ohio, did not mention
    # the budget": "Jones" an adverbial clause, "Ohio" an appositive of "Dayton".
    words = ["Jones", ",", "speaking", "later", "in", "Dayton", ",", "Ohio", ",", "did"]
    words += ["not", "mention", "the", "budget", "."]
    heads = [11, 0, 11, 2, 2, 4, 5, 5, 5, 11, 11, 11, 13, 11, 11]
    deps = ["advcl", "punct", "advcl", "advmod", "prep", "pobj", "punct", "appos", "punct"]
    deps += ["aux", "neg", "ROOT", "det", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "VERB", "ADV", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT"]
    pos += ["AUX", "PART", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["NNP", ",", "VBG", "RB", "IN", "NNP", ",", "NNP", ",", "VBD", "RB", "VB"]
    tags += ["DT", "NN", "."]
    ents = ["B-PERSON", "O", "O", "O", "O", "B-GPE", "O", "B-GPE"] + ["O"] * 7
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        ents=ents,
        sent_starts=[True] + [False] * 14,
    )
    assert subject_of(doc[11]) is None


def test_an_infinitive_on_a_noun_speaks_for_who_the_noun_describes_or_is_given(
    pipeline: claimkit.Pipeline,
) -> None:
    text = "The mayor was the first official to say that the budget is balanced."
    assert [summary(c)[:2] for c in statements(pipeline, text)] == [("The mayor", "to say")]
    text = "The scandal gave the senator a reason to claim that the party had lied."
    assert [summary(c)[:2] for c in statements(pipeline, text)] == [("the senator", "to claim")]


def test_a_past_tense_verb_the_parser_hangs_on_the_noun_before_it() -> None:
    import spacy
    from spacy.tokens import Doc

    from claimkit.extractors.statements.speakers import subject_of

    # The parser's reading of "A group of rabbis called for a boycott, and the league
    # denounced him": "called" a participle describing "group", the subject of
    # "denounced".
    words = ["A", "group", "of", "rabbis", "called", "for", "a", "boycott", ",", "and"]
    words += ["the", "league", "denounced", "him", "."]
    heads = [1, 12, 1, 2, 1, 4, 7, 5, 1, 1, 11, 1, 12, 12, 12]
    deps = ["det", "nsubj", "prep", "pobj", "acl", "prep", "det", "pobj", "punct", "cc"]
    deps += ["det", "conj", "ROOT", "dobj", "punct"]
    pos = ["DET", "NOUN", "ADP", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "CCONJ"]
    pos += ["DET", "NOUN", "VERB", "PRON", "PUNCT"]
    tags = ["DT", "NN", "IN", "NNS", "VBD", "IN", "DT", "NN", ",", "CC", "DT", "NN", "VBD"]
    tags += ["PRP", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        sent_starts=[True] + [False] * 14,
    )
    found = subject_of(doc[4])
    assert found is not None and found.text == "group"


def test_a_quantifier_the_parser_takes_for_an_adverb_is_the_subject(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(pipeline, "On economic issues, more call themselves moderate than liberal.")
    assert [summary(c)[0] for c in found] == ["more"]


def test_a_share_the_parser_takes_for_a_number_of_the_verb_is_the_subject(
    pipeline: claimkit.Pipeline,
) -> None:
    found = statements(pipeline, "About 4 in 10 say they want a change in policy.")
    assert [summary(c)[:2] for c in found] == [("About 4 in 10", "say")]


def test_an_active_cue_shares_the_subject_of_the_passive_before_it(
    pipeline: claimkit.Pipeline,
) -> None:
    text = (
        "By the end of the day, the mayor was forced into a rare apology and said that "
        "his words had been misunderstood."
    )
    assert [summary(c)[:2] for c in statements(pipeline, text)] == [("the mayor", "said")]


def test_a_quotation_goes_on_in_a_paragraph_of_its_own(pipeline: claimkit.Pipeline) -> None:
    text = (
        '"The bridge will open in May," the mayor said.\n\n"We have waited long enough."\n\n'
        "The council meets on Friday."
    )
    (claim,) = statements(pipeline, text)
    assert claim.content is not None
    assert claim.content.text.endswith('"We have waited long enough."')
    # A paragraph with an attribution of its own, or after another sentence, is not.
    text = (
        '"The bridge will open in May," the mayor said. She left.\n\n"We have waited long enough."'
    )
    assert [summary(c)[2] for c in statements(pipeline, text)] == ['"The bridge will open in May,"']


def test_the_noun_of_a_that_clause_after_a_preposition_of_what_the_cue_is_about(
    pipeline: claimkit.Pipeline,
) -> None:
    text = "The senator bristled at the suggestion that he had misled voters."
    found = statements(pipeline, text)
    assert [summary(c)[1:3] for c in found] == [
        ("bristled at", "the suggestion that he had misled voters")
    ]
    # The occasion of a statement is not what it says, nor a phrase after an object.
    found = statements(pipeline, "The mayor said in a statement that the plant would close.")
    assert [summary(c)[1:3] for c in found] == [("said", "that the plant would close")]
    text = "The mayor told reporters on a regular basis that the plant would close."
    assert [summary(c)[2] for c in statements(pipeline, text)] == ["that the plant would close"]


def test_the_relative_that_is_the_missing_subject_of_what_is_said(
    pipeline: claimkit.Pipeline,
) -> None:
    text = 'The country is breaking the rules, which he added "is deeply regrettable."'
    assert [summary(c)[2] for c in statements(pipeline, text)] == [
        'which he added "is deeply regrettable."'
    ]
    # A relative clause without a pronoun: from the noun it describes.
    text = "Managers were free to hire the workers they thought were the best fit."
    assert [summary(c)[2] for c in statements(pipeline, text)] == [
        "the workers they thought were the best fit"
    ]


def test_a_content_keeps_its_parentheses_balanced(pipeline: claimkit.Pipeline) -> None:
    # The closing parenthesis of an aside the content ends is not part of it ...
    text = "The bridge is closed. (According to the city, it will open in May.)"
    assert [summary(c)[2] for c in statements(pipeline, text)] == ["it will open in May"]
    # ... and one that closes a name or an abbreviation the content opens is.
    text = "The senator said he helped write the Affordable Care Act (ACA)."
    assert [summary(c)[2] for c in statements(pipeline, text)] == [
        "he helped write the Affordable Care Act (ACA)"
    ]


def test_what_a_colon_after_the_reported_clause_spells_out(pipeline: claimkit.Pipeline) -> None:
    text = "The survey found costs are the highest when compared as a percent of income: 36%."
    assert [summary(c)[2] for c in statements(pipeline, text)] == [
        "costs are the highest when compared as a percent of income: 36%"
    ]
    # Not a statement of its own.
    text = (
        "The survey found costs are the highest when compared as a percent of income: "
        "a second poll found that they are falling."
    )
    assert [summary(c)[2] for c in statements(pipeline, text)] == [
        "costs are the highest when compared as a percent of income",
        "that they are falling",
    ]


def test_a_quoted_relative_clause_with_a_speaker_of_its_own_is_an_aside(
    pipeline: claimkit.Pipeline,
) -> None:
    text = 'The mayor said he opposed the new stadium, which he called "a waste of money."'
    assert [summary(c)[2] for c in statements(pipeline, text)][:1] == ["he opposed the new stadium"]
    # A quoted relative clause without one is part of what was said.
    text = 'The mayor said he opposed the new stadium, which would cost "a fortune."'
    assert [summary(c)[2] for c in statements(pipeline, text)] == [
        'he opposed the new stadium, which would cost "a fortune."'
    ]


def test_a_name_and_the_description_the_parser_takes_for_a_second_subject_are_one_speaker() -> None:
    # "Ban Ki-moon, the secretary general, vowed": the parser makes both the name and the
    # appositive subjects of the cue; the nearer is the description, the speaker the name.
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from claimkit.extractors.statements import speakers

    parse = """
        Maria Maria PROPN NNP 1 compound
        Lopez Lopez PROPN NNP 8 nsubj
        , , PUNCT , 8 punct
        the the DET DT 5 det
        agency agency NOUN NN 5 compound
        director director NOUN NN 8 nsubj
        , , PUNCT , 5 punct
        today today NOUN NN 8 npadvmod
        vowed vow VERB VBD 8 ROOT
        to to PART TO 10 aux
        stay stay VERB VB 8 xcomp
        . . PUNCT . 8 punct
    """
    rows = [line.split() for line in parse.strip().splitlines()]
    doc = Doc(
        Vocab(),
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        deps=[r[5] for r in rows],
    )
    speaker = speakers.subject_of(doc[8])
    assert speaker is not None and speaker.text == "Lopez"


@pytest.mark.parametrize("scope", ["speech", "attribution"])
def test_a_document_that_opens_with_a_cue_verb_costs_no_claims(scope: str) -> None:
    # A past-tense verb the parser hangs on the next clause at the very start of the
    # text: the list-of-verbs rule looked at the word before it.
    pipeline = claimkit.Pipeline(disable=["numbers"], options={"statements_scope": scope})
    for text in ("Said twice, Trump left the room.", "Vowed twice, Trump left the room."):
        assert pipeline.process(claimkit.build_document("story", text)).problems == ()


def test_a_chained_cue_takes_the_attribution_scope_s_contents_too() -> None:
    # "continued to point to X" reads X as "pointed to X" does in the attribution scope.
    broad = attribution_pipeline()
    found = [
        c
        for c in broad.process(
            claimkit.build_document("story", "The senator continued to point to the deficit.")
        ).claims
        if c.kind == "statement"
    ]
    assert [summary(c)[:3] for c in found] == [
        ("The senator", "continued to point to", "the deficit")
    ]


def test_an_opening_mark_typed_where_a_quotation_closes_closes_it() -> None:
    text = "“Apparently not,“ he said. “A leopard does not change its spots.”"
    assert [text[a:b] for a, b in quote_spans(text)] == [
        "“Apparently not,“",
        "“A leopard does not change its spots.”",
    ]
