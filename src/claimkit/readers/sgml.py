"""Built-in reader of the Reuters-21578 SGML collection (``.sgm`` files).

Each ``<REUTERS>`` element is one Document:

- text: the ``<DATELINE>`` and the ``<BODY>`` ("SALVADOR, Feb 26 - Showers continued
  ..."), so the wire-header reader finds the dateline's place and where the story
  begins; a ``TYPE="BRIEF"`` story (a headline only) is its ``<TITLE>``; a
  ``TYPE="UNPROC"`` story is the whole of its ``<TEXT>``. The closing "Reuter"
  sign-off and the control characters of the wire (``&#2;``, ``&#3;`` ...) are dropped.
- creation time: ``<DATE>`` ("26-FEB-1987 15:01:01.79" becomes ``1987-02-26T15:01``);
  a date that cannot be read is kept as ``meta["reuters_date"]`` instead.
- title: ``<TITLE>``; ``meta``: ``newid``, ``oldid``, ``lewissplit``, ``cgisplit``,
  ``topics_attribute`` and the ``topics``, ``places``, ``people``, ``orgs``,
  ``exchanges`` and ``companies`` lists.

Character entities are unescaped. The files are ASCII with a few stray Latin-1 bytes
(``reut2-017.sgm``): a file that is not UTF-8 is read as Latin-1. Documents are named
after the file and their position (``reut2-000.sgm#1``); ``meta["newid"]`` is the
collection's own key.
"""

import html
import re
from pathlib import Path
from typing import Any

from claimkit.dct import parse_dct
from claimkit.hookspecs import hookimpl
from claimkit.types import Document

SGML_SUFFIXES = (".sgm", ".sgml")
LIST_FIELDS = ("topics", "places", "people", "orgs", "exchanges", "companies")

_RECORD = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.DOTALL | re.IGNORECASE)
_ATTRIBUTE = re.compile(r'([A-Za-z]+)\s*=\s*"([^"]*)"')
_TEXT = re.compile(r"<TEXT\b([^>]*)>(.*?)</TEXT>", re.DOTALL | re.IGNORECASE)
_ITEM = re.compile(r"<D>(.*?)</D>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
# The wire's control characters: everything below a space but tab and newline, and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SIGN_OFF = re.compile(r"\s*\bReuter\s*\Z", re.IGNORECASE)


@hookimpl(trylast=True)
def claimkit_read_document(path: Path) -> list[Document] | None:
    if path.suffix.lower() not in SGML_SUFFIXES:
        return None
    return read_sgml(_decode(path.read_bytes()))


def read_sgml(source: str) -> list[Document]:
    """The Documents of the ``<REUTERS>`` elements in ``source``, in order; elements
    without any text are left out."""
    documents = []
    for match in _RECORD.finditer(source):
        document = _document(dict(_ATTRIBUTE.findall(match.group(1))), match.group(2))
        if document is not None:
            documents.append(document)
    return documents


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _field(record: str, name: str) -> str | None:
    found = re.search(rf"<{name}\b[^>]*>(.*?)</{name}>", record, re.DOTALL | re.IGNORECASE)
    return None if found is None else _clean(found.group(1))


def _clean(value: str) -> str:
    return _CONTROL.sub("", html.unescape(value))


def _document(attributes: dict[str, str], record: str) -> Document | None:
    meta: dict[str, Any] = {
        name.lower(): value
        for name, value in attributes.items()
        if name.upper() in ("NEWID", "OLDID", "LEWISSPLIT", "CGISPLIT")
    }
    if "TOPICS" in attributes:
        meta["topics_attribute"] = attributes["TOPICS"]
    for name in LIST_FIELDS:
        block = re.search(rf"<{name}>(.*?)</{name}>", record, re.DOTALL | re.IGNORECASE)
        meta[name] = [_clean(item) for item in _ITEM.findall(block.group(1))] if block else []
    date = _field(record, "DATE")
    if date:
        try:
            meta["dct"] = parse_dct(date.strip())
        except ValueError:
            meta["reuters_date"] = date.strip()
    title = _field(record, "TITLE")
    if title and title.strip():
        meta["title"] = " ".join(title.split())
    text_element = _TEXT.search(record)
    text_type = ""
    if text_element is not None:
        text_type = dict(_ATTRIBUTE.findall(text_element.group(1))).get("TYPE", "").upper()
    body = _field(record, "BODY")
    if text_type == "BRIEF" or (body is None and text_type != "UNPROC"):
        text = meta.get("title", "")
    elif body is None:  # UNPROC: the text as it came, tags and all stripped
        text = _clean(_TAG.sub("", text_element.group(2) if text_element else ""))
    else:
        dateline = " ".join((_field(record, "DATELINE") or "").split())
        text = f"{dateline} {body.lstrip()}" if dateline else body
    text = _SIGN_OFF.sub("", text).strip()
    if not text:
        return None
    return Document(id="", text=text, meta=meta)
