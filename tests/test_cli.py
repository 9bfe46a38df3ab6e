"""``python -m claimkit``: a folder of documents in, JSON Lines of claims out."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from claimkit.cli import main
from claimkit.plugins import get_plugin_manager
from claimkit.readers import iter_files, read_file

STORY = (
    "Published by Wire - Tuesday, January 28, 1997\n"
    'MOSCOW (Reuters) - "We will not give in," the minister said on Monday, January 27, 1997.\n'
)
OTHER = "Officials in Geneva said the talks would resume on Friday.\n"

# A plugin that reports each document's creation time as a claim: the output then
# shows which DCT the pipeline saw, whatever the built-in extractors do.
ECHO = """
import claimkit
from claimkit import Claim, Extractor, Span


def echo(doc, document):
    span = Span.of(document.text, 0, 1)
    yield Claim(kind="dct", doc_id=document.id, extractor="dct-echo", evidence=span,
                said_on=document.dct)


@claimkit.hookimpl
def claimkit_extractors():
    yield Extractor(name="dct-echo", kinds=("dct",), extract=echo)
"""
ECHO_MODULE = "claimkit_cli_dct_echo"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "other.md").write_text(OTHER, encoding="utf-8")
    (folder / "more.jsonl").write_text(
        json.dumps({"id": "j1", "text": OTHER, "dct": "1997-03-01"})
        + "\n"
        + json.dumps({"id": "j2", "text": STORY})
        + "\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def echo_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / f"{ECHO_MODULE}.py").write_text(ECHO, encoding="utf-8")
    monkeypatch.syspath_prepend(str(plugins))
    monkeypatch.delitem(sys.modules, ECHO_MODULE, raising=False)
    return ECHO_MODULE


def texts_of(folder: Path) -> dict[str, str]:
    pm = get_plugin_manager(autoload=False)
    return {d.id: d.text for path in iter_files(folder) for d in read_file(pm, path, root=folder)}


def records(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.split("\n") if line]


def check_records(found: list[dict[str, Any]], texts: dict[str, str]) -> None:
    for record in found:
        assert {"doc_id", "kind", "evidence"} <= record.keys()
        evidence = record["evidence"]
        assert set(evidence) == {"start", "end", "text"}
        text = texts[record["doc_id"]]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_folder_to_json_lines_on_stdout(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(corpus)]) == 0
    out, err = capsys.readouterr()
    found = records(out)
    assert found, "no claims written"
    check_records(found, texts_of(corpus))
    assert {r["doc_id"] for r in found} <= {"story.txt", "other.md", "j1", "j2"}
    summary = err.strip().splitlines()[-1]
    assert summary.startswith("claimkit: 4 documents, ")
    assert f"{len(found)} claims" in summary
    assert "0 unreadable files" in summary


def test_output_file(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "claims.jsonl"
    assert main([str(corpus), "-o", str(out_file)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    found = records(out_file.read_text(encoding="utf-8"))
    assert found
    check_records(found, texts_of(corpus))
    assert f"{len(found)} claims" in err


def test_quiet_prints_no_summary(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(corpus), "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_single_file_argument(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(corpus / "story.txt"), "-q"]) == 0
    found = records(capsys.readouterr().out)
    assert {r["doc_id"] for r in found} == {"story.txt"}


def test_bad_files_are_reported_and_the_good_ones_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], echo_plugin: str
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    (folder / "bad.jsonl").write_text('{"text": "fine"}\n{"text": broken\n', encoding="utf-8")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02\x03\xff" * 20)
    code = main([str(folder), "-p", echo_plugin])
    out, err = capsys.readouterr()
    assert code == 1
    found = records(out)
    # bad.jsonl's first line is read before its second is found broken: it is kept
    assert {r["doc_id"] for r in found} == {"good.txt", "bad.jsonl#1"}
    assert any(r["kind"] == "dct" for r in found)
    check_records(found, {"good.txt": STORY, "bad.jsonl#1": "fine"})
    lines = err.strip().splitlines()
    bad = [line for line in lines if "bad.jsonl" in line]
    blob = [line for line in lines if "blob.txt" in line]
    assert len(bad) == 1 and "line 2" in bad[0]
    assert len(blob) == 1 and "binary" in blob[0]
    assert all("Traceback" not in line for line in lines)
    assert "claimkit: 2 documents" in lines[-1] and "2 unreadable files" in lines[-1]


def test_dct_flag_overrides_header_and_metadata(
    corpus: Path, capsys: pytest.CaptureFixture[str], echo_plugin: str
) -> None:
    assert main([str(corpus), "-q", "-p", echo_plugin]) == 0
    seen = {
        r["doc_id"]: r["said_on"] for r in records(capsys.readouterr().out) if r["kind"] == "dct"
    }
    assert seen == {
        "story.txt": "1997-01-28",
        "other.md": None,
        "j1": "1997-03-01",
        "j2": "1997-01-28",
    }
    assert main([str(corpus), "-q", "-p", echo_plugin, "--dct", "2001-09-10"]) == 0
    seen = {
        r["doc_id"]: r["said_on"] for r in records(capsys.readouterr().out) if r["kind"] == "dct"
    }
    assert seen == dict.fromkeys(("story.txt", "other.md", "j1", "j2"), "2001-09-10")


def test_disable_a_plugin(
    corpus: Path, capsys: pytest.CaptureFixture[str], echo_plugin: str
) -> None:
    assert main([str(corpus), "-q", "-p", echo_plugin, "--disable", echo_plugin]) == 0
    assert not any(r["kind"] == "dct" for r in records(capsys.readouterr().out))


def test_disable_a_builtin(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(corpus), "-q", "--disable", "claimkit.extractors.dates"]) == 0
    found = records(capsys.readouterr().out)
    assert not any(r["kind"] == "date" for r in found)


def test_nonexistent_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-such-folder"
    assert main([str(missing)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert any("no-such-folder" in line and "no such" in line for line in err.splitlines())


def test_unknown_plugin_is_a_one_line_error(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(corpus), "-p", "claimkit_no_such_plugin"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "claimkit_no_such_plugin" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import claimkit

    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert claimkit.__version__ in capsys.readouterr().out


def test_python_dash_m(corpus: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "claimkit", str(corpus)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = records(done.stdout)
    assert found
    check_records(found, texts_of(corpus))
    assert done.stderr.strip().splitlines()[-1].startswith("claimkit: 4 documents")


def test_plugin_with_a_misspelt_hook_is_a_one_line_error(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "claimkit_cli_misspelt.py").write_text(
        "import claimkit\n\n@claimkit.hookimpl\ndef claimkit_extractorz():\n    return []\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "claimkit_cli_misspelt", raising=False)
    assert main([str(corpus), "-p", "claimkit_cli_misspelt"]) == 2
    assert "claimkit_extractorz" in capsys.readouterr().err


def test_bad_dct_is_refused_up_front(tmp_path, capsys) -> None:
    (tmp_path / "a.txt").write_text("The minister said the talks failed.", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main([str(tmp_path), "--dct", "not a date"])
    assert stopped.value.code == 2
    assert "--dct" in capsys.readouterr().err


def test_output_inside_the_input_folder_is_not_read(tmp_path, capsys) -> None:
    for n in range(20):
        (tmp_path / f"{n:02d}.txt").write_text(
            f"Official {n} said the talks failed.", encoding="utf-8"
        )
    out = tmp_path / "claims.jsonl"
    assert main([str(tmp_path), "-o", str(out)]) == 0
    assert "claims.jsonl" not in capsys.readouterr().err


def test_unwritable_output_is_one_line(tmp_path, capsys) -> None:
    (tmp_path / "a.txt").write_text("The minister said the talks failed.", encoding="utf-8")
    assert main([str(tmp_path), "-o", str(tmp_path / "missing" / "out.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err


# ---------------------------------------------------------------- --strict

RAISING = """
import claimkit
from claimkit import Extractor


