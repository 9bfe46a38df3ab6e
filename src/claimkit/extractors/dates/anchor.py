"""What the parse says about an expression: the tense of the verb it depends on.

"will meet on Thursday" points ahead, "met on Thursday" back; "during his trip in
November" takes the tense of the verb the trip hangs from. Only the tokens between the
expression and its governing verb are looked at, so this costs little per match.
"""

from spacy.tokens import Doc, Token

from claimkit.extractors.dates.rules import Tense
from claimkit.extractors.dates.vocabulary import Vocabulary

_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re"})
# Clauses an infinitive may fill that do not make it a plan: purpose, subject.
_LOOSE_CLAUSES = frozenset({"advcl", "csubj"})
# How a date hangs off a noun whose event it dates.
_NOUN_MODIFIER = frozenset({"poss", "compound", "nmod"})
# Subjects: a date inside one is not what a cue verb sets.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# How a bare date ("Friday", no preposition) hangs off the verb whose event it dates.
_BARE_ADVERBIAL = frozenset({"npadvmod", "tmod", "obl:tmod"})
# How far up the tree to look for the governing verb: deeper than this the link to the
# expression is too loose to trust.
_MAX_CLIMB = 6
_PERFECT_AUX = frozenset({"have", "has", "'ve", "’ve"})
# How far above an infinitive to look for its governing verb ("was unable to meet":
# two steps): further up the link is too loose.
_MAX_INFINITIVE_CLIMB = 2
# How an infinitive or an adjective fills the verb it completes.
_COMPLEMENTS = frozenset({"xcomp", "acomp", "ccomp"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "’ll", "would"})


