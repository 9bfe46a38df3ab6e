"""Files into Documents: the built-in readers, metadata beside the files, DCT precedence."""

import csv
import itertools
import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pluggy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimkit.hookspecs import hookimpl
from claimkit.readers import (
    ReadError,
    build_document,
    is_input_file,
    iter_file,
    iter_files,
    read_file,
)
from claimkit.types import Document
from tests.conftest import POLNEAR

HEADED = "Published by Wire - Tuesday, January 28, 1997\nMOSCOW (Reuters) - Officials met.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ---------------------------------------------------------------- DCT precedence


def test_dct_from_the_text_header() -> None:
    document = build_document("d", HEADED)
    assert (document.dct, document.dct_origin) == ("1997-01-28", "text")
    assert (document.publisher, document.place, document.agency) == ("Wire", "MOSCOW", "Reuters")
    assert HEADED[document.body_start :] == "Officials met.\n"


def test_metadata_beats_the_text_header() -> None:
    document = build_document("d", HEADED, metadata={"publication_date": "1997-02-03"})
    assert (document.dct, document.dct_origin) == ("1997-02-03", "metadata")
    assert "publication_date" not in document.meta
    # the header still gives what metadata does not
    assert document.publisher == "Wire"


def test_caller_beats_metadata_and_header() -> None:
    document = build_document("d", HEADED, metadata={"dct": "1997-02-03"}, dct="1997-03-04")
    assert (document.dct, document.dct_origin) == ("1997-03-04", "caller")


def test_caller_dct_is_normalised() -> None:
    assert build_document("d", "x", dct="Tuesday, January 28, 1997").dct == "1997-01-28"


def test_bad_caller_dct_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        build_document("d", "x", dct="not a date")


@pytest.mark.parametrize(
    ("flag", "origin"),
    [
        (True, "inferred"),
        ("true", "inferred"),
        (False, "metadata"),
        ("false", "metadata"),
        ("0", "metadata"),
    ],
)
def test_dct_inferred_flag(flag: object, origin: str) -> None:
    document = build_document("d", HEADED, metadata={"dct": "1997-02-03", "dct_inferred": flag})
    assert (document.dct, document.dct_origin) == ("1997-02-03", origin)
    assert "dct_inferred" not in document.meta


def test_metadata_fields_become_attributes_and_the_rest_stays_in_meta() -> None:
    document = build_document(
        "d", "Text.", metadata={"title": "T", "publisher": "P", "author": "A", "count": 3}
    )
    assert (document.title, document.publisher) == ("T", "P")
    assert document.meta == {"author": "A", "count": 3}


# ---------------------------------------------------------------- sidecars and tables


def test_sidecar_metadata_is_merged_and_beats_the_header(
    tmp_path: Path, pm: pluggy.PluginManager
) -> None:
    path = write(tmp_path / "story.txt", HEADED)
    write(tmp_path / "story.meta.json", json.dumps({"dct": "1997-02-03", "dct_inferred": True}))
    (document,) = read_file(pm, path)
    assert (document.dct, document.dct_origin) == ("1997-02-03", "inferred")
    assert document.id == "story.txt"
    assert document.path == str(path)


