"""index/index_memo.py: production's highlighting reads only the tokens near the matched
words, and makes the very fragments Whoosh's fragmenter makes of every token.

(The memo's word expansions are compared with Whoosh's in test_sok_relevans.py, and its
answers with the preview's over the whole relevance set there too.)"""

import random

import pytest
from samverkanstrappan.index import analys
from samverkanstrappan.index.index_memo import IndexMemo, near_matches
from whoosh.analysis import StandardAnalyzer
from whoosh.highlight import ContextFragmenter, Highlighter, set_matched_filter

WORDS = ["stöd", "hjälp", "samordning", "sip", "kommun", "region", "ab", "x", "planen", "vård"]
BETWEEN = [" ", " ", " ", ", ", ". ", " – ", " ... ", "\n\n", " (", ") ", " !!! ", " " * 40, " — — — — "]


def random_text(rng: random.Random) -> str:
    """Words (some very long) with every kind of gap: runs of punctuation make a fragment's
    tokens far apart in letters, which the fragmenter does not count."""
    parts = []
    for _ in range(rng.randrange(1, 400)):
        word = rng.choice(WORDS) if rng.random() < 0.9 else "z" * rng.randrange(30, 150)
        parts += [word, rng.choice(BETWEEN)]
    return "".join(parts)


def fragments(fragmenter: ContextFragmenter, text: str, tokens: list, words: frozenset) -> list[tuple]:
    merged = Highlighter._merge_matched_tokens(set_matched_filter(tokens, words))
    return [
        (f.startchar, f.endchar, [(m.startchar, m.endchar, m.text) for m in f.matches])
        for f in fragmenter.fragment_tokens(text, merged)
    ]


@pytest.mark.parametrize(
    "analyzer",
    [StandardAnalyzer(stoplist=None), analys.analyzer("sv"), analys.analyzer("ar")],
    ids=["plain", "sv", "ar"],
)
def test_near_matches_make_the_fragments_all_tokens_make(analyzer):
    rng = random.Random(23)
    memo, compared = IndexMemo(), 0
    for _ in range(400):
        text = random_text(rng)
        tokens, where = memo.tokens("text", analyzer, text)
        known = sorted(where)
        words = frozenset(rng.sample(known, rng.randrange(0, min(4, len(known)) + 1)))
        surround, maxchars = rng.choice([5, 20, 60]), rng.choice([30, 100, 220, 2000])
        charlimit = rng.choice([2**15, 300])
        fragmenter = ContextFragmenter(maxchars=maxchars, surround=surround, charlimit=charlimit)
        near = near_matches(tokens, where, words, surround)
        expected = fragments(fragmenter, text, tokens, words)
        assert fragments(fragmenter, text, near, words) == expected, (text, sorted(words), surround, maxchars)
        assert len(near) <= len(tokens)
        compared += bool(expected)
    assert compared > 200  # most cases make fragments: the comparison is not of empty lists


def test_near_matches_leave_out_the_tokens_far_from_every_match():
    text = " ".join(["ord"] * 500 + ["samordning"] + ["ord"] * 500)
    memo = IndexMemo()
    tokens, where = memo.tokens("text", StandardAnalyzer(stoplist=None), text)
    near = near_matches(tokens, where, frozenset({"samordning"}), 60)
    assert 20 < len(near) < 60
    assert near_matches(tokens, where, frozenset({"saknas"}), 60) == []
