"""Attributions read off the dependency parse: a cue, its source and its content.

Three shapes cover most of news: a cue verb with a clausal complement ("X said (that)
Y", "Y, X said", "X told Reuters Y", "X, saying Y"), a cue verb with an object and an
infinitive ("X urged Z to Y", "X vowed to Y"), and the phrase "according to X". The
content is widened to whole quotations it touches, so a quotation that runs over
several sentences stays one content, and the style follows from the quotation marks.

This module walks the cues and builds the attribution of each kind of cue;
``unsourced.py`` builds those no one is named for, ``speakers.py`` reads who speaks,
``cue_spans.py`` where a cue begins and ends, ``complements.py`` and ``objects.py`` what
is said, and ``boundaries.py`` where that begins and ends.
"""

import re
from collections.abc import Iterator

import attrs
from spacy.tokens import Doc, Token

from claimkit.extractors.statements.boundaries import continue_quotation, trim, widen_to_quotes
from claimkit.extractors.statements.complements import (
    adjacent_quotation,
    complement,
    trailing_participle,
    without_other_cues,
)
from claimkit.extractors.statements.cue_spans import (
    chained_verb,
    cue_end,
    cue_span,
    participle_of_object,
    trailing_modifiers_end,
)
from claimkit.extractors.statements.lexicon import LEARNED, Lexicon
from claimkit.extractors.statements.model import CueModel, quoted_tokens
from claimkit.extractors.statements.objects import object_content, owned_clause
from claimkit.extractors.statements.parse import (
    CLAUSE,
    DASHES,
    Attribution,
    char_end,
    char_range,
    conventions,
)
from claimkit.extractors.statements.quotes import quote_spans
from claimkit.extractors.statements.speakers import (
    object_controller,
    past_dateline,
    postposed_subject,
    subject_of,
    whole_mention,
)
from claimkit.extractors.statements.unsourced import (
    hearsay,
    impersonal,
    impression,
    of_mind,
    passive_content,
    second_passive,
)
from claimkit.sources import mention_source, vocabulary
from claimkit.types import Claim, Document, Source, Span

__all__ = ["EXTRACTOR", "extract_statements"]

EXTRACTOR = "statements"
#: What counts as an attributed statement. "speech": what someone is reported to say,
#: think or intend, as a reader (and the seed gold) counts it. "attribution": also what
#: PolNeAR and PARC annotate as attributions: acts whose content is a noun phrase
#: ("criticized the plan", "backed the deal") and what no one is named for ("X is
#: expected to Y", "it appears that Y").
SCOPES = ("speech", "attribution")
# Entities that can speak: people, organisations, groups and places ("Beijing said").
# Not sources' _PERSON_ENTS | _ORG_ENTS, which also hold FAC: with it, a label that
# names a building or an airport would count as a speaker.
_NAMED = ("PERSON", "ORG", "NORP", "GPE")
# A dash that signs a quotation, as features and lists of reactions do.
_SIGNATURE = re.compile(rf"[ \t]*[―{DASHES}][ \t]*")


def extract_statements(
    doc: Doc,
    document: Document,
    lexicon: Lexicon,
    model: CueModel | None = None,
    scope: str = "speech",
) -> Iterator[Claim]:
    """Every attributed statement of ``doc`` whose cue is in ``lexicon`` or, with a
    ``model``, that the model takes for a cue, in one of the ``SCOPES``."""
    attribution_scope = scope == "attribution"
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
        # is reported speech only where the learned scorer is sure of it; as an act it
        # is an attribution wherever the verb is a cue.
        objects = model is not None and p >= (
            model.threshold if attribution_scope else model.object_threshold
        )
        # An act no one is named for is an attribution only where the scorer is sure of
        # the cue: most passives ("was approved", "is seen as") report no one.
        sure = attribution_scope and model is not None and p >= model.object_threshold
        if lemma in lexicon.verbs and verb:
            kind = lexicon.verbs[lemma]
            attribution = _verb_attribution(
                token, kind, text, quotes, cue_nouns, objects, attribution_scope, sure
            )
            if attribution is not None and kind == "belief":
                beliefs.add(attribution[1][0])
        elif _starts_phrase(token, lexicon):
            attribution = _according_to(token)
        elif token.text == ":":
            attribution = _colon_attribution(token, text)
        elif token.lower_ == "in":
            attribution = _poll_finding(token, lexicon)
        elif lemma in lexicon.verbs and _tagged_noun(token):
            attribution = _noun_tagged_verb(token, lexicon.verbs[lemma], quotes)
        elif token.pos_ == "NOUN" and lemma in lexicon.nouns:
            attribution = _noun_attribution(token)
        elif attribution_scope and lemma in conventions("hearsay_adverbs"):
            attribution = hearsay(token)
        elif model is not None and verb and p >= model.threshold:
            attribution = _verb_attribution(
                token, LEARNED, text, quotes, cue_nouns, objects, attribution_scope, sure
            )
        if attribution is None:
            continue
        source_head, cue, reported, label = attribution
        content = trim(text, widen_to_quotes(reported, quotes))
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
            source = attrs.evolve(source, mentions=(whole_mention(source_head, cue, content),))
        found.append((source, cue, content))
    for source_head, cue, content, label in _signed_quotations(doc, text, quotes):
        if source_head is not None and not any(c[0] == cue[0] for _, c, _ in found):
            found.append((mention_source(source_head, label), cue, content))
    contents = [content for _, _, content in found]
    cues = [cue for _, cue, _ in found]
    for speaker, cue, content in found:
        if cue[0] in beliefs and any(c[0] <= cue[0] < c[1] for c in contents if c != content):
            continue
        if any(c != cue and c[0] <= cue[0] and cue[1] <= c[1] for c in cues):
            continue  # "issued a statement saying": one cue, not a second one in it
        style = _style(content, _own_quotes(content, quotes, contents))
        if style != "indirect":
            content = continue_quotation(text, content, cue, quotes, cues, _sentence_end(doc, cue))
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


