"""The plugin manager: built-in plugins first, then entry points, then named ones."""

import importlib
import os
from collections.abc import Iterable
from types import ModuleType

import pluggy

from claimkit import hookspecs
from claimkit.hookspecs import PROJECT

#: The built-in plugins, registered like any third-party plugin and in this order.
BUILTIN_PLUGINS = (
    "claimkit.readers.text",
    "claimkit.readers.records",
    "claimkit.extractors.statements",
    "claimkit.extractors.dates",
    "claimkit.extractors.demands",
    "claimkit.linking",
    "claimkit.linking.sources",
    "claimkit.linking.times",
)
#: The entry-point group third-party plugins are found in.
ENTRY_POINT_GROUP = PROJECT


class PluginLoadError(Exception):
    """A plugin named by the user could not be imported."""


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
            pm.register(module, name=plugin)
        elif pm.get_name(plugin) is None:
            pm.register(plugin)
    # A misspelt hook name in a plugin is an error, not a silently ignored function.
    pm.check_pending()
    return pm
