"""Attributions no one is named for, as PolNeAR counts them in the attribution scope:
a passive with no agent ("X is expected to Y", "it was reported that Y"), a passive act
the scorer is sure of ("X was asked whether Y", "X is seen as Y"), an impression ("X
seemed to Y", "it appears that Y") and hearsay ("X reportedly Y"). Each gives an
``Attribution`` with no source head."""

from spacy.tokens import Token

from claimkit.extractors.statements.complements import without_other_cues
from claimkit.extractors.statements.cue_spans import cue_span
from claimkit.extractors.statements.lexicon import LEARNED
from claimkit.extractors.statements.parse import (
    CLAUSE,
    INFINITIVE,
    SUBJECTS,
    Attribution,
    char_end,
    char_range,
    conventions,
    is_infinitive,
    prep_object,
)


def impersonal(verb: Token, kind: str, sure: bool) -> Attribution | None:
    """A passive cue with no agent: "X is expected to Y", "X is said to Y", "it was
    reported that Y"; where the scorer is sure of the cue, also a passive act ("The plan
    was approved", "X is seen as Y", "X was asked whether Y", "Asked about Y, X said").
    PolNeAR marks no source."""
    children = list(verb.children)
    if any(c.dep_ == "agent" for c in children):
        return None
    subjects = [c for c in children if c.dep_ == "nsubjpass"]
    passive = any(c.dep_ == "auxpass" for c in children)
    if verb.tag_ == "VBN" and passive and subjects:
        found = _unsourced(verb, subjects[0]) if kind != LEARNED else None
        if found is not None or not sure:
            return found
        return _passive_act(verb, subjects[0])
    if sure and not passive and _addressed(verb) and _bare_participle(verb):
        return passive_content(verb)
    return None


def second_passive(verb: Token) -> bool:
    """A passive with no agent that shares the subject of the verb it is coordinated with
    ("X is moving but *is expected* to Y")."""
    children = list(verb.children)
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in children)
        and not any(c.dep_ in (*SUBJECTS, "agent") for c in children)
    )


def _addressed(verb: Token) -> bool:
    """A verb whose passive subject is who is spoken to ("was asked", "was told")."""
    return verb.lemma_.lower() in conventions("addressee_verbs")


def _bare_participle(verb: Token) -> bool:
    """A past participle with no subject that opens its clause ("*Asked* whether Y, X
    said", "when *asked* about Y"; the tagger takes one that opens a sentence for a past
    tense)."""
    return (
        verb.tag_ in ("VBN", "VBD")
        and verb.dep_ == "advcl"
        and not any(c.dep_ in SUBJECTS for c in verb.children)
        and (verb.left_edge == verb or verb.left_edge.tag_ == "WRB")
    )


def _passive_act(verb: Token, subject: Token) -> Attribution | None:
    """What a passive act says: what its subject was asked or told ("was asked whether
    Y"), else its subject with what is said of it ("X is seen as Y", "X was charged
    with Y"), or the subject alone ("The plan was approved")."""
    if _addressed(verb):
        return passive_content(verb)
    if of_mind(verb):
        return None
    said = [
        t
        for c in verb.rights
        if c.dep_ in ("oprd", "attr", "acomp", "xcomp", "ccomp", "dobj")
        or (c.dep_ == "prep" and _said_of(c))
        for t in without_other_cues(c)
    ]
    if any(t.lower_ == "by" and t.dep_ in ("agent", "prep") for t in said):
        return None  # "was called a hoax by X": the parser hung the agent elsewhere
    return None, cue_span(verb), char_range([*_subject_words(subject), *said]), None


def _subject_words(subject: Token) -> list[Token]:
    """The subject as a content without a source begins with it: the whole noun phrase,
    or the relative pronoun of a relative clause ("which is seen as Y")."""
    return [subject] if subject.tag_ in ("WDT", "WP") else list(subject.subtree)


def of_mind(verb: Token) -> bool:
    """A participle that tells a state of mind of its subject ("are split on Y")."""
    return verb.lemma_.lower() in conventions("states_of_mind")


def _said_of(phrase: Token) -> bool:
    """A prepositional phrase that says what the act took its subject for ("is seen *as
    Y*", "was charged *with Y*", "is known *for Y*"), not when or where it was done ("was
    booed *in Iowa*", "was dismissed *on Monday*")."""
    return (phrase.lower_ == "as" or phrase.lower_ in conventions("content_preps")) and not any(
        t.ent_type_ in ("DATE", "TIME") for t in phrase.children
    )


