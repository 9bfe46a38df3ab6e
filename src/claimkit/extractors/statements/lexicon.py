"""Attribution cues: the built-in lexicon (``cues.toml``) and the records plugins add."""

import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources

import attrs

#: What a source does with its content.
CUE_KINDS = ("speech", "belief", "intention", "impression")
#: How a cue is written: a verb lemma, a noun, or a multi-word phrase.
CUE_POS = ("verb", "noun", "phrase")
#: The kind of a cue the model found that the lexicon does not list: what it attributes
#: may be a clause, an infinitive or a noun phrase ("criticized the plan").
LEARNED = "learned"


def _lower(text: str) -> str:
    return text.lower()


@attrs.frozen(kw_only=True)
class Cue:
    """One attribution cue.

    :param text: a verb's lemma ("say"), a noun ("statement") or a phrase
        ("according to"), lower-case.
    :param pos: ``verb``, ``noun`` or ``phrase``.
    :param kind: ``speech`` (said), ``belief`` (fears), ``intention`` (vowed) or
        ``impression`` (seemed: a verb whose subject is what is said, by no one named).
    """

    text: str = attrs.field(converter=_lower)
    pos: str = attrs.field(validator=attrs.validators.in_(CUE_POS))
    kind: str = attrs.field(default="speech", validator=attrs.validators.in_(CUE_KINDS))


@attrs.frozen
class Lexicon:
    """Cues by part of speech: ``verbs[lemma]`` is its kind, likewise nouns and phrases."""

    verbs: Mapping[str, str]
    nouns: Mapping[str, str]
    phrases: Mapping[str, str]


def builtin_cues() -> list[Cue]:
    """The cues of ``cues.toml``."""
    data = tomllib.loads(resources.files(__package__).joinpath("cues.toml").read_text("utf-8"))
    section_pos = {"verbs": "verb", "nouns": "noun", "phrases": "phrase"}
    return [
        Cue(text=word, pos=section_pos[section], kind=kind)
        for section, kinds in data.items()
        for kind, words in kinds.items()
        for word in words
    ]


def build_lexicon(cues: Iterable[Cue]) -> Lexicon:
    """A lexicon of ``cues``; a later cue for the same word overrides its kind."""
    table: dict[str, dict[str, str]] = {"verb": {}, "noun": {}, "phrase": {}}
    for cue in cues:
        table[cue.pos][cue.text] = cue.kind
    return Lexicon(verbs=table["verb"], nouns=table["noun"], phrases=table["phrase"])
