"""Every vägvisare rule: a small broken flow, reported with its code, file and line."""

import shutil

import pytest
from conftest import FIXTURES
from content_helpers import KOMMUN, check, line_of, where, write_content

FLOWS = FIXTURES / "vagvisare"


@pytest.mark.parametrize(
    "fixture, line, code",
    [
        ("svar-leder-ingenstans.yaml", 6, "SV304"),
        ("kan-inte-nas.yaml", 11, "SV306"),
        ("slinga.yaml", 9, "SV307"),
        ("ett-svar.yaml", 3, "SV302"),
        ("for-lang-vag.yaml", 12, "SV308"),
        ("utfall-utan-kontakt.yaml", 11, "SV310"),
        ("okand-typ.yaml", 12, "SV311"),  # the line of verksamheter:, not the outcome's
    ],
)
def test_each_flow_mistake_is_reported(tmp_path, fixture, line, code):
    content = write_content(tmp_path)
    shutil.copy(FLOWS / fixture, content / "vagvisare" / "flode.yaml")
    assert (code, "vagvisare/flode.yaml", line) in where(check(content), content)


# The real vägvisare, copied (the `content` fixture) and broken in one place.


def test_missing_words_for_a_node(content):
    (content / "vagvisare" / "sv" / "aldre-minne.md").unlink()
    line = line_of(content / "vagvisare" / "flode.yaml", "  aldre-minne:")
    assert ("SV320", "vagvisare/flode.yaml", line) in where(check(content, "exempelstad"), content)


def test_missing_label_for_an_answer(content):
    text = content / "vagvisare" / "sv" / "beroende-psyke.md"
    lines = text.read_text(encoding="utf-8").splitlines(keepends=True)
    text.write_text("".join(line for line in lines if not line.lstrip().startswith("nej:")), encoding="utf-8")
    found = where(check(content, "exempelstad"), content)
    assert ("SV324", "vagvisare/sv/beroende-psyke.md", line_of(text, "svar:")) in found


def test_kind_without_contact_in_the_directory(content):
    directory = content / "kommuner" / "exempelstad" / "verksamheter.yaml"
    directory.write_text(directory.read_text(encoding="utf-8").replace("typ: bup", "typ: psykiatri"), encoding="utf-8")
    assert ("SV312", "kommuner/exempelstad/verksamheter.yaml", 1) in where(check(content, "exempelstad"), content)


def test_the_small_flow_needs_a_kind_the_directory_has(tmp_path):
    content = write_content(tmp_path)
    shutil.copy(FLOWS / "behover-bup.yaml", content / "vagvisare" / "flode.yaml")
    assert ("SV312", f"kommuner/{KOMMUN}/verksamheter.yaml", 1) in where(check(content), content)
