"""What searches on one unchanging Whoosh index can work out once and reuse (production).

A search asks Whoosh for each word's longer forms and near misses in three fields, and
Whoosh builds a Levenshtein automaton for each (a few ms apiece); then it re-reads the
text of every result shown to mark the words (about 1 ms a result). Most of a search's
time went to these, and all of them depend only on the index and the word. An index that
production reads never changes, so a worker keeps them: the field's words once, each
word's expansions, and each text's tokens.

The expansions are exactly Whoosh's: the words of the field that begin with the prefix,
and the words within `maxdist` plain Levenshtein edits that share the first
`prefixlength` letters (whoosh/automata/lev.py), in the index's order. Highlighting
runs Whoosh's own fragmenter, scorer and formatter on the kept tokens near the matched
words (near_matches).

Not for the editor's preview: its index changes, and its requests run in threads.
"""

from bisect import bisect_left

from whoosh.highlight import ContextFragmenter, Highlighter, set_matched_filter, top_fragments
from whoosh.query import FuzzyTerm, Prefix

KEPT = 50_000  # expansions kept before starting afresh (a worker's memory stays small)
# A text's tokens, and where each word is among them, take about 75 bytes a character: made
# before the fork for the first million characters of stored text (the bundled example has
# 0.3 million), and otherwise when a result shows the text, for at most this many texts at a time.
PREPARED_CHARACTERS = 1_000_000
TOKEN_TEXTS = 1_000


def levenshtein(a: str, b: str, limit: int) -> int:
    """The Levenshtein distance of `a` and `b`, or limit + 1 as soon as it is more."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    row = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (letter != other)))
        if min(current) > limit:
            return limit + 1
        row = current
    return row[-1]


class IndexMemo:
    """What searches of one index (one language, one generation) reuse."""

    def __init__(self):
        self._words: dict[str, tuple[list[bytes], list[str]]] = {}
        self._found: dict[tuple, list] = {}
        self._tokens: dict[tuple, tuple[list, dict[str, list[int]]]] = {}

    def _lexicon(self, reader, field: str) -> tuple[list[bytes], list[str]]:
        if field not in self._words:
            raw = list(reader.lexicon(field))
            decode = reader.schema[field].from_bytes
            self._words[field] = (raw, [decode(word) for word in raw])
        return self._words[field]

    def _kept(self, key: tuple, compute) -> list:
        if key not in self._found:
            if len(self._found) > KEPT:
                self._found.clear()
            self._found[key] = compute()
        return self._found[key]

    def prefixed(self, reader, field: str, text: str) -> list[bytes]:
        """The field's words that begin with `text`, as Whoosh's Prefix finds them."""

        def compute():
            raw, _ = self._lexicon(reader, field)
            start = reader.schema[field].to_bytes(text)
            found = []
            for word in raw[bisect_left(raw, start) :]:
                if not word.startswith(start):
                    break
                found.append(word)
            return found

        return self._kept(("prefix", field, text), compute)

    def within(self, reader, field: str, text: str, maxdist: int, prefix: int) -> list[str]:
        """The field's words within `maxdist` edits of `text` that begin with its first
        `prefix` letters, as Whoosh's FuzzyTerm finds them."""

        def compute():
            _, words = self._lexicon(reader, field)
            start, found = text[:prefix], []
            for word in words[bisect_left(words, start) :]:
                if not word.startswith(start):
                    break
                if levenshtein(word, text, maxdist) <= maxdist:
                    found.append(word)
            return found

        return self._kept(("fuzzy", field, text, maxdist, prefix), compute)

    def prepare(self, reader, field: str) -> None:
        """Read the field's words, and make the tokens of every stored text of `field`, now:
        production does it before its workers fork, so they all start with it."""
        for name in reader.indexed_field_names():
            self._lexicon(reader, name)
        analyzer, budget = reader.schema[field].analyzer, PREPARED_CHARACTERS
        for stored in reader.all_stored_fields():
            if field in stored and len(stored[field]) <= budget and len(self._tokens) < TOKEN_TEXTS:
                budget -= len(stored[field])
                self.tokens(field, analyzer, stored[field])

    def tokens(self, field: str, analyzer, text: str) -> tuple[list, dict[str, list[int]]]:
        """The tokens Whoosh's highlighter makes of `text` in `field`, made once, and where
        each word is among them. Each search sets the `matched` of those it reads afresh, and
        the fragmenter copies those it keeps."""
        key = (field, text)
        if key not in self._tokens:
            if len(self._tokens) >= TOKEN_TEXTS:
                self._tokens.clear()
            made = [
                token.copy() for token in analyzer(text, positions=True, chars=True, mode="index", removestops=False)
            ]
            where: dict[str, list[int]] = {}
            for place, token in enumerate(made):
                where.setdefault(token.text, []).append(place)
            self._tokens[key] = (made, where)
        return self._tokens[key]