def test_sidecar_named_after_the_full_file_name(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    path = write(tmp_path / "story.txt", "Text.")
    write(tmp_path / "story.txt.meta.json", json.dumps({"date": "1997-02-03"}))
    (document,) = read_file(pm, path)
    assert (document.dct, document.dct_origin) == ("1997-02-03", "metadata")


def test_caller_beats_the_sidecar(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    path = write(tmp_path / "story.txt", HEADED)
    write(tmp_path / "story.meta.json", json.dumps({"dct": "1997-02-03"}))
    (document,) = read_file(pm, path, dct="1997-03-04")
    assert (document.dct, document.dct_origin) == ("1997-03-04", "caller")


def test_seed_sidecar_marks_the_dct_inferred(seeds: Path, pm: pluggy.PluginManager) -> None:
    (document,) = read_file(pm, seeds / "001_a25b4adccc4bb004.txt")
    assert (document.dct, document.dct_origin) == ("1997-02-03", "inferred")
    assert "note" in document.meta
    (headed,) = read_file(pm, seeds / "000_ed503c6fe1687815.txt")
    assert (headed.dct, headed.dct_origin) == ("1997-01-28", "text")


def write_table(path: Path, rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)


def test_polnear_layout_table_in_a_parent_folder(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    # PolNeAR: metadata.tsv at the top, texts in dev/text/, keyed by file name sans suffix.
    write_table(
        tmp_path / "metadata.tsv",
        [
            {
                "filename": "story-a",
                "publisher": "breitbart",
                "publication_date": "2016-09-12",
                "author": "None",
            },
            {
                "filename": "story-b",
                "publisher": "nyt",
                "publication_date": "2016-09-15",
                "author": "X",
            },
        ],
    )
    path = write(tmp_path / "dev" / "text" / "story-a.txt", HEADED)
    (document,) = read_file(pm, path, root=tmp_path)
    assert (document.dct, document.dct_origin) == ("2016-09-12", "metadata")
    assert document.publisher == "breitbart"
    assert "author" not in document.meta  # "None" cells are no value
    assert document.id == "dev/text/story-a.txt"
    # read from its own folder (python -m claimkit polnear/dev/text), the table two
    # folders up still names it
    (alone,) = read_file(pm, path)
    assert (alone.dct, alone.id) == ("2016-09-12", "story-a.txt")
    # a table that does not name the file gives it nothing
    other = write(tmp_path / "dev" / "text" / "story-c.txt", HEADED)
    (unnamed,) = read_file(pm, other)
    assert (unnamed.dct, unnamed.dct_origin) == ("1997-01-28", "text")


def test_a_table_beside_the_file_keyed_by_full_name(
    tmp_path: Path, pm: pluggy.PluginManager
) -> None:
    write_table(
        tmp_path / "metadata.tsv",
        [{"filename": "a.txt", "dct": "1997-02-03", "dct_inferred": "false"}],
    )
    (document,) = read_file(pm, write(tmp_path / "a.txt", HEADED))
    assert (document.dct, document.dct_origin) == ("1997-02-03", "metadata")


def test_sidecar_beats_the_table(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    write_table(tmp_path / "metadata.tsv", [{"filename": "a", "dct": "1997-02-03"}])
    write(tmp_path / "a.meta.json", json.dumps({"dct": "1997-02-04"}))
    (document,) = read_file(pm, write(tmp_path / "a.txt", "x"))
    assert document.dct == "1997-02-04"


def test_an_edited_table_is_read_again(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    path = write(tmp_path / "a.txt", "x")
    assert read_file(pm, path)[0].dct is None
    write_table(tmp_path / "metadata.tsv", [{"filename": "a", "dct": "1997-02-03"}])
    assert read_file(pm, path)[0].dct == "1997-02-03"
    write_table(tmp_path / "metadata.tsv", [{"filename": "a", "dct": "1997-02-04", "x": "longer"}])
    assert read_file(pm, path)[0].dct == "1997-02-04"


@pytest.mark.skipif(not (POLNEAR / "metadata.tsv").is_file(), reason="PolNeAR corpus not present")
def test_real_polnear_metadata(pm: pluggy.PluginManager) -> None:
    path = sorted((POLNEAR / "dev" / "text").glob("*.txt"))[0]
    with (POLNEAR / "metadata.tsv").open(newline="", encoding="utf-8") as handle:
        rows = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    (document,) = read_file(pm, path, root=POLNEAR)
    assert document.dct == rows[path.stem]["publication_date"]
    assert document.dct_origin == "metadata"


def test_bad_sidecar_is_a_read_error(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    path = write(tmp_path / "a.txt", "x")
    write(tmp_path / "a.meta.json", "{not json")
    with pytest.raises(ReadError, match=re.escape("a.txt")):
        read_file(pm, path)
    write(tmp_path / "a.meta.json", "[1, 2]")
    with pytest.raises(ReadError, match="JSON object"):
        read_file(pm, path)


def test_bad_dct_in_metadata_is_a_read_error(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    path = write(tmp_path / "a.txt", "x")
    write(tmp_path / "a.meta.json", json.dumps({"dct": "1997"}))
    with pytest.raises(ReadError, match=re.escape("a.txt")):
        read_file(pm, path)


# ---------------------------------------------------------------- formats


def test_text_and_markdown(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    text = "\ufeffThe diplomat said: « non ».\r\nSecond line.\n"
    for name in ("a.txt", "b.md"):
        (document,) = read_file(pm, write(tmp_path / name, text))
        assert document.text == text[1:]  # the BOM is dropped, nothing else
        assert document.id == name


def test_html_visible_text_title_and_published_time(
    tmp_path: Path, pm: pluggy.PluginManager
) -> None:
    page = """<!doctype html><html><head><title>Talks &amp; more</title>
    <meta property="article:published_time" content="2016-09-12T10:00:00Z">
    <style>p { color: red }</style><script>var hidden = "said";</script></head>
    <body><h1>Headline</h1><p>The diplomat &quot;said&quot; so.</p>
    <noscript>enable js</noscript><p>Two<br>lines</p></body></html>"""
    (document,) = read_file(pm, write(tmp_path / "page.html", page))
    assert document.text == 'Headline\nThe diplomat "said" so.\nTwo\nlines'
    assert document.title == "Talks & more"
    assert document.dct is not None and document.dct.startswith("2016-09-12T10:00")
    assert document.dct_origin == "metadata"
    for hidden in ("color", "hidden", "enable js", "Talks"):
        assert hidden not in document.text


def test_json_object_and_list(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    (one,) = read_file(
        pm,
        write(
            tmp_path / "one.json",
            json.dumps({"text": "A.", "dct": "1997-02-03", "source_url": "u"}),
        ),
    )
    assert (one.id, one.text, one.dct, one.dct_origin) == (
        "one.json",
        "A.",
        "1997-02-03",
        "metadata",
    )
    assert one.meta == {"source_url": "u"}
    many = read_file(
        pm, write(tmp_path / "many.json", json.dumps([{"text": "A.", "id": "x"}, {"text": "B."}]))
    )
    assert [(d.id, d.text) for d in many] == [("x", "A."), ("many.json#2", "B.")]


def test_jsonl_ids_dct_and_numbering(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    lines = [
        {"id": "s1", "text": "One.", "dct": "1997-01-28", "title": "First"},
        {"text": "Two."},
        {"id": 7, "text": HEADED},
    ]
    content = "\n".join(json.dumps(r) for r in lines[:2]) + "\n\n" + json.dumps(lines[2]) + "\n"
    documents = read_file(pm, write(tmp_path / "docs.jsonl", content))
    assert [d.id for d in documents] == ["s1", "docs.jsonl#2", "7"]
    assert (documents[0].dct, documents[0].dct_origin, documents[0].title) == (
        "1997-01-28",
        "metadata",
        "First",
    )
    assert documents[1].dct is None
    assert (documents[2].dct, documents[2].dct_origin) == ("1997-01-28", "text")


def test_jsonl_without_ids_is_numbered(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    documents = read_file(pm, write(tmp_path / "d.jsonl", '{"text": "a"}\n{"text": "b"}\n'))
    assert [d.id for d in documents] == ["d.jsonl#1", "d.jsonl#2"]
    (single,) = read_file(pm, write(tmp_path / "s.jsonl", '{"text": "a"}\n'))
    assert single.id == "s.jsonl"


def test_jsonl_keeps_line_separators_inside_strings(
    tmp_path: Path, pm: pluggy.PluginManager
) -> None:
    text = "one\u2028two\u0085three\u2029four"
    content = json.dumps({"text": text}, ensure_ascii=False) + "\r\n"
    (document,) = read_file(pm, write(tmp_path / "u.jsonl", content))
    assert document.text == text


def test_documents_before_a_broken_line_are_kept(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    path = write(tmp_path / "big.jsonl", '{"text": "one"}\n{"text": "two"}\n{"text": broken\n')
    documents = iter_file(pm, path)
    assert [next(documents).id, next(documents).id] == ["big.jsonl#1", "big.jsonl#2"]
    with pytest.raises(ReadError, match=r"big\.jsonl: line 3"):
        next(documents)


def test_a_reader_is_consumed_as_documents_are_taken(
    tmp_path: Path, pm: pluggy.PluginManager
) -> None:
    """A reader may return an iterator; claimkit reads at most one document ahead."""
    produced: list[int] = []

    class Endless:
        @hookimpl
        def claimkit_read_document(self, path: Path) -> Iterator[Document]:
            def documents() -> Iterator[Document]:
                for number in itertools.count(1):
                    produced.append(number)
                    yield Document(id="", text=f"Story {number}.")

            return documents()

    pm.register(Endless())
    documents = iter_file(pm, write(tmp_path / "feed.txt", "x"))
    first = next(documents)
    assert (first.id, first.text) == ("feed.txt#1", "Story 1.")
    assert produced == [1, 2]
    assert [next(documents).text for _ in range(3)] == ["Story 2.", "Story 3.", "Story 4."]
    assert produced == [1, 2, 3, 4, 5]


def test_json_with_a_byte_order_mark(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    path = write(tmp_path / "b.json", b'\xef\xbb\xbf{"text": "x"}')
    assert read_file(pm, path)[0].text == "x"


# ---------------------------------------------------------------- errors


def test_bad_json_line_names_the_file_and_the_line(
    tmp_path: Path, pm: pluggy.PluginManager
) -> None:
    path = write(tmp_path / "bad.jsonl", '{"text": "ok"}\n{"text": oops}\n')
    with pytest.raises(ReadError) as caught:
        read_file(pm, path)
    assert "bad.jsonl" in str(caught.value)
    assert "line 2" in str(caught.value)
    assert caught.value.path == str(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("no-text.jsonl", '{"id": "a", "title": "no text"}\n', "text"),
        ("text-not-string.json", '{"text": 3}', "text"),
        ("not-object.jsonl", "[1, 2]\n", "object"),
        ("broken.json", '{"text": ', "not JSON"),
        ("binary.txt", b"\x00\x01\x02\x03 some text", "binary"),
        ("latin1.txt", "caf\xe9".encode("latin-1"), "utf-8"),
        ("binary.jsonl", b"\xff\xfe\x00\x01", ""),
        ("deep.json", "[" * 100_000 + "]" * 100_000, ""),
        ("table.xlsx", b"PK\x03\x04", "no reader"),
        ("README", "no suffix", "no reader"),
    ],
)
def test_bad_files_are_read_errors_naming_the_file(
    tmp_path: Path, pm: pluggy.PluginManager, name: str, content: str | bytes, message: str
) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(ReadError) as caught:
        read_file(pm, path)
    assert name in str(caught.value)
    assert message.lower() in str(caught.value).lower()


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    suffix=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".csv", ""]),
    content=st.binary(max_size=200)
    | st.text(max_size=200).map(str.encode)
    | st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["text", "id", "dct", "title", "dct_inferred"]), inner, max_size=4
            )
        ),
    ).map(lambda v: json.dumps(v).encode()),
)
def test_read_file_raises_nothing_but_read_error(suffix: str, content: bytes) -> None:
    from claimkit.plugins import get_plugin_manager

    pm = get_plugin_manager(autoload=False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(content)
        try:
            documents = read_file(pm, path)
        except ReadError as error:
            assert error.path == str(path)
            return
        for document in documents:
            assert document.text is not None
            assert 0 <= document.body_start <= len(document.text)


# ---------------------------------------------------------------- folders


def test_iter_files_skips_metadata_and_hidden_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a.jsonl", "a.meta.json", "metadata.tsv", "metadata.csv", ".hidden.txt"):
        write(tmp_path / name, "x")
    write(tmp_path / "sub" / "c.txt", "x")
    assert [p.name for p in iter_files(tmp_path)] == ["a.jsonl", "b.txt"]
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path, recursive=True)] == [
        "a.jsonl",
        "b.txt",
        "sub/c.txt",
    ]
    assert list(iter_files(tmp_path / "b.txt")) == [tmp_path / "b.txt"]
    assert not is_input_file(tmp_path / "sub")


def test_relative_ids_under_the_root(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    path = write(tmp_path / "sub" / "c.txt", "x")
    assert read_file(pm, path, root=tmp_path)[0].id == "sub/c.txt"
    assert read_file(pm, path)[0].id == "c.txt"
    assert os.sep not in read_file(pm, path, root=tmp_path)[0].id.replace("/", "")
