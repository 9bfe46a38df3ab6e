"""Attributions read off the dependency parse: a cue, its source and its content.

Three shapes cover most of news: a cue verb with a clausal complement ("X said (that)
Y", "Y, X said", "X told Reuters Y", "X, saying Y"), a cue verb with an object and an
infinitive ("X urged Z to Y", "X vowed to Y"), and the phrase "according to X". The
content is widened to whole quotations it touches, so a quotation that runs over
several sentences stays one content, and the style follows from the quotation marks.
"""

import functools
import re
import tomllib
from collections.abc import Iterator, Sequence
from importlib import resources

import attrs
from spacy.tokens import Doc, Token

from claimkit.extractors.statements.lexicon import Lexicon
from claimkit.extractors.statements.model import CueModel, quoted_tokens
from claimkit.extractors.statements.quotes import quote_spans
from claimkit.sources import mention_source, token_span, vocabulary
from claimkit.types import Claim, Document, Source, Span

EXTRACTOR = "statements"
#: What a cue gives: the source's head word (None where the text names no one: "is
#: expected to"), the cue's and the content's character ranges, and the source
#: mention's words where they are known better than the parse tells (a colon label).
Attribution = tuple[Token | None, tuple[int, int], tuple[int, int], list[Token] | None]
#: The kind of a cue the model found that the lexicon does not list: what it attributes
#: may be a clause, an infinitive or a noun phrase ("criticized the plan").
LEARNED = "learned"
_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE = ("who", "which", "that", "whom")
# Dependents that hang a complement clause or an infinitive off a cue verb.
_CLAUSE = ("ccomp",)
_INFINITIVE = ("xcomp",)
_OBJECTS = ("dobj", "dative")
# Prepositions whose object is what a cue is about: "insisted on", "talked about",
# "railed against", "boasted of", "called for", "balked at".
_CONTENT_PREPS = frozenset({"on", "about", "against", "of", "for", "at", "over", "with"})
# Prepositions that name who is to do what a cue asks: "called on X to Y".
_ADDRESSEE_PREPS = frozenset({"on", "upon", "for"})
_EDGE_PUNCT = ",;:.-–—"
# Prepositions after an object content that say when or despite what, never what is
# said of it: "criticized the plan *during the debate*".
_CIRCUMSTANCE_PREPS = frozenset({"during", "after", "before", "despite", "amid", "following"})
# The occasions and channels of a statement: "blamed X *in a tweet*", "at a rally".
_OCCASIONS = frozenset(
    {"interview", "speech", "tweet", "conference", "rally", "letter", "email", "order", "event"}
)
# A dash that signs a quotation, as features and lists of reactions do.
_SIGNATURE = re.compile(r"[ \t]*[―—–-][ \t]*")


