"""``python -m claimkit evaluate PATH``: run claimkit on gold-annotated data and score it.

Each gold format is a module with ``NAME``, ``detect(path) -> bool`` and
``evaluate(path, options) -> list[Section]``; :data:`FORMATS` lists them in the order
they are tried.
"""

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType

from claimkit.evaluate import demandsdev, polnear, seedformat, timeml
from claimkit.evaluate.metrics import Section
from claimkit.plugins import add_plugin_options, get_plugin_manager

#: The gold formats ``evaluate`` reads, tried in this order.
FORMATS: tuple[ModuleType, ...] = (seedformat, polnear, timeml, demandsdev)


def build_parser() -> argparse.ArgumentParser:
    from claimkit.cli import add_pipeline_options

    names = ", ".join(f.NAME for f in FORMATS)
    parser = argparse.ArgumentParser(
        prog="claimkit evaluate",
        description=(
            "Run claimkit on gold-annotated data and print precision, recall and F1 per "
            f"extractor. Formats ({names}) are recognised from PATH; see docs/evaluation.md."
        ),
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="the gold-annotated data")
    parser.add_argument(
        "--format", choices=[f.NAME for f in FORMATS], help="the gold format (default: detected)"
    )
    parser.add_argument(
        "--gold", type=Path, metavar="DIR", help="seed format: the gold folder (default: PATH/gold)"
    )
    parser.add_argument(
        "--predictions",
        type=Path,
        metavar="FILE",
        help="score these claims (JSON Lines written by claimkit) instead of running claimkit",
    )
    parser.add_argument(
        "--errors", action="store_true", help="list every miss, extra and wrong value"
    )
    add_pipeline_options(parser)
    return parser


def main(argv: Sequence[str]) -> int:
    from claimkit.cli import SETUP_ERRORS, plugin_parser

    # As the main command does: plugins named with -p may add options of their own.
    early, _ = plugin_parser().parse_known_args(argv)
    parser = build_parser()
    try:
        add_plugin_options(get_plugin_manager(early.plugin, disable=early.disable), parser)
    except SETUP_ERRORS as error:
        print(f"claimkit evaluate: {error}", file=sys.stderr)
        return 2
    options = parser.parse_args(argv)
    if not options.path.exists():
        print(f"claimkit evaluate: {options.path}: no such file or folder", file=sys.stderr)
        return 2
    if options.format:
        chosen = [f for f in FORMATS if options.format == f.NAME]
    else:
        chosen = [f for f in FORMATS if f.detect(options.path)]
    if not chosen:
        print(
            f"claimkit evaluate: {options.path}: not gold data in a known format "
            f"({', '.join(f.NAME for f in FORMATS)})",
            file=sys.stderr,
        )
        return 2
    try:
        sections: Iterable[Section] = chosen[0].evaluate(options.path, options)
    except SETUP_ERRORS as error:
        print(f"claimkit evaluate: {error}", file=sys.stderr)
        return 2
    for section in sections:
        print(render(section, errors=options.errors))
    return 0


def render(section: Section, *, errors: bool) -> str:
    lines = [f"== {section.name}"]
    lines += [f"  {name:<32} {value:7.3f}" for name, value in section.metrics]
    if errors and section.errors:
        lines.append("  -- errors")
        lines += [f"  {error}" for error in section.errors]
    return "\n".join(lines)
