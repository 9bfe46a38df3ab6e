"""The dates extractor's word lists, read from ``vocabulary.toml``."""

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Unit:
    """A calendar unit: its TIMEX3 duration letter, and whether it is a clock unit."""

    letter: str
    factor: int = 1
    time: bool = False
    #: what half a unit adds to the value, in smaller letters ("6M" for a year)
    half: str | None = None


@attrs.frozen(kw_only=True)
class Vocabulary:
    """Every word list of ``vocabulary.toml``; see the comments there for each."""

    months: Mapping[str, int]
    ambiguous_months: frozenset[str]
    month_triggers: frozenset[str]
    weekdays: Mapping[str, int]
    weekday_abbreviations: Mapping[str, int]
    numbers: Mapping[str, int]
    vague_numbers: frozenset[str]
    ordinals: Mapping[str, int]
    decade_words: Mapping[str, int]
    units: Mapping[str, Unit]
    seasons: Mapping[str, str]
    day_parts: Mapping[str, str]
    holidays: Mapping[str, str]
    weekday_holidays: Mapping[str, tuple[int, int, int]]
    references: Mapping[str, str]
    sets: Mapping[str, str]
    shifts: Mapping[str, int]
    mods: Mapping[str, str]
    approximations: Mapping[str, str]
    leads: Mapping[str, str]
    zones: Mapping[str, str]
    future_cues: frozenset[str]
    intent_words: frozenset[str]
    scale_verbs: frozenset[str]
    past_prepositions: frozenset[str]
    year_heads: frozenset[str]
    point_prepositions: frozenset[str]
    measure_nouns: frozenset[str]

    #: Lower-cased month and weekday names (abbreviations too), for look-ups.
    month_numbers: Mapping[str, int] = attrs.field(
        default=attrs.Factory(lambda self: _lower(self.months), takes_self=True)
    )
    weekday_numbers: Mapping[str, int] = attrs.field(
        default=attrs.Factory(
            lambda self: _lower({**self.weekdays, **self.weekday_abbreviations}), takes_self=True
        )
    )

    def month(self, word: str) -> int:
        """The number of a month name or abbreviation, in any case, with or without a stop."""
        return self.month_numbers[word.rstrip(".").lower()]

    def singular(self, word: str) -> str:
        """The unit a (plural) unit word names: "centuries" -> "century"."""
        word = word.lower()
        if word in self.units:
            return word
        if word.endswith("ies") and word[:-3] + "y" in self.units:
            return word[:-3] + "y"
        return word.rstrip("s")

    def weekday(self, word: str) -> int:
        """The ISO number of a weekday name or abbreviation."""
        return self.weekday_numbers[word.rstrip(".").lower()]

    def number(self, words: str) -> int | None:
        """The value of a number written in digits or words ("1,000", "twenty-four", "a
        couple of"), or None for a vague quantity ("several")."""
        key = normal_space(words.lower()).replace(",", "")
        if key.isdigit():
            return int(key)
        if key in self.vague_numbers:
            return None
        if key in self.numbers:
            return self.numbers[key]
        # "twenty-four", "twenty four"
        tens, _, ones = key.replace("-", " ").partition(" ")
        return self.numbers[tens] + self.numbers[ones]


def normal_space(text: str) -> str:
    """``text`` with every run of white space made one space."""
    return " ".join(text.split())


def alternation(words: Iterable[str], *, capitalised: bool = False) -> str:
    """A regex group matching any of ``words``, longest first, spaces matching any
    white space. With ``capitalised`` only the capitalised and upper-case forms match,
    whatever the flags of the pattern it is put in."""
    forms = set(words)
    if capitalised:
        forms = {f for w in forms for f in (w[:1].upper() + w[1:], w.upper())}
    body = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(forms, key=len, reverse=True)
    )
    return f"(?-i:{body})" if capitalised else f"(?:{body})"


@functools.cache
def load_vocabulary() -> Vocabulary:
    """The built-in vocabulary (read once)."""
    return build_vocabulary()


def build_vocabulary(additions: Iterable[Mapping[str, Any]] = ()) -> Vocabulary:
    """The built-in vocabulary with ``additions`` (from ``claimkit_date_vocabulary``)
    merged in: a word list gains their words, a table their entries (a plugin's entry
    replaces a built-in one of the same key).

    :raises ValueError: an addition names no section of ``vocabulary.toml``, or gives a
        table where it holds a list or the other way round.
    """
    data = _builtin_data()
    for addition in additions:
        for name, extra in addition.items():
            if name not in data:
                raise ValueError(f"the dates vocabulary has no section {name!r}")
            if isinstance(data[name], list) and isinstance(extra, list | tuple | set | frozenset):
                data[name] = [*data[name], *extra]
            elif isinstance(data[name], dict) and isinstance(extra, Mapping):
                data[name] = {**data[name], **extra}
            else:
                kind = "list of words" if isinstance(data[name], list) else "table"
                raise ValueError(f"the dates vocabulary's {name!r} is a {kind}")
    units = {
        name: Unit(
            letter=u["letter"],
            factor=u.get("factor", 1),
            time=u.get("time", False),
            half=u.get("half"),
        )
        for name, u in data.pop("units").items()
    }
    weekday_holidays = {
        name: (int(month), int(weekday), int(first))
        for name, (month, weekday, first) in data.pop("weekday_holidays").items()
    }
    # A list is a set of words, a table a read-only mapping.
    sections: dict[str, Any] = {
        name: frozenset(value) if isinstance(value, list) else _frozen(value)
        for name, value in data.items()
    }
    return Vocabulary(units=_frozen(units), weekday_holidays=_frozen(weekday_holidays), **sections)


def _builtin_data() -> dict[str, Any]:
    """A fresh copy of ``vocabulary.toml``'s sections (parsing it anew costs a few ms,
    once per pipeline)."""
    source = resources.files(__package__).joinpath("vocabulary.toml").read_text(encoding="utf-8")
    return tomllib.loads(source)


def _lower(table: Mapping[str, int]) -> Mapping[str, int]:
    return _frozen({k.lower(): v for k, v in table.items()})


def _frozen(table: Mapping[str, T]) -> Mapping[str, T]:
    # A read-only view: one vocabulary is shared by every pipeline in the process.
    return MappingProxyType(dict(table))
