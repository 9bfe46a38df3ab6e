"""Stream documents through spaCy, the extractors and the post-processors.

Data flows one way: Document -> spaCy Doc -> every extractor -> claims ->
``claimkit_process_claims`` -> a :class:`Result` per document. A plugin that fails loses
nobody else's claims: its error becomes a :class:`Problem` naming it and the document.
"""

import argparse
import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
import pluggy
from spacy.language import Language
from spacy.tokens import Doc

from claimkit.extractor import Extractor
from claimkit.nlp import get_language
from claimkit.plugins import PluginError, blame, culprit, get_plugin_manager, resolve_options
from claimkit.serialize import BUILTIN_DATA_TYPES
from claimkit.types import Claim, Document

__all__ = ["Pipeline", "PluginError", "Problem", "Result", "invalid_claim"]


@attrs.frozen(kw_only=True)
class Problem:
    """Something that went wrong with one document, and who it was."""

    doc_id: str | None
    plugin: str | None
    message: str

    def __str__(self) -> str:
        who = f" [{self.plugin}]" if self.plugin else ""
        return f"{self.doc_id or '?'}{who}: {self.message}"


#: Hard-wrapped text (wire copy, e-mail) breaks its lines at 60 to 80 characters, in
#: mid-sentence; text that is not wrapped has paragraphs far longer than this.
WRAP_WIDTH = 100


def hard_wrapped(text: str) -> bool:
    """Whether ``text`` breaks its lines at a fixed width rather than where paragraphs,
    headlines and list items end: it has line breaks and no line longer than
    ``WRAP_WIDTH``."""
    return "\n" in text.strip() and max(map(len, text.splitlines())) <= WRAP_WIDTH