def extract_statements(
    doc: Doc,
    document: Document,
    lexicon: Lexicon,
    model: CueModel | None = None,
    sourceless: bool = False,
) -> Iterator[Claim]:
    """Every attributed statement of ``doc`` whose cue is in ``lexicon`` or, with a
    ``model``, that the model takes for a cue; with ``sourceless``, also those that name
    no source ("X is expected to Y", "X seemed to Y"), as PolNeAR counts them."""
    text = document.text
    quotes = quote_spans(text)
    quoted = quoted_tokens(doc, quotes)
    # Nouns that head cues: the lexicon's, and those the learned scorer knows.
    cue_nouns = frozenset(lexicon.nouns) | (model.nouns if model is not None else frozenset())
    found: list[tuple[Source | None, tuple[int, int], tuple[int, int]]] = []
    # Where beliefs are told (their cues' starts): one inside what someone else says is
    # that speaker's account, not an attribution of its own ("X said Y thinks Z").
    beliefs: set[int] = set()
    for token in doc:
        if token.idx < document.body_start:
            continue
        attribution = None
        lemma = token.lemma_.lower()
        verb = token.pos_ in ("VERB", "AUX")
        if verb and token.i in quoted:
            # "'I think we will win,' she said": the quotation is the statement; PolNeAR
            # rarely marks the cues inside it (7 of the 39 such statements of train).
            continue
        p = model.score(token, token.i in quoted) if model is not None and verb else 0.0
        # A verb with a noun phrase for content ("stressed the importance of the talks")
        # is a statement only where the learned scorer is sure of it.
        objects = model is not None and p >= model.object_threshold
        if lemma in lexicon.verbs and verb:
            kind = lexicon.verbs[lemma]
            attribution = _verb_attribution(
                token, kind, text, quotes, cue_nouns, objects, sourceless
            )
            if attribution is not None and kind == "belief":
                beliefs.add(attribution[1][0])
        elif _starts_phrase(token, lexicon):
            attribution = _according_to(token)
        elif token.text == ":":
            attribution = _colon_attribution(token, text)
        elif token.pos_ == "NOUN" and lemma in lexicon.nouns:
            attribution = _noun_attribution(token)
        elif model is not None and verb and p >= model.threshold:
            attribution = _verb_attribution(token, LEARNED, text, quotes, cue_nouns, objects)
        if attribution is None:
            continue
        source_head, cue, reported, label = attribution
        content = _trim(text, _widen_to_quotes(reported, quotes))
        if content[1] - content[0] < 2:
            continue
        if source_head is None:
            found.append((None, cue, content))
            continue
        source = mention_source(source_head, label)
        mention = source.mentions[0]
        inside = mention.start < content[1] and content[0] < mention.end
        if inside and not reported[0] <= cue[0] < cue[1] <= reported[1]:
            # The "source" is part of what is said: a misparse, unless the attribution
            # stands inside what it reports ("Y1, X said, Y2").
            continue
        if label is None and not inside:
            source = attrs.evolve(source, mentions=(_whole_mention(source_head, cue, content),))
        found.append((source, cue, content))
    for source_head, cue, content, label in _signed_quotations(doc, text, quotes):
        if source_head is not None and not any(c[0] == cue[0] for _, c, _ in found):
            found.append((mention_source(source_head, label), cue, content))
    contents = [content for _, _, content in found]
    cues = [cue for _, cue, _ in found]
    for speaker, cue, content in found:
        if cue[0] in beliefs and any(c[0] <= cue[0] < c[1] for c in contents if c != content):
            continue
        style = _style(content, _own_quotes(content, quotes, contents))
        if style != "indirect":
            content = _continue_quotation(text, content, cue, quotes, cues, _sentence_end(doc, cue))
        said_by = speaker.mentions[0] if speaker is not None else None
        start = min(cue[0], content[0], *([said_by.start] if said_by else []))
        end = max(cue[1], content[1], *([said_by.end] if said_by else []))
        yield Claim(
            kind="statement",
            doc_id=document.id,
            extractor=EXTRACTOR,
            evidence=Span.of(text, start, end),
            source=speaker,
            source_mention=said_by,
            cue=Span.of(text, *cue),
            content=Span.of(text, *content),
            style=style,
        )


def _whole_mention(head: Token, cue: tuple[int, int], content: tuple[int, int]) -> Span:
    """The source as PolNeAR marks it: the whole noun phrase, with the appositives and
    parentheses that describe the speaker ("Sen. Johnny Isakson (R-Ga.), one of the
    bill's co-authors,") and the comma that closes them, but nothing of the cue or the
    content, nor of a line before it ("11 a.m.\n\nX said"), nor a leading "even". A
    relative clause or participle set off by a comma before the cue is left out
    ("Barkley, who votes democratic, said"); one after it is kept ("said X, who ...")."""
    doc = head.doc
    relative = _relative_pronoun(head, cue)
    if relative is not None:
        return token_span([relative])
    aside = {
        t.i
        for c in head.rights
        if (_is_aside(c) and head.idx < cue[0]) or c == _cued_clause(head, cue)
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
        or doc[start].lower_ in _conventions("focus_particles")
    ):
        start += 1
    while end > head.i and (doc[end].is_punct or doc[end].is_space) and doc[end].text != ")":
        end -= 1
    described = any(doc[i].text in (",", "(") for i in range(head.i, end))
    if described and end + 1 < len(doc) and doc[end + 1].text == ",":
        end += 1  # the comma that closes ", the former governor,"
    return token_span(list(doc[start : end + 1]))


def _relative_pronoun(head: Token, cue: tuple[int, int]) -> Token | None:
    """The "who" of "X, who said Y": PolNeAR's source of a cue in a relative clause is
    the relative pronoun, not the noun phrase it stands for."""
    clause = _cued_clause(head, cue)
    if clause is None:
        return None
    return next((c for c in clause.lefts if c.dep_ in _SUBJECTS and c.lower_ in _RELATIVE), None)


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
    return clause and edge.i > 0 and edge.nbor(-1).text in ",—–-"


