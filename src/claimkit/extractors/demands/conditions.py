"""Conditional threats: "Unless Beijing improves ..., Washington will sponsor ...".

A condition clause (``unless``, or ``if`` with a negation) on a clause of future action
("will", "would", "plans to", "expected to") is a threat: the party acting in the
consequence demands of the party in the condition what the condition says. A positive
``if`` ("if Turkey attacks, we will retaliate") demands that the act not happen.
"""

from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Doc, Token

from claimkit.extractors.demands.cues import Lexicon, threat_mode
from claimkit.extractors.demands.rules import Finding, offsets, reporter_of
from claimkit.extractors.demands.tokens import (
    child,
    children,
    entity_in,
    is_negated,
    phrase,
    predicate,
    same_mention,
    stretch,
    subject_of,
    trim,
)

# Edges a condition clause may hang from below the clause it conditions: "sponsor a
# resolution slamming Beijing unless ..." puts "unless" under "slamming".
_CLIMB = frozenset({"acl", "dobj", "pobj", "prep", "xcomp", "relcl", "advcl", "conj", "pcomp"})
_NEGATORS = frozenset({"no", "never", "nothing", "none"})


def _condition_marker(clause: Token) -> tuple[Token, bool] | None:
    """The word that opens a condition ("unless", "if", an inverted "should") and
    whether the condition is a positive one."""
    mark = child(clause, "mark")
    if mark is not None and mark.lower_ in ("unless", "if"):
        return mark, mark.lower_ == "if" and not _negative(clause)
    first = clause.doc[min(t.i for t in clause.subtree)]
    if (
        first.lower_ in ("should", "were", "had")
        and first.head.i == clause.i
        and first.dep_ == "aux"
    ):
        return first, not _negative(clause)
    return None


def _negative(clause: Token) -> bool:
    """Whether a condition is negative: "does not offer", "there is no progress",
    "fails to improve"."""
    if is_negated(clause) or clause.lemma_ == "fail":
        return True
    arguments = children(clause, "attr", "dobj", "nsubj", "nsubjpass")
    return any(
        d.lower_ in _NEGATORS for a in arguments for d in a.children if d.dep_ in ("det", "neg")
    )


def _is_future(verb: Token, lexicon: Lexicon) -> bool:
    future = any(a.dep_ == "aux" and a.lower_ in lexicon.words("future") for a in verb.children)
    return future or verb.lemma_.lower() in lexicon.words("intent")


def _consequence_head(clause: Token, lexicon: Lexicon) -> Token | None:
    current = clause.head
    edge = clause.dep_
    for _ in range(5):
        if current.pos_ in ("VERB", "AUX") and _is_future(current, lexicon):
            return current
        edge, current = current.dep_, current.head
        if edge not in _CLIMB or edge == "ROOT":
            return None
    return None


def _act(head: Token, lexicon: Lexicon) -> list[Token]:
    """The act a consequence clause threatens, below "expected to", "would seem to have
    little choice but to" ...; all parts of a split word ("co - sponsor")."""
    current = head
    for _ in range(6):
        if current.lemma_.lower() not in lexicon.words("raising") | lexicon.words("intent"):
            break
        below = children(current, "xcomp")
        choice = [
            o for o in children(current, "dobj") if o.lemma_.lower() in lexicon.words("no_choice")
        ]
        if below:
            return _act_parts(below, lexicon)
        if choice:
            inner = [t for p in children(choice[0], "prep") for t in children(p, "pcomp", "xcomp")]
            if inner:
                return [inner[0]]
        break
    return [current]


def _act_parts(verbs: list[Token], lexicon: Lexicon) -> list[Token]:
    if len(verbs) == 1 and verbs[0].lemma_.lower() in lexicon.words("raising"):
        return _act(verbs[0], lexicon)
    return verbs


def _consequence(act: list[Token], condition: Token) -> list[Token]:
    skip = {t.i for t in condition.subtree}
    head = act[0]
    if len(act) == 1:
        return predicate(head, [condition])
    tokens = [t for v in act for t in v.subtree if t.i not in skip]
    return trim(stretch(tokens, head))


def _demanded(clause: Token, positive: bool, lexicon: Lexicon) -> list[Token]:
    """What the condition demands: "further progress" (unless it is made), "some
    credible gesture" (if China does not offer it), "improved its handling ..."."""
    if positive:
        return predicate(clause)
    passive_subject = child(clause, "nsubjpass")
    if passive_subject is not None:
        return phrase(passive_subject)
    if clause.lemma_ == "be":
        noun = child(clause, "attr") or child(clause, "nsubj")
        if noun is not None:
            tokens = phrase(noun)
            while tokens and tokens[0].lower_ in _NEGATORS:
                tokens = tokens[1:]
            return tokens
    obj = child(clause, "dobj")
    if obj is not None and clause.lemma_.lower() in lexicon.words("light"):
        end = max(t.i for t in clause.subtree)
        return trim(list(clause.doc[obj.left_edge.i : end + 1]))
    return [t for t in predicate(clause) if t.dep_ not in ("neg", "aux")]


def _addressee(
    clause: Token, demander: Token | None, demanded: list[Token], consequence: list[Token]
) -> Token | None:
    """Who must act: the condition's subject ("unless Beijing improves"), else a party
    named in what is demanded ("progress in Beijing's record") or in the consequence
    ("a resolution slamming Beijing")."""
    subject = child(clause, "nsubj")
    if (
        subject is not None
        and subject.tag_ != "EX"
        and subject.lower_ not in ("we", "i")
        and not same_mention(subject, demander)
    ):
        return subject
    return entity_in(demanded, exclude=demander) or entity_in(consequence, exclude=demander)


def _edges(tokens: list[Token]) -> list[Token]:
    """``tokens`` without punctuation at either end."""
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def conditional_threats(
    doc: Doc, lexicon: Lexicon, categorized: Callable[[Sequence[Token]], bool]
) -> Iterator[Finding]:
    """Every conditional threat of ``doc``.

    A conditional is a threat when its consequence is a threatening act (cues.toml
    ``[[threat]]``) or, for a negative condition, when ``categorized`` says what it
    demands is a known kind of demand; "if I don't get the job, I'll move" is neither.
    """
    for clause in doc:
        if clause.dep_ != "advcl":
            continue
        marker = _condition_marker(clause)
        if marker is None:
            continue
        mark, positive = marker
        head = _consequence_head(clause, lexicon)
        if head is None or is_negated(head):
            continue
        act = _act(head, lexicon)
        if any(is_negated(v) for v in act):
            continue
        consequence = _consequence(act, clause)
        if not consequence:
            continue
        demander = subject_of(head)
        mode = threat_mode(lexicon, [t.lemma_.lower() for t in consequence])
        if positive and (mode is None or same_mention(child(clause, "nsubj"), demander)):
            continue  # "if elected, he will cut taxes" is a promise, not a threat
        demanded = _demanded(clause, positive, lexicon)
        if not demanded or (mode is None and not categorized(demanded)):
            continue
        evidence = _edges(list(head.subtree))
        yield Finding(
            strength="threat",
            cue=offsets([mark]),
            action=demanded,
            demander=demander,
            addressee=_addressee(clause, demander, demanded, consequence),
            reporter=reporter_of(head, lexicon, demander),
            evidence=offsets(evidence),
            condition=offsets(_edges(list(clause.subtree))),
            consequence=consequence,
        )
