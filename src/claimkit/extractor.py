"""The record a plugin registers to add an extractor (see ``claimkit_extractors``)."""

from collections.abc import Callable, Iterable, Mapping

import attrs
from spacy.tokens import Doc

from claimkit.types import Claim, Document, strings

#: What an extractor is: a function of the spaCy parse and the document to claims.
ExtractFunction = Callable[[Doc, Document], Iterable[Claim]]


@attrs.frozen(kw_only=True)
class Extractor:
    """An extractor: a named function from a parsed document to claims.

    :param name: unique name, reported with any error it raises.
    :param extract: ``extract(doc, document) -> Iterable[Claim]``.
    :param kinds: the claim kinds it produces; claims of other kinds are rejected.
    :param data_types: the attrs class of ``Claim.data`` for each kind that has one,
        so claims of that kind read back from JSON typed.
    :param requires: the spaCy annotations it reads (``tagger``, ``parser``, ``ner``,
        ``lemmatizer``); pipeline components nobody requires can be switched off.
    :param description: one line for ``python -m claimkit plugins``.
    """

    name: str
    extract: ExtractFunction
    kinds: tuple[str, ...] = attrs.field(converter=strings)
    data_types: Mapping[str, type] = attrs.field(factory=dict, hash=False)
    requires: tuple[str, ...] = attrs.field(
        default=("tagger", "parser", "ner", "lemmatizer"), converter=strings
    )
    description: str = ""
