"""Alphabetical order as readers of each language expect it (Swedish: å, ä, ö after z)."""

import unicodedata

# Letters whose dictionary order differs from Unicode's, in order, per language: they
# sort after every other letter. Other letters sort by their base letter (é as e).
_AFTER_Z = {
    "sv": "åäö",
    "fi": "åäö",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",  # Unicode puts ґ, є, і, ї after я
}


def sort_key(lang: str):
    """A key function for `sorted` that orders words the way a dictionary in `lang` does."""
    extra = _AFTER_Z.get(lang, "")

    def key(word: str):
        result = []
        for char in word.casefold():
            if char in extra:
                result.append((1, extra.index(char)))
            else:
                base = unicodedata.normalize("NFD", char)[0]
                result.append((0, ord(base)))
        return result

    return key


def initial(word: str, lang: str) -> str:
    """The letter a word is listed under in an A–Ö index."""
    first = word.strip()[:1].upper()
    if first.casefold() and first.casefold() in _AFTER_Z.get(lang, ""):
        return first
    return unicodedata.normalize("NFD", first)[:1] or "#"