def _style(content: tuple[int, int], quotes: list[tuple[int, int]]) -> str:
    start, end = content
    inside = [(s, e) for s, e in quotes if s < end and start < e]
    if not inside:
        return "indirect"
    if len(inside) == 1 and inside[0] == (start, end):
        return "direct"
    return "mixed"


def _verb_attribution(
    verb: Token,
    kind: str,
    text: str,
    quotes: list[tuple[int, int]],
    cue_nouns: frozenset[str],
    objects: bool = False,
    attribution_scope: bool = False,
    sure: bool = False,
) -> Attribution | None:
    """The attribution of a cue verb; ``cue_nouns`` are the nouns that head cues
    ("support", "concern"); with ``objects``, its object may be the content
    ("criticized the plan"); in the ``attribution_scope``, it may name no source ("is
    expected to", "seemed to") and its content may be an act's (see ``object_content``),
    and with ``sure`` (the attribution scope, and the scorer sure of the cue) it may be
    a passive act no one is named for ("was asked whether Y", "is seen as Y")."""
    if verb.dep_ == "xcomp" and verb.tag_ != "VBG" and object_controller(verb) is None:
        # "vowed to tell it like it is": the telling is what was vowed ("led some to
        # speculate that Y" is the speculation of "some").
        return None
    if kind == "impression":
        # Only where the scorer takes it for a cue: an impression told inside what
        # someone says ("added that X appeared to Y") is theirs, and PolNeAR leaves it.
        return impression(verb) if attribution_scope and objects else None
    inverted = postposed_subject(verb)
    if inverted is not None:
        return _inverted(verb, *inverted)
    if sure and second_passive(verb):
        # "X is moving but is expected to Y": the subject X shares is not a speaker.
        return None if of_mind(verb) else passive_content(verb)
    source = subject_of(verb)
    if source is not None:
        source = past_dateline(source, verb)
    if source is None:
        return impersonal(verb, kind, sure) if attribution_scope else None
    cue = cue_span(verb)
    chained = chained_verb(verb) or participle_of_object(verb, cue_nouns)
    if chained is not None:
        # "is continuing to insist | she will ...", "tried to portray | X as Y": the
        # cue runs through the infinitive's verb, whose complement is the content.
        content = complement(chained, kind, source, quotes)
        if content is None and objects:
            content = object_content(chained, cue_nouns, attribution_scope)
        if content is not None:
            return source, (cue[0], cue_end(chained, content, cue_nouns)), content, None
    # "is critical of Y", "are convinced that Y", "is eager to Y": the adjective takes
    # the content and belongs to the cue.
    words = _adjective(verb) or verb
    cue = cue[0], char_end(words)
    content = complement(words, kind, source, quotes)
    if content is None and kind != "belief" and words is verb and not trailing_participle(verb):
        # A learned cue is rarely a verb of saying that a quotation before it hangs
        # on ('"...", the crowd cheered'), but often one that quotes what follows
        # ('called him "Lyin' Ted"').
        content = adjacent_quotation(text, source, cue, quotes, before=kind != LEARNED)
    if content is None and objects:
        content = object_content(words, cue_nouns, attribution_scope)
        if content is not None:
            return source, (cue[0], cue_end(words, content, cue_nouns)), content, None
    if content is None:
        return None
    # The verb's own clause or quotation: the cue runs over the modifiers after the verb
    # but not over a preposition before the content, which says where or how it was
    # said ("said in a statement that Y"), so only that part of ``cue_end``.
    return source, (cue[0], trailing_modifiers_end(words, content)), content, None


