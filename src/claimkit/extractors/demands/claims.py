"""From the rules' findings to ``demand`` claims: spans, category, CAMEO and PLOVER codes."""

from collections.abc import Iterable, Sequence

import attrs
from spacy.tokens import Doc, Token

from claimkit.extractors.demands.conditions import announced_threats, conditional_threats
from claimkit.extractors.demands.cues import Lexicon, threat_mode
from claimkit.extractors.demands.rules import Finding, explicit_demands, is_place, offsets
from claimkit.extractors.demands.taxonomy import (
    DemandCategory,
    Match,
    cameo_code,
    categorize,
)
from claimkit.extractors.demands.tokens import (
    child,
    children,
    depth,
    is_actor,
    is_agent,
    mention,
    trim,
)
from claimkit.sources import mention_source, mention_tokens, source_kind, token_span
from claimkit.types import Claim, Demand, Document, Source, Span

#: The category of a demand whose content matches none.
UNSPECIFIED = "unspecified"
_QUOTE_CHARS = '"“”'


def _context(tokens: Sequence[Token]) -> list[str]:
    """The lemmas of the sentence of ``tokens`` and the one before it: a vague demand
    ("further progress", "progress in the areas") is about what they talk of."""
    sentence = tokens[0].sent
    doc = sentence.doc
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    return [t.lemma_.lower() for t in doc[start : sentence.end]]


# Words that open a time adjunct: "forge ties ... *ahead of* six-party talks" asks for
# the ties, the talks only date it.
_TIME_ADJUNCTS = frozenset(
    {"ahead", "before", "after", "during", "until", "till", "prior", "following", "pending"}
)


def _without_time_adjuncts(action: Sequence[Token]) -> list[Token]:
    inside = {t.i for t in action}
    dropped: set[int] = set()
    for token in action:
        if (
            token.lower_ in _TIME_ADJUNCTS
            and token.dep_ in ("prep", "advmod")
            and token.head.i in inside
            and any(c.dep_ in ("pobj", "prep", "pcomp") for c in token.children)
        ):
            dropped |= {t.i for t in token.subtree}
    return [t for t in action if t.i not in dropped]


def classify(categories: Iterable[DemandCategory], action: Sequence[Token]) -> Match | None:
    """The category of a demanded action; what a time adjunct names counts only when the
    rest names nothing."""
    context = _context(action) if action else []
    core = _without_time_adjuncts(action)
    for tokens in (core, action) if core and len(core) < len(action) else (action,):
        lemmas = [t.lemma_.lower() for t in tokens]
        found = categorize(categories, lemmas, [depth(t) for t in tokens], context)
        if found is not None:
            return found
    return None


def _evidence(text: str, finding: Finding) -> tuple[int, int]:
    if finding.evidence is not None:
        return finding.evidence
    start, end = offsets(finding.action)
    if finding.lead:
        heads = [finding.demander, finding.addressee]
        spans = [mention(h) for h in heads if h is not None]
        start = min([start, finding.cue[0], *(s.start for s in spans)])
        end = max([end, finding.cue[1], *(s.end for s in spans)])
    # Keep a quotation whole: 'urged the Europeans to "press these issues"'.
    if (
        sum(text.count(q, start, end) for q in _QUOTE_CHARS) % 2
        and end < len(text)
        and text[end] in _QUOTE_CHARS
    ):
        end += 1
    return start, end


def _demander(finding: Finding) -> Source | None:
    """The demander's Source, its mention cut short of the demand when the parser hung
    the demand on it ("calls by rights groups *for Ankara to ...*")."""
    head = finding.demander
    if head is None:
        return None
    source = mention_source(head)
    parts = [finding.action[0], *([finding.addressee] if finding.addressee is not None else [])]
    hung = [c for c in head.children if c.i > head.i and any(p in c.subtree for p in parts)]
    # "Venezuela's largest opposition parties on Wednesday said": the date is the saying's.
    hung += [
        c
        for c in head.children
        if c.i > head.i
        and c.dep_ in ("prep", "npadvmod")
        and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
    ]
    if not hung:
        return source
    tokens = trim([t for t in mention_tokens(head) if t.i < min(c.left_edge.i for c in hung)])
    span = token_span(tokens)
    return attrs.evolve(source, name=span.text, mentions=(span,))


