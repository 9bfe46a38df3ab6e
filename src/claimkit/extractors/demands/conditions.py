"""Conditional threats: "Unless Beijing improves ..., Washington will sponsor ...".

A condition clause (``unless``, or ``if`` with a negation) on a clause of future action
("will", "would", "plans to", "expected to") is a threat: the party acting in the
consequence demands of the party in the condition what the condition says. A positive
``if`` ("if Turkey attacks, we will retaliate") demands that the act not happen.
"""

from collections.abc import Callable, Iterator, Sequence

from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token

from claimkit.extractors.demands.cues import Lexicon, threat_mode
from claimkit.extractors.demands.rules import Finding, offsets, reporter_of, reporting_after
from claimkit.extractors.demands.tokens import (
    child,
    children,
    entity_in,
    is_actor,
    is_agent,
    is_negated,
    phrase,
    positions,
    predicate,
    same_mention,
    stretch,
    subject_of,
    trim,
)
from claimkit.sources import is_pronoun, vocabulary

# Edges a condition clause may hang from below the clause it conditions: "sponsor a
# resolution slamming Beijing unless ..." puts "unless" under "slamming".
_CLIMB = frozenset({"acl", "dobj", "pobj", "prep", "xcomp", "relcl", "advcl", "conj", "pcomp"})
_NEGATORS = frozenset({"no", "never", "nothing", "none"})
_ADVCL = frozenset({"advcl"})


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
    clause: Token,
    demander: Token | None,
    demanded: list[Token],
    consequence: list[Token],
    lexicon: Lexicon,
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
        and (_names_party(subject) or is_agent(subject, lexicon))
    ):
        return subject
    return entity_in(demanded, exclude=demander) or entity_in(consequence, exclude=demander)


def _names_party(subject: Token) -> bool:
    """Whether a condition's subject is a party ("unless Beijing improves"), not a thing
    ("if the abductions did not stop")."""
    return (
        is_pronoun(subject)
        or subject.pos_ == "PROPN"
        or subject.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
        or subject.lemma_.lower() in vocabulary()["organization"]
    )


def _edges(tokens: list[Token]) -> list[Token]:
    """``tokens`` without punctuation at either end."""
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def _speaks_for(demander: Token) -> bool:
    """ "his government", "our country": a party the speaker speaks for ("we" stays
    the demander: the speaker's side names itself)."""
    return any(c.dep_ == "poss" and is_pronoun(c) for c in demander.children)


def _warned(head: Token, lexicon: Lexicon) -> Token | None:
    """The party a warning is told to: "warned *British High Commissioner Brian Donnelly*
    that his government would expel him"."""
    current = head
    for _ in range(4):
        if current.dep_ not in ("ccomp", "conj") or current.head.i == current.i:
            return None
        current = current.head
        if current.lemma_.lower() in ("warn", "tell", "caution", "inform", "notify"):
            return child(current, "dobj")
    return None


def _warned_party(warned: Token | None, clause: Token) -> Token | None:
    """The warned party, when the condition speaks of it by a pronoun ("if he
    continued interfering")."""
    subject = child(clause, "nsubj")
    if warned is None or subject is None or not is_pronoun(subject):
        return None
    return warned


def conditional_threats(
    doc: Doc, lexicon: Lexicon, categorized: Callable[[Sequence[Token]], bool]
) -> Iterator[Finding]:
    """Every conditional threat of ``doc``.

    A conditional is a threat when its consequence is a threatening act (cues.toml
    ``[[threat]]``) or, for a negative condition, when ``categorized`` says what it
    demands is a known kind of demand; "if I don't get the job, I'll move" is neither.
    """
    for index in positions(doc, _ADVCL, (DEP,)):
        clause = doc[index]
        marker = _condition_marker(clause)
        if marker is None:
            continue
        mark, positive = marker
        head = _consequence_head(clause, lexicon)
        if head is None or is_negated(head) or head.lemma_ == "be":
            continue  # "it will be a good idea ... if we want to" judges, threatens nothing
        act = _act(head, lexicon)
        if any(is_negated(v) for v in act):
            continue
        consequence = _consequence(act, clause)
        if not consequence:
            continue
        demander = subject_of(head)
        reporter = reporter_of(head, lexicon, demander)
        warned = _warned(head, lexicon)
        if reporter is not None and (demander is None or _speaks_for(demander)):
            # "Mugabe has warned X that his government would expel him": Mugabe threatens.
            demander, reporter = reporter, None
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
            addressee=_warned_party(warned, clause)
            or _addressee(clause, demander, demanded, consequence, lexicon),
            reporter=reporter,
            evidence=offsets(evidence),
            condition=offsets(_edges(list(clause.subtree))),
            consequence=consequence,
        )


