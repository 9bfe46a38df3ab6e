"""What a cue verb says through its dependents and the sentence around it: the clausal
complement, the infinitive with its object, the words before a trailing attribution
("Y, X said"), the sentence around a parenthetical one ("Y1, X said, Y2"), or the
quotation right next to it."""

from spacy.tokens import Token

from claimkit.extractors.statements.cue_spans import cue_start
from claimkit.extractors.statements.lexicon import LEARNED
from claimkit.extractors.statements.parse import (
    CLAUSE,
    DASHES,
    FINITE_OR_MODAL,
    INFINITIVE,
    SUBJECTS,
    char_end,
    char_range,
    conventions,
    is_cued,
    is_infinitive,
    opens_with_that,
)

_OBJECTS = ("dobj", "dative")
_RELATIVE_CLAUSES = ("relcl",)


def complement(
    verb: Token, kind: str, source: Token, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The character range of what is said, thought or vowed."""
    clauses = (
        # Not a clause the speaker is the subject of ('"Q," said X, who heads Y').
        [c for c in verb.children if c.dep_ in CLAUSE and not _speaker_of(c, source, verb)]
        or _clause_after_prep(verb)
        or (_subject_before(verb, source) if kind != LEARNED else [])
    )
    if clauses:
        clause = _reported_clause(clauses, verb)
        preposed = clause.i < source.i < verb.i or clause.i < verb.i < source.i
        if preposed and kind == LEARNED and any(c.dep_ in _OBJECTS for c in verb.rights):
            return None  # "Y, many of which have faced criticism": not "Y, X said"
        if preposed:
            # "Y, X said": everything before the attribution is what was said, even
            # where the parser hung part of it elsewhere.
            first = source.left_edge if source.i < verb.i else verb
            return _before(min(first, cue_start(verb), key=lambda t: t.i), quotes)
        tokens = [
            *_relative_gap(verb, clause, source),
            *without_other_cues(clause),
            *_coordinated_clauses(verb, clause),
            *_reasons_and_conditions(verb, clause),
        ]
        return char_range([*tokens, *_elaboration(max(tokens, key=lambda t: t.i))])
    relative = _relative_report(verb, source)
    if relative is not None:
        return relative
    answer = _answer(verb)
    if answer:
        return char_range(answer)
    if kind == "belief":
        return None
    infinitives = [c for c in verb.children if c.dep_ in INFINITIVE and is_infinitive(c)]
    if infinitives:
        start = infinitives[0]
        objects = [c for c in verb.children if c.dep_ in _OBJECTS and c.i < start.i]
        objects += _addressee(verb, start)
        tokens = without_other_cues(start)
        if objects:
            tokens = [*objects[0].subtree, *tokens]
        return char_range(tokens)
    asked = _for_clause(verb) or _question(verb)
    if asked:
        return char_range(asked)
    gerund = _gerund(verb)
    if gerund is not None:
        return char_range(without_other_cues(gerund))
    parent = verb.head
    if (
        verb.dep_ in ("parataxis", "ccomp", "advcl", "conj")
        and not trailing_participle(verb)
        and parent.i < verb.i
        and verb.i > verb.sent.start
        and not any(c.dep_ in _OBJECTS + CLAUSE + INFINITIVE for c in verb.rights)
    ):
        # "Y, X said": the cue hangs off the clause it reports.
        first = min(source.left_edge, cue_start(verb), verb.left_edge, key=lambda t: t.i)
        if not (first.is_punct or first.i == 0 or first.nbor(-1).is_punct):
            # Not set off from the clause before ("The deal collapsed when the union
            # complained"): the cue's clause is part of it, not an attribution of it.
            return None
        return _resumed(_before(first, quotes), parent, verb)
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and parent.i > verb.i:
        parenthetical = _parenthetical(verb, source)
        if parenthetical is not None:
            return parenthetical
    return _that_after(verb) or _after_colon(verb)


def _that_after(verb: Token) -> tuple[int, int] | None:
    """The that-clause after the cue's modifiers that the parser hangs elsewhere:
    "recalled in 2008 *that Y*", "said following a vote in 2001 *that Y*" (on "vote"),
    "complained soon after *that Y*". Only modifiers of the cue stand between, with no
    comma and no object; the clause runs to the end of the verb after "that"."""
    if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
        return None
    own = {t.i for t in verb.subtree}
    that = None
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if token.lower_ == "that" and token.dep_ == "mark":
            that = token
            break
        if token.i not in own or token.is_punct or token.tag_ in FINITE_OR_MODAL:
            return None
    if that is None:
        return None
    clause = next(
        (t for t in verb.doc[that.i + 1 : verb.sent.end] if t.pos_ in ("VERB", "AUX")), None
    )
    if clause is None:
        return None
    while clause.head.i > that.i and clause.head != clause:
        clause = clause.head
    return char_range([that, clause.right_edge])


def _after_colon(verb: Token) -> tuple[int, int] | None:
    """What a colon after the cue and its modifiers introduces: the rest of the line, up
    to the end of the first sentence after the colon ("sent them a message: He must
    stop."), or the paragraph below where the line ends with it ("Hewitt writes:" over a
    block quotation). The parser often makes what
    follows a sentence of its own, or the head of the cue's."""
    doc = verb.doc
    own = {t.i for t in verb.subtree}
    # Every word before the colon must be the cue's own, so the colon is at most the word
    # after the cue's last: looking further would walk the rest of the document.
    colon = next((t for t in doc[verb.i + 1 : verb.right_edge.i + 2] if t.text == ":"), None)
    if colon is None or any(
        t.i not in own or "\n" in t.text or t.pos_ in ("VERB", "AUX")
        for t in doc[verb.i + 1 : colon.i]
    ):
        return None  # only the cue's modifiers and object before it: "said in a statement:"
    text = doc.text  # joined from every token, so only once a colon is found
    after = char_end(colon)
    line_end = text.find("\n", after)
    line_end = len(text) if line_end < 0 else line_end
    if not text[after:line_end].strip():
        start = len(text) - len(text[after:].lstrip())
        end = text.find("\n", start)
        return (start, len(text) if end < 0 else end) if start < len(text) else None
    rest = doc.char_span(after, line_end, alignment_mode="contract")
    words = [t for t in rest or () if not t.is_space]
    if not words:
        return None
    end = min(line_end, words[0].sent.end_char)
    said = [t for t in words if t.idx < end]
    if not (said[0].is_quote or any(t.tag_ in FINITE_OR_MODAL for t in said)):
        return None  # a list ("mocked three hopefuls: X, Y and Z") is the object's
    return said[0].idx, end


def _relative_report(verb: Token, source: Token) -> tuple[int, int] | None:
    """ "the drawdown, which they say left a vacuum", "the marchers, whom he described as
    peaceful": a cue in a relative clause whose pronoun is the subject of what is said
    or what is called so. The parser makes that pronoun a dependent of the cue; PolNeAR's
    content is the whole relative clause, cue and source included."""
    if verb.dep_ != "relcl" or source.head != verb:
        return None  # "X, who said Y": the pronoun is the speaker
    relatives = conventions("relative_pronouns")
    pronoun = next(
        (c for c in verb.lefts if c.dep_ in ("nsubj", "dobj") and c.lower_ in relatives), None
    )
    if pronoun is None:
        return None
    reported = next((c for c in verb.rights if _reports(c, pronoun)), None)
    return None if reported is None else char_range([pronoun, *reported.subtree])


def _reports(child: Token, pronoun: Token) -> bool:
    """Whether ``child`` of a cue says what its relative ``pronoun`` does or is: the verb
    it is the subject of ("which they say *left a vacuum*"), or, with the pronoun for
    object, what it is called ("which he called *a disaster*", "whom he described *as
    peaceful*")."""
    if child.dep_ in INFINITIVE + CLAUSE:
        return child.pos_ in ("VERB", "AUX") and not is_infinitive(child)
    called = child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ == "as")
    return called and pronoun.dep_ == "dobj"


