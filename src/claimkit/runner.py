"""Running claimkit over a corpus: which spaCy components to run, worker processes,
partitions written disk to disk, and the journal that lets an interrupted run resume.

No distributed engine is imported here. The unit of work of every engine is
:func:`process_partition`: a module-level function that reads a list of files, parses
them with ``nlp.pipe`` and writes their claims to one output file. The pipeline (the
spaCy model and the plugins) is built once per worker process, through a module-level
cache (:func:`worker_pipeline`) keyed by the :class:`RunConfig`: the ``Language`` is
never pickled, only the configuration that builds it. ``claimkit.dask`` maps the
function over a ``dask.bag``; Ray's ``map_batches`` or Spark's ``mapPartitions`` can
call it the same way.

On one machine, ``-j N`` runs :func:`parallel_results`: batches of documents go to a
pool of ``N`` spawned processes and their :class:`~claimkit.pipeline.Result` objects
come back in input order, so the output is the same, byte for byte, as with ``-j 1``.
"""

import argparse
import collections
import concurrent.futures
import contextlib
import gc
import json
import multiprocessing
import os
import pickle
import signal
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import attrs
from spacy.language import Language

from claimkit.pipeline import Pipeline, Result
from claimkit.plugins import get_plugin_manager
from claimkit.readers import ReadError, iter_file, iter_files
from claimkit.types import Document

__all__ = [
    "Journal",
    "ResumeError",
    "RunConfig",
    "batched",
    "components_needed",
    "iter_inputs",
    "keep_for_the_run",
    "parallel_results",
    "process_partition",
    "read_inputs",
    "worker_pipeline",
]

#: Documents parsed together by ``nlp.pipe``, and sent to a worker as one task.
DEFAULT_BATCH_SIZE = 64

# ---------------------------------------------------------------- spaCy components

#: What each annotation an extractor ``requires`` is made by, as spaCy factory names.
#: A requirement may also name a component of the pipeline directly.
ANNOTATION_FACTORIES: dict[str, frozenset[str]] = {
    "tagger": frozenset({"tagger", "morphologizer"}),
    "parser": frozenset({"parser", "beam_parser"}),
    "ner": frozenset({"ner", "beam_ner", "entity_ruler"}),
    "lemmatizer": frozenset({"lemmatizer", "trainable_lemmatizer"}),
    "senter": frozenset({"senter", "sentencizer"}),
}
#: The factories whose components claimkit switches off when nobody needs them. Any
#: other component (a plugin's ``claimkit_spacy_components``) always runs, with what it
#: declares in its spaCy ``requires`` meta.
STANDARD_FACTORIES = frozenset(
    {"tok2vec", "transformer", "attribute_ruler"}.union(*ANNOTATION_FACTORIES.values())
)
_TAGGERS = ANNOTATION_FACTORIES["tagger"]
_EMBEDDERS = frozenset({"tok2vec", "transformer"})


def components_needed(nlp: Language, requires: Iterable[str]) -> set[str]:
    """The enabled components of ``nlp`` that must run for annotations ``requires``.

    The closure over what the components themselves need:

    - a tagger (or morphologizer) brings the ``attribute_ruler``, which maps its tags to
      ``Token.pos`` in the English pipelines;
    - a rule or lookup ``lemmatizer`` reads ``Token.pos``: the tagger and the
      ``attribute_ruler``;
    - a component listening to a shared ``tok2vec`` (or ``transformer``) brings it: in
      en_core_web_sm the tagger and parser listen to ``tok2vec``, the ``ner`` has its
      own embedding;
    - a component that is not one of spaCy's standard annotators is always kept, with the
      components before it that assign the attributes it declares it requires.
    """
    order = list(nlp.pipe_names)
    factories = {name: nlp.get_pipe_meta(name).factory for name in order}
    wanted: set[str] = set()
    for requirement in requires:
        made_by = ANNOTATION_FACTORIES.get(requirement, frozenset())
        wanted.update(n for n in order if n == requirement or factories[n] in made_by)
    wanted.update(n for n in order if factories[n] not in STANDARD_FACTORIES)
    while True:
        before = set(wanted)
        for name in list(wanted):
            factory = factories[name]
            if factory in _TAGGERS:
                wanted.update(n for n in order if factories[n] == "attribute_ruler")
            if factory == "lemmatizer" and getattr(nlp.get_pipe(name), "mode", "") != "lookup":
                wanted.update(n for n in order if factories[n] in _TAGGERS)
                wanted.update(n for n in order if factories[n] == "attribute_ruler")
            position = order.index(name)
            for attribute in nlp.get_pipe_meta(name).requires:
                wanted.update(
                    n
                    for n in order[:position]
                    if attribute in nlp.get_pipe_meta(n).assigns
                    or (attribute == "token.pos" and factories[n] == "attribute_ruler")
                )
        for name in order:
            if factories[name] in _EMBEDDERS:
                listeners = getattr(nlp.get_pipe(name), "listening_components", ())
                if wanted.intersection(listeners):
                    wanted.add(name)
        if wanted == before:
            return wanted


