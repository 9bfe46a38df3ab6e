"""claimkit-template: a minimal claimkit plugin to copy.

It registers one extractor, ``questions``, which makes a ``question`` claim of every
sentence that ends with a question mark ("Who ordered the raid?"). Replace
:func:`find_questions` with your own extractor.
"""

from collections.abc import Iterator

from spacy.tokens import Doc

import claimkit

__version__ = "0.1.0"

#: The claimkit hook API this plugin needs (claimkit.hookspecs.HOOKSPEC_VERSION).
CLAIMKIT_HOOKSPEC = ">=0.2"

#: The claim kind this plugin produces.
KIND = "question"


@claimkit.hookimpl
def claimkit_extractors() -> Iterator[claimkit.Extractor]:
    yield claimkit.Extractor(
        name="questions",
        kinds=(KIND,),
        extract=find_questions,
        requires=("parser",),  # the sentence boundaries
        description="sentences that end with a question mark",
    )


def find_questions(doc: Doc, document: claimkit.Document) -> Iterator[claimkit.Claim]:
    """A ``question`` claim for every sentence of the story that ends with '?'."""
    for sentence in doc.sents:
        text = sentence.text
        start = sentence.start_char + (len(text) - len(text.lstrip()))
        end = sentence.start_char + len(text.rstrip())
        if end <= start or start < document.body_start:
            continue
        if document.text[end - 1] == "?":
            yield claimkit.Claim(
                kind=KIND,
                doc_id=document.id,
                extractor="questions",
                # Span.of takes the text from the document: the span is always true to it.
                evidence=claimkit.Span.of(document.text, start, end),
            )
