"""Every vägvisare validation rule: a small broken flow, a Swedish `file:line` message."""

import shutil

import pytest
from conftest import FIXTURES, run_build

FLOWS = FIXTURES / "vagvisare"


@pytest.mark.parametrize(
    "fixture, line, words",
    [
        ("svar-leder-ingenstans.yaml", 6, "som inte finns"),
        ("kan-inte-nas.yaml", 11, "går inte att nå"),
        ("slinga.yaml", 9, "slinga"),
        ("ett-svar.yaml", 3, "färre än två svar"),
        ("for-lang-vag.yaml", 12, "fler än 5 frågor"),
        ("utfall-utan-kontakt.yaml", 11, "ingen kontakt"),
        ("okand-typ.yaml", 11, "'tandlakare'"),
    ],
)
def test_each_flow_mistake_is_reported(content, tmp_path, fixture, line, words):
    shutil.copy(FLOWS / fixture, content / "vagvisare" / "flode.yaml")
    code, printed = run_build(content, tmp_path / "ut")
    assert code == 1
    rows = [row for row in printed.splitlines() if f"vagvisare/flode.yaml:{line}:" in row]
    assert any(words in row for row in rows), printed


def test_missing_words_for_a_node(content, tmp_path):
    (content / "vagvisare" / "sv" / "aldre-minne.md").unlink()
    code, printed = run_build(content, tmp_path / "ut")
    flow = (content / "vagvisare" / "flode.yaml").read_text(encoding="utf-8").splitlines()
    line = flow.index("  aldre-minne:") + 1
    assert code == 1
    assert f"vagvisare/flode.yaml:{line}: Texten för 'aldre-minne' saknas" in printed


def test_missing_label_for_an_answer(content, tmp_path):
    text = content / "vagvisare" / "sv" / "beroende-psyke.md"
    lines = text.read_text(encoding="utf-8").splitlines(keepends=True)
    text.write_text("".join(line for line in lines if not line.lstrip().startswith("nej:")), encoding="utf-8")
    code, printed = run_build(content, tmp_path / "ut")
    assert code == 1 and "beroende-psyke.md:" in printed and "Texten för svaret 'nej' saknas" in printed


def test_kind_without_contact_in_the_directory(content, tmp_path):
    directory = content / "kommuner" / "exempelstad" / "verksamheter.yaml"
    text = directory.read_text(encoding="utf-8").replace("typ: bup", "typ: psykiatri")
    directory.write_text(text, encoding="utf-8")
    code, printed = run_build(content, tmp_path / "ut")
    assert code == 1
    assert "verksamheter.yaml:1: Vägvisaren behöver en verksamhet av typen 'bup'" in printed
