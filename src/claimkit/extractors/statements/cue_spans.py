"""Where a cue begins and ends: the auxiliaries, negations and adverbs before its verb,
the particles, adverbs and prepositions after it, the verb it runs on to (a catenative's
infinitive, "continued to insist"; a cue noun's participle, "issued a statement saying")
and the noun of a light verb or a preposition phrase that joins it ("voiced support
for", "voted in favor of"), found with the content finders of ``objects.py``."""

from spacy.tokens import Token

from claimkit.extractors.statements.objects import (
    heads_cues,
    light_object_topic,
    noun_clause,
    phrase_topic,
)
from claimkit.extractors.statements.parse import (
    CLAUSE,
    INFINITIVE,
    char_end,
    conventions,
    is_infinitive,
)


def cue_span(verb: Token) -> tuple[int, int]:
    """The cue verb with the auxiliaries, negations and adverbs right before it ("has
    said", "had not vowed", "also said"), from the verb it opens with if any (see
    ``cue_start``)."""
    return cue_start(verb).idx, char_end(verb)


def cue_start(verb: Token) -> Token:
    """The first of the auxiliaries, negations and adverbs right before the cue verb:
    PolNeAR's cue is "has said", "did not mention", "also wanted", "has repeatedly
    denied"; or of those before the verb it opens with: "*began* by saying", "*went on*
    to explain"."""
    start = verb
    while start.i > 0 and _cue_modifier(start.nbor(-1), verb):
        start = start.nbor(-1)
    opening = _opened_by(verb) or _phrasal_catenative(verb)
    return start if opening is None else cue_start(opening)


def _phrasal_catenative(verb: Token) -> Token | None:
    """The phrasal catenative that the parser hangs a cue's infinitive on as an adverbial
    clause ("*went on* to explain"): PolNeAR's cue starts there, as it does at a
    catenative whose infinitive is its complement ("continued to insist")."""
    head = verb.head
    if (
        verb.dep_ == "advcl"
        and head.i < verb.i
        and is_infinitive(verb)
        and head.lemma_.lower() in conventions("catenatives")
        and any(c.dep_ == "prt" for c in head.children)
    ):
        return head
    return None


def _opened_by(verb: Token) -> Token | None:
    """The verb that a cue verb says how the speaker began or answered ("*began* by
    saying", "*responded* to the charge by calling"): PolNeAR's cue starts there, but
    not where that verb has an object of its own ("ended the debate by saying")."""
    by = verb.head
    if verb.dep_ != "pcomp" or by.lower_ != "by" or by.dep_ != "prep":
        return None
    opening = by.head
    if opening.pos_ != "VERB" or opening.lemma_.lower() not in conventions("opening_verbs"):
        return None
    return None if any(c.dep_ == "dobj" for c in opening.children) else opening


def _cue_modifier(token: Token, verb: Token) -> bool:
    """An auxiliary, a negation or an adverb of ``verb`` that belongs to its cue, or an
    adverb of such an adverb ("*long* ago picked", "*once* again decided"); not a
    question word ("when asked") nor an adverb that links the sentence to the one
    before ("however", "instead")."""
    head = token.head
    if head != verb:
        return (
            head.head == verb
            and head.dep_ == "advmod"
            and token.i < head.i < verb.i
            and _cue_adverb(token)
        )
    return token.dep_ in ("aux", "auxpass", "neg") or _cue_adverb(token)


def _cue_adverb(token: Token) -> bool:
    """An adverb that may belong to a cue: not a question word nor a linking adverb."""
    return (
        token.dep_ == "advmod"
        and token.tag_ != "WRB"
        and token.lower_ not in conventions("linking_adverbs")
    )


def cue_end(words: Token, content: tuple[int, int], cue_nouns: frozenset[str]) -> int:
    """Where a cue ends: over the particles, adverbs and colon right after its verb
    (``trailing_modifiers_end``) and over a particle or preposition that takes the
    content ("called for", "insisted on", "railed against") or a noun that heads cues
    after a light verb or in a preposition phrase ("voiced support for", "expressed
    concern | that Y", "voted in favor of"), as PolNeAR marks it; never into the
    content."""
    return max(_particle_end(words, content, cue_nouns), trailing_modifiers_end(words, content))


