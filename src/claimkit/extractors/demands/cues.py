"""Demand cues: the words that signal a demand and how hard it presses.

The built-in lexicon is ``cues.toml``; plugins add cues through the
``claimkit_demand_cues`` hook.
"""

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import Any

import attrs

from claimkit.extractors.demands.taxonomy import DemandCue, words_tuple


@attrs.frozen(kw_only=True)
class ThreatMode:
    """What a threat threatens, recognised by words of its consequence."""

    cameo: str
    mode: str
    words: tuple[str, ...] = attrs.field(converter=words_tuple)


@attrs.frozen(kw_only=True)
class Lexicon:
    """The cues by part of speech, and the grammatical word lists the rules read."""

    verbs: Mapping[str, DemandCue]
    object_verbs: Mapping[str, DemandCue]
    nouns: Mapping[str, DemandCue]
    modals: Mapping[str, DemandCue]
    grammar: Mapping[str, frozenset[str]]
    threats: tuple[ThreatMode, ...]
    #: Every word a cue can be, as a lemma or a form: the only tokens the cue rules
    #: need to look at.
    triggers: frozenset[str] = attrs.field(init=False)

    @triggers.default
    def _triggers(self) -> frozenset[str]:
        return frozenset().union(self.verbs, self.object_verbs, self.nouns, self.modals)

    def words(self, name: str) -> frozenset[str]:
        """A grammatical word list of ``cues.toml`` ``[grammar]``."""
        return self.grammar[name]


def _read() -> dict[str, Any]:
    return tomllib.loads(resources.files(__package__).joinpath("cues.toml").read_text("utf-8"))


def builtin_cues() -> list[DemandCue]:
    """The cues of ``cues.toml``."""
    data = _read()
    sections = {"verbs": "verb", "nouns": "noun", "modals": "modal"}
    cues = [
        DemandCue(lemma=word, pos=pos, strength=strength)
        for section, pos in sections.items()
        for strength, words in data[section].items()
        for word in words
    ]
    cues += [
        DemandCue(lemma=word, pos="verb", strength=strength, object_is_content=True)
        for strength, words in data["object_verbs"].items()
        for word in words
    ]
    return cues


def build_lexicon(cues: Iterable[DemandCue]) -> Lexicon:
    """A lexicon of ``cues`` (later ones override earlier ones of the same lemma and pos)."""
    data = _read()
    by_pos: dict[str, dict[str, DemandCue]] = {"verb": {}, "object": {}, "noun": {}, "modal": {}}
    for cue in cues:
        if cue.pos in ("verb", "phrase"):
            # A phrase cue ("call upon") is keyed by its verb; its particle is read off
            # the parse like any other verb's.
            lemma = cue.lemma.split()[0]
            by_pos["object" if cue.object_is_content else "verb"][lemma] = cue
        else:
            by_pos[cue.pos][cue.lemma] = cue
    threats: Sequence[dict[str, Any]] = data["threat"]
    return Lexicon(
        verbs=by_pos["verb"],
        object_verbs=by_pos["object"],
        nouns=by_pos["noun"],
        modals=by_pos["modal"],
        grammar={name: frozenset(words) for name, words in data["grammar"].items()},
        threats=tuple(ThreatMode(**entry) for entry in threats),
    )


def threat_mode(lexicon: Lexicon, lemmas: Sequence[str]) -> ThreatMode | None:
    """The first threat mode whose words occur in a consequence's ``lemmas``."""
    joined = f" {' '.join(lemmas)} "
    for mode in lexicon.threats:
        if any(f" {word} " in joined for word in mode.words):
            return mode
    return None
