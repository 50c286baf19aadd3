"""The query pipeline that both search modes share: what a typed query means.

The server (Whoosh) runs this module; the browser runs static/sokfraga.js, a line-by-line
copy (but for the quick typo test, `within_one_typo`), on the same data (sokdata.py writes
it as /sok/<lang>.json). A test runs a long list of queries through both and requires the
same answers, so the two never drift.

A query becomes:
- its words, normalised (case, Unicode forms, Arabic spelling variants, apostrophes);
- the crisis kinds it matches (the lexicon in content/data/kris.<lang>.yaml), which put
  the emergency numbers and the right guide page above everything else;
- its content words (stop words left out) and, in slots of their own, the words of every
  synonym group one of its phrases matches;
- a ranking of the documents whose title or search words (sokord) match, scored the same
  way in both modes. The engines (Whoosh, Pagefind) add what only the full text matches.

Words match loosely but predictably (`quality`): equal; one the beginning of the other
(inflections, compounds, a word typed half-way) when the shorter has 5 letters or more;
one typo in words of 5 letters or more (two from 9); a compound ending in a known word of
6 letters or more. Words of 1-3 letters match only exactly.
"""

import math
import re
import unicodedata

from .vocabulary import ONE_TYPO_FROM, TWO_TYPOS_FROM, Vocabulary

# Arabic: short vowels, shadda, sukun, superscript alef and tatweel are dropped, and the
# letters people write either way are made one (أ إ آ → ا, ى → ي, ة → ه).
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
# The article, also after a one-letter conjunction or preposition; longest first.
_ARABIC_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})
# A word: letters and digits, with apostrophes inside (Ukrainian п'ять, English don't).
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")

# Words too common to say what a query is about. Swedish, English and Finnish are Whoosh's
# lists (sokdata.py adds them); Whoosh has none for Arabic or Ukrainian, so these are ours.
OWN_STOP_WORDS = {
    # "و" (and) is written onto the next word: "ولا" (and not) found the psychiatric emergency's
    # page for a father whose son "drinks and does not go to school" (a persona, session 52).
    "ar": "في من على الى عن مع هذا هذه ذلك التي الذي هو هي انا انت نحن هم كان ان او لا ما ماذا كيف هل "
    "لي لك عند كل بعض قد ثم لم لن ولا ولم ولن وفي ومن وما وهو وهي لكن ولكن",
    "uk": "і й та а але в у на з із до за від по про для як що це ці той та я ти ми ви він вона воно вони "
    "мене мені мій моя моє мої не ні чи же би б є",
}

# Words Whoosh's list for a language misses. Its Swedish list (Snowball's) has "sitta" where
# "sitt" is meant: "min son sitter i sitt rum" found the page on suicide first, by "sitt" in
# "ta sitt liv" (a persona, session 53).
MORE_STOP_WORDS = {"sv": "sitt"}

_ARABIC_START = re.compile("[\u0600-\u06ff]")
MAX_QUERY_CHARS = 200  # a search box, not a document: the rest of a pasted text is ignored
MAX_WORDS = 12
SYNONYM_WEIGHT = 0.6  # a word the reader did not type counts a little less
TITLE, SOKORD, SERVICE = 2.0, 3.0, 1.0  # what a match in each part of a document is worth
# A phrase of search words whose longer words the query matches only in part counts this much:
# "dricker" alone is about "mamma dricker", but less than about a page whose own word it is.
# Measured on the relevance set (docs/decisions.md, Search): 0.5 lost three top-3 answers.
PART_OF_PHRASE = 0.8
LONG_WORD = 4  # letters; a shorter word alone says nothing about a phrase (_search_words)


def normalize(text: str, lang: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().translate(_APOSTROPHES)
    if lang == "ar":
        text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)
    return text


def _without_article(word: str) -> str:
    for article in _ARABIC_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 3:
            return word[len(article) :]
    return word


def words(text: str, lang: str) -> list[str]:
    """The normalised words of `text`, in order (repeats kept)."""
    found = _WORD.findall(normalize(text, lang))
    return [_without_article(word) for word in found] if lang == "ar" else found