def _relative_gap(verb: Token, clause: Token, source: Token) -> list[Token]:
    """The relative pronoun, or the noun of a relative clause without one, that is the
    missing subject of the clause a cue reports: "resolutions, *which* he added are
    regrettable", "*the employees* they thought were the best fit", "*what* I thought was
    a fruit basket". PolNeAR's content runs from it over the source and the cue."""
    subjects = (*SUBJECTS, "expl", "csubj", "csubjpass")
    if clause.i < verb.i or not _finite(clause) or any(c.dep_ in subjects for c in clause.lefts):
        return []
    relatives = conventions("relative_pronouns") | {"what"}
    pronoun = next(
        (
            c
            for c in verb.lefts
            if c.dep_ in ("nsubj", "dobj") and c.lower_ in relatives and c != source
        ),
        None,
    )
    if pronoun is not None:
        return [pronoun]
    if verb.dep_ == "relcl" and not any(t.tag_ in ("WDT", "WP", "WP$") for t in verb.lefts):
        return [verb.head.left_edge]
    return []


def _elaboration(last: Token) -> list[Token]:
    """What a colon right after the reported clause spells out ("noted he is the only
    other candidate to win a state*: he also captured Iowa*", "hoping to win delegates
    in states that award them proportionally*: Missouri, Illinois and Ohio*"): part of
    what was said (PolNeAR), unless it is a quotation, a question, a statement of its
    own ("...: A poll found that Y") or a gerund ("...: ending the era of coal")."""
    doc = last.doc
    if last.i + 2 >= len(doc) or doc[last.i + 1].text != ":":
        return []
    first = doc[last.i + 2]
    if first.is_space or first.is_quote:
        return []  # the line ends with the colon, or a quotation follows
    words = [t for t in first.sent if t.i >= first.i and not t.is_space]
    if any(is_cued(t) for t in words) or words[-1].text == "?" or first.tag_ == "VBG":
        return []
    return [t for t in words if not (t.is_punct and t.i == words[-1].i)]