def components_unused(nlp: Language, requires: Iterable[str]) -> tuple[str, ...]:
    """The enabled components of ``nlp`` that no requirement needs, in pipeline order."""
    needed = components_needed(nlp, requires)
    return tuple(name for name in nlp.pipe_names if name not in needed)


# ---------------------------------------------------------------- configuration


# Typed converters: mypy cannot solve the type variable of a bare ``tuple`` converter.
def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _pairs(values: Iterable[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class RunConfig:
    """Everything a worker process needs to build the same pipeline as the parent.

    Plain, picklable values only: the ``Language`` is loaded in each worker, never
    shipped to it.

    :param model: the spaCy model name (None: the default, resolved in the worker).
    :param plugins: plugin modules to load by name (``-p``).
    :param disable: plugins switched off (``--disable``).
    :param options: the parsed command line (``vars(namespace)``), given to the hooks
        as their ``options``, as the parent gives them.
    :param dct: the creation time given with ``--dct``.
    :param writer: the output format's name.
    :param batch_size: documents per ``nlp.pipe`` batch and per worker task.
    """

    model: str | None = None
    plugins: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    disable: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    options: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_pairs)
    dct: str | None = None
    writer: str = "jsonl"
    batch_size: int = DEFAULT_BATCH_SIZE

    @classmethod
    def from_options(cls, options: argparse.Namespace, *, writer: str = "jsonl") -> "RunConfig":
        """The configuration of a command line's parsed options."""
        return cls(
            model=options.model,
            plugins=tuple(options.plugin),
            disable=tuple(options.disable),
            options=tuple(sorted(vars(options).items())),
            dct=options.dct,
            writer=writer,
            batch_size=getattr(options, "batch_size", None) or DEFAULT_BATCH_SIZE,
        )

    def namespace(self) -> argparse.Namespace | None:
        return argparse.Namespace(**dict(self.options)) if self.options else None


# One Pipeline per worker process and configuration: the model loads once per process.
_PIPELINES: dict[bytes, Pipeline] = {}


def worker_pipeline(config: RunConfig) -> Pipeline:
    """The pipeline ``config`` describes, built once per process and kept."""
    key = pickle.dumps(config)
    if key not in _PIPELINES:
        pm = get_plugin_manager(config.plugins, disable=config.disable)
        _PIPELINES[key] = Pipeline(pm, model=config.model, options=config.namespace())
    return _PIPELINES[key]


# ---------------------------------------------------------------- reading


def iter_inputs(
    paths: Sequence[Path],
    *,
    recursive: bool = False,
    skip: Iterable[Path] = (),
    errors: list[ReadError] | None = None,
) -> Iterator[tuple[Path, Path]]:
    """``(root, file)`` for every input file under ``paths``, in a stable order.

    ``skip`` are files never read (the output and its journal, which may sit in an input
    folder). A path that does not exist is reported on standard error and in ``errors``.
    """
    skipped = {p.resolve() for p in skip}
    for root in paths:
        if not root.exists():
            error = ReadError(root, "no such file or folder")
            if errors is not None:
                errors.append(error)
            print(f"claimkit: {error}", file=sys.stderr)
            continue
        base = root if root.is_dir() else root.parent
        for path in iter_files(root, recursive=recursive):
            if not skipped or path.resolve() not in skipped:
                yield base, path


def read_inputs(
    pipeline: Pipeline,
    files: Iterable[tuple[Path, Path]],
    dct: str | None,
    errors: list[ReadError],
) -> Iterator[Document]:
    """The documents of ``files`` (``(root, file)`` pairs), lazily, a file at a time; a
    file that cannot be read is reported on standard error and in ``errors``."""
    for base, path in files:
        try:
            yield from iter_file(pipeline.pm, path, root=base, dct=dct)
        except ReadError as error:
            errors.append(error)
            print(f"claimkit: {error}", file=sys.stderr)


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Lists of ``size`` items (the last may be shorter)."""
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# ---------------------------------------------------------------- worker processes

_WORKER_CONFIG: RunConfig | None = None


def _init_worker(config: RunConfig) -> None:
    """Pool initializer: remember the configuration and build the pipeline now, so the
    model loads while the parent reads the first batches. Ctrl-C is the parent's to
    handle: it stops handing out work and the workers are shut down."""
    global _WORKER_CONFIG
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_CONFIG = config
    # An error is reported by the first task, where the parent sees it.
    with contextlib.suppress(Exception):
        worker_pipeline(config)
    keep_for_the_run()


def keep_for_the_run() -> None:
    """Move every object made so far (the spaCy model, the plugins and their lexicons)
    out of the garbage collector's reach: they live as long as the process, and each
    full collection of a long run would otherwise scan them again. Only processes that
    claimkit owns call this (the command line and its workers), never the library."""
    gc.collect()
    gc.freeze()


def _process_batch(batch: list[Document]) -> list[Result]:
    """Pool task: the Results of one batch, as ``Pipeline.run`` makes them."""
    if _WORKER_CONFIG is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker used before its initializer ran")
    pipeline = worker_pipeline(_WORKER_CONFIG)
    return list(pipeline.run(batch, batch_size=len(batch)))


def parallel_results(
    config: RunConfig, documents: Iterable[Document], jobs: int
) -> Iterator[Result]:
    """The Result of each document, in input order, computed by ``jobs`` processes.

    Batches of ``config.batch_size`` documents are handed out; at most two per worker
    are in flight, so the corpus is read only as fast as it is processed. Workers are
    spawned (not forked): each imports claimkit and loads the model itself.
    """
    context = multiprocessing.get_context("spawn")
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(config,)
    )
    pending: collections.deque[concurrent.futures.Future[list[Result]]] = collections.deque()
    try:
        for batch in batched(documents, config.batch_size):
            pending.append(pool.submit(_process_batch, batch))
            while len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


# ---------------------------------------------------------------- partitions


@attrs.define(kw_only=True)
class PartitionSummary:
    """What one partition held; plain values, returned by a worker to the client."""

    documents: int = 0
    claims: dict[str, int] = attrs.field(factory=dict)
    sources: int = 0
    problems: list[str] = attrs.field(factory=list)
    unreadable: list[str] = attrs.field(factory=list)


def process_partition(
    files: Sequence[tuple[str, str]], out_path: str, config: RunConfig
) -> dict[str, Any]:
    """Read ``files`` (``(root, file)`` pairs, as :func:`iter_inputs` gives them), parse
    them with ``nlp.pipe``, extract, and write their claims to ``out_path``.

    Disk to disk: the claims never travel back, only the counts (a plain dict, see
    :class:`PartitionSummary`). The file is written under a temporary name and renamed
    when complete, so a partition's output exists whole or not at all. The pipeline is
    built once per process (:func:`worker_pipeline`).
    """
    from claimkit.writers import get_writers

    pipeline = worker_pipeline(config)
    writer = get_writers(pipeline.pm, pipeline.options)[config.writer]
    summary = PartitionSummary()
    errors: list[ReadError] = []
    pairs = ((Path(root), Path(path)) for root, path in files)
    documents = read_inputs(pipeline, pairs, config.dct, errors)

    def results() -> Iterator[Result]:
        for result in pipeline.run(documents, batch_size=config.batch_size):
            summary.documents += 1
            for claim in result.claims:
                summary.claims[claim.kind] = summary.claims.get(claim.kind, 0) + 1
            summary.sources += len({c.source.id for c in result.claims if c.source is not None})
            summary.problems.extend(str(problem) for problem in result.problems)
            yield result

    target = Path(out_path)
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        writer.write(results(), out)
    os.replace(partial, target)
    summary.unreadable = [str(error) for error in errors]
    return attrs.asdict(summary)


# ---------------------------------------------------------------- resuming


class ResumeError(Exception):
    """An output cannot be resumed: no journal, or the inputs changed since."""


class Journal:
    """``OUTPUT.done``: a line per document whose output is complete, in output order.

    Each line is a JSON array ``[end, id]``: the byte length of the output file once the
    document's records were written and flushed, and the document's id. The line is
    written after the records, so a run killed at any moment leaves a journal whose
    last whole line tells where the complete output ends; whatever follows in the
    output (a document half written, a record cut off) is cut off on resume, and the
    documents after the last journalled one are done again. Documents are written in
    input order, so the completed documents are always the first ones: on resume they
    are skipped by checking their ids against the journal, line by line, in constant
    memory.
    """

    SUFFIX = ".done"

    def __init__(self, output: Path) -> None:
        self.output = output
        self.path = output.with_name(output.name + self.SUFFIX)
        self._out: IO[str] | None = None
        self._journal: IO[str] | None = None

    # -- starting

    def start(self, *, resume: bool) -> tuple[IO[str], int]:
        """Open the output for writing: from scratch, or after the complete documents
        of an earlier run (``resume``). Returns the output stream and how many
        documents are already done."""
        done = 0
        if resume and self.path.exists():
            done, end = self._recover()
            out_mode = "a"
            with self.output.open("ab") as handle:
                handle.truncate(end)
        elif resume and self.output.exists() and self.output.stat().st_size > 0:
            raise ResumeError(
                f"{self.output} has no journal {self.path.name}: it was not written by a "
                "claimkit run that can be resumed; run without --resume to start over"
            )
        else:
            out_mode = "w"
        self._out = self.output.open(out_mode, encoding="utf-8")
        self._journal = self.path.open("a" if done else "w", encoding="utf-8")
        return self._out, done

    def _recover(self) -> tuple[int, int]:
        """Cut a half-written last line off the journal; its documents and end offset."""
        data = self.path.read_bytes()
        complete = data[: data.rfind(b"\n") + 1]
        lines = complete.splitlines()
        end = json.loads(lines[-1])[0] if lines else 0
        if end > (self.output.stat().st_size if self.output.exists() else 0):
            raise ResumeError(f"{self.output} is shorter than its journal {self.path.name} says")
        if len(complete) < len(data):
            with self.path.open("r+b") as handle:
                handle.truncate(len(complete))
        return len(lines), int(end)

    def skip_done(self, documents: Iterable[Document], done: int) -> Iterator[Document]:
        """``documents`` without the first ``done``, checked against the journal."""
        iterator = iter(documents)
        if done:
            with self.path.open(encoding="utf-8") as journal:
                for number, line in enumerate(journal, start=1):
                    if number > done:
                        break
                    expected = json.loads(line)[1]
                    document = next(iterator, None)
                    found = None if document is None else document.id
                    if found != expected:
                        raise ResumeError(
                            f"document {number} is {found!r} but the interrupted run wrote "
                            f"{expected!r}: the inputs changed; run without --resume"
                        )
        yield from iterator

    # -- recording

    def record(self, results: Iterable[Result]) -> Iterator[Result]:
        """Pass ``results`` on to a writer; once the writer is done with one (it asks
        for the next), flush the output and journal the document."""
        assert self._out is not None and self._journal is not None
        for result in results:
            yield result
            self._out.flush()
            end = os.lseek(self._out.fileno(), 0, os.SEEK_CUR)
            self._journal.write(json.dumps([end, result.document.id], ensure_ascii=False))
            self._journal.write("\n")
            self._journal.flush()

    def close(self) -> None:
        for stream in (self._out, self._journal):
            if stream is not None:
                stream.close()