# Typed converters: mypy cannot solve the type variable of a bare ``tuple`` converter.
def _claims(values: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(values)


def _problems(values: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Result:
    """A document, the claims found in it and the problems met on the way."""

    document: Document
    claims: tuple[Claim, ...] = attrs.field(converter=_claims)
    problems: tuple[Problem, ...] = attrs.field(default=(), converter=_problems)


class Pipeline:
    """The plugins, their extractors and the shared spaCy pipeline, ready to run.

    :param pm: a plugin manager; by default one with the built-ins, the installed
        plugins, ``plugins`` and without ``disable`` (see :func:`get_plugin_manager`).
    :param model: the spaCy model to load (see :func:`claimkit.nlp.resolve_model`).
    :param options: the values of plugins' options (``claimkit_add_options``) by ``dest``
        name, the rest keeping their defaults; or the command line's parsed namespace.
        The hooks that take ``options`` receive them; they are kept as :attr:`options`.
    :param disable_unused: parse without the spaCy components no extractor
        ``requires`` (:func:`claimkit.runner.components_needed`); the components plugins
        add always run.
    :param lazy: load the spaCy model on first use of :attr:`nlp`, not now (a parent
        process whose workers do the parsing never needs it).
    :raises PluginError: a plugin failed to register its extractors or options.
    :raises claimkit.nlp.ModelNotFound: no model (unless ``lazy``).
    """

    def __init__(
        self,
        pm: pluggy.PluginManager | None = None,
        *,
        plugins: Iterable[str | object] = (),
        disable: Iterable[str] = (),
        model: str | None = None,
        options: Mapping[str, Any] | argparse.Namespace | None = None,
        disable_unused: bool = True,
        lazy: bool = False,
    ) -> None:
        self.pm = pm or get_plugin_manager(plugins, disable=disable)
        self.options = resolve_options(self.pm, options)
        self.extractors = _collect_extractors(self.pm, self.options)
        self.model = model
        self.disable_unused = disable_unused
        self._nlp: Language | None = None
        self._unused: tuple[str, ...] | None = None
        if not lazy:
            self._nlp = get_language(self.pm, model)

    @property
    def nlp(self) -> Language:
        """The shared spaCy pipeline (loaded on first use when built ``lazy``)."""
        if self._nlp is None:
            self._nlp = get_language(self.pm, self.model)
        return self._nlp

    @nlp.setter
    def nlp(self, value: Language) -> None:
        self._nlp, self._unused = value, None

    @property
    def unused_components(self) -> tuple[str, ...]:
        """The spaCy components switched off while parsing: none of the extractors
        ``requires`` what they make (empty unless ``disable_unused``)."""
        if self._unused is None:
            from claimkit.runner import components_unused

            requires = {r for extractor in self.extractors for r in extractor.requires}
            self._unused = components_unused(self.nlp, requires) if self.disable_unused else ()
        return self._unused

    @property
    def data_types(self) -> Mapping[str, type]:
        """The ``Claim.data`` class of every claim kind that has one."""
        found: dict[str, type] = dict(BUILTIN_DATA_TYPES)
        for extractor in self.extractors:
            found.update(extractor.data_types)
        return found

    def run(self, documents: Iterable[Document], *, batch_size: int = 16) -> Iterator[Result]:
        """Parse ``documents`` in batches and yield a Result for each, in order."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document]) -> Iterator[Result]:
        try:
            docs = list(
                self.nlp.pipe(
                    [self.tokens(d) for d in batch],
                    batch_size=len(batch),
                    disable=self.unused_components,
                )
            )
        except Exception:
            # One document spaCy cannot parse (longer than nlp.max_length, or a plugin's
            # component failing on it) must not cost the others: parse one at a time.
            for document in batch:
                try:
                    doc = self.parse(document)
                except Exception as error:
                    problem = Problem(doc_id=document.id, plugin="spacy", message=_describe(error))
                    yield Result(document=document, claims=(), problems=(problem,))
                else:
                    yield self.process(document, doc)
            return
        for document, doc in zip(batch, docs, strict=True):
            yield self.process(document, doc)

    def tokens(self, document: Document) -> Doc:
        """The tokenised document, with sentences that must start where they do: the
        story's first after the header and dateline, so the parser never joins "HOUSTON,
        Feb 26 -" to it, one after every blank line, and, unless the text is
        hard-wrapped, one after every line break, so that a headline is not read as the
        subject of the line below it."""
        doc = self.nlp.make_doc(document.text)
        if 0 < document.body_start < len(document.text):
            first = next((t for t in doc if t.idx >= document.body_start), None)
            if first is not None:
                first.is_sent_start = True
        # A blank line ends a paragraph even in wrapped text.
        breaks_needed = 2 if hard_wrapped(document.text) else 1
        for before, token in itertools.pairwise(doc):
            if not token.is_space and before.text_with_ws.count("\n") >= breaks_needed:
                token.is_sent_start = True
        return doc

    def parse(self, document: Document) -> Doc:
        """The spaCy parse of one document, as :meth:`run` and :meth:`process` make it."""
        return self.nlp(self.tokens(document), disable=self.unused_components)

    def process(self, document: Document, doc: Doc | None = None) -> Result:
        """Extract and post-process the claims of one document."""
        if doc is None:
            doc = self.parse(document)
        claims: list[Claim] = []
        problems: list[Problem] = []
        for extractor in self.extractors:
            try:
                found = list(extractor.extract(doc, document))
            except Exception as error:  # one extractor's bug must not cost the others
                problems.append(
                    Problem(doc_id=document.id, plugin=extractor.name, message=_describe(error))
                )
                continue
            for claim in found:
                invalid = invalid_claim(claim, document, extractor)
                if invalid:
                    problems.append(
                        Problem(doc_id=document.id, plugin=extractor.name, message=invalid)
                    )
                else:
                    claims.append(claim)
        claims.sort(key=lambda c: (c.evidence.start, c.evidence.end, c.kind))
        processed, failures = self._post_process(document, doc, claims)
        return Result(document=document, claims=processed, problems=problems + failures)

    def _post_process(
        self, document: Document, doc: Doc, claims: list[Claim]
    ) -> tuple[list[Claim], list[Problem]]:
        # A failing post-processor is dropped and the hook called again without it, so
        # the others' work is kept.
        removed: list[object] = []
        problems: list[Problem] = []
        while True:
            hook: Any = (
                self.pm.subset_hook_caller("claimkit_process_claims", remove_plugins=removed)
                if removed
                else self.pm.hook.claimkit_process_claims
            )
            try:
                result = hook(document=document, doc=doc, claims=list(claims), options=self.options)
            except Exception as error:
                failed = culprit(self.pm, "claimkit_process_claims", error.__traceback__)
                name = self.pm.get_name(failed) if failed is not None else None
                problems.append(Problem(doc_id=document.id, plugin=name, message=_describe(error)))
                if failed is None or failed in removed:
                    return claims, problems
                removed.append(failed)
                continue
            return (claims if result is None else list(result)), problems


def _collect_extractors(pm: pluggy.PluginManager, options: argparse.Namespace) -> list[Extractor]:
    try:
        batches = pm.hook.claimkit_extractors(pm=pm, options=options)
        extractors = [extractor for batch in reversed(batches) for extractor in batch]
    except Exception as error:
        name = blame(pm, "claimkit_extractors", error)
        raise PluginError(
            f"{name} failed to register its extractors: {_describe(error)}"
        ) from error
    names = [e.name for e in extractors]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise PluginError(f"two extractors share the name {', '.join(duplicated)}")
    return extractors


def invalid_claim(claim: object, document: Document, extractor: Extractor) -> str | None:
    """Why a claim an extractor returned cannot be kept, or None.

    The pipeline drops such claims and reports a :class:`Problem`;
    :func:`claimkit.testing.check_extractor` fails on them.
    """
    if not isinstance(claim, Claim):
        return f"returned {type(claim).__name__}, not a Claim"
    if claim.kind not in extractor.kinds:
        return f"returned a claim of kind {claim.kind!r}, not one of {list(extractor.kinds)}"
    if claim.doc_id != document.id:
        return f"returned a claim for document {claim.doc_id!r}"
    for span in claim.spans():
        if span.end > len(document.text) or document.text[span.start : span.end] != span.text:
            return f"returned a span {span.start}-{span.end} {span.text!r} that is not in the text"
    return None


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"
