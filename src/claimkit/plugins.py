"""The plugin manager: built-in plugins first, then entry points, then named ones.

Also what the plugin hooks share once the manager is built: the options plugins add
(:func:`resolve_options`), the hook-API compatibility check (:func:`check_compatible`)
and a description of every plugin loaded (:func:`describe_plugins`, the ``plugins``
command).
"""

import argparse
import importlib
import importlib.metadata
import os
from collections.abc import Iterable, Mapping
from types import ModuleType, TracebackType
from typing import Any

import attrs
import pluggy

# ``packaging`` is not a dependency of claimkit's own but of spaCy's (and of pip's), so it
# is always installed beside claimkit; it is the reference implementation of PEP 440.
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from claimkit import hookspecs
from claimkit.hookspecs import HOOKSPEC_VERSION, PROJECT

#: The built-in plugins, registered like any third-party plugin and in this order.
BUILTIN_PLUGINS = (
    "claimkit.readers.text",
    "claimkit.readers.records",
    "claimkit.readers.sgml",
    "claimkit.extractors.statements",
    "claimkit.extractors.dates",
    "claimkit.extractors.demands",
    "claimkit.linking",
    "claimkit.linking.sources",
    "claimkit.linking.times",
    "claimkit.writers",
)
#: The entry-point group third-party plugins are found in.
ENTRY_POINT_GROUP = PROJECT
#: The module attribute (or plugin object attribute) in which a plugin states the hook
#: API it needs, as a PEP 440 specifier of :data:`claimkit.hookspecs.HOOKSPEC_VERSION`.
REQUIRES_ATTRIBUTE = "CLAIMKIT_HOOKSPEC"


class PluginLoadError(Exception):
    """A plugin could not be loaded: not importable, or made for another claimkit."""


class PluginError(Exception):
    """A plugin failed while the pipeline was being built (its hooks raised, or it
    registered something that clashes with another plugin's)."""


def get_plugin_manager(
    plugins: Iterable[str | ModuleType | object] = (),
    *,
    disable: Iterable[str] = (),
    autoload: bool | None = None,
) -> pluggy.PluginManager:
    """A plugin manager with the built-ins, the installed plugins and ``plugins``.

    :param plugins: more plugins: module names to import, or modules and objects.
    :param disable: names of plugins to switch off, built-ins included (a built-in's name
        is its module name, an entry point's its entry-point name); added to the
        comma-separated ``CLAIMKIT_DISABLE`` environment variable.
    :param autoload: load plugins from the ``claimkit`` entry-point group; by default,
        unless ``CLAIMKIT_DISABLE_PLUGIN_AUTOLOAD`` is set.
    :raises PluginLoadError: a plugin cannot be imported, or needs a newer hook API.
    :raises pluggy.PluginValidationError: a plugin implements a hook that does not exist
        (a misspelt name) or takes an argument the hook does not have.
    """
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    blocked = {*disable, *filter(None, os.environ.get("CLAIMKIT_DISABLE", "").split(","))}
    for name in blocked:
        pm.set_blocked(name.strip())
    for name in BUILTIN_PLUGINS:
        if not pm.is_blocked(name):
            pm.register(importlib.import_module(name), name=name)
    if autoload is None:
        autoload = not os.environ.get("CLAIMKIT_DISABLE_PLUGIN_AUTOLOAD")
    if autoload:
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        except Exception as error:  # an installed plugin that cannot be imported
            raise PluginLoadError(
                f"cannot load an installed plugin (entry point group {ENTRY_POINT_GROUP!r}; "
                f"set CLAIMKIT_DISABLE to its name to skip it): {type(error).__name__}: {error}"
            ) from error
    for plugin in plugins:
        if isinstance(plugin, str):
            if pm.is_blocked(plugin) or pm.get_plugin(plugin) is not None:
                continue
            try:
                module = importlib.import_module(plugin)
            except Exception as error:  # ImportError, SyntaxError, or what the module raised
                raise PluginLoadError(
                    f"cannot import plugin {plugin!r}: {type(error).__name__}: {error}"
                ) from error
            # ``-p claimkit_numbers`` when the same module is installed as "numbers".
            if not pm.is_registered(module):
                pm.register(module, name=plugin)
        elif pm.get_name(plugin) is None:
            pm.register(plugin)
    # (list_name_plugin, not get_plugins: that builds a set, and a plugin object may be
    # unhashable, a SimpleNamespace of hook functions.)
    for name, plugin in pm.list_name_plugin():
        if plugin is not None:  # None: blocked
            check_compatible(plugin, name)
    # A misspelt hook name in a plugin is an error, not a silently ignored function.
    pm.check_pending()
    return pm


