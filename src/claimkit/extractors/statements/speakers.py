"""Who speaks: the source of a cue verb (its subject, inherited through coordination,
participles and relative clauses, set off after the content, or a passive's agent) and
the source mention as PolNeAR marks it."""

from spacy.tokens import Token

from claimkit.extractors.statements.parse import (
    CLAUSE,
    DASHES,
    FINITE,
    FINITE_OR_MODAL,
    SUBJECTS,
    conventions,
    is_cued,
    is_infinitive,
    line_start,
)
from claimkit.sources import token_span, vocabulary
from claimkit.types import Span

# The noun an infinitive describes ("the first to endorse"), by its relation to its
# verb, and who that verb says it is: the subject of "was", the recipient of "gave".
_DESCRIBED = {"attr": "nsubj", "dobj": "dative"}
# What sets off a description of a noun: "X, who ...,", "X, the mayor,".
_ASIDES = ("relcl", "acl", "appos")
# The dash after a dateline: also a double hyphen or a horizontal bar.
_DATELINE_DASHES = (*DASHES, "--", "―")
# The punctuation before a phrase set off from what precedes it.
_SETTING_OFF = "," + DASHES
# The words of a noun phrase.
_PHRASE = ("DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON")
# How the parser hangs a stranded subject on the phrase before it.
_STRANDED = ("appos", "pobj", "npadvmod", "conj")
# What the parser calls a subject it does not see as one.
_MODIFIER_LABELS = ("compound", "npadvmod", "advmod", "nummod", "dep")


