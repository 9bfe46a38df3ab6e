"""The built-in attributed-statements extractor: who says, thinks or vows what.

Extend its cue lexicon from a plugin with the ``claimkit_statement_cues`` hook.
"""

import functools
from collections.abc import Iterator

import pluggy

from claimkit.extractor import Extractor
from claimkit.extractors.statements.lexicon import Cue, build_lexicon, builtin_cues
from claimkit.extractors.statements.model import load_model
from claimkit.extractors.statements.rules import EXTRACTOR, extract_statements
from claimkit.hookspecs import hookimpl

__all__ = ["Cue"]


@hookimpl
def claimkit_extractors(pm: pluggy.PluginManager) -> Iterator[Extractor]:
    added = [cue for batch in pm.hook.claimkit_statement_cues() for cue in batch]
    lexicon = build_lexicon([*builtin_cues(), *added])
    yield Extractor(
        name=EXTRACTOR,
        kinds=("statement",),
        extract=functools.partial(extract_statements, lexicon=lexicon, model=load_model()),
        requires=("tagger", "parser", "lemmatizer", "ner"),
        description="direct, indirect and mixed quotes, 'according to', documents as sources",
    )
