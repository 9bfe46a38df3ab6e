"""Demands said in so many words: cue verbs and nouns, reported deontic modals, and
lists of steps that refer back to an earlier demand.

Each rule reads the dependency parse and returns :class:`Finding` records; the plugin
module turns them into claims.
"""

import bisect
from collections.abc import Iterator, Sequence

import attrs
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimkit.extractors.demands.cues import Lexicon
from claimkit.extractors.demands.taxonomy import DemandCue
from claimkit.extractors.demands.tokens import (
    child,
    children,
    entity_in,
    is_actor,
    is_agent,
    is_negated,
    is_passive,
    phrase,
    positions,
    predicate,
    same_mention,
    split_actions,
    subject_of,
    trim,
)
from claimkit.sources import is_pronoun, mention_tokens

_INFINITIVE_DEPS = ("xcomp", "ccomp", "advcl")
# Modals of a mandative that-clause: "demanded that the talks should resume".
_MANDATIVE = frozenset({"should", "must", "shall"})
# Prepositions that name whom an appeal is addressed to: "call on", "appeal to",
# "plead with".
_ADDRESSEE_PREPS = frozenset({"on", "upon", "to", "with"})
# Verbs whose object a nominal demand is, without being the demander's own act:
# "rejected the demand", "met their demands".
_NOT_DEMANDER_VERBS = frozenset(
    {"reject", "refuse", "ignore", "meet", "accept", "dismiss", "resist", "deny", "heed", "answer"}
)


@attrs.frozen(kw_only=True, eq=False)
class Finding:
    """One demanded action, as a rule found it.

    ``cue`` and ``condition`` are character offsets; the rest are tokens. ``lead`` is
    set on the first action of a cue: its evidence reaches back to the demander and the
    cue, later coordinated actions' evidence is the action alone. ``evidence`` is set
    when a rule knows the stretch the demand rests on (a conditional's whole clause).
    ``needs_category`` marks a finding that is a demand only if what it asks for falls in
    a category.
    """

    strength: str
    cue: tuple[int, int]
    action: Sequence[Token]
    demander: Token | None = None
    addressee: Token | None = None
    reporter: Token | None = None
    lead: bool = True
    evidence: tuple[int, int] | None = None
    condition: tuple[int, int] | None = None
    consequence: Sequence[Token] = ()
    needs_category: bool = False


def offsets(tokens: Sequence[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def reporter_of(token: Token, lexicon: Lexicon, demander: Token | None) -> Token | None:
    """The speaker a demand is reported by: the subject of the reporting verb whose
    complement holds it ("..., the first diplomat said"), or of "according to"."""
    current = token
    for _ in range(8):
        according = [c for c in current.children if c.lower_ == "according"]
        for prep in according:
            for to in children(prep, "prep"):
                for obj in children(to, "pobj"):
                    return None if same_mention(obj, demander) else obj
        edge, current = current.dep_, current.head
        if edge == "ROOT" or edge not in ("ccomp", "conj", "xcomp", "advcl", "parataxis"):
            return None
        if edge in ("ccomp", "parataxis") and current.lemma_.lower() in lexicon.words("reporting"):
            speaker = child(current, "nsubj")
            return None if speaker is None or same_mention(speaker, demander) else speaker
    return None


def _findings(
    strength: str,
    cue: tuple[int, int],
    region: Sequence[Token],
    demander: Token | None,
    addressee: Token | None,
    reporter: Token | None,
    *,
    split: bool = True,
) -> Iterator[Finding]:
    actions = split_actions(region) if split else [trim(region)]
    # "halt production or lose benefits": the penalty is no second action.
    actions = [a for a in actions if a and not _is_penalty(a[0])]
    for n, action in enumerate(actions):
        yield Finding(
            strength=strength,
            cue=cue,
            action=action,
            demander=demander,
            addressee=addressee,
            reporter=reporter,
            lead=n == 0,
        )


_PENALTY_VERBS = frozenset({"lose", "face", "risk", "suffer", "forfeit", "incur"})


def _is_penalty(token: Token) -> bool:
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.lemma_.lower() in _PENALTY_VERBS
        and before is not None
        and before.lower_ in ("or", "else")
    )


def _infinitive(verb: Token) -> Token | None:
    """A to-infinitive under ``verb``: "urged China *to release* ..."."""
    for c in verb.children:
        is_infinitive = any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
        if (
            c.dep_ in _INFINITIVE_DEPS
            and c.pos_ in ("VERB", "AUX")
            and c.i > verb.i
            and is_infinitive
        ):
            return c
    # "instructed all police prefects to reinforce ...": the tagger took the object for
    # a verb and hung the infinitive on it.
    for obj in children(verb, "dobj"):
        if obj.pos_ not in ("VERB", "AUX"):
            continue  # "demanded the right to terminate" asks for the right
        for c in children(obj, "xcomp", "acl"):
            if c.pos_ == "VERB" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
                return c
    # "warned them against escalating": the gerund is the content.
    for prep in children(verb, "prep"):
        if prep.lower_ == "against":
            for c in children(prep, "pcomp"):
                return c
    return None


def _misattached_conjuncts(verb: Token, action: Token) -> list[Token]:
    """Later actions hung on the cue instead of the first action ("pressuring China to
    release ..., allow ...", "urged Myanmar to free ..., lift ..."): conjuncts or second
    complements of the cue of the action's form, without a subject of their own."""
    found = []
    if action.tag_ not in ("VB", "VBP"):
        return []
    for c in children(verb, "conj", "xcomp"):
        has_subject = any(s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i for s in c.children)
        if c.i > action.i and c.tag_ in ("VB", "VBP") and not has_subject:
            found.append(c)
    return found


def _infinitive_region(action: Token, extra: Sequence[Token] = ()) -> list[Token]:
    # "for the city council to scrap the rules": the act, without whoever is to do it.
    left = {
        t.i
        for c in action.children
        if c.i < action.i and c.dep_ in ("nsubj", "mark", "aux")
        for t in c.subtree
    }
    tokens = [t for head in (action, *extra) for t in head.subtree if t.i not in left]
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens)
    return trim(list(action.doc[start : end + 1]))


