"""The Dask runner on a real multi-process LocalCluster (skipped without claimkit[dask])."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimkit.cli import main
from claimkit.runner import RunConfig, process_partition
from tests.test_scale import run_cli, write_stories

distributed = pytest.importorskip("dask.distributed")

COMMON = ("--dct", "2003-03-12", "--batch-size", "4")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            memory_limit="2GiB",
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_process_partition_writes_disk_to_disk(tmp_path: Path) -> None:
    stories = write_stories(tmp_path / "in", 3)
    files = [(str(stories), str(p)) for p in sorted(stories.iterdir())]
    out = tmp_path / "part.jsonl"
    counts = process_partition(files, str(out), RunConfig(dct="2003-03-12"))
    assert counts["documents"] == 3
    assert sum(counts["claims"].values()) == len(out.read_text().splitlines())
    assert not list(tmp_path.glob("*.partial"))


def test_part_files_hold_what_one_process_writes(tmp_path: Path, client: Any) -> None:
    from claimkit.dask import run_dask

    stories = write_stories(tmp_path / "in", 30)
    single = tmp_path / "single.jsonl"
    run_cli(stories, "-j", "1", *COMMON, "-o", single)
    out = tmp_path / "parts"
    totals = run_dask([stories], out, RunConfig(dct="2003-03-12"), client=client, partitions=4)
    parts = sorted(out.glob("part-*.jsonl"))
    assert [p.name for p in parts] == [f"part-{n:05d}.jsonl" for n in range(4)]
    assert b"".join(p.read_bytes() for p in parts) == single.read_bytes()
    assert totals["documents"] == 30 and totals["parts"] == 4
    # Both workers took part: the model was loaded in each, not shipped from here.
    assert len(client.scheduler_info()["workers"]) == 2


def test_the_command_line_runs_on_a_scheduler_and_resumes(tmp_path: Path, client: Any) -> None:
    stories = write_stories(tmp_path / "in", 12)
    out = tmp_path / "parts"
    address = client.scheduler.address
    assert main([str(stories), *COMMON, "--scheduler", address, "-o", str(out)]) == 0
    parts = sorted(out.glob("part-*.jsonl"))
    assert parts and all(p.stat().st_size for p in parts)
    written = {p.name: p.read_bytes() for p in parts}
    # A lost part is done again by --resume; the others are kept.
    parts[0].unlink()
    kept = parts[1].stat().st_mtime_ns
    assert main([str(stories), *COMMON, "--scheduler", address, "-o", str(out), "--resume"]) == 0
    assert {p.name: p.read_bytes() for p in sorted(out.glob("part-*.jsonl"))} == written
    assert parts[1].stat().st_mtime_ns == kept
    # Other inputs are not resumed into the same folder.
    write_stories(tmp_path / "in", 13)
    code = main([str(stories), *COMMON, "--scheduler", address, "-o", str(out), "--resume"])
    assert code == 2


def test_the_scheduler_needs_an_output_folder(tmp_path: Path) -> None:
    stories = write_stories(tmp_path / "in", 1)
    assert main([str(stories), "--scheduler", "local"]) == 2
