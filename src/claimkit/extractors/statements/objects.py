"""What a cue verb says of a thing, where it takes no clause: its object with what is
said of it ("called the audit a stunt"), the object of its preposition ("insisted on
building a wall"), the subject of a passive with an agent or the noun its participle
describes ("the bill opposed by X"), or what follows a noun that heads cues after a
light verb or in a preposition phrase ("voiced support for X", "expressed concern that
Y", "voted in favor of X"; those finders also tell ``cue_spans.py`` that the noun
belongs to the cue)."""

from spacy.tokens import Token

from claimkit.extractors.statements.parse import (
    CLAUSE,
    DASHES,
    SUBJECTS,
    char_range,
    conventions,
    is_infinitive,
    opens_with_that,
    prep_object,
    that_mark,
)
from claimkit.extractors.statements.speakers import agent_of


def object_content(
    verb: Token, cue_nouns: frozenset[str], attribution_scope: bool = False
) -> tuple[int, int] | None:
    """What a cue verb attributes when it takes no clause: its object ("cited the
    report", "called the charges unsubstantiated", "mocked Romney for hiding his
    returns"), the object of its preposition ("insisted on building a wall") or what a
    passive's agent spoke of ("was derided by X", "the bill opposed by X"). In the
    ``attribution_scope``, also what PolNeAR takes for an act's content and a
    reader would not: the object of "to" ("pointed to the deficit") and a relative
    pronoun as a passive's subject ("which was denounced by X"). The object runs on over
    the complements that say what is said of it."""
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        # "His comments were derided by X": what X spoke of is the subject.
        pronouns = ("PRP",) if attribution_scope else ("WDT", "WP", "PRP")
        if agent_of(verb) is None or passive[0].tag_ in pronouns:
            return None
        return char_range(list(passive[0].subtree))
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and agent_of(verb) is not None:
        # "the bill *opposed by* X": what X spoke of is the noun the participle describes.
        described = [t for t in verb.head.subtree if t.i < verb.left_edge.i]
        return char_range(described) if described else None
    objects = [c for c in verb.rights if c.dep_ == "dobj"]
    if objects and owned_clause(objects[0]) is not None:
        return None  # "repeated her claim that ...": the claim is the attribution
    if objects:
        topic = light_object_topic(objects[0], cue_nouns)
        if topic is not None:
            # "heaped praise on X *for his role*": the noun's own complements after X say
            # what is said of it, as the verb's do.
            rest = [c for c in objects[0].rights if c.i > topic.head.i and _describes_object(c)]
            start, end = _with_description(verb, topic.head, topic)
            return start, max([end, *(char_range(_without_aside(c))[1] for c in rest)])
        topic = noun_clause(objects[0])
        if topic is not None:
            return char_range(list(topic.subtree))
        return _with_description(verb, objects[0], objects[0])
    preps = [c for c in verb.rights if c.dep_ == "prep"]
    # "insisted on X", then "voted in favor of X", then "pointed to X" (in the
    # attribution scope): "called for X in response to Y", "apologized to X for Y" say Y
    # is not what was said.
    found = [
        *((p, prep_object(p)) for p in preps if p.lower_ in _content_preps()),
        *((p, phrase_topic(p, cue_nouns)) for p in preps),
        *(
            (p, prep_object(p))
            for p in preps
            if attribution_scope and p.lower_ in conventions("aim_preps")
        ),
    ]
    return next((_with_description(verb, p, o) for p, o in found if o is not None), None)


def _with_description(verb: Token, after: Token, noun: Token) -> tuple[int, int]:
    """``noun`` and the complements of ``verb`` after ``after`` that say what is said of
    it ("called X *a hoax*", "referred to X *as a leader*")."""
    tokens = _without_aside(noun)
    for child in verb.rights:
        if child.i > after.i and _describes_object(child):
            tokens += _without_aside(child)
    return char_range(tokens)