def _followed_by_infinitive(noun: Token) -> Token | None:
    """The verb of "for Beijing *to lighten* ...", wherever the parser attached it."""
    doc = noun.doc
    last = max(t.i for t in noun.subtree)
    if last + 2 < len(doc) and doc[last + 1].lower_ == "to" and doc[last + 2].pos_ == "VERB":
        return doc[last + 2]
    # "pushing for the government *propose* a ceasefire": a bare subjunctive.
    if last + 1 < len(doc) and doc[last + 1].tag_ == "VB" and doc[last + 1].pos_ == "VERB":
        return doc[last + 1]
    return None


def _for_phrase(token: Token) -> tuple[Token, Token] | None:
    """The "for" preposition under ``token`` and its object."""
    for prep in children(token, "prep"):
        if prep.lower_ == "for":
            objects = children(prep, "pobj")
            if objects:
                return prep, objects[0]
    return None


def _that_clause(verb: Token) -> Token | None:
    """A mandative that-clause: "demanded that China release ...", "insisted the talks
    must go on"; an indicative one ("insisted he was innocent") is an assertion."""
    for c in verb.children:
        if c.dep_ not in ("ccomp", "acl") or c.i < verb.i or child(c, "nsubj", "nsubjpass") is None:
            continue
        if c.tag_ == "VB" or any(a.dep_ == "aux" and a.lower_ in _MANDATIVE for a in c.children):
            return c
        # A passive subjunctive: "demanded that control of the ministry *be taken* away".
        if any(a.dep_ == "auxpass" and a.lower_ == "be" for a in c.children):
            return c
        # A subjunctive the tagger took for a past or present form: "demanded that the
        # government resign", "demanding the administration cut off aid".
        subject = child(c, "nsubj", "nsubjpass")
        if subject is not None and subject.tag_ in ("NN", "NNP") and c.lower_ == c.lemma_.lower():
            return c
    return None


def _clause_subject(verb: Token) -> Token | None:
    current = verb
    for _ in range(4):
        if current.dep_ not in ("xcomp", "conj", "advcl") or current.head.i == current.i:
            return None
        current = current.head
        subject = child(current, "nsubj", "nsubjpass")
        if subject is not None:
            return subject
    return None


