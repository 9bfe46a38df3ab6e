"""Output formats: the ``Writer`` record and the built-in writers, as a plugin.

A writer is registered through the ``claimkit_writers`` hook and chosen on the command
line with ``-f NAME`` (or by the suffix of the ``-o`` file). The built-ins:

- ``jsonl``: JSON Lines, one claim a line (``docs/output.md``); the default.
- ``events``: CSV, one row per demand claim (``claimkit.writers.events``;
  ``docs/demands.md``).
"""

from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING

import attrs
import pluggy

from claimkit.hookspecs import hookimpl
from claimkit.writers.events import event_rows, write_events
from claimkit.writers.jsonl import write_results

if TYPE_CHECKING:
    from claimkit.pipeline import Result

__all__ = ["DEFAULT_WRITER", "WriteFunction", "Writer", "get_writers", "writer_for"]

#: ``write(results, out)``: write each document's Result to a text stream as it comes.
WriteFunction = Callable[[Iterable["Result"], IO[str]], None]
#: The format written when neither ``-f`` nor the ``-o`` suffix chooses one.
DEFAULT_WRITER = "jsonl"


@attrs.frozen(kw_only=True)
class Writer:
    """An output format.

    :param name: unique name, chosen with ``-f NAME``.
    :param suffix: the file suffix of the format, dot included (``.csv``); ``-o
        claims.csv`` chooses this writer when ``-f`` is not given.
    :param write: ``write(results, out)``: takes an iterator of :class:`claimkit.Result`
        (one per document, as each is ready) and a text stream; writes as it goes.
    :param description: one line for ``--help`` and ``python -m claimkit plugins``.
    """

    name: str
    suffix: str
    write: WriteFunction
    description: str = ""


def get_writers(pm: pluggy.PluginManager, options: object) -> dict[str, Writer]:
    """Every writer the plugins register, by name.

    :raises claimkit.plugins.PluginError: a writer hook raised, or two writers share a
        name.
    """
    from claimkit.plugins import PluginError, blame

    try:
        batches = pm.hook.claimkit_writers(options=options)
        writers = [writer for batch in reversed(batches) for writer in batch]
    except Exception as error:
        name = blame(pm, "claimkit_writers", error)
        raise PluginError(
            f"{name} failed to register its writers: {type(error).__name__}: {error}"
        ) from error
    found: dict[str, Writer] = {}
    for writer in writers:
        if writer.name in found:
            raise PluginError(f"two writers share the name {writer.name}")
        found[writer.name] = writer
    return found


def writer_for(writers: dict[str, Writer], name: str | None, path: str | None) -> Writer:
    """The writer named ``name``; else the one whose suffix ends ``path``; else jsonl.

    :raises KeyError: no writer has that name (the message lists those there are).
    """
    if name is None and path is not None:
        matching = [w for w in writers.values() if path.lower().endswith(w.suffix.lower())]
        if len(matching) == 1:
            return matching[0]
    name = name or DEFAULT_WRITER
    if name not in writers:
        raise KeyError(
            f"no writer named {name!r}; there are: {', '.join(sorted(writers)) or 'none'}"
        )
    return writers[name]


@hookimpl
def claimkit_writers() -> Iterator[Writer]:
    """The built-in formats."""
    yield Writer(
        name="jsonl",
        suffix=".jsonl",
        write=write_results,
        description="JSON Lines, one claim a line (docs/output.md)",
    )
    yield Writer(
        name="events",
        suffix=".csv",
        write=write_event_rows,
        description="CSV, one row per demand: date, demander, addressee, CAMEO, PLOVER",
    )


def write_event_rows(results: Iterable["Result"], out: IO[str]) -> None:
    """The ``events`` writer: the rows of each document as it comes, under one header."""
    write_events((row for r in results for row in event_rows(r.document, r.claims)), out)