def passive_content(verb: Token) -> Attribution | None:
    """What someone was asked or told, or what is said of a subject the passive shares
    with the verb before it: the question ("was asked whether Y", "Asked if Y", with a
    question word the parser hung on the cue: "Asked *what* X"), the infinitive ("was
    asked to Y", "but is expected to Y"), the object or predicate ("was asked a
    question", "but is considered a contender") or the object of "about" or "as"
    ("Asked about Y", "but is known as Y": the preposition joins the cue)."""
    rights = list(verb.rights)
    objects = [c for c in rights if c.dep_ == "dobj"]
    for child in rights:
        if (
            child.dep_ in CLAUSE
            or (child.dep_ in INFINITIVE and is_infinitive(child))
            or (child.dep_ == "advcl" and _asks(child))
        ):
            words = [t for o in objects if o.i < child.i for t in o.subtree]
            return None, cue_span(verb), char_range([*words, *_question_words(verb, child)]), None
    predicates = [c for c in rights if c.dep_ in ("dobj", "oprd", "attr")]
    if predicates:
        return None, cue_span(verb), char_range(list(predicates[0].subtree)), None
    for child in rights:
        if child.dep_ == "prep" and _said_of(child):
            topic = prep_object(child)
            if topic is not None:
                cue = cue_span(verb)[0], char_end(child)
                return None, cue, char_range(list(topic.subtree)), None
    return None


def _question_words(verb: Token, clause: Token) -> list[Token]:
    """The words of the question or message ``clause`` of ``verb``. A participle set off
    before the clause it modifies asks everything up to the comma, even where the parser
    hung part of it on that clause ("Asked if it had appeared | he was encouraging Y,
    Trump replied")."""
    commas = [
        t
        for a in verb.ancestors
        for t in a.children
        if t.text == "," and max(verb.i, clause.left_edge.i) < t.i < a.i
    ]
    if verb.dep_ != "advcl" or not commas:
        return list(clause.subtree)
    return list(verb.doc[clause.left_edge.i : min(commas, key=lambda t: t.i).i])


def _asks(clause: Token) -> bool:
    """A clause that asks: "if Y", "whether Y"."""
    marks = conventions("question_marks")
    return any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children)


def impression(verb: Token) -> Attribution | None:
    """An impression nobody is named for: "X seemed to Y", "it appears that Y"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    return _unsourced(verb, subject) or _seeming(verb, subject)


def _seeming(verb: Token, subject: Token) -> Attribution | None:
    """ "X seemed unperturbed", "X seems like a fair idea": the subject with what it
    seems to be."""
    if subject.lower_ == "it":
        return None
    predicate = [
        t
        for c in verb.rights
        if c.dep_ in ("acomp", "oprd", "attr") or (c.dep_ == "prep" and c.lower_ == "like")
        for t in without_other_cues(c)
    ]
    if not predicate:
        return None
    return None, cue_span(verb), char_range([*_subject_words(subject), *predicate]), None


def _unsourced(verb: Token, subject: Token) -> Attribution | None:
    """What a cue without a source says: the clause after an expletive "it", or the
    subject with the infinitive ("X ... to Y"; of a relative clause, the relative
    pronoun: "a plan *which* is expected *to Y*", as PolNeAR marks it)."""
    children = list(verb.children)
    clause = next((c for c in children if c.dep_ in CLAUSE), None)
    if clause is not None and subject.lower_ == "it":
        return None, cue_span(verb), char_range(without_other_cues(clause)), None
    infinitive = next((c for c in children if c.dep_ in INFINITIVE and is_infinitive(c)), None)
    if infinitive is None:
        return None
    reported = char_range([*_subject_words(subject), *without_other_cues(infinitive)])
    return None, cue_span(verb), reported, None


def hearsay(adverb: Token) -> Attribution | None:
    """ "X is reportedly Y": the clause the adverb qualifies, which no one is named for
    (a cue verb it stands before takes it into its own cue: "reportedly said")."""
    clause = adverb.head
    if adverb.dep_ != "advmod" or clause.pos_ not in ("VERB", "AUX"):
        return None
    words = [t for t in without_other_cues(clause) if t != adverb and not t.is_punct]
    if not words:
        return None
    return None, (adverb.idx, char_end(adverb)), char_range(words), None
