"""The TimeML gold format: ``.tml`` files (TempEval-3, TimeBank, AQUAINT), scored as
TempEval-3 Task A.

PATH is one ``.tml`` file or a folder searched recursively. Of each file the text of
``<TEXT>`` with its tags stripped is the document (entities such as ``&amp;`` decoded;
offsets count in that text), ``<DCT><TIMEX3 value=…>`` its creation time, and every
``<TIMEX3>`` inside ``<TEXT>`` a gold expression (``type``, ``value``, ``mod``); the
creation time itself (``tid="t0"``) is not scored, as in the official scorer.

The scores are those of :func:`claimkit.evaluate.dates.score_timexes`: strict and
relaxed extraction P/R/F1, type and value accuracy over relaxed matches, and value F1
(value accuracy × relaxed F1). With several sub-folders (``TimeBank/``,
``AQUAINT/``) each also gets its own section.

Only dates are scored, so unless ``--disable`` says otherwise the statements and
demands extractors and the source linker are switched off (:data:`NOT_NEEDED`): they
do not change a single date and take as long as the parse. ``--dct`` replaces every
file's creation time (to see what the extractor does without the right one).
"""

import argparse
import html
import re
from collections.abc import Iterator
from pathlib import Path

import attrs

from claimkit.evaluate import predict
from claimkit.evaluate.dates import GoldTimex, predicted_timexes, score_timexes
from claimkit.evaluate.metrics import Section
from claimkit.readers import build_document
from claimkit.types import Span

NAME = "timeml"
SUFFIX = ".tml"
#: Built-in plugins an evaluation of dates does without (unless ``--disable`` is given).
NOT_NEEDED = (
    "claimkit.extractors.statements",
    "claimkit.extractors.demands",
    "claimkit.linking.sources",
)

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>")
_ATTRIBUTE = re.compile(r"([A-Za-z_:]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_DCT = re.compile(r"<DCT>\s*<TIMEX3\b([^>]*)>", re.IGNORECASE)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL | re.IGNORECASE)


@attrs.frozen(kw_only=True)
class TimeMLDocument:
    """One ``.tml`` file: its id, text, creation time and gold expressions."""

    id: str
    text: str
    dct: str | None
    gold: tuple[GoldTimex, ...]


class TimeMLError(ValueError):
    """A ``.tml`` file without a ``<TEXT>`` element."""


def detect(path: Path) -> bool:
    if path.is_file():
        return path.suffix == SUFFIX
    return path.is_dir() and next(iter_files(path), None) is not None


def iter_files(path: Path) -> Iterator[Path]:
    """The ``.tml`` files at ``path`` (a file, or a folder searched recursively), sorted."""
    if path.is_file():
        yield path
        return
    yield from sorted(p for p in path.rglob(f"*{SUFFIX}") if p.is_file())


def read_timeml(source: str, doc_id: str) -> TimeMLDocument:
    """The text, creation time and gold TIMEX3s of the TimeML markup ``source``."""
    body = _TEXT.search(source)
    if body is None:
        raise TimeMLError(f"{doc_id}: no <TEXT> element")
    dct_tag = _DCT.search(source)
    dct = _attributes(dct_tag.group(1)).get("value") if dct_tag else None
    pieces: list[str] = []
    length = 0
    opened: list[tuple[int, dict[str, str]]] = []
    closed: list[tuple[int, int, dict[str, str]]] = []
    position = body.start(1)
    for tag in _TAG.finditer(source, body.start(1), body.end(1)):
        piece = html.unescape(source[position : tag.start()])
        pieces.append(piece)
        length += len(piece)
        position = tag.end()
        if tag.group(2).upper() != "TIMEX3":
            continue
        if not tag.group(1):
            opened.append((length, _attributes(tag.group(3))))
        elif opened:
            start, found = opened.pop()
            if found.get("tid") != "t0":
                closed.append((start, length, found))
    pieces.append(html.unescape(source[position : body.end(1)]))
    text = "".join(pieces)
    gold = [
        GoldTimex(
            span=Span.of(text, start, end),
            type=found.get("type", ""),
            value=found.get("value", ""),
            mod=found.get("mod"),
        )
        for start, end, found in closed
    ]
    return TimeMLDocument(id=doc_id, text=text, dct=dct or None, gold=tuple(gold))


def read_path(path: Path) -> list[TimeMLDocument]:
    """Every ``.tml`` file at ``path``; ids are paths relative to it, without suffix."""
    root = path if path.is_dir() else path.parent
    return [
        read_timeml(
            file.read_text(encoding="utf-8"), file.relative_to(root).with_suffix("").as_posix()
        )
        for file in iter_files(path)
    ]


def evaluate(path: Path, options: argparse.Namespace) -> list[Section]:
    files = read_path(path)
    dct_override = getattr(options, "dct", None)
    texts = {f.id: f.text for f in files}
    gold = {f.id: list(f.gold) for f in files}
    documents = [build_document(f.id, f.text, dct=dct_override or f.dct) for f in files]
    claims = predict.claims_for(_dates_only(options), lambda _pipeline: documents)
    predicted = {doc_id: predicted_timexes(found) for doc_id, found in claims.items()}
    sections = [
        score_timexes(gold, predicted, name="dates (TempEval-3 Task A)", texts=texts),
    ]
    groups = sorted({doc_id.split("/")[0] for doc_id in gold if "/" in doc_id})
    if len(groups) > 1:
        for group in groups:
            ids = {doc_id for doc_id in gold if doc_id.startswith(group + "/")}
            section = score_timexes(
                {i: gold[i] for i in ids},
                {i: predicted.get(i, []) for i in ids},
                name=f"dates: {group}",
            )
            sections.append(attrs.evolve(section, errors=()))
    return sections


def _dates_only(options: argparse.Namespace) -> argparse.Namespace:
    """The options with the extractors dates do not need switched off, unless the
    caller chose what to disable."""
    chosen = argparse.Namespace(**vars(options))
    chosen.predictions = getattr(options, "predictions", None)
    chosen.plugin = getattr(options, "plugin", None) or []
    chosen.model = getattr(options, "model", None)
    chosen.disable = list(getattr(options, "disable", None) or NOT_NEEDED)
    return chosen


def _attributes(text: str) -> dict[str, str]:
    return {
        m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
        for m in _ATTRIBUTE.finditer(text)
    }
