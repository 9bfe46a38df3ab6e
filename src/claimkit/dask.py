"""Run claimkit over a folder on a Dask cluster (``pip install 'claimkit[dask]'``).

The input files are split, in their stable order, into partitions; a ``dask.bag`` maps
:func:`claimkit.runner.process_partition` over them, and every worker writes the claims
of its partition to a part file ``OUTDIR/part-00000.jsonl`` (disk to disk: only counts
travel back). Read in name order, the part files hold what ``python -m claimkit FOLDER``
writes, in the same order. Each worker loads the model once, in the worker (never
pickled from the client); plugins must be installed in every worker's environment.

From the command line::

    python -m claimkit FOLDER --scheduler tcp://host:8786 -o OUTDIR
    python -m claimkit FOLDER --scheduler local -j 4 -o OUTDIR   # a LocalCluster

From Python::

    from dask.distributed import Client
    from claimkit.dask import run_dask
    with Client("tcp://host:8786") as client:
        counts = run_dask([Path("stories")], Path("out"), client=client)
"""

import argparse
import hashlib
import json
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pluggy

from claimkit.runner import RunConfig, iter_inputs, process_partition

__all__ = ["dask_main", "partition_files", "run_dask"]

#: The manifest beside the part files: the inputs of each part, to check on --resume.
MANIFEST = "claimkit-parts.json"


def partition_files(
    files: Sequence[tuple[Path, Path]], *, partitions: int
) -> list[list[tuple[str, str]]]:
    """``files`` in ``partitions`` contiguous runs of nearly equal length (none empty)."""
    count = max(1, min(partitions, len(files)))
    size = math.ceil(len(files) / count) if files else 0
    return [
        [(str(root), str(path)) for root, path in files[start : start + size]]
        for start in range(0, len(files), size or 1)
    ]


def _run_part(task: tuple[list[tuple[str, str]], str], config: RunConfig) -> dict[str, Any]:
    """One element of the bag: a partition of files and its part file."""
    files, out_path = task
    return process_partition(files, out_path, config)


def run_dask(
    paths: Sequence[Path],
    out_dir: Path,
    config: RunConfig | None = None,
    *,
    client: Any,
    recursive: bool = False,
    partitions: int | None = None,
    suffix: str = ".jsonl",
    resume: bool = False,
) -> dict[str, Any]:
    """Process every file under ``paths`` on ``client``'s cluster into part files.

    :param partitions: how many parts (default: four per worker thread, at most one
        per file); the unit of a partition is the file.
    :param resume: keep the part files already written (each is written whole, under a
        temporary name first) and do only the others; the inputs must be the same.
    :returns: the summed counts of the partitions (see ``PartitionSummary``).
    """
    import dask.bag as db

    config = config or RunConfig()
    out_dir.mkdir(parents=True, exist_ok=True)
    out_resolved = out_dir.resolve()
    files = [
        (root, path)
        for root, path in iter_inputs(paths, recursive=recursive)
        if out_resolved not in path.resolve().parents
    ]
    manifest = out_dir / MANIFEST
    before = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else None
    if resume and before is not None:
        partitions = before.get("parts", partitions)  # as before, whatever the cluster now
    if partitions is None:
        threads = sum(client.nthreads().values()) or 1
        partitions = 4 * threads
    parts = partition_files(files, partitions=partitions)
    names = [out_dir / f"part-{number:05d}{suffix}" for number in range(len(parts))]
    digest = hashlib.sha256(json.dumps(parts).encode()).hexdigest()
    if resume and before is not None:
        if before.get("inputs") != digest:
            raise ValueError(
                f"{out_dir} was written for other inputs or partitions; run without --resume"
            )
    else:
        for old in out_dir.glob(f"part-*{suffix}"):
            old.unlink()
        manifest.write_text(json.dumps({"inputs": digest, "parts": len(parts)}), encoding="utf-8")
    tasks = [
        (part, str(name))
        for part, name in zip(parts, names, strict=True)
        if not (resume and name.exists())
    ]
    totals: dict[str, Any] = {
        "documents": 0,
        "claims": {},
        "sources": 0,
        "problems": [],
        "unreadable": [],
        "parts": len(parts),
        "skipped_parts": len(parts) - len(tasks),
    }
    if not tasks:
        return totals
    bag = db.from_sequence(tasks, npartitions=len(tasks)).map(_run_part, config)
    for counts in client.compute(bag).result():
        totals["documents"] += counts["documents"]
        totals["sources"] += counts["sources"]
        for kind, number in counts["claims"].items():
            totals["claims"][kind] = totals["claims"].get(kind, 0) + number
        totals["problems"].extend(counts["problems"])
        totals["unreadable"].extend(counts["unreadable"])
    return totals


def dask_main(pm: pluggy.PluginManager, options: argparse.Namespace) -> int:
    """``python -m claimkit FOLDER --scheduler ADDRESS|local -o OUTDIR``."""
    from claimkit.plugins import PluginError
    from claimkit.writers import get_writers, writer_for

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("claimkit: --scheduler needs Dask: pip install 'claimkit[dask]'", file=sys.stderr)
        return 2
    if options.output is None or options.output.is_file():
        print("claimkit: --scheduler needs -o OUTDIR, a folder for the part files", file=sys.stderr)
        return 2
    try:
        writer = writer_for(get_writers(pm, options), options.format, None)
    except (KeyError, PluginError) as error:
        print(f"claimkit: -f: {error}", file=sys.stderr)
        return 2
    config = RunConfig.from_options(options, writer=writer.name)
    try:
        if options.scheduler == "local":
            cluster = LocalCluster(
                n_workers=options.jobs or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
        else:
            cluster, client = None, Client(options.scheduler)
        try:
            totals = run_dask(
                options.paths,
                options.output,
                config,
                client=client,
                recursive=options.recursive,
                suffix=writer.suffix,
                resume=options.resume,
            )
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    except (OSError, ValueError) as error:
        print(f"claimkit: {error}", file=sys.stderr)
        return 2
    for message in totals["unreadable"] + totals["problems"]:
        print(f"claimkit: {message}", file=sys.stderr)
    if not options.quiet:
        kinds = totals["claims"]
        by_kind = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        skipped = totals["skipped_parts"]
        print(
            f"claimkit: {totals['documents']} documents, {sum(kinds.values())} claims"
            f"{f' ({by_kind})' if by_kind else ''}, {totals['sources']} sources; "
            f"{len(totals['unreadable'])} unreadable files, {len(totals['problems'])} plugin "
            f"problems; {totals['parts']} parts in {options.output}"
            f"{f' ({skipped} kept from before)' if skipped else ''}",
            file=sys.stderr,
        )
    if options.strict and totals["problems"]:
        return 1
    return 1 if totals["unreadable"] else 0
