"""Shared fixtures: the default pipeline, a plugin manager, the seed stories."""

from collections.abc import Callable
from pathlib import Path

import pluggy
import pytest

import claimkit
from claimkit.plugins import get_plugin_manager
from claimkit.readers import build_document
from claimkit.types import Document

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
POLNEAR = REPO.parent / "shared" / "eval" / "polnear"


@pytest.fixture(scope="session")
def pipeline() -> claimkit.Pipeline:
    """The default pipeline: built-ins and installed plugins, as a user gets it."""
    return claimkit.Pipeline()


@pytest.fixture
def pm() -> pluggy.PluginManager:
    """A fresh plugin manager with the built-in readers and extractors."""
    return get_plugin_manager()


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def make_document() -> Callable[..., Document]:
    """``make_document(text, doc_id="doc", dct=None)``: a Document built like the API's."""

    def make(text: str, doc_id: str = "doc", dct: str | None = None) -> Document:
        return build_document(doc_id, text, dct=dct)

    return make
