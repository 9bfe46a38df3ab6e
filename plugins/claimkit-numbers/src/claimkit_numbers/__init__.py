"""claimkit-numbers: numeric and statistical claims, as a claimkit plugin."""

from collections.abc import Iterator

import attrs
from spacy.tokens import Doc, Span, Token

import claimkit
from claimkit.extractors.statements import Cue

__version__ = "0.1.0"

KIND = "quantity"
_ENTITIES = ("CARDINAL", "PERCENT", "MONEY", "QUANTITY")
_BOUNDS = {
    "more than": "lower", "over": "lower", "at least": "lower", "above": "lower",
    "less than": "upper", "fewer than": "upper", "under": "upper", "up to": "upper",
    "at most": "upper", "below": "upper",
    "about": "approx", "around": "approx", "some": "approx", "nearly": "approx",
    "almost": "approx", "roughly": "approx", "approximately": "approx", "an estimated": "approx",
}  # fmt: skip
_RISES = frozenset({"rise", "increase", "grow", "climb", "jump", "gain", "up", "surge", "soar"})
_FALLS = frozenset(
    {"fall", "drop", "decrease", "decline", "shrink", "slip", "down", "plunge", "lose"}
)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_CURRENCIES = {"$": "USD", "dlrs": "USD", "dollars": "USD", "£": "GBP", "€": "EUR", "yen": "JPY"}
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100,
    "dozen": 12, "dozens": 24, "hundreds": 200,
}  # fmt: skip


@attrs.frozen(kw_only=True)
class Quantity:
    """What a ``quantity`` claim counts or measures."""

    value: float
    unit: str | None = None
    bound: str | None = None
    change: str | None = None


@claimkit.hookimpl
def claimkit_extractors() -> Iterator[claimkit.Extractor]:
    yield claimkit.Extractor(
        name="numbers",
        kinds=(KIND,),
        extract=extract_quantities,
        data_types={KIND: Quantity},
        requires=("tagger", "parser", "lemmatizer", "ner"),
        description="numeric and statistical claims: value, unit, bound, change",
    )


@claimkit.hookimpl
def claimkit_statement_cues() -> list[Cue]:
    # Statistics are "tallied" and "computed" as statements are "said".
    verbs = ("calculate", "tally", "project", "tabulate", "compute", "extrapolate")
    return [Cue(text=verb, pos="verb") for verb in verbs]


def extract_quantities(doc: Doc, document: claimkit.Document) -> Iterator[claimkit.Claim]:
    """A ``quantity`` claim for every number spaCy's NER finds, with what it counts."""
    text = document.text
    for entity in doc.ents:
        if entity.label_ not in _ENTITIES or entity.start_char < document.body_start:
            continue
        value = _value(entity)
        if value is None:
            continue
        bound, start = _bound(entity)
        unit = _unit(entity)
        evidence_end = entity.end_char
        counted = _counted(entity)
        if counted is not None and unit is None:
            unit = counted.lemma_.lower() if counted.tag_ != "NNS" else counted.lower_
            evidence_end = max(evidence_end, counted.idx + len(counted.text))
        yield claimkit.Claim(
            kind=KIND,
            doc_id=document.id,
            extractor="numbers",
            evidence=claimkit.Span.of(text, start, evidence_end),
            data=Quantity(value=value, unit=unit, bound=bound, change=_change(entity)),
        )


def _value(entity: Span) -> float | None:
    number: float | None = None
    scale = 1.0
    for token in entity:
        word = token.lower_.replace(",", "")
        if word in _SCALES:
            scale *= _SCALES[word]
            continue
        try:
            number = float(word) if number is None else number
        except ValueError:
            if number is None and word in _WORDS:
                number = float(_WORDS[word])
    return None if number is None else number * scale


def _bound(entity: Span) -> tuple[str | None, int]:
    """A bound before the number ("more than 2,000") and where the claim starts."""
    doc = entity.doc
    for size in (2, 1):
        start = entity.start - size
        if start >= 0:
            words = doc[start : entity.start].text.lower()
            if words in _BOUNDS:
                return _BOUNDS[words], doc[start].idx
    inner = entity.text.lower()
    for words, bound in _BOUNDS.items():
        if inner.startswith(words + " "):
            return bound, entity.start_char
    return None, entity.start_char


def _unit(entity: Span) -> str | None:
    if entity.label_ == "PERCENT":
        return "percent"
    if entity.label_ == "MONEY":
        for token in entity:
            if token.lower_ in _CURRENCIES or token.text in _CURRENCIES:
                return _CURRENCIES.get(token.text, _CURRENCIES.get(token.lower_))
    return None


def _counted(entity: Span) -> Token | None:
    """The noun a cardinal counts: "2,000 prisoners" -> prisoners."""
    root = entity.root
    if entity.label_ == "CARDINAL" and root.dep_ == "nummod" and root.head.pos_ == "NOUN":
        return root.head
    return None


def _change(entity: Span) -> str | None:
    """Whether the number is a rise or a fall: "rose 3 percent", "down 2 percent"."""
    head = entity.root.head
    for token in (head, *(t for t in entity.doc[max(0, entity.start - 2) : entity.start])):
        lemma = token.lemma_.lower()
        if lemma in _RISES:
            return "up"
        if lemma in _FALLS:
            return "down"
    return None