def _hostile(lemmas: Sequence[str], lexicon: Lexicon) -> bool:
    joined = f" {' '.join(lemmas)} "
    return any(f" {word} " in joined for word in lexicon.words("hostile_acts"))


def _announcer(verb: Token, lexicon: Lexicon) -> Token | None:
    """The reporting or announcing verb a clause is the content of: "announced they will
    extend", "says it will begin", "will move ..., the Pentagon said"."""
    current = verb
    for _ in range(4):
        if current.dep_ in ("ccomp", "parataxis") and (
            current.head.lemma_.lower() in lexicon.words("reporting")
        ):
            return current.head
        if current.dep_ not in ("conj", "xcomp"):
            break
        current = current.head
    return reporting_after(current, lexicon)


def _future_or_intended(doc: Doc, lexicon: Lexicon) -> list[Token]:
    """The verbs with a future auxiliary ("will extend") or governed by a verb of intent
    ("plans to begin"), in order: the only verbs that can announce a threat."""
    future = [doc[i] for i in positions(doc, lexicon.words("future"), (LOWER,))]
    intent = [doc[i] for i in positions(doc, lexicon.words("intent"))]
    verbs = {a.head.i for a in future if a.dep_ == "aux"}
    verbs.update(c.i for v in intent for c in v.children if c.dep_ == "xcomp")
    return [doc[i] for i in sorted(verbs)]


def announced_threats(doc: Doc, lexicon: Lexicon) -> Iterator[Finding]:
    """Hostile acts a party announces it will take: "Burmese authorities announced they
    will extend the curfew", "Turkey's president says it will begin a new military
    operation". CAMEO reads the future tense in a lead as a threat (136, 1323); the act
    must be hostile (cues.toml ``hostile_acts``) and announced, so "the company will
    close two plants" and a bare forecast are not threats.
    """
    for verb in _future_or_intended(doc, lexicon):
        if verb.pos_ != "VERB" or is_negated(verb):
            continue
        future = any(a.dep_ == "aux" and a.lower_ in lexicon.words("future") for a in verb.children)
        head = verb.head
        intent = (
            verb.dep_ == "xcomp"
            and head.lemma_.lower() in lexicon.words("intent") - {"threaten", "expect"}
            and not is_negated(head)
        )
        if not (future or intent):
            continue
        top = head if intent else verb
        if any(c.dep_ == "advcl" and _condition_marker(c) for c in (*verb.children, *top.children)):
            continue  # a conditional threat, found with its condition
        consequence = predicate(verb)
        if not consequence or not _hostile([t.lemma_.lower() for t in consequence], lexicon):
            continue
        if verb.lemma_.lower() in lexicon.words("relief_verbs"):
            continue  # "would further reduce import tariffs" concedes, threatens nothing
        announcer = _announcer(top, lexicon)
        if announcer is None or is_negated(announcer):
            continue  # "it was not stated how the union would seize control"
        speaker = child(announcer, "nsubj")
        demander = subject_of(top)
        if demander is None or (is_pronoun(demander) and speaker is not None):
            demander = speaker
        if demander is None or not (is_actor(demander) or is_pronoun(demander)):
            continue
        cue = next(
            (a for a in verb.children if a.dep_ == "aux" and a.lower_ in lexicon.words("future")),
            head if intent else verb,
        )
        yield Finding(
            strength="threat",
            cue=offsets([cue]),
            action=consequence,
            demander=demander,
            reporter=speaker
            if speaker is not None and not same_mention(speaker, demander)
            else None,
            consequence=consequence,
        )
