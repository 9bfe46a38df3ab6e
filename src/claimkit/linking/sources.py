"""One Source per real speaker: merge the source mentions of a document's claims.

The extractors give every claim a provisional Source of one mention. This
post-processor reads the mentions in text order and links each to an earlier entity or
starts a new one, the way a reader of news does:

- a name links to an earlier name it shares its last word with ("Albright" ->
  "Madeleine Albright", "the State Department"), and a group to a group: "Neither
  Clinton nor her allies" is not "Clinton";
- a definite description links to the latest entity with the same head noun and number
  ("the diplomat", "the officials"); with an ordinal, to the n-th such entity introduced
  ("the first diplomat"); a bare role with no such entity ("the spokesman", "the GOP
  nominee") to the named person of its gender a pronoun would take there;
- an indefinite one starts a new entity ("a third diplomat", "one Beijing-based
  diplomat");
- a pronoun links to a compatible speaker or subject outside the claim's own content
  ("he" -> a person, "they" -> a group or organisation): the nearest sentence with one
  wins, and within it a speaker or main-clause subject before any other mention; never
  to the speaker of the quotation the pronoun stands in, nor to a quantifier ("some",
  "anybody") or a time.

Everything is judged by the mention's head and its noun phrase without the clauses
that describe it: the extractors give the source mention as the whole phrase PolNeAR
marks ("Rep. X (D-S.C.), who ..."), and a word in a relative clause says nothing about
the speaker's gender or ordinal.
"""

import bisect
import difflib
import functools
from collections.abc import Generator, Iterable, Iterator

import attrs
import numpy
from spacy.attrs import POS
from spacy.tokens import Doc, Token

from claimkit.hookspecs import hookimpl
from claimkit.sources import mention_source, mention_tokens, vocabulary
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
    gender: str | None  # "m" or "f" where a pronoun, title, noun or first name says so
    root: int  # the index of its head token
    sentence: int  # the number of its sentence in the document
    salient: bool  # a speaker or the subject of a main clause: what a pronoun picks first
    referential: bool  # a quantifier ("some", "anybody") or a time is no antecedent
    words: str  # the noun phrase without its clauses, lower case
    role: bool  # "the spokesman", "the GOP nominee": a bare description of one person
    owner: int | None = None  # of a possessive pronoun: the subject of its clause (token)
    quoted_by: frozenset[int] = frozenset()  # heads of the speakers quoting this pronoun


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
        # What a name or title says outranks an earlier pronoun, which may be misplaced.
        ranked = sorted(self.mentions, key=lambda m: m.pronoun is not None)
        return next((m.gender for m in ranked if m.gender), None)

    @property
    def named(self) -> bool:
        return any(m.names for m in self.mentions)

    @property
    def roots(self) -> set[int]:
        return {m.root for m in self.mentions}


