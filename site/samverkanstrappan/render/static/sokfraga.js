// The query pipeline that both search modes share: a line-by-line copy of
// index/fraga.py (read its docstring). A test runs one long list of queries through
// both and requires the same answers, so change them together. Lengths count code
// points, as Python's do, not UTF-16 units.
(function (root) {
  "use strict";
  var ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
  var ARABIC_LETTERS = { "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه" };
  var ARABIC_ARTICLES = ["وال", "بال", "فال", "كال", "لل", "ال"];
  var WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
  var MAX_QUERY_CHARS = 200, MAX_WORDS = 12, SYNONYM_WEIGHT = 0.6;
  var TITLE = 2.0, SOKORD = 3.0, SERVICE = 1.0;
  var PART_OF_PHRASE = 0.8, LONG_WORD = 4;  // index/fraga.py _search_words

  function chars(text) { return Array.from(text); }
  function size(text) { return chars(text).length; }

  function normalize(text, lang) {
    text = text.normalize("NFKC").toLowerCase().replace(/[’ʼ`]/g, "'");
    if (lang === "ar") {
      text = text.replace(ARABIC_MARKS, "").replace(/[أإآىة]/g, function (c) { return ARABIC_LETTERS[c]; });
    }
    return text;
  }

  function withoutArticle(word) {
    for (var i = 0; i < ARABIC_ARTICLES.length; i += 1) {
      var article = ARABIC_ARTICLES[i];
      if (word.indexOf(article) === 0 && size(word) - size(article) >= 3) { return word.slice(article.length); }
    }
    return word;
  }

  function words(text, lang) {
    var found = normalize(text, lang).match(WORD) || [];
    return lang === "ar" ? found.map(withoutArticle) : found;
  }

  function unique(list) {
    var seen = new Set();
    return list.filter(function (item) { if (seen.has(item)) { return false; } seen.add(item); return true; });
  }

  function queryWords(query, lang) {
    return unique(words(chars(query).slice(0, MAX_QUERY_CHARS).join(""), lang));
  }

  function typos(a, b, limit) {
    a = chars(a); b = chars(b);
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var before = null, row = [], i, j;
    for (j = 0; j <= b.length; j += 1) { row.push(j); }
    for (i = 1; i <= a.length; i += 1) {
      var current = [i];
      for (j = 1; j <= b.length; j += 1) { current.push(0); }
      for (j = 1; j <= b.length; j += 1) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        current[j] = Math.min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost);
        if (before !== null && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          current[j] = Math.min(current[j], before[j - 2] + 1);
        }
      }
      if (Math.min.apply(null, current) > limit) { return limit + 1; }
      before = row; row = current;
    }
    return row[b.length];
  }

  function commonStart(a, b) {
    a = chars(a); b = chars(b);
    var size = 0;
    while (size < Math.min(a.length, b.length) && a[size] === b[size]) { size += 1; }
    return size;
  }

  // fraga.py's _other_ending: a phrase's word asks for more than a document's.
  function otherEnding(common, shortSize, typedEnd, knownEnd, halfTyped) {
    if (halfTyped) {
      var enough = common >= 5 || (common === 4 && shortSize >= 5 && 5 * common >= 4 * shortSize);
      return enough && typedEnd <= 4 && knownEnd <= 4;
    }
    return common >= 5 && knownEnd <= 2 && typedEnd <= (common >= 6 ? 3 : 2);
  }

  // fraga.py's _may_be_typo_of_phrase_word: the same first letter, but for Arabic.
  function mayBeTypoOfPhraseWord(typed, known) {
    return typed.codePointAt(0) === known.codePointAt(0) || /^[\u0600-\u06ff]/.test(typed);
  }

  function quality(typed, known, halfTyped) {
    if (halfTyped === undefined) { halfTyped = true; }
    if (typed === known) { return 1.0; }
    var short = size(typed) <= size(known) ? typed : known;
    var long = short === typed ? known : typed;
    var shortSize = size(short), longSize = size(long);
    if (long.indexOf(short) === 0 && (shortSize >= 5 || (shortSize === 4 && longSize <= 7))) {
      if (long === typed || halfTyped) { return 0.8; }
      // Only the beginning of a phrase's word: it may still be a typo of it (see fraga.py).
    }
    var common = commonStart(typed, known);
    if (common < shortSize && otherEnding(common, shortSize, size(typed) - common, size(known) - common, halfTyped)) {
      return 0.7;
    }
    if (halfTyped || mayBeTypoOfPhraseWord(typed, known)) {
      var limit = shortSize >= (halfTyped ? 9 : 11) ? 2 : 1;
      if (shortSize >= 5 && typos(typed, known, limit) <= limit) { return 0.6; }
    }
    var knownSize = size(known);
    if (knownSize >= 6 && size(typed) >= knownSize + 3 && typed.endsWith(known)) { return 0.5; }
    return 0.0;
  }

  function phraseMatch(phrase, typed) {
    var free = typed.map(function (word, place) { return [place, word]; });
    var places = [], total = 0.0;
    for (var p = 0; p < phrase.length; p += 1) {
      var found = -1;
      for (var i = 0; i < free.length; i += 1) {
        if (quality(free[i][1], phrase[p], false) > 0) { found = i; break; }
      }
      if (found < 0) { return null; }
      var taken = free.splice(found, 1)[0];
      places.push(taken[0]);
      total += quality(taken[1], phrase[p], false);
    }
    var inOrder = places.every(function (place, i) { return i === 0 || places[i - 1] <= place; });
    return [phrase.length, inOrder ? 1 : 0, total];
  }

  function phraseMatches(phrase, typed) { return phraseMatch(phrase, typed) !== null; }

  function compare(a, b) {
    for (var i = 0; i < a.length; i += 1) {
      if (a[i] < b[i]) { return -1; }
      if (a[i] > b[i]) { return 1; }
    }
    return 0;
  }

  // As fraga.crisis: a kind's specific phrases before its general ones (from allmanna_fran on).
  function crisis(typed, lexicon) {
    var found = [];
    lexicon.forEach(function (kind, order) {
      var best = null;
      var generalFrom = kind.allmanna_fran === undefined ? kind.fraser.length : kind.allmanna_fran;
      kind.fraser.forEach(function (phrase, place) {
        var matched = phraseMatch(phrase, typed);
        if (matched) { matched.unshift(place < generalFrom ? 1 : 0); }
        if (matched && (best === null || compare(matched, best) > 0)) { best = matched; }
      });
      if (best) { found.push([-best[0], -best[1], -best[2], -best[3], order, kind.id]); }
    });
    found.sort(compare);
    return found.map(function (entry) { return entry[5]; });
  }

  function slots(typed, stopWords, groups) {
    var found = typed.filter(function (word) { return !stopWords.has(word); })
      .map(function (word) { return [[word, 1.0]]; });
    groups.forEach(function (group) {
      if (group.some(function (phrase) { return phraseMatches(phrase, typed); })) {
        var members = [];
        group.forEach(function (phrase) {
          phrase.forEach(function (w) { if (!stopWords.has(w) && size(w) >= 3) { members.push(w); } });
        });
        found.push(unique(members).filter(function (word) { return typed.indexOf(word) < 0; })
          .map(function (word) { return [word, SYNONYM_WEIGHT]; }));
      }
    });
    return found.filter(function (slot) { return slot.length; });
  }

  function engineWords(foundSlots) {
    var all = [];
    foundSlots.forEach(function (slot) { slot.forEach(function (entry) { all.push(entry[0]); }); });
    return unique(all);
  }

  function matchesOf(list, documents) {
    var vocabulary = [];
    documents.forEach(function (doc) {
      vocabulary = vocabulary.concat(doc.titel, doc.sokord);
      doc.fraser.forEach(function (phrase) { vocabulary = vocabulary.concat(phrase); });
    });
    vocabulary = unique(vocabulary);
    var found = new Map();  // a Map, so that a typed word such as "__proto__" is only a word
    list.forEach(function (word) {
      var matched = new Map();
      vocabulary.forEach(function (known) {
        var score = quality(word, known);
        if (score > 0) { matched.set(known, score); }
      });
      found.set(word, matched);
    });
    return found;
  }

  // The best score among the words of `known` (a Map of word to what it is worth) that
  // `matched` holds. A query's word matches few known words, so these are looked up among a
  // document's, not each of its words in them.
  function best(matched, known) {
    var top = 0.0;
    matched.forEach(function (score, word) { if (known.has(word)) { top = Math.max(top, score * known.get(word)); } });
    return top;
  }

  // Each search word of a document with what it is worth (index/fraga.py _search_words).
  // `hits`: the known words of LONG_WORD letters or more the query matches.
  function searchWords(doc, hits) {
    var found = new Map();
    doc.sokord.forEach(function (known) { found.set(known, 1.0); });
    doc.fraser.forEach(function (phrase) {
      var longer = phrase.filter(function (known) { return size(known) >= LONG_WORD; });
      var matched = longer.filter(function (known) { return hits.has(known); }).length;
      if (matched) {
        var worth = matched === longer.length ? 1.0 : PART_OF_PHRASE;
        phrase.forEach(function (known) {
          if ((found.has(known) ? found.get(known) : 0.0) < worth) { found.set(known, worth); }
        });
      }
    });
    return found;
  }

  function rank(foundSlots, documents) {
    var matches = matchesOf(engineWords(foundSlots), documents);
    var titles = documents.map(function (doc) { return new Map(doc.titel.map(function (word) { return [word, 1.0]; })); });
    var hits = new Set();
    matches.forEach(function (matched) {
      matched.forEach(function (score, known) { if (size(known) >= LONG_WORD) { hits.add(known); } });
    });
    var wordsOf = documents.map(function (doc) { return searchWords(doc, hits); });
    var rarity = new Map();
    matches.forEach(function (matched, word) {
      var seen = documents.filter(function (doc, i) { return best(matched, titles[i]) || best(matched, wordsOf[i]); }).length;
      rarity.set(word, seen ? Math.log(1 + documents.length / seen) : 0.0);
    });
    var scored = [];
    documents.forEach(function (doc, order) {
      var titleWeight = doc.verksamhet ? SERVICE : TITLE;
      var own = wordsOf[order];
      var score = 0.0;
      foundSlots.forEach(function (slot) {
        score += Math.max.apply(null, slot.map(function (entry) {
          var word = entry[0], weight = entry[1], matched = matches.get(word);
          return weight * rarity.get(word) * Math.max(titleWeight * best(matched, titles[order]), SOKORD * best(matched, own));
        }));
      });
      if (score > 0) { scored.push([-Number(score.toFixed(6)), order, doc.url]); }
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return scored.map(function (entry) { return [-entry[0], entry[2]]; });
  }

  function analyse(query, data) {
    var every = queryWords(query, data.sprak);
    var typed = every.slice(0, MAX_WORDS);
    var foundSlots = slots(typed, new Set(data.stopp), data.synonymer);
    return { ord: typed, kris: crisis(every, data.kris), sok: engineWords(foundSlots), rang: rank(foundSlots, data.dokument) };
  }

  var api = { normalize: normalize, words: words, quality: quality, analyse: analyse };
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.Sokfraga = api; }
}(this));
