"""Properties of the whole pipeline on any text: no crash, exact spans, lossless JSON."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimkit
from claimkit.serialize import claim_from_json, to_json

# News-like words and punctuation mixed with arbitrary Unicode, so that the cue words,
# quotation marks, numbers and month names the extractors look for turn up often.
WORDS = st.sampled_from(
    [
        "said", "told", "according", "to", "the", "official", "officials", "he", "she",
        "they", "urged", "China", "to", "release", "prisoners", "unless", "if", "will",
        "Monday", "last", "week", "March", "10", "1997", "next", "month", "\"", "“", "”",
        ",", ".", "\n", "WASHINGTON", "(Reuter)", "-", "report", "states", "that", "a",
        "diplomat", "first", "third", "years", "ago", "pressing", "calls", "for",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=40).map(" ".join),
    st.text(max_size=200),
)
DCTS = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, dct=DCTS)
def test_any_text_gives_valid_claims(text: str, dct: str | None) -> None:
    pipeline = claimkit.Pipeline()
    data_types = pipeline.data_types
    result = pipeline.process(claimkit.build_document("doc", text, dct=dct))
    assert result.problems == ()
    for claim in result.claims:
        for span in claim.spans():
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
        assert claim_from_json(json.loads(json.dumps(to_json(claim))), data_types) == claim
