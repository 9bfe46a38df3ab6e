"""The TimeML gold format: reading ``.tml`` files, and a floor on TempEval-3 (TBAQ).

The floor test parses all 256 TBAQ articles (about half a minute); it is skipped when
``../shared/eval/tempeval3`` is absent.
"""

import argparse
from pathlib import Path

import pytest

from claimkit.evaluate import command, timeml

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
TBAQ = EVAL / "tempeval3"

TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>t1</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
    'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>\n'
    '<TEXT>\nAT&amp;T <EVENT eid="e1" class="REPORTING">said</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3> that profit rose in '
    '<TIMEX3 tid="t2" type="DATE" value="1997" mod="END">late 1997</TIMEX3>.\n</TEXT>\n'
    "</TimeML>\n"
)


def test_reading_strips_tags_decodes_entities_and_keeps_offsets() -> None:
    document = timeml.read_timeml(TML, "t1")
    assert document.dct == "1998-01-08"
    assert document.text.startswith("\nAT&T said Wednesday")
    wednesday, late = document.gold
    assert document.text[wednesday.span.start : wednesday.span.end] == "Wednesday"
    assert (wednesday.type, wednesday.value, wednesday.mod) == ("DATE", "1998-01-07", None)
    assert (late.span.text, late.mod) == ("late 1997", "END")


def test_a_file_without_text_is_an_error() -> None:
    with pytest.raises(timeml.TimeMLError):
        timeml.read_timeml("<TimeML><DCT></DCT></TimeML>", "bad")


def test_the_evaluate_command_detects_and_scores_tml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "t1.tml").write_text(TML, encoding="utf-8")
    assert timeml.detect(tmp_path) and timeml.detect(tmp_path / "a" / "t1.tml")
    assert not timeml.detect(Path(__file__).parent)
    assert command.main([str(tmp_path), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "== dates (TempEval-3 Task A)" in out
    assert "relaxed F1" in out and "value F1" in out


@pytest.mark.eval
def test_tbaq_scores_stay_above_the_floor() -> None:
    if not TBAQ.is_dir():
        pytest.skip(f"{TBAQ} is absent")
    options = argparse.Namespace(
        dct=None, predictions=None, plugin=[], disable=[], model=None, errors=False
    )
    section = timeml.evaluate(TBAQ, options)[0]
    # measured: strict 0.883, relaxed 0.945, value F1 0.825, type accuracy 0.953
    # (docs/evaluation.md)
    assert section.get("strict F1") >= 0.873
    assert section.get("relaxed F1") >= 0.935
    assert section.get("value F1") >= 0.815
    assert section.get("type accuracy") >= 0.943