def boom(doc, document):
    raise RuntimeError("kaboom on " + document.id)


@claimkit.hookimpl
def claimkit_extractors():
    yield Extractor(name="boom", kinds=("boom",), extract=boom)
"""


@pytest.fixture
def raising_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    name = "claimkit_cli_raising"
    (tmp_path / f"{name}.py").write_text(RAISING, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)
    return name


def test_plugin_problems_are_reported_and_the_run_succeeds(
    corpus: Path, capsys: pytest.CaptureFixture[str], raising_plugin: str
) -> None:
    assert main([str(corpus), "-p", raising_plugin]) == 0
    out, err = capsys.readouterr()
    assert records(out), "the other extractors' claims are written"
    assert "story.txt [boom]: RuntimeError: kaboom on story.txt" in err
    assert "4 plugin problems" in err.splitlines()[-1]


def test_strict_fails_on_a_raising_plugin(
    corpus: Path, capsys: pytest.CaptureFixture[str], raising_plugin: str
) -> None:
    assert main([str(corpus), "-p", raising_plugin, "--strict"]) == 1
    out, err = capsys.readouterr()
    assert records(out), "the run still finishes and writes its claims"
    assert "--strict: 4 plugin problems" in err


def test_strict_without_problems_succeeds(corpus: Path) -> None:
    assert main([str(corpus), "-q", "--strict"]) == 0


# ---------------------------------------------------------------- formats


def test_format_jsonl_is_the_default(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(corpus), "-q", "-f", "jsonl"]) == 0
    explicit = capsys.readouterr().out
    assert main([str(corpus), "-q"]) == 0
    assert capsys.readouterr().out == explicit


def test_unknown_format_is_a_one_line_error(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(corpus), "-f", "nonesuch"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "jsonl" in err


# ---------------------------------------------------------------- plugins command


def plugins_listed(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["plugins", "--json", *args]) == 0
    return {info["name"]: info for info in json.loads(capsys.readouterr().out)}


def test_plugins_lists_the_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    from claimkit.plugins import BUILTIN_PLUGINS

    found = plugins_listed(capsys)
    for name in BUILTIN_PLUGINS:
        assert found[name]["origin"] == "builtin"
        assert found[name]["hooks"], name
    assert "claimkit_read_document" in found["claimkit.readers.text"]["hooks"]


def test_plugins_text_output(capsys: pytest.CaptureFixture[str], echo_plugin: str) -> None:
    assert main(["plugins", "-p", echo_plugin]) == 0
    out = capsys.readouterr().out
    assert out.startswith("claimkit ") and "hook API" in out.splitlines()[0]
    assert "claimkit.extractors.dates 0.1.0  [built-in]" in out
    assert f"{echo_plugin} (no version)  [-p]" in out
    assert "    extractor dct-echo (dct)" in out


def test_plugins_named_and_disabled(capsys: pytest.CaptureFixture[str], echo_plugin: str) -> None:
    found = plugins_listed(capsys, "-p", echo_plugin, "--disable", "claimkit.extractors.dates")
    assert found[echo_plugin]["origin"] == "named"
    assert found[echo_plugin]["hooks"] == ["claimkit_extractors"]
    assert found["claimkit.extractors.dates"]["origin"] == "disabled"
    assert found["claimkit.extractors.dates"]["hooks"] == []


def test_autoload_off_loads_no_installed_plugin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMKIT_DISABLE_PLUGIN_AUTOLOAD", "1")
    found = plugins_listed(capsys)
    assert {info["origin"] for info in found.values()} == {"builtin"}
    assert main(["plugins"]) == 0
    assert "[entry point" not in capsys.readouterr().out


def test_plugins_command_with_a_broken_plugin_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plugins", "-p", "claimkit_no_such_plugin"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "claimkit_no_such_plugin" in err


def test_python_dash_m_plugins_sees_the_installed_plugins(tmp_path: Path) -> None:
    """The plugins of this repository (plugins/*, installed by .ci/run) are found by
    their entry points, with their distributions."""
    done = subprocess.run(
        [sys.executable, "-m", "claimkit", "plugins", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = {info["name"]: info for info in json.loads(done.stdout)}
    for name, distribution in (("numbers", "claimkit-numbers"), ("template", "claimkit-template")):
        assert name in found, f"{distribution} is not installed (pip install ./plugins/*/)"
        assert found[name]["origin"] == "entrypoint"
        assert found[name]["distribution"] == distribution
        assert found[name]["version"] and found[name]["extractors"]


