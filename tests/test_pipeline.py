"""The pipeline: a failing plugin costs nobody else's claims."""

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import claimkit
from claimkit import Claim, Document, Extractor, Span, hookimpl
from claimkit.pipeline import PluginError, Problem, Result
from claimkit.readers import build_document

TEXT = (
    "BEIJING (Reuters) - Washington will sponsor a resolution unless Beijing frees "
    "prisoners, a diplomat said on Monday, January 6, 1997."
)


def word_claims(word: str, kind: str, name: str) -> Extractor:
    """An extractor claiming each occurrence of ``word``."""

    def extract(doc: Doc, document: Document) -> Iterator[Claim]:
        at = document.text.find(word)
        while at >= 0:
            span = Span.of(document.text, at, at + len(word))
            yield Claim(kind=kind, doc_id=document.id, extractor=name, evidence=span)
            at = document.text.find(word, at + 1)

    return Extractor(name=name, kinds=(kind,), extract=extract)


class Words:
    """Claims 'Beijing' (kind 'place')."""

    @hookimpl
    def claimkit_extractors(self) -> list[Extractor]:
        return [word_claims("Beijing", "place", "words")]


class Raising:
    @hookimpl
    def claimkit_extractors(self) -> list[Extractor]:
        def boom(doc: Doc, document: Document) -> list[Claim]:
            raise RuntimeError("kaboom")

        return [Extractor(name="boom", kinds=("boom",), extract=boom)]


class RaisingMidway:
    """Yields one good claim and then raises: the generator's claims are all dropped."""

    @hookimpl
    def claimkit_extractors(self) -> list[Extractor]:
        def half(doc: Doc, document: Document) -> Iterator[Claim]:
            yield Claim(
                kind="half",
                doc_id=document.id,
                extractor="half",
                evidence=Span.of(document.text, 0, 1),
            )
            raise KeyError("midway")

        return [Extractor(name="half", kinds=("half",), extract=half)]


class Sloppy:
    """One good claim and every kind of bad one."""

    @hookimpl
    def claimkit_extractors(self) -> list[Extractor]:
        def sloppy(doc: Doc, document: Document) -> Iterable[object]:
            text = document.text
            good = Span.of(text, 0, 7)
            return [
                Claim(kind="sloppy", doc_id=document.id, extractor="sloppy", evidence=good),
                # a span whose text is not the document's text there
                Claim(
                    kind="sloppy",
                    doc_id=document.id,
                    extractor="sloppy",
                    evidence=Span(start=0, end=7, text="XXXXXXX"),
                ),
                # a span past the end of the text
                Claim(
                    kind="sloppy",
                    doc_id=document.id,
                    extractor="sloppy",
                    evidence=Span(start=len(text), end=len(text) + 3, text="abc"),
                ),
                # a good evidence span but a bad cue span
                Claim(
                    kind="sloppy",
                    doc_id=document.id,
                    extractor="sloppy",
                    evidence=good,
                    cue=Span(start=1, end=2, text="?"),
                ),
                # a kind this extractor did not declare
                Claim(kind="statement", doc_id=document.id, extractor="sloppy", evidence=good),
                # another document's claim
                Claim(kind="sloppy", doc_id="elsewhere", extractor="sloppy", evidence=good),
                # not a claim at all
                {"kind": "sloppy"},
            ]

        return [Extractor(name="sloppy", kinds=("sloppy",), extract=sloppy)]


class RaisingWrapper:
    @hookimpl(wrapper=True)
    def claimkit_process_claims(self, claims: list[Claim]) -> Iterator[None]:
        yield
        raise ValueError("post-processing failed")


class FilteringWrapper:
    """Drops every claim of kind 'place'."""

    @hookimpl(wrapper=True)
    def claimkit_process_claims(self, document: Document) -> Iterator[None]:
        claims = yield
        return [c for c in claims if c.kind != "place"]


class FailingExtractorsHook:
    @hookimpl
    def claimkit_extractors(self) -> list[Extractor]:
        raise RuntimeError("cannot register")


def result_of(pipeline: claimkit.Pipeline, text: str = TEXT, doc_id: str = "story-1") -> Result:
    return pipeline.process(build_document(doc_id, text))


def key(claims: Iterable[Claim]) -> list[tuple[str, int, int]]:
    return sorted((c.kind, c.evidence.start, c.evidence.end) for c in claims)


@pytest.fixture(scope="module")
def baseline(pipeline: claimkit.Pipeline) -> Result:
    """The built-in claims of TEXT."""
    return result_of(pipeline)


def test_baseline_has_no_problems(baseline: Result) -> None:
    assert baseline.problems == ()
    assert all(c.doc_id == "story-1" for c in baseline.claims)