def _finite(verb: Token) -> bool:
    """Whether ``verb`` heads a finite clause ("was", "will help"; not "to help")."""
    return verb.tag_ in FINITE_OR_MODAL or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_OR_MODAL for c in verb.lefts
    )


def _answer(verb: Token) -> list[Token]:
    """The answer word right after a cue ("said *yes*", "said *no to the war*", "thinks
    *so*") or the question word it leaves open ("would not say *when, or if, the Senate
    will vote*"): it stands for a clause, so it is a content as a clause is."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return []
    word = doc[verb.i + 1]
    if word.head.i != verb.i:
        return []
    if word.lower_ in conventions("answers") and word.dep_ in ("intj", "advmod", "dobj"):
        # "said no *to the Iraq war*": what the answer is to belongs to it.
        follows = [
            c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "to" and c.i == word.i + 1
        ]
        return [word, *(t for c in follows for t in c.subtree)]
    if word.tag_ == "WRB" and word.dep_ == "advmod":
        # "when, or if, the Senate will vote": the parser coordinates the rest with the cue.
        rest = [c for c in verb.rights if c.dep_ == "conj" and c.i > word.i]
        return [word, *(t for c in rest[:1] for t in c.subtree)]
    return []


def _for_clause(verb: Token) -> list[Token]:
    """The clause of "called for *him to resign*", "is looking for *the firm to post
    gains*": an infinitive with its own subject, opened by "for", which the parser
    hangs on the cue as an adverbial clause. The "for" belongs to the cue (PolNeAR)."""
    for child in verb.rights:
        mark = next((c for c in child.lefts if c.dep_ == "mark"), None)
        if (
            child.dep_ == "advcl"
            and mark is not None
            and mark.lower_ == "for"
            and mark.i == child.left_edge.i
            and is_infinitive(child)
            and any(c.dep_ in SUBJECTS for c in child.lefts)
        ):
            return [t for t in without_other_cues(child) if t != mark]
    return []


def _question(verb: Token) -> list[Token]:
    """The question a cue asks or leaves open ("asked by X *if Y*", "must declare
    *whether Y*"), which the parser hangs on it as an adverbial clause. Not after an
    object ("promised reform *if he wins*": a condition) nor without a subject ("if
    elected")."""
    if any(c.dep_ in _OBJECTS for c in verb.children):
        return []
    for child in verb.rights:
        edge = child.left_edge
        if (
            child.dep_ == "advcl"
            and edge.dep_ == "mark"
            and edge.head == child
            and edge.lower_ in conventions("question_marks")
            and any(c.dep_ in SUBJECTS for c in child.children)
        ):
            return without_other_cues(child)
    return []


def _gerund(verb: Token) -> Token | None:
    """The gerund a cue takes as its complement ("reported *raising $9 million*",
    "proposed *barring all foreign Muslims*", "recalled *sitting in on focus groups*"):
    a clause without a subject, so a statement as much as a that-clause is. Not after
    a verb of aspect ("began *racking up victories*", "kept *asking*") or an adjective
    ("has been busy *campaigning*"): those say what someone did, not said."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in conventions("catenatives"):
        return None
    for child in verb.rights:
        if child.dep_ in INFINITIVE and child.tag_ == "VBG":
            return child
    return None


def _before(first: Token, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """What "Y, X said" reports, the attribution starting at ``first``: the words of
    its sentence before it (see ``_preposed``). None after a semicolon or a colon ("X
    has no real case; he and Y said the same thing"): "Y, X said" sets its content off
    with a comma or a quotation, so the words before are a clause of their own."""
    if first.i > first.sent.start and first.nbor(-1).text in (";", ":"):
        return None
    return _preposed([t for t in first.sent if t.i < first.i], first, quotes)


def _speaker_of(clause: Token, source: Token, verb: Token) -> bool:
    """Whether the parser made the speaker after the cue the subject of ``clause``."""
    return source.head == clause and source.dep_ in SUBJECTS and source.i > verb.i


def _subject_before(verb: Token, source: Token) -> list[Token]:
    """The head of a preposed content that the parser took for a second subject of the
    cue ('"Safety," said Grimm', 'Nothing he said "will help," the senator said'): it
    stands before the attribution, set off by a comma or a quotation mark, as a reported
    clause does."""
    first = min(source.left_edge, verb, key=lambda t: t.i)
    if first.i == 0 or not (first.nbor(-1).text == "," or first.nbor(-1).is_quote):
        return []
    if any(c.dep_ in _OBJECTS + INFINITIVE for c in verb.rights) or (
        verb.i + 1 < len(verb.doc) and verb.nbor(1).text == ","
    ):
        return []  # "has proposed accepting Y", "Voters, X suggested, don't Y"
    return [c for c in verb.children if c.dep_ == "nsubj" and c != source and c.i < first.i][:1]


def _reported_clause(clauses: list[Token], verb: Token) -> Token:
    """The clause a cue reports, of those the parser hangs on it: the first after the
    cue, where there is one. In "The story never ran; my editor argued the piece was
    unfair" the clause before is a sentence the parser ran into this one, not a preposed
    content ("Y, X said" has no clause after the cue)."""
    after = [c for c in clauses if c.i > verb.i]
    return after[0] if after else clauses[0]


def _coordinated_clauses(verb: Token, clause: Token) -> list[Token]:
    """The that-clauses the parser coordinates with the cue rather than with its first
    clause: "said that Y1, but that Y2" reports Y1 and Y2 (PolNeAR)."""
    tokens: list[Token] = []
    for conj in verb.rights:
        if conj.dep_ == "conj" and conj.i > clause.i and opens_with_that(conj):
            tokens += without_other_cues(conj)
    return tokens


def _reasons_and_conditions(verb: Token, clause: Token) -> list[Token]:
    """The reason or condition the parser hangs on the cue rather than on its clause:
    in "said it did not count those meetings because they were routine" the because-
    clause is part of what was said (PolNeAR), unlike "when asked about it"."""
    marks = conventions("content_marks")
    tokens: list[Token] = []
    for child in verb.rights:
        if (
            child.dep_ == "advcl"
            and child.i > clause.right_edge.i
            and any(m.dep_ == "mark" and m.lower_ in marks for m in child.children)
        ):
            tokens += list(child.subtree)
    return tokens


def _addressee(verb: Token, infinitive: Token) -> list[Token]:
    """The object of the preposition right before an infinitive ("called on *X* to Y",
    "called for *X* to Y"): who is to do it, which PolNeAR's content begins with."""
    for prep in verb.rights:
        if (
            prep.dep_ == "prep"
            and prep.lower_ in conventions("addressee_preps")
            and prep.right_edge.i + 1 == infinitive.left_edge.i
        ):
            # not when it was said: "promised on Tuesday to Y", "declined for years to Y"
            return [
                g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")
            ][:1]
    return []


def trailing_participle(verb: Token) -> bool:
    """', referring to X', ', citing X' after a clause: the participle speaks of what
    follows it, not of the clause before (PolNeAR)."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).text == ","


def _clause_after_prep(verb: Token) -> list[Token]:
    """The that-clause the parser hangs on the noun of a preposition after the cue:
    "said in a statement *that Y*", "told reporters in an interview *that Y*". After a
    preposition of what the cue is about the noun is part of it: "responded to *the news
    that Y*", "bristled at *the suggestion that Y*" (PolNeAR)."""
    about = conventions("content_preps") | conventions("aim_preps")
    for child in verb.rights:
        if child.dep_ != "prep":
            continue
        for noun in child.children:
            if noun.dep_ != "pobj":
                continue
            for clause in noun.rights:
                if clause.dep_ in ("acl", "ccomp") and opens_with_that(clause):
                    if (
                        child.lower_ in about
                        and noun.lemma_.lower() not in conventions("occasions")
                        and not _object_before(verb, child)
                    ):
                        return [noun]
                    return [clause]
    return []


def _object_before(verb: Token, prep: Token) -> bool:
    """Whether the cue has an object before ``prep`` that is not a light verb's: in "told
    them on a regular basis that Y" and "lent credence to the claims that Y" the phrase
    is not what the cue is about, in "took issue with the suggestion that Y" it is."""
    return verb.lemma_.lower() not in conventions("light_verbs") and any(
        o.dep_ in _OBJECTS and o.i < prep.i for o in verb.children
    )


def _preposed(
    tokens: list[Token], first: Token, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """What "Y, X said" reports: the words before the attribution, or only the quotation
    that ends right before it where the parser ran an earlier sentence into this one
    ('He became speaker last year. "Q," said X')."""
    if not tokens:
        return None
    start, end = char_range(tokens)
    doc = first.doc
    for q_start, q_end in quotes:
        if start < q_start and end - 1 <= q_end <= first.idx:
            # Only a quotation that opens a sentence, or follows a colon ('For example:
            # "Q," he said'): in 'The economy is "in trouble," he said' the whole
            # clause is what was said.
            before = doc.char_span(start, q_start, alignment_mode="contract")
            words = [t for t in before or () if not t.is_space]
            if words and words[-1].text[-1] in ".?!\"”':":
                return q_start, q_end
            break
    return start, end


def _resumed(
    content: tuple[int, int] | None, reported: Token, verb: Token
) -> tuple[int, int] | None:
    """A preposed content that resumes after its attribution: in "Things have changed,
    she says, especially in the social media era" the cue interrupts the clause it
    reports; PolNeAR's content is the hull of the two pieces."""
    after = [
        t
        for t in without_other_cues(reported)
        if t.i > verb.right_edge.i and not t.is_punct and t.head.i != verb.i
    ]
    if content is None or not after or content[1] <= reported.idx:
        return content
    return content[0], max(content[1], char_end(after[-1]))


def _parenthetical(verb: Token, source: Token) -> tuple[int, int] | None:
    """The content around an attribution set in the clause it reports.

    "As X said, Y" reports Y. "Y1, X said, Y2" reports the whole sentence: PolNeAR
    marks Y1 and Y2 as one content, whose hull holds the source and the cue."""
    if any(c.dep_ in _OBJECTS + CLAUSE + INFINITIVE for c in verb.rights):
        return None
    end = ([t for t in verb.subtree if not t.is_punct] or [verb])[-1]
    marks = [c for c in verb.children if c.dep_ == "mark"]
    if marks and marks[0].lower_ in ("as", "like"):
        tokens = [t for t in verb.sent if t.i > end.i]
    elif source.i < verb.i and _after_comma(source.left_edge):
        # The attribution begins with its source, whatever the parser hung on the cue
        # before it ("If X, Mr. Taylor warned, Y": "If X" on "warned").
        tokens = [t for t in verb.sent if not (t.is_punct and t.i == verb.sent.end - 1)]
    else:
        return None
    return char_range(tokens) if any(not t.is_punct for t in tokens) else None


def _after_comma(token: Token) -> bool:
    """Whether ``token`` follows a comma inside its sentence."""
    return token.i > token.sent.start and token.nbor(-1).text == ","


def without_other_cues(head: Token) -> list[Token]:
    """The subtree of ``head`` without a coordinated clause or a participle that has a cue
    of its own ("vowed to X but also said Y", "said X, saying Y": Y is not part of what
    was vowed or said first; PolNeAR marks it as an attribution of its own). A clause
    with a subject of its own stays: "said Y and that he thinks Z" says both."""
    cut = {
        t.i
        for child in head.subtree
        if (
            (
                child.dep_ == "conj"
                and child.head.i != head.i - 1
                and not any(c.dep_ in SUBJECTS for c in child.children)
            )
            or (child.dep_ == "advcl" and child.tag_ == "VBG" and child.i != head.i)
        )
        and is_cued(child)
        for t in child.subtree
    }
    tokens = _without_trailing_aside([t for t in head.subtree if t.i not in cut])
    # Drop the coordinator left dangling before the cut clause.
    while tokens and (tokens[-1].dep_ in ("cc", "punct") or tokens[-1].lower_ == "also"):
        tokens.pop()
    return tokens


def _without_trailing_aside(tokens: list[Token]) -> list[Token]:
    """``tokens`` without the relative clause or apposition set off by a comma that
    closes them ("said X would back Sanders*, who similarly blasts free trade*", "said
    the contest was rigged*, a charge that leaders denied*"): the writer's aside, not
    what was said (PolNeAR)."""
    words = [t for t in tokens if not t.is_punct]
    if not words:
        return tokens
    last = words[-1].i
    for child in tokens:
        if (
            (
                child.dep_ in _RELATIVE_CLAUSES
                or (child.dep_ == "appos" and child.left_edge.lower_ in ("a", "an"))
            )
            and child.right_edge.i >= last
            and child.left_edge.i > tokens[0].i
            and child.left_edge.nbor(-1).text == ","
            and (not any(t.is_quote for t in child.subtree) or _reports_on(child))
        ):
            return [t for t in tokens if t.i < child.left_edge.i - 1]
    return tokens


def _reports_on(clause: Token) -> bool:
    """Whether a relative clause reports what someone else says of the noun it describes
    ("..., which he called *"a disaster"*", "..., who he noted was *"in his final
    year"*"): its subject is not the relative pronoun, so its quotation is that
    speaker's, not part of the content before it."""
    relatives = conventions("relative_pronouns")
    return clause.dep_ in _RELATIVE_CLAUSES and any(
        c.dep_ in SUBJECTS and c.lower_ not in relatives for c in clause.lefts
    )


def adjacent_quotation(
    text: str,
    source: Token,
    cue: tuple[int, int],
    quotes: list[tuple[int, int]],
    before: bool = True,
) -> tuple[int, int] | None:
    """The quotation right before an attribution ('"...," she said.'; unless not
    ``before``) or right after it ('He said: "..."'), where the parser split the
    quotation off as its own sentence."""
    start = min(source.left_edge.idx, cue[0])
    end = max(char_end(source.right_edge), cue[1])
    for q_start, q_end in quotes:
        if before and q_end <= start and text[q_end:start].strip(" \t," + DASHES) == "":
            return q_start, q_end
        if q_start >= end and text[end:q_start].strip(" \t,:") == "":
            return q_start, q_end
    return None