def _continue_quotation(
    text: str,
    content: tuple[int, int],
    cue: tuple[int, int],
    quotes: list[tuple[int, int]],
    cues: list[tuple[int, int]],
    sentence_end: int,
) -> tuple[int, int]:
    """Extend a quotation over the quoted sentences that follow its attribution with no
    cue of their own: '"Q1," he said. "Q2."' is one statement whose content runs from Q1
    to Q2 (PolNeAR marks the two pieces; their hull is the content). The attribution
    between may describe the speaker at length ('"Q1," she told her audience, a mix of
    students and business people in Philadelphia. "Q2."'), hence up to 200 characters.
    The attribution sentence (it ends at ``sentence_end``) may hold cues and quotations
    of its own: '"Q1," said X, who declined to be named, referring to the "Gang of
    Eight." "Q2."' still runs on to Q2; a cue in a later sentence starts a statement
    of its own."""
    start, end = content
    position = max(end, cue[1])
    for q_start, q_end in quotes:
        if q_start < position:
            continue
        between = text[position:q_start]
        # Only the rest of the attribution sentence ("he said.") and white space between.
        if (
            q_start - max(end, cue[1]) > 200
            or "\n\n" in between
            or any(sentence_end <= c[0] < q_end and c[0] >= position for c in cues)
            or _introduced(text, cue, cues, position, q_start)
        ):
            break
        if between.strip() and not between.strip().endswith((".", ":", ";", ",")):
            if q_start < sentence_end:
                # A title or a phrase the attribution quotes ('said on NBC's "Meet the
                # Press."'): not what was said, but no end of it either.
                position = q_end
                continue
            break
        if text[q_start:q_end].rstrip("\"”'»").endswith(","):
            break  # '"Q2," she added': a quotation with an attribution of its own
        end = position = q_end
    return start, end


def _introduced(
    text: str, cue: tuple[int, int], cues: list[tuple[int, int]], position: int, q_start: int
) -> bool:
    """Whether another cue of the attribution introduces the quotation at ``q_start``
    ('"Q1," she said, adding, "Q2."', 'Cruz said as the heckler yelled: "Q2"'): Q2 is
    that cue's content, not the continuation of Q1."""
    return any(
        c[0] > cue[0]
        and position <= c[0]
        and c[1] <= q_start
        and text[c[1] : q_start].strip() in (":", ",")
        for c in cues
    )


def _sentence_end(doc: Doc, cue: tuple[int, int]) -> int:
    """Where the sentence of the cue ends (a character offset)."""
    words = doc.char_span(*cue, alignment_mode="expand")
    return words.sent.end_char if words is not None and len(words) else cue[1]


