"""Source mentions: the span a reader would name a source by, and what kind it is.

Extractors call :func:`mention_source` on the head token of a speaker, demander or
document; the ``claimkit.linking.sources`` post-processor then merges the mentions of
one real source across the document ("one Beijing-based diplomat", "the diplomat",
"he") into one :class:`Source`.
"""

import functools
import tomllib
from importlib import resources

from spacy.tokens import Token

from claimkit.types import Source, Span

# Modifiers that are not part of how a source is named: a relative clause ("who has
# said ..."), a clause or participle after the noun, punctuation at the edges.
_DROP_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "prep_time", "parataxis"})
_PERSON_ENTS = frozenset({"PERSON"})
_ORG_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_AFFILIATION_PREPS = frozenset({"of", "at", "for", "from", "with"})


@functools.cache
def vocabulary() -> dict[str, frozenset[str]]:
    """The source-kind nouns and pronoun classes of ``data/sources.toml``, and
    ``pronouns``, all three pronoun classes together."""
    data = tomllib.loads(
        resources.files("claimkit.data").joinpath("sources.toml").read_text("utf-8")
    )
    found = {key: frozenset(words) for key, words in data.items()}
    found["pronouns"] = (
        found["singular_pronouns"] | found["plural_pronouns"] | found["neuter_pronouns"]
    )
    return found


def is_pronoun(token: Token) -> bool:
    return token.lower_ in vocabulary()["pronouns"] or token.tag_ in ("PRP", "WP")