def is_party(token: Token, lexicon: Lexicon) -> bool:
    """Whether a noun phrase names someone who can be pressed: not a date, not a thing."""
    if token.ent_type_ in ("DATE", "TIME"):
        return False
    return is_agent(token, lexicon)


def _party_in(head: Token, lexicon: Lexicon) -> Token | None:
    """A party named in a demanded thing: "support *from the national government*", "a
    meeting *of the U.N. Security Council*"."""
    for prep in children(head, "prep"):
        if prep.lower_ in ("from", "of", "by"):
            for obj in children(prep, "pobj"):
                if is_actor(obj) and is_agent(obj, lexicon):
                    return obj
    return None


def _self_request(verb: Token, action: Token, lexicon: Lexicon) -> bool:
    """ "South Korea has requested to lease a training ground": a request verb with an
    infinitive of the requester's own act asks leave of someone unnamed."""
    if verb.lemma_.lower() not in lexicon.words("self_request"):
        return False
    # "Asked to point him out, Elliott gestured": a bare participle is a passive.
    if verb.tag_ == "VBN" and not any(a.dep_ == "aux" for a in verb.children):
        return False
    return not (is_passive(verb) or is_passive(action) or is_negated(action))


def _addressee_of_verb(verb: Token, cue: DemandCue, lexicon: Lexicon) -> Token | None:
    """Whom a cue verb presses: the subject of a passive, an object naming a party
    ("urged China", not "urged closer collaboration" nor "threatened Wednesday"), or
    the object of "call on", "appeal to", "plead with"."""
    if is_passive(verb):
        return child(verb, "nsubjpass")
    if not cue.object_is_content:
        obj = child(verb, "dobj")
        if obj is not None and is_party(obj, lexicon):
            return obj
    for prep in children(verb, "prep", "prt"):
        if prep.lower_ in _ADDRESSEE_PREPS:
            objects = [o for o in children(prep, "pobj") if is_party(o, lexicon)]
            if objects:
                return objects[0]
    return _recipient(verb, lexicon)


def _recipient(verb: Token, lexicon: Lexicon) -> Token | None:
    """Whom a letter or message that presses is sent to: "sent a letter *to the head of
    the WHO* threatening to pull funding", "wrote to Congress urging it to ..."."""
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or head.i == verb.i:
        return None
    if head.lemma_.lower() not in lexicon.words("sending_verbs"):
        return None
    for c in head.children:
        if c.dep_ == "dative" and c.lower_ != "to" and is_party(c, lexicon):
            return c  # "sent Reagan a letter requesting ..."
        if c.dep_ in ("dative", "prep") and c.lower_ == "to":
            found = [o for o in children(c, "pobj") if is_party(o, lexicon)]
            if found:
                return found[0]
    return None


def _subject_party(action: Token, lexicon: Lexicon) -> Token | None:
    """The subject of a demanded act, or the party named in it when the subject is the
    thing demanded: "demanded *support from the national government* to deal with"."""
    subject = child(action, "nsubj")
    if subject is None or is_party(subject, lexicon) or is_pronoun(subject):
        return subject
    return _party_in(subject, lexicon) or subject


def _bare_subjunctive(verb: Token, lexicon: Lexicon) -> Token | None:
    """A subjunctive after the object, without "that": "demanding the U.N.'s force in
    Lebanon *fulfil* its mandate" (the parser hangs the verb on the cue)."""
    obj = child(verb, "dobj")
    if obj is None or not is_party(obj, lexicon):
        return None
    last = max(t.i for t in obj.subtree)
    doc = verb.doc
    if last + 1 >= len(doc):
        return None
    following = doc[last + 1]
    if following.head.i == verb.i and following.pos_ == "VERB" and following.tag_ in ("VB", "VBP"):
        return following
    return None


def _for_clause(verb: Token, lexicon: Lexicon) -> tuple[Token, Token] | None:
    """ "pushing for the Afghan government (to) propose a ceasefire" parsed as a clause
    marked by "for": the marker and the clause."""
    for clause in children(verb, "advcl"):
        mark = child(clause, "mark")
        subject = child(clause, "nsubj")
        if (
            clause.i > verb.i
            and mark is not None
            and mark.lower_ == "for"
            and subject is not None
            and is_party(subject, lexicon)
        ):
            return mark, clause
    return None