def subject_of(verb: Token) -> Token | None:
    """Who does the saying: the subject, inherited through coordination ("vowed ... but
    also said"), participles ("..., saying") and relative clauses ("who has said"); the
    agent of a passive ("was derided by X")."""
    agent = agent_of(verb)
    if agent is not None:
        return agent
    subjects = [
        c for c in verb.children if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and c.tag_ != "EX")
    ]
    if subjects:
        # Of two, the one nearest the cue: in '"Safety," said Grimm', 'Nothing he said
        # "will help," the senator said' and "In all, the researchers found" the parser
        # takes the head of what comes before the attribution for a subject as well.
        child = min(subjects, key=lambda c: abs(c.i - verb.i))
        child = next((s for s in subjects if _apposed(s, child, verb)), child)
        if child.dep_ == "nsubjpass":
            # "X was quoted as saying" is handled from "saying"; other passives
            # ("is expected", "was told") do not name the one who speaks.
            return None
        if child.lower_ in conventions("relative_pronouns"):
            # "X, who said Y": the noun the clause describes.
            # Where the parser makes the clause a coordinate or a complement ("who
            # hoped", "which posts"), the pronoun is what PolNeAR marks anyway.
            if verb.dep_ == "relcl":
                return verb.head
            return child if child.tag_ in ("WDT", "WP") else None  # not "That said"
        return _past_quotation(child, verb)
    head = verb.head
    trailing = _trailing_source(verb) or _speaker_after_quotation(verb)
    if trailing is not None:
        return trailing
    if verb.dep_ == "conj" and _reported(head) and _tense(verb) == _tense(head.head):
        # "Trump complained Khan had attacked him and questioned why ...": the parser
        # joins the second cue to the reported clause; in the tense of the first cue it
        # is the first speaker's.
        return subject_of(head.head)
    controller = object_controller(verb)
    if controller is not None:
        return controller
    if verb.dep_ in ("conj", "xcomp") and head.pos_ in ("VERB", "AUX"):
        shared = subject_of(head)
        if (
            shared is None
            and verb.dep_ == "conj"
            and verb.tag_ in FINITE
            and head.dep_ not in CLAUSE  # "suggested X be fired and defended"
            and not any(c.dep_ in ("auxpass", "csubj") for c in verb.children)
        ):
            # "X was forced into Y and said Z": an active verb shares the subject of
            # the passive it is coordinated with.
            shared = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        return shared
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head  # "the share of Republicans saying ...", "critics blasting ..."
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and head.dep_ == "ccomp"
        and _set_off_by_comma(verb)
        and is_cued(verb)
    ):
        # "X said Y would reopen, saying Z": the parser hangs the participle on the
        # reported clause; the one who says Z is the one who said Y.
        return subject_of(head.head)
    if verb.dep_ == "advcl" and is_infinitive(verb) and head.pos_ in ("VERB", "AUX"):
        # "X stood at a rally to say ...", "X is here to tell ...": the one who acts
        # says.
        return _actor(head)
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "acl", "conj"):
        return _actor(head)
    if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.lemma_ == "quote":
        passive = [c for c in head.head.children if c.dep_ == "nsubjpass"]
        return passive[0] if passive else None
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
        # "ended the speech by saying ...", "since announcing ...": the one who acts.
        return _actor(head.head)
    if (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
    ):
        # "A Quinnipiac poll found last week that Y", "The candidates sparred over Y":
        # with no other verb in the sentence, the parser takes the cue for a participle
        # of its subject.
        return head
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBD"  # the tagger's past tense, not a participle
        and head.pos_ in ("NOUN", "PROPN")
        and verb.left_edge == verb
        and head.i < verb.i
        and not verb.nbor(-1).is_punct
        and verb.nbor(-1) in head.subtree
    ):
        # "a group of rabbis called for Y", "one lawmaker called X Y": a verb right
        # after a noun phrase, which the parser takes for a participle describing it.
        return head
    if verb.dep_ == "dep" and verb.tag_ in FINITE and head.i < verb.i:
        # "Majorities of Democrats going to the polls say Y": the parser makes the
        # participle of the subject the head of the sentence.
        subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject
    if (
        verb.dep_ in ("relcl", "acl")
        and is_infinitive(verb)
        and head.pos_ == "NOUN"
        and head.dep_ in _DESCRIBED
    ):
        # "X was the first to endorse Y", "gave X reason to doubt Y": the one the noun
        # describes, or the one given it.
        role = _DESCRIBED[head.dep_]
        found = next((c for c in head.head.children if c.dep_ == role), None)
        if found is not None and found.lower_ != "it":  # "It's no exaggeration to call"
            return found
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBD"
        and verb.left_edge == verb  # not "after X, responding to Y, dropped"
        and verb.lemma_.lower() not in conventions("addressee_verbs")  # "X, asked Y,"
        and head.pos_ == "VERB"
        and not any(c.dep_ in ("mark", "aux", "auxpass") for c in verb.children)
        and _set_off_by_comma(verb)
    ):
        # "X has mocked Y, referred to Z as W": a verb in a list, which the parser
        # hangs on the first; its subject is the first verb's own.
        first = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if first is not None and first.lower_ not in conventions("relative_pronouns"):
            return first
    if verb.tag_ in FINITE:
        found = _stranded_subject(verb) or _subject_of_opening(verb)
        if found is not None:
            return found
    elif _tense(verb) in FINITE_OR_MODAL:
        # "On Monday, Graham - who ... - will headline": a verb group with an
        # auxiliary must have a subject as well.
        found = _stranded_subject(verb)
        if found is not None:
            return found
    if verb.dep_ == "ROOT" and _tense(verb) in FINITE:
        return _mislabelled_subject(verb)
    return None


