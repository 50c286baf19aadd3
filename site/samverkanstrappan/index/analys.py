"""One analyzer per language: lower case, stop words and the language's stemmer.

Swedish, English and Finnish use Whoosh's Snowball stemmers and Arabic its ISRI
stemmer. Neither Whoosh nor Pagefind has a Ukrainian stemmer; Ukrainian gets a
light suffix stripper (below) so "плани" and "планів" still meet.
"""

from functools import cache, lru_cache

from whoosh.analysis import Filter, LanguageAnalyzer, LowercaseFilter, RegexTokenizer

# The common noun and adjective endings, longest first; the stem keeps at least 3 letters.
# Ties are sorted too, so the order is the same on every run.
_UK_ENDINGS = sorted(
    set(
        [
            "ами",
            "ями",
            "ові",
            "еві",
            "ого",
            "ому",
            "ими",
            "іми",
            "ах",
            "ях",
            "ом",
            "ем",
            "ою",
            "ею",
            "ів",
            "ій",
            "ий",
            "ої",
            "а",
            "я",
            "у",
            "ю",
            "о",
            "е",
            "и",
            "і",
            "ї",
            "й",
            "ь",
        ]
    ),
    key=lambda ending: (-len(ending), ending),
)


@lru_cache(maxsize=50_000)  # the same words come back on every page
def stem_uk(word: str) -> str:
    for ending in _UK_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


class _UkrainianStemFilter(Filter):
    def __call__(self, tokens):
        for token in tokens:
            token.text = stem_uk(token.text)
            yield token


@cache
def analyzer(lang: str):
    """The analyzer for `lang`, used both to index and to read the query."""
    if lang == "uk":
        return RegexTokenizer() | LowercaseFilter() | _UkrainianStemFilter()
    return LanguageAnalyzer(lang)


def terms(lang: str, text: str) -> list[str]:
    """The stemmed words of `text`, in order, without repeats."""
    return list(dict.fromkeys(token.text for token in analyzer(lang)(text)))
