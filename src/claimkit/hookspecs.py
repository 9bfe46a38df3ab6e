"""The hooks a claimkit plugin can implement.

A plugin is any module or object with functions named after these hooks and marked
with :data:`claimkit.hookimpl`. Hook implementations may accept fewer arguments than
the specification lists; pluggy passes only the ones they name, so new arguments can be
added here without breaking plugins.

Hooks run in two phases. When a :class:`claimkit.Pipeline` is built:
``claimkit_add_options`` (the command line, or the options given from Python), then
``claimkit_spacy_components`` (once per process), then ``claimkit_extractors`` (which
calls the data hooks: cues, categories, date rules), and for the command line
``claimkit_writers``. Then, for every file, ``claimkit_read_document``, and for every
document ``claimkit_process_claims``.

The hooks that run after the options are parsed take an ``options`` argument: the
:class:`argparse.Namespace` of every option, defaults included, as pytest hands its
``config`` to its hooks. A plugin reads its own options there; it keeps no global state,
so two pipelines with different options can live in one process.

A plugin states which hook API it needs in a module attribute ``CLAIMKIT_HOOKSPEC``
(a PEP 440 specifier such as ``">=0.2"``, checked against :data:`HOOKSPEC_VERSION` when
the plugin is loaded).

The built-in readers, extractors and post-processors are plugins like any other
(:data:`claimkit.plugins.BUILTIN_PLUGINS`); they are registered first, so a third-party
plugin's implementation is called before theirs and can override or wrap them.
"""

import argparse
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimkit.extractor import Extractor
    from claimkit.extractors.dates.rules import DateRule
    from claimkit.extractors.demands.taxonomy import DemandCategory, DemandCue
    from claimkit.extractors.statements.lexicon import Cue
    from claimkit.types import Claim, Document
    from claimkit.writers import Writer

#: The project name: the pluggy marker, the plugin manager and the entry-point group.
PROJECT = "claimkit"

#: The version of the hook API, ``major.minor``: the minor number grows when a hook or a
#: hook argument is added, the major one when a hook changes incompatibly. Plugins name
#: the version they need in ``CLAIMKIT_HOOKSPEC``.
#:
#: - 0.1: readers, extractors, data hooks, spaCy components, post-processors.
#: - 0.2: ``claimkit_writers``, ``claimkit_add_options`` and the ``options`` argument.
#: - 0.3: ``claimkit_date_vocabulary``; ``claimkit_read_document`` may return an
#:   iterator; ``DateRule.reach`` bounds where a rule with ``hints`` is run.
HOOKSPEC_VERSION = "0.3"

hookspec = pluggy.HookspecMarker(PROJECT)
#: Marker for plugin hook implementations: ``@claimkit.hookimpl``.
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def claimkit_extractors(
    pm: pluggy.PluginManager, options: argparse.Namespace
) -> "Iterable[Extractor]":
    """Register extractors: each turns a parsed document into claims.

    Called once when a pipeline is built. An extractor is called once per document with
    the spaCy ``Doc`` and the :class:`claimkit.Document`; it returns the claims it finds.
    Claims are checked: a claim of a kind the extractor did not declare, or with a span
    that is not the text it says it is, is dropped and reported as a problem. One
    extractor raising loses none of the others' claims: the error is reported with its
    name and the document id (``--strict`` makes problems fail the run).

    :param pm: the plugin manager, to call the data hooks (cue words, demand categories,
        date rules) that let other plugins extend this extractor.
    :param options: the parsed options (see ``claimkit_add_options``); close over the
        values your extractor needs.
    :returns: (or yield) :class:`claimkit.Extractor` records; extractor names are unique
        across plugins.

    Example::

        @claimkit.hookimpl
        def claimkit_extractors():
            yield claimkit.Extractor(name="shouting", kinds=("shout",), extract=find_shouts)
    """


@hookspec
def claimkit_statement_cues() -> "Iterable[Cue]":
    """Add attribution cues to the statements extractor.

    Called once when the statements extractor is built. The cues are added to the
    built-in lexicon (``extractors/statements/cues.toml``).

    :returns: :class:`claimkit.extractors.statements.Cue` records: reporting verbs
        ("quip"), cue nouns ("testimony") or cue phrases ("according to"), each with its
        kind.
    """


@hookspec
def claimkit_date_rules() -> "Iterable[DateRule]":
    """Add temporal expressions to the dates extractor.

    Called once when the dates extractor is built. The rules run before the built-in
    ones, so a plugin can override them.

    :returns: :class:`claimkit.extractors.dates.DateRule` records: a regular expression
        and how to normalise what it matches (a fixed TIMEX3 value, or a function of the
        match and the anchor time).
    """


@hookspec
def claimkit_date_vocabulary() -> "Mapping[str, Any]":
    """Add words to the dates extractor's vocabulary.

    Called once when the dates extractor is built. The built-in rules are written over
    the word lists and tables of ``claimkit/extractors/dates/vocabulary.toml`` (month
    and weekday names, holidays, unit words, the words of plan that point a verb ahead
    ...), so new words there reach every rule that reads the list, with no rule of the
    plugin's own.

    :returns: sections of ``vocabulary.toml`` by name, each a list of words to add to a
        word list (``{"intent_words": ["vow"]}``) or a table of entries to add to a
        table, replacing a built-in entry of the same key
        (``{"holidays": {"Founders' Day": "05-15"}}``).
    """


