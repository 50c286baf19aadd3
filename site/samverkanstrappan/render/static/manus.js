// The phone script's jump list: a word typed in the box shortens the list (without JavaScript,
// plain links). An outcome is found by its title, every answer on the way to it, and its search
// words: a caller says "demens", the title says "vårdcentralen och äldreomsorgen". The search
// words come from the site's own search data (/sok/sv.json, fetched once, at the first word
// typed), matched by title, so that the page does not carry them too (it is near 50 kB); the
// search's query reader (sokfraga.js) comes with them, for the caller's words for danger.
(function () {
  "use strict";
  var box = document.getElementById("manus-filter");
  if (!box) { return; }
  // The jump list, one link per outcome, from the outcomes' own headings: the page does not
  // carry every title twice (it is near 50 kB). Without JavaScript there is no list to
  // filter, and the links to the questions and to the outcomes are there.
  var list = document.querySelector(".hoppa-till__lista");
  var leadsTo = new Map();  // "#utfall-x" or "#fraga-y" -> the answers that lead there
  document.querySelectorAll(".manus-fraga li").forEach(function (answer) {
    var link = answer.querySelector("a");
    var target = link && link.getAttribute("href");
    if (!target) { return; }
    if (!leadsTo.has(target)) { leadsTo.set(target, []); }
    leadsTo.get(target).push(answer);
  });
  function wordsOnTheWay(target, seen) {
    var found = [];
    (leadsTo.get(target) || []).forEach(function (answer) {
      found.push(answer.querySelector("span").textContent);
      var question = "#" + answer.closest("section").querySelector("h3").id;
      if (!seen.has(question)) {
        seen.add(question);
        found = found.concat(wordsOnTheWay(question, seen));
      }
    });
    return found;
  }
  var items = [];
  document.querySelectorAll("section > h3[id^='utfall-']").forEach(function (heading) {
    var item = document.createElement("li"), link = document.createElement("a"), target = "#" + heading.id;
    link.setAttribute("href", target);
    link.textContent = heading.textContent;
    if (heading.lang) { link.lang = heading.lang; }
    item.appendChild(link);
    list.appendChild(item);
    var text = [item.textContent].concat(wordsOnTheWay(target, new Set([target]))).join(" ");
    items.push({ item: item, title: item.textContent.trim(), text: text.toLowerCase() });
  });
  list.hidden = false;
  box.closest("p").hidden = false;  // the box once there is a list for it to shorten
  var none = document.getElementById("manus-inga");

  // "Nothing fits" is a status a screen reader says: not while the search words are on their
  // way, or "demens" would be said to fit nothing a moment before it is found.
  // A caller with two needs gets two words ("dricker jobb"): when no outcome has them all, the
  // list shows those with any of them, and says so (a receptionist persona, session 36).
  var loading = false, searchData = null;
  // A word of three letters or less fits only a word's beginning: a caller's "son" fitted every
  // "person" and "mor" every "självmord" (receptionist personas, sessions 49 and 52). A longer
  // one fits anywhere, as Swedish builds words: "psykiatri" is in "barn- och ungdomspsykiatrin".
  function has(entry, word) {
    return word.length > 3 ? entry.text.indexOf(word) !== -1 : (" " + entry.text.replace(/[^\p{L}\p{N}]+/gu, " ")).indexOf(" " + word) !== -1;
  }
  function show(words, test) {
    var shown = 0;
    items.forEach(function (entry) {
      entry.item.hidden = !words[test](function (word) { return has(entry, word); });
      if (!entry.item.hidden) { shown += 1; }
    });
    return shown;
  }
  // A word that fits nothing as typed loses its ending: a caller's "utskriven" is the
  // outcome's "utskrivning", "demensen" its "demens" (a receptionist persona, session 36).
  function found(word) {
    return items.some(function (entry) { return has(entry, word); });
  }
  function filter() {
    // Once the search data is in, its stop words are no words to find: "min" in "min son
    // dricker" fitted "minne" and hid the child's answer (a receptionist persona, session 52).
    var stop = new Set(searchData ? searchData.stopp : []);
    // Words, not what is between them: "inget jobb, jag" gave "jobb," (session 53).
    var words = box.value.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (word) { return word && !stop.has(word); }).map(function (word) {
      return word.length > 5 && !found(word) ? word.slice(0, -2) : word;
    });
    var shown = show(words, "every");
    var some = !shown && words.length > 1 && show(words, "some") > 0;
    // A caller's words for danger ("orkar inte mer", "pappa slår mig") put the crisis answers
    // at the top of the list, whatever else fits, as the site's search puts help first: "orkar
    // inte" alone found the carers' answer (a receptionist persona, session 49). The search's
    // own reading (sokfraga.js, fetched with its data), not a second one.
    var kinds = searchData && window.Sokfraga ? Sokfraga.analyse(box.value, searchData).kris : [];
    // Some words found: most words first, then rarest ("kronofogden" before "vill"). A caller's
    // sentence on debts, drink and a job showed the debts 14th, in page order (session 53).
    // A word is worth 2 less the share of answers that have it: one more word found always
    // counts more than any rarity.
    var order = items;
    if (some) {
      var worth = words.map(function (word) { return 2 - items.filter(function (entry) { return has(entry, word); }).length / items.length; });
      order = items.map(function (entry) {
        return [words.reduce(function (sum, word, i) { return has(entry, word) ? sum + worth[i] : sum; }, 0), entry];
      }).sort(function (a, b) { return b[0] - a[0]; }).map(function (pair) { return pair[1]; });
    }
    order.forEach(function (entry) { list.appendChild(entry.item); });
    kinds.slice().reverse().forEach(function (kind) {
      var link = list.querySelector("[href='#utfall-" + kind + "']");
      if (link) {
        link.parentNode.hidden = false;
        list.prepend(link.parentNode);
        shown += 1;
      }
    });
    // With the crisis answers first, "nothing has all the words" would be said of them too.
    // No status while the search data loads: "min son dricker" said "Inget har alla orden"
    // before its stop words were in (session 52).
    none.textContent = loading || !words.length ? "" : some && !kinds.length ? none.dataset.nagot : shown ? "" : none.dataset.inga;
  }

  var asked = false;
  function addSearchWords() {
    if (asked || !window.fetch) { return; }
    asked = true;
    loading = true;
    var reader = document.createElement("script");
    reader.src = box.dataset.sokfraga;
    reader.onload = filter;
    document.head.appendChild(reader);
    fetch(box.dataset.sokdata).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (!data) { return; }
      searchData = data;
      var byTitle = new Map();
      data.dokument.forEach(function (doc) {
        var words = (doc.sokord || []).concat((doc.fraser || []).map(function (phrase) { return phrase.join(" "); }));
        byTitle.set(doc.namn, (byTitle.get(doc.namn) || "") + " " + words.join(" ").toLowerCase());
      });
      items.forEach(function (entry) { entry.text += byTitle.get(entry.title) || ""; });
    }).catch(function () { /* the titles and answers still filter */ }).then(function () {
      loading = false;
      filter();
    });
  }

  box.addEventListener("input", function () {
    addSearchWords();
    filter();
  });
}());
