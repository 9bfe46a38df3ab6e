"""Every Python code block in the docs and the README runs, and every hook is documented."""

import re
from pathlib import Path

import pytest

import claimkit.hookspecs

ROOT = Path(__file__).resolve().parent.parent
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_code_blocks_run(page: Path) -> None:
    """The blocks of a page run in order in one namespace, as a reader would paste them."""
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for number, block in enumerate(BLOCK.findall(page.read_text(encoding="utf-8")), start=1):
        try:
            exec(compile(block, f"{page.name}#block{number}", "exec"), namespace)
        except Exception as error:  # report which block of which page broke
            pytest.fail(f"{page.name}, block {number}: {type(error).__name__}: {error}")


def hook_signatures() -> list[str]:
    import inspect

    return [
        f"{name}({', '.join(inspect.signature(function).parameters)})"
        for name, function in vars(claimkit.hookspecs).items()
        if name.startswith("claimkit_") and callable(function)
    ]


@pytest.mark.parametrize("signature", hook_signatures())
def test_every_hook_is_documented(signature: str) -> None:
    assert f"## {signature}" in (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
