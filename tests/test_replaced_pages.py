"""A municipality's own page in place of a national one (kommuner/<k>/sidor/sv/<nyckel>.md) is
the page in every language: where the municipality has no translation of its own, its Swedish
text is shown with the note that the page is not translated, not the national translation of
another text. A warning names those languages."""

import pytest
from content_helpers import FILES, KOMMUN, TODAY, check, where, write_content
from samverkanstrappan.content.problems import WARNING
from samverkanstrappan.content.store import ContentStore
from samverkanstrappan.render import create_app

OWN = f"kommuner/{KOMMUN}"
LOCAL = FILES["sidor/sv/om.md"].replace("Det här är en kort sida.", "Provstad har en egen text.")
TRANSLATED = FILES["sidor/sv/om.md"].replace("granskad:", "oversattning_granskad: nej\ngranskad:")


def in_languages(content, *langs: str) -> None:
    """The small content published in Swedish and `langs`, each with a national om.md."""
    settings = content / OWN / "kommun.yaml"
    settings.write_text(FILES[f"{OWN}/kommun.yaml"].replace("sprak: [sv]", f"sprak: [sv, {', '.join(langs)}]"), "utf-8")
    for lang in langs:
        (content / "data" / f"kris.{lang}.yaml").write_text("kontakt:\n  - hjälp mig nu\n", encoding="utf-8")
        (content / "sidor" / lang).mkdir(parents=True)
        (content / "sidor" / lang / "om.md").write_text(TRANSLATED, encoding="utf-8")


def write(content, name: str, text: str) -> None:
    (content / name).parent.mkdir(parents=True, exist_ok=True)
    (content / name).write_text(text, encoding="utf-8")


def test_a_replaced_page_is_the_municipalitys_in_every_language(tmp_path):
    content = write_content(tmp_path)
    in_languages(content, "en", "fi")
    write(content, f"{OWN}/sidor/sv/om.md", LOCAL)
    store = ContentStore(content, KOMMUN)
    for lang in ("sv", "en", "fi"):
        page = store.page(lang, "om")
        assert (page.lang, "Provstad har en egen text" in page.body) == ("sv", True), lang
    problems = check(content)
    assert where(problems, content) == {("SV705", f"{OWN}/sidor/sv/om.md", 1)}
    assert problems[0].level == WARNING
    assert set(store.replaced["om"].hidden) == {"en", "fi"}  # the languages the warning names


def test_the_municipalitys_own_translation_is_shown_and_no_warning_given(tmp_path):
    content = write_content(tmp_path)
    in_languages(content, "en", "fi")
    write(content, f"{OWN}/sidor/sv/om.md", LOCAL)
    write(content, f"{OWN}/sidor/en/om.md", TRANSLATED.replace("Det här är en kort sida.", "Provstad in English."))
    store = ContentStore(content, KOMMUN)
    assert store.page("en", "om").lang == "en" and "Provstad in English" in store.page("en", "om").body
    assert store.page("fi", "om").lang == "sv"
    problems = check(content)
    assert where(problems, content) == {("SV705", f"{OWN}/sidor/sv/om.md", 1)}
    assert store.replaced["om"].hidden == ("fi",)
    write(content, f"{OWN}/sidor/fi/om.md", TRANSLATED)
    assert check(content) == []


@pytest.mark.parametrize("name", [f"{OWN}/sidor/sv/traffpunkter.md", f"{OWN}/sidor/en/om.md"])
def test_a_page_of_its_own_or_an_own_translation_alone_is_no_warning(tmp_path, name):
    content = write_content(tmp_path)
    in_languages(content, "en")
    write(
        content, name, TRANSLATED if "/en/" in name else LOCAL.replace("trappsteg: information", "trappsteg: vagvisare")
    )
    assert check(content) == []


def test_the_page_is_shown_in_swedish_with_the_note_in_the_readers_language(content):
    """Built with the real content: the English page showed the national English text."""
    own = content / "kommuner" / "exempelstad" / "sidor" / "sv" / "steg" / "upptackt.md"
    own.parent.mkdir(parents=True)
    national = (content / "sidor" / "sv" / "steg" / "upptackt.md").read_text(encoding="utf-8")
    own.write_text(national.replace("\n## ", f"\nExempelstad har öppet hus {TODAY}.\n\n## ", 1), encoding="utf-8")
    client = create_app("exempelstad", content).test_client()
    html = client.get("/en/steg/upptackt/").get_data(as_text=True)
    assert "Exempelstad har öppet hus" in html and 'class="ej-oversatt"' in html


def test_the_national_lattlast_version_of_a_replaced_page_is_named(tmp_path):
    """It stays (other lättläst texts link to its address), but it simplifies the national text."""
    content = write_content(tmp_path)
    write(content, "sidor/sv/lattlast/om.md", TRANSLATED)
    write(content, f"{OWN}/sidor/sv/om.md", LOCAL)
    assert ContentStore(content, KOMMUN).page("sv", "lattlast/om").file.endswith("sidor/sv/lattlast/om.md")
    problems = check(content)
    assert where(problems, content) == {("SV705", f"{OWN}/sidor/sv/om.md", 1)}
    assert f"{OWN}/sidor/sv/lattlast/om.md" in problems[0].message
    write(content, f"{OWN}/sidor/sv/lattlast/om.md", TRANSLATED)
    assert check(content) == []
