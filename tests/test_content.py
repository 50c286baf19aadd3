"""The Flask-free content layer: YAML as text, schema, Markdown, LIX."""

import sys
import threading

import pytest
from samverkanstrappan.content import schema, yamltext
from samverkanstrappan.content.lix import lix
from samverkanstrappan.content.markdown_render import render
from samverkanstrappan.content.pages import PAGE_FIELDS, split_front_matter


def test_yaml_keeps_what_the_editor_wrote():
    data, problems = yamltext.load("telefon: 0771112233\noppet: 8:30\nsvar: no\ndatum: 2026-01-02\n", "f.yaml")
    assert problems == []
    assert data == {"telefon": "0771112233", "oppet": "8:30", "svar": "no", "datum": "2026-01-02"}
    assert data.line_of("svar") == 3


def test_yaml_duplicate_key_is_a_problem_on_its_line():
    _, problems = yamltext.load("titel: A\nbeskrivning: B\ntitel: C\n", "f.yaml", first_line=2)
    assert [(p.code, p.line) for p in problems] == [("SV103", 4)]


def test_yaml_syntax_error_has_line_and_swedish_message():
    data, problems = yamltext.load("a: 1\nb: c: d\n", "f.yaml", first_line=5)
    assert data is None
    assert [(p.code, p.line) for p in problems] == [("SV101", 6)]


@pytest.mark.parametrize(
    "text, line",
    [
        ("namn: A\nregion Region B\nsprak: [sv]\n", 2),  # its own line, not the next one
        ("namn: A\nregion Region B\n", 2),  # not one past the file's end
        ("titel Om oss\nbeskrivning: B\n", 1),
        ("kontakt:\n  epost a@b.se\n  telefon: 1\n", 2),
        ("namn: A\r\nregion Region B\r\nsprak: [sv]\r\n", 2),
        # A lone dash gave a traceback (a review, session 32); a value going on over a line, and
        # a colon in it, is not a key without its colon.
        ("titel: A\nsokord:\n- \n- hyra: bostad: x\n", 4),
        ("sokord\n- \n- hyra: y\n", 3),
        ("beskrivning: Lång text\n  som fortsätter\n  här: och mer\n", 3),
    ],
)
def test_a_yaml_mistake_is_named_at_its_line_and_never_raises(text, line):
    data, problems = yamltext.load(text, "f.yaml")
    assert data is None and [(p.code, p.line) for p in problems] == [("SV101", line)]


def test_schema_suggests_the_key_meant():
    data, _ = yamltext.load("titl: A\nbeskrivning: B\ngranskad: 2026-01-01\n", "f.md")
    problems = list(schema.check_mapping(data, PAGE_FIELDS, "f.md"))
    assert [(p.code, p.line) for p in problems] == [("SV110", 1), ("SV111", 1)]
    assert "'titel'" in problems[0].message  # the key meant, named


def test_schema_reads_dates_and_rejects_bad_ones():
    data, _ = yamltext.load("titel: A\nbeskrivning: B\ngranskad: 2026-02-30\n", "f.md")
    problems = list(schema.check_mapping(data, PAGE_FIELDS, "f.md"))
    assert [(p.code, p.line) for p in problems] == [("SV112", 3)]


def test_front_matter_split_gives_body_line():
    (meta, body, body_line), problem = split_front_matter("---\ntitel: A\n---\nText\n", "f.md")
    assert problem is None and meta == "titel: A\n" and body == "Text\n" and body_line == 4


def test_markdown_is_sanitized_but_keeps_heading_ids():
    rendered = render(
        '## Rubrik här\n\n<script>alert(1)</script><img src=x onerror="alert(1)">'
        '[a](javascript:alert(1)) <span style="color:red">röd</span>\n'
    )
    assert '<h2 id="rubrik-har">' in rendered.html
    for bad in ("<script", "onerror", "javascript:", "style=", "<img"):
        assert bad not in rendered.html
    assert rendered.headings == ((2, "rubrik-har", "Rubrik här"),)


def test_lix_counts_words_sentences_and_long_words():
    assert lix("Jag går hem nu. Solen skiner.") == 3.0
    # 2 words, 1 sentence, both longer than six letters: 2 + 100.
    assert lix("Samverkanstrappan hjälper.") == 102.0
    assert lix("") == 0.0


def test_pages_read_at_once_in_several_threads_come_out_as_read_one_by_one():
    """The editor's preview reads changed pages in its request threads, several at once."""
    sources = [f"## Rubrik {n}\n\n" + f"- punkt {n} om stöd\n" * (30 + n) for n in range(6)]
    alone = [render(source) for source in sources]
    found = [[] for _ in sources]

    def read(number: int) -> None:
        for _ in range(10):
            found[number].append(render(sources[number]))

    threads = [threading.Thread(target=read, args=(number,)) for number in range(len(sources))]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can: any sharing shows
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert all(result == alone[number] for number, results in enumerate(found) for result in results)