def owned_clause(noun: Token, on_verb: bool = False) -> tuple[Token, Token] | None:
    """The owner and the that-clause of a noun, where it has both: "*his* claim *that the
    vote was rigged*" is an attribution of its own. With ``on_verb``, also where the
    parser hung the clause on the verb: right after the noun ("challenged *his
    statement* that Y") or after the copula the noun is the subject of ("*his* warning
    was that Y")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "ccomp") and that_mark(c) is not None),
        None,
    )
    if clause is None and on_verb:
        clause = _clause_on_verb(noun)
    return None if clause is None else (owner, clause)


def _clause_on_verb(noun: Token) -> Token | None:
    """The that-clause of ``noun`` that the parser hung on its verb (see ``owned_clause``)."""
    following = noun.right_edge.i + 1
    if following >= len(noun.doc):
        return None
    copula = noun.dep_ == "nsubj" and noun.head.lemma_ == "be"
    return next(
        (
            c
            for c in noun.head.children
            if c.dep_ in CLAUSE
            and (c.left_edge.i == following or (copula and c.i > noun.head.i))
            and opens_with_that(c, own=False)
        ),
        None,
    )


def _without_aside(noun: Token) -> list[Token]:
    """The subtree of ``noun`` without the relative clause or apposition that closes it
    after a comma ("denounced the deal*, which would slash taxes*", "Roe v. Wade*, the
    1973 decision*"): the writer's aside, not what the cue is about (PolNeAR)."""
    tokens = list(noun.subtree)
    for child in tokens:
        if (
            child.dep_ in ("relcl", "appos")
            and child.right_edge.i == noun.right_edge.i
            and child.left_edge.i > 0
            and child.left_edge.nbor(-1).text in (",", *DASHES)
            and not any(t.is_quote for t in child.subtree)
        ):
            return [t for t in tokens if t.i < child.left_edge.i - 1]
    return tokens


def _describes_object(child: Token) -> bool:
    """A complement that says what is said of the object: "called X *a hoax*",
    "painted X *as a caricature*", "blasted X *for dodging taxes*", "charged X *with
    filing a false report*", "showed X *with a 16-point lead*". PolNeAR's content runs
    over all of them, but not over when it was said ("on Friday")."""
    if child.dep_ == "prep":
        return not _circumstance(child)
    if child.dep_ == "advcl":
        # "empowering X *to upend Y*": what the object is said to do, which the
        # parser may hang on the verb as an adverbial.
        return (
            is_infinitive(child)
            or (
                child.tag_ == "VBG"
                and child.left_edge.i > 0
                and child.left_edge.nbor(-1).text != ","
            )
            or _said_of_object(child)
        )
    return child.dep_ in ("oprd", "xcomp", "ccomp")


def _said_of_object(clause: Token) -> bool:
    """An adverbial clause that says what the object is taken for ("sees X *as captured
    by hard-liners*": "as" without a subject; "as he attempts to win" says when), or
    the question or condition that goes with it ("asked the students *if they were
    serious*", "promised reform *if he takes office*")."""
    marks = [m.lower_ for m in clause.children if m.dep_ == "mark"]
    if not marks:
        return False
    if marks[0] == "as":
        return not any(c.dep_ in SUBJECTS for c in clause.children)
    return marks[0] in conventions("question_marks")


def _circumstance(prep: Token) -> bool:
    """A phrase that says when, where or how something was said, not what: "on
    Friday", "during the debate", "in a tweet", "at a rally", "by citing a poll"."""
    if prep.lower_ in conventions("circumstance_preps"):
        return True
    objects = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    if any(g.ent_type_ in ("DATE", "TIME") for g in objects):
        return True
    if prep.lower_ == "by":
        return any(g.tag_ == "VBG" for g in objects)
    return any(
        g.pos_ in ("NOUN", "PROPN") and g.lemma_.lower() in conventions("occasions")
        for g in objects
    )


def light_object_topic(noun: Token, cue_nouns: frozenset[str]) -> Token | None:
    """The object of the preposition right after the object noun of a light verb: noun
    and preposition belong to the cue and the preposition's object is the content
    (PolNeAR). After a support verb, whatever the noun ("took *a shot* at X", "turned
    her *attention* to X", "raised *questions* about X"); after any verb, a noun of
    what one thinks ("offered his *thoughts* on X", "had kind *words* about X"); after
    another light verb, a bare noun that heads cues or any noun after "no" ("voiced
    *support* for X", "made no *secret* of X"; "expressed his support for X": his
    support is what is expressed); and the reflexive object of some verbs, whatever the
    preposition ("distanced *himself* from X")."""
    reflexive = noun.lower_.endswith(("self", "selves")) and (
        noun.head.lemma_.lower() in conventions("reflexive_verbs")
    )
    if noun.i + 1 >= len(noun.doc) or (noun.pos_ != "NOUN" and not reflexive):
        return None
    if not (
        reflexive
        or noun.head.lemma_.lower() in conventions("support_verbs")
        or noun.lemma_.lower() in conventions("view_nouns")
        or (
            noun.head.lemma_.lower() in conventions("light_verbs")
            and (heads_cues(noun, cue_nouns) or any(c.lower_ == "no" for c in noun.lefts))
            and not any(c.dep_ == "poss" for c in noun.children)
        )
    ):
        return None
    prep = noun.nbor(1)
    if (
        prep.head not in (noun, noun.head)
        or prep.dep_ != "prep"
        or (prep.lower_ not in _content_preps() | conventions("aim_preps") and not reflexive)
    ):
        return None
    return prep_object(prep)


def _content_preps() -> frozenset[str]:
    """The prepositions whose object is what a cue is about, with those whose object is
    who or what it backs ("threw his support *behind* X")."""
    return conventions("content_preps") | conventions("backing_preps")


def phrase_topic(prep: Token, cue_nouns: frozenset[str]) -> Token | None:
    """The object of a preposition phrase whose bare noun heads cues ("voted *in support
    of* X", "spoke *in favor of* X", "rose *in defense of* X"): the phrase belongs to
    the cue and X is the content (PolNeAR)."""
    noun = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if (
        noun is None
        or prep.lower_ in conventions("content_preps") | conventions("aim_preps")
        or not heads_cues(noun, cue_nouns)
        or [c.dep_ for c in noun.children] != ["prep"]
    ):
        return None  # "despite a few early supporters of X": not the phrase of a cue
    return prep_object(next(noun.children))


def noun_clause(noun: Token) -> Token | None:
    """The clause or infinitive right after the object noun of a light or support verb
    ("expressed *concern* that Y", "made *the case* that Y", "showed no *sign* that Y",
    "made *the decision* to Y"): the noun belongs to the cue and the clause is the
    content (PolNeAR), also after the noun of a verb that puts forward a proposition
    ("floated *the idea* that Y"); not after an owner's noun ("repeated his claim that
    Y" is an attribution of its own)."""
    verbs = ("light_verbs", "support_verbs", "proposing_verbs")
    if (
        noun.pos_ != "NOUN"
        or not any(noun.head.lemma_.lower() in conventions(kind) for kind in verbs)
        or any(c.dep_ == "poss" for c in noun.children)
    ):
        return None
    return next(
        (
            c
            for c in noun.rights
            if c.dep_ in ("acl", "ccomp")
            and c.left_edge.i == noun.i + 1
            and (is_infinitive(c) or any(m.dep_ == "mark" for m in c.children))
        ),
        None,
    )


def heads_cues(noun: Token, cue_nouns: frozenset[str]) -> bool:
    """A noun that heads cues ("support", "concern", "statement")."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in cue_nouns