def _cue_span(token: Token, particle: Token | None) -> tuple[int, int]:
    if particle is not None and 0 < particle.i - token.i <= 6:
        return token.idx, particle.idx + len(particle.text)
    return token.idx, token.idx + len(token.text)


def verb_demands(verb: Token, lexicon: Lexicon) -> Iterator[Finding]:
    """Demands a cue verb makes: "urged China to ...", "called for ...", "demanded that
    ...", "seeking concessions from ...", "threatened to ..."."""
    lemma = verb.lemma_.lower()
    cue = lexicon.verbs.get(lemma) or lexicon.object_verbs.get(lemma)
    if cue is None or verb.pos_ != "VERB" or is_negated(verb):
        return
    object_cue = lexicon.object_verbs.get(lemma)
    demander = subject_of(verb)
    if is_passive(verb) and child(verb, "agent") is None:
        if lemma in lexicon.words("obligation_verbs"):
            return  # "was required to", "were forced to": an obligation, no one demanding
        if any(a.dep_ == "aux" and a.lower_ in lexicon.modals for a in verb.children):
            return  # "farmers must be encouraged to cut": an opinion of what should be done
        demander = None
    elif demander is None:
        # "The provision was intended to encourage estates ...": the subject above the
        # verb, to be judged as a demander.
        demander = _clause_subject(verb)
        if demander is None:
            return  # "By requiring card issuers to disclose ...": nobody asks anybody
    if lemma == "call" and any(
        t.lemma_.lower() in lexicon.words("financial_calls") for t in verb.subtree
    ):
        return  # "called for redemption", "called the bonds for redemption"
    reporter = reporter_of(verb, lexicon, demander)
    addressee = _addressee_of_verb(verb, cue, lexicon)
    strength = cue.strength
    span = _cue_span(verb, None)

    action = _infinitive(verb)
    if (
        action is not None
        and strength != "threat"
        and (addressee or child(action, "nsubj")) is None
        and not _self_request(verb, action, lexicon)
    ):
        # "seeks to expand trade" is an intention, not a demand of anyone; "demanded an
        # end to the hostels, to be replaced by housing" asks for the object.
        action = None
    if action is not None:
        # "urged the government to pause" is often parsed with the addressee as the
        # infinitive's subject.
        addressee = addressee or _subject_party(action, lexicon)
        thing = child(verb, "dobj")
        if addressee is None and thing is not None:
            # "demanded support from the national government to deal with ..."
            addressee = _party_in(thing, lexicon)
        if action.tag_ == "VBG" and action.dep_ == "pcomp" and addressee is None:
            return  # "warned against expecting a turnaround" warns no one in particular
        region = _infinitive_region(action, _misattached_conjuncts(verb, action))
        if strength == "threat":
            consequence = trim(region)
            for finding in _findings(strength, span, region, demander, addressee, reporter):
                yield attrs.evolve(finding, consequence=consequence)
            return
        for prep in children(verb, "prep", "prt"):
            if (
                prep.lower_ in _ADDRESSEE_PREPS
                and addressee is not None
                and any(o.i == addressee.i for o in prep.children)
            ):
                span = _cue_span(verb, prep)
        yield from _findings(strength, span, region, demander, addressee, reporter)
        return

    clause = _that_clause(verb)
    if clause is not None and strength != "threat":
        target = child(clause, "nsubj", "nsubjpass")
        if is_passive(clause):
            # "recommended the campaign be funded by the governments": whoever is to
            # act is the agent; "asked that his name be withdrawn" names no one.
            agent = child(clause, "agent")
            target = next(iter(children(agent, "pobj")), None) if agent is not None else None
            target = target or addressee
            # What is to be done includes what it is done to: "his name be withdrawn".
            region = [t for t in clause.subtree if t.dep_ != "mark"]
            yield from _findings(strength, span, trim(region), demander, target, reporter)
            return
        yield from _findings(strength, span, predicate(clause), demander, target, reporter)
        return
    bare = _bare_subjunctive(verb, lexicon)
    if bare is not None and strength != "threat":
        target = child(verb, "dobj")
        yield from _findings(strength, span, _infinitive_region(bare), demander, target, reporter)
        return
    marked = _for_clause(verb, lexicon)
    if marked is not None and strength != "threat":
        mark, clause = marked
        target = child(clause, "nsubj")
        span = _cue_span(verb, mark)
        yield from _findings(strength, span, predicate(clause), demander, target, reporter)
        return

    found = _for_phrase(verb)
    blocking = child(verb, "dobj")
    if (
        found is not None
        and blocking is not None
        and blocking.i < found[0].i
        and not (is_actor(blocking) or is_pronoun(blocking))
    ):
        found = None  # "calls white sugar tenders for forward delivery"
    if found is not None and strength != "threat":
        prep, obj = found
        span = _cue_span(verb, prep)
        infinitive = _followed_by_infinitive(obj)
        if infinitive is not None:
            yield from _findings(
                strength, span, _infinitive_region(infinitive), demander, obj, reporter
            )
        else:
            yield from _findings(strength, span, phrase(obj), demander, addressee, reporter)
        return

    if strength == "threat":
        # "threatened Russia with a cyber attack"
        for prep in children(verb, "prep"):
            if prep.lower_ == "with":
                for obj in children(prep, "pobj"):
                    act = phrase(obj)
                    yield Finding(
                        strength=strength, cue=span, action=act, demander=demander,
                        addressee=child(verb, "dobj"), reporter=reporter, consequence=act,
                    )  # fmt: skip
        return

    sought = child(verb, "dobj")
    if sought is not None and sought.lemma_.lower() in lexicon.words("journalistic"):
        return  # "who requested anonymity"
    if object_cue is not None and sought is not None and not is_pronoun(sought):
        source: Token | None = None
        for prep in [*children(sought, "prep"), *children(verb, "prep")]:
            if prep.lower_ == "from":
                # "seeking concessions from China", not "withdrawal from the port".
                source = next((o for o in children(prep, "pobj") if is_party(o, lexicon)), None)
        if source is None:
            # "sought refuge in Niger": the country asked is where it is sought.
            source = _place_in([*children(sought, "prep"), *children(verb, "prep")])
        if source is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp"):
            # "116 people arrived in Kyrgyzstan seeking a refuge"
            source = _place_in(children(verb.head, "prep"))
        # Topic phrases hung on the verb belong to what is sought: "seeking a gesture
        # from China on human rights".
        topics = [
            p
            for p in children(verb, "prep")
            if p.i > sought.i and p.lower_ in lexicon.words("topic_preps")
        ]
        tokens = phrase(sought)
        if topics:
            last = max(t.i for p in topics for t in p.subtree)
            tokens = trim(list(verb.doc[tokens[0].i : last + 1]))
        for finding in _findings(
            object_cue.strength, span, tokens, demander, source, reporter, split=False
        ):
            # "seeking re-election" asks nothing of anyone: without an addressee, what is
            # sought must be a known kind of demand.
            vague = lemma in lexicon.words("needs_category")
            yield attrs.evolve(finding, needs_category=vague and source is None)


