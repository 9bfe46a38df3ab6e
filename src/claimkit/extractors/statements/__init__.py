"""The built-in attributed-statements extractor: who says, thinks or vows what.

Cues come from the lexicon (``cues.toml``, extended by plugins through the
``claimkit_statement_cues`` hook) and from a learned cue scorer (``cue_model.json``,
trained on PolNeAR by ``python -m claimkit.extractors.statements.train``);
``--statements-rules-only`` keeps to the lexicon; ``--statements-scope`` says what
counts (``rules.SCOPES``). ``rules.py`` reads each cue's attribution off the parse, with
``speakers.py`` (who speaks), ``cue_spans.py`` (where the cue begins and ends),
``complements.py`` and ``objects.py`` (what is said), ``boundaries.py`` (where that
begins and ends) and ``unsourced.py`` (what no one is named for), which share
``parse.py``; quotation marks are found in ``quotes.py``.
"""

import argparse
import functools
from collections.abc import Iterator

import pluggy

from claimkit.extractor import Extractor
from claimkit.extractors.statements.lexicon import Cue, build_lexicon, builtin_cues
from claimkit.extractors.statements.model import load_model
from claimkit.extractors.statements.rules import EXTRACTOR, SCOPES, extract_statements
from claimkit.hookspecs import hookimpl

__all__ = ["Cue"]


@hookimpl
def claimkit_add_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("statements")
    group.add_argument(
        "--statements-rules-only",
        action="store_true",
        default=False,
        help="find attribution cues with the lexicon only, without the learned cue model",
    )
    group.add_argument(
        "--statements-scope",
        choices=SCOPES,
        default="speech",
        help="'speech' (default): what someone is reported to say, think or intend; "
        "'attribution': also acts with a noun-phrase content ('criticized the plan') and "
        "what no one is named for ('X is expected to Y'), as PolNeAR counts attributions",
    )


@hookimpl
def claimkit_extractors(
    pm: pluggy.PluginManager, options: argparse.Namespace
) -> Iterator[Extractor]:
    added = [cue for batch in pm.hook.claimkit_statement_cues() for cue in batch]
    lexicon = build_lexicon([*builtin_cues(), *added])
    if options.statements_scope not in SCOPES:
        raise ValueError(
            f"unknown statements scope {options.statements_scope!r}: expected one of {SCOPES}"
        )
    model = None if options.statements_rules_only else load_model()
    yield Extractor(
        name=EXTRACTOR,
        kinds=("statement",),
        extract=functools.partial(
            extract_statements,
            lexicon=lexicon,
            model=model,
            scope=options.statements_scope,
        ),
        requires=("tagger", "parser", "lemmatizer", "ner"),
        description="direct, indirect and mixed quotes, 'according to', documents as sources",
    )
