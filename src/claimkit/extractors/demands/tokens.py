"""Token helpers the demand rules share: clause subjects, phrase stretches, coordination."""

import functools
from collections.abc import Iterable, Sequence

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from claimkit.extractors.demands.cues import Lexicon
from claimkit.sources import (
    is_edge,
    is_pronoun,
    mention_span,
    mention_tokens,
    token_span,
    vocabulary,
)
from claimkit.types import Span

_SUBJECTS = frozenset({"nsubj", "csubj"})
# Edges along which a verb without a subject of its own shares its head's subject:
# "Washington plans to sponsor", "a delegation is in Beijing seeking concessions".
_SHARED_SUBJECT = frozenset({"xcomp", "advcl", "conj", "pcomp"})
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def positions(
    doc: Doc, words: frozenset[str], attributes: Sequence[int] = (LEMMA, LOWER)
) -> list[int]:
    """The indices, in order, of the tokens whose lemma or form (or other spaCy
    ``attributes``) is one of the lower-case ``words``.

    Rules that start from a cue word look only at these: comparing the attribute arrays
    with the words' hashes is far cheaper than making a Token of every word of every
    document. (A lemma keeps its capitals only on proper nouns, whose lemma is their
    form: the lower-case form finds those.)
    """
    if not len(doc):
        return []
    values = doc.to_array(list(attributes)).reshape(len(doc), -1)
    found = numpy.isin(values, _hashes(words)).any(axis=1)
    return [int(i) for i in numpy.flatnonzero(found)]


@functools.cache
def _hashes(words: frozenset[str]) -> list[int]:
    return [get_string_id(word) for word in words]


def is_negated(token: Token) -> bool:
    """Whether the clause of ``token`` is negated ("did not urge", "no progress")."""
    return any(child.dep_ == "neg" for child in token.children)


def is_passive(token: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in token.children)


def children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def child(token: Token, *deps: str) -> Token | None:
    found = children(token, *deps)
    return found[0] if found else None


def depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def subject_of(verb: Token) -> Token | None:
    """Who does what ``verb`` says: its subject, the agent of a passive, a shared
    subject of the verb it depends on, or the noun a participle modifies."""
    current = verb
    for _ in range(6):
        subjects = children(current, *_SUBJECTS)
        # "The rebel Free Syrian Army threatened": the parser split one subject in two.
        subject = next((s for s in reversed(subjects) if s.pos_ == "PROPN"), None)
        subject = subject or (subjects[0] if subjects else None)
        if subject is not None:
            # "the group, which demanded ..." names the group, not "which".
            if subject.tag_ in ("WDT", "WP") and current.dep_ == "relcl":
                return current.head
            return subject
        if is_passive(current):
            agent = child(current, "agent")
            objects = children(agent, "pobj") if agent is not None else []
            return objects[0] if objects else None
        if current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head
        if current.dep_ not in _SHARED_SUBJECT or current.head.i == current.i:
            return None
        if current.dep_ == "advcl" and child(current, "mark") is not None:
            return None
        current = current.head
    return None


def is_actor(token: Token) -> bool:
    """Whether ``token`` heads a phrase naming someone who can be pressed to act."""
    if is_pronoun(token) or token.pos_ not in ("NOUN", "PROPN"):
        return False
    compound = " ".join(t.lower_ for t in token.lefts if t.dep_ == "compound")
    organizations = vocabulary()["organization"]
    return (
        # "all political forces in Yemen" names actors through the place they are of.
        any(t.ent_type_ in _ACTOR_ENTS for t in mention_tokens(token))
        or token.pos_ == "PROPN"
        or token.lemma_.lower() in organizations
        or f"{compound} {token.lower_}".strip() in organizations
    )


_CLAUSE_DEPS = frozenset({"acl", "relcl", "xcomp", "ccomp", "advcl"})
_TOPIC_PREPS = frozenset({"over", "about", "regarding", "concerning", "amid", "despite"})
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ee", "ent", "man", "men")


