"""A learned attribution-cue scorer: is this word the cue of an attribution here?

Reporting verbs are a long tail ("blasted", "touted", "is critical of"), and the common
ones are cues only in some contexts ("called for" is, "called a cab" is not). A
logistic regression over the word and its place in the parse decides; it is trained on
PolNeAR train by ``python -m claimkit.extractors.statements.train`` and shipped as a
small JSON file of feature weights. Only words that were cues in training are scored,
so the model costs a few dictionary look-ups per candidate word.
"""

import json
import math
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import attrs
from spacy.tokens import Doc, Token

#: The file the trained weights ship in, inside this package.
MODEL_FILE = "cue_model.json"
# Parts of speech a cue can have: verbs ("said"), nouns ("claim"), adjectives
# ("critical of"), prepositions ("according to") and the colon of "X: ...".
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADP", "PUNCT", "PROPN"})


@attrs.frozen
class CueModel:
    """Feature weights of a logistic regression, the candidates it scores, the
    probability above which a candidate is a cue, and the higher one above which a cue's
    object may be its content."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    candidates: frozenset[str]
    #: A verb whose content is a noun phrase ("released a report", "faced criticism") is
    #: reported speech far less often than one with a clause, so it needs more certainty.
    object_threshold: float = 1.0
    #: The lemmas of the nouns among the candidates: nouns that head cues ("support").
    nouns: frozenset[str] = attrs.field(init=False)

    @nouns.default
    def _candidate_nouns(self) -> frozenset[str]:
        return frozenset(k.removesuffix("|NOUN") for k in self.candidates if k.endswith("|NOUN"))

    def is_candidate(self, token: Token) -> bool:
        return token.pos_ in CANDIDATE_POS and candidate_key(token) in self.candidates

    def probability(self, token: Token, quoted: bool) -> float:
        """The probability that ``token`` is the head of an attribution cue."""
        total = self.bias + sum(self.weights.get(f, 0.0) for f in features(token, quoted))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def score(self, token: Token, quoted: bool) -> float:
        """The probability for a candidate word, 0 for any other."""
        return self.probability(token, quoted) if self.is_candidate(token) else 0.0


def candidate_key(token: Token) -> str:
    return f"{token.lemma_.lower()}|{token.pos_}"


def features(token: Token, quoted: bool) -> list[str]:
    """What the model knows of a candidate: the word, its parse neighbourhood, whether it
    stands inside a quotation."""
    lemma = token.lemma_.lower()
    children = list(token.children)
    deps = sorted({c.dep_ for c in children})
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    found = [
        f"l={lemma}",
        f"lp={lemma}|{token.pos_}",
        f"t={token.tag_}",
        f"d={token.dep_}",
        f"ld={lemma}|{token.dep_}",
        f"lt={lemma}|{token.tag_}",
        f"h={token.head.lemma_.lower()}",
        f"hd={token.head.dep_}",
        f"lhd={lemma}|{token.head.dep_}",
        f"q={quoted}",
        f"lq={lemma}|{quoted}",
        f"subj={subject.pos_ if subject is not None else '-'}",
        f"lsubj={lemma}|{subject.pos_ if subject is not None else '-'}",
        f"subjent={subject.ent_type_ if subject is not None else '-'}",
        f"n1={token.nbor(1).lower_ if token.i + 1 < len(token.doc) else '<end>'}",
        f"p1={token.nbor(-1).lower_ if token.i > 0 else '<start>'}",
        f"ln1={lemma}|{token.nbor(1).lower_ if token.i + 1 < len(token.doc) else '<end>'}",
    ]
    found += [f"c={dep}" for dep in deps]
    found += [f"lc={lemma}|{dep}" for dep in deps]
    found += [f"lprep={lemma}|{c.lower_}" for c in children if c.dep_ in ("prep", "prt", "agent")]
    return found


def load_model(path: Path | None = None) -> CueModel | None:
    """The shipped model (or the one at ``path``); None if there is none."""
    if path is None:
        resource = resources.files(__package__).joinpath(MODEL_FILE)
        if not resource.is_file():
            return None
        data = json.loads(resource.read_text("utf-8"))
    else:
        data = json.loads(path.read_text("utf-8"))
    return CueModel(
        weights=data["weights"],
        bias=data["bias"],
        threshold=data["threshold"],
        candidates=frozenset(data["candidates"]),
        object_threshold=data.get("object_threshold", 1.0),
    )


def save_model(model: CueModel, path: Path, about: Mapping[str, object]) -> None:
    """Write ``model`` as JSON, with ``about`` saying how it was trained."""
    data = {
        "about": dict(about),
        "bias": model.bias,
        "threshold": model.threshold,
        "object_threshold": model.object_threshold,
        "candidates": sorted(model.candidates),
        "weights": {k: round(v, 4) for k, v in sorted(model.weights.items()) if abs(v) >= 1e-3},
    }
    path.write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")


def quoted_tokens(doc: Doc, quotes: list[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that stand inside a quotation."""
    inside: set[int] = set()
    for start, end in quotes:
        # Only the quotations' own tokens: walking the whole Doc makes a Token object
        # for every word of every story.
        found = doc.char_span(start, end, alignment_mode="expand")
        if found is not None:
            inside.update(t.i for t in found if start < t.idx < end)
    return inside
