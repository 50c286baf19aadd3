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


def lix(text: str) -> float:
    """Return the LIX of a plain text; 0.0 for a text without words."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = [part for part in _SENTENCE_END.split(text) if _WORD.search(part)]
    long_words = sum(1 for word in words if len(word.replace("-", "")) > 6)
    return len(words) / max(len(sentences), 1) + 100 * long_words / len(words)


_BLOCK_START = re.compile(r"^\s{0,3}(#+|[-*+]|\d+\.|>|\|)\s")


def markdown_to_plain(markdown_text: str) -> str:
    """Markdown as plain text, one block per line, for a LIX of the source."""
    lines: list[str] = []
    for line in markdown_text.splitlines():
        joins = lines and lines[-1].strip() and line.strip() and not _BLOCK_START.match(line)
        if joins:  # a soft-wrapped paragraph line continues the same sentence
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    text = re.sub(r"\]\([^)]*\)", "]", "\n".join(lines))  # keep link text, drop URL
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{[:#][^}]*\}", " ", text)  # attribute lists like {#id}
    text = re.sub(r"^\s{0,3}(#+|[-*+]|\d+\.|>)\s*", "", text, flags=re.MULTILINE)
    return re.sub(r"[*_`|\[\]]", "", text)


if __name__ == "__main__":  # python -m samverkanstrappan.content.lix FILE.md ...
    import sys

    for name in sys.argv[1:]:
        with open(name, encoding="utf-8") as handle:
            source = handle.read()
        body = source.split("\n---\n", 1)[-1] if source.startswith("---\n") else source
        print(f"{lix(markdown_to_plain(body)):5.1f}  {name}")