def query_words(query: str, lang: str) -> list[str]:
    """The words of a typed query, within the length limit, without repeats. Crisis phrases
    are looked for in all of them (someone in crisis may write a long sentence); only the
    first MAX_WORDS are searched for."""
    return list(dict.fromkeys(words(query[:MAX_QUERY_CHARS], lang)))


def typos(a: str, b: str, limit: int) -> int:
    """The optimal string alignment distance of `a` and `b` (letters added, dropped, changed,
    neighbours swapped), or limit + 1 as soon as it is certain to be more than `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, row = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[len(b)]


def within_one_typo(a: str, b: str) -> bool:
    """Whether `typos(a, b, 1) <= 1`, found by comparing the strings after their common start
    rather than by filling the table: a search compares each new word with every word the
    documents are found by (docs/decisions.md, Search). sokfraga.js keeps the table."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    start = _common_start(a, b)
    if len(a) == len(b):  # one letter changed, or two neighbours swapped (a != b: start < len(a))
        return a[start + 1 :] == b[start + 1 :] or (
            a[start + 1 : start + 2] == b[start : start + 1]
            and a[start : start + 1] == b[start + 1 : start + 2]
            and a[start + 2 :] == b[start + 2 :]
        )
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)  # one letter added
    return shorter[start:] == longer[start + 1 :]


def _common_start(a: str, b: str) -> int:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return size


def quality(typed: str, known: str, half_typed: bool = True) -> float:
    """How well a typed word matches a known one: 1 equal; 0.8 the known word with an ending
    (or, if `half_typed`, the beginning of the known word); 0.7 the same beginning of 5
    letters or more with other endings of up to 4 letters (planerna, planen; stricter for a
    phrase's word: _other_ending); 0.6 a typo;
    0.5 a compound that ends in the known word; 0 no match."""
    if typed == known:
        return 1.0
    short, long = (typed, known) if len(typed) <= len(known) else (known, typed)
    # Only the beginning of a phrase's word is no match as such (not half_typed), but it may
    # still be a typo of it (انتحار for انتحاري), which the rules below allow.
    if (
        long.startswith(short)
        and (len(short) >= 5 or (len(short) == 4 and len(long) <= 7))
        and (long == typed or half_typed)
    ):
        return 0.8
    common = _common_start(typed, known)
    if common < len(short) and _other_ending(common, len(short), len(typed) - common, len(known) - common, half_typed):
        return 0.7
    if half_typed or _may_be_typo_of_phrase_word(typed, known):
        # Two typos from 9 letters; from 11 for a phrase's word: struggling and strangling,
        # imbalance and ambulance, conscious and unconscious are two letters apart.
        two_typos = len(short) >= (TWO_TYPOS_FROM if half_typed else 11)
        if two_typos and typos(typed, known, 2) <= 2:
            return 0.6
        if len(short) >= ONE_TYPO_FROM and not two_typos and within_one_typo(typed, known):
            return 0.6
    if len(known) >= 6 and len(typed) >= len(known) + 3 and typed.endswith(known):
        return 0.5
    return 0.0


def _other_ending(common: int, short: int, typed_end: int, known_end: int, half_typed: bool) -> bool:
    """Whether two words with `common` letters at the start are one word with other endings.
    A stemmer's work, roughly: 5 letters in common, or 4 that are most of a short word
    (städa, städning; mamma, mammor), and endings of up to 4 letters. A phrase's word (not
    `half_typed`) asks for more, because a crisis phrase shows the emergency numbers. Longer
    endings are most often another word of a compound (kvinno|jour and kvinnor, själv|mord and
    själva or självmant, medvets|lös and medveten, psyko|tisk and psykolog), and 4 letters in
    common are too few (vald|takt and valde). So the phrase word's ending is 2 letters at most
    and the typed word's 3 if they have 6 in common (misshandel, misshandlar), else 2
    (strypa, stryper)."""
    if half_typed:
        enough = common >= 5 or (common == 4 and short >= 5 and 5 * common >= 4 * short)
        return enough and typed_end <= 4 and known_end <= 4
    return common >= 5 and known_end <= 2 and typed_end <= (3 if common >= 6 else 2)


