"""Metadata kept beside the files: per-file sidecars and tables keyed by file name.

A sidecar ``NAME.meta.json`` (NAME with or without the file's suffix) holds a JSON
object for one file. A table ``metadata.tsv`` or ``metadata.csv`` in the file's folder
or any folder above it has a row per file: the row whose ``filename`` (or ``file``,
``id``, ``name``) column is the file's name or stem applies, the nearest table winning.
PolNeAR's ``metadata.tsv``, with its ``publication_date`` column, is such a table; it
sits two folders above the texts it describes (``polnear/dev/text/``), so tables are
looked for above the folder the user named too: a row must name the file to apply.
"""

import csv
import functools
import json
from pathlib import Path
from typing import Any

SIDECAR_SUFFIX = ".meta.json"
TABLE_NAMES = ("metadata.tsv", "metadata.csv")
KEY_COLUMNS = ("filename", "file", "id", "name")


def metadata_for(path: Path) -> dict[str, Any]:
    """The metadata for ``path`` from tables above it and its sidecar (which wins)."""
    found: dict[str, Any] = {}
    for folder in reversed([path.parent, *path.resolve().parent.parents]):
        for name in TABLE_NAMES:
            table = _read_table(folder / name)
            row = table.get(path.name) or table.get(path.stem)
            if row:
                found.update(row)
    for sidecar in (
        path.with_name(path.stem + SIDECAR_SUFFIX),
        path.with_name(path.name + SIDECAR_SUFFIX),
    ):
        if sidecar.is_file():
            data = json.loads(sidecar.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError(f"{sidecar}: a sidecar must hold a JSON object")
            found.update(data)
    return found


def _read_table(path: Path) -> dict[str, dict[str, str]]:
    if not path.is_file():
        return {}
    # Keyed by modification time and size too: a table edited between two reads in one
    # process is read again, not served stale from the cache.
    stat = path.stat()
    return _parse_table(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _parse_table(path: Path, mtime_ns: int, size: int) -> dict[str, dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter="\t" if path.suffix == ".tsv" else ",")
        key = next((k for k in KEY_COLUMNS if k in (reader.fieldnames or ())), None)
        if key is None:
            return {}
        return {
            row[key]: {k: v for k, v in row.items() if k != key and v not in (None, "", "None")}
            for row in reader
        }
