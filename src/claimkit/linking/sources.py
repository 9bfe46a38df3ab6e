"""One Source per real speaker: merge the source mentions of a document's claims.

The extractors give every claim a provisional Source of one mention. This
post-processor reads the mentions in text order and links each to an earlier entity or
starts a new one, the way a reader of news does:

- a name links to an earlier name it shares its last word with ("Albright" ->
  "Madeleine Albright"), or that contains it ("the State Department");
- a definite description links to the latest entity with the same head noun and number
  ("the diplomat", "the officials"); with an ordinal, to the n-th such entity introduced
  ("the first diplomat");
- an indefinite one starts a new entity ("a third diplomat", "one Beijing-based
  diplomat");
- a pronoun links to the latest compatible speaker outside the claim's own content
  ("he" -> a person, "they" -> a group or organisation).
"""

import difflib
from collections.abc import Generator, Iterable, Iterator

import attrs
from spacy.tokens import Doc, Token

from claimkit.hookspecs import hookimpl
from claimkit.sources import mention_source, vocabulary
from claimkit.types import Claim, Demand, Source, Span

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_PERSONAL = frozenset({"person", "anonymous_person", "unknown"})
_COLLECTIVE = frozenset({"anonymous_group", "organization"})
_NEUTER = frozenset({"organization", "document"})


@hookimpl(wrapper=True)
def claimkit_process_claims(doc: Doc) -> Generator[None, list[Claim], list[Claim]]:
    claims: list[Claim] = yield
    return resolve_sources(doc, claims)


@attrs.define
class _Mention:
    """A source mention and what linking needs to know about it."""

    span: Span
    source: Source
    scope: Span | None  # the content of the claim it speaks: a pronoun's antecedent is outside
    head: str
    plural: bool
    pronoun: str | None
    definite: bool
    ordinal: int | None
    names: tuple[str, ...]
    gender: str | None  # "m" or "f" where a pronoun, title or noun says so
    root: int  # the index of its head token
    owner: int | None = None  # of a possessive pronoun: the subject of its clause (token)


@attrs.define
class _Entity:
    mentions: list[_Mention] = attrs.field(factory=list)

    @property
    def heads(self) -> set[str]:
        return {m.head for m in self.mentions if m.pronoun is None}

    @property
    def kind(self) -> str:
        kinds = [m.source.kind for m in self.mentions if m.pronoun is None]
        return kinds[0] if kinds else self.mentions[0].source.kind

    @property
    def plural(self) -> bool:
        return any(m.plural for m in self.mentions if m.pronoun is None)

    @property
    def gender(self) -> str | None:
        return next((m.gender for m in self.mentions if m.gender), None)


