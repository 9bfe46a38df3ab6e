"""What the statement rules share about the parse: what a cue gives (``Attribution``),
the dependencies that carry a content, the character ranges of tokens, and the word
lists of the span conventions (``conventions.toml``)."""

import bisect
import functools
import tomllib
import weakref
from collections.abc import Sequence
from importlib import resources

from spacy.tokens import Doc, Token

#: What a cue gives: the source's head word (None where the text names no one: "is
#: expected to"), the cue's and the content's character ranges, and the source
#: mention's words where they are known better than the parse tells (a colon label).
Attribution = tuple[Token | None, tuple[int, int], tuple[int, int], list[Token] | None]
SUBJECTS = ("nsubj", "nsubjpass")
#: The tags of a verb that carries tense: a finite verb, which must have a subject
#: somewhere, and is what a clause has and a list of names does not.
FINITE = ("VBD", "VBZ", "VBP")
#: The same with a modal, which makes its verb group finite ("will say").
FINITE_OR_MODAL = (*FINITE, "MD")
# Dependents that hang a complement clause or an infinitive off a cue verb.
CLAUSE = ("ccomp",)
INFINITIVE = ("xcomp",)
# The dashes that set off a phrase or sign a quotation: em dash, en dash, hyphen.
DASHES = "—–-"


def char_range(tokens: Sequence[Token]) -> tuple[int, int]:
    """The character range from the first to the last of ``tokens`` (in text order)."""
    ordered = sorted(tokens, key=lambda t: t.i)
    return ordered[0].idx, char_end(ordered[-1])


def char_end(token: Token) -> int:
    """The character offset right after ``token``."""
    return token.idx + len(token.text)


# The first word of every line of a document, found once per document: walking back to
# the line break from every cue made a text without line breaks quadratic.
_LINE_STARTS: "weakref.WeakKeyDictionary[Doc, list[int]]" = weakref.WeakKeyDictionary()


def line_start(token: Token) -> int:
    """The index of the first word of ``token``'s line: the word after the last token
    before it that holds a line break, or 0."""
    doc = token.doc
    starts = _LINE_STARTS.get(doc)
    if starts is None:
        starts = _LINE_STARTS[doc] = [0, *(t.i + 1 for t in doc if "\n" in t.text)]
    return starts[bisect.bisect_right(starts, token.i) - 1]


def prep_object(prep: Token) -> Token | None:
    """The object of a preposition: a noun phrase ("on *the plan*") or a clause or
    gerund ("by *saying* Y")."""
    return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)


def that_mark(clause: Token) -> Token | None:
    """The "that" that marks ``clause`` as a that-clause ("said *that* Y"), if any."""
    return next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"), None)


def opens_with_that(clause: Token, own: bool = True) -> bool:
    """A that-clause whose first word is its "that" ("said Y1, but *that* Y2"); unless
    ``own``, that word may be the "that" of a clause inside it."""
    if not own:
        return clause.left_edge.dep_ == "mark" and clause.left_edge.lower_ == "that"
    mark = that_mark(clause)
    return mark is not None and mark.i == clause.left_edge.i


def is_infinitive(token: Token) -> bool:
    """A verb with "to" ("vowed *to tell*")."""
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def is_cued(verb: Token) -> bool:
    """A verb with a clausal complement, as a cue has ("said *that Y*")."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ in CLAUSE for c in verb.children)


@functools.cache
def conventions(kind: str) -> frozenset[str]:
    """A word list of ``conventions.toml`` by its section name; the file says what each
    list is for and why."""
    data = tomllib.loads(
        resources.files(__package__).joinpath("conventions.toml").read_text("utf-8")
    )
    return frozenset(data[kind])