def _mislabelled_subject(verb: Token) -> Token | None:
    """The subject of a sentence's finite verb that the parser labels otherwise: a name
    it takes for a modifier of the verb ("Conway notes", "MSNBC did replay"), the
    subject of a participle it takes for the subject ("Majorities of voters going to
    the polls said") or one it hangs on the auxiliary ("Voters were divided")."""
    for child in reversed(list(verb.lefts)):
        if child.dep_ in ("aux", "auxpass"):
            # "Voters ... were evenly divided": the subject hung on the auxiliary.
            own = next((c for c in child.children if c.dep_ in SUBJECTS), None)
            if own is not None:
                return own
        if (
            child.dep_ in ("csubj", "advcl")
            and child.tag_ in ("VBG", "VBN")
            and not any(c.dep_ == "mark" for c in child.children)  # "while X has spent"
        ):
            own = next((c for c in child.lefts if c.dep_ in SUBJECTS), None)
            if own is not None and _opens_clause(own):
                return own
        if child.dep_ in _MODIFIER_LABELS and (
            (child.pos_ in ("NOUN", "PROPN", "PRON") and child.ent_type_ not in ("DATE", "TIME"))
            or child.lower_ in conventions("quantifier_subjects")
            or (child.dep_ == "nummod" and child.pos_ == "NUM")  # "About 4 in 10 say"
        ):
            return child
    return None


def _subject_of_opening(verb: Token) -> Token | None:
    """The subject of a sentence whose first clause the parser hangs on the cue after
    it: "Jeffrey Salkin, a rabbi helping to organize the boycott, said Y" (the parser
    takes "rabbi" for a verb), "Kasich offered the man a job, then says Y". The subject
    of that clause opens the sentence and the clause is set off from the cue."""
    start = verb.i
    while (
        start > verb.sent.start
        and verb.doc[start - 1].head == verb
        and verb.doc[start - 1].dep_ == "advmod"
    ):
        start -= 1  # "..., then says"
    before = verb.doc[start - 1] if start > verb.sent.start else None
    if before is None or before.text != "," or (before.i > 0 and before.nbor(-1).is_quote):
        return None  # not '"Q," said X'
    for clause in verb.lefts:
        if clause.dep_ not in ("ccomp", "advcl", "conj", "dep", "parataxis", "csubj"):
            continue
        subject = next((c for c in clause.lefts if c.dep_ == "nsubj"), None)
        if (
            subject is not None
            and subject.left_edge.i == verb.sent.start
            and subject.pos_ in ("NOUN", "PROPN", "PRON")
            and subject.lower_ not in conventions("relative_pronouns")
        ):
            return subject
    return None


def object_controller(verb: Token) -> Token | None:
    """The object of a causative verb that an infinitive cue completes: "led *some* to
    speculate that Y", "leaving *many* to wonder whether Y". They speak or think; the
    causative is what brought them to."""
    head = verb.head
    if (
        verb.dep_ != "xcomp"
        or head.lemma_.lower() not in conventions("causatives")
        or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)
    ):
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _past_quotation(subject: Token, verb: Token) -> Token:
    """The speaker the parser hangs on a word of the quotation it took for the subject:
    in '"Very good reporter," Trump said' and '"A good speech, Mr. President," Cohen
    told him' the speaker is an appositive of the quoted subject. The first noun that
    subject governs after the quotation closes."""
    doc = subject.doc
    # The sentence's start, or its line's, where the parser split the quotation off.
    start = line_start(verb.sent[0])
    marks = [t for t in doc[start : verb.i] if t.is_quote and t.pos_ == "PUNCT"]
    opened = [t for t in marks if t.i < subject.i]
    closed = [t for t in marks if subject.i < t.i and t.nbor(-1).text in ",?!."]
    if len(opened) % 2 == 0 or not closed:
        return subject
    after = [
        c
        for c in subject.rights
        if c.i > closed[-1].i and c.dep_ in ("appos", "conj") and c.pos_ in ("NOUN", "PROPN")
    ]
    return after[0] if after else subject


def _actor(verb: Token) -> Token | None:
    """Who does what ``verb`` says: its subject, or the noun its relative clause
    describes ("officials who stood at a rally to say")."""
    return subject_of(verb) if verb.dep_ != "relcl" else verb.head


