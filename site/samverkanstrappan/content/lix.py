"""LIX, the Swedish readability index (Björnsson 1968).

LIX = words / sentences + 100 * long words / words, where a long word has more
than six letters. Below 30 is very easy (lättläst), 30–40 easy, above 50 hard.
"""

import re

# Letters only: digits, phone numbers and punctuation are not words for LIX.
_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*", re.UNICODE)
# A sentence ends at . ! ? : or at the end of a line of text (headings, list
# items and table cells are sentences of their own, as readers take them).
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n+")


def words(text: str) -> list[str]:
    """The words LIX counts in a plain text."""
    return _WORD.findall(text)


def lix(text: str) -> float:
    """Return the LIX of a plain text; 0.0 for a text without words."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = [part for part in _SENTENCE_END.split(text) if _WORD.search(part)]
    long_words = sum(1 for word in words if len(word.replace("-", "")) > 6)
    return len(words) / max(len(sentences), 1) + 100 * long_words / len(words)
