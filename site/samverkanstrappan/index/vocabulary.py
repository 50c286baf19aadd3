"""Which of the words the documents (or the crisis phrases) are found by a typed word can
match at all, found without comparing it with each of them (fraga.quality compares those).

A new word of a query was compared with every word the documents are found by (about 600
a language), and with every word of the crisis phrases (about 900), each with quality():
most of the time a search asked for the first time took (docs/decisions.md, Search)."""

ONE_TYPO_FROM = 5  # quality() allows a typo in words of 5 letters or more
TWO_TYPOS_FROM = 9  # and two from 9 letters (11 for a phrase's word)


class Vocabulary:
    """Known words in their order, found by their first four letters, by their spellings with
    a letter or two dropped, and by their length.

    The spellings with two letters dropped take most of the making (about 10 ms a language):
    made when a long word is first looked up, or at once with `long_words_now` (production
    makes them before its workers fork: render/sok.py)."""

    def __init__(self, words, long_words_now: bool = False):
        self.words = {known: order for order, known in enumerate(dict.fromkeys(words))}
        self.by_start: dict[str, list[str]] = {}
        self.by_dropped: dict[str, list[str]] = {}  # one letter, for one typo
        self.by_length: dict[int, list[str]] = {}
        self.longest = max(map(len, self.words), default=0)
        for known in self.words:
            self.by_start.setdefault(known[:4], []).append(known)
            self.by_length.setdefault(len(known), []).append(known)
            if len(known) >= ONE_TYPO_FROM:
                for spelling in _dropped(known, 1):
                    self.by_dropped.setdefault(spelling, []).append(known)
        self._by_two_dropped: dict[str, list[str]] | None = None  # up to two, for two typos
        if long_words_now:
            self.by_two_dropped()

    def by_two_dropped(self) -> dict[str, list[str]]:
        """The words of TWO_TYPOS_FROM letters or more by each spelling with up to two dropped."""
        if self._by_two_dropped is None:
            found: dict[str, list[str]] = {}
            for known in self.words:
                if len(known) >= TWO_TYPOS_FROM:
                    for spelling in _dropped(known, 2):
                        found.setdefault(spelling, []).append(known)
            self._by_two_dropped = found
        return self._by_two_dropped

    def same_start(self, typed: str) -> list[str]:
        """The words with the typed word's first four letters: could_match without typos."""
        return self.by_start.get(typed[:4], [])

    def could_match(self, typed: str) -> list[str]:
        """Every word that quality(typed, word) can give more than 0, and some more, in their
        order: the same first four letters (the same word, its beginning or its stem), one typo
        away when both have 5 letters or more, two when both have 9 or more, or the end of a
        longer typed word, of 6 letters or more (a compound). Two words n typos apart (letters
        added, dropped, changed, or neighbours swapped) share a spelling with at most n letters
        dropped from each, so those are found by their spellings, not compared one by one."""
        found = set(self.by_start.get(typed[:4], ()))
        # A word n typos away is n letters longer at most: a long typed word (a crisis message
        # written without spaces) has no near miss, and its spellings grow with its length squared.
        if ONE_TYPO_FROM <= len(typed) <= self.longest + 1:
            for spelling in _dropped(typed, 1):
                found.update(self.by_dropped.get(spelling, ()))
        if TWO_TYPOS_FROM <= len(typed) <= self.longest + 2:
            by_two_dropped = self.by_two_dropped()
            for spelling in _dropped(typed, 2):
                found.update(by_two_dropped.get(spelling, ()))
        for size in range(6, len(typed) - 2):
            found.update(known for known in self.by_length.get(size, ()) if typed.endswith(known))
        return sorted(found, key=self.words.__getitem__)


def _dropped(word: str, most: int) -> set[str]:
    """The word and each spelling of it with up to `most` letters dropped."""
    found = {word}
    for _ in range(most):
        found |= {spelling[:i] + spelling[i + 1 :] for spelling in found for i in range(len(spelling))}
    return found