def _may_be_typo_of_phrase_word(typed: str, known: str) -> bool:
    """A typo of a phrase's word keeps its first letter: people seldom mistype the first
    letter, and another one there is most often another word (talking and stalking, saknar
    and vaknar, ainoaa "only" and vainoaa "persecutes", можем and ножем). Arabic is the
    exception: its prefixes (ب, و, ي, ت) come and go at the start (بيضربني, يضربني)."""
    return typed[:1] == known[:1] or _ARABIC_START.match(typed) is not None


def phrase_match(
    phrase: list[str], typed: list[str], scores: dict[str, dict[str, float]] | None = None
) -> tuple[int, int, float] | None:
    """Whether every word of `phrase` matches a different typed word, in any order; if so,
    how well: (words, 1 if in the phrase's order, the sum of the words' quality). A typed
    word must be whole: "själv" is not the beginning of "självmord" here. `scores`: each
    typed word's quality against the phrase words it matches (_phrase_scores), if known."""

    def score(candidate: str, word: str) -> float:
        return scores[candidate].get(word, 0.0) if scores is not None else quality(candidate, word, False)

    free = list(enumerate(typed))
    places, total = [], 0.0
    for word in phrase:
        found = next((i for i, (_, candidate) in enumerate(free) if score(candidate, word) > 0), None)
        if found is None:
            return None
        place, candidate = free.pop(found)
        places.append(place)
        total += score(candidate, word)
    return (len(phrase), 1 if places == sorted(places) else 0, total)


def phrase_matches(phrase: list[str], typed: list[str]) -> bool:
    return phrase_match(phrase, typed) is not None


def crisis(typed: list[str], lexicon: list[dict], memo: dict | None = None) -> list[str]:
    """The crisis kinds (outcome ids) whose phrases the query matches, the best match first:
    a specific phrase before a general one (a kind's phrases from "allmanna_fran" on, written
    under kris.GENERAL: "jag står inte ut längre" must not put the psychiatric emergency ahead
    of "pappa slår mig"), then the longest phrase, then one in its own order ("mamma slår" is
    not "slår mamma"), then the closest words, then the lexicon's order. `memo`: as for
    _matches."""
    scores = _phrase_scores(typed, lexicon, memo)
    typed_somewhere = {known for matched in scores.values() for known in matched}
    found = []
    for order, kind in enumerate(lexicon):
        general_from = kind.get("allmanna_fran", len(kind["fraser"]))
        possible = (
            (place < general_from, p)
            for place, p in enumerate(kind["fraser"])
            if all(word in typed_somewhere for word in p)
        )
        matched = [(specific, *m) for specific, p in possible if (m := phrase_match(p, typed, scores))]
        if matched:
            specific, length, in_order, total = max(matched)
            found.append((-specific, -length, -in_order, -total, order, kind["id"]))
    return [entry[-1] for entry in sorted(found)]


def matched_phrases(
    typed: list[str], lexicon: list[dict], memo: dict | None = None, typos: bool = True
) -> list[tuple[str, list[str]]]:
    """Every (kind, phrase) of the lexicon that the typed words match, as crisis() decides a
    match: what the content check (SV624) asks of the site's own everyday search words, there
    without typos (an everyday word one typo from a crisis word is rare; looking for typos in
    all 2,600 search words took a third of a second, on every build)."""
    # Each word's scores once: the site's search words share most of their words.
    scored = memo.setdefault(SCORES_KEY, {}) if memo is not None else {}
    scored.update(_phrase_scores([word for word in set(typed) if word not in scored], lexicon, memo, typos))
    scores = {word: scored[word] for word in typed}
    typed_somewhere = {known for matched in scores.values() for known in matched}
    # Only the phrases that begin with a word typed somewhere: going through all of them for
    # each of the site's 2,600 search words took a second, too long for the preview's check.
    by_first = memo.get(PHRASES_KEY) if memo is not None else None
    if by_first is None:
        by_first = {}
        for kind in lexicon:
            for phrase in filter(None, kind["fraser"]):
                by_first.setdefault(phrase[0], []).append((kind["id"], phrase))
        if memo is not None:
            memo[PHRASES_KEY] = by_first
    return [
        (kind, phrase)
        for first in typed_somewhere
        for kind, phrase in by_first.get(first, ())
        if all(word in typed_somewhere for word in phrase) and phrase_match(phrase, typed, scores)
    ]