def past_dateline(source: Token, verb: Token) -> Token | None:
    """The part of a source on the line of its cue, past a dateline: the parser runs
    "9:30 p.m.\n\nDonald Trump says" and "WASHINGTON (AP) — Donald Trump and Paul Ryan
    pledged" into one noun phrase, whose head is the time or the place."""
    start = _line_start(verb)
    if source.i >= start:
        return source
    own = [c for c in verb.lefts if c.dep_ in SUBJECTS and c.i >= start]
    if own:
        return own[-1]  # "9:30 p.m.\n\nDonald Trump says": the parser gave two subjects
    words = [t for t in source.subtree if start <= t.i < verb.i and not t.is_punct]
    heads = [t for t in words if t.head not in words and t.pos_ in ("NOUN", "PROPN", "PRON")]
    return heads[0] if len(heads) == 1 else None


def _line_start(verb: Token) -> int:
    """Where the line of ``verb`` begins, past a dateline ("WASHINGTON (AP) —",
    "BUENA PARK, Calif. -") at its start."""
    doc = verb.doc
    start = line_start(verb)
    for i in range(start, verb.i):
        if doc[i].text in _DATELINE_DASHES:
            opening = [t for t in doc[start:i] if t.is_alpha]
            if opening and all(_in_dateline(t) for t in opening):
                return i + 1
            break
    return start


def _in_dateline(token: Token) -> bool:
    """A word of a dateline: a place in capitals or named, a date, a news agency."""
    return (
        token.is_upper
        or token.ent_type_ in ("GPE", "DATE")
        or token.lower_ in vocabulary()["wires"]
    )


def _stranded_subject(verb: Token) -> Token | None:
    """The subject of a finite verb that the parser hung on an opening phrase: "As part
    of his plea, Marcel Lazar, 44, said ...", "At Boca West, Jay DiPietro, the club's
    president, suggested ...": the noun phrase set off by a comma that runs up to the
    verb, attached to a word before it."""
    before = verb.i - 1
    while before >= verb.sent.start and (
        verb.doc[before].is_punct
        or verb.doc[before].pos_ == "ADV"
        or (verb.doc[before].head == verb and verb.doc[before].dep_ in ("aux", "neg"))
    ):
        before -= 1
    if before < verb.sent.start:
        return None
    found = None
    last = verb.doc[before]
    for token in [last, *last.ancestors]:
        if token.i >= verb.i or token.head.i >= verb.i:
            break
        edge = token.left_edge.i
        # The outermost such phrase: "Jay DiPietro, the club's president," not "the
        # club's president"; a time ("The campaign had, earlier Tuesday, sent") is none.
        if (
            token.pos_ in ("NOUN", "PROPN", "PRON")
            and token.dep_ in _STRANDED
            and token.ent_type_ not in ("DATE", "TIME")
            and not _state_of_city(token)
            and token.head.i < edge
            and edge > verb.sent.start
            and verb.doc[edge - 1].text in _SETTING_OFF
        ):
            found = token
    return found


def _state_of_city(token: Token) -> bool:
    """The second part of a place name ("Charleston, *West Virginia*,"), which the parser
    takes for an appositive; not a list of places ("the United States, Britain and
    France")."""
    return (
        token.dep_ == "appos"
        and token.ent_type_ == "GPE"
        and token.head.ent_type_ == "GPE"
        and not any(c.dep_ == "conj" for c in token.children)
    )


def _opens_clause(phrase: Token) -> bool:
    """Whether ``phrase`` opens its sentence or follows an opening phrase set off by a
    comma ("On his way out, Mr. Bush ...")."""
    edge = phrase.left_edge
    return edge.i == edge.sent.start or edge.nbor(-1).text == ","


def _set_off_by_comma(token: Token) -> bool:
    """Set off by a comma, perhaps inside a closing quotation mark (',” claiming')."""
    if token.i == 0:
        return False
    before = token.nbor(-1)
    if before.is_quote and before.i > 0:
        before = before.nbor(-1)
    return before.text == ","


def _tense(verb: Token) -> str:
    """The tag of the finite word of a verb group: "did" of "did not suggest"."""
    auxiliary = next(
        (c.tag_ for c in verb.lefts if c.dep_ == "aux" and c.tag_ in FINITE_OR_MODAL), None
    )
    return auxiliary or verb.tag_


