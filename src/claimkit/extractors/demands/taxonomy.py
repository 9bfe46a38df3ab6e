"""The demand taxonomy: what a demand asks for (categories, with their CAMEO and PLOVER
codes) and the words that signal how hard it asks (cues).

The built-in categories and cues are data (``categories.toml``, ``cues.toml``); plugins
add to them through the ``claimkit_demand_categories`` and ``claimkit_demand_cues`` hooks.
"""

import functools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources

import attrs

from claimkit.types import STRENGTHS

#: CAMEO root codes of each strength, for a demand whose category is unknown.
UNSPECIFIED_CAMEO: Mapping[str, str] = {"appeal": "020", "demand": "100", "threat": "130"}


def _lower(value: str) -> str:
    return value.lower()


def words_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """Lower-case words as a tuple (an attrs converter)."""
    return tuple(value.lower() for value in values)


@attrs.frozen(kw_only=True)
class DemandCategory:
    """One kind of thing demanded.

    :param key: the name claims carry (``prisoner_release``).
    :param label: a human-readable name.
    :param cameo: the CAMEO sub-code per strength (``{"appeal": "0253", "demand": "1053"}``).
    :param plover: the PLOVER REQUEST mode (``yield``, ``change``, ``assist``, ``meet``).
    :param actions: verb or noun lemmas of the action ("release", "allow").
    :param objects: lemmas one of which must occur with an action ("prisoner"); without
        objects, an action alone signals the category.
    :param terms: lemmas that signal the category on their own ("ceasefire").
    """

    key: str
    label: str = ""
    cameo: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    plover: str = ""
    actions: tuple[str, ...] = attrs.field(default=(), converter=words_tuple)
    objects: tuple[str, ...] = attrs.field(default=(), converter=words_tuple)
    terms: tuple[str, ...] = attrs.field(default=(), converter=words_tuple)

    def __attrs_post_init__(self) -> None:
        unknown = set(self.cameo) - set(STRENGTHS)
        if unknown:
            raise ValueError(f"category {self.key!r}: unknown strengths {sorted(unknown)}")


#: How a cue is written: a verb, a noun, a deontic modal, or a multi-word phrase.
CUE_POS = ("verb", "noun", "modal", "phrase")


@attrs.frozen(kw_only=True)
class DemandCue:
    """One word that signals a demand.

    :param lemma: the lemma, lower-case ("urge", "call", "must"; "call upon" for a phrase).
    :param pos: ``verb``, ``noun``, ``modal`` or ``phrase`` (a verb with its particle).
    :param strength: ``appeal``, ``demand`` or ``threat``.
    :param object_is_content: the verb's direct object is what is demanded ("seek
        concessions") rather than whom it is demanded of ("urge China").
    """

    lemma: str = attrs.field(converter=_lower)
    pos: str = attrs.field(validator=attrs.validators.in_(CUE_POS))
    strength: str = attrs.field(validator=attrs.validators.in_(STRENGTHS))
    object_is_content: bool = False


@attrs.frozen(kw_only=True)
class Match:
    """A category found in an action, and how strongly."""

    category: DemandCategory
    # 3: action with its object, 2: a term, 1: an action alone or an object from context.
    strength: int
    # How deep in the parse the matched word sits: "talks on allowing prison visits" is
    # about the visits, the more deeply embedded action.
    depth: int


def builtin_categories() -> list[DemandCategory]:
    """The categories of ``categories.toml``, in file order."""
    text = resources.files(__package__).joinpath("categories.toml").read_text("utf-8")
    return [DemandCategory(**entry) for entry in tomllib.loads(text)["category"]]


def merge_categories(
    builtin: Iterable[DemandCategory], extra: Iterable[DemandCategory]
) -> tuple[DemandCategory, ...]:
    """Built-in categories with plugins' added; a plugin's category replaces one with its key.

    A plugin's new categories come first, so they win ties with general built-ins.
    """
    added = list(extra)
    replaced = {category.key: category for category in added}
    merged = [replaced.pop(category.key, category) for category in builtin]
    return (*replaced.values(), *merged)


def _first_index(phrases: tuple[str, ...], lemmas: Sequence[str]) -> int | None:
    """Where the first of ``phrases`` to occur in ``lemmas`` starts."""
    by_first = _by_first_word(phrases)
    for i, lemma in enumerate(lemmas):
        for words in by_first.get(lemma, ()):
            if tuple(lemmas[i : i + len(words)]) == words:
                return i
    return None


@functools.cache
def _by_first_word(phrases: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    # Categories are few and fixed per run: their phrases are split once, and indexed
    # by first word so that an action is read once, not once per phrase.
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in (tuple(phrase.split()) for phrase in phrases):
        if words:
            index.setdefault(words[0], []).append(words)
    return index


def match_category(
    category: DemandCategory,
    lemmas: Sequence[str],
    depths: Sequence[int],
    context: Sequence[str] = (),
) -> Match | None:
    """How ``category`` matches an action of ``lemmas`` (with their parse depths).

    ``context`` is the lemmas around the action: a vague action ("further progress")
    takes its category's object from there ("... human rights ... progress").
    """
    action = _first_index(category.actions, lemmas)
    term = _first_index(category.terms, lemmas)
    if action is not None and category.objects:
        if _first_index(category.objects, lemmas) is not None:
            return Match(category=category, strength=3, depth=depths[action])
        if _first_index(category.objects, context) is not None:
            return Match(category=category, strength=1, depth=depths[action])
    if term is not None:
        return Match(category=category, strength=2, depth=depths[term])
    if action is not None and not category.objects:
        return Match(category=category, strength=2, depth=depths[action])
    return None


def categorize(
    categories: Iterable[DemandCategory],
    lemmas: Sequence[str],
    depths: Sequence[int],
    context: Sequence[str] = (),
) -> Match | None:
    """The best category of an action: strongest match, then most deeply embedded, then
    first listed."""
    best: Match | None = None
    for category in categories:
        found = match_category(category, lemmas, depths, context)
        if found is not None and (
            best is None or (found.strength, found.depth) > (best.strength, best.depth)
        ):
            best = found
    return best


def cameo_code(category: DemandCategory | None, strength: str) -> str:
    """The CAMEO code of a demand of ``category`` made with ``strength``."""
    if category is not None and strength in category.cameo:
        return category.cameo[strength]
    return UNSPECIFIED_CAMEO[strength]