def test_claims_are_in_document_order_and_in_the_text(baseline: Result) -> None:
    starts = [(c.evidence.start, c.evidence.end) for c in baseline.claims]
    assert starts == sorted(starts)
    for claim in baseline.claims:
        for span in claim.spans():
            assert TEXT[span.start : span.end] == span.text


def test_a_date_claim_for_a_written_date(pipeline: claimkit.Pipeline, baseline: Result) -> None:
    if not any("date" in e.kinds for e in pipeline.extractors):
        pytest.skip("no dates extractor registered yet")
    assert any(c.kind == "date" for c in baseline.claims)


def test_raising_extractor_is_a_problem_and_costs_nothing_else(baseline: Result) -> None:
    result = result_of(claimkit.Pipeline(plugins=[Raising(), Words()]))
    assert result.problems == (
        Problem(doc_id="story-1", plugin="boom", message="RuntimeError: kaboom"),
    )
    assert "story-1" in str(result.problems[0]) and "boom" in str(result.problems[0])
    assert key(c for c in result.claims if c.kind != "place") == key(baseline.claims)
    assert [c.evidence.text for c in result.claims if c.kind == "place"] == ["Beijing"]


def test_extractor_raising_midway_loses_only_its_own_claims(baseline: Result) -> None:
    result = result_of(claimkit.Pipeline(plugins=[RaisingMidway()]))
    assert [(p.plugin, p.doc_id) for p in result.problems] == [("half", "story-1")]
    assert "midway" in result.problems[0].message
    assert key(result.claims) == key(baseline.claims)


def test_invalid_claims_are_problems_and_dropped(baseline: Result) -> None:
    result = result_of(claimkit.Pipeline(plugins=[Sloppy()]))
    sloppy = [c for c in result.claims if c.extractor == "sloppy"]
    assert [(c.kind, c.evidence.text, c.cue) for c in sloppy] == [("sloppy", "BEIJING", None)]
    assert len(result.problems) == 6
    assert all(p.plugin == "sloppy" and p.doc_id == "story-1" for p in result.problems)
    messages = " | ".join(p.message for p in result.problems)
    for expected in ("not in the text", "'statement'", "'elsewhere'", "not a Claim"):
        assert expected in messages
    assert key(c for c in result.claims if c.extractor != "sloppy") == key(baseline.claims)


def test_raising_wrapper_is_a_problem_naming_it(baseline: Result) -> None:
    wrapper = RaisingWrapper()
    pipeline = claimkit.Pipeline(plugins=[wrapper, Words()])
    result = result_of(pipeline)
    name = pipeline.pm.get_name(wrapper)
    assert [(p.doc_id, p.plugin) for p in result.problems] == [("story-1", name)]
    assert "post-processing failed" in result.problems[0].message
    # the other post-processors' and extractors' work is kept
    assert key(c for c in result.claims if c.kind != "place") == key(baseline.claims)
    assert [c.kind for c in result.claims].count("place") == 1
    assert [(c.source, c.times) for c in result.claims if c.kind != "place"] == [
        (c.source, c.times) for c in baseline.claims
    ]


