"""Streaming at scale: the spaCy components run, worker processes, the progress bar."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import claimkit
from claimkit.plugins import get_plugin_manager
from claimkit.readers import build_document
from claimkit.runner import RunConfig, batched, components_needed, components_unused
from claimkit.serialize import to_json

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

_PEOPLE = ("The minister", "A Western diplomat", "Union leaders", "She", "The mayor of Lyon")
_SAYS = ("said on Monday", "told reporters on Friday", "said last week", "warned on Tuesday")
_DEMANDS = (
    "Officials urged the union to end the strike by Friday.",
    "The opposition demanded that the government resign.",
    "Farmers called on Brussels to raise subsidies next year.",
    "Nothing else happened.",
)


def write_stories(folder: Path, count: int) -> Path:
    """``count`` small generated stories (a quote, a date, a demand), one file each."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        who, says = _PEOPLE[number % len(_PEOPLE)], _SAYS[number % len(_SAYS)]
        who = "she" if who == "She" else who
        text = (
            f'"We will not accept plan number {number}," {who} {says}. '
            + _DEMANDS[number % len(_DEMANDS)]
        )
        (folder / f"story{number:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def run_cli(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    """``python -m claimkit ARGS`` in a fresh process (so worker processes are real)."""
    done = subprocess.run(
        [sys.executable, "-m", "claimkit", *map(str, args)],
        capture_output=True,
        timeout=600,
        env={**os.environ, "CLAIMKIT_DISABLE": ""},
    )
    if check:
        assert done.returncode == 0, done.stderr.decode()
    return done


# ---------------------------------------------------------------- spaCy components


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return claimkit.Pipeline().nlp


@pytest.mark.parametrize(
    ("requires", "unused"),
    [
        (("tagger", "parser", "ner", "lemmatizer"), ()),
        (("tagger", "parser"), ("lemmatizer", "ner")),
        # The parser listens to tok2vec: tok2vec stays, the tagger goes.
        (("parser",), ("tagger", "attribute_ruler", "lemmatizer", "ner")),
        # The rule lemmatizer reads Token.pos: the tagger and attribute_ruler stay.
        (("lemmatizer",), ("parser", "ner")),
        # en_core_web_sm's ner has its own embedding: tok2vec goes.
        (("ner",), ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")),
        ((), ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")),
    ],
)
def test_unused_components_are_the_closure_of_requires(
    nlp: spacy.language.Language, requires: tuple[str, ...], unused: tuple[str, ...]
) -> None:
    if nlp.pipe_names != ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]:
        pytest.skip(f"not an en_core_web_sm layout: {nlp.pipe_names}")
    assert components_unused(nlp, requires) == unused
    # What remains runs (no listener without its tok2vec) and sets what was required.
    doc = nlp("The ministers were talking in Paris.", disable=unused)
    if "lemmatizer" in requires:
        assert doc[1].lemma_ == "minister" and doc[1].pos_ == "NOUN"
    if "tagger" in requires:
        assert doc[1].tag_ == "NNS"
    if "parser" in requires:
        assert doc[2].dep_ == "aux" and doc.has_annotation("DEP")
    if "ner" in requires:
        assert [e.text for e in doc.ents] == ["Paris"]


def test_components_a_plugin_adds_always_run(nlp: spacy.language.Language) -> None:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer", name="plugin_sentences")  # not a requirement's maker...
    blank.add_pipe("claimkit_test_scale_marker")  # ...and a component claimkit cannot know
    assert components_needed(blank, ()) == {"claimkit_test_scale_marker"}
    assert components_needed(blank, ("senter",)) == {
        "plugin_sentences",
        "claimkit_test_scale_marker",
    }


@spacy.language.Language.component("claimkit_test_scale_marker")
def _marker(doc: spacy.tokens.Doc) -> spacy.tokens.Doc:
    return doc


def test_claims_are_the_same_with_and_without_unused_components() -> None:
    """The dates extractor alone needs no ner nor lemmatizer; its claims (after the
    post-processors) do not change when they are switched off."""
    pm_args = {
        "disable": ["claimkit.extractors.statements", "claimkit.extractors.demands"],
        "autoload": False,
    }
    pruned = claimkit.Pipeline(get_plugin_manager(**pm_args))  # type: ignore[arg-type]
    full = claimkit.Pipeline(get_plugin_manager(**pm_args), disable_unused=False)  # type: ignore[arg-type]
    assert [e.name for e in pruned.extractors] == ["dates"]
    assert set(pruned.unused_components) >= {"ner", "lemmatizer"}
    assert full.unused_components == ()
    documents = [
        build_document(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))
    ]
    documents.append(
        build_document("made", '"We go ahead," she said on Monday, two weeks after the vote.')
    )
    assert documents
    for with_, without in zip(pruned.run(documents), full.run(documents), strict=True):
        assert with_.claims, with_.document.id
        assert [to_json(c) for c in with_.claims] == [to_json(c) for c in without.claims]
    # Parsed one at a time too (Pipeline.process / parse).
    assert pruned.process(documents[-1]).claims == full.process(documents[-1]).claims


def test_all_built_in_extractors_need_the_whole_small_model() -> None:
    pipeline = claimkit.Pipeline(get_plugin_manager(autoload=False))
    assert pipeline.unused_components == ()


def test_a_lazy_pipeline_loads_the_model_on_first_use() -> None:
    pipeline = claimkit.Pipeline(get_plugin_manager(autoload=False), lazy=True)
    assert pipeline._nlp is None
    assert pipeline.process(build_document("d", "She said so on Monday.")).document.id == "d"
    assert pipeline._nlp is not None


# ---------------------------------------------------------------- worker processes


def test_batched_keeps_order_and_the_rest() -> None:
    documents = [build_document(str(n), "x") for n in range(7)]
    assert [[d.id for d in b] for b in batched(documents, 3)] == [
        ["0", "1", "2"],
        ["3", "4", "5"],
        ["6"],
    ]


def test_run_config_is_built_from_the_command_line() -> None:
    from claimkit.cli import build_parser

    options = build_parser().parse_args(["x", "-p", "mod", "--disable", "d", "--batch-size", "3"])
    config = RunConfig.from_options(options)
    assert (config.plugins, config.disable, config.batch_size) == (("mod",), ("d",), 3)
    assert config.namespace() == options


def test_two_jobs_write_what_one_job_writes_byte_for_byte(tmp_path: Path) -> None:
    stories = write_stories(tmp_path / "in", 40)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    common = ("--dct", "2003-03-12", "--batch-size", "4")
    first = run_cli(stories, "-j", "1", *common, "-o", one)
    second = run_cli(stories, "-j", "2", *common, "-o", two)
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_bytes().splitlines()) > 40
    # The summaries agree too.
    assert first.stderr.splitlines()[-1] == second.stderr.splitlines()[-1]
    # To standard output, the same.
    piped = run_cli(stories, "-j", "2", *common)
    assert piped.stdout == one.read_bytes()


# ---------------------------------------------------------------- progress bar


def test_no_progress_bar_when_standard_error_is_not_a_terminal(tmp_path: Path) -> None:
    stories = write_stories(tmp_path / "in", 3)
    done = run_cli(stories, "-j", "1", "-o", tmp_path / "out.jsonl")
    err = done.stderr.decode()
    assert "docs/s" not in err and "\r" not in err
    assert err.splitlines() == [err.splitlines()[-1]]
    assert err.startswith("claimkit: 3 documents")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("quiet", [False, True])
def test_progress_bar_on_a_terminal_unless_quiet(tmp_path: Path, quiet: bool) -> None:
    import fcntl
    import pty
    import struct
    import termios

    stories = write_stories(tmp_path / "in", 3)
    leader, follower = pty.openpty()
    # A terminal 24 rows by 120 columns (a new pseudo-terminal has no size).
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    try:
        done = subprocess.run(
            [sys.executable, "-m", "claimkit", str(stories), "-j", "1"]
            + ["-o", str(tmp_path / "out.jsonl")]
            + (["-q"] if quiet else []),
            stdout=subprocess.DEVNULL,
            stderr=follower,
            timeout=300,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    err = b"".join(chunks).decode()
    assert done.returncode == 0, err
    if quiet:
        assert err == ""
    else:
        assert "docs/s" in err and "3/3 files" in err
        assert "claimkit: 3 documents" in err
