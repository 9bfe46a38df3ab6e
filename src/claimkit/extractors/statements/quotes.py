"""Quotation marks: where the quoted stretches of a text begin and end."""

import re

# Straight and typographic double quotes; « » and „ “ as other languages' news writes them;
# two apostrophes, as The New York Times' archive text writes a straight double quote.
_OPENING = "“„«"
_CLOSING = "”»"
_STRAIGHT = ('"', "''")
_MARK = re.compile(r"''|[\"“”„«»]")
_PARAGRAPH = re.compile(r"\n\s*")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The quoted stretches of ``text``, each from its opening mark to its closing mark
    (both included).

    A straight quote opens or closes by alternation. News style opens every paragraph
    of a quotation that runs over several paragraphs with a quote mark but closes only
    the last: a quotation still open at a paragraph break continues when the next
    paragraph opens with a quote mark, and is closed at the break otherwise.
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    breaks = [m.end() for m in _PARAGRAPH.finditer(text)]
    next_break = 0

    def close_at_breaks_before(position: int) -> None:
        nonlocal start, next_break
        while next_break < len(breaks) and breaks[next_break] <= position:
            if start is not None and not _opens_paragraph(text, breaks[next_break]):
                spans.append((start, _paragraph_end(text, breaks[next_break])))
                start = None
            next_break += 1

    for mark in _MARK.finditer(text):
        position, char = mark.start(), mark.group()
        close_at_breaks_before(position)
        if start is None:
            if char in _OPENING or char in _STRAIGHT:
                start = position
        elif char in _CLOSING or char in _STRAIGHT or _closes_in_place(text, mark):
            if _continues_paragraph(text, start, position):
                continue
            spans.append((start, position + len(char)))
            start = None
    close_at_breaks_before(len(text))
    if start is not None:
        spans.append((start, len(text.rstrip())))
    return spans


def _closes_in_place(text: str, mark: re.Match[str]) -> bool:
    """An opening mark typed where a quotation closes, after a word and before a space
    ('"Apparently not,“ he said'): it closes the open quotation."""
    before, after = text[mark.start() - 1 : mark.start()], text[mark.end() : mark.end() + 1]
    return bool(before) and not before.isspace() and (not after or after.isspace())


def _opens_paragraph(text: str, offset: int) -> bool:
    return text.startswith((*_OPENING, *_STRAIGHT), offset)


def _paragraph_end(text: str, next_paragraph: int) -> int:
    return len(text[:next_paragraph].rstrip())


def _continues_paragraph(text: str, start: int, position: int) -> bool:
    """A mark right after a paragraph break inside an open quotation re-opens it."""
    before = text[start:position]
    return "\n" in before and before.rstrip(" \t").endswith("\n")