def is_place(token: Token) -> bool:
    """A country, region or place named by its head: "Kyrgyzstan", "Niger's Maradi
    region"; not "negotiations with South Africa's mining companies"."""
    if token.ent_type_ in ("GPE", "LOC"):
        return True
    if token.lemma_.lower() not in _PLACE_NOUNS:
        return False
    return any(t.ent_type_ in ("GPE", "LOC") for t in mention_tokens(token))


_PLACE_NOUNS = frozenset(
    {"region", "province", "district", "city", "state", "area", "capital", "country",
     "town", "village", "territory", "camp", "zone", "county", "island", "border"}
)  # fmt: skip


def _is_place(token: Token) -> bool:
    """Where something is sought: a place, or an organisation ("asylum in the embassy")."""
    return token.ent_type_ == "ORG" or is_place(token)


def _named_party(token: Token, lexicon: Lexicon) -> Token:
    """The party a cue noun is named after when the parser took the name for its
    modifier: "an ultimatum to *Damascus* warning of military action"."""
    if token.lemma_.lower() in lexicon.nouns:
        names = [c for c in token.children if c.dep_ == "compound" and is_actor(c)]
        if names:
            return names[-1]
    return token


def _noun_demander(noun: Token, lexicon: Lexicon) -> Token | None:
    """Who makes a nominal demand: "their demands", "calls by X", "a demand from X",
    or the subject of a verb of making it ("X issued an ultimatum", "X gave Y a
    deadline"); not of a verb that merely has it ("reduced demand for oil")."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            objects = children(c, "pobj")
            if objects:
                return objects[0]
    head = noun.head.lemma_.lower()
    if (
        noun.dep_ == "dobj"
        and head not in _NOT_DEMANDER_VERBS
        and head in lexicon.words("making_verbs")
    ):
        return subject_of(noun.head)
    return None


def _threat_noun(noun: Token, cue: DemandCue, lexicon: Lexicon) -> Iterator[Finding]:
    """ "threats by Erdogan that he would allow ...", "gave Canada a deadline to remove
    the waste", "issued an ultimatum to Turkey": a threat noun with its maker and what
    it threatens or demands."""
    demander = _noun_demander(noun, lexicon)
    if demander is None:
        return
    reporter = reporter_of(noun.head, lexicon, demander) if noun.head.i != noun.i else None
    addressee = None
    if noun.dep_ == "dobj":
        addressee = child(noun.head, "dative")
    for prep in children(noun, "prep"):
        if prep.lower_ in ("to", "on", "against", "for") and addressee is None:
            parties = [o for o in children(prep, "pobj") if is_actor(o) or is_party(o, lexicon)]
            addressee = _named_party(parties[0], lexicon) if parties else None
    span = _cue_span(noun, None)
    infinitive = next(
        (c for c in noun.children if c.dep_ in ("acl", "relcl", "xcomp") and _has_to(c)), None
    )
    if infinitive is None and addressee is not None:
        infinitive = _followed_by_infinitive(addressee)
    if infinitive is not None and infinitive.pos_ in ("VERB", "AUX"):
        if addressee is None and noun.lemma_.lower() != "threat":
            return  # "set a deadline to reach a deal": a timetable, not a threat
        region = _infinitive_region(infinitive)
        if noun.lemma_.lower() == "threat":
            yield Finding(
                strength=cue.strength, cue=span, action=trim(region), demander=demander,
                addressee=addressee, reporter=reporter, consequence=trim(region),
            )  # fmt: skip
        else:
            yield from _findings(cue.strength, span, region, demander, addressee, reporter)
        return
    for clause in noun.children:
        # "threats by Erdogan that he would allow ...": the act threatened.
        opens = child(clause, "mark") is not None or any(
            a.dep_ == "aux" and a.lower_ in lexicon.words("future") for a in clause.children
        )
        if clause.dep_ in ("acl", "ccomp") and clause.i > noun.i and opens:
            act = predicate(clause)
            yield Finding(
                strength=cue.strength, cue=span, action=act, demander=demander,
                addressee=addressee, reporter=reporter, consequence=act,
            )  # fmt: skip
            return
    if addressee is not None and noun.lemma_.lower() in ("ultimatum", "deadline"):
        # "issued an ultimatum to Damascus": the ultimatum itself is what is known; "a
        # travel warning for U.S. citizens" threatens no one.
        yield from _findings(cue.strength, span, phrase(noun), demander, addressee, reporter)


def _place_in(prepositions: list[Token]) -> Token | None:
    """The first place named after "in" among ``prepositions``."""
    return next(
        (
            place
            for prep in prepositions
            if prep.lower_ == "in"
            for place in children(prep, "pobj")
            if _is_place(place)
        ),
        None,
    )


def _has_to(verb: Token) -> bool:
    return any(a.lower_ == "to" and a.dep_ == "aux" for a in verb.children)


def noun_demands(noun: Token, lexicon: Lexicon) -> Iterator[Finding]:
    """Demands a cue noun makes: "calls by Western nations for Beijing to lighten ...",
    "an appeal to Belgium to extradite ...", "demands that ...", "a demand for ..."."""
    cue = lexicon.nouns.get(noun.lemma_.lower())
    if cue is None or noun.pos_ != "NOUN":
        return
    if cue.strength == "threat":
        yield from _threat_noun(noun, cue, lexicon)
        return
    demander = _noun_demander(noun, lexicon)
    reporter = reporter_of(noun.head, lexicon, demander) if noun.head.i != noun.i else None
    found = _for_phrase(noun)
    if found is None and demander is not None and demander.head.head.i == noun.i:
        # "calls by rights groups for Ankara to ...": the parser hangs "for" on the agent.
        found = _for_phrase(demander)
    if found is not None:
        prep, obj = found
        infinitive = _followed_by_infinitive(obj)
        span = _cue_span(noun, prep)
        if infinitive is not None and not is_actor(obj):
            return  # "demand for barges to supply those ships" is trade
        if infinitive is not None:
            region = _infinitive_region(infinitive)
            yield from _findings(cue.strength, span, region, demander, obj, reporter)
        # "the demand for oil" is economics, "requests for barley" trade: a bare
        # "demand for" needs someone making it.
        elif demander is not None:
            yield from _findings(cue.strength, span, phrase(obj), demander, None, reporter)
        return
    addressee = None
    for prep in children(noun, "prep"):
        if prep.lower_ in ("to", "on"):
            addressee = next(iter(children(prep, "pobj")), None)
    for clause in noun.children:
        if clause.dep_ in ("acl", "ccomp") and clause.i > noun.i and clause.pos_ == "VERB":
            if any(a.lower_ == "to" for a in clause.children):
                if addressee is not None:
                    region = _infinitive_region(clause)
                    yield from _findings(
                        cue.strength, _cue_span(noun, None), region, demander, addressee, reporter
                    )
            elif child(clause, "mark") is not None and child(clause, "nsubj") is not None:
                target = child(clause, "nsubj")
                yield from _findings(
                    cue.strength,
                    _cue_span(noun, None),
                    predicate(clause),
                    demander,
                    target,
                    reporter,
                )
            return


def _modal_clause(token: Token, lexicon: Lexicon) -> tuple[Token, DemandCue] | None:
    """The clause a deontic modal governs: "Beijing *must* release", "China *needs to*
    ..."; with its cue."""
    lower = token.lower_
    if token.dep_ == "aux" and lower in lexicon.modals and lower not in ("need", "have"):
        return token.head, lexicon.modals[lower]
    lemma = token.lemma_.lower()
    if lemma in lexicon.modals and lemma in ("need", "have", "ought") and token.pos_ != "NOUN":
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if following is None or following.lower_ != "to":
            return None  # "had several names under consideration to replace Gates"
        for c in children(token, "xcomp"):
            if any(a.lower_ == "to" for a in c.children):
                return c, lexicon.modals[lemma]
    return None


