"""The Reuters-21578 SGML reader (``.sgm``)."""

from pathlib import Path

import pytest

import claimkit
from claimkit.cli import main
from claimkit.plugins import BUILTIN_PLUGINS, get_plugin_manager
from claimkit.readers import read_file
from claimkit.readers.sgml import read_sgml

SGML = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D></TOPICS>
<PLACES><D>el-salvador</D><D>usa</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN>&#5;&#5;&#5;C T
&#22;&#22;&#1;f0704&#31;reute
u f BC-BAHIA-COCOA-REVIEW   02-26 0105</UNKNOWN>
<TEXT>&#2;
<TITLE>BAHIA COCOA &lt;REVIEW&gt;</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week,
Comissaria Smith &amp; Co said on Thursday. The company urged farmers to sell.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5545" NEWID="2">
<DATE>26-FEB-1987 15:02:20.00</DATE>
<TOPICS></TOPICS>
<PLACES><D>usa</D></PLACES>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS
</TITLE>Blah blah blah.
&#3;

</TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="3">
<DATE>not a date</DATE>
<TEXT TYPE="UNPROC">&#2;
 Bank borrowings..............614 down.....131
 Caf\xe9 prices rose, traders said.
 Reuter
&#3;
</TEXT>
</REUTERS>
<REUTERS NEWID="4"><TEXT>&#2;&#3;</TEXT></REUTERS>
"""


@pytest.fixture
def sgm(tmp_path: Path) -> Path:
    path = tmp_path / "reut2-test.sgm"
    path.write_bytes(SGML.encode("latin-1"))  # a Latin-1 byte (é), as in reut2-017.sgm
    return path


def test_the_reader_is_built_in() -> None:
    assert "claimkit.readers.sgml" in BUILTIN_PLUGINS


def test_one_document_per_story(sgm: Path) -> None:
    documents = read_file(get_plugin_manager(autoload=False), sgm, root=sgm.parent)
    assert [d.id for d in documents] == ["reut2-test.sgm#1", "reut2-test.sgm#2", "reut2-test.sgm#3"]
    first, brief, unprocessed = documents
    assert first.text == (
        "SALVADOR, Feb 26 - Showers continued throughout the week,\n"
        "Comissaria Smith & Co said on Thursday. The company urged farmers to sell."
    )
    assert first.dct == "1987-02-26T15:01" and first.dct_origin == "metadata"
    assert first.title == "BAHIA COCOA <REVIEW>"
    assert first.place == "SALVADOR"
    assert first.text[first.body_start :].startswith("Showers")
    assert first.meta["newid"] == "1" and first.meta["oldid"] == "5544"
    assert first.meta["topics"] == ["cocoa"] and first.meta["places"] == ["el-salvador", "usa"]
    assert first.meta["lewissplit"] == "TRAIN"
    # A brief is its headline.
    assert brief.text == "ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS"
    assert brief.dct == "1987-02-26T15:02"
    # Unprocessed text as it came; a date that is no date is kept aside.
    assert unprocessed.text.startswith("Bank borrowings")
    assert "Café prices rose, traders said." in unprocessed.text
    assert unprocessed.dct is None and unprocessed.meta["reuters_date"] == "not a date"
    for document in documents:
        assert not any(ord(c) < 32 and c not in "\n\t" for c in document.text)
        assert not document.text.endswith("Reuter")


def test_utf8_files_are_read_as_utf8() -> None:
    documents = read_sgml('<REUTERS NEWID="9"><TEXT><BODY>Café au lait.</BODY></TEXT></REUTERS>')
    assert [d.text for d in documents] == ["Café au lait."]


def test_claims_from_the_command_line(sgm: Path, tmp_path: Path) -> None:
    output = tmp_path / "claims.jsonl"
    assert main([str(sgm.parent), "-j", "1", "-q", "-o", str(output)]) == 0
    text = output.read_text(encoding="utf-8")
    assert '"doc_id": "reut2-test.sgm#1"' in text


def test_a_statement_of_a_reuters_story() -> None:
    (document,) = read_sgml(SGML.split('<REUTERS TOPICS="NO"')[0])
    result = claimkit.Pipeline().process(
        claimkit.build_document("r", document.text, metadata=document.meta)
    )
    assert any(c.kind == "statement" for c in result.claims)