def test_raising_wrapper_named_as_a_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "claimkit_failing_wrapper.py").write_text(
        "import claimkit\n\n"
        "@claimkit.hookimpl(wrapper=True)\n"
        "def claimkit_process_claims(claims):\n"
        "    result = yield\n"
        "    raise RuntimeError('wrapped badly')\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "claimkit_failing_wrapper", raising=False)
    result = result_of(claimkit.Pipeline(plugins=["claimkit_failing_wrapper"]))
    assert [p.plugin for p in result.problems] == ["claimkit_failing_wrapper"]
    sys.modules.pop("claimkit_failing_wrapper", None)


def test_filtering_wrapper_filters(baseline: Result) -> None:
    with_words = result_of(claimkit.Pipeline(plugins=[Words()]))
    assert [c.kind for c in with_words.claims].count("place") == 1
    filtered = result_of(claimkit.Pipeline(plugins=[Words(), FilteringWrapper()]))
    assert filtered.problems == ()
    assert "place" not in [c.kind for c in filtered.claims]
    assert key(filtered.claims) == key(baseline.claims)


def test_failing_extractors_hook_is_a_plugin_error() -> None:
    with pytest.raises(PluginError, match="cannot register"):
        claimkit.Pipeline(plugins=[FailingExtractorsHook()])


def test_two_extractors_with_one_name_is_a_plugin_error() -> None:
    class Twice:
        @hookimpl
        def claimkit_extractors(self) -> list[Extractor]:
            return [word_claims("a", "x", "same"), word_claims("b", "y", "same")]

    with pytest.raises(PluginError, match="same"):
        claimkit.Pipeline(plugins=[Twice()])


def test_run_streams_results_in_order(pipeline: claimkit.Pipeline) -> None:
    documents = [build_document(f"d{i}", f"Story number {i}.") for i in range(40)]
    results = list(pipeline.run(iter(documents), batch_size=7))
    assert [r.document.id for r in results] == [d.id for d in documents]
    assert all(r.problems == () for r in results)


def test_run_is_lazy(pipeline: claimkit.Pipeline) -> None:
    def documents() -> Iterator[Document]:
        yield build_document("first", "First story.")
        raise AssertionError("read too far ahead")

    results = pipeline.run(documents(), batch_size=1)
    assert next(results).document.id == "first"


def test_a_document_spacy_cannot_parse_costs_only_itself(pipeline: claimkit.Pipeline) -> None:
    too_long = "word " * (pipeline.nlp.max_length // 5 + 1)
    documents = [
        build_document("before", TEXT),
        build_document("huge", too_long),
        build_document("after", TEXT),
    ]
    results = list(pipeline.run(documents))
    assert [r.document.id for r in results] == ["before", "huge", "after"]
    assert results[1].claims == ()
    assert [(p.doc_id, p.plugin) for p in results[1].problems] == [("huge", "spacy")]
    assert key(results[0].claims) == key(results[2].claims)
    assert results[0].problems == results[2].problems == ()


@Language.component("claimkit_test_picky")
def _picky(doc: Doc) -> Doc:
    if "poison" in doc.text:
        raise RuntimeError("cannot parse poison")
    return doc


def test_a_failing_spacy_component_costs_only_its_document() -> None:
    class Picky:
        @hookimpl
        def claimkit_spacy_components(self, nlp: Language) -> None:
            nlp.add_pipe("claimkit_test_picky")

    pipeline = claimkit.Pipeline(plugins=[Picky()])
    documents = [build_document(i, t) for i, t in [("a", "Fine."), ("b", "poison"), ("c", "Fine.")]]
    results = list(pipeline.run(documents))
    assert [r.document.id for r in results] == ["a", "b", "c"]
    assert [len(r.problems) for r in results] == [0, 1, 0]
    assert "poison" in results[1].problems[0].message


def test_process_parses_when_given_no_doc(pipeline: claimkit.Pipeline) -> None:
    document = build_document("x", TEXT)
    assert key(pipeline.process(document).claims) == key(
        pipeline.process(document, pipeline.parse(document)).claims
    )


def test_extract_api(baseline: Result) -> None:
    claims = claimkit.extract(TEXT, doc_id="story-1")
    assert key(claims) == key(baseline.claims)
    assert all(isinstance(c, Claim) for c in claims)


def test_process_api_yields_results(baseline: Result) -> None:
    results = list(claimkit.process([build_document("story-1", TEXT)]))
    assert len(results) == 1 and key(results[0].claims) == key(baseline.claims)


def test_a_line_break_starts_a_sentence_so_a_headline_is_no_subject(
    pipeline: claimkit.Pipeline,
) -> None:
    text = (
        "Governor Says He Would Close The Border Over The Outbreak\n"
        "Chris Morgan said he would quarantine travellers over fears of the virus, which "
        "has spread quickly through the region in the past month."
    )
    doc = pipeline.parse(build_document("story", text))
    second = text.index("Chris")
    assert [s.start_char for s in doc.sents] == [0, second]
    statements = [c for c in pipeline.process(build_document("story", text)).claims]
    assert [
        (c.source_mention.text, c.cue.text)
        for c in statements
        if c.kind == "statement" and c.source_mention is not None and c.cue is not None
    ] == [("Governor", "Says"), ("Chris Morgan", "said")]


def test_hard_wrapped_text_keeps_its_sentences_across_line_breaks(
    pipeline: claimkit.Pipeline,
) -> None:
    # Wire copy breaks its lines at a fixed width, in mid-sentence.
    text = (
        "The finance minister told reporters on\n"
        "Tuesday that the government would cut the\n"
        "fuel tax next year.\n"
    )
    doc = pipeline.parse(build_document("story", text))
    assert len(list(doc.sents)) == 1


def test_a_blank_line_starts_a_sentence_even_in_short_or_wrapped_text(
    pipeline: claimkit.Pipeline,
) -> None:
    # Every line here is short, as in wrapped text, but a blank line ends a paragraph.
    text = "Mayor Tells Council\n\nSenators said the bill would pass."
    doc = pipeline.parse(build_document("story", text))
    assert [s.start_char for s in doc.sents] == [0, text.index("Senators")]