@hookspec
def claimkit_demand_categories() -> "Iterable[DemandCategory]":
    """Add categories to the demand taxonomy.

    Called once when the demands extractor is built. A category with the key of a
    built-in one replaces it.

    :returns: :class:`claimkit.extractors.demands.DemandCategory` records: a key, the
        CAMEO sub-codes and PLOVER mode it maps to, and the action words that signal it
        ("release" + "journalist" for ``press_freedom``).
    """


@hookspec
def claimkit_demand_cues() -> "Iterable[DemandCue]":
    """Add words that signal a demand ("implore": appeal, "insist": demand).

    Called once when the demands extractor is built.

    :returns: :class:`claimkit.extractors.demands.DemandCue` records with the cue's
        lemma, part of speech and strength (appeal, demand or threat).
    """


@hookspec
def claimkit_spacy_components(nlp: "Language") -> None:
    """Add spaCy pipeline components to the shared ``Language``.

    Called once, when claimkit loads its spaCy pipeline (one per process). Use
    ``nlp.add_pipe`` with a factory registered through ``Language.factory``; the
    components run before the extractors see the ``Doc``.

    :param nlp: the pipeline claimkit will run every document through.
    :returns: nothing; change ``nlp`` in place.
    """


@hookspec(firstresult=True)
def claimkit_read_document(path: Path) -> "Iterable[Document] | None":
    """Read a file into documents.

    Called for each file of an input folder. It is ``firstresult`` because a file has
    one format: the first reader that knows it wins, and plugins (registered after the
    built-ins, so asked first) can take over a suffix the built-ins read. Raise
    :class:`claimkit.ReadError` when it is this plugin's format but cannot be read.
    Metadata found beside the file (a ``NAME.meta.json`` sidecar, a ``metadata.tsv``
    table) is merged in afterwards by claimkit itself.

    :param path: the file.
    :returns: the documents it holds (a JSON Lines file holds many), with ``id=""`` for
        claimkit to name them after the file; or None when the file is not in a format
        this plugin reads. A list, or an iterator that reads as it goes (the built-in
        JSON Lines reader does): claimkit takes one document at a time, so a file of
        millions of records is never held whole, and the documents before an error
        (raised from the iterator) are kept.

    Stops at first non-None result.
    """


@hookspec(firstresult=True)
def claimkit_process_claims(
    document: "Document", doc: "Doc", claims: "list[Claim]", options: argparse.Namespace
) -> "list[Claim] | None":
    """Post-process the claims of one document: resolve, link, filter, merge, enrich.

    Called once per document, after every extractor has run. Implement it as a wrapper
    (``@hookimpl(wrapper=True)``) that takes the result of the inner implementations and
    returns its own: ``claims = yield`` then ``return [...]``. It is a ``firstresult``
    hook of wrappers, not a list of results, because post-processors form a chain: each
    works on what the one inside it made, and the result is one list of claims. The
    innermost implementation (``claimkit.linking``) returns the extractors' claims.
    Wrappers registered later run outside earlier ones, so third-party wrappers see
    claims whose sources and times the built-in post-processors have already resolved.
    A wrapper that raises is reported as a problem and the hook is called again without
    it.

    :param document: the document.
    :param doc: its spaCy parse.
    :param claims: the extractors' claims, in document order.
    :param options: the parsed options (see ``claimkit_add_options``).
    :returns: the claims, as the wrapper leaves them.

    Stops at first non-None result.
    """


@hookspec
def claimkit_writers(options: argparse.Namespace) -> "Iterable[Writer]":
    """Register output formats: ``python -m claimkit -f NAME`` writes the results with one.

    Called once when the command line starts writing. The built-ins are ``jsonl``
    (one claim a line, the default) and ``events`` (CSV, one row per demand). Without
    ``-f``, the writer whose suffix ends the ``-o`` file name is chosen.

    :param options: the parsed options (see ``claimkit_add_options``); close over what
        your writer needs.
    :returns: (or yield) :class:`claimkit.writers.Writer` records: a unique ``name``, the
        file ``suffix`` (``".csv"``) and ``write(results, out)``, which takes the
        :class:`claimkit.Result` of each document as it is ready (an iterator: write as
        you go, so a corpus never has to fit in memory) and a text stream.

    Example::

        @claimkit.hookimpl
        def claimkit_writers():
            yield Writer(name="tsv", suffix=".tsv", write=write_tsv, description="...")
    """


@hookspec
def claimkit_add_options(parser: argparse.ArgumentParser) -> None:
    """Add command-line options, as pytest's ``pytest_addoption``.

    Called once when the command line's parser is built (plugins named with ``-p`` are
    loaded first, so their options exist too), and when a :class:`claimkit.Pipeline`
    is built from Python, to learn the options' defaults. Give every option a default
    and a name that starts with your plugin's (``--numbers-min``), so it clashes with
    nobody's. The values reach the hooks that take an ``options`` argument
    (``options.numbers_min``); from Python, pass ``options={"numbers_min": 3}`` to
    :class:`claimkit.Pipeline`.

    :param parser: the :class:`argparse.ArgumentParser` of ``python -m claimkit``; add
        an argument group named after your plugin (``parser.add_argument_group``).
    :returns: nothing.
    """