def _own_quotes(
    content: tuple[int, int], quotes: list[tuple[int, int]], contents: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The quotations of ``content`` that are not inside a statement nested in it: in
    "The administration urged X to "Y", the memo said", the quotation is the
    administration's, and the memo's statement is indirect."""
    nested = [c for c in contents if c != content and content[0] <= c[0] and c[1] <= content[1]]
    return [q for q in quotes if not any(n[0] <= q[0] and q[1] <= n[1] for n in nested)]


def _verb_attribution(
    verb: Token,
    kind: str,
    text: str,
    quotes: list[tuple[int, int]],
    cue_nouns: frozenset[str],
    objects: bool = False,
    sourceless: bool = False,
) -> Attribution | None:
    """The attribution of a cue verb; ``cue_nouns`` are the nouns that head cues
    ("support", "concern"); with ``objects``, its object may be the content
    ("criticized the plan"); with ``sourceless``, it may name no source ("is expected
    to", "seemed to")."""
    if verb.dep_ == "xcomp" and verb.tag_ != "VBG":
        return None  # "vowed to tell it like it is": the telling is what was vowed
    if kind == "impression":
        return _impression(verb) if sourceless else None
    source = _subject(verb)
    if source is None:
        return _impersonal(verb) if sourceless and kind != LEARNED else None
    cue = _cue_span(verb)
    chained = _chained(verb) or _participle_of_object(verb, cue_nouns)
    if chained is not None:
        # "is continuing to insist | she will ...", "tried to portray | X as Y": the
        # cue runs through the infinitive's verb, whose complement is the content.
        content = _complement(chained, kind, source, quotes) or _object_content(chained, cue_nouns)
        if content is not None:
            end = max(_cue_particle_end(chained, content, cue_nouns), _cue_end(chained, content))
            return source, (cue[0], end), content, None
    # "is critical of Y", "are convinced that Y", "is eager to Y": the adjective takes
    # the content and belongs to the cue.
    words = _adjective(verb) or verb
    cue = cue[0], _end(words)
    content = _complement(words, kind, source, quotes)
    if content is None and kind != "belief" and words is verb and not _trailing_participle(verb):
        # A learned cue is rarely a verb of saying that a quotation before it hangs
        # on ('"...", the crowd cheered'), but often one that quotes what follows
        # ('called him "Lyin' Ted"').
        content = _adjacent_quotation(text, source, cue, quotes, before=kind != LEARNED)
    if content is None and objects:
        content = _object_content(words, cue_nouns)
        if content is not None:
            cue = cue[0], max(cue[1], _cue_particle_end(words, content, cue_nouns))
    if content is None:
        return None
    return source, (cue[0], max(cue[1], _cue_end(words, content))), content, None


def _cue_end(words: Token, content: tuple[int, int]) -> int:
    """Where a cue ends that runs on past its verb: over the particles and adverbs
    right after it ("points out", "said sarcastically", "added warily") and a colon
    before what follows ("continued:"), as PolNeAR marks it; never into the content."""
    end = _end(words)
    for token in words.doc[words.i + 1 : words.sent.end]:
        if content[0] < _end(token) and token.idx < content[1]:
            break
        if token.head == words and (
            token.dep_ == "prt"
            or (token.dep_ == "advmod" and token.tag_ != "WRB")
            or (_made_clear(token) and token.idx < content[0])
        ):
            end = _end(token)
        elif token.text == ":" and token.idx < content[0]:
            return _end(token)
        elif token.head == words and token.dep_ == "prep" and _end(token) < content[0]:
            # "called on | X to Y": a preposition whose object begins the content
            if token.nbor(1).idx == content[0]:
                return _end(token)
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


def _chained(verb: Token) -> Token | None:
    """The verb of the infinitive a catenative verb passes its subject on to
    ("continued to *insist*", "tried to *show*"), if ``verb`` is one and has one."""
    if verb.lemma_.lower() not in _conventions("catenatives"):
        return None
    return next(
        (c for c in verb.rights if c.dep_ in _INFINITIVE and _is_infinitive(c)),
        None,
    )


def _participle_of_object(verb: Token, cue_nouns: frozenset[str]) -> Token | None:
    """The participle that says what a cue noun as object says ("issued a statement
    *saying* Y"): PolNeAR's cue runs through it and the content is its clause."""
    for noun in verb.rights:
        if noun.dep_ != "dobj" or not _heads_cues(noun, cue_nouns):
            continue
        for participle in noun.rights:
            if (
                participle.dep_ == "acl"
                and participle.tag_ == "VBG"
                and participle.i == noun.i + 1
                and any(c.dep_ in _CLAUSE for c in participle.children)
            ):
                return participle
    return None


@functools.cache
def _conventions(kind: str) -> frozenset[str]:
    """A word list of ``conventions.toml``: ``catenatives``, ``light_verbs``,
    ``linking_adverbs`` or ``focus_particles``."""
    data = tomllib.loads(
        resources.files(__package__).joinpath("conventions.toml").read_text("utf-8")
    )
    return frozenset(data[kind])


def _adjective(verb: Token) -> Token | None:
    """The adjective of "be" ("is critical of", "are worried about"), if any."""
    if verb.lemma_ != "be":
        return None
    return next((c for c in verb.rights if c.dep_ == "acomp"), None)


def _impersonal(verb: Token) -> Attribution | None:
    """A passive cue with no agent: "X is expected to Y", "X is said to Y", "it was
    reported that Y". PolNeAR marks no source."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ == "nsubjpass"]
    if (
        verb.tag_ != "VBN"
        or not subjects
        or any(c.dep_ == "agent" for c in children)
        or not any(c.dep_ == "auxpass" for c in children)
    ):
        return None
    return _unsourced(verb, subjects[0])


def _impression(verb: Token) -> Attribution | None:
    """An impression nobody is named for: "X seemed to Y", "it appears that Y"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None if subject is None else _unsourced(verb, subject)


def _unsourced(verb: Token, subject: Token) -> Attribution | None:
    """What a cue without a source says: the clause after an expletive "it", or the
    subject with the infinitive ("X ... to Y"); nothing after a relative pronoun."""
    if subject.tag_ in ("WDT", "WP"):
        return None  # "it" is never one: the order of the two tests does not matter
    children = list(verb.children)
    clause = next((c for c in children if c.dep_ in _CLAUSE), None)
    if clause is not None and subject.lower_ == "it":
        return None, _cue_span(verb), _range(_without_other_cues(clause)), None
    infinitive = next((c for c in children if c.dep_ in _INFINITIVE and _is_infinitive(c)), None)
    if infinitive is None:
        return None
    return None, _cue_span(verb), _range([*subject.subtree, *_without_other_cues(infinitive)]), None


def _cue_particle_end(verb: Token, content: tuple[int, int], cue_nouns: frozenset[str]) -> int:
    """Where a cue ends that takes its content through a particle or a preposition:
    PolNeAR's cue is "called for", "insisted on", "railed against", not the bare verb."""
    end = _end(verb)
    for child in verb.rights:
        if child.dep_ in ("prt", "prep") and _end(child) <= content[0]:
            end = max(end, _end(child))
        if child.dep_ == "dobj" and _light_object_topic(child, cue_nouns) is not None:
            end = max(end, _end(child.nbor(1)))  # "voiced support for"
        if child.dep_ == "dobj" and _bare_noun_clause(child, cue_nouns) is not None:
            end = max(end, _end(child))  # "expressed concern | that Y"
    return end


def _object_content(verb: Token, cue_nouns: frozenset[str]) -> tuple[int, int] | None:
    """What a cue verb attributes when it takes no clause: its object ("cited the
    report", "called the charges unsubstantiated", "mocked Romney for hiding his
    returns") or the object of its preposition ("insisted on building a wall").
    The object runs on over the complements that say what is said of it."""
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        # "His comments were derided by X": what X spoke of is the subject.
        if _agent(verb) is None or passive[0].tag_ in ("WDT", "WP", "PRP"):
            return None
        return _range(list(passive[0].subtree))
    objects = [c for c in verb.rights if c.dep_ == "dobj"]
    if objects and _noun_attribution(objects[0]) is not None:
        return None  # "repeated her claim that ...": the claim is the attribution
    if objects:
        topic = _light_object_topic(objects[0], cue_nouns) or _bare_noun_clause(
            objects[0], cue_nouns
        )
        if topic is not None:
            return _range(list(topic.subtree))
        tokens = _without_aside(objects[0])
        for child in verb.rights:
            if child.i > objects[0].i and _describes_object(child):
                tokens += list(child.subtree)
        return _range(tokens)
    for child in verb.rights:
        if child.dep_ != "prep" or child.lower_ not in _CONTENT_PREPS:
            continue
        found = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        if found:
            return _range(list(found[0].subtree))
    return None


def _light_object_topic(noun: Token, cue_nouns: frozenset[str]) -> Token | None:
    """The object of the preposition after a noun that heads cues ("voiced *support*
    for X", "expressed *concern* about X"): with a light verb, noun and preposition
    belong to the cue and X is the content (PolNeAR)."""
    if (
        noun.i + 1 >= len(noun.doc)
        or not _heads_cues(noun, cue_nouns)
        or noun.head.lemma_.lower() not in _conventions("light_verbs")
        or any(c.dep_ == "poss" for c in noun.children)
    ):
        return None  # "expressed his support for X": his support is what is expressed
    prep = noun.nbor(1)
    if prep.head != noun or prep.dep_ != "prep" or prep.lower_ not in _CONTENT_PREPS:
        return None
    return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)


def _bare_noun_clause(noun: Token, cue_nouns: frozenset[str]) -> Token | None:
    """The clause or infinitive right after a bare noun that heads cues, the object of a
    light verb ("expressed *concern* that Y", "voiced *doubt* that Y"): the noun belongs
    to the cue and the clause is the content (PolNeAR)."""
    if (
        not _heads_cues(noun, cue_nouns)
        or noun.head.lemma_.lower() not in _conventions("light_verbs")
        or any(c.dep_ in ("det", "poss") for c in noun.children)
    ):
        return None
    return next(
        (
            c
            for c in noun.rights
            if c.dep_ in ("acl", "ccomp")
            and c.left_edge.i == noun.i + 1
            and (_is_infinitive(c) or any(m.dep_ == "mark" for m in c.children))
        ),
        None,
    )


def _heads_cues(noun: Token, cue_nouns: frozenset[str]) -> bool:
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in cue_nouns


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
            and child.left_edge.nbor(-1).text == ","
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
        return _is_infinitive(child) or (
            child.tag_ == "VBG" and child.left_edge.i > 0 and child.left_edge.nbor(-1).text != ","
        )
    return child.dep_ in ("oprd", "xcomp", "ccomp")


def _circumstance(prep: Token) -> bool:
    """A phrase that says when, where or how something was said, not what: "on
    Friday", "during the debate", "in a tweet", "at a rally", "by citing a poll"."""
    if prep.lower_ in _CIRCUMSTANCE_PREPS:
        return True
    objects = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    if any(g.ent_type_ in ("DATE", "TIME") for g in objects):
        return True
    if prep.lower_ == "by":
        return any(g.tag_ == "VBG" for g in objects)
    return any(g.lemma_.lower() in _OCCASIONS for g in objects)


def _adjacent_quotation(
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
    end = max(source.right_edge.idx + len(source.right_edge.text), cue[1])
    for q_start, q_end in quotes:
        if before and q_end <= start and text[q_end:start].strip(" \t,—–-") == "":
            return q_start, q_end
        if q_start >= end and text[end:q_start].strip(" \t,:") == "":
            return q_start, q_end
    return None


def _subject(verb: Token) -> Token | None:
    """Who does the saying: the subject, inherited through coordination ("vowed ... but
    also said"), participles ("..., saying") and relative clauses ("who has said"); the
    agent of a passive ("was derided by X")."""
    agent = _agent(verb)
    if agent is not None:
        return agent
    for child in verb.children:
        if child.dep_ == "nsubj" and child.tag_ != "EX":
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return None if child.lower_ in _RELATIVE else child
        if child.dep_ == "nsubjpass":
            # "X was quoted as saying" is handled from "saying"; other passives
            # ("is expected", "was told") do not name the one who speaks.
            return None
    head = verb.head
    trailing = _trailing_source(verb)
    if trailing is not None:
        return trailing
    if verb.dep_ in ("conj", "xcomp") and head.pos_ in ("VERB", "AUX"):
        return _subject(head)
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head  # "the share of Republicans saying ...", "critics blasting ..."
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and head.dep_ == "ccomp"
        and verb.nbor(-1).text == ","
        and _is_cued(verb)
    ):
        # "X said Y would reopen, saying Z": the parser hangs the participle on the
        # reported clause; the one who says Z is the one who said Y.
        return _subject(head.head)
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "acl", "conj"):
        return _subject(head) if head.dep_ != "relcl" else head.head
    if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.lemma_ == "quote":
        passive = [c for c in head.head.children if c.dep_ == "nsubjpass"]
        return passive[0] if passive else None
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
        # "ended the speech by saying ...", "since announcing ...": the one who acts.
        return _subject(head.head) if head.head.dep_ != "relcl" else head.head.head
    return None


