"""Find temporal expressions in a text: scan with every rule (near its hints), keep the
best matches, normalise them against the creation time and the parse, and link range
ends."""

import calendar
import re
from collections.abc import Iterator, Sequence

import attrs
from spacy.tokens import Doc

from claimkit.extractors.dates.anchor import governing_tense, noun_event_tense, root_token
from claimkit.extractors.dates.normalise import parse_dct
from claimkit.extractors.dates.rules import Context, DateRule, Normalised
from claimkit.extractors.dates.triggers import Triggers, build_triggers
from claimkit.extractors.dates.vocabulary import Vocabulary, alternation, normal_space
from claimkit.types import Span, Timex

# Between two dates, what makes them the ends of one range: "March 10 to April 18",
# "between 1990 and 1995", "1990-1995".
_RANGE_LINK = re.compile(r"\s*(?:to|through|until|till|and|[-–—])\s*", re.IGNORECASE)
_YEAR_WRITTEN = re.compile(r"\d{4}|'\d\d")
_DATED = re.compile(r"\d{4}-\d\d(?:-\d\d)?$")
_RANGE_OPEN = re.compile(r"(?:from|between)\s+$", re.IGNORECASE)
# After a date that ends with its day, a link and a bare day number: a day of the same
# month, which TimeML marks as an expression of its own ("April 24 and 25", "Oct.
# 5-7"). A spaced dash is a dateline's ("Feb 26 - 10 pct ..."), and a number going on
# ("25.5", "25,000", "25%") is no day.
_ELIDED_DAY = re.compile(
    r"(?:\s+(?:and|or|to|through)\s+|[-–])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    r"(?![\d:.,]?\d|\s*(?:%|percent|pct)|[A-Za-z])",
    re.IGNORECASE,
)
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d\d-(\d\d)$")
_ENDS_WITH_DAY = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?$", re.IGNORECASE)
# After a unit: "quarter-to-quarter", "year-on-year", "year-over-year" compare, "day-to-day"
# runs: no time.
_COMPARISON = ("-to-", "-on-", "-over-")
# "the third-quarter loss", "the two-week strike": an expression that qualifies the
# noun after it leaves the determiner to that noun.
_PRENOMINAL = re.compile(r"the\s+(?=.*[A-Za-z0-9]-[A-Za-z]+$)", re.IGNORECASE | re.DOTALL)
_NOUN_AFTER = re.compile(r"\s+[a-z]")
# A date that counts units back or ahead ("two years ago"): approximations join it.
_COUNTED = re.compile(r"(?:ago|earlier|later|before|after)$", re.IGNORECASE)
# How far before a match mod words ("the beginning of ") or a range opener may start.
_MOD_REACH = 24
# Before a weekday or a date, these point ahead whatever the verb: "could come as
# early as Tuesday", "will leave as soon as Friday".
_FUTURE_LEAD = re.compile(r"(?<![A-Za-z])as\s+(?:soon|early)\s+as\s+$", re.IGNORECASE)
# An opening quotation mark: a quoted title-case "This Week" or "60 Minutes" is the name
# of a programme, not a time.
_QUOTE_BEFORE = re.compile(r"(?:\"|''|``|“|‘)$")


@attrs.frozen(kw_only=True)
class Candidate:
    """A match of one rule, with any mod words or approximation before it."""

    rule: DateRule
    match: "re.Match[str]"
    start: int
    end: int
    mod: str | None
    tier: int
    order: int