DEMAND_STORY = (
    "GENEVA, March 3 (Reuters) - The European Union urged Myanmar on Monday to release "
    "the jailed journalists.\n"
)


def test_events_format_is_csv_a_row_per_demand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv
    import io

    from claimkit.writers.events import EVENT_COLUMNS

    (tmp_path / "demand.txt").write_text(DEMAND_STORY, encoding="utf-8")
    (tmp_path / "none.txt").write_text(OTHER, encoding="utf-8")
    assert main([str(tmp_path), "-q", "-f", "events", "--dct", "2024-03-04"]) == 0
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0] == ",".join(EVENT_COLUMNS)
    assert [(r["doc_id"], r["strength"], r["category"]) for r in rows] == [
        ("demand.txt", "appeal", "prisoner_release")
    ]
    # -o with the .csv suffix chooses it too
    target = tmp_path / "out" / "events.csv"
    target.parent.mkdir()
    assert main([str(tmp_path), "-q", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").splitlines()[0] == ",".join(EVENT_COLUMNS)


# ---------------------------------------------------------------- scale options (#7)


@pytest.mark.parametrize("option", ["-j", "--jobs", "--batch-size"])
@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_jobs_and_batch_size_are_positive_numbers(
    tmp_path: Path, option: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([str(tmp_path), option, value])
    assert stopped.value.code == 2
    assert "not a positive whole number" in capsys.readouterr().err


def test_few_documents_with_many_jobs_are_done_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Fewer documents than a batch per job: no workers are started (they would each
    load the model), and the output is what -j 1 writes."""
    (tmp_path / "a.txt").write_text('"We go," she said on Monday.', encoding="utf-8")
    assert main([str(tmp_path), "-j", "1", "-q", "--dct", "2003-03-12"]) == 0
    one = capsys.readouterr().out
    assert main([str(tmp_path), "-j", "8", "-q", "--dct", "2003-03-12"]) == 0
    assert capsys.readouterr().out == one != ""


def test_help_names_the_scale_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for option in ("--jobs", "--resume", "--scheduler", "--batch-size", ".sgm"):
        assert option in out
