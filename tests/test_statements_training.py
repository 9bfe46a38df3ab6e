"""Training the attribution-cue scorer on PolNeAR-style gold."""

from pathlib import Path

import attrs
import pytest
from spacy.tokens import Token

import claimkit
from claimkit.evaluate.polnear import Attribution
from claimkit.extractors.statements import train as training
from claimkit.extractors.statements.model import CueModel, load_model, save_model
from claimkit.extractors.statements.train import Story, train
from claimkit.types import Span

# Who warned what: "warned" is the cue of every story, "ate" of none.
STORIES = [
    ("The minister", "that prices would rise"),
    ("The union", "that the mine would close"),
    ("Officials", "that the river would flood"),
    ("The mayor", "that taxes would go up"),
]
# "warned" with no clause is no attribution here; "ate" never is.
DISTRACTORS = [
    "The minister warned the guests.",
    "The union warned its members.",
    "The minister ate the soup.",
    "The union ate lunch at noon.",
]


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


@pytest.fixture(scope="module")
def stories() -> list[Story]:
    pipeline = claimkit.Pipeline(disable=["numbers"])
    found: list[Story] = []
    for i, (source, content) in enumerate(STORIES):
        text = f"{source} warned {content}."
        document = claimkit.build_document(f"s{i}", text)
        gold = [
            Attribution(
                source=_span(text, source),
                cue=_span(text, "warned"),
                content=_span(text, content),
            )
        ]
        found.append((document, pipeline.parse(document), gold))
    for i, text in enumerate(DISTRACTORS):
        document = claimkit.build_document(f"d{i}", text)
        found.append((document, pipeline.parse(document), []))
    return found


def test_the_scorer_learns_a_cue_from_the_gold(stories: list[Story], tmp_path: Path) -> None:
    model = train(stories, epochs=5, min_count=2, threshold=0.5, object_threshold=0.9)
    # Only words that headed a gold cue at least twice are candidates.
    assert model.candidates == frozenset({"warn|VERB"})
    assert (model.threshold, model.object_threshold) == (0.5, 0.9)

    def word(story: Story, text: str) -> Token:
        return next(t for t in story[1] if t.lower_ == text)

    with_clause = model.score(word(stories[0], "warned"), quoted=False)
    without = model.score(word(stories[len(STORIES)], "warned"), quoted=False)
    assert with_clause > 0.5 > without
    assert model.score(word(stories[-1], "ate"), quoted=False) == 0.0
    path = tmp_path / "model.json"
    save_model(model, path, {"trained_on": "test"})
    assert load_model(path) == _as_saved(model)


def _as_saved(model: CueModel) -> CueModel:
    """The model as its file holds it: weights rounded to four places, tiny ones dropped."""
    weights = {k: round(v, 4) for k, v in model.weights.items() if abs(v) >= 1e-3}
    return attrs.evolve(model, weights=weights)


def test_a_given_object_threshold_is_kept_while_the_cue_threshold_is_chosen(
    stories: list[Story], monkeypatch: pytest.MonkeyPatch
) -> None:
    tried: list[tuple[float, float]] = []

    def extract(doc, document, lexicon, model):  # type: ignore[no-untyped-def]
        tried.append((model.threshold, model.object_threshold))
        return iter(())

    monkeypatch.setattr(training, "extract_statements", extract)
    model = train(stories * 3, epochs=2, min_count=2, object_threshold=0.65)
    assert model.object_threshold == 0.65
    # Every pair tried is one the model could ship with: the given object threshold.
    assert {o for _, o in tried} == {0.65}
    assert len({t for t, _ in tried}) > 1