def check_compatible(plugin: object, name: str | None = None) -> None:
    """Refuse a plugin that states it needs another hook API than this claimkit's.

    A plugin states it in a module attribute ``CLAIMKIT_HOOKSPEC = ">=0.2"`` (a PEP 440
    specifier, checked against :data:`claimkit.hookspecs.HOOKSPEC_VERSION`). This protects
    plugins named with ``-p`` or installed without pip's dependency check; for a
    distributed plugin, also require the claimkit release in its ``dependencies``.

    :raises PluginLoadError: the plugin needs another hook API, or its specifier is
        not PEP 440.
    """
    wanted = getattr(plugin, REQUIRES_ATTRIBUTE, None)
    if wanted is None:
        return
    who = label(plugin, name)
    try:
        specifier = SpecifierSet(str(wanted))
    except InvalidSpecifier as error:
        raise PluginLoadError(
            f"plugin {who!r}: {REQUIRES_ATTRIBUTE} = {wanted!r} is not a version specifier "
            f"such as '>=0.2' ({error})"
        ) from error
    if not specifier.contains(Version(HOOKSPEC_VERSION), prereleases=True):
        from claimkit import __version__

        hint = f" or switch the plugin off (--disable {who})" if who == name else ""
        raise PluginLoadError(
            f"plugin {who!r} needs claimkit hook API {specifier} but this claimkit "
            f"({__version__}) provides hook API {HOOKSPEC_VERSION}: upgrade claimkit "
            f"(pip install -U claimkit){hint}"
        )


def culprit(pm: pluggy.PluginManager, hook_name: str, tb: TracebackType | None) -> object | None:
    """The plugin whose implementation of ``hook_name`` raised, from the traceback."""
    codes = {
        getattr(impl.function, "__code__", None): impl.plugin
        for impl in getattr(pm.hook, hook_name).get_hookimpls()
    }
    found = None
    while tb is not None:
        found = codes.get(tb.tb_frame.f_code, found)
        tb = tb.tb_next
    return found


def blame(pm: pluggy.PluginManager, hook_name: str, error: BaseException) -> str:
    """The name of the plugin whose ``hook_name`` raised ``error``, or "a plugin"."""
    plugin = culprit(pm, hook_name, error.__traceback__)
    if plugin is None:
        return "a plugin"
    who = label(plugin, pm.get_name(plugin))
    return who if who == pm.get_name(plugin) else f"plugin {who}"


def label(plugin: object, name: str | None) -> str:
    """How to name a plugin to a user: its registered name, or for an object registered
    without one (pluggy names it by its id), its class."""
    if name and not name.isdigit():
        return name
    return getattr(plugin, "__name__", None) or type(plugin).__name__


# ---------------------------------------------------------------- options


def add_plugin_options(pm: pluggy.PluginManager, parser: argparse.ArgumentParser) -> None:
    """Let every plugin add its options to ``parser`` (``claimkit_add_options``).

    :raises PluginError: a plugin's option clashes with another's, or its hook raised.
    """
    try:
        pm.hook.claimkit_add_options(parser=parser)
    except Exception as error:  # argparse.ArgumentError for a clash, or the plugin's bug
        name = blame(pm, "claimkit_add_options", error)
        raise PluginError(
            f"{name} failed to add its options: {type(error).__name__}: {error}"
        ) from error


def resolve_options(
    pm: pluggy.PluginManager, given: Mapping[str, Any] | argparse.Namespace | None = None
) -> argparse.Namespace:
    """The options the hooks receive as ``options``.

    The command line passes its parsed namespace, which is used as it is, with the
    defaults of any plugin option it lacks (a namespace built for another command, such
    as ``evaluate``'s). From Python, ``given`` maps option names (argparse ``dest``
    names: ``--numbers-min`` is ``numbers_min``) to values; every option a plugin added
    and ``given`` does not name has its default.

    :raises PluginError: ``given`` names an option no plugin added, or a plugin's option
        has no default and is not given.
    """
    parser = argparse.ArgumentParser(prog="claimkit", add_help=False)
    add_plugin_options(pm, parser)
    if isinstance(given, argparse.Namespace):
        defaults = {action.dest: action.default for action in parser._actions}
        return argparse.Namespace(**{**defaults, **vars(given)})
    values = dict(given or {})
    known = {action.dest for action in parser._actions}
    unknown = sorted(set(values) - known)
    if unknown:
        raise PluginError(
            f"no plugin has the option {', '.join(map(repr, unknown))}; "
            f"known: {', '.join(sorted(known)) or 'none'}"
        )
    options = argparse.Namespace(**{action.dest: action.default for action in parser._actions})
    missing = [a.dest for a in parser._actions if a.required and a.dest not in values]
    if missing:
        raise PluginError(f"the plugin option {', '.join(missing)} is required")
    for key, value in values.items():
        setattr(options, key, value)
    return options