def resolve_sources(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """The claims with every mention of one real source sharing one :class:`Source`."""
    spoken = list(_mentions(doc, claims))
    taken = {(m.span.start, m.span.end) for m in spoken}
    # People named as the subject of a sentence are what a later "he" or "she" most
    # often refers to, whether or not they spoke.
    mentions = sorted(
        [
            *spoken,
            *(m for m in _subject_mentions(doc, spoken) if (m.span.start, m.span.end) not in taken),
        ],
        key=lambda m: (m.span.start, m.span.end),
    )
    entities: list[_Entity] = []
    by_span: dict[tuple[int, int], _Entity] = {}
    for mention in mentions:
        key = (mention.span.start, mention.span.end)
        entity = by_span.get(key) or _antecedent(mention, entities)
        if entity is None:
            entity = _Entity()
            entities.append(entity)
        if key not in by_span:
            entity.mentions.append(mention)
            by_span[key] = entity
    used = [e for e in entities if any((m.span.start, m.span.end) in taken for m in e.mentions)]
    sources = {id(entity): _source(f"s{n}", entity) for n, entity in enumerate(used, start=1)}

    def resolved(source: Source | None) -> Source | None:
        if source is None or not source.mentions:
            return source
        mention = source.mentions[0]
        entity = by_span.get((mention.start, mention.end))
        return source if entity is None else sources[id(entity)]

    out = []
    for claim in claims:
        data = claim.data
        if isinstance(data, Demand) and data.reported_by is not None:
            data = attrs.evolve(data, reported_by=resolved(data.reported_by))
        out.append(attrs.evolve(claim, source=resolved(claim.source), data=data))
    return out


def _mentions(doc: Doc, claims: Iterable[Claim]) -> Iterator[_Mention]:
    for claim in claims:
        found = []
        if claim.source is not None and claim.source.mentions:
            found.append(_analyse(doc, claim.source, claim.content))
        if isinstance(claim.data, Demand) and claim.data.reported_by is not None:
            found.append(_analyse(doc, claim.data.reported_by, claim.evidence))
        yield from (mention for mention in found if mention is not None)


def _subject_mentions(doc: Doc, spoken: list[_Mention]) -> Iterator[_Mention]:
    """Named people who are the subject of a clause, and the subject of the clause in
    which a possessive pronoun names a source ("The mayor repeated her claim")."""
    subjects = [
        e.root for e in doc.ents if e.label_ == "PERSON" and e.root.dep_ in ("nsubj", "nsubjpass")
    ]
    for mention in spoken:
        if mention.owner is not None:
            subjects.append(doc[mention.owner])
    for token in subjects:
        found = _analyse(doc, mention_source(token), None)
        if found is not None:
            yield found


def _analyse(doc: Doc, source: Source, scope: Span | None) -> _Mention | None:
    span = source.mentions[0]
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return None  # white space only: nothing to link it by
    head: Token = tokens.root
    # Coordinated mentions ("officials and other sources") are plural whatever their head.
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
    lower = head.lower_
    vocab = vocabulary()
    pronoun = None
    if lower in vocab["pronouns"]:
        pronoun = lower
        plural = lower in vocab["plural_pronouns"]
    determiners = [t.lower_ for t in tokens if t.dep_ in ("det", "poss") and t.head == head]
    ordinal = next((_ORDINALS[t.lower_] for t in tokens if t.lower_ in _ORDINALS), None)
    names = _name_words(head) if source.named else ()
    return _Mention(
        span=span,
        source=source,
        scope=scope,
        head=head.lemma_.lower(),
        plural=plural,
        pronoun=pronoun,
        definite=bool(determiners)
        and (
            determiners[0] in _DEFINITE or any(t.dep_ == "poss" for t in tokens if t.head == head)
        ),
        ordinal=ordinal,
        names=names,
        gender=_gender(tokens),
        root=head.i,
        owner=_clause_subject(head) if pronoun is not None and head.dep_ == "poss" else None,
    )


def _name_words(head: Token) -> tuple[str, ...]:
    """The proper name ending in ``head``: "Madeleine Albright", not "of Human Rights Watch"."""
    words = [head]
    while words[0].i > 0:
        previous = words[0].nbor(-1)
        if previous.pos_ != "PROPN" or previous.dep_ not in ("compound", "flat"):
            break
        words.insert(0, previous)
    return tuple(t.lower_ for t in words)


def _antecedent(mention: _Mention, entities: list[_Entity]) -> _Entity | None:
    if mention.pronoun is not None:
        return _pronoun_antecedent(mention, entities)
    if mention.names:
        for entity in reversed(entities):
            if any(_same_name(mention.names, other.names) for other in entity.mentions):
                return entity
    if mention.definite:
        candidates = [
            e for e in entities if e.plural == mention.plural and _same_head(mention.head, e.heads)
        ]
        if mention.ordinal is not None:
            return candidates[mention.ordinal - 1] if len(candidates) >= mention.ordinal else None
        return candidates[-1] if candidates else None
    # Indefinite: a new source, unless the very same words named one before ("rights
    # advocates" twice); a singular indefinite is always someone new.
    if mention.plural and not mention.names:
        text = mention.span.text.lower()
        for entity in reversed(entities):
            if any(m.span.text.lower() == text for m in entity.mentions):
                return entity
    return None


def _pronoun_antecedent(mention: _Mention, entities: list[_Entity]) -> _Entity | None:
    pronoun = mention.pronoun
    vocab = vocabulary()
    if pronoun in vocab["singular_pronouns"]:
        compatible = _PERSONAL
    elif pronoun in vocab["plural_pronouns"]:
        if pronoun in ("we", "us"):
            return None  # a quoted "we" is the speaker's side, not an earlier source
        compatible = _COLLECTIVE
    else:
        compatible = _NEUTER
    agreeing = [e for e in entities if _agrees(mention, e, compatible)]
    # "The mayor repeated her claim": her is the mayor, if she may be.
    for entity in agreeing:
        if mention.owner is not None and any(m.root == mention.owner for m in entity.mentions):
            return entity
    best: tuple[int, _Entity] | None = None
    for entity in agreeing:
        for other in entity.mentions:
            if other.span.end > mention.span.start:
                continue
            if mention.scope is not None and other.span in mention.scope:
                continue  # "Albright had vowed ..., he said": he is not Albright
            if best is None or other.span.start > best[0]:
                best = (other.span.start, entity)
    return best[1] if best else None


def _agrees(mention: _Mention, entity: _Entity, compatible: frozenset[str]) -> bool:
    """Whether a pronoun may stand for ``entity``: kind, number and gender."""
    if entity.kind not in compatible:
        return False
    if entity.plural and mention.pronoun in vocabulary()["singular_pronouns"]:
        return False
    return not (mention.gender and entity.gender and mention.gender != entity.gender)


def _clause_subject(possessive: Token) -> int | None:
    """The subject of the verb whose object a possessive pronoun sits in, before it."""
    verb = possessive.head.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > possessive.i or subject.pos_ == "PRON":
        return None
    return subject.i


def _gender(tokens: Iterable[Token]) -> str | None:
    vocab = vocabulary()
    for token in tokens:
        if token.lower_ in vocab["masculine"]:
            return "m"
        if token.lower_ in vocab["feminine"]:
            return "f"
    return None


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    return a[-1] == b[-1] or set(a) <= set(b) or set(b) <= set(a)


def _same_head(head: str, heads: set[str]) -> bool:
    # Wire copy misspells ("adminstration"): near-identical long heads are the same word.
    return head in heads or any(
        len(head) >= 8 and difflib.SequenceMatcher(None, head, other).ratio() >= 0.9
        for other in heads
    )


def _source(source_id: str, entity: _Entity) -> Source:
    named = [m for m in entity.mentions if m.names and m.source.named]
    full = [m for m in entity.mentions if m.pronoun is None]
    best = (
        max(named, key=lambda m: len(m.source.name))
        if named
        else (full[0] if full else entity.mentions[0])
    )
    kind = entity.kind
    if kind == "unknown" and best.pronoun in vocabulary()["singular_pronouns"]:
        kind = "person"
    return Source(
        id=source_id,
        name=best.source.name,
        kind=kind,
        named=bool(named),
        mentions=sorted({m.span for m in entity.mentions}, key=lambda span: span.start),
        role=next((m.source.role for m in entity.mentions if m.source.role), None),
        affiliation=next(
            (m.source.affiliation for m in entity.mentions if m.source.affiliation), None
        ),
    )
