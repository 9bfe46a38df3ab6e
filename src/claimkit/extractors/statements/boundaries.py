"""Where a content begins and ends: grown to the quotations it touches, run on over the
quoted sentences that follow its attribution, and trimmed of white space and
punctuation at its edges."""

import re

from claimkit.extractors.statements.parse import DASHES, conventions

_EDGE_PUNCT = ",;:." + DASHES

# A word whose period is its own: initials ("U.S.", "p.m.") or a common abbreviation.
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:"
    + "|".join(map(re.escape, sorted(conventions("abbreviations"))))
    + r")\.)$"
)


def widen_to_quotes(content: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Grow the content to whole quotations it touches."""
    start, end = content
    for q_start, q_end in quotes:
        if q_start < end and start < q_end:
            start, end = min(start, q_start), max(end, q_end)
    return start, end


def trim(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """Drop white space and punctuation at the edges of content outside quotation marks,
    and keep its parentheses balanced. The complementizer of "said that ..." stays:
    PolNeAR counts it as content."""
    start, end = content
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    if text.startswith("(", start) and ")" not in text[start:end]:
        start += 1  # '(They said it would pass," ...': the aside's parenthesis
    end = _trim_end(text, start, end)
    inside = text[start:end]
    if inside.endswith(")") and inside.count(")") > inside.count("("):
        # "(... if he starts winning.)": the parenthesis of an aside the content ends.
        end = _trim_end(text, start, end - 1)
    elif text.startswith(")", end) and inside.count("(") > inside.count(")"):
        opened = inside[inside.rfind("(") + 1 :].lstrip("\"“'‘")
        if opened[:1].isupper():
            end += 1  # "the Affordable Care Act (ACA)", "Sen. Ted Cruz (R-Texas)"
    return start, end


def _trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over white space and punctuation, not over an abbreviation's
    period."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        if text[end - 1] == "." and _ABBREVIATION.search(text, start, end):
            break  # "the U.S.", "9:42 p.m.", "John Hinckley Jr.": the period is the word's
        end -= 1
    return end


def continue_quotation(
    text: str,
    content: tuple[int, int],
    cue: tuple[int, int],
    quotes: list[tuple[int, int]],
    cues: list[tuple[int, int]],
    sentence_end: int,
) -> tuple[int, int]:
    """Extend a quotation over the quoted sentences that follow its attribution with no
    cue of their own: '"Q1," he said. "Q2."' is one statement whose content runs from Q1
    to Q2 (PolNeAR marks the two pieces; their hull is the content). The attribution
    between may describe the speaker at length ('"Q1," she told her audience, a mix of
    students and business people in Philadelphia. "Q2."'), hence up to 200 characters.
    The attribution sentence (it ends at ``sentence_end``) may hold cues and quotations
    of its own: '"Q1," said X, who declined to be named, referring to the "Gang of
    Eight." "Q2."' still runs on to Q2; a cue in a later sentence starts a statement
    of its own."""
    start, end = content
    position = max(end, cue[1])
    direct = any(q_start == start for q_start, _ in quotes)
    for q_start, q_end in quotes:
        if q_start < position:
            continue
        between = text[position:q_start]
        # Only the rest of the attribution sentence ("he said.") and white space between.
        if (
            q_start - max(end, cue[1]) > 200
            or (
                "\n\n" in between
                and not (direct and _paragraph_quotation(text, q_start, q_end, sentence_end))
            )
            or any(sentence_end <= c[0] < q_end and c[0] >= position for c in cues)
            or _introduced(text, cue, cues, position, q_start)
        ):
            break
        if between.strip() and not between.strip().endswith((".", ":", ";", ",")):
            if q_start < sentence_end:
                # A title or a phrase the attribution quotes ('said on NBC's "Meet the
                # Press."'): not what was said, but no end of it either.
                position = q_end
                continue
            break
        if text[q_start:q_end].rstrip("\"”'»").endswith(","):
            break  # '"Q2," she added': a quotation with an attribution of its own
        end = position = q_end
    return start, end


def _paragraph_quotation(text: str, q_start: int, q_end: int, sentence_end: int) -> bool:
    """Whether the quotation at ``q_start`` is a paragraph of its own right after the
    attribution sentence ('"Q1," he said.' and "Q2." below it): with nothing but the
    paragraph break between, it goes on with a content that opens with a quotation
    (PolNeAR; 27 of the 31 such contents of train that change)."""
    line_end = text.find("\n", q_end)
    rest = text[q_end : len(text) if line_end < 0 else line_end]
    return not text[sentence_end:q_start].strip() and not rest.strip()


def _introduced(
    text: str, cue: tuple[int, int], cues: list[tuple[int, int]], position: int, q_start: int
) -> bool:
    """Whether another cue of the attribution introduces the quotation at ``q_start``
    ('"Q1," she said, adding, "Q2."', 'Cruz said as the heckler yelled: "Q2"'): Q2 is
    that cue's content, not the continuation of Q1."""
    return any(
        c[0] > cue[0]
        and position <= c[0]
        and c[1] <= q_start
        and text[c[1] : q_start].strip() in (":", ",")
        for c in cues
    )