@attrs.frozen(kw_only=True)
class Recogniser:
    """Rules in the order they are tried, and the mod words and approximations that may
    precede an expression."""

    rules: Sequence[DateRule]
    builtin_from: int
    mod_words: "re.Pattern[str]"
    approximations: "re.Pattern[str]"
    vocabulary: Vocabulary
    triggers: Triggers

    def timexes(self, doc: Doc | None, text: str, dct: str | None) -> list[Timex]:
        """The temporal expressions of ``text`` (``doc`` is its parse, if any), in order.

        Matches are chosen first (longest, plugin rules before built-in ones); then each
        is normalised in reading order, knowing the expressions before it
        (:attr:`Context.previous`), as "the next day" or "a year earlier" need.
        """
        base = Context(dct=parse_dct(dct), dct_value=dct)
        candidates = sorted(
            self.candidates(text),
            key=lambda c: (c.tier, -(c.end - c.start), c.order, c.start),
        )
        chosen: list[tuple[Candidate, Context]] = []
        titles: list[Candidate] = []
        for candidate in candidates:
            if any(candidate.start < c.end and c.start < candidate.end for c, _ in chosen):
                continue
            if self._quoted_title(text, candidate):
                titles.append(candidate)  # nothing inside a title is a time either
                continue
            if any(candidate.start < c.end and c.start < candidate.end for c in titles):
                continue
            context = self._context(doc, candidate, base)
            if candidate.rule.normalise(candidate.match, context) is None:
                continue
            chosen.append((candidate, context))
        chosen.sort(key=lambda pair: pair[0].start)
        taken: list[Timex] = []
        for candidate, context in chosen:
            found = candidate.rule.normalise(
                candidate.match, attrs.evolve(context, previous=tuple(taken))
            )
            if found is not None:
                taken.append(_timex(text, candidate, found))
        return link_ranges(text, with_elided_days(text, taken))

    def candidates(self, text: str) -> Iterator[Candidate]:
        """Every rule's matches in ``text``, each rule run only in the windows around
        its hints (:mod:`~claimkit.extractors.dates.triggers`)."""
        windows = self.triggers.windows(text)
        for order, rule in enumerate(self.rules):
            for start, end in windows[order]:
                for match in _matches(rule.pattern, text, start, end):
                    if text.startswith(_COMPARISON, match.end()):
                        continue  # "the quarter-to-quarter comparison", "year-on-year": no time
                    yield self._candidate(rule, match, order)

    def _candidate(self, rule: DateRule, match: "re.Match[str]", order: int) -> Candidate:
        """A match with the determiner it leaves to the noun after it, and the mod words
        or the approximation before it."""
        text = match.string
        start, end, mod = match.start(), match.end(), None
        determiner = _PRENOMINAL.match(text, start, end)
        if determiner is not None and _NOUN_AFTER.match(text, end):
            start = determiner.end()
        # mod words are short: look only just before the match
        reach = max(0, start - _MOD_REACH)
        if rule.type == "DATE":
            before = self.mod_words.search(text, reach, start)
            if before is not None:
                words = before.group("mod") or before.group("phrase")
                mod = self.vocabulary.mods[normal_space(words.lower())]
                start = before.start()
        if mod is None and (rule.type == "DURATION" or _COUNTED.search(text, start, end)):
            # "nearly two years", "at least the past 18 months", "almost four years
            # ago" (but "over the past year" is a stretch, not a quantity)
            approx = self.approximations.search(text, reach, start)
            if approx is not None and not (
                approx.group("word").lower() == "over" and text[start : start + 4].lower() == "the "
            ):
                mod = self.vocabulary.approximations[normal_space(approx.group("word").lower())]
                start = approx.start()
        tier = 0 if order < self.builtin_from else 1
        return Candidate(
            rule=rule, match=match, start=start, end=end, mod=mod, tier=tier, order=order
        )

    def _quoted_title(self, text: str, candidate: Candidate) -> bool:
        """Whether the candidate is a quoted name with a capitalised unit word: the
        programmes "This Week" and "60 Minutes"."""
        if not _QUOTE_BEFORE.search(text, max(0, candidate.start - 2), candidate.start):
            return False
        words = text[candidate.start : candidate.end].split()[1:]
        return any(
            w[:1].isupper() and self.vocabulary.singular(w) in self.vocabulary.units for w in words
        )

    def _context(self, doc: Doc | None, candidate: Candidate, base: Context) -> Context:
        """``base`` (the creation time, and nothing else) with what the parse says
        around the match."""
        match = candidate.match
        root = root_token(doc, match.start(), match.end()) if doc is not None else None
        if root is None:
            return base
        head = root.head if root.head is not root else None
        ahead = _FUTURE_LEAD.search(match.string, max(0, candidate.start - 16), candidate.start)
        # built anew rather than with attrs.evolve, which costs twice as much
        return Context(
            dct=base.dct,
            dct_value=base.dct_value,
            tense="future" if ahead else governing_tense(root, self.vocabulary),
            tag=root.tag_ or None,
            head=head.lower_ if head is not None else None,
            head_tag=head.tag_ if head is not None else None,
            dep=root.dep_ or None,
            event_tense=noun_event_tense(root, self.vocabulary),
        )


