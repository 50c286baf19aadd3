"""What the search tests share: the relevance set, the crisis phrases and the variants the
tests make of them, odd queries, the pipeline's data per language, and both modes' answers."""

import json
import random
import subprocess
from pathlib import Path

import yaml
from samverkanstrappan.index import fraga, platser, sokdata, sokning
from samverkanstrappan.routes import Router

FIXTURES = Path(__file__).parent / "fixtures"
SOKFRAGA_JS = Path(fraga.__file__).parents[1] / "render" / "static" / "sokfraga.js"

# Endings people add to a word, per language: the tests add them to the longest word of a
# crisis phrase, so an inflection the lexicon does not list is still caught.
ENDINGS = {
    "sv": ("en", "et", "ar", "na", "s"),
    "en": ("s", "ing", "ed"),
    "fi": ("n", "a", "ssa", "t"),
    "uk": ("и", "ою", "ів"),
    "ar": (),
}


def relevance_set() -> list[dict]:
    return yaml.safe_load((FIXTURES / "sok_relevans.yaml").read_text(encoding="utf-8"))


def target_url(store, router: Router, lang: str, target: str) -> str:
    """The URL of `sida:<key>` or `utfall:<node id>` in `lang`: the page a resident reads."""
    kind, key = target.split(":", 1)
    if kind == "sida":
        return router.page_url(lang, key)
    return router.url("vagvisare.step", lang=lang, svar="/".join(store.flow.first_path(key)))


def pipeline_data(store, lang: str) -> dict:
    """What /sok/<lang>.json holds, built without Flask."""
    return sokdata.build(store, lang, Router(), platser.labels(store, store.translations)[lang])


def crisis_phrases(store) -> list[tuple[str, str, str]]:
    """(language, outcome id, phrase) for every phrase of every published language's lexicon."""
    return [
        (lang, kind, phrase.text)
        for lang in store.languages
        for kind, phrases in store.kris.kinds(lang).items()
        for phrase in phrases
    ]


def variants(phrase: str, lang: str) -> list[str]:
    """The phrase as typed, inside a sentence, shouted, and (on its words as the pipeline reads
    them, the Arabic article taken off) inflected, with the article and with one typo."""
    found = [phrase, f"hjälp {phrase} nu" if lang == "sv" else f"{phrase} ...", phrase.upper() + "!"]
    words = fraga.words(phrase, lang)
    if not words:
        return found
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]

    def with_word(other: str) -> str:
        return " ".join([*words[:longest], other, *words[longest + 1 :]])

    if lang == "ar" and len(word) >= 3:
        found.append(with_word("ال" + word))
    if len(word) >= 5:
        found += [with_word(word + ending) for ending in ENDINGS[lang][:2]]
    middle = len(word) // 2
    if len(word) >= 6 and word[middle - 1 : middle + 1].isalpha():  # two letters in the middle swapped: one typo
        swapped = word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]
        if swapped != word:
            found.append(with_word(swapped))
    return list(dict.fromkeys(found))


def odd_queries(count: int = 40) -> list[str]:
    """Empty, huge, markup, control characters, right-to-left and astral Unicode, mixed at random."""
    rng = random.Random(7)
    fixed = [
        "",
        " ",
        "x" * 10_000,
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "a AND OR NOT (",
        "*?~^:",
        "\x00\x01\x1f",
        "\u202e\u200f\ufeff",
        "😀🧠" * 50,
        "planerna" * 1000,
        "%00%ff",
        "../../etc",
        "__proto__ constructor toString",
        "ﬁnska ǅemal Ⅻ ²",
        "мене б'ють",  # a one-letter stem before the apostrophe once broke Whoosh's fuzzy query
    ]
    alphabet = "aåäöz AZ<>&\"'()*:~^\\/\u0627\u0644\u0623\u064e\u0431\u0456\u2019\u00e9\u0301\ud7ff\U0001f600\t\n"
    return fixed + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 300))) for _ in range(count)]