def _reported(verb: Token) -> bool:
    """A clause reported by a cue verb, with a subject of its own ("said *the base
    went*")."""
    return (
        verb.dep_ in CLAUSE
        and verb.head.pos_ == "VERB"
        and verb.head.lemma_ != "be"  # "It was ... that X pulled ... and offered"
        and any(c.dep_ in SUBJECTS for c in verb.children)
    )


def postposed_subject(verb: Token) -> tuple[Token, Token] | None:
    """The speaker and the reported clause of "Y1, said X, Y2" ("The contrast, said
    Doyle, would be clear"): the parser takes Y1 for the subject of the cue and X for
    the subject of Y2. Returns X and the head of Y2."""
    doc = verb.doc
    if verb.i == verb.sent.start or verb.nbor(-1).text != ",":
        return None
    # A comma that closes an aside of the subject ("aides to X, who had a long career,
    # said") is no inversion.
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subject is None or _in_aside(doc[verb.i - 2], subject):
        return None
    for clause in verb.rights:
        if clause.dep_ not in CLAUSE:
            continue
        speaker = next((c for c in clause.lefts if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.left_edge.i != verb.i + 1:
            return None
        # The speaker is set off by commas on both sides.
        end = speaker.right_edge
        after = end.i if end.is_punct else end.i + 1
        return (speaker, clause) if after < len(doc) and doc[after].text == "," else None
    return None


def _in_aside(token: Token, phrase: Token) -> bool:
    """Whether ``token`` is part of a description set in ``phrase`` ("who had a long
    career in Congress")."""
    while token != phrase and token.head != token:
        if token.dep_ in _ASIDES:
            return True
        token = token.head
    return False


def _apposed(name: Token, description: Token, verb: Token) -> bool:
    """Two subjects that are one speaker, a name and the description set off after it
    ("Ban Ki-moon, the secretary general, vowed"): the parser takes the appositive for a
    second subject, and the name is who speaks."""
    doc = verb.doc
    between = name.right_edge.i + 1
    last = description.right_edge
    return (
        name.i < description.i < verb.i
        and doc[between].text == ","
        and description.left_edge.i == between + 1
        # The comma that closes the description, which the parser may hang on it.
        and (last.text == "," or (last.i + 1 < verb.i and doc[last.i + 1].text == ","))
    )


def agent_of(verb: Token) -> Token | None:
    """X of "was derided by X"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((t for t in child.children if t.dep_ == "pobj"), None)
    return None


def _trailing_source(verb: Token) -> Token | None:
    """The source of "Y, the union's leader, Olga Petrova, said", which the parser hangs
    as an appositive on the last noun of Y: the outermost appositive before the cue."""
    sentence_start = verb.sent.start
    if verb.i - 2 < sentence_start or verb.nbor(-1).text != ",":
        return None
    head = verb.nbor(-2)
    if head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    while head.dep_ in ("compound", "flat") and head.head.i > head.i:
        head = head.head
    if head.dep_ != "appos":
        return None
    while head.head.dep_ == "appos":
        head = head.head
    # "..., the harbour's director, Jan Visser, said": the parser may make the role the
    # clause's attribute; a noun phrase set off by a comma is still part of the source.
    outer = head.head
    edge = outer.left_edge.i
    if (
        outer.pos_ in ("NOUN", "PROPN")
        and edge > sentence_start
        and outer.doc[edge - 1].text == ","
    ):
        head = outer
    return head


def _speaker_after_quotation(verb: Token) -> Token | None:
    """The speaker of '"Q," added another Democrat', '"Q," said Skelly': after a
    quotation the cue comes before its subject, which the parser may take for the
    cue's object or an adverb. The head of the noun phrase right after the cue."""
    doc = verb.doc
    if verb.i < 2 or verb.tag_ not in FINITE:
        return None
    # The quotation closes right before the cue, with its comma inside or outside.
    mark, closing = doc[verb.i - 1], doc[verb.i - 2]
    if not ((mark.is_quote and closing.text in ",?!") or (mark.text == "," and closing.is_quote)):
        return None
    phrase = []
    for token in doc[verb.i + 1 : verb.sent.end]:
        if token.is_punct or not (token.pos_ in _PHRASE or token.is_title):
            break
        phrase.append(token)
    named = [t for t in phrase if t.pos_ in ("NOUN", "PROPN", "PRON") or t.is_title]
    if not named:
        return None
    # Or the subject of a clause after it: '"Q," said David Brock, a Clinton confidant
    # who heads the PAC Correct the Record' (the parser takes "Correct" for a verb).
    # Not a pronoun: '"Q," says she warned' reports "she warned".
    speaker = named[-1]
    head = speaker.head
    if head in (verb, *phrase) or (
        speaker.pos_ != "PRON" and head.i > verb.i and verb in head.ancestors
    ):
        return speaker
    return None


def whole_mention(head: Token, cue: tuple[int, int], content: tuple[int, int]) -> Span:
    """The source as PolNeAR marks it: the whole noun phrase, with the appositives and
    parentheses that describe the speaker ("Sen. Johnny Isakson (R-Ga.), one of the
    bill's co-authors,") and the comma that closes them, but nothing of the cue or the
    content, nor of a line before it ("11 a.m.\n\nX said"), nor a leading "even". A
    relative clause or participle set off by a comma before the cue is left out
    ("Barkley, who votes democratic, said"); one after it is kept ("said X, who ...")."""
    doc = head.doc
    cued = _cued_clause(head, cue)
    relative = _relative_pronoun(cued) if cued is not None else None
    if relative is not None:
        return token_span([relative])
    aside = {
        t.i
        for c in head.rights
        if (_is_aside(c) and head.idx < cue[0]) or c == cued
        for t in c.subtree
    }
    keep = {
        t.i
        for t in head.subtree
        if not (cue[0] <= t.idx < cue[1] or content[0] <= t.idx < content[1] or t.i in aside)
    }
    start = end = head.i
    while start - 1 in keep and "\n" not in doc[start - 1].text:
        start -= 1
    while end + 1 in keep:
        end += 1
    while start < head.i and (
        doc[start].is_punct
        or doc[start].dep_ == "cc"
        or doc[start].lower_ in conventions("focus_particles")
    ):
        start += 1
    while end > head.i and (doc[end].is_punct or doc[end].is_space) and doc[end].text != ")":
        end -= 1
    described = any(doc[i].text in (",", "(") for i in range(head.i, end))
    if described and end + 1 < len(doc) and doc[end + 1].text == ",":
        end += 1  # the comma that closes ", the former governor,"
    return token_span(list(doc[start : end + 1]))


def _relative_pronoun(clause: Token) -> Token | None:
    """The "who" of "X, who said Y", the subject of the relative ``clause`` that holds
    the cue: PolNeAR's source of such a cue is the relative pronoun, not the noun phrase
    it stands for."""
    return next(
        (
            c
            for c in clause.lefts
            if c.dep_ in SUBJECTS and c.lower_ in conventions("relative_pronouns")
        ),
        None,
    )


def _cued_clause(head: Token, cue: tuple[int, int]) -> Token | None:
    """The relative clause on ``head`` that holds the cue ("who came out and endorsed")."""
    return next(
        (
            c
            for c in head.rights
            if c.dep_ == "relcl" and any(cue[0] <= t.idx < cue[1] for t in c.subtree)
        ),
        None,
    )


def _is_aside(child: Token) -> bool:
    """A relative clause or a participle set off by a comma ("Barkley, who votes
    democratic,", "Trump, speaking at a rally,"): it describes the source but is not
    part of how PolNeAR marks it."""
    edge = child.left_edge
    clause = child.dep_ == "relcl" or (child.dep_ == "acl" and child.tag_ == "VBG")
    return clause and edge.i > 0 and edge.nbor(-1).text in _SETTING_OFF