def mention_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, without clauses attached to it."""
    keep = [head]
    for child in head.children:
        if _joins_word(child):
            keep.append(child)  # the hyphen of "Ki-moon", "Ocasio-Cortez"
            continue
        if child.dep_ in _DROP_DEPS or _is_temporal(child):
            continue
        if child.dep_ == "appos" or child.dep_ == "conj":
            keep.extend(mention_tokens(child))
            # The comma or "and" that joins it belongs to the mention too.
            keep.extend(
                t for t in head.children if t.dep_ in ("cc", "punct") and head.i < t.i < child.i
            )
            continue
        keep.extend(t for t in child.subtree)
    # A "cc" or comma joining several conjuncts was added once for each: keep it once.
    keep = sorted({t.i: t for t in keep}.values(), key=lambda t: t.i)
    # A contiguous stretch around the head: drop anything a dropped clause separated.
    start = end = keep.index(head)
    while start > 0 and keep[start - 1].i == keep[start].i - 1:
        start -= 1
    while end + 1 < len(keep) and keep[end + 1].i == keep[end].i + 1:
        end += 1
    tokens = keep[start : end + 1]
    while tokens and is_edge(tokens[-1]) and tokens[-1] != head:
        tokens.pop()
    while tokens and is_edge(tokens[0]) and tokens[0] != head:
        tokens.pop(0)
    return tokens


def _joins_word(token: Token) -> bool:
    """A hyphen inside a word, with no space on either side: it is part of the name."""
    doc = token.doc
    return (
        token.dep_ == "punct"
        and token.text in ("-", "‐")
        and 0 < token.i < len(doc) - 1
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
    )


def is_edge(token: Token) -> bool:
    """Punctuation, a conjunction or a line break: nothing a mention begins or ends with."""
    return token.is_punct or token.is_space or token.dep_ == "cc"


def _is_temporal(token: Token) -> bool:
    """A date hung on a noun phrase ("the opposition on Thursday") is not its name."""
    if token.dep_ == "npadvmod":
        return token.ent_type_ in ("DATE", "TIME")
    if token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)
    return False


def mention_span(head: Token, tokens: list[Token] | None = None) -> Span:
    """The character span of the mention headed by ``head`` (or of ``tokens``, where the
    caller knows the mention's extent better than the parse)."""
    return token_span(tokens or mention_tokens(head))


def token_span(tokens: list[Token]) -> Span:
    """The claimkit Span of a run of tokens, through a spaCy Span: ``Doc.text`` would
    join every token of the document on each call."""
    found = tokens[0].doc[tokens[0].i : tokens[-1].i + 1]
    return Span(start=found.start_char, end=found.end_char, text=found.text)


def source_kind(head: Token) -> str:
    """person, organization, anonymous_person, anonymous_group, document or unknown."""
    vocab = vocabulary()
    lower = head.lower_
    lemma = head.lemma_.lower()
    if is_pronoun(head):
        if lower in vocab["plural_pronouns"]:
            return "anonymous_group"
        return "unknown"
    entity = head.ent_type_
    compound = " ".join(t.lower_ for t in head.lefts if t.dep_ == "compound") + " " + lower
    if lemma in vocab["document"]:
        return "document"
    if entity in _PERSON_ENTS:
        return "person"
    if (
        entity in _ORG_ENTS
        or lemma in vocab["organization"]
        or compound.strip() in vocab["organization"]
    ):
        return "organization"
    if head.pos_ == "PROPN":
        return "person" if head.tag_ != "NNPS" else "organization"
    if head.tag_ in ("NNS", "NNPS") or _is_coordinated(head):
        return "anonymous_group"
    return "anonymous_person"


def _is_coordinated(head: Token) -> bool:
    return any(child.dep_ == "conj" for child in head.children)


def _named_appositive(head: Token) -> Token | None:
    """The proper name in "the union's leader, Olga Petrova": it names the source, and
    the common noun it stands beside is the role."""
    if head.pos_ == "PROPN" or head.ent_type_ in _PERSON_ENTS | _ORG_ENTS:
        return None
    return next(
        (c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"),
        None,
    )


def _phrase(tokens: list[Token]) -> str:
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def role_and_affiliation(head: Token) -> tuple[str | None, str | None]:
    """The role an appositive gives ("the NSC's chief Asia expert") and the affiliation a
    preposition gives ("of Human Rights Watch/Asia")."""
    role = affiliation = None
    for child in head.children:
        if child.dep_ == "appos" and role is None:
            role = _phrase(mention_tokens(child))
        elif child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPS and affiliation is None:
            objects = [t for t in child.children if t.dep_ == "pobj"]
            if objects and (objects[0].ent_type_ in _ORG_ENTS or objects[0].pos_ == "PROPN"):
                affiliation = _phrase(mention_tokens(objects[0]))
    return role, affiliation


def mention_source(head: Token, tokens: list[Token] | None = None) -> Source:
    """A provisional Source of one mention, for the resolver to merge with the others.

    Its id is empty until ``claimkit.linking.sources`` assigns the document-wide one.
    """
    span = mention_span(head, tokens)
    name_head = _named_appositive(head)
    role: str | None
    if name_head is not None:
        name = _phrase(mention_tokens(name_head))
        role = _phrase([t for t in mention_tokens(head) if t.i < name_head.left_edge.i])
        role = role.rstrip(" ,") or None
        _, affiliation = role_and_affiliation(head)
        head = name_head
    else:
        role, affiliation = role_and_affiliation(head)
        name = _name(span, role)
    marker = next((c for c in head.children if c.dep_ == "case" and c.i > head.i), None)
    if marker is not None and name.endswith(marker.text):
        # "Graham's endorsement": the mention keeps the possessive, the name does not.
        name = name[: -len(marker.text)].rstrip()
    named = head.pos_ == "PROPN" or head.ent_type_ in _PERSON_ENTS | _ORG_ENTS
    return Source(
        id="",
        name=name,
        kind=source_kind(head),
        named=named and not is_pronoun(head),
        mentions=(span,),
        role=role,
        affiliation=affiliation,
    )


def _name(span: Span, role: str | None) -> str:
    """How to call the source: the mention without an appositive role."""
    if role and span.text.endswith(role):
        # and what opened the appositive: "Sen. Tom Harlow (D-Ore." is "Sen. Tom Harlow"
        return span.text[: -len(role)].rstrip(" ,([-–—")
    return span.text
