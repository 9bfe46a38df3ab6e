"""Every hook has a test here, named ``test_hook_<hook name>`` (datasette's rule).

The detailed behaviour of the built-in extractors' data hooks is tested beside each
extractor (``test_demands.py::test_plugin_category`` adds a demand category and finds its
claims on a text of its own; ``test_dates.py`` plugin rules); these tests pin each hook's
contract: when it is called, with what, and what its result does.
"""

import argparse
import io
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import claimkit
from claimkit import Claim, Document, Extractor, Result, Span, Writer, hookimpl
from claimkit.extractors.dates import DateRule, Normalised
from claimkit.extractors.dates.vocabulary import build_vocabulary
from claimkit.extractors.demands import DemandCategory, DemandCue
from claimkit.extractors.statements import Cue
from claimkit.plugins import PluginError, get_plugin_manager
from claimkit.readers import read_file
from claimkit.testing import PluginProblems, run, run_cli
from tests.test_pipeline import Raising

DCT = "2024-03-04"


def demands(text: str, plugins: Iterable[object] = ()) -> list[claimkit.Demand]:
    return [c.data for c in run(text, plugins=plugins, dct=DCT) if c.kind == "demand"]


# ---------------------------------------------------------------- every hook is tested


def hook_names() -> list[str]:
    return sorted(name for name in dir(get_plugin_manager().hook) if not name.startswith("_"))


@pytest.mark.parametrize("hook", hook_names())
def test_every_hook_has_a_test(hook: str) -> None:
    assert f"test_hook_{hook}" in globals(), f"no test_hook_{hook} in {__name__}"


# ---------------------------------------------------------------- extractors


def shouts(minimum: int) -> Extractor:
    def extract(doc: Doc, document: Document) -> Iterator[Claim]:
        for token in doc:
            if token.is_upper and token.is_alpha and len(token) >= minimum:
                yield Claim(
                    kind="shout",
                    doc_id=document.id,
                    extractor="shouts",
                    evidence=Span.of(document.text, token.idx, token.idx + len(token)),
                )

    return Extractor(name="shouts", kinds=("shout",), extract=extract)


class Shouts:
    """An extractor whose threshold is a command-line option."""

    @hookimpl
    def claimkit_add_options(self, parser: argparse.ArgumentParser) -> None:
        group = parser.add_argument_group("shouts")
        group.add_argument("--shouts-min", type=int, default=4, metavar="N")

    @hookimpl
    def claimkit_extractors(self, options: argparse.Namespace) -> list[Extractor]:
        return [shouts(options.shouts_min)]


def test_hook_claimkit_extractors() -> None:
    text = "The crowd chanted FREEDOM and NO outside the court."
    claims = run(text, plugins=[Shouts()])
    assert [c.evidence.text for c in claims if c.kind == "shout"] == ["FREEDOM"]
    # the built-in extractors are plugins of the same hook
    assert {e.name for e in claimkit.Pipeline(plugins=[Shouts()]).extractors} >= {
        "shouts",
        "statements",
        "dates",
        "demands",
    }


# ---------------------------------------------------------------- data hooks


def test_hook_claimkit_statement_cues() -> None:
    class Grumbles:
        @hookimpl
        def claimkit_statement_cues(self) -> list[Cue]:
            return [Cue(text="grumble", pos="verb")]

    text = "The coach grumbled that the referee had missed the foul."
    assert not [c for c in run(text) if c.kind == "statement"]
    claims = run(text, plugins=[Grumbles()])
    assert [c.cue.text for c in claims if c.kind == "statement" and c.cue] == ["grumbled"]


def test_hook_claimkit_date_rules() -> None:
    class Fiscal:
        @hookimpl
        def claimkit_date_rules(self) -> list[DateRule]:
            def fiscal(match: re.Match[str], context: object) -> Normalised:
                return Normalised(value=match.group(1), type="DATE")

            return [DateRule(name="fiscal", pattern=r"FY ?(\d{4})", type="DATE", value=fiscal)]

    claims = run("Spending rose in FY 1996.", plugins=[Fiscal()], dct=DCT)
    assert [(t.span.text, t.value) for c in claims if c.kind == "date" for t in c.times] == [
        ("FY 1996", "1996")
    ]