def _forecast(clause: Token, lexicon: Lexicon) -> bool:
    """Whether a must/should clause forecasts rather than demands: its verb is not an
    act ("should experience an improvement", "prices should rise") or its object is a
    result ("should show a profit")."""
    lemma = clause.lemma_.lower()
    objects = children(clause, "dobj")
    if lemma in lexicon.words("non_agentive"):
        return True
    if lemma in lexicon.words("change_verbs") and not objects:
        return True
    return any(o.lemma_.lower() in lexicon.words("result_nouns") for o in objects)


def _own_party(target: Token) -> bool:
    """ "her bank", "our company", "its unit": a party the speaker speaks for."""
    return any(c.dep_ == "poss" and is_pronoun(c) for c in target.children)


def reporting_after(clause: Token, lexicon: Lexicon) -> Token | None:
    """ "Y must ..., X said" parsed with "said" hung on the content's verb."""
    for c in clause.children:
        if (
            c.dep_ in ("parataxis", "conj", "ccomp", "advcl")
            and c.i > clause.i
            and c.lemma_.lower() in lexicon.words("reporting")
            and not any(x.dep_ in ("dobj", "ccomp", "xcomp") for x in c.children)
        ):
            return c
    return None


def _ready_to(clause: Token) -> Token | None:
    """ "must be ready to mediate": the act one must be ready for."""
    for adjective in children(clause, "acomp"):
        if adjective.lemma_.lower() in ("ready", "prepared", "willing"):
            for verb in children(adjective, "xcomp"):
                if _has_to(verb):
                    return verb
    return None


