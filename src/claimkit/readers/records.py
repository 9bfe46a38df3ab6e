"""Built-in reader of JSON and JSON Lines files of records.

Each record is an object with ``text`` and optionally ``id``, ``title``, ``dct``
(ISO 8601) and any other metadata; a ``.json`` file holds one record or a list of them.
"""

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from claimkit.hookspecs import hookimpl
from claimkit.readers import ReadError
from claimkit.types import Document


@hookimpl(trylast=True)
def claimkit_read_document(path: Path) -> Iterable[Document] | None:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _lines(path)
    if suffix == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except json.JSONDecodeError as error:
            raise ReadError(path, f"not JSON: {error.msg} (line {error.lineno})") from error
        items = data if isinstance(data, list) else [data]
        return [_document(path, f"record {n}", r) for n, r in enumerate(items, start=1)]
    return None


def _lines(path: Path) -> Iterator[Document]:
    """The records of a JSON Lines file, a line at a time: a corpus in one file of
    millions of lines is never held whole."""
    # Split on "\n" only: universal newlines and str.splitlines also cut at "\r",
    # U+2028, U+0085 ..., which JSON strings may hold unescaped. utf-8-sig: a
    # byte-order mark is not JSON.
    with path.open(encoding="utf-8-sig", newline="\n") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise ReadError(path, f"line {number}: not JSON: {error.msg}") from error
                yield _document(path, f"line {number}", record)


def _document(path: Path, where: str, record: Any) -> Document:
    if not isinstance(record, dict):
        raise ReadError(path, f"{where}: a record must be a JSON object")
    if not isinstance(record.get("text"), str):
        raise ReadError(path, f"{where}: a record needs a string field 'text'")
    meta = {k: v for k, v in record.items() if k not in ("text", "id")}
    return Document(id=str(record.get("id") or ""), text=record["text"], meta=meta)
