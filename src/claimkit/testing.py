"""Helpers for testing claimkit plugins, as ``pytester`` is for pytest plugins.

One line runs your plugin on a text::

    from claimkit.testing import run

    claims = run("Stop! Please.", plugins=["claimkit_myplugin"])

and one line checks the contract every extractor must keep, on hundreds of texts
hypothesis makes up (news-like sentences and arbitrary Unicode)::

    from claimkit.testing import check_extractor

    check_extractor("myextractor", plugins=["claimkit_myplugin"])

:func:`run` and :func:`run_cli` need nothing beyond claimkit. :func:`check_extractor`
and :func:`texts` need hypothesis, imported only when they are called: install it with
``pip install 'claimkit[testing]'``.

Runs are isolated: installed plugins are not loaded unless you pass ``autoload=True``,
so your tests see the built-ins and the plugins you name, whatever else is installed.
"""

import contextlib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from claimkit.cli import main as cli_main
from claimkit.extractor import Extractor
from claimkit.pipeline import Pipeline, Problem, invalid_claim
from claimkit.plugins import get_plugin_manager
from claimkit.readers import build_document
from claimkit.serialize import claim_from_json, to_json
from claimkit.types import Claim

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "CliResult",
    "PluginProblems",
    "check_extractor",
    "make_pipeline",
    "run",
    "run_cli",
    "texts",
]

# Pipelines are costly to build: one per configuration, for the whole test session.
_PIPELINES: dict[object, Pipeline] = {}


class PluginProblems(AssertionError):
    """A run in which a plugin had problems (raised, returned malformed claims)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("plugin problems:\n" + "\n".join(f"  {problem}" for problem in problems))
        self.problems = tuple(problems)


def make_pipeline(
    plugins: Iterable[str | object] = (),
    *,
    disable: Iterable[str] = (),
    options: Mapping[str, Any] | None = None,
    model: str | None = None,
    autoload: bool = False,
) -> Pipeline:
    """A pipeline with the built-ins and ``plugins``, cached per configuration.

    :param plugins: module names, modules or plugin objects.
    :param disable: plugins to switch off, built-ins included.
    :param options: values of plugin options, by ``dest`` name.
    :param autoload: also load the installed plugins (entry points).
    """
    plugins, disable = tuple(plugins), tuple(disable)
    key: object = (plugins, disable, tuple(sorted((options or {}).items())), model, autoload)
    try:
        hash(key)
    except TypeError:  # an unhashable plugin object or option value: build afresh
        key = None
    if key is not None and key in _PIPELINES:
        return _PIPELINES[key]
    pm = get_plugin_manager(plugins, disable=disable, autoload=autoload)
    built = Pipeline(pm, model=model, options=options)
    if key is not None:
        _PIPELINES[key] = built
    return built


def run(
    text: str,
    *,
    plugins: Iterable[str | object] = (),
    dct: str | None = None,
    disable: Iterable[str] = (),
    options: Mapping[str, Any] | None = None,
    doc_id: str = "test",
    strict: bool = True,
    autoload: bool = False,
) -> list[Claim]:
    """The claims claimkit finds in ``text`` with the built-ins and ``plugins``.

    :param plugins: module names, modules or plugin objects to load.
    :param dct: the document creation time (ISO 8601).
    :param disable: plugins to switch off (``"claimkit.extractors.dates"``).
    :param options: values of plugin options (``{"numbers_min": 3}``).
    :param strict: raise :class:`PluginProblems` if a plugin had a problem (the default:
        a test should not pass while an extractor raises); else ignore problems.
    :param autoload: also load the installed plugins.
    """
    pipeline = make_pipeline(plugins, disable=disable, options=options, autoload=autoload)
    result = pipeline.process(build_document(doc_id, text, dct=dct))
    if strict and result.problems:
        raise PluginProblems(result.problems)
    return list(result.claims)


@attrs.frozen
class CliResult:
    """What ``python -m claimkit ARGS`` did: its exit code and output."""

    exit_code: int
    stdout: str
    stderr: str

    def records(self) -> list[dict[str, Any]]:
        """The JSON Lines records of the standard output."""
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


def run_cli(*args: str) -> CliResult:
    """Run ``python -m claimkit ARGS`` in this process and capture what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli_main(list(args))
        except SystemExit as stopped:  # --help, --version, a usage error
            code = stopped.code if isinstance(stopped.code, int) else 1
    return CliResult(exit_code=code, stdout=out.getvalue(), stderr=err.getvalue())