def _agent(verb: Token) -> Token | None:
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


def _complement(
    verb: Token, kind: str, source: Token, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The character range of what is said, thought or vowed."""
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE] or _clause_after_prep(verb)
    if clauses:
        clause = clauses[0]
        preposed = clause.i < source.i < verb.i or clause.i < verb.i < source.i
        if preposed and kind == LEARNED and any(c.dep_ in _OBJECTS for c in verb.rights):
            return None  # "Y, many of which have faced criticism": not "Y, X said"
        if preposed:
            # "Y, X said": everything before the attribution is what was said, even
            # where the parser hung part of it elsewhere.
            first = source.left_edge if source.i < verb.i else verb
            first = min(first, _cue_start(verb), key=lambda t: t.i)
            tokens = [t for t in verb.sent if t.i < first.i]
            return _preposed(tokens, first, quotes)
        return _range([*_without_other_cues(clause), *_coordinated_clauses(verb, clause)])
    if kind == "belief":
        return None
    infinitives = [c for c in verb.children if c.dep_ in _INFINITIVE and _is_infinitive(c)]
    if infinitives:
        start = infinitives[0]
        objects = [c for c in verb.children if c.dep_ in _OBJECTS and c.i < start.i]
        objects += _addressee(verb, start)
        tokens = _without_other_cues(start)
        if objects:
            tokens = [*objects[0].subtree, *tokens]
        return _range(tokens)
    parent = verb.head
    if (
        verb.dep_ in ("parataxis", "ccomp", "advcl", "conj")
        and not _trailing_participle(verb)
        and parent.i < verb.i
        and verb.i > verb.sent.start
        and not any(c.dep_ in _OBJECTS + _CLAUSE + _INFINITIVE for c in verb.rights)
    ):
        # "Y, X said": the cue hangs off the clause it reports.
        first = min(source.left_edge, _cue_start(verb), verb.left_edge, key=lambda t: t.i)
        if not (first.is_punct or first.i == 0 or first.nbor(-1).is_punct):
            # Not set off from the clause before ("The deal collapsed when the union
            # complained"): the cue's clause is part of it, not an attribution of it.
            return None
        tokens = [t for t in verb.sent if t.i < first.i]
        return _resumed(_preposed(tokens, first, quotes), parent, verb)
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and parent.i > verb.i:
        return _parenthetical(verb, source)
    return None


def _coordinated_clauses(verb: Token, clause: Token) -> list[Token]:
    """The that-clauses the parser coordinates with the cue rather than with its first
    clause: "said that Y1, but that Y2" reports Y1 and Y2 (PolNeAR)."""
    tokens: list[Token] = []
    for conj in verb.rights:
        if conj.dep_ == "conj" and conj.i > clause.i and _opens_with_that(conj):
            tokens += _without_other_cues(conj)
    return tokens


def _opens_with_that(clause: Token) -> bool:
    return any(
        m.dep_ == "mark" and m.lower_ == "that" and m.i == clause.left_edge.i
        for m in clause.children
    )


def _addressee(verb: Token, infinitive: Token) -> list[Token]:
    """The object of the preposition right before an infinitive ("called on *X* to Y",
    "called for *X* to Y"): who is to do it, which PolNeAR's content begins with."""
    for prep in verb.rights:
        if (
            prep.dep_ == "prep"
            and prep.lower_ in _ADDRESSEE_PREPS
            and prep.right_edge.i + 1 == infinitive.left_edge.i
        ):
            # not when it was said: "promised on Tuesday to Y", "declined for years to Y"
            return [
                g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")
            ][:1]
    return []


def _trailing_participle(verb: Token) -> bool:
    """', referring to X', ', citing X' after a clause: the participle speaks of what
    follows it, not of the clause before (PolNeAR)."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).text == ","


def _clause_after_prep(verb: Token) -> list[Token]:
    """The that-clause the parser hangs on the noun of a preposition after the cue:
    "said in a statement *that Y*", "told reporters in an interview *that Y*"."""
    for child in verb.rights:
        if child.dep_ != "prep":
            continue
        for noun in child.children:
            if noun.dep_ != "pobj":
                continue
            for clause in noun.rights:
                if clause.dep_ in ("acl", "ccomp") and any(
                    m.dep_ == "mark" and m.lower_ == "that" and m.i == clause.left_edge.i
                    for m in clause.children
                ):
                    return [clause]
    return []


def _preposed(
    tokens: list[Token], first: Token, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """What "Y, X said" reports: the words before the attribution, or only the quotation
    that ends right before it where the parser ran an earlier sentence into this one
    ('He became speaker last year. "Q," said X')."""
    if not tokens:
        return None
    start, end = _range(tokens)
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
        for t in _without_other_cues(reported)
        if t.i > verb.right_edge.i and not t.is_punct and t.head.i != verb.i
    ]
    if content is None or not after or content[1] <= reported.idx:
        return content
    return content[0], max(content[1], _end(after[-1]))


def _parenthetical(verb: Token, source: Token) -> tuple[int, int] | None:
    """The content around an attribution set in the clause it reports.

    "As X said, Y" reports Y. "Y1, X said, Y2" reports the whole sentence: PolNeAR
    marks Y1 and Y2 as one content, whose hull holds the source and the cue."""
    if any(c.dep_ in _OBJECTS + _CLAUSE + _INFINITIVE for c in verb.rights):
        return None
    own = [t for t in verb.subtree if not t.is_punct] or [verb]
    start, end = own[0], own[-1]
    marks = [c for c in verb.children if c.dep_ == "mark"]
    if marks and marks[0].lower_ in ("as", "like"):
        tokens = [t for t in verb.sent if t.i > end.i]
    elif start.i > verb.sent.start and start.nbor(-1).text == "," and source.i < verb.i:
        tokens = [t for t in verb.sent if not (t.is_punct and t.i == verb.sent.end - 1)]
    else:
        return None
    return _range(tokens) if any(not t.is_punct for t in tokens) else None


def _without_other_cues(head: Token) -> list[Token]:
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
                and not any(c.dep_ in _SUBJECTS for c in child.children)
            )
            or (child.dep_ == "advcl" and child.tag_ == "VBG" and child.i != head.i)
        )
        and _is_cued(child)
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
                child.dep_ in _ASIDES
                or (child.dep_ == "appos" and child.left_edge.lower_ in ("a", "an"))
            )
            and child.right_edge.i >= last
            and child.left_edge.i > tokens[0].i
            and child.left_edge.nbor(-1).text == ","
            and not any(t.is_quote for t in child.subtree)
        ):
            return [t for t in tokens if t.i < child.left_edge.i - 1]
    return tokens


_ASIDES = ("relcl",)


def _is_cued(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ in _CLAUSE for c in verb.children)


def _is_infinitive(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _noun_attribution(noun: Token) -> Attribution | None:
    """A cue noun with its owner and its that-clause: "his claim that the vote was
    rigged", "the ministry's warning that prices would rise"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if owner is None or clause is None:
        return None
    return owner, (noun.idx, _end(noun)), _range(list(clause.subtree)), None


def _signed_quotations(doc: Doc, text: str, quotes: list[tuple[int, int]]) -> Iterator[Attribution]:
    """A quotation signed with a dash and a name: '"Trump scares me." ―Krystal Correa'."""
    for q_start, q_end in quotes:
        dash = _SIGNATURE.match(text, q_end)
        if dash is None:
            continue
        line_end = text.find("\n", dash.end())
        found = doc.char_span(
            dash.end(), len(text) if line_end < 0 else line_end, alignment_mode="expand"
        )
        if found is None:
            continue
        name: list[Token] = []
        for token in found:
            if token.pos_ != "PROPN" or len(name) == 5:
                break
            name.append(token)
        if name:
            mark = dash.start() + len(dash.group()) - len(dash.group().lstrip(" \t"))
            yield name[-1], (mark, mark + 1), (q_start, q_end), name


def _colon_attribution(colon: Token, text: str) -> Attribution | None:
    """A speaker label opening a line: "PENCE: Well, look ...", "Pat Caddell: Democrat
    voters worried ...", "Poll: Wealthy voters abandon ...". The label is a name, a
    word in capitals, or a document noun, of at most four words at the start of a line;
    what follows on that line is what it says."""
    line_start = text.rfind("\n", 0, colon.idx) + 1
    label = [t for t in colon.doc[: colon.i] if t.idx >= line_start and not t.is_space]
    if not 1 <= len(label) <= 4 or any(t.is_punct or t.like_num for t in label):
        return None
    words = " ".join(t.lower_ for t in label)
    vocab = vocabulary()
    if words in vocab["not_speakers"]:
        return None
    named = any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in label)
    capitals = all(t.is_upper and len(t) > 1 for t in label)
    document = len(label) == 1 and label[0].lemma_.lower() in vocab["document"]
    if not (named or capitals or document):
        return None
    line_end = text.find("\n", colon.idx)
    line_end = len(text) if line_end < 0 else line_end
    if not text[colon.idx + 1 : line_end].strip():
        return None
    head = max(label, key=lambda t: (t.pos_ in ("PROPN", "NOUN"), t.i))
    return head, (colon.idx, colon.idx + 1), (colon.idx + 1, line_end), label