def _inverted(verb: Token, speaker: Token, clause: Token) -> Attribution:
    """ "Y1, said X, Y2": PolNeAR's content is the hull of Y1 and Y2, which holds the
    cue and the speaker."""
    before = [t for left in verb.lefts for t in left.subtree]
    words = [t for t in [*before, *without_other_cues(clause)] if not t.is_punct]
    return speaker, cue_span(verb), char_range(words), None


def _adjective(verb: Token) -> Token | None:
    """The adjective of "be" ("is critical of", "are worried about"), if any."""
    if verb.lemma_ != "be":
        return None
    return next((c for c in verb.rights if c.dep_ == "acomp"), None)


def _tagged_noun(token: Token) -> bool:
    """A cue verb the tagger takes for a noun, as it does in headlines and short
    sentences ("Trump claims he's worth $10 billion", "Audit files show that Y"): the
    head of its sentence, with no determiner, governing a clause."""
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "ROOT"
        and not any(c.dep_ == "det" for c in token.children)
        and any(c.dep_ in CLAUSE for c in token.children)
    )


def _noun_tagged_verb(token: Token, kind: str, quotes: list[tuple[int, int]]) -> Attribution | None:
    """The attribution of a cue verb tagged as a noun: its subject, or the name the
    parser made a compound of it ("Trump predicts"), and its clause."""
    if kind == "impression":
        return None
    named = [c for c in token.lefts if c.dep_ in ("nsubj", "compound", "nmod")]
    source = next((c for c in named if c.dep_ == "nsubj"), named[-1] if named else None)
    if source is None or source.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    content = complement(token, kind, source, quotes)
    return None if content is None else (source, (token.idx, char_end(token)), content, None)


def _noun_attribution(noun: Token) -> Attribution | None:
    """A cue noun with its owner and its that-clause: "his claim that the vote was
    rigged", "the ministry's warning that prices would rise"."""
    owned = owned_clause(noun, on_verb=True)
    if owned is None:
        return None
    owner, clause = owned
    return owner, (noun.idx, char_end(noun)), char_range(list(clause.subtree)), None


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
    if not 1 <= len(label) <= 4 or any(_breaks_label(t) or t.like_num for t in label):
        return None
    words = " ".join(t.lower_ for t in label)
    vocab = vocabulary()
    if words in vocab["not_speakers"]:
        return None
    named = any(t.ent_type_ in _NAMED for t in label) or _named_elsewhere(label)
    capitals = all(t.is_upper and len(t) > 1 for t in label)
    document = len(label) == 1 and label[0].lemma_.lower() in vocab["document"]
    if not (named or capitals or document):
        return None
    line_end = text.find("\n", colon.idx)
    line_end = len(text) if line_end < 0 else line_end
    if not any(c.isalpha() for c in text[colon.idx + 1 : line_end]):
        return None  # a tally ("Sanders: 1,547") says nothing
    head = max(label, key=lambda t: (t.pos_ in ("PROPN", "NOUN"), t.i))
    return head, (colon.idx, colon.idx + 1), (colon.idx + 1, line_end), label


def _breaks_label(token: Token) -> bool:
    """Punctuation that ends a speaker label; a hyphen inside a name ("Seitz-Wald")
    does not."""
    inside = (
        token.tag_ == "HYPH"
        and token.i > 0
        and not token.whitespace_
        and not token.nbor(-1).whitespace_
    )
    return token.is_punct and not inside


def _named_elsewhere(label: list[Token]) -> bool:
    """A label of capitalised words that name someone the document names: the
    headline "Sanders: Clinton email story has moved" over a story about Bernie
    Sanders, where the parser tags no entity in the headline."""
    names = {t.lower_ for entity in label[0].doc.ents if entity.label_ in _NAMED for t in entity}
    words = [t for t in label if not t.is_punct]
    return all(t.text[:1].isupper() and t.lower_ in names for t in words)


def _poll_finding(preposition: Token, lexicon: Lexicon) -> Attribution | None:
    """ "In the CBS poll, Trump's lead remained in double digits": a sentence that opens
    with the poll it reports, set off by a comma, and names no one who says it ("In the
    poll, voters said Y" is the voters' statement)."""
    doc = preposition.doc
    opening = preposition.sent.start
    if preposition.i > opening and doc[opening].dep_ == "cc":
        opening += 1  # "But in the latest poll, ..."
    poll = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    comma = preposition.right_edge.i + 1
    if preposition.i != opening or poll is None or comma >= preposition.sent.end - 1:
        return None
    if poll.lemma_.lower() not in vocabulary()["polls"] or doc[comma].text != ",":
        return None
    said = [t for t in preposition.sent if t.i > comma and not t.is_punct]
    if not any(t.pos_ in ("VERB", "AUX") for t in said):
        return None
    if any(t.lemma_.lower() in lexicon.verbs and t.pos_ in ("VERB", "AUX") for t in said):
        return None
    return poll, (preposition.idx, char_end(preposition)), char_range(said), None


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
    cue = (according.idx, char_end(to))
    return objects[0], cue, char_range(tokens), None
