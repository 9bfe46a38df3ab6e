"""claimkit.testing: the helpers plugin authors test with, and what they catch."""

import itertools
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from spacy.tokens import Doc

from claimkit import Claim, Document, Extractor, Span
from claimkit.testing import (
    PluginProblems,
    check_extractor,
    make_pipeline,
    run,
    run_cli,
    texts,
)


def first_word(doc: Doc, document: Document) -> Iterator[Claim]:
    """A well-behaved extractor: the first alphabetic token, if any."""
    for token in doc:
        if token.is_alpha:
            span = Span.of(document.text, token.idx, token.idx + len(token))
            yield Claim(kind="word", doc_id=document.id, extractor="first", evidence=span)
            return


GOOD = Extractor(name="first", kinds=("word",), extract=first_word)


def broken(extract: object, **fields: object) -> Extractor:
    return Extractor(name="broken", kinds=("word",), extract=extract, **fields)  # type: ignore[arg-type]


# ---------------------------------------------------------------- run


def test_run_finds_the_builtin_claims() -> None:
    claims = run('"We will win," the captain said on Monday.', dct="1997-02-03")
    kinds = {c.kind for c in claims}
    assert {"statement", "date"} <= kinds
    assert all(c.doc_id == "test" for c in claims)


def test_run_with_disable() -> None:
    claims = run("They met on Monday.", dct="1997-02-03", disable=["claimkit.extractors.dates"])
    assert not [c for c in claims if c.kind == "date"]


def test_run_is_isolated_from_installed_plugins() -> None:
    assert all(c.kind != "quantity" for c in run("More than 2,000 people came."))


def test_pipelines_are_cached_per_configuration() -> None:
    assert make_pipeline() is make_pipeline()
    assert make_pipeline(disable=["claimkit.extractors.dates"]) is not make_pipeline()


def test_run_cli(tmp_path: Path) -> None:
    done = run_cli("--version")
    assert done.exit_code == 0 and "claimkit" in done.stdout
    (tmp_path / "a.txt").write_text("The minister said the talks failed.", encoding="utf-8")
    done = run_cli(str(tmp_path), "-q")
    assert done.exit_code == 0 and done.stderr == ""
    assert {r["kind"] for r in done.records()} >= {"statement"}
    assert run_cli(str(tmp_path / "no-such-folder")).exit_code == 1
    usage = run_cli(str(tmp_path), "--no-such-option")
    assert usage.exit_code == 2 and "--no-such-option" in usage.stderr


def test_plugin_problems_list_every_problem() -> None:
    class Two:
        @staticmethod
        def extract(doc: Doc, document: Document) -> list[Claim]:
            raise ValueError("nope")

    from claimkit import hookimpl

    class Plugin:
        @hookimpl
        def claimkit_extractors(self) -> list[Extractor]:
            return [Extractor(name=f"x{i}", kinds=("x",), extract=Two.extract) for i in (1, 2)]

    with pytest.raises(PluginProblems) as raised:
        run("Text.", plugins=[Plugin()])
    assert [p.plugin for p in raised.value.problems] == ["x1", "x2"]
    assert "[x1]" in str(raised.value) and "[x2]" in str(raised.value)


# ---------------------------------------------------------------- check_extractor passes


@pytest.mark.parametrize("name", ["statements", "dates", "demands"])
def test_builtin_extractors_keep_the_contract(name: str) -> None:
    check_extractor(name, max_examples=25)


def test_a_good_extractor_passes() -> None:
    check_extractor(GOOD, examples=["", "?", "Hello world"], max_examples=20)


def test_unknown_extractor_name() -> None:
    with pytest.raises(ValueError, match=r"no extractor named 'nonesuch'.*statements"):
        check_extractor("nonesuch")


def test_texts_are_varied() -> None:
    from hypothesis import given, settings

    seen: list[str] = []

    @settings(max_examples=60, database=None)
    @given(texts())
    def collect(text: str) -> None:
        seen.append(text)

    collect()
    assert any("said" in t or "urged" in t or "called on" in t for t in seen)
    assert any(not t.isascii() for t in seen)
    assert all(len(t) <= 400 for t in seen)


# ---------------------------------------------------------------- check_extractor catches


def test_catches_an_extractor_that_raises() -> None:
    def fragile(doc: Doc, document: Document) -> list[Claim]:
        if "!" in document.text:
            raise KeyError("bang")
        return []

    with pytest.raises(AssertionError, match="raised KeyError"):
        check_extractor(broken(fragile), examples=["Stop!"], max_examples=5)


def test_catches_a_span_outside_the_text() -> None:
    def past_the_end(doc: Doc, document: Document) -> list[Claim]:
        n = len(document.text)
        span = Span(start=n, end=n + 1, text="x")
        return [Claim(kind="word", doc_id=document.id, extractor="broken", evidence=span)]

    with pytest.raises(AssertionError, match="not in the text"):
        check_extractor(broken(past_the_end), max_examples=5)


def test_catches_a_span_that_is_not_its_slice() -> None:
    def upper(doc: Doc, document: Document) -> list[Claim]:
        text = document.text[:3]
        if text == text.upper():
            return []
        span = Span(start=0, end=len(text), text=text.upper())
        return [Claim(kind="word", doc_id=document.id, extractor="broken", evidence=span)]

    with pytest.raises(AssertionError, match="not in the text"):
        check_extractor(broken(upper), examples=["abc"], max_examples=5)


def test_catches_an_undeclared_kind() -> None:
    def other_kind(doc: Doc, document: Document) -> list[Claim]:
        span = Span.of(document.text, 0, 0)
        return [Claim(kind="other", doc_id=document.id, extractor="broken", evidence=span)]

    with pytest.raises(AssertionError, match="kind 'other'"):
        check_extractor(broken(other_kind), max_examples=5)


@attrs.frozen
class Score:
    value: int


def scored(doc: Doc, document: Document) -> list[Claim]:
    span = Span.of(document.text, 0, 0)
    return [Claim(kind="word", doc_id=document.id, extractor="x", evidence=span, data=Score(1))]


def test_catches_data_without_a_declared_type() -> None:
    with pytest.raises(AssertionError, match="declare its data class"):
        check_extractor(broken(scored), max_examples=5)
    # declared: it reads back typed
    check_extractor(broken(scored, data_types={"word": Score}), max_examples=5)


def test_catches_data_that_is_not_json() -> None:
    def with_set(doc: Doc, document: Document) -> list[Claim]:
        span = Span.of(document.text, 0, 0)
        data = {"words": {1, 2}}
        return [Claim(kind="word", doc_id=document.id, extractor="x", evidence=span, data=data)]

    with pytest.raises(AssertionError, match="does not serialise"):
        check_extractor(broken(with_set), max_examples=5)


def test_catches_a_nondeterministic_extractor() -> None:
    counter = itertools.count()

    def moody(doc: Doc, document: Document) -> list[Claim]:
        if not document.text or next(counter) % 2:
            return []
        span = Span.of(document.text, 0, 1)
        return [Claim(kind="word", doc_id=document.id, extractor="x", evidence=span)]

    with pytest.raises(AssertionError, match="not deterministic"):
        check_extractor(broken(moody), examples=["abc"], max_examples=5)