# ---------------------------------------------------------------- listing


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What ``python -m claimkit plugins`` says of one plugin."""

    name: str
    #: ``builtin``, ``entrypoint`` (installed), ``named`` (``-p MODULE``),
    #: ``registered`` (an object passed in from Python) or ``disabled`` (``--disable``,
    #: ``CLAIMKIT_DISABLE``).
    origin: str
    version: str | None
    module: str | None
    hooks: tuple[str, ...]
    #: The distribution the plugin was installed with, for an entry point.
    distribution: str | None = None
    distribution_version: str | None = None
    #: ``name (kinds): description`` of each extractor, and ``name (.suffix):
    #: description`` of each writer it registers.
    extractors: tuple[str, ...] = ()
    writers: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return attrs.asdict(self)


def describe_plugins(
    pm: pluggy.PluginManager, options: argparse.Namespace | None = None
) -> list[PluginInfo]:
    """Every plugin ``pm`` holds, in the order they were registered (built-ins first)."""
    from claimkit import __version__

    options = options if options is not None else resolve_options(pm)
    dists = {id(plugin): dist for plugin, dist in pm.list_plugin_distinfo()}
    found = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None:  # blocked: --disable, CLAIMKIT_DISABLE
            found.append(
                PluginInfo(name=name, origin="disabled", version=None, module=None, hooks=())
            )
            continue
        module_name = getattr(plugin, "__name__", None) or type(plugin).__module__
        dist = dists.get(id(plugin))
        version: str | None
        if name in BUILTIN_PLUGINS:
            origin, version = "builtin", __version__
        elif dist is not None:
            origin, version = "entrypoint", _plugin_version(plugin) or dist.version
        elif isinstance(plugin, ModuleType):
            origin, version = "named", _plugin_version(plugin) or _module_dist_version(plugin)
        else:
            origin, version = "registered", _plugin_version(plugin)
        hooks = sorted(caller.name for caller in pm.get_hookcallers(plugin) or ())
        found.append(
            PluginInfo(
                name=name,
                origin=origin,
                version=version,
                module=module_name,
                hooks=tuple(hooks),
                distribution=dist.project_name if dist is not None else None,
                distribution_version=dist.version if dist is not None else None,
                extractors=tuple(_registered(pm, plugin, "claimkit_extractors", options)),
                writers=tuple(_registered(pm, plugin, "claimkit_writers", options)),
            )
        )
    return found


def _plugin_version(plugin: object) -> str | None:
    version = getattr(plugin, "__version__", None)
    return str(version) if version is not None else None


def _module_dist_version(module: ModuleType) -> str | None:
    """The version of the installed distribution a module named with ``-p`` comes from."""
    top = module.__name__.partition(".")[0]
    for dist_name in importlib.metadata.packages_distributions().get(top, ()):
        try:
            return importlib.metadata.version(dist_name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def _registered(
    pm: pluggy.PluginManager, plugin: object, hook_name: str, options: argparse.Namespace
) -> list[str]:
    """One line per record ``plugin``'s own implementation of ``hook_name`` returns."""
    arguments: dict[str, object] = {"pm": pm, "options": options}
    lines = []
    for impl in getattr(pm.hook, hook_name).get_hookimpls():
        if impl.plugin is not plugin:
            continue
        try:
            records = list(impl.function(*[arguments[arg] for arg in impl.argnames]) or ())
        except Exception as error:  # listing must not stop at one plugin's bug
            lines.append(f"{hook_name} raised {type(error).__name__}: {error}")
            continue
        for record in records:
            what = getattr(record, "kinds", None) or (getattr(record, "suffix", None),)
            description = getattr(record, "description", "") or ""
            line = f"{getattr(record, 'name', '?')} ({', '.join(map(str, what))})"
            lines.append(f"{line}: {description}" if description else line)
    return lines