def deontic_demands(token: Token, lexicon: Lexicon) -> Iterator[Finding]:
    """A reported must/should: "X said Y must ..." is X's demand of Y."""
    found = _modal_clause(token, lexicon)
    if found is None:
        return
    clause, cue = found
    governor = clause if token.dep_ == "aux" else token
    target = child(governor, "nsubj")
    if target is None or not is_actor(target) or not is_agent(target, lexicon):
        return
    if is_passive(clause) or _own_party(target):
        return
    if token.dep_ != "aux" and any(
        a.dep_ == "aux" and a.lower_ in lexicon.words("future") for a in token.children
    ):
        return  # "the companies will have to install ...": a necessity foreseen
    act = clause
    if clause.lemma_ == "be":
        ready = _ready_to(clause)
        if ready is None:
            return
        act = ready
    if _forecast(act, lexicon):
        return
    current = governor
    while current.dep_ == "conj":
        current = current.head
    reporting: Token | None = current.head
    if current.dep_ not in ("ccomp", "parataxis"):
        reporting = reporting_after(current, lexicon)
    if reporting is None or reporting.lemma_.lower() not in lexicon.words("reporting"):
        return
    speaker = child(reporting, "nsubj")
    if speaker is None or same_mention(speaker, target):
        return
    start = token.i + 1
    if token.dep_ != "aux":
        start = clause.i
    if act is not clause:
        start = act.i
    tokens = [t for t in act.subtree if t.i >= start]
    if reporting.i > act.i:
        # "Y must ..., X said": the content stops where the saying starts.
        after = [c.left_edge.i for c in reporting.children if c.i > act.i and c.i != current.i]
        stop = min([reporting.i, *after])
        tokens = [t for t in tokens if t.i < stop]
    region = trim(list(clause.doc[start : max(t.i for t in tokens) + 1])) if tokens else []
    span = offsets([token]) if token.dep_ == "aux" else offsets(list(token.doc[token.i : clause.i]))
    yield from _findings(cue.strength, span, region, speaker, target, None)


