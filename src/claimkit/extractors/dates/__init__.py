"""The dates extractor: temporal expressions, recognised and normalised as TIMEX3.

It finds dates, times, durations and sets anywhere in a document ("the past six
years": DURATION P6Y; "late February": 1997-02 mod END; "annual": SET P1Y), resolves
relative ones against the document creation time, and picks the week or year of a bare
weekday or month from the tense of the verb it depends on ("will meet on Thursday"
looks ahead, "met on Thursday" back). Without a creation time values stay
underspecified (``XXXX-WXX``).

The words it knows are in ``vocabulary.toml``; plugins add rules with the
``claimkit_date_rules`` hook (:class:`DateRule`), tried before the built-in ones.
"""

from collections.abc import Iterator

import attrs
import pluggy
from spacy.tokens import Doc

from claimkit.extractor import Extractor
from claimkit.extractors.dates.builtin import builtin_rules
from claimkit.extractors.dates.recognise import Recogniser, build_recogniser
from claimkit.extractors.dates.rules import Context, DateRule, Normalised
from claimkit.extractors.dates.vocabulary import build_vocabulary, load_vocabulary
from claimkit.hookspecs import hookimpl
from claimkit.types import Claim, Document

__all__ = ["Context", "DateRule", "Normalised", "date_claims", "make_recogniser"]

#: The creation time stamp of a header, as TimeML marks it.
CREATION_TIME = "CREATION_TIME"


def make_recogniser(pm: pluggy.PluginManager | None = None) -> Recogniser:
    """The built-in rules, after those ``pm``'s plugins add."""
    # The built-in vocabulary is read once per process; only plugins' words need a new one.
    additions = pm.hook.claimkit_date_vocabulary() if pm else []
    vocabulary = build_vocabulary(additions) if additions else load_vocabulary()
    plugin_rules = [rule for batch in pm.hook.claimkit_date_rules() for rule in batch] if pm else []
    return build_recogniser(vocabulary, plugin_rules, builtin_rules(vocabulary))


def date_claims(recogniser: Recogniser, doc: Doc | None, document: Document) -> Iterator[Claim]:
    """A ``date`` claim for each temporal expression of ``document``.

    Expressions in the header (before ``document.body_start``) are the story's own
    time stamp: their function is CREATION_TIME.
    """
    for timex in recogniser.timexes(doc, document.text, document.dct):
        if timex.span.end <= document.body_start:
            timex = attrs.evolve(timex, function=CREATION_TIME)
        yield Claim(
            kind="date", doc_id=document.id, extractor="dates", evidence=timex.span, times=(timex,)
        )


@hookimpl
def claimkit_extractors(pm: pluggy.PluginManager) -> Iterator[Extractor]:
    """Register the dates extractor."""
    recogniser = make_recogniser(pm)

    def extract(doc: Doc, document: Document) -> Iterator[Claim]:
        return date_claims(recogniser, doc, document)

    yield Extractor(
        name="dates",
        kinds=("date",),
        extract=extract,
        # tags and dependencies give the tense of the verb a date hangs from
        requires=("tagger", "parser"),
        description="temporal expressions (TIMEX3 dates, times, durations, sets), normalised",
    )
