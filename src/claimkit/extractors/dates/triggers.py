"""Where in a text each rule may match: one cheap pass finds the rules' hints, and a
rule is run only in the windows of a few words around its own.

Running every rule's regular expression over the whole text was most of the dates
extractor's cost, though most of a news story holds no temporal word. A hint
("quarter", "monday", "19", "/") is part of every match of its rule, and a match
reaches no further from it than the rule's ``reach`` (see
:class:`~claimkit.extractors.dates.rules.DateRule`), so a scan of those windows finds
exactly what a scan of the whole text does (``tests/test_dates.py`` checks it on
random texts).
"""

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from claimkit.extractors.dates.rules import DateRule

#: A window: the start and end offsets of a stretch of text a rule is run in.
Window = tuple[int, int]
# A tree of characters: the words it holds end where a node has the key "".
_Node = dict[str, "_Node"]

# Words, as a rule's reach counts them: a run of spaces in a table widens a window
# without taking from its reach.
_WORD = re.compile(r"\S+")
# Non-ASCII characters that re.IGNORECASE matches with an ASCII letter though
# str.lower() does not lower them to it ("ſ" is "s", "K" the Kelvin sign is "k"),
# and the one whose lower case is two characters ("İ"): a text holding any of them
# is scanned whole, as the lower-cased copy the hints are sought in would mislead.
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


@attrs.frozen(kw_only=True)
class Triggers:
    """The hints of a list of rules, compiled into two patterns run once per text.

    A hint that begins with a letter is sought where a word begins (the pattern
    consumes the character before it, which lets the regex engine skip the letters
    inside words quickly); any other hint ("0s", "/", "19") anywhere. Both are
    sought in the lower-cased text, inside a look-ahead so that overlapping hints are
    all found.
    """

    words: "re.Pattern[str] | None"
    others: "re.Pattern[str] | None"
    #: For each hint, the rules (their indexes) that one found there stands for: the
    #: rules of every hint it begins with ("january" also stands for "jan"'s rules).
    rules_of: Mapping[str, tuple[int, ...]]
    #: Each rule's reach (words before and after its hint's).
    reach: tuple[tuple[int, int], ...]
    #: Rules without hints (or with an empty one): scanned over the whole text.
    unhinted: tuple[int, ...]
    count: int

    def windows(self, text: str) -> list[list[Window]]:
        """For each rule (by index), the merged windows of ``text`` to run it in, in
        order; the whole text for a rule without hints."""
        lowered = text.lower()
        if len(lowered) != len(text) or (not text.isascii() and _ODD_CASE.search(text)):
            return [[(0, len(text))] for _ in range(self.count)]
        found: list[list[Window]] = [[] for _ in range(self.count)]
        hints = sorted(self._hints(lowered))
        if hints:
            words = _WORD.finditer(text)
            starts, ends = zip(*(word.span() for word in words), strict=True)
            for start, end, hint in hints:
                # the words holding the hint's first and last characters
                first = bisect.bisect_right(starts, start) - 1
                last = bisect.bisect_left(ends, end)
                for rule in self.rules_of[hint]:
                    before, after = self.reach[rule]
                    begin = starts[first - before] if first >= before else 0
                    finish = ends[last + after] if last + after < len(ends) else len(text)
                    _add(found[rule], begin, finish)
        for rule in self.unhinted:
            found[rule] = [(0, len(text))]
        return found

    def _hints(self, lowered: str) -> Iterator[tuple[int, int, str]]:
        """Where each hint occurs in ``lowered``: start, end and the hint."""
        if self.words is not None:
            # the pattern consumes the character before the hint: a space put in front
            # lets a hint at the very start be found, and shifts offsets by one
            for found in self.words.finditer(" " + lowered):
                yield found.start(1) - 1, found.end(1) - 1, found.group(1)
        if self.others is not None:
            for found in self.others.finditer(lowered):
                yield found.start(1), found.end(1), found.group(1)


def _add(windows: list[Window], begin: int, finish: int) -> None:
    """Append a window, merged with the last one if they overlap or touch (windows
    come in order of their starts)."""
    if windows and begin <= windows[-1][1]:
        windows[-1] = (windows[-1][0], max(windows[-1][1], finish))
    else:
        windows.append((begin, finish))


def build_triggers(rules: Sequence[DateRule]) -> Triggers:
    """The :class:`Triggers` of ``rules``, in their order."""
    # an empty hint is everywhere: its rule is scanned whole, like one without hints
    unhinted = tuple(i for i, rule in enumerate(rules) if not rule.hints or "" in rule.hints)
    hinted: dict[str, set[int]] = {}
    for index, rule in enumerate(rules):
        if index not in unhinted:
            for hint in rule.hints:
                hinted.setdefault(hint.lower(), set()).add(index)
    rules_of = {hint: _rules_within(hint, hinted) for hint in hinted}
    words = [h for h in hinted if h[:1].isalpha() and h[:1].isascii()]
    others = [h for h in hinted if h not in words]
    return Triggers(
        words=re.compile(rf"[^a-z](?=({trie(words)}))") if words else None,
        others=re.compile(rf"(?=({trie(others)}))") if others else None,
        rules_of=rules_of,
        reach=tuple(rule.reach for rule in rules),
        unhinted=unhinted,
        count=len(rules),
    )


def _rules_within(hint: str, hinted: Mapping[str, Iterable[int]]) -> tuple[int, ...]:
    """The rules of ``hint`` and of every shorter hint it begins with: where "january"
    is found, so is "jan"."""
    return tuple(sorted({r for other, rs in hinted.items() if hint.startswith(other) for r in rs}))


def trie(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, the longest it can, written as
    a tree of their common beginnings ("jan(?:uary)?"): Python's engine tries the
    branches of a flat alternation one after the other at every position, a tree only
    the few that share the first letters."""
    root: _Node = {}
    for word in words:
        node = root
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}  # a word ends here
    return _branches(root)


def _branches(node: "_Node") -> str:
    branches = [re.escape(c) + _branches(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    # where a word ends and a longer one goes on, the longer is tried first (greedy)
    return f"(?:{body})?" if "" in node else body
