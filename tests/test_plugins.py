"""The plugin manager: entry points, named plugins, disabling, validation."""

import re
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pluggy
import pytest
from spacy.language import Language
from spacy.tokens import Doc

import claimkit
from claimkit import Claim, Extractor, Span
from claimkit.hookspecs import HOOKSPEC_VERSION
from claimkit.plugins import BUILTIN_PLUGINS, PluginLoadError, describe_plugins, get_plugin_manager
from claimkit.readers import build_document, read_file

DEMO_SOURCE = """
import claimkit
from claimkit import Claim, Extractor, Span


def find(doc, document):
    at = document.text.find("Tibet")
    if at >= 0:
        span = Span.of(document.text, at, at + 5)
        yield Claim(kind="demo", doc_id=document.id, extractor="demo", evidence=span)


@claimkit.hookimpl
def claimkit_extractors():
    yield Extractor(name="demo-{tag}", kinds=("demo",), extract=find)
"""
TEXT = "Diplomats said Tibet was discussed on Monday, January 6, 1997."


@pytest.fixture
def module_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., str]]:
    """``make(source, dist=False)``: a uniquely named module on sys.path, its name returned.

    With ``dist=True`` a ``NAME-0.1.dist-info`` with an entry point ``NAME`` in the
    ``claimkit`` group is written beside it, as pip would install it.
    """
    made: list[str] = []
    monkeypatch.syspath_prepend(str(tmp_path))  # also invalidates importlib's caches

    def make(source: str, *, dist: bool = False) -> str:
        name = f"claimkit_demo_{uuid.uuid4().hex[:8]}"
        (tmp_path / f"{name}.py").write_text(source.replace("{tag}", name), encoding="utf-8")
        if dist:
            info = tmp_path / f"{name}-0.1.dist-info"
            info.mkdir()
            (info / "METADATA").write_text(
                f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8"
            )
            (info / "entry_points.txt").write_text(
                f"[claimkit]\n{name} = {name}\n", encoding="utf-8"
            )
        made.append(name)
        return name

    yield make
    for name in made:
        sys.modules.pop(name, None)


def claims_of(pipeline: claimkit.Pipeline, text: str = TEXT) -> tuple[Claim, ...]:
    return pipeline.process(build_document("doc", text)).claims


# ---------------------------------------------------------------- built-ins