def resolve_sources(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """The claims with every mention of one real source sharing one :class:`Source`."""
    spoken = _situate(doc, claims, list(_mentions(doc, claims)))
    if not spoken:
        return claims  # no claim names a source: nothing to link, no subjects to find
    # A mention is known by its head: one speaker may be marked "Sen. X (D-Ore.)," by
    # one claim and "Sen. X" by another, and the subject "Sen. X" below is the same.
    taken = {m.root for m in spoken}
    # People named as the subject of a sentence are what a later "he" or "she" most
    # often refers to, whether or not they spoke.
    mentions = sorted(
        [*spoken, *(m for m in _subject_mentions(doc, spoken) if m.root not in taken)],
        key=lambda m: (m.span.start, m.span.end),
    )
    entities: list[_Entity] = []
    by_root: dict[int, _Entity] = {}
    for mention in mentions:
        entity = by_root.get(mention.root) or _antecedent(mention, entities)
        if entity is None:
            entity = _Entity()
            entities.append(entity)
        entity.mentions.append(mention)
        by_root[mention.root] = entity
    root_of = {(m.span.start, m.span.end): m.root for m in spoken}
    used = [e for e in entities if e.roots & taken]
    sources = {id(entity): _source(f"s{n}", entity) for n, entity in enumerate(used, 1)}

    def resolved(source: Source | None) -> Source | None:
        if source is None or not source.mentions:
            return source
        mention = source.mentions[0]
        root = root_of.get((mention.start, mention.end))
        entity = by_root.get(root) if root is not None else None
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
            found.append(_analyse(doc, claim.source, claim.content, salient=True))
        if isinstance(claim.data, Demand) and claim.data.reported_by is not None:
            found.append(_analyse(doc, claim.data.reported_by, claim.evidence, salient=True))
        yield from (mention for mention in found if mention is not None)


def _situate(doc: Doc, claims: Iterable[Claim], spoken: list[_Mention]) -> list[_Mention]:
    """The mentions, each told where it stands in the others' claims. A speaker inside
    what another reports ("X had vowed Y, he said") is no main speaker; and a pronoun
    stands apart from the speakers whose quotation it is in: in "Q ... he claims ...,"
    said X, "he" is not X, who would have said "I"."""
    heads = {(m.span.start, m.span.end): m.root for m in spoken}
    contents = [
        (claim.content, heads[key], claim.style in ("direct", "mixed"))
        for claim in claims
        if claim.content is not None
        and claim.source is not None
        and claim.source.mentions
        and (key := (claim.source.mentions[0].start, claim.source.mentions[0].end)) in heads
    ]
    out = []
    for mention in spoken:
        others = [(c, quoted) for c, speaker, quoted in contents if speaker != mention.root]
        if any(mention.span in content for content, _ in others):
            mention = attrs.evolve(mention, salient=False)
        if mention.pronoun is not None and mention.pronoun not in vocabulary()["first_person"]:
            quoting = frozenset(
                speaker
                for content, speaker, quoted in contents
                if quoted
                and speaker != mention.root
                and _inside_quotes(content, mention.span.start)
            )
            mention = attrs.evolve(mention, quoted_by=quoting)
        out.append(mention)
    return out


def _inside_quotes(content: Span, position: int) -> bool:
    """Whether ``position`` lies between quotation marks within ``content``."""
    if not content.start <= position < content.end:
        return False
    before = content.text[: position - content.start]
    opened = before.count("“") - before.count("”") > 0
    return opened or before.count('"') % 2 == 1


def _subject_mentions(doc: Doc, spoken: list[_Mention]) -> Iterator[_Mention]:
    """Named people who are the subject of a clause, and the subject of the clause in
    which a possessive pronoun names a source ("The mayor repeated her claim")."""
    # Named by the parser as a person here, or elsewhere when it missed or mistook it
    # here ("Trump has record low support"): a capitalised "Terrorism" is no one.
    people = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e}
    # Proper nouns through the array: a loop over every token is a tenth of the cost.
    proper = numpy.flatnonzero(doc.to_array(POS) == doc.vocab.strings["PROPN"])
    candidates = [doc[int(i)] for i in proper] + [e.root for e in doc.ents]
    subjects = sorted(
        {
            t.i: t
            for t in candidates
            if t.dep_ in ("nsubj", "nsubjpass")
            and (t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.lower_ in people))
        }.values(),
        key=lambda t: t.i,
    )
    for mention in spoken:
        if mention.owner is not None:
            subjects.append(doc[mention.owner])
    for token in subjects:
        found = _analyse(doc, mention_source(token), None, salient=_main_subject(token))
        if found is not None:
            yield found