# ---------------------------------------------------------------- contract checks

#: Parts of news sentences: who, how they say it, what, to whom, when, how many.
SUBJECTS = (
    "The minister", "a Western diplomat", "Officials", "He", "She", "The union's leader, "
    "Olga Petrova,", "Human Rights Watch", "The United States", "Beijing", "Mr. Smith", "they",
)  # fmt: skip
SAYING = ("said", "told reporters", "warned", "insisted", "denied", "believes", "added")
CONTENTS = (
    "that the talks had failed", "the army would withdraw", "prices rose 3.5 percent",
    "more than 2,000 protesters were detained", "it was \"a mistake\"", "nothing",
)  # fmt: skip
QUOTES = ("We will not give in", "This is unacceptable", "Release them now", "")
PRESSING = ("urged", "called on", "demanded that", "pressed", "threatened")
ADDRESSEES = ("China", "the government", "Moscow", "the rebels", "all sides")
ACTIONS = (
    "release political prisoners", "allow inspectors in", "end the blockade",
    "resign", "stop the shelling", "pay $1.2 billion",
)  # fmt: skip
WHEN = (
    "", "on Monday", "on January 6, 1997", "last year", "next week", "in 2003",
    "in the 1990s", "Tuesday", "three days ago", "unless talks resume",
)  # fmt: skip
#: Noise: headers, punctuation, spaces, other scripts, half-words.
FRAGMENTS = (
    "BEIJING (Reuters) -", "Published by Wire - Tuesday, January 28, 1997\n", "according to",
    ".", ",", ";", ":", "?", "!", "'", '"', "“", "”", "—", "-", "(", ")", "\n", "\n\n",
    "  ", "\t", "é", "Zürich", "北京", "مرحبا", "🙂", "\u00a0", "\u200b", "A", "I", "Mr.",
)  # fmt: skip


def texts(*, max_size: int = 400) -> "SearchStrategy[str]":
    """A hypothesis strategy of texts: news stories built of :data:`SUBJECTS`,
    :data:`SAYING`, :data:`PRESSING` ... with noise (:data:`FRAGMENTS`) between the
    sentences, and arbitrary Unicode; half the texts are stories."""
    st = _hypothesis().strategies

    def pick(words: Sequence[str]) -> "SearchStrategy[str]":
        picked: SearchStrategy[str] = st.sampled_from(words)
        return picked

    statement = st.builds(
        lambda who, verb, what, when: f"{who} {verb} {what} {when}".rstrip() + ".",
        pick(SUBJECTS), pick(SAYING), pick(CONTENTS), pick(WHEN),
    )  # fmt: skip
    quote = st.builds(
        lambda said, who, verb: f'"{said}," {who.lower()} {verb}.',
        pick(QUOTES), pick(SUBJECTS), pick(SAYING),
    )  # fmt: skip
    demand = st.builds(
        lambda who, verb, whom, what, when: f"{who} {verb} {whom} to {what} {when}".rstrip()
        + ".",
        pick(SUBJECTS), pick(PRESSING), pick(ADDRESSEES), pick(ACTIONS), pick(WHEN),
    )  # fmt: skip
    noise = pick(FRAGMENTS) | st.text(max_size=8)
    story = st.lists(statement | quote | demand | noise, min_size=1, max_size=8).map(" ".join)
    found: SearchStrategy[str] = st.one_of(story, st.text(max_size=max_size)).map(
        lambda t: t[:max_size]
    )
    return found