def _phrase_scores(
    typed: list[str], lexicon: list[dict], memo: dict | None = None, typos: bool = True
) -> dict[str, dict[str, float]]:
    """Each typed word's quality against the lexicon's words it matches, each pair compared
    once, and only where quality() can match (vocabulary.py): every Swedish phrase is in every
    language's lexicon, about 370 phrases, and comparing each phrase's words with each typed
    word took twice what the rest of a new query's analysis did (decisions.md, Search)."""
    found_by = _known(memo, LEXICON_KEY, lambda: _lexicon_words(lexicon))
    candidates = found_by.could_match if typos else found_by.same_start
    return {
        word: {known: found for known in candidates(word) if (found := quality(word, known, False)) > 0}
        for word in typed
    }


def slots(typed: list[str], stop_words: set[str], groups: list[list[list[str]]]) -> list[list[tuple[str, float]]]:
    """What a document is scored on: each content word in a slot of its own, and the words of
    each synonym group that one of the query's phrases matches, together in one slot."""
    found = [[(word, 1.0)] for word in typed if word not in stop_words]
    for group in groups:
        if any(phrase_matches(phrase, typed) for phrase in group):
            # Short words of a phrase ("ta mitt liv") say nothing alone; the phrase matched already.
            members = dict.fromkeys(w for phrase in group for w in phrase if w not in stop_words and len(w) >= 3)
            found.append([(word, SYNONYM_WEIGHT) for word in members if word not in typed])
    return [slot for slot in found if slot]


def engine_words(found_slots: list[list[tuple[str, float]]]) -> list[str]:
    """The words the full-text engines look for: every word of every slot, once."""
    return list(dict.fromkeys(word for slot in found_slots for word, _ in slot))


MEMO_WORDS = 20_000  # words a memo keeps before it starts afresh
# What a memo keeps beside the words, under keys no word can be: the documents' words and
# the crisis lexicon's words, each as a Vocabulary (known_words).
DOCUMENTS_KEY, LEXICON_KEY, PHRASES_KEY, SCORES_KEY = "", " ", "  ", "   "


def known_words(data: dict) -> dict[str, Vocabulary]:
    """A memo holding only the words one language's `data` (sokdata.py) is found by, made
    once: making them took longer than a search (tens of ms). The preview gives each search a
    copy of it, production keeps one per worker and language (render/sok.py)."""
    return {
        DOCUMENTS_KEY: _document_words(data["dokument"], long_words_now=True),
        LEXICON_KEY: _lexicon_words(data["kris"], long_words_now=True),
    }


def _document_words(documents: list[dict], long_words_now: bool = False) -> Vocabulary:
    return Vocabulary(
        (known for doc in documents for known in doc["titel"] + doc["sokord"] + [w for p in doc["fraser"] for w in p]),
        long_words_now,
    )


def _lexicon_words(lexicon: list[dict], long_words_now: bool = False) -> Vocabulary:
    return Vocabulary((word for kind in lexicon for phrase in kind["fraser"] for word in phrase), long_words_now)


def _known(memo: dict | None, key: str, make) -> Vocabulary:
    """The memo's words under `key`, made (and kept, with a memo) if it has none."""
    if memo is None:
        return make()
    if (found := memo.get(key)) is None:
        found = memo[key] = make()
    return found