def _plover(strength: str, category: DemandCategory | None, mode: str | None) -> str:
    if strength == "threat":
        return f"THREATEN/{mode}" if mode else "THREATEN"
    return f"REQUEST/{category.plover}" if category is not None and category.plover else "REQUEST"


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per demanded action: the first rule that found it wins."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for finding in findings:
        key = offsets(finding.action)
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return sorted(kept, key=lambda f: f.action[0].i)


def _addressee(finding: Finding, earlier: Sequence[Finding], lexicon: Lexicon) -> Token | None:
    """The finding's addressee or, for a threat that names none ("if we do not see
    progress ..."), the latest addressee pressed in this or the previous sentence."""
    if finding.addressee is not None or finding.strength != "threat":
        return finding.addressee
    target = _threat_target(finding.consequence, lexicon)
    if target is not None:
        return target
    sentence = finding.action[0].sent
    for other in reversed(earlier):
        near = 0 <= sentence.start - other.action[0].sent.end <= 1
        if other.addressee is not None and (near or other.action[0].sent == sentence):
            return other.addressee
    return None


_TARGET_PREPS = frozenset({"against", "on", "at", "with", "into", "toward", "towards"})


def _threat_target(consequence: Sequence[Token], lexicon: Lexicon) -> Token | None:
    """Whom a threatened act is aimed at: "shell *positions* of Hezbollah", "halt talks
    with *Mugabe*", "boycott *a conference*", "close all borders with *Iraqi
    Kurdistan*", "extend the curfew in *Jamaica*"."""
    if not consequence:
        return None
    for token in consequence:
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in _TARGET_PREPS
            and token.ent_type_ not in ("DATE", "TIME")
            and is_actor(token)
            and is_agent(token, lexicon)
        ):
            return token
    head = min(consequence, key=depth)
    obj = child(head, "dobj")
    # "extend the curfew (order) in Jamaica": a measure is no target, the place it falls
    # on is.
    measure = obj is not None and any(
        threat_mode(lexicon, [t.lemma_.lower()]) is not None
        for t in (obj, *children(obj, "compound"))
    )
    # "boycott a conference", "shell positions": a hostile act's object is its target;
    # "withdraw the subsidy" or "emulate Brazil's moratorium" aims at no object.
    hostile = head.lemma_.lower() in lexicon.words("hostile_acts") or any(
        head.lemma_.lower() in m.words for m in lexicon.threats if m.mode == "violence"
    )
    if obj is not None and obj.ent_type_ not in ("DATE", "TIME") and not measure:
        return obj if hostile or is_agent(obj, lexicon) else None
    for token in consequence:
        if token.dep_ == "pobj" and token.head.lower_ == "in" and is_place(token):
            return token
    return obj if measure else None


def _agent_of_act(finding: Finding, lexicon: Lexicon) -> Finding:
    """Who must do a demanded act named by a noun of the doer's own act: "demanded the
    *withdrawal of all foreign forces*", "a meeting of the U.N. Security Council"; not
    "the release of prisoners", whose "of" names who is acted on."""
    if finding.addressee is not None or finding.strength == "threat" or not finding.action:
        return finding
    head = min(finding.action, key=depth)
    if head.lemma_.lower() not in lexicon.words("agentive_nominals"):
        return finding
    for prep in children(head, "prep"):
        if prep.lower_ == "of":
            for obj in children(prep, "pobj"):
                if is_agent(obj, lexicon) and obj.ent_type_ not in ("DATE", "TIME"):
                    return attrs.evolve(finding, addressee=obj)
    return finding


def _demanded_act(finding: Finding, findings: Sequence[Finding]) -> bool:
    """Whether a vague request ("propose a ceasefire") is itself what another demand
    asks for: "pushing for the Afghan government propose a ceasefire"."""
    if not finding.needs_category:
        return False
    start, end = finding.cue
    for other in findings:
        if other is finding or not other.action:
            continue
        a, b = offsets(other.action)
        if a <= start and end <= b:
            return True
    return False


def _issued(finding: Finding) -> Finding:
    """A demand made by a document of its issuer's: "The U.S. Senate passed a
    resolution calling for ...", "physicians posted a letter urging ..."."""
    document = finding.demander
    if document is None or document.dep_ != "dobj" or document.pos_ != "NOUN":
        return finding
    issuer = child(document.head, "nsubj")
    if issuer is None or not is_actor(issuer) or source_kind(document) != "document":
        return finding
    return attrs.evolve(finding, demander=issuer)