def root_token(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic root of the tokens covering ``start``-``end``, if any."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def governing_tense(root: Token, vocabulary: Vocabulary) -> Tense | None:
    """The tense of the verb ``root`` depends on; "future" also when a word on the way
    points ahead ("set for Wednesday", "due in March", "payable Dec. 15"), "past" after
    "since".

    A cue reached through "on" or "at" dates the cue's own event ("the record set on
    Aug. 6"), so it points nowhere.
    """
    if _dates_a_noun(root):
        # "Wednesday's ruling", "the Oct. 23 slaying", "a June agreement": the time of
        # the noun's own event, not of the clause
        return None
    if root.dep_ == "pobj" and root.head.lower_ in vocabulary.past_prepositions:
        return "past"  # "since Jan. 13"
    below, token = root, root
    for _ in range(_MAX_CLIMB):
        cue = token is not root and token.lower_ in vocabulary.future_cues
        if cue and below.dep_ == "prep" and below.lower_ in vocabulary.point_prepositions:
            cue = token.dep_ != "acl"  # "the record set on Aug. 6" is past
        if below.dep_ in _SUBJECTS:
            cue = False  # "the figures for January extended a surge": the subject's time
        if cue and below is root and root.dep_ in _BARE_ADVERBIAL and token.tag_ == "VBD":
            cue = False  # "extended the offer Friday": when it was extended
        if cue and superseded_plan(token):
            return "past"  # "had been scheduled to expire at midnight Friday"
        if cue:
            return "future"
        if token.tag_.startswith("VB") or token.tag_ == "MD":
            return verb_tense(token, vocabulary, cue=token is root)
        if token.head is token:
            return None
        below, token = token, token.head
    return None


def verb_tense(
    verb: Token, vocabulary: Vocabulary, depth: int = 0, *, cue: bool = True
) -> Tense | None:
    """The tense of a verb, from its form and its auxiliaries (and, with ``cue``,
    from the verb itself when it points ahead: "scheduled", "plans")."""
    future_cues = vocabulary.future_cues
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    purpose = "to" in words and verb.dep_ in _LOOSE_CLAUSES and verb.head is not verb
    if purpose and depth < 2 and verb_tense(verb.head, vocabulary, depth + 1) == "past":
        # "gathered to mark the entry on Friday": an infinitive of purpose happens
        # when its main verb does (a past one); "planned to leave" still looks ahead
        return "past"
    if "to" in words and not words & _FUTURE_AUX and depth < 2:
        governed = infinitive_tense(verb, vocabulary, depth)
        if governed != "future" and not (cue and verb.lower_ in future_cues):
            return governed
    if words & _FUTURE_AUX or "to" in words or (cue and verb.lower_ in future_cues):
        return "future"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in _FUTURE_AUX else None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    if verb.tag_ == "VBN":
        if any(a.lower_ in _PRESENT_BE for a in auxiliaries):
            return "present"  # "when the case is heard in May"
        # "has met", "jailed in 1994": a perfect or a bare participle tells of the past
        return "past"
    if verb.tag_ == "VBG" and not auxiliaries and verb.head is not verb and depth < 2:
        # "saying ...": a participle clause takes its main verb's tense
        return verb_tense(verb.head, vocabulary, depth + 1)
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
        return "present"
    return None


def infinitive_tense(verb: Token, vocabulary: Vocabulary, depth: int) -> Tense | None:
    """The tense of a to-infinitive: it looks ahead under a word of plan, intent or
    expectation ("plans to sell in March", "is likely to report in December", "an offer
    to buy by Friday"), and otherwise happens when the verb it hangs from does: "was
    unable to meet demand into the summer", "allowed the crops to survive the winter".
    With no verb above ("Company to sell unit in May", a headline) it looks ahead."""
    governor = verb.head
    if governor.lemma_ == "be" and governor is not verb:
        return "future"  # "the talks are to resume on Monday": an arrangement
    for _ in range(_MAX_INFINITIVE_CLIMB):
        if governor.lemma_.lower() in vocabulary.intent_words or (
            governor.lower_ in vocabulary.intent_words
        ):
            return "past" if superseded_plan(governor) else "future"
        if governor.tag_.startswith("VB") or governor.tag_ == "MD":
            return verb_tense(governor, vocabulary, depth + 1)
        if governor.head is governor:
            break
        # "unable" in "was unable to meet", "the first" in "the first to leave": the
        # verb above the adjective or noun sets the time
        governor = governor.head
    return "future"


def superseded_plan(word: Token) -> bool:
    """Whether ``word`` (a cue or an intent word) states its plan in the past perfect:
    "It had been due to expire Friday", "had been scheduled to expire at midnight
    Friday". The perfect puts the plan before a past time, and news tells of a plan that
    way once its time is over or changed: the date lies back, not ahead."""
    for _ in range(_MAX_INFINITIVE_CLIMB + 1):
        verb = word if word.tag_.startswith("VB") else word.head
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
            return True
        if word.dep_ not in _COMPLEMENTS or word.head is word:
            return False
        word = word.head  # "expire" in "had been due to expire": the plan above it
    return False


def noun_event_tense(root: Token, vocabulary: Vocabulary) -> Tense | None:
    """For a date that qualifies a noun ("the Oct. 23 slaying"), "past" when the clause
    holding that noun tells of the past or a perfect ("police sought him after the Oct.
    23 slaying", "have searched since the October slaying"): the noun's event has
    happened. None otherwise, and for any other date."""
    if not _dates_a_noun(root):
        return None
    noun = root.head
    tense = governing_tense(noun, vocabulary)
    if tense == "past":
        return "past"
    verb = noun
    for _ in range(_MAX_CLIMB):
        if verb.tag_.startswith("VB") or verb.head is verb:
            break
        verb = verb.head
    perfect = any(c.dep_ == "aux" and c.lower_ in _PERFECT_AUX for c in verb.children)
    return "past" if tense == "present" and perfect else None


def _dates_a_noun(root: Token) -> bool:
    """Whether a date modifies a noun ("Wednesday's ruling", "the Oct. 23 slaying"): it
    dates the noun's own event, not the clause's."""
    return root.dep_ in _NOUN_MODIFIER and root.head.tag_.startswith("NN")