def trailing_modifiers_end(words: Token, content: tuple[int, int]) -> int:
    """Where a cue ends that runs on past its verb over the particles and adverbs right
    after it ("points out", "said sarcastically", "added warily") and a colon before
    what follows ("continued:"); never into the content. Part of ``cue_end``, alone
    where the content is the verb's own clause or quotation."""
    end = char_end(words)
    for token in words.doc[words.i + 1 : words.sent.end]:
        if content[0] < char_end(token) and token.idx < content[1]:
            break
        if token.head == words and (
            token.dep_ == "prt"
            or (token.dep_ == "advmod" and token.tag_ != "WRB")
            or (_made_clear(token) and token.idx < content[0])
        ):
            end = char_end(token)
        elif token.text == ":" and token.idx < content[0]:
            return char_end(token)
        elif token.head == words and token.dep_ == "prep" and char_end(token) < content[0]:
            # "called on | X to Y": a preposition whose object begins the content
            if token.nbor(1).idx == content[0]:
                return char_end(token)
            break
        else:
            break
    return end


def _made_clear(token: Token) -> bool:
    """The adjective that completes a cue before its clause ("made *clear* that",
    "made *it* *clear* that")."""
    if token.dep_ == "oprd" and token.pos_ == "ADJ":
        return True
    return token.lower_ == "it" and token.i + 1 < len(token.doc) and _made_clear(token.nbor(1))


def _particle_end(verb: Token, content: tuple[int, int], cue_nouns: frozenset[str]) -> int:
    """Where a cue ends that takes its content through a particle, a preposition or a
    light verb's noun (see ``cue_end``)."""
    end = char_end(verb)
    for child in verb.rights:
        if child.dep_ in ("prt", "prep") and char_end(child) <= content[0]:
            end = max(end, char_end(child))
        topic = phrase_topic(child, cue_nouns) if child.dep_ == "prep" else None
        if topic is not None and topic.left_edge.idx == content[0]:
            end = max(end, char_end(topic.head))  # "voted in support of"
        if child.dep_ == "dobj" and light_object_topic(child, cue_nouns) is not None:
            end = max(end, char_end(child.nbor(1)))  # "voiced support for"
        if child.dep_ == "dobj" and noun_clause(child) is not None:
            end = max(end, char_end(child))  # "expressed concern | that Y"
    return end


def chained_verb(verb: Token) -> Token | None:
    """The verb of the infinitive a catenative verb passes its subject on to
    ("continued to *insist*", "tried to *show*"), or a catenative adjective of "be"
    ("are quick to *point out*", "is likely to *say*"), if ``verb`` has one."""
    if verb.lemma_.lower() == "be":
        adjective = next((c for c in verb.rights if c.dep_ == "acomp"), None)
        if adjective is None or adjective.lemma_.lower() not in conventions(
            "catenative_adjectives"
        ):
            return None
        verb = adjective
    elif verb.lemma_.lower() not in conventions("catenatives"):
        return None
    return next(
        (c for c in verb.rights if c.dep_ in INFINITIVE and is_infinitive(c)),
        None,
    )


def participle_of_object(verb: Token, cue_nouns: frozenset[str]) -> Token | None:
    """The participle that says what a cue noun as object says ("issued a statement
    *saying* Y", "released a report *detailing* X"): PolNeAR's cue runs through it and
    the content is its clause or object; not where the cue verb has a clause of its own
    ("called a report suggesting X | Y")."""
    if any(c.dep_ in CLAUSE for c in verb.children):
        return None
    for noun in verb.rights:
        if noun.dep_ != "dobj" or not heads_cues(noun, cue_nouns):
            continue
        for participle in noun.rights:
            if (
                participle.dep_ == "acl"
                and participle.tag_ == "VBG"
                and participle.i == noun.i + 1
                and any(c.dep_ in (*CLAUSE, "dobj") for c in participle.children)
            ):
                return participle
    return None
