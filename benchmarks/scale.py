"""Throughput and memory of claimkit as a whole process, against spaCy alone and a peer.

Usage::

    python benchmarks/scale.py [--corpus reut2-000.sgm] [--repeats 3] [--scales 1 10]

Every measurement is a separate process, timed by wall clock from the outside (model
loading included) with its peak resident set size from ``getrusage(RUSAGE_CHILDREN)`` of
a fresh wrapper process (for ``-j 2``, the largest of the parent and its workers):

- ``bare``: a process that loads the same model and runs ``nlp.pipe`` over the same
  texts, and nothing else;
- ``claimkit -j 1`` and ``claimkit -j 2``: ``python -m claimkit`` with the built-in
  extractors (installed plugins not autoloaded), writing JSON Lines to a file;
- ``textacy``: the same ``nlp.pipe``, then ``textacy.extract.triples.direct_quotations``
  on each Doc (when textacy is installed; it is not a claimkit dependency).

The corpus is the 1,000 stories of Reuters-21578's ``reut2-000.sgm`` (never copied into
the repository). At scale 10 the stories are repeated ten times: ``bare`` and
``textacy`` take them from a generator; claimkit reads a temporary folder of ten
symbolic links to the one file (no copies written). Words are the whitespace-separated
words of the story texts. Conditions run in turn within each repeat, so that load from
other processes on the machine falls on all of them alike; medians are reported.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path("/work/shared/corpora/reuters21578/reut2-000.sgm")
BATCH_SIZE = 64

# Measure a command: wall time and the peak RSS of its process tree, as JSON.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"wall": wall, "cpu": cpu, "rss_kib": usage.ru_maxrss, "code": code}))
"""


def texts(corpus: Path, times: int) -> Iterator[str]:
    """The story texts claimkit reads, ``times`` over, lazily."""
    from claimkit.readers.sgml import _decode, read_sgml

    documents = read_sgml(_decode(corpus.read_bytes()))
    for _ in range(times):
        for document in documents:
            yield document.text


def bare(corpus: Path, times: int, *, quotes: bool) -> None:
    """Load the model and pipe the texts through it (``quotes``: and textacy's)."""
    import spacy

    from claimkit.nlp import resolve_model

    nlp = spacy.load(resolve_model())
    found = refused = 0
    if quotes:
        from textacy.extract.triples import direct_quotations

        for doc in nlp.pipe(texts(corpus, times), batch_size=BATCH_SIZE):
            try:
                found += sum(1 for _ in direct_quotations(doc))
            except ValueError:  # textacy bails out on an odd number of quotation marks
                refused += 1
    else:
        for doc in nlp.pipe(texts(corpus, times), batch_size=BATCH_SIZE):
            found += len(doc)
    print(f"found {found}, refused {refused}", file=sys.stderr)


def measure(command: list[str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(done.stdout)
    if result["code"] != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return result


def have_textacy() -> bool:
    done = subprocess.run(
        [sys.executable, "-c", "import textacy.extract.triples"], capture_output=True
    )
    return done.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument(
        "--repeats-at-scale",
        type=int,
        default=1,
        help="repeats at scales above 1 (slow; memory is what they are for)",
    )
    parser.add_argument(
        "--at-scale",
        default="claimkit -j 1,textacy",
        help="comma-separated conditions also run at scales above 1 (default: %(default)s)",
    )
    parser.add_argument("--bare", type=int, metavar="TIMES", help=argparse.SUPPRESS)
    parser.add_argument("--textacy", type=int, metavar="TIMES", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.bare:
        return bare(options.corpus, options.bare, quotes=False)
    if options.textacy:
        return bare(options.corpus, options.textacy, quotes=True)

    os.environ["CLAIMKIT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    words = sum(len(text.split()) for text in texts(options.corpus, 1))
    script = str(Path(__file__).resolve())
    peer = have_textacy()
    print(f"corpus {options.corpus}: {words} words per repetition; textacy: {peer}")
    report: dict[str, dict[str, list[dict[str, float]]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for scale in options.scales:
            folder = Path(scratch) / f"x{scale}"
            folder.mkdir()
            for copy in range(scale):
                (folder / f"copy{copy:02d}.sgm").symlink_to(options.corpus.resolve())
            output = str(Path(scratch) / "claims.jsonl")
            claimkit = [sys.executable, "-m", "claimkit", str(folder), "-q", "-o", output]
            source = [sys.executable, script, "--corpus", str(options.corpus)]
            conditions = {
                "bare": [*source, "--bare", str(scale)],
                "claimkit -j 1": [*claimkit, "-j", "1"],
                "claimkit -j 2": [*claimkit, "-j", "2"],
            }
            if peer:
                conditions["textacy"] = [*source, "--textacy", str(scale)]
            repeats = options.repeats if scale == 1 else options.repeats_at_scale
            if scale > 1:
                wanted = options.at_scale.split(",")
                conditions = {k: v for k, v in conditions.items() if k in wanted}
            for repeat in range(repeats):
                for name, command in conditions.items():
                    result = measure(command)
                    report.setdefault(f"{name} x{scale}", {}).setdefault("runs", []).append(result)
                    print(
                        f"  x{scale} #{repeat + 1} {name:14} {result['wall']:7.1f} s "
                        f"{result['cpu']:7.1f} s CPU "
                        f"{scale * words / result['wall']:8.0f} words/s "
                        f"{result['rss_kib'] / 1024:6.0f} MiB",
                        flush=True,
                    )
    print("\nmedians:")
    print(
        f"{'condition':22} {'runs':>4} {'wall s':>8} {'CPU s':>8} {'words/s':>9} "
        f"{'words/CPU s':>11} {'peak RSS MiB':>13}"
    )
    medians: dict[str, tuple[float, float, float]] = {}
    for label, data in report.items():
        scale = int(label.rsplit("x", 1)[1])
        wall = statistics.median(r["wall"] for r in data["runs"])
        cpu = statistics.median(r["cpu"] for r in data["runs"])
        rss = statistics.median(r["rss_kib"] for r in data["runs"]) / 1024
        medians[label] = (scale * words / wall, rss, scale * words / cpu)
        print(
            f"{label:22} {len(data['runs']):>4} {wall:8.1f} {cpu:8.1f} "
            f"{medians[label][0]:9.0f} {medians[label][2]:11.0f} {rss:13.0f}"
        )
    print("\nratios:")
    for scale in options.scales:
        bare_speed = medians.get(f"bare x{scale}", (0.0, 0.0, 0.0))[0]
        one = medians.get(f"claimkit -j 1 x{scale}")
        two = medians.get(f"claimkit -j 2 x{scale}")
        if one and bare_speed:
            bare_cpu = medians[f"bare x{scale}"][2]
            print(f"x{scale}: claimkit -j 1 / bare speed = {one[0] / bare_speed:.2f} (target 0.9)")
            print(f"x{scale}: claimkit -j 1 / bare words per CPU second = {one[2] / bare_cpu:.2f}")
        if one and two:
            print(f"x{scale}: claimkit -j 2 / -j 1 speed = {two[0] / one[0]:.2f} (target 1.7)")
    for name in ("bare", "claimkit -j 1", "claimkit -j 2", "textacy"):
        low, high = medians.get(f"{name} x1"), medians.get(f"{name} x10")
        if low and high:
            print(f"{name}: peak RSS x10 / x1 = {high[1] / low[1]:.2f} (target 1.2)")
    print(f"\n{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