def _main_subject(token: Token) -> bool:
    """The subject of its sentence's main verb (or of a verb coordinated with it), not
    of a clause reported or embedded in it ("Clinton says it means Trump never ...")."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _analyse(doc: Doc, source: Source, scope: Span | None, *, salient: bool) -> _Mention | None:
    span = source.mentions[0]
    whole = doc.char_span(span.start, span.end, alignment_mode="expand")
    if whole is None:
        return None  # white space only: nothing to link it by
    head: Token = whole.root
    if len(whole) == 1 and head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
        # "who" in "X, who said Y": the mention stands for X.
        head = head.head.head
        whole = doc[head.left_edge.i : head.i + 1]
    # The noun phrase without the clauses that describe it: "the diplomat who first
    # said so" is no ordinal, and "Rep. X, whose wife ..." no woman.
    tokens = [t for t in mention_tokens(head) if whole.start <= t.i < whole.end] or [head]
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
        sentence=_sentence_number(head),
        salient=salient,
        referential=_referential(head),
        words=" ".join(t.lower_ for t in tokens),
        role=source.kind == "anonymous_person" and _bare_description(head, tokens),
        owner=_clause_subject(head) if pronoun is not None and head.dep_ == "poss" else None,
    )


def _bare_description(head: Token, tokens: list[Token]) -> bool:
    """ "The spokesman", "the GOP nominee": one person described by "the" and a role,
    with nothing that ties the role to someone else ("the mayor's spokesman", "the
    spokesman for the mayor") nor counts it ("the first diplomat")."""
    vocab = vocabulary()
    if head.tag_ != "NN" or not tokens or tokens[0].lower_ != "the":
        return False
    if head.lower_ not in vocab["roles"] | vocab["masculine"] | vocab["feminine"]:
        return False  # "the adminstration" the parser took for a person's noun
    return not any(
        t.dep_ in ("poss", "prep", "appos", "conj", "nummod") or t.lower_ in _ORDINALS
        for t in tokens
        if t is not head
    )


def _sentence_number(token: Token) -> int:
    starts = _sentence_starts(token.doc)
    return bisect.bisect_right(starts, token.i) - 1


@functools.lru_cache(maxsize=1)  # the document being resolved
def _sentence_starts(doc: Doc) -> list[int]:
    return [sentence.start for sentence in doc.sents]


def _referential(head: Token) -> bool:
    """Whether a pronoun may take this mention as antecedent: not a quantifier ("some",
    "anybody who ...", "not everyone", "the two") nor a time the parser took for a
    speaker ("5:45 p.m.")."""
    if head.lower_ in vocabulary()["pronouns"]:
        return True
    if head.lower_ in vocabulary()["quantifiers"] or head.pos_ in ("NUM", "DET"):
        return False
    return head.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY")


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
            # "Neither Clinton nor her allies" is a group: a later "Clinton" is her alone.
            if any(
                _same_name(mention.names, other.names) and other.plural == mention.plural
                for other in entity.mentions
            ):
                return entity
    if mention.definite:
        candidates = [
            e for e in entities if e.plural == mention.plural and _same_head(mention.head, e.heads)
        ]
        if mention.ordinal is not None:
            return candidates[mention.ordinal - 1] if len(candidates) >= mention.ordinal else None
        if candidates:
            return candidates[-1]
        if mention.role:
            return _role_antecedent(mention, entities)
        return None
    # Indefinite: a new source, unless the very same words named one before ("rights
    # advocates" twice); a singular indefinite is always someone new.
    if mention.plural and not mention.names:
        for entity in reversed(entities):
            if any(m.words == mention.words for m in entity.mentions):
                return entity
    return None


def _role_antecedent(mention: _Mention, entities: list[_Entity]) -> _Entity | None:
    """A news story's "the spokesman said", "the GOP nominee says" with no earlier
    spokesman or nominee: the named person a pronoun would take up there, if the role's
    gender allows ("the spokeswoman" is no "Mr. Lund")."""
    named = [e for e in entities if e.named and e.kind == "person"]
    return _most_salient(mention, [e for e in named if _agrees(mention, e, _PERSONAL)])


def _pronoun_antecedent(mention: _Mention, entities: list[_Entity]) -> _Entity | None:
    pronoun = mention.pronoun
    vocab = vocabulary()
    if pronoun in vocab["singular_pronouns"]:
        compatible = _PERSONAL
    elif pronoun in vocab["plural_pronouns"]:
        if pronoun in vocab["first_person"]:
            return None  # a quoted "we" is the speaker's side, not an earlier source
        compatible = _COLLECTIVE
    else:
        compatible = _NEUTER
    agreeing = [
        e for e in entities if _agrees(mention, e, compatible) and not (e.roots & mention.quoted_by)
    ]
    # "The mayor repeated her claim": her is the mayor, if she may be.
    for entity in agreeing:
        if mention.owner is not None and any(m.root == mention.owner for m in entity.mentions):
            return entity
    best = _most_salient(mention, agreeing)
    if best is not None and compatible is _PERSONAL and _passing(best):
        # "one questioner claimed ... . '...,' he said": someone met in passing is
        # seldom who the story goes on with; its named person is.
        named = _most_salient(mention, [e for e in agreeing if e.named])
        if named is not None and _last_before(best, mention) - _last_before(named, mention) <= 2:
            return named
    return best


def _last_before(entity: _Entity, mention: _Mention) -> int:
    """The sentence of the last mention of ``entity`` before ``mention``."""
    return max(m.sentence for m in entity.mentions if m.span.start < mention.span.start)


def _passing(entity: _Entity) -> bool:
    """Whether ``entity`` is only someone introduced in passing: never named nor taken
    up by a definite description ("one questioner", "a man in the crowd")."""
    return not entity.named and not any(
        m.definite or m.pronoun is not None for m in entity.mentions
    )


def _most_salient(mention: _Mention, entities: list[_Entity]) -> _Entity | None:
    """Of ``entities``, the one with the most salient mention before ``mention`` and
    outside what it says."""
    best: tuple[tuple[int, int, int], _Entity] | None = None
    for entity in entities:
        for other in entity.mentions:
            if other.span.end > mention.span.start or not other.referential:
                continue
            if mention.scope is not None and other.span in mention.scope:
                continue  # "Albright had vowed ..., he said": he is not Albright
            rank = _salience(other)
            if best is None or rank > best[0]:
                best = (rank, entity)
    return best[1] if best else None


def _salience(mention: _Mention) -> tuple[int, int, int]:
    """How readily a pronoun takes ``mention`` as antecedent, greatest first: the nearest
    sentence, then a speaker or main subject before other mentions, then the first of
    them (the subject opens the sentence, an object or aside follows)."""
    return (mention.sentence, int(mention.salient), -mention.span.start)


def _agrees(mention: _Mention, entity: _Entity, compatible: frozenset[str]) -> bool:
    """Whether a pronoun or a bare role may stand for ``entity``: kind, number and gender."""
    if entity.kind not in compatible:
        return False
    singular = mention.pronoun in vocabulary()["singular_pronouns"] or (
        mention.pronoun is None and not mention.plural
    )
    if entity.plural and singular:
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
    """What a title, a gendered noun or a given name says: "Mr. Lund", "the spokeswoman",
    "Donald Trump" (a name only before a surname, so that "Johnson" is no "John")."""
    vocab = vocabulary()
    tokens = list(tokens)
    for n, token in enumerate(tokens):
        lower = token.lower_
        if lower in vocab["masculine"]:
            return "m"
        if lower in vocab["feminine"]:
            return "f"
        before_surname = n + 1 < len(tokens) and tokens[n + 1].pos_ == "PROPN"
        if token.pos_ == "PROPN" and before_surname:
            if lower in vocab["masculine_names"]:
                return "m"
            if lower in vocab["feminine_names"]:
                return "f"
    return None


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    # The same surname ("Albright", "Madeleine Albright"), never a name within a longer
    # one ("Trump", "the Trump Foundation").
    return a[-1] == b[-1]


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
        mentions=ordered_mentions(m.span for m in entity.mentions),
        role=next((m.source.role for m in entity.mentions if m.source.role), None),
        affiliation=next(
            (m.source.affiliation for m in entity.mentions if m.source.affiliation), None
        ),
    )


def ordered_mentions(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Each mention once, in text order; at one start, the shorter first. A total order:
    the output must not depend on the order of a set (-j N output is byte-identical)."""
    return tuple(sorted(set(spans), key=lambda span: (span.start, span.end)))