def step_demands(
    sentence: SpacySpan, previous: Sequence[SpacySpan], lexicon: Lexicon
) -> Iterator[Finding]:
    """A list that spells out an earlier sentence's demand: "... what steps they might
    take. These steps are releasing ..., signing ... and resuming ...".

    The demander is who speaks in the earlier sentence, the addressee who would take the
    steps there.
    """
    root = sentence.root
    subject = child(root, "nsubj")
    if subject is None or subject.lemma_.lower() not in lexicon.words("steps"):
        return
    if not any(d.lower_ in ("these", "those") for d in children(subject, "det")):
        return
    # "are releasing ..." is parsed as a progressive, "are: releasing" as an attribute.
    gerunds = [c for c in root.children if c.dep_ in ("attr", "xcomp") and c.tag_ == "VBG"]
    first = root if root.tag_ == "VBG" else next(iter(gerunds), None)
    if first is None:
        return
    noun = subject.lemma_
    earlier = [t for s in reversed(previous) for t in s if t.lemma_ == noun and t.i < subject.i]
    antecedent = next(iter(earlier), None)
    if antecedent is None:
        return
    top = antecedent.sent.root
    demander = child(top, "nsubj")
    # "what steps they might take", "take these steps": who would take them.
    clauses = [antecedent.head] if antecedent.dep_ == "dobj" else children(antecedent, "relcl")
    taker = next((s for c in clauses if (s := subject_of(c)) is not None), None)
    if taker is not None and is_pronoun(taker):
        before = antecedent.doc[antecedent.sent.start : taker.i]
        taker = entity_in(reversed(list(before)), exclude=demander)
    region = trim(list(sentence.doc[first.i : sentence.end]))
    for finding in _findings("demand", offsets([subject]), region, demander, taker, None):
        yield attrs.evolve(finding, lead=False)


def explicit_demands(doc: Doc, lexicon: Lexicon) -> Iterator[Finding]:
    """Every demand the cue verbs, cue nouns, deontic modals and step lists make."""
    sentences = list(doc.sents)
    cues = iter(positions(doc, lexicon.triggers))
    steps = positions(doc, lexicon.words("steps"))
    cue = next(cues, None)
    for n, sentence in enumerate(sentences):
        while cue is not None and cue < sentence.end:
            token = doc[cue]
            yield from verb_demands(token, lexicon)
            yield from noun_demands(token, lexicon)
            yield from deontic_demands(token, lexicon)
            cue = next(cues, None)
        # Only a sentence with a word like "steps" in it can spell out a list of steps.
        if bisect.bisect_left(steps, sentence.start) < bisect.bisect_left(steps, sentence.end):
            yield from step_demands(sentence, sentences[max(0, n - 2) : n], lexicon)