def build_recogniser(
    vocabulary: Vocabulary, plugin_rules: Sequence[DateRule], builtin: Sequence[DateRule]
) -> Recogniser:
    """A recogniser trying ``plugin_rules`` before the ``builtin`` ones."""
    one_word = [w for w in vocabulary.mods if " " not in w]
    phrases = [w for w in vocabulary.mods if " " in w]
    mod_words = re.compile(
        rf"(?<![A-Za-z])(?:(?:the\s+)?(?P<mod>{alternation(one_word)})(?:-\s*|\s+)"
        rf"|(?P<phrase>{alternation(phrases)})\s+)$",
        re.IGNORECASE,
    )
    approximations = re.compile(
        rf"(?<![A-Za-z])(?P<word>{alternation(vocabulary.approximations)})\s+$", re.IGNORECASE
    )
    rules = [*plugin_rules, *builtin]
    return Recogniser(
        rules=rules,
        builtin_from=len(plugin_rules),
        mod_words=mod_words,
        approximations=approximations,
        vocabulary=vocabulary,
        triggers=build_triggers(rules),
    )


def _matches(
    pattern: "re.Pattern[str]", text: str, start: int, end: int
) -> Iterator["re.Match[str]"]:
    """Matches of ``pattern`` in the window ``start``-``end`` of ``text`` that neither
    start nor end inside a word or a number."""
    position = start
    while (match := pattern.search(text, position, end)) is not None:
        if match.end() == match.start():
            position = match.end() + 1
            continue
        if _joined(text, match.start()) or _joined(text, match.end()):
            position = match.start() + 1
            continue
        yield match
        position = match.end()


def _joined(text: str, at: int) -> bool:
    """Whether ``at`` falls inside a word or a number ("1997Tuesday" is two)."""
    if at <= 0 or at >= len(text):
        return False
    left, right = text[at - 1], text[at]
    return (left.isalpha() and right.isalpha()) or (left.isdigit() and right.isdigit())


def _timex(text: str, candidate: Candidate, found: Normalised) -> Timex:
    return Timex(
        span=Span.of(text, candidate.start, candidate.end),
        type=found.type or candidate.rule.type,
        value=found.value,
        mod=found.mod or candidate.mod,
        anchor=found.anchor,
    )


def with_elided_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """``timexes`` with the bare day numbers that follow a date ("April 24 and 25")
    made dates of that date's month."""
    out: list[Timex] = []
    for i, timex in enumerate(timexes):
        out.append(timex)
        elided = _elided_day(text, timex)
        following = timexes[i + 1].span.start if i + 1 < len(timexes) else len(text)
        if elided is not None and elided.span.end <= following:
            out.append(elided)
    return out


def _elided_day(text: str, timex: Timex) -> Timex | None:
    dated = _DAY_VALUE.match(timex.value) if timex.type == "DATE" else None
    written = _ENDS_WITH_DAY.search(timex.span.text)
    if dated is None or written is None or int(written.group(1)) != int(dated.group(1)):
        return None  # a date that does not end with its day ("April 24, 1999")
    found = _ELIDED_DAY.match(text, timex.span.end)
    if found is None:
        return None
    day = int(found.group("day"))
    year = int(timex.value[:4]) if timex.value[0].isdigit() else 2000  # Feb 29 if year-less
    month = int(timex.value[5:7])
    if not int(dated.group(1)) < day <= calendar.monthrange(year, month)[1]:
        return None  # the second day of a pair comes after the first
    return Timex(
        span=Span.of(text, found.start("day"), found.end()),
        type="DATE",
        value=f"{timex.value[:8]}{day:02d}",
    )


def link_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """Give both ends of a range ("from March 10 to April 18") its ``begin/end``."""
    out = list(timexes)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.type not in ("DATE", "TIME") or second.type != first.type:
            continue
        link = _RANGE_LINK.fullmatch(text, first.span.end, second.span.start)
        if link is None:
            continue
        opened = _RANGE_OPEN.search(text, max(0, first.span.start - _MOD_REACH), first.span.start)
        if link.group(0).strip().lower() == "and" and opened is None:
            continue  # "on Wednesday and Thursday" is two days, not a range
        second = _after(first, second)
        interval = f"{first.value}/{second.value}"
        out[i] = attrs.evolve(first, interval=interval)
        out[i + 1] = attrs.evolve(second, interval=interval)
    return out


def _after(begin: Timex, end: Timex) -> Timex:
    """``end`` moved into the year after when its year was guessed and puts it before
    ``begin`` ("from Nov. 20 to Jan. 5")."""
    guessed = _YEAR_WRITTEN.search(end.span.text) is None
    same_form = len(begin.value) == len(end.value) and _DATED.match(end.value)
    if not (guessed and same_form and end.value < begin.value):
        return end
    moved = f"{int(end.value[:4]) + 1:04d}{end.value[4:]}"
    return attrs.evolve(end, value=moved) if moved >= begin.value else end
