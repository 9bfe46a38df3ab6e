"""The hooks a claimkit plugin can implement.

A plugin is any module or object with functions named after these hooks and marked
with :data:`claimkit.hookimpl`. Hook implementations may accept fewer arguments than
the specification lists; pluggy passes only the ones they name, so new arguments can be
added here without breaking plugins.

The built-in readers, extractors and post-processors are plugins like any other
(:data:`claimkit.plugins.BUILTIN_PLUGINS`); they are registered first, so a third-party
plugin's implementation is called before theirs and can override or wrap them.
"""

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimkit.extractor import Extractor
    from claimkit.extractors.dates.rules import DateRule
    from claimkit.extractors.demands.taxonomy import DemandCategory, DemandCue
    from claimkit.extractors.statements.lexicon import Cue
    from claimkit.types import Claim, Document

#: The project name: the pluggy marker, the plugin manager and the entry-point group.
PROJECT = "claimkit"

hookspec = pluggy.HookspecMarker(PROJECT)
#: Marker for plugin hook implementations: ``@claimkit.hookimpl``.
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def claimkit_extractors(pm: pluggy.PluginManager) -> "Iterable[Extractor]":
    """Register extractors: each turns a parsed document into claims.

    Called once when a pipeline is built. Return (or yield) :class:`claimkit.Extractor`
    records. An extractor is called once per document with the spaCy ``Doc`` and the
    :class:`claimkit.Document`; it returns the claims it finds. One extractor raising
    loses none of the others' claims: the error is reported with its name and the
    document id.

    :param pm: the plugin manager, to call the data hooks (cue words, demand categories,
        date rules) that let other plugins extend this extractor.

    Example::

        @claimkit.hookimpl
        def claimkit_extractors():
            yield claimkit.Extractor(name="shouting", kinds=("shout",), extract=find_shouts)
    """


@hookspec
def claimkit_statement_cues() -> "Iterable[Cue]":
    """Add attribution cues to the statements extractor.

    Called once when the statements extractor is built. Return
    :class:`claimkit.extractors.statements.Cue` records: reporting verbs ("quip"),
    cue nouns ("testimony") or cue phrases ("according to"), each with its kind.
    They are added to the built-in lexicon (``extractors/statements/cues.toml``).
    """


@hookspec
def claimkit_date_rules() -> "Iterable[DateRule]":
    """Add temporal expressions to the dates extractor.

    Called once when the dates extractor is built. Return
    :class:`claimkit.extractors.dates.DateRule` records: a regular expression and how to
    normalise what it matches (a fixed TIMEX3 value, or a function of the match and the
    anchor time). They run before the built-in rules, so a plugin can override them.
    """


@hookspec
def claimkit_demand_categories() -> "Iterable[DemandCategory]":
    """Add categories to the demand taxonomy.

    Called once when the demands extractor is built. Return
    :class:`claimkit.extractors.demands.DemandCategory` records: a key, the CAMEO
    sub-codes and PLOVER mode it maps to, and the action words that signal it
    ("release" + "journalist" for ``press_freedom``). A category with the key of a
    built-in one replaces it.
    """


@hookspec
def claimkit_demand_cues() -> "Iterable[DemandCue]":
    """Add words that signal a demand ("implore": appeal, "insist": demand).

    Called once when the demands extractor is built. Return
    :class:`claimkit.extractors.demands.DemandCue` records with the cue's lemma, part of
    speech and strength (appeal, demand or threat).
    """


@hookspec
def claimkit_spacy_components(nlp: "Language") -> None:
    """Add spaCy pipeline components to the shared ``Language``.

    Called once, when claimkit loads its spaCy pipeline (one per process). Use
    ``nlp.add_pipe`` with a factory registered through ``Language.factory``; the
    components run before the extractors see the ``Doc``.

    :param nlp: the pipeline claimkit will run every document through.
    """


@hookspec(firstresult=True)
def claimkit_read_document(path: Path) -> "list[Document] | None":
    """Read a file into documents.

    Called for each file of an input folder. Return the documents it holds (a JSON
    Lines file holds many), or None when the file is not in a format this plugin reads.
    Raise :class:`claimkit.ReadError` when it is this plugin's format but cannot be read.
    Metadata found beside the file (a ``NAME.meta.json`` sidecar, a ``metadata.tsv``
    table) is merged in afterwards by claimkit itself.

    :param path: the file.

    Stops at first non-None result.
    """


@hookspec(firstresult=True)
def claimkit_process_claims(
    document: "Document", doc: "Doc", claims: "list[Claim]"
) -> "list[Claim] | None":
    """Post-process the claims of one document: resolve, link, filter, merge, enrich.

    Called once per document, after every extractor has run. Implement it as a wrapper
    (``@hookimpl(wrapper=True)``) that takes the result of the inner implementations and
    returns its own: ``claims = yield`` then ``return [...]``. The innermost
    implementation returns the extractors' claims. Wrappers registered later run outside
    earlier ones, so third-party wrappers see claims whose sources and times the built-in
    post-processors have already resolved.

    :param document: the document.
    :param doc: its spaCy parse.
    :param claims: the extractors' claims, in document order.

    Stops at first non-None result.
    """