def test_builtins_are_registered_under_their_module_names(pm: pluggy.PluginManager) -> None:
    for name in BUILTIN_PLUGINS:
        assert pm.get_plugin(name) is not None, name


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_disabling_a_builtin(how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if how == "argument":
        pm = get_plugin_manager(disable=["claimkit.extractors.dates"])
    else:
        monkeypatch.setenv(
            "CLAIMKIT_DISABLE", " claimkit.extractors.dates , claimkit.linking.times"
        )
        pm = get_plugin_manager()
        assert pm.get_plugin("claimkit.linking.times") is None
    assert pm.get_plugin("claimkit.extractors.dates") is None
    assert pm.is_blocked("claimkit.extractors.dates")
    assert pm.get_plugin("claimkit.extractors.statements") is not None


def test_disabled_builtin_dates_give_no_date_claims(pipeline: claimkit.Pipeline) -> None:
    off = claimkit.Pipeline(disable=["claimkit.extractors.dates"])
    gone = {e.name for e in pipeline.extractors} - {e.name for e in off.extractors}
    if not gone:
        pytest.skip("the dates plugin registers no extractor yet")
    assert any(c.kind == "date" for c in claims_of(pipeline))
    assert not any(c.kind == "date" for c in claims_of(off))


# ---------------------------------------------------------------- entry points


def test_entry_point_plugin_is_found_without_installing(module_dir: Callable[..., str]) -> None:
    name = module_dir(DEMO_SOURCE, dist=True)
    pm = get_plugin_manager()
    assert pm.get_plugin(name) is sys.modules[name]
    pipeline = claimkit.Pipeline(pm)
    assert f"demo-{name}" in [e.name for e in pipeline.extractors]
    demo = [c for c in claims_of(pipeline) if c.kind == "demo"]
    assert [c.evidence.text for c in demo] == ["Tibet"]


def test_autoload_can_be_switched_off(
    module_dir: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    name = module_dir(DEMO_SOURCE, dist=True)
    assert get_plugin_manager(autoload=False).get_plugin(name) is None
    monkeypatch.setenv("CLAIMKIT_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert get_plugin_manager().get_plugin(name) is None
    assert name not in sys.modules
    # an explicit autoload=True wins over the environment
    assert get_plugin_manager(autoload=True).get_plugin(name) is not None


def test_entry_point_plugin_can_be_disabled_by_name(
    module_dir: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    name = module_dir(DEMO_SOURCE, dist=True)
    assert get_plugin_manager(disable=[name]).get_plugin(name) is None
    monkeypatch.setenv("CLAIMKIT_DISABLE", name)
    assert get_plugin_manager().get_plugin(name) is None
    assert name not in sys.modules


def test_broken_installed_plugin_is_a_plugin_load_error(module_dir: Callable[..., str]) -> None:
    name = module_dir("raise RuntimeError('half-installed')\n", dist=True)
    with pytest.raises(PluginLoadError, match="half-installed"):
        get_plugin_manager()
    # ... and can be switched off to get on with the work
    assert get_plugin_manager(disable=[name]).get_plugin(name) is None


# ---------------------------------------------------------------- named plugins


def test_plugin_named_by_module_string(module_dir: Callable[..., str]) -> None:
    name = module_dir(DEMO_SOURCE)
    assert get_plugin_manager(autoload=False).get_plugin(name) is None
    pipeline = claimkit.Pipeline(plugins=[name])
    assert pipeline.pm.get_plugin(name) is sys.modules[name]
    assert any(c.kind == "demo" for c in claims_of(pipeline))
    # named twice, registered once
    assert (
        len([p for p in get_plugin_manager([name, name]).get_plugins() if p is sys.modules[name]])
        == 1
    )


def test_disabled_named_plugin_is_not_loaded(module_dir: Callable[..., str]) -> None:
    name = module_dir(DEMO_SOURCE)
    pipeline = claimkit.Pipeline(plugins=[name], disable=[name])
    assert pipeline.pm.get_plugin(name) is None
    assert not any(c.kind == "demo" for c in claims_of(pipeline))


def test_extract_api_takes_plugins_and_disable(module_dir: Callable[..., str]) -> None:
    name = module_dir(DEMO_SOURCE)
    assert any(c.kind == "demo" for c in claimkit.extract(TEXT, plugins=[name]))
    assert not any(c.kind == "demo" for c in claimkit.extract(TEXT, plugins=[name], disable=[name]))


def test_unknown_module_is_a_plugin_load_error() -> None:
    with pytest.raises(PluginLoadError, match="claimkit_no_such_plugin"):
        get_plugin_manager(["claimkit_no_such_plugin"])


@pytest.mark.parametrize(
    "source", ["def broken(:\n", "raise RuntimeError('plugin fails at import')\n"]
)
def test_plugin_failing_at_import_is_a_plugin_load_error(
    module_dir: Callable[..., str], source: str
) -> None:
    name = module_dir(source)
    with pytest.raises(PluginLoadError, match=name):
        get_plugin_manager([name])


def test_misspelt_hook_is_rejected_at_build() -> None:
    class Misspelt:
        @claimkit.hookimpl
        def claimkit_extractorz(self) -> list[Extractor]:
            return []

    with pytest.raises(pluggy.PluginValidationError, match="claimkit_extractorz"):
        get_plugin_manager([Misspelt()])


def test_misspelt_hook_in_a_named_module(module_dir: Callable[..., str]) -> None:
    name = module_dir(
        "import claimkit\n\n@claimkit.hookimpl\ndef claimkit_process_claimz(claims):\n    return claims\n"  # noqa: E501
    )
    with pytest.raises(pluggy.PluginValidationError):
        get_plugin_manager([name])


def test_hook_with_an_unknown_argument_is_rejected() -> None:
    class WrongArgs:
        @claimkit.hookimpl
        def claimkit_extractors(self, registry: object) -> list[Extractor]:
            return []

    with pytest.raises(pluggy.PluginValidationError):
        get_plugin_manager([WrongArgs()])


# ---------------------------------------------------------------- other hooks


def test_plugin_reader_for_a_new_suffix(tmp_path: Path) -> None:
    class ShoutReader:
        @claimkit.hookimpl
        def claimkit_read_document(self, path: Path) -> list[claimkit.Document] | None:
            if path.suffix != ".shout":
                return None
            return [claimkit.Document(id="", text=path.read_text(encoding="utf-8").upper())]

    path = tmp_path / "a.shout"
    path.write_text("hello", encoding="utf-8")
    pm = get_plugin_manager([ShoutReader()], autoload=False)
    (document,) = read_file(pm, path)
    assert (document.id, document.text) == ("a.shout", "HELLO")
    # the built-in readers are still there
    (tmp_path / "b.txt").write_text("plain", encoding="utf-8")
    assert read_file(pm, tmp_path / "b.txt")[0].text == "plain"


@Language.component("claimkit_test_marker")
def _marker(doc: Doc) -> Doc:
    doc.user_data["claimkit_test_marker"] = True
    return doc


def test_spacy_components_hook_and_shared_language(pipeline: claimkit.Pipeline) -> None:
    class Marker:
        @claimkit.hookimpl
        def claimkit_spacy_components(self, nlp: Language) -> None:
            nlp.add_pipe("claimkit_test_marker", last=True)

    class ExtractorsOnly:
        @claimkit.hookimpl
        def claimkit_extractors(self) -> list[Extractor]:
            return []

    marked = claimkit.Pipeline(plugins=[Marker()])
    assert "claimkit_test_marker" in marked.nlp.pipe_names
    assert marked.nlp("Some text.").user_data.get("claimkit_test_marker") is True
    # the component went into this plugin set's Language only
    assert "claimkit_test_marker" not in pipeline.nlp.pipe_names
    # plugin sets that add no component share the default Language (one model load)
    assert claimkit.Pipeline(plugins=[ExtractorsOnly()]).nlp is pipeline.nlp


def test_plugin_claim_kind_reads_back_with_its_data_type() -> None:
    import attrs

    @attrs.frozen
    class Loudness:
        level: int
        word: Span

    def find(doc: Doc, document: claimkit.Document) -> list[Claim]:
        span = Span.of(document.text, 0, 3)
        return [
            Claim(
                kind="loud",
                doc_id=document.id,
                extractor="loud",
                evidence=span,
                data=Loudness(level=3, word=span),
            )
        ]

    class Loud:
        @claimkit.hookimpl
        def claimkit_extractors(self) -> list[Extractor]:
            return [
                Extractor(name="loud", kinds=("loud",), extract=find, data_types={"loud": Loudness})
            ]

    pipeline = claimkit.Pipeline(plugins=[Loud()])
    assert pipeline.data_types["loud"] is Loudness
    assert pipeline.data_types["demand"] is claimkit.Demand
    (claim,) = [c for c in claims_of(pipeline) if c.kind == "loud"]
    from claimkit.serialize import claim_from_json, to_json

    assert claim_from_json(to_json(claim), pipeline.data_types) == claim


# ---------------------------------------------------------------- hook API version


@pytest.mark.parametrize("wanted", [">=0.1", ">=0.2,<1", "~=0.2", None])
def test_plugin_for_this_hook_api_loads(module_dir: Callable[..., str], wanted: str | None) -> None:
    source = DEMO_SOURCE + ("" if wanted is None else f"\nCLAIMKIT_HOOKSPEC = {wanted!r}\n")
    name = module_dir(source)
    assert get_plugin_manager([name], autoload=False).get_plugin(name) is not None


def test_plugin_for_a_newer_hook_api_is_refused(module_dir: Callable[..., str]) -> None:
    name = module_dir(DEMO_SOURCE + "\nCLAIMKIT_HOOKSPEC = '>=99.0'\n")
    with pytest.raises(PluginLoadError, match=rf"{name}.*>=99\.0.*hook API {HOOKSPEC_VERSION}"):
        get_plugin_manager([name], autoload=False)


def test_installed_plugin_for_a_newer_hook_api_is_refused(module_dir: Callable[..., str]) -> None:
    name = module_dir(DEMO_SOURCE + "\nCLAIMKIT_HOOKSPEC = '>=99.0'\n", dist=True)
    with pytest.raises(PluginLoadError, match=f"--disable {name}"):
        get_plugin_manager()
    assert get_plugin_manager(disable=[name]).get_plugin(name) is None


def test_plugin_object_states_its_hook_api_too() -> None:
    class Old:
        CLAIMKIT_HOOKSPEC = "<0.1"

    with pytest.raises(PluginLoadError, match="Old"):
        get_plugin_manager([Old()], autoload=False)


def test_malformed_hook_api_specifier_is_an_error(module_dir: Callable[..., str]) -> None:
    name = module_dir(DEMO_SOURCE + "\nCLAIMKIT_HOOKSPEC = 'version two'\n")
    with pytest.raises(PluginLoadError, match="not a version specifier"):
        get_plugin_manager([name], autoload=False)


def test_hookspec_version_is_major_minor() -> None:
    assert re.fullmatch(r"\d+\.\d+", HOOKSPEC_VERSION)


# ---------------------------------------------------------------- listing


def test_describe_plugins_says_where_each_came_from(module_dir: Callable[..., str]) -> None:
    installed = module_dir(DEMO_SOURCE, dist=True)
    named = module_dir(DEMO_SOURCE)

    class Loose:
        @claimkit.hookimpl
        def claimkit_statement_cues(self) -> list[object]:
            return []

    pm = get_plugin_manager([named, Loose()])
    found = {info.name: info for info in describe_plugins(pm)}
    assert [info.name for info in describe_plugins(pm)][: len(BUILTIN_PLUGINS)] == list(
        BUILTIN_PLUGINS
    )
    dates = found["claimkit.extractors.dates"]
    assert (dates.origin, dates.version, dates.hooks) == (
        "builtin",
        claimkit.__version__,
        ("claimkit_extractors",),
    )
    assert dates.extractors and dates.extractors[0].startswith("dates (date): ")
    assert found["claimkit.writers"].writers[0].startswith("jsonl (.jsonl)")
    entry = found[installed]
    assert (entry.origin, entry.distribution, entry.distribution_version) == (
        "entrypoint",
        installed,
        "0.1",
    )
    assert entry.extractors == (f"demo-{installed} (demo)",)
    assert (found[named].origin, found[named].hooks) == ("named", ("claimkit_extractors",))
    (loose,) = [info for info in found.values() if info.origin == "registered"]
    assert loose.hooks == ("claimkit_statement_cues",)


def test_a_plugin_whose_registration_raises_is_still_listed() -> None:
    class Broken:
        @claimkit.hookimpl
        def claimkit_extractors(self) -> list[Extractor]:
            raise RuntimeError("cannot build")

    pm = get_plugin_manager([Broken()], autoload=False)
    (broken,) = [info for info in describe_plugins(pm) if info.origin == "registered"]
    assert broken.extractors == ("claimkit_extractors raised RuntimeError: cannot build",)


def test_naming_an_installed_plugin_registers_it_once() -> None:
    pytest.importorskip("claimkit_numbers")
    pm = get_plugin_manager(["claimkit_numbers"])
    assert len([e for e in claimkit.Pipeline(pm).extractors if e.name == "numbers"]) == 1