def _starts_phrase(token: Token, lexicon: Lexicon) -> bool:
    return token.lower_ == "according" and "according to" in lexicon.phrases


def _according_to(according: Token) -> Attribution | None:
    """ "according to X": X is the source; the clause it modifies is the content."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    if to is None:
        nxt = according.nbor(1) if according.i + 1 < len(according.doc) else None
        to = nxt if nxt is not None and nxt.lower_ == "to" else None
    if to is None:
        return None
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    phrase = {t.i for t in according.subtree} | {t.i for t in to.subtree}
    first, last = min(phrase), max(phrase)
    # The clause on the side of the phrase that holds it: "Y, according to X" or
    # "According to X, Y"; in "Y1, according to X, Y2" the longer side.
    before = [t for t in according.sent if t.i < first]
    after = [t for t in according.sent if t.i > last]
    tokens = max(before, after, key=lambda side: sum(not t.is_punct for t in side))
    if not any(not t.is_punct for t in tokens):
        return None
    cue = (according.idx, _end(to))
    return objects[0], cue, _range(tokens), None


def _cue_start(verb: Token) -> Token:
    """The first of the auxiliaries, negations and adverbs right before the cue verb:
    PolNeAR's cue is "has said", "did not mention", "also wanted", "has repeatedly
    denied"."""
    start = verb
    while start.i > 0 and _cue_modifier(start.nbor(-1), verb):
        start = start.nbor(-1)
    return start


