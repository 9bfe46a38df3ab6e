"""claimkit: who claims what, when, and what they demand of whom.

>>> import claimkit
>>> claims = claimkit.extract('"We will go ahead," the diplomat said on Monday.', dct="1997-02-03")
>>> [(c.kind, c.evidence.text) for c in claims]  # doctest: +SKIP
[('statement', ...), ('date', 'Monday')]
"""

from collections.abc import Iterable, Iterator

from claimkit.extractor import Extractor
from claimkit.hookspecs import hookimpl
from claimkit.pipeline import Pipeline, Problem, Result
from claimkit.plugins import get_plugin_manager
from claimkit.readers import ReadError, build_document
from claimkit.types import Claim, Demand, Document, Source, Span, Timex
from claimkit.writers import Writer

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Demand",
    "Document",
    "Extractor",
    "Pipeline",
    "Problem",
    "ReadError",
    "Result",
    "Source",
    "Span",
    "Timex",
    "Writer",
    "__version__",
    "build_document",
    "extract",
    "get_plugin_manager",
    "hookimpl",
    "process",
]

# Pipelines are costly to build (they load the spaCy model): keep one per configuration.
_PIPELINES: dict[tuple[tuple[str, ...], tuple[str, ...], str | None], Pipeline] = {}


def _pipeline(plugins: Iterable[str], disable: Iterable[str], model: str | None) -> Pipeline:
    key = (tuple(plugins), tuple(disable), model)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(plugins=key[0], disable=key[1], model=model)
    return _PIPELINES[key]


def extract(
    text: str,
    *,
    dct: str | None = None,
    doc_id: str = "text",
    plugins: Iterable[str] = (),
    disable: Iterable[str] = (),
    model: str | None = None,
) -> list[Claim]:
    """The claims in ``text``.

    :param dct: the document creation time (ISO 8601); relative dates are resolved
        against it. Without one, a wire header in the text is used, else dates stay
        underspecified.
    :param plugins: more plugins to load, by module name.
    :param disable: plugins to switch off, built-ins included.
    :param model: the spaCy pipeline to use.
    """
    document = build_document(doc_id, text, dct=dct)
    return list(_pipeline(plugins, disable, model).process(document).claims)


def process(
    documents: Iterable[Document],
    *,
    plugins: Iterable[str] = (),
    disable: Iterable[str] = (),
    model: str | None = None,
) -> Iterator[Result]:
    """A :class:`Result` (claims and problems) for each document, streamed in order."""
    return _pipeline(plugins, disable, model).run(documents)