def is_agent(token: Token, lexicon: Lexicon) -> bool:
    """Whether ``token`` names a party that can demand: a person, group, organisation,
    country, a pronoun, or a document that speaks for its issuer ("a report called
    for"); not an instrument or a thing ("the agreement calls for", "Federal law
    requires", "sales threaten to")."""
    if token.dep_ == "expl":
        return False
    if is_pronoun(token) or token.tag_ in ("PRP$", "WP$"):
        return True
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    # The head itself names the party: "Soviet mercury sales" are sales, whatever the
    # adjective's country.
    organizations = vocabulary()["organization"]
    compound = " ".join(t.lower_ for t in token.lefts if t.dep_ == "compound")
    if (
        token.ent_type_ in _ACTOR_ENTS
        or token.pos_ == "PROPN"
        or token.lemma_.lower() in organizations
        or f"{compound} {token.lower_}".strip() in organizations
    ):
        return True
    # "several party MLAs and ministers": a party's members, or people beside others.
    for c in token.children:
        if c.dep_ == "compound" and c.lemma_.lower() in organizations:
            return True
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and is_agent(c, lexicon):
            return True
    lemma = token.lemma_.lower()
    words = lexicon.words
    if lemma in words("agent_nouns") or lemma in words("speaking_documents"):
        return True
    if lemma in words("not_agents") or lemma in words("instruments"):
        return False
    # "Dozens of journalists", "hundreds of protesters": the people counted.
    if lemma in words("quantities"):
        for prep in children(token, "prep"):
            if prep.lower_ == "of":
                return any(is_agent(o, lexicon) for o in children(prep, "pobj"))
    # "Bosnian Serb units", "an Islamic body", "North Korean state media".
    if any(c.dep_ in ("amod", "compound") and c.ent_type_ in _ACTOR_ENTS for c in token.lefts):
        return True
    return lemma.endswith(_PERSON_ENDINGS) and not lemma.endswith("ment")


def same_mention(a: Token | None, b: Token | None) -> bool:
    """Whether two heads name the same party, by their mention text."""
    if a is None or b is None:
        return False
    return a.i == b.i or mention_span(a).text.lower() == mention_span(b).text.lower()


def stretch(tokens: Iterable[Token], anchor: Token) -> list[Token]:
    """The contiguous run of ``tokens`` (sorted) that holds ``anchor``."""
    ordered = sorted(set(tokens), key=lambda t: t.i)
    if anchor not in ordered:
        return []
    start = end = ordered.index(anchor)
    while start > 0 and ordered[start - 1].i == ordered[start].i - 1:
        start -= 1
    while end + 1 < len(ordered) and ordered[end + 1].i == ordered[end].i + 1:
        end += 1
    return ordered[start : end + 1]


def trim(tokens: Sequence[Token]) -> list[Token]:
    """``tokens`` without punctuation, conjunctions and a leading ``to`` at the edges."""
    found = list(tokens)
    while found and (is_edge(found[0]) or found[0].dep_ == "mark" or _is_to(found[0])):
        found.pop(0)
    while found and is_edge(found[-1]):
        found.pop()
    return found


def _is_to(token: Token) -> bool:
    return token.lower_ == "to" and token.tag_ == "TO"


def phrase(head: Token, drop: Iterable[Token] = ()) -> list[Token]:
    """The stretch of ``head``'s subtree around it, without relative clauses and without
    the subtrees of ``drop``."""
    dropped = {t.i for d in drop for t in d.subtree}
    dropped |= {t.i for c in head.children if c.dep_ == "relcl" for t in c.subtree}
    return trim(stretch((t for t in head.subtree if t.i not in dropped), head))


def predicate(verb: Token, drop: Iterable[Token] = ()) -> list[Token]:
    """A clause without its subject, marker and auxiliaries: "improved its handling of
    fundamental freedoms" of "Unless Beijing improved its handling ...". Tokens left of
    the verb other than a negation are left out."""
    skip = {t.i for d in drop for t in d.subtree}
    for c in verb.children:
        if c.i < verb.i and c.dep_ != "neg":
            skip |= {t.i for t in c.subtree}
    kept = (t for t in verb.subtree if t.i not in skip)
    return trim(stretch(kept, verb))