def _cue_modifier(token: Token, verb: Token) -> bool:
    """An auxiliary, a negation or an adverb of ``verb`` that belongs to its cue; not a
    question word ("when asked") nor an adverb that links the sentence to the one
    before ("however", "instead")."""
    if token.head != verb:
        return False
    if token.dep_ in ("aux", "auxpass", "neg"):
        return True
    return (
        token.dep_ == "advmod"
        and token.tag_ != "WRB"
        and token.lower_ not in _conventions("linking_adverbs")
    )


def _cue_span(verb: Token) -> tuple[int, int]:
    """The cue verb with the auxiliaries, negations and adverbs right before it ("has
    said", "had not vowed", "also said")."""
    return _cue_start(verb).idx, _end(verb)


def _range(tokens: Sequence[Token]) -> tuple[int, int]:
    """The character range from the first to the last of ``tokens`` (in text order)."""
    ordered = sorted(tokens, key=lambda t: t.i)
    return ordered[0].idx, _end(ordered[-1])


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _widen_to_quotes(content: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Grow the content to whole quotations it touches."""
    start, end = content
    for q_start, q_end in quotes:
        if q_start < end and start < q_end:
            start, end = min(start, q_start), max(end, q_end)
    return start, end


def _trim(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """Drop white space and punctuation at the edges of content outside quotation marks.
    The complementizer of "said that ..." stays: PolNeAR counts it as content."""
    start, end = content
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    if text.startswith("(", start) and ")" not in text[start:end]:
        start += 1  # '(They said it would pass," ...': the aside's parenthesis
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        if text[end - 1] == "." and _ABBREVIATION.search(text, start, end):
            break  # "the U.S.", "9:42 p.m.", "John Hinckley Jr.": the period is the word's
        end -= 1
    return start, end


# A word whose period is its own: initials ("U.S.", "p.m.") or a common abbreviation.
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Jr|Sr|Inc|Corp|Co|Ltd|St|Calif|Nev|Fla|Ariz|Colo|Conn|Ga|Ill"
    r"|Ind|Kan|Ky|La|Mass|Md|Mich|Minn|Miss|Mo|Mont|Neb|Okla|Ore|Pa|Tenn|Va|Vt|Wash|Wis|Del)\.)$"
)


def _style(content: tuple[int, int], quotes: list[tuple[int, int]]) -> str:
    start, end = content
    inside = [(s, e) for s, e in quotes if s < end and start < e]
    if not inside:
        return "indirect"
    if len(inside) == 1 and inside[0] == (start, end):
        return "direct"
    return "mixed"