def near_matches(tokens: list, where: dict[str, list[int]], words: frozenset, surround: int) -> list:
    """The tokens that Whoosh's ContextFragmenter (with this `surround`) makes the same
    fragments of as of all of them, in order: each matched token, with the tokens before it
    that start within `surround` letters of the end of the one just before it (the context
    the fragment may begin with) and the tokens after it until the unmatched ones among them
    are twice `surround` letters long (by then its fragment has ended). A long text's
    highlighting read every token of it, in Python, for a few matched words.

    Between two such stretches the fragmenter is outside a fragment and only keeps the starts
    of the recent tokens, and the token just before a matched one drops those that are too far
    back, so leaving out the tokens between changes nothing (tests/test_index_memo.py)."""
    matched = sorted(place for word in words for place in where.get(word, ()))
    stretches: list[list[int]] = []
    for place in matched:
        first = place
        if place > 0:
            first, edge = place - 1, tokens[place - 1].endchar - surround
            while first > 0 and tokens[first - 1].startchar >= edge:
                first -= 1
        last, length = place, 0
        while last + 1 < len(tokens) and length < 2 * surround:
            last += 1
            if tokens[last].text in words:
                break  # the next matched token goes on from here: each token is looked at once
            length += tokens[last].endchar - tokens[last].startchar
        if stretches and first <= stretches[-1][1] + 1:
            stretches[-1][1] = max(stretches[-1][1], last)
        else:
            stretches.append([first, last])
    return [token for first, last in stretches for token in tokens[first : last + 1]]


class KeptPrefix(Prefix):
    """Whoosh's Prefix, with its words from the memo."""

    def __init__(self, fieldname, text, memo: IndexMemo, boost=1.0):
        super().__init__(fieldname, text, boost=boost)
        self.memo = memo

    def _btexts(self, ixreader):
        return self.memo.prefixed(ixreader, self.fieldname, self.text)


class KeptFuzzyTerm(FuzzyTerm):
    """Whoosh's FuzzyTerm, with its words from the memo instead of an automaton."""

    def __init__(self, fieldname, text, memo: IndexMemo, boost=1.0, maxdist=1, prefixlength=1):
        super().__init__(fieldname, text, boost=boost, maxdist=maxdist, prefixlength=prefixlength)
        self.memo = memo

    def _btexts(self, ixreader):
        return self.memo.within(ixreader, self.fieldname, self.text, self.maxdist, self.prefixlength)


class KeptHighlighter(Highlighter):
    """Whoosh's highlighter with the text's tokens from the memo (its re-tokenizing branch)."""

    def __init__(self, memo: IndexMemo, **options):
        super().__init__(**options)
        self.memo = memo

    def highlight_hit(self, hitobj, fieldname, text=None, top=3, minscore=1, strict_phrase=False):
        results = hitobj.results
        field = results.searcher.schema[fieldname]
        text = hitobj[fieldname] if text is None else text
        if results.has_matched_terms():
            bterms = (term for term in results.matched_terms() if term[0] == fieldname)
        else:
            bterms = results.query_terms(expand=True, fieldname=fieldname)
        words = frozenset(field.from_bytes(term[1]) for term in bterms)
        tokens, where = self.memo.tokens(fieldname, field.analyzer, text)
        if type(self.fragmenter) is ContextFragmenter:  # the fragmenter near_matches is made for
            tokens = near_matches(tokens, where, words, self.fragmenter.surround)
        tokens = self._merge_matched_tokens(set_matched_filter(tokens, words))
        fragments = top_fragments(self.fragmenter.fragment_tokens(text, tokens), top, self.scorer, self.order, minscore)
        return self.formatter.format(fragments)