def _inside_conditional(finding: Finding, findings: Sequence[Finding]) -> bool:
    """Whether a bare threat ("threatened to halt talks ... if the abductions did not
    stop") is the consequence of a conditional threat found with its condition."""
    if finding.condition is not None or not finding.consequence:
        return False
    start, end = offsets(finding.action)
    for other in findings:
        if other.condition is None or not other.consequence:
            continue
        a, b = offsets(other.consequence)
        if a < end and start < b:
            return True
    return False


def _stands(finding: Finding, lexicon: Lexicon) -> bool:
    """Whether a finding is a demand at all: someone demands (a party, not "the
    agreement calls for", "Federal law requires") or someone is pressed (a headline's
    "CALL FOR GLOBAL ACTION" names neither)."""
    demander = finding.demander
    if demander is not None:
        # Whoever says something is someone: "the adminstration said ...".
        speaks = demander.dep_ == "nsubj" and (
            demander.head.lemma_.lower() in lexicon.words("reporting")
        )
        return speaks or is_agent(demander, lexicon)
    return finding.addressee is not None


def _punitive(finding: Finding, lexicon: Lexicon) -> Finding:
    """A call for punitive measures against a party is a threat to it, as PLOVER codes
    it: "called for sanctions against China" threatens China (THREATEN/restrict)."""
    if finding.strength == "threat" or not finding.action:
        return finding
    head = min(finding.action, key=depth)
    mode = threat_mode(lexicon, [head.lemma_.lower()])
    if mode is None or mode.cameo not in ("1312", "1311", "1313"):
        return finding
    for prep in children(head, "prep"):
        if prep.lower_ in ("against", "on"):
            for target in children(prep, "pobj"):
                if is_actor(target):
                    return attrs.evolve(
                        finding,
                        strength="threat",
                        addressee=target,
                        consequence=finding.action,
                    )
    return finding


def find_claims(
    doc: Doc, document: Document, lexicon: Lexicon, categories: Sequence[DemandCategory]
) -> list[Claim]:
    """The ``demand`` claims of one parsed document."""
    text = document.text

    def categorized(action: Sequence[Token]) -> bool:
        match = classify(categories, action)
        return match is not None and match.strength >= 2

    found = [
        *explicit_demands(doc, lexicon),
        *conditional_threats(doc, lexicon, categorized),
        *announced_threats(doc, lexicon),
    ]
    kept = [f for f in map(_issued, found) if _stands(f, lexicon)]
    kept = [_agent_of_act(f, lexicon) for f in kept if not _demanded_act(f, kept)]
    findings = _unique(f for f in kept if not _inside_conditional(f, kept))
    claims = []
    for n, finding in enumerate(findings):
        finding = _punitive(finding, lexicon)
        match = classify(categories, finding.action)
        if finding.needs_category and (match is None or match.strength < 2):
            continue
        category = match.category if match is not None else None
        if finding.consequence and finding.consequence == finding.action:
            category = None  # a bare threat demands nothing in particular
        addressee = _addressee(finding, findings[:n], lexicon)
        mode = None
        cameo = cameo_code(category, finding.strength)
        if finding.strength == "threat":
            threat = threat_mode(lexicon, [t.lemma_.lower() for t in finding.consequence])
            if threat is not None:
                mode, cameo = threat.mode, threat.cameo
        source = _demander(finding)
        demand = Demand(
            strength=finding.strength,
            category=category.key if category is not None else UNSPECIFIED,
            addressee=mention(addressee) if addressee is not None else None,
            cameo=cameo,
            plover=_plover(finding.strength, category, mode),
            condition=Span.of(text, *finding.condition) if finding.condition else None,
            consequence=Span.of(text, *offsets(finding.consequence))
            if finding.consequence
            else None,
            reported_by=mention_source(finding.reporter) if finding.reporter is not None else None,
        )
        claims.append(
            Claim(
                kind="demand",
                doc_id=document.id,
                extractor="demands",
                evidence=Span.of(text, *_evidence(text, finding)),
                source=source,
                source_mention=source.mentions[0] if source is not None else None,
                cue=Span.of(text, *finding.cue),
                content=Span.of(text, *offsets(finding.action)),
                data=demand,
            )
        )
    return claims
