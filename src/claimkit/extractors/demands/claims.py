"""From the rules' findings to ``demand`` claims: spans, category, CAMEO and PLOVER codes."""

from collections.abc import Iterable, Sequence

import attrs
from spacy.tokens import Doc, Token

from claimkit.extractors.demands.conditions import conditional_threats
from claimkit.extractors.demands.cues import Lexicon, threat_mode
from claimkit.extractors.demands.rules import Finding, explicit_demands, offsets
from claimkit.extractors.demands.taxonomy import (
    DemandCategory,
    Match,
    cameo_code,
    categorize,
)
from claimkit.extractors.demands.tokens import depth, mention, trim
from claimkit.sources import mention_source, mention_tokens
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


def classify(categories: Iterable[DemandCategory], action: Sequence[Token]) -> Match | None:
    """The category of a demanded action."""
    lemmas = [t.lemma_.lower() for t in action]
    return categorize(categories, lemmas, [depth(t) for t in action], _context(action))


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
        and text[end : end + 1] in _QUOTE_CHARS
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
    if not hung:
        return source
    tokens = trim([t for t in mention_tokens(head) if t.i < min(c.left_edge.i for c in hung)])
    span = Span.of(head.doc.text, *offsets(tokens))
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


def _addressee(finding: Finding, earlier: Sequence[Finding]) -> Token | None:
    """The finding's addressee or, for a threat that names none ("if we do not see
    progress ..."), the latest addressee pressed in this or the previous sentence."""
    if finding.addressee is not None or finding.strength != "threat":
        return finding.addressee
    sentence = finding.action[0].sent
    for other in reversed(earlier):
        near = 0 <= sentence.start - other.action[0].sent.end <= 1
        if other.addressee is not None and (near or other.action[0].sent == sentence):
            return other.addressee
    return None


def find_claims(
    doc: Doc, document: Document, lexicon: Lexicon, categories: Sequence[DemandCategory]
) -> list[Claim]:
    """The ``demand`` claims of one parsed document."""
    text = document.text

    def categorized(action: Sequence[Token]) -> bool:
        match = classify(categories, action)
        return match is not None and match.strength >= 2

    findings = _unique(
        [*explicit_demands(doc, lexicon), *conditional_threats(doc, lexicon, categorized)]
    )
    claims = []
    for n, finding in enumerate(findings):
        match = classify(categories, finding.action)
        if finding.needs_category and (match is None or match.strength < 2):
            continue
        category = match.category if match is not None else None
        addressee = _addressee(finding, findings[:n])
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