def _tag_family(token: Token) -> str:
    if token.pos_ in ("NOUN", "PROPN"):
        return "noun"
    if token.tag_ in ("VB", "VBP"):
        return "base"
    return token.tag_


def _after_coordination(tokens: Sequence[Token], k: int) -> bool:
    """Whether ``tokens[k]`` follows a comma or a conjunction ("..., allow", "and abide",
    "and to allow")."""
    j = k - 1
    if j >= 0 and _is_to(tokens[j]):
        j -= 1
    return j >= 0 and (tokens[j].text in (",", ";") or tokens[j].dep_ == "cc")


def split_actions(region: Sequence[Token]) -> list[list[Token]]:
    """Coordinated actions of one demand, one per conjunct.

    Conjuncts are found on the surface (a verb of the first action's form after a comma
    or a conjunction) because the parser often hangs later conjuncts on the wrong head
    ("allow" on "pressuring", "abide" on "inspection"). A bare verb sharing the next
    one's object ("signing and submitting ... covenants") stays with it.
    """
    tokens = list(region)
    if not tokens:
        return []
    first = tokens[0]
    family = _tag_family(first)
    starts = [0]
    for k in range(1, len(tokens)):
        token = tokens[k]
        if _tag_family(token) != family or not _after_coordination(tokens, k):
            continue
        if family == "noun":
            # Only conjuncts of the action's own head: "prisoners and dissidents" under
            # "the release of" is one action.
            if token.dep_ != "conj" or not _conj_of(token, first):
                continue
        elif token.pos_ != "VERB" or token.dep_ in ("acl", "relcl", "amod", "compound"):
            continue
        starts.append(k)
    segments = [trim(tokens[a:b]) for a, b in zip(starts, [*starts[1:], len(tokens)], strict=True)]
    merged: list[list[Token]] = []
    pending: list[Token] = []
    for segment in segments:
        if not segment:
            continue
        if pending:
            segment = tokens[tokens.index(pending[0]) : tokens.index(segment[-1]) + 1]
            pending = []
        if len(segment) == 1 and segment[0].pos_ == "VERB" and segment is not segments[-1]:
            pending = segment
            continue
        merged.append(segment)
    if pending:
        merged.append(pending)
    return merged


def _conj_of(token: Token, head: Token) -> bool:
    current = token
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
        if current.i == head.i:
            return True
    return False


def entity_in(tokens: Iterable[Token], exclude: Token | None = None) -> Token | None:
    """The first head of a named actor (country, organisation, group) among ``tokens``."""
    for token in tokens:
        # "a U.N. resolution" names no party: modifiers in compounds are skipped.
        if token.dep_ == "compound":
            continue
        names_party = token.ent_type_ in ("GPE", "ORG", "NORP")
        if (
            names_party
            and token.head.ent_type_ != token.ent_type_
            and not same_mention(token, exclude)
        ):
            return token
    return None


def mention(head: Token) -> Span:
    """The span naming a party, without a possessive ending ("Beijing" of "Beijing's")."""
    # Clauses the parser hung on the name are not part of it: "Damascus *warning of
    # military action*", "all police prefects *to reinforce ...*".
    hung = {
        t.i
        for c in head.children
        if c.dep_ in _CLAUSE_DEPS
        # "an ultimatum to her coalition partners *over the budget*": the topic.
        or (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS)
        for t in c.subtree
    }
    named = set(mention_tokens(head))
    # "ordered Abhisit and former deputy prime minister Suthep Thaungsuban to appear":
    # every conjunct is pressed, with the words that join them.
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > head.i:
            named |= set(mention_tokens(c))
            named |= {t for t in head.children if t.dep_ in ("cc", "punct") and head.i < t.i < c.i}
    tokens = stretch([t for t in named if t.i not in hung], head)
    while len(tokens) > 1 and tokens[-1].dep_ == "case":
        tokens.pop()
    tokens = trim(tokens) or [head]
    return token_span(tokens)
