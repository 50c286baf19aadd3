"""Everyday words that a crisis phrase would match: the most frequent words of each language,
each tried alone as a search, and each compared with the words of the longer phrases.

A crisis phrase shows the emergency numbers, so a phrase word that also matches an everyday
word by a typo or another ending is a false alarm waiting for a sentence (decisions.md,
Search: "Everyday words one letter from a crisis word"). The frequency lists come from
wordfreq, which the site does not need, so install it beside the project first:

    python -m pip install wordfreq
    python scripts/krisord_vanliga_ord.py [--ord 30000] [--sprak sv en] [--kommun nystad]

It prints, for each language, the words that show the block alone (most are crisis words in
another form, which is right) and, for the phrases of two words or more, the other frequent
words that one of their words matches, with an ending too (psykos and psykosocialt). A tool
for when the lexicons change, not a test.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site"))

from samverkanstrappan import cli, paths  # noqa: E402
from samverkanstrappan.content.store import ContentStore  # noqa: E402
from samverkanstrappan.index import fraga, sokdata  # noqa: E402


def lexicon(store: ContentStore, lang: str) -> list[dict]:
    """The phrases a search on a `lang` page matches, as fraga.crisis reads them."""
    return [{"id": kind, "fraser": phrases} for kind, phrases in sokdata.crisis_words(store, lang).items()]


def screen(lang: str, kinds: list[dict], frequent: list[str]) -> None:
    alone, near, memo = [], {}, {}  # the memo keeps the lexicon's words (fraga.known_words) for every word
    for rank, word in enumerate(frequent):
        typed = fraga.query_words(word, lang)
        if not typed:
            continue
        if found := fraga.crisis(typed, kinds, memo):
            alone.append(f"{rank:6d} {word} -> {found[0]}")
            continue
        for kind in kinds:
            for phrase in kind["fraser"]:
                for known in phrase if len(phrase) > 1 and len(typed) == 1 else ():
                    if typed[0] != known and (score := fraga.quality(typed[0], known, False)) > 0:
                        near.setdefault(f"{kind['id']}: {' '.join(phrase)}", []).append(f"{word}({score})")
    print(f"== {lang}: words that show the block alone ({len(alone)})")
    print("\n".join(alone))
    print(f"== {lang}: phrases whose words other frequent words match ({len(near)})")
    for phrase, words in sorted(near.items()):
        print(f"  {phrase} <- {' '.join(words[:8])}")


def main() -> None:
    # In Swedish, as build.py speaks to the editors who run it (an editor's walk, session 44).
    with cli.swedish():
        parser = cli.Parser(
            prog="scripts/krisord_vanliga_ord.py",
            description="Vanliga ord som en krisfras skulle matcha, för varje språk. Kräver wordfreq: "
            "python -m pip install wordfreq",
        )
        parser.add_argument("--ord", type=int, default=30000, help="hur många av de vanligaste orden (standard: 30000)")
        parser.add_argument("--sprak", nargs="*", help="språken (standard: alla som kommunen publicerar)")
        parser.add_argument("--kommun", default=paths.DEFAULT_KOMMUN, help="kommunens mapp i content/kommuner/")
        parser.add_argument("--innehall", type=Path, default=paths.CONTENT, help="innehållsmappen (standard: content/)")
        args = parser.parse_args()
    try:
        import wordfreq
    except ImportError:
        sys.exit("Installera wordfreq först: python -m pip install wordfreq")
    store = ContentStore(args.innehall, args.kommun)
    for lang in args.sprak or store.languages:
        screen(lang, lexicon(store, lang), wordfreq.top_n_list(lang, args.ord))


if __name__ == "__main__":
    main()