def analyse_in_node(queries: list[str], data: dict) -> list[dict]:
    """The browser's pipeline (sokfraga.js) on `queries`, run by Node."""
    runner = (
        "const f = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(input.queries.map(q => f.analyse(q, input.data))));"
    )
    done = subprocess.run(
        ["node", "-e", runner, str(SOKFRAGA_JS)],
        input=json.dumps({"queries": queries, "data": data}),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def server_answer(server, lang: str, query: str) -> sokning.Answer:
    """Server mode's answer, as the search page gets it."""
    with server.test_request_context(f"/{lang}/sok/"):
        from flask import g
        from samverkanstrappan.render import sok

        g.lang = lang
        return sokning.answer(
            server.config["SEARCH_INDEX"], sok.search_data(lang), query, words=dict(sok.known_words(lang))
        )


def server_readings(server, lang: str, queries: list[str]) -> list[list[str]]:
    """The crisis kinds server mode's pipeline finds in each query, with its search page's data:
    fraga.crisis, as fraga.analyse calls it (the whole analysis took four times as long)."""
    with server.test_request_context(f"/{lang}/sok/"):
        from flask import g
        from samverkanstrappan.render import sok

        g.lang = lang
        data, known = sok.search_data(lang), sok.known_words(lang)
        return [fraga.crisis(fraga.query_words(query, lang), data["kris"], dict(known)) for query in queries]


# The browser's answers: type each query into the search page of the frozen site and read
# the crisis block, the results and the count, without reloading between queries.
BROWSER_SEARCH = """async (queries) => {
  const form = document.querySelector('form.sok');
  const input = document.getElementById('sok-fraga');
  const out = document.getElementById('sok-resultat');
  const answers = [];
  for (const query of queries) {
    input.value = query;
    out.setAttribute('aria-busy', 'true');
    const started = performance.now();
    // Done when sok.js takes aria-busy away: watched, not polled (polling every 5 ms cost
    // about a tenth of each search), and given up after 15 s.
    const done = new Promise((settled) => {
      const watch = new MutationObserver(() => {
        if (out.getAttribute('aria-busy') !== 'true') { watch.disconnect(); settled(); }
      });
      watch.observe(out, { attributes: true, attributeFilter: ['aria-busy'] });
      setTimeout(() => { watch.disconnect(); settled(); }, 15000);
    });
    form.requestSubmit();
    await done;
    const crisis = out.querySelector('.sok-kris');
    const list = out.querySelector('.traffar');
    answers.push({
      crisis_first: !!crisis && (!list || !!(crisis.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING)),
      numbers: crisis ? [...crisis.querySelectorAll('[data-nummer]')].map((li) => li.dataset.nummer) : [],
      urls: list ? [...list.querySelectorAll('a')].map((a) => a.getAttribute('href')) : [],
      ms: performance.now() - started,
    });
  }
  return answers;
}"""


# The browser's reading of each query: the crisis kinds that Sokfraga.analyse, the function
# sok.js calls, finds with the data the frozen site serves to its search page.
BROWSER_READING = """async (queries) => {
  const form = document.querySelector('form.sok');
  const response = await fetch(form.dataset.sokdata);
  const data = await response.json();
  return queries.map((query) => Sokfraga.analyse(query, data).kris);
}"""


def in_search_page(browser, site_url: str, lang: str, script: str, queries: list[str]) -> list:
    """`script` run on `queries` in the frozen site's search page in `lang`, with no script error."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{site_url}/{lang}/sok/")
        answers = page.evaluate(script, queries)
    finally:
        page.close()
    assert errors == []
    return answers


def browser_answers(browser, site_url: str, lang: str, queries: list[str]) -> list[dict]:
    return in_search_page(browser, site_url, lang, BROWSER_SEARCH, queries)


def browser_readings(browser, site_url: str, lang: str, queries: list[str]) -> list[list[str]]:
    return in_search_page(browser, site_url, lang, BROWSER_READING, queries)


def by_reading(queries: list[str], readings: list[list[str]]) -> list[tuple[tuple[str, ...], str]]:
    """The first and the last query of each different crisis reading, with the reading: what a
    crisis search shows first (the block, its numbers, the first page) is worked out from the
    kinds alone in both modes (sok.js `show`, index/sokning.answer), so these stand for all."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for query, kinds in zip(queries, readings):
        if kinds:
            groups.setdefault(tuple(kinds), []).append(query)
    return [(kinds, query) for kinds, found in groups.items() for query in dict.fromkeys((found[0], found[-1]))]