def test_hook_claimkit_date_vocabulary() -> None:
    class Holidays:
        @hookimpl
        def claimkit_date_vocabulary(self) -> dict[str, Any]:
            return {"holidays": {"Founders' Day": "05-15"}}

    text = "The parade is held on Founders' Day."
    assert not [c for c in run(text, dct=DCT) if c.kind == "date"]
    claims = run(text, plugins=[Holidays()], dct=DCT)
    assert [(t.span.text, t.value) for c in claims if c.kind == "date" for t in c.times] == [
        ("Founders' Day", "2024-05-15")
    ]


def test_date_vocabulary_lists_gain_words_and_keep_their_own() -> None:
    vocabulary = build_vocabulary([{"intent_words": ["resolve"]}, {"intent_words": ["vow"]}])
    assert {"resolve", "vow"} <= vocabulary.intent_words
    assert build_vocabulary().intent_words < vocabulary.intent_words


@pytest.mark.parametrize(
    ("addition", "message"),
    [
        ({"holiday": {"Founders' Day": "05-15"}}, "no section 'holiday'"),
        ({"holidays": ["Founders' Day"]}, "'holidays' is a table"),
        ({"intent_words": {"resolve": 1}}, "'intent_words' is a list of words"),
    ],
)
def test_a_date_vocabulary_addition_must_fit_its_section(
    addition: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build_vocabulary([addition])


def test_hook_claimkit_demand_categories() -> None:
    # A category with a built-in key replaces the built-in one. (Adding a new category
    # and finding its claims: test_demands.py::test_plugin_category.)
    class Ceasefire:
        @hookimpl
        def claimkit_demand_categories(self) -> list[DemandCategory]:
            return [
                DemandCategory(
                    key="ceasefire",
                    label="Stop the guns",
                    cameo={"appeal": "0299", "demand": "1099"},
                    plover="yield",
                    actions=("stop",),
                    objects=("shelling",),
                )
            ]

    text = "The UN urged both sides to stop the shelling."
    (built_in,) = demands(text)
    assert (built_in.category, built_in.cameo) == ("ceasefire", "0256")
    (replaced,) = demands(text, [Ceasefire()])
    assert (replaced.category, replaced.cameo) == ("ceasefire", "0299")


def test_hook_claimkit_demand_cues() -> None:
    class Nudges:
        @hookimpl
        def claimkit_demand_cues(self) -> list[DemandCue]:
            return [DemandCue(lemma="nudge", pos="verb", strength="appeal")]

    text = "The EU nudged Serbia to release the prisoners."
    assert demands(text) == []
    (demand,) = demands(text, [Nudges()])
    assert (demand.strength, demand.category) == ("appeal", "prisoner_release")


# ---------------------------------------------------------------- spaCy, readers


@Language.component("claimkit_test_hooks_loud")
def _loud(doc: Doc) -> Doc:
    doc.user_data["loud"] = [t.i for t in doc if t.is_upper and len(t) > 1]
    return doc


def test_hook_claimkit_spacy_components() -> None:
    class Loud:
        @hookimpl
        def claimkit_spacy_components(self, nlp: Language) -> None:
            nlp.add_pipe("claimkit_test_hooks_loud", last=True)

        @hookimpl
        def claimkit_extractors(self) -> list[Extractor]:
            # the component ran before the extractors see the Doc
            def extract(doc: Doc, document: Document) -> Iterator[Claim]:
                for i in doc.user_data["loud"]:
                    span = Span.of(document.text, doc[i].idx, doc[i].idx + len(doc[i]))
                    yield Claim(kind="loud", doc_id=document.id, extractor="loud", evidence=span)

            return [Extractor(name="loud", kinds=("loud",), extract=extract)]

    claims = run("They shouted STOP twice.", plugins=[Loud()])
    assert [c.evidence.text for c in claims if c.kind == "loud"] == ["STOP"]


def test_hook_claimkit_read_document(tmp_path: Path) -> None:
    class Upper:
        """Takes over .txt files from the built-in reader (firstresult: asked first)."""

        @hookimpl
        def claimkit_read_document(self, path: Path) -> list[Document] | None:
            if path.suffix != ".txt":
                return None
            return [Document(id="", text=path.read_text(encoding="utf-8").upper())]

    (tmp_path / "a.txt").write_text("quiet", encoding="utf-8")
    (tmp_path / "b.md").write_text("quiet", encoding="utf-8")
    pm = get_plugin_manager([Upper()], autoload=False)
    assert read_file(pm, tmp_path / "a.txt")[0].text == "QUIET"
    assert read_file(pm, tmp_path / "b.md")[0].text == "quiet"  # built-in reader


# ---------------------------------------------------------------- post-processing


class Threshold:
    """A post-processor whose threshold is an option: drops short statements."""

    @hookimpl
    def claimkit_add_options(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--threshold-chars", type=int, default=0)

    @hookimpl(wrapper=True)
    def claimkit_process_claims(
        self, claims: list[Claim], options: argparse.Namespace
    ) -> Iterator[None]:
        processed: list[Claim] = yield
        return [c for c in processed if len(c.evidence.text) >= options.threshold_chars]


def test_hook_claimkit_process_claims() -> None:
    text = '"No," he said. The committee said that the budget would be cut next year.'
    everything = run(text, plugins=[Threshold()])
    assert any(len(c.evidence.text) < 20 for c in everything)
    kept = run(text, plugins=[Threshold()], options={"threshold_chars": 20})
    assert kept and all(len(c.evidence.text) >= 20 for c in kept)
    # the wrapper runs outside the built-ins: it sees resolved sources
    assert all(c.source is not None for c in kept if c.kind == "statement")


# ---------------------------------------------------------------- writers and options


def write_tsv(results: Iterable[Result], out: IO[str]) -> None:
    out.write("doc_id\tkind\ttext\n")
    for result in results:
        for claim in result.claims:
            out.write(f"{claim.doc_id}\t{claim.kind}\t{claim.evidence.text}\n")


class Tsv:
    @hookimpl
    def claimkit_writers(self) -> list[Writer]:
        return [Writer(name="tsv", suffix=".tsv", write=write_tsv, description="a test")]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text('"We will not give in," the minister said on Monday.\n', encoding="utf-8")
    return path


@pytest.fixture
def as_module(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Plugins of this module can be named on the command line: -p tests.test_hooks."""
    monkeypatch.setitem(sys.modules, "claimkit_test_hooks_plugins", sys.modules[__name__])
    yield


# Module-level hooks for ``-p claimkit_test_hooks_plugins``: the Tsv writer and Shouts'
# option and extractor (bound methods of plugin objects keep their hookimpl marks).
claimkit_writers = Tsv().claimkit_writers
claimkit_add_options = Shouts().claimkit_add_options
claimkit_extractors = Shouts().claimkit_extractors


def test_hook_claimkit_writers(story: Path, tmp_path: Path, as_module: None) -> None:
    plugin = "claimkit_test_hooks_plugins"
    done = run_cli(str(story), "-q", "-p", plugin, "-f", "tsv")
    assert done.exit_code == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "doc_id\tkind\ttext"
    assert any(line.startswith("story.txt\tstatement\t") for line in lines)
    # without -f, the -o suffix chooses the writer
    out = tmp_path / "claims.tsv"
    assert run_cli(str(story), "-q", "-p", plugin, "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == "doc_id\tkind\ttext"
    # the built-in writers are there too, and an unknown name is a one-line error
    assert run_cli(str(story), "-q", "-p", plugin, "-f", "jsonl").records()
    wrong = run_cli(str(story), "-q", "-p", plugin, "-f", "xml")
    assert wrong.exit_code == 2
    assert "xml" in wrong.stderr and "tsv" in wrong.stderr and "jsonl" in wrong.stderr


def test_two_writers_with_one_name_is_an_error() -> None:
    class Jsonl:
        @hookimpl
        def claimkit_writers(self) -> list[Writer]:
            return [Writer(name="jsonl", suffix=".json", write=write_tsv)]

    from claimkit.writers import get_writers

    with pytest.raises(PluginError, match="jsonl"):
        get_writers(get_plugin_manager([Jsonl()], autoload=False), argparse.Namespace())


def test_hook_claimkit_add_options(story: Path, as_module: None) -> None:
    plugin = "claimkit_test_hooks_plugins"
    (story.parent / "loud.txt").write_text("They chanted NO and NEVER.", encoding="utf-8")
    loud = str(story.parent / "loud.txt")
    # the option is in --help, and its value reaches the extractor
    helped = run_cli("--help", "-p", plugin)
    assert helped.exit_code == 0 and "--shouts-min" in helped.stdout
    default = run_cli(loud, "-q", "-p", plugin).records()
    assert [r["evidence"]["text"] for r in default if r["kind"] == "shout"] == ["NEVER"]
    low = run_cli(loud, "-q", "-p", plugin, "--shouts-min", "2").records()
    assert [r["evidence"]["text"] for r in low if r["kind"] == "shout"] == ["NO", "NEVER"]
    # from Python: options by dest name; an unknown one is an error
    text = "They chanted NO and NEVER."
    claims = run(text, plugins=[Shouts()], options={"shouts_min": 2})
    assert [c.evidence.text for c in claims if c.kind == "shout"] == ["NO", "NEVER"]
    with pytest.raises(PluginError, match="shouts_minimum"):
        run(text, plugins=[Shouts()], options={"shouts_minimum": 2})


def test_clashing_options_name_the_plugin() -> None:
    class Clash:
        @hookimpl
        def claimkit_add_options(self, parser: argparse.ArgumentParser) -> None:
            parser.add_argument("--strict", action="store_true")

    class Other:
        @hookimpl
        def claimkit_add_options(self, parser: argparse.ArgumentParser) -> None:
            parser.add_argument("--clash-level")

    class Again:
        @hookimpl
        def claimkit_add_options(self, parser: argparse.ArgumentParser) -> None:
            parser.add_argument("--clash-level")

    # plugins are called last registered first: Other's option is the one that clashes
    with pytest.raises(PluginError, match=r"plugin Other.*--clash-level"):
        claimkit.Pipeline(plugins=[Other(), Again()])
    # an option of claimkit's own (the command line's parser)
    from claimkit.cli import build_parser

    with pytest.raises(PluginError, match=r"plugin Clash.*--strict"):
        build_parser(get_plugin_manager([Clash()], autoload=False))


def test_options_reach_every_hook_that_takes_them() -> None:
    seen: dict[str, object] = {}

    class Spy:
        @hookimpl
        def claimkit_add_options(self, parser: argparse.ArgumentParser) -> None:
            parser.add_argument("--spy-level", default="low")

        @hookimpl
        def claimkit_extractors(self, options: argparse.Namespace) -> list[Extractor]:
            seen["extractors"] = options.spy_level
            return []

        @hookimpl
        def claimkit_writers(self, options: argparse.Namespace) -> list[Writer]:
            seen["writers"] = options.spy_level
            return []

        @hookimpl(wrapper=True)
        def claimkit_process_claims(self, options: argparse.Namespace) -> Iterator[None]:
            seen["process_claims"] = options.spy_level
            return (yield)

    from claimkit.writers import get_writers

    pipeline = claimkit.Pipeline(plugins=[Spy()], options={"spy_level": "high"})
    pipeline.process(claimkit.build_document("t", "Hello."))
    get_writers(pipeline.pm, pipeline.options)
    assert seen == {"extractors": "high", "writers": "high", "process_claims": "high"}
    assert claimkit.Pipeline(plugins=[Spy()]).options.spy_level == "low"


def test_run_raises_plugin_problems() -> None:
    with pytest.raises(PluginProblems, match=r"test \[boom\]: RuntimeError: kaboom"):
        run("Anything.", plugins=[Raising()])
    assert run("Anything.", plugins=[Raising()], strict=False) == []  # no built-in claims


def test_writers_get_an_iterator_of_results(story: Path) -> None:
    """A writer gets the results as an iterator (written as they come), in order."""
    seen: list[str] = []

    def write(results: Iterable[Result], out: IO[str]) -> None:
        assert iter(results) is results, "a writer gets an iterator, not a list"
        seen.extend(result.document.id for result in results)

    from claimkit import cli

    (story.parent / "second.txt").write_text("Another story.", encoding="utf-8")
    pipeline = claimkit.Pipeline()
    documents = cli.read_documents(pipeline, [story.parent], None, False, [])
    summary = cli.run(
        pipeline, documents, io.StringIO(), Writer(name="ids", suffix="", write=write)
    )
    assert seen == ["second.txt", "story.txt"]
    assert summary.documents == 2