def check_extractor(
    extractor: Extractor | str,
    *,
    plugins: Iterable[str | object] = (),
    disable: Iterable[str] = (),
    options: Mapping[str, Any] | None = None,
    strategy: "SearchStrategy[str] | None" = None,
    examples: Iterable[str] = (),
    dct: str | None = "1997-02-03",
    max_examples: int = 50,
) -> None:
    """Check, on made-up texts, the contract every extractor keeps.

    For each text the extractor:

    - never raises;
    - returns :class:`claimkit.Claim` objects of the kinds it declares, for this
      document, whose every span lies inside the text and equals its slice;
    - returns claims that serialise to JSON and read back equal, with the data types
      it declares (``Extractor.data_types``);
    - returns the same claims when called again, and on a fresh parse (deterministic).

    Hypothesis shrinks a failing text to a minimal one and reports it.

    :param extractor: the extractor, or the name of one the plugins register.
    :param plugins: plugins to load (the one that registers the extractor, and any that
        add cues or categories it reads).
    :param strategy: the texts to try; by default :func:`texts`.
    :param examples: texts that are always tried, before the made-up ones.
    :param dct: the document creation time of every text.
    :param max_examples: how many made-up texts to try.
    :raises AssertionError: the contract is broken; the message says how and on what.
    """
    hypothesis = _hypothesis()
    pipeline = make_pipeline(plugins, disable=disable, options=options)
    if isinstance(extractor, str):
        named = {e.name: e for e in pipeline.extractors}
        if extractor not in named:
            raise ValueError(
                f"no extractor named {extractor!r}; there are: {', '.join(sorted(named))}"
            )
        extractor = named[extractor]
    checked: Extractor = extractor
    data_types = {**pipeline.data_types, **checked.data_types}

    def contract(text: str) -> None:
        try:
            document = build_document("check", text, dct=dct)
        except ValueError:  # a header date that is no date: not the extractor's business
            hypothesis.reject()
        doc = pipeline.parse(document)
        claims = _extract(checked, doc, document, text)
        for claim in claims:
            invalid = invalid_claim(claim, document, checked)
            assert invalid is None, f"extractor {checked.name!r} {invalid}, on {text!r}"
            _check_round_trip(checked, claim, data_types)
        for when, again in (
            ("called again", _extract(checked, doc, document, text)),
            ("on a fresh parse", _extract(checked, pipeline.parse(document), document, text)),
        ):
            assert again == claims, (
                f"extractor {checked.name!r} is not deterministic ({when}) on {text!r}:\n"
                f"  first: {claims}\n  then:  {again}"
            )

    settings = hypothesis.settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    test = hypothesis.given(strategy if strategy is not None else texts())(contract)
    for text in reversed(list(examples)):
        test = hypothesis.example(text)(test)
    settings(test)()


def _extract(extractor: Extractor, doc: Any, document: Any, text: str) -> list[Claim]:
    try:
        return list(extractor.extract(doc, document))
    except Exception as error:
        raise AssertionError(
            f"extractor {extractor.name!r} raised {type(error).__name__}: {error}, on {text!r}"
        ) from error


def _check_round_trip(extractor: Extractor, claim: Claim, data_types: Mapping[str, type]) -> None:
    try:
        line = json.dumps(to_json(claim), ensure_ascii=False)
    except (TypeError, ValueError) as error:
        raise AssertionError(
            f"extractor {extractor.name!r}: a {claim.kind!r} claim does not serialise "
            f"to JSON ({error}); make its data an attrs class of JSON values"
        ) from error
    again = claim_from_json(json.loads(line), data_types)
    assert again == claim, (
        f"extractor {extractor.name!r}: a {claim.kind!r} claim does not read back equal "
        f"from JSON (declare its data class in Extractor.data_types):\n"
        f"  claim:     {claim}\n  read back: {again}"
    )


def _hypothesis() -> Any:
    try:
        import hypothesis
        import hypothesis.strategies
    except ImportError as error:  # pragma: no cover - hypothesis is in the test extras
        raise ImportError(
            "claimkit.testing.check_extractor needs hypothesis: pip install 'claimkit[testing]'"
        ) from error
    return hypothesis