def _matches(words: list[str], documents: list[dict], memo: dict | None = None) -> dict[str, dict[str, float]]:
    """For each word, the documents' words it matches and how well (each pair compared once).
    `memo` (production, for one unchanging `documents`) keeps each word's matches."""
    found_by = _known(memo, DOCUMENTS_KEY, lambda: _document_words(documents))
    memo = {} if memo is None else memo
    found: dict[str, dict[str, float]] = {}
    for word in words:
        if (matched := memo.get(word)) is None:
            if len(memo) > MEMO_WORDS:
                kept = {key: memo[key] for key in (DOCUMENTS_KEY, LEXICON_KEY) if key in memo}
                memo.clear()
                memo.update(kept)
            matched = memo[word] = {
                known: score for known in found_by.could_match(word) if (score := quality(word, known)) > 0
            }
        found[word] = matched
    return found


def _best(matched: dict[str, float], known: dict[str, float]) -> float:
    """The best score among the words of `known` that `matched` holds, each times what its word
    is worth (a title's words 1.0, _search_words). A query's word matches few known words, so
    these are looked up among a document's, not each of its words in them."""
    return max((score * known[word] for word, score in matched.items() if word in known), default=0.0)


def _search_words(doc: dict, hits: set[str]) -> dict[str, float]:
    """A document's one-word search words, and the words of each phrase of search words that
    the query matches (`hits`: the known words of LONG_WORD letters or more it matches), with
    what each is worth. A short word alone says nothing about the phrase ("end my life" is not
    about "end of contract", "hen tar sitt liv" not about "hen har flyttat"); a phrase counts
    whole when the query matches all its longer words, and PART_OF_PHRASE when only some
    ("mamma" alone is not "mamma dricker")."""
    found = dict.fromkeys(doc["sokord"], 1.0)
    for phrase in doc["fraser"]:
        longer = [word for word in phrase if len(word) >= LONG_WORD]
        matched = sum(1 for word in longer if word in hits)
        if matched:
            worth = 1.0 if matched == len(longer) else PART_OF_PHRASE
            for word in phrase:
                if found.get(word, 0.0) < worth:
                    found[word] = worth
    return found


def rank(
    found_slots: list[list[tuple[str, float]]], documents: list[dict], memo: dict | None = None
) -> list[tuple[float, str]]:
    """(score, url) of every document whose title or search words match, best first.

    A slot adds the best match among its words, times the part it matched in (search words
    count more than a title), times how rare that word is among the documents' titles and
    search words, so "stöd" counts less than "demens"."""
    matches = _matches(engine_words(found_slots), documents, memo)
    titles = [dict.fromkeys(doc["titel"], 1.0) for doc in documents]
    hits = {known for found in matches.values() for known in found if len(known) >= LONG_WORD}
    words_of = [_search_words(doc, hits) for doc in documents]
    rarity = {}
    for word, matched in matches.items():
        seen = sum(1 for title, own in zip(titles, words_of) if _best(matched, title) or _best(matched, own))
        rarity[word] = math.log(1 + len(documents) / seen) if seen else 0.0
    scored = []
    for order, (doc, title, own) in enumerate(zip(documents, titles, words_of)):
        title_weight = SERVICE if doc.get("verksamhet") else TITLE
        score = 0.0
        for slot in found_slots:
            score += max(
                weight
                * rarity[word]
                * max(title_weight * _best(matches[word], title), SOKORD * _best(matches[word], own))
                for word, weight in slot
            )
        if score > 0:
            scored.append((-round(score, 6), order, doc["url"]))
    return [(-score, url) for score, _, url in sorted(scored)]


def analyse(query: str, data: dict, memo: dict | None = None) -> dict:
    """Everything a query means for one language's data (sokdata.py): its words, the crisis
    kinds it matches, the words for the full-text engines, and the ranked documents.
    `memo`: kept by production between queries on the same `data` (_matches)."""
    every = query_words(query, data["sprak"])
    typed = every[:MAX_WORDS]
    found_slots = slots(typed, set(data["stopp"]), data["synonymer"])
    return {
        "ord": typed,
        "kris": crisis(every, data["kris"], memo),
        "sok": engine_words(found_slots),
        "rang": [[score, url] for score, url in rank(found_slots, data["dokument"], memo)],
    }
