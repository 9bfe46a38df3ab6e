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

import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from claimkit.extractors.dates.rules import DateRule

#: A window: the start and end offsets of a stretch of text a rule is run in.
Window = tuple[int, int]
# A tree of characters: the words it holds end where a node has the key "".
_Node = dict[str, "_Node"]

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
    sought in the lower-cased text, and overlapping hints are all found. A window
    reaches from a hint as many words as its rule's ``reach`` says; words are runs of
    non-space characters, so a run of spaces in a table widens a window without
    taking from its reach.
    """

    words: "re.Pattern[str] | None"
    others: "re.Pattern[str] | None"
    #: For each hint, the rules (their indexes) that one found there stands for: the
    #: rules of every hint it begins with ("january" also stands for "jan"'s rules).
    rules_of: Mapping[str, tuple[int, ...]]
    #: Each rule's reach (words before and after its hint's).
    reach: tuple[tuple[int, int], ...]
    #: The rest of a word, then each of as many words as the longest reach in a group.
    word_edges: "re.Pattern[str]"
    #: Rules without hints (or with an empty one): scanned over the whole text.
    unhinted: tuple[int, ...]

    def windows(self, text: str) -> list[list[Window]]:
        """For each rule (by index), the merged windows of ``text`` to run it in, in
        order; the whole text for a rule without hints."""
        lowered = text.lower()
        if len(lowered) != len(text) or (not text.isascii() and _ODD_CASE.search(text)):
            return [[(0, len(text))] for _ in self.reach]
        found: list[list[Window]] = [[] for _ in self.reach]
        hints = self._hints(lowered)
        backwards = text[::-1] if hints else text
        for start, end, hint in hints:
            # the words before the hint are those after it in the reversed text
            before = self._words_from(backwards, len(text) - start)
            after = self._words_from(text, end)
            for rule in self.rules_of[hint]:
                back, ahead = self.reach[rule]
                begin = len(text) - _word_end(before, back, len(text))
                _add(found[rule], begin, _word_end(after, ahead, len(text)))
        for rule in self.unhinted:
            found[rule] = [(0, len(text))]
        return found

    def _hints(self, lowered: str) -> list[tuple[int, int, str]]:
        """Where each hint occurs in ``lowered``: start, end and the hint, in order."""
        found: list[tuple[int, int, str]] = []
        if self.words is not None:
            # the pattern consumes the character before the hint: a space put in front
            # lets a hint at the very start be found, and shifts offsets by one
            found = [
                (m.start(1) - 1, m.end(1) - 1, m.group(1))
                for m in self.words.finditer(" " + lowered)
            ]
        if self.others is not None:
            others = []
            position = 0
            # hints may overlap ("20" and "0s" in "20s"): each search starts one
            # character after the last hint found (a look-ahead would do it too, but it
            # keeps the engine from skipping quickly to the characters a hint begins with)
            while (hint := self.others.search(lowered, position)) is not None:
                others.append((hint.start(), hint.end(), hint.group()))
                position = hint.start() + 1
            found = sorted(found + others) if found and others else found or others
        return found

    def _words_from(self, text: str, at: int) -> "re.Match[str]":
        """The rest of the word at ``at`` (group 1) and the words after it (groups 2,
        3 ...), as far as the longest reach."""
        found = self.word_edges.match(text, at)
        assert found is not None  # every group may be empty
        return found


def _word_end(words: "re.Match[str]", count: int, text_end: int) -> int:
    """Where the ``count``-th word of ``words`` (a :meth:`Triggers._words_from`) ends,
    or ``text_end`` if the text ends before it."""
    edge = words.end(count + 1)
    return text_end if edge < 0 else edge


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
        others=re.compile(trie(others)) if others else None,
        rules_of=rules_of,
        reach=tuple(rule.reach for rule in rules),
        word_edges=re.compile(
            r"(\S*)" + r"(?:\s+(\S+))?" * max((max(r.reach) for r in rules), default=0)
        ),
        unhinted=unhinted,
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
