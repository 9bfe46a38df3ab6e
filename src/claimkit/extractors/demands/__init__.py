"""The demands extractor: who presses whom to do what.

Finds appeals, demands and threats ("The United States was pressuring China to release
political prisoners", "calls by Western nations for Beijing to ...", "X said Y must
...", "Unless Beijing improved ..., Washington expected to co-sponsor ...") and gives
one ``demand`` claim per demanded action, with its strength, category and CAMEO and
PLOVER codes (:class:`claimkit.Demand`).

The categories (``categories.toml``) and cues (``cues.toml``) are data; plugins extend
them through the ``claimkit_demand_categories`` and ``claimkit_demand_cues`` hooks.
"""

from collections.abc import Iterator

import pluggy
from spacy.tokens import Doc

from claimkit.extractor import Extractor
from claimkit.extractors.demands.claims import find_claims
from claimkit.extractors.demands.cues import build_lexicon, builtin_cues
from claimkit.extractors.demands.taxonomy import (
    DemandCategory,
    DemandCue,
    builtin_categories,
    merge_categories,
)
from claimkit.hookspecs import hookimpl
from claimkit.types import Claim, Demand, Document

__all__ = ["DemandCategory", "DemandCue"]


@hookimpl
def claimkit_extractors(pm: pluggy.PluginManager) -> Iterator[Extractor]:
    """Register the ``demands`` extractor, with the categories and cues plugins add."""
    added = [c for batch in pm.hook.claimkit_demand_categories() for c in batch]
    categories = merge_categories(builtin_categories(), added)
    extra_cues = [c for batch in pm.hook.claimkit_demand_cues() for c in batch]
    lexicon = build_lexicon([*builtin_cues(), *extra_cues])

    def extract(doc: Doc, document: Document) -> list[Claim]:
        return find_claims(doc, document, lexicon, categories)

    yield Extractor(
        name="demands",
        kinds=("demand",),
        extract=extract,
        data_types={"demand": Demand},
        requires=("tagger", "parser", "ner", "lemmatizer"),
        description="appeals, demands and threats: who presses whom to do what",
    )
