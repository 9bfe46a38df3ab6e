"""Turn files into Documents: the reader hook, metadata beside the files, wire headers."""

import contextlib
import csv
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pluggy

from claimkit.dct import parse_dct
from claimkit.readers.metadata import SIDECAR_SUFFIX, TABLE_NAMES, metadata_for
from claimkit.readers.wire import read_header
from claimkit.types import Document

#: Metadata fields that become Document attributes; the rest stays in ``Document.meta``.
DOCUMENT_FIELDS = ("title", "publisher", "agency", "place")
#: Metadata fields that give the creation time, in order of preference.
DCT_FIELDS = ("dct", "date", "publication_date", "published", "datetime")


class ReadError(Exception):
    """A file that cannot be read into documents; names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


def build_document(
    doc_id: str,
    text: str,
    *,
    path: Path | str | None = None,
    metadata: Mapping[str, Any] | None = None,
    dct: str | None = None,
) -> Document:
    """A Document from its text and metadata, with what the wire header adds.

    The creation time comes from ``dct`` (the caller), else a metadata field (``dct``,
    ``date``, ``publication_date`` ...; with ``dct_inferred: true`` it is marked
    ``inferred``), else the story's own header. Raises ValueError for a creation time
    that is not a date.
    """
    header = read_header(text)
    meta = dict(metadata or {})
    fields = {name: str(meta.pop(name)) for name in DOCUMENT_FIELDS if meta.get(name)}
    inferred = _flag(meta.pop("dct_inferred", False))
    value, origin = None, None
    if dct:
        value, origin = parse_dct(dct), "caller"
    else:
        for name in DCT_FIELDS:
            if meta.get(name):
                value = parse_dct(str(meta.pop(name)))
                origin = "inferred" if inferred else "metadata"
                break
        else:
            if header.dct:
                value, origin = header.dct, "text"
    return Document(
        id=doc_id,
        text=text,
        title=fields.get("title"),
        publisher=fields.get("publisher", header.publisher),
        agency=fields.get("agency", header.agency),
        place=fields.get("place", header.place),
        dct=value,
        dct_origin=origin,
        body_start=header.body_start,
        path=None if path is None else str(path),
        meta=meta,
    )


def is_input_file(path: Path) -> bool:
    """Whether a file in an input folder is a document (not metadata, not hidden)."""
    return (
        path.is_file()
        and not path.name.startswith(".")
        and not path.name.endswith(SIDECAR_SUFFIX)
        and path.name not in TABLE_NAMES
    )


def read_file(
    pm: pluggy.PluginManager, path: Path, *, root: Path | None = None, dct: str | None = None
) -> list[Document]:
    """The documents in one file, with the metadata found beside it merged in.

    Raises :class:`ReadError` naming the file and the problem.
    """
    return list(iter_file(pm, path, root=root, dct=dct))


def iter_file(
    pm: pluggy.PluginManager, path: Path, *, root: Path | None = None, dct: str | None = None
) -> Iterator[Document]:
    """The documents in one file, as the reader gives them (lazily, where it reads a
    record at a time), with the metadata found beside it merged in.

    Raises :class:`ReadError` naming the file and the problem, after the documents read
    before it.
    """
    root = root or path.parent
    try:
        extra = metadata_for(path)
    except (OSError, ValueError, csv.Error) as error:
        raise ReadError(path, f"bad metadata: {error}") from error
    base = _relative_id(path, root)
    documents = _read(pm, path)
    # Readers leave the id empty when the file names none: the file's path is the id of
    # a single document, and numbered for each of several; one document is read ahead
    # to tell which.
    with _reading(path):
        current = next(documents, None)
    number = 1
    while current is not None:
        pending: ReadError | None = None
        try:
            with _reading(path):
                following = next(documents, None)
        except ReadError as found:
            following, pending = None, found  # raised after the document before it
        single = number == 1 and following is None and pending is None
        doc_id = current.id or (base if single else f"{base}#{number}")
        with _reading(path):
            document = build_document(
                doc_id, current.text, path=path, metadata={**extra, **current.meta}, dct=dct
            )
        yield document
        if pending is not None:
            raise pending
        current, number = following, number + 1


def _read(pm: pluggy.PluginManager, path: Path) -> Iterator[Document]:
    with _reading(path):
        documents = pm.hook.claimkit_read_document(path=path)
    if documents is None:
        raise ReadError(path, f"no reader for {path.suffix or 'files without a suffix'}")
    return iter(documents)


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Errors met reading ``path`` (by a reader, at once or as its iterator goes, or
    building a Document) as a ReadError naming it."""
    try:
        yield
    except ReadError:
        raise
    except (OSError, ValueError, RecursionError) as error:
        # RecursionError: JSON nested deeper than the parser's recursion limit.
        raise ReadError(path, str(error)) from error


def iter_files(root: Path, *, recursive: bool = False) -> Iterator[Path]:
    """The input files under ``root`` (or ``root`` itself), in a stable order."""
    if root.is_file():
        yield root
        return
    candidates = root.rglob("*") if recursive else root.iterdir()
    yield from sorted(p for p in candidates if is_input_file(p))


def _relative_id(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _flag(value: Any) -> bool:
    """A yes/no metadata value; tables hold text, so "false" and "0" are no."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1")
    return bool(value)
