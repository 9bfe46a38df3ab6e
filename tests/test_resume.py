"""--resume: a run killed at any moment continues without losing or repeating a document."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimkit.readers import build_document
from claimkit.runner import Journal, ResumeError
from tests.test_scale import run_cli, write_stories

COMMON = ("--dct", "2003-03-12", "--batch-size", "4")


def kill_midway(stories: Path, output: Path, *, jobs: int, after: int) -> None:
    """Start a run and SIGKILL it once ``after`` documents are journalled."""
    journal = Journal(output).path
    process = subprocess.Popen(
        [sys.executable, "-m", "claimkit", str(stories), "-j", str(jobs), *COMMON, "-o", output],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and process.poll() is None:
            if journal.exists() and journal.read_bytes().count(b"\n") >= after:
                break
            time.sleep(0.02)
        assert process.poll() is None, "the run ended before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)


def doc_ids(output: Path) -> list[str]:
    return [json.loads(line)["doc_id"] for line in output.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_killed_run_resumes_with_every_document_once(tmp_path: Path, jobs: int) -> None:
    count = 120
    stories = write_stories(tmp_path / "in", count)
    complete = tmp_path / "complete.jsonl"
    run_cli(stories, "-j", "1", *COMMON, "-o", complete)

    output = tmp_path / "out.jsonl"
    kill_midway(stories, output, jobs=jobs, after=10)
    journalled = Journal(output).path.read_bytes().count(b"\n")
    assert 10 <= journalled < count
    # As if the kill had come in the middle of a record: a torn last line.
    with output.open("ab") as handle:
        handle.write(b'{"doc_id": "story9999.txt", "kind": "stat')

    resumed = run_cli(stories, "-j", str(jobs), *COMMON, "-o", output, "--resume")
    assert "done before --resume" in resumed.stderr.decode()
    assert output.read_bytes() == complete.read_bytes()
    journal = [json.loads(line) for line in Journal(output).path.read_text().splitlines()]
    assert [doc_id for _, doc_id in journal] == [f"story{n:04d}.txt" for n in range(count)]
    # Every document's claims once, in order.
    ids = doc_ids(output)
    assert sorted(set(ids)) == sorted({f"story{n:04d}.txt" for n in range(count)})
    assert ids == sorted(ids)


def test_resuming_a_finished_run_adds_nothing(tmp_path: Path) -> None:
    stories = write_stories(tmp_path / "in", 5)
    output = tmp_path / "out.jsonl"
    run_cli(stories, "-j", "1", *COMMON, "-o", output)
    before = output.read_bytes()
    again = run_cli(stories, "-j", "1", *COMMON, "-o", output, "--resume")
    assert output.read_bytes() == before
    assert "claimkit: 0 documents" in again.stderr.decode()
    assert "(and 5 done before --resume)" in again.stderr.decode()


def test_a_torn_journal_line_is_dropped_with_its_document(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text('{"a": 1}\n{"b": 2}\n{"c"', encoding="utf-8")
    journal = Journal(output)
    journal.path.write_text('[9, "one"]\n[18, "tw', encoding="utf-8")
    _, done = journal.start(resume=True)
    try:
        assert done == 1
        assert output.read_text(encoding="utf-8") == '{"a": 1}\n'
        assert journal.path.read_text(encoding="utf-8") == '[9, "one"]\n'
        documents = [build_document(i, "text") for i in ("one", "two", "three")]
        assert [d.id for d in journal.skip_done(documents, done)] == ["two", "three"]
    finally:
        journal.close()


def test_changed_inputs_are_refused(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text("", encoding="utf-8")
    journal = Journal(output)
    journal.path.write_text('[0, "one"]\n', encoding="utf-8")
    journal.start(resume=True)
    try:
        with pytest.raises(ResumeError, match="inputs changed"):
            list(journal.skip_done([build_document("other", "text")], 1))
    finally:
        journal.close()


def test_an_output_without_journal_is_not_resumed(tmp_path: Path) -> None:
    stories = write_stories(tmp_path / "in", 2)
    output = tmp_path / "out.jsonl"
    output.write_text('{"claims": "from elsewhere"}\n', encoding="utf-8")
    done = run_cli(stories, "-j", "1", "-o", output, "--resume", check=False)
    assert done.returncode == 2
    assert "no journal" in done.stderr.decode()
    assert output.read_text(encoding="utf-8") == '{"claims": "from elsewhere"}\n'


def test_resume_needs_an_output_file_in_json_lines(tmp_path: Path) -> None:
    from claimkit.cli import main

    stories = write_stories(tmp_path / "in", 1)
    assert main([str(stories), "--resume"]) == 2
    assert main([str(stories), "--resume", "-o", str(tmp_path / "e.csv")]) == 2


def test_the_journal_is_not_read_as_an_input(tmp_path: Path) -> None:
    """The output and its journal may sit in the folder being read."""
    from claimkit.cli import main

    stories = write_stories(tmp_path / "in", 2)
    output = stories / "claims.jsonl"
    assert main([str(stories), "-j", "1", "-q", "-o", str(output)]) == 0
    assert main([str(stories), "-j", "1", "-q", "-o", str(output), "--resume"]) == 0
    assert main([str(stories), "-j", "1", "-q", "-o", str(output)]) == 0
    assert sorted(set(doc_ids(output))) == ["story0000.txt", "story0001.txt"]


def test_ctrl_c_leaves_a_resumable_output(tmp_path: Path) -> None:
    stories = write_stories(tmp_path / "in", 80)
    output = tmp_path / "out.jsonl"
    journal = Journal(output).path
    process = subprocess.Popen(
        [sys.executable, "-m", "claimkit", str(stories), "-j", "1", *COMMON, "-o", str(output)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 5:
            break
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("the run finished before Ctrl-C reached it")
    assert process.returncode == 130, err.decode()
    assert "--resume" in err.decode()
    run_cli(stories, "-j", "1", *COMMON, "-o", output, "--resume")
    ids = doc_ids(output)
    assert sorted(set(ids)) == [f"story{n:04d}.txt" for n in range(80)]
