"""Built-in reader of plain text, Markdown and HTML files."""

from html.parser import HTMLParser
from pathlib import Path

from claimkit.hookspecs import hookimpl
from claimkit.types import Document

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# <meta> names that carry a publication time, as news sites write them.
_DATE_META = ("article:published_time", "date", "dc.date", "dcterms.created", "pubdate")
_BLOCKS = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
    "section", "article",
}  # fmt: skip


@hookimpl(trylast=True)
def claimkit_read_document(path: Path) -> list[Document] | None:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return [Document(id="", text=_read_text(path))]
    if suffix in HTML_SUFFIXES:
        parser = _TextOfHTML()
        parser.feed(_read_text(path))
        parser.close()
        text = "\n".join(
            line.strip() for line in "".join(parser.parts).splitlines() if line.strip()
        )
        return [Document(id="", text=text, meta=parser.meta)]
    return None


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ValueError("binary file, not text")
    # Keep offsets in Python characters of the text as written: only BOMs are dropped.
    return data.decode("utf-8-sig")


class _TextOfHTML(HTMLParser):
    """The visible text of a page, a line per block, with its title and date metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            found = dict(attrs)
            name = (found.get("name") or found.get("property") or "").lower()
            if name in _DATE_META and found.get("content") and "dct" not in self.meta:
                self.meta["dct"] = found["content"] or ""
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.meta["title"] = self.meta.get("title", "") + data.strip()
        elif not self._skip:
            self.parts.append(data)
