// Search on the frozen site, in the browser. The query pipeline (sokfraga.js, the
// same as the server's index/fraga.py) reads the query; Pagefind (its JavaScript and
// WebAssembly) adds what only the full text matches. Both load when someone is about
// to search; the query never leaves the page.
(function () {
  "use strict";
  var form = document.querySelector("form[data-i-webblasaren]");
  if (!form || !window.Sokfraga) { return; }  // server mode: the form is a normal GET to the server
  var input = form.querySelector("input[name=q]");
  var out = document.getElementById("sok-resultat");
  var status = document.getElementById("sok-status");
  var maxResults = Number(form.dataset.maxTraffar);
  // On the lättläst search page: each result's lättläst version, where it has one (its
  // address, and its lättläst title and summary where they are written: sok.py).
  var lattlast = Boolean(form.dataset.lattlast);
  var twins = lattlast ? JSON.parse(form.dataset.lattlast) : {};
  // Pagefind also finds words it only guesses at ("help" finds "hela"). The candidates it
  // ranks highest are checked with the pipeline's own word match, as the server's are.
  var CHECKED = 40;
  var data = null, pagefind = null;
  var latest = 0;  // the number of the last search: an older answer is never shown over a newer one
  form.hidden = false;

  // The pipeline's data and Pagefind load apart: the crisis block and the pages whose title or
  // search words match need only the data, so they show even when Pagefind cannot load.
  function load() {
    if (!data) {
      data = fetch(form.dataset.sokdata).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      });
      data.catch(function () { data = null; });  // the next search tries again
    }
    if (!pagefind) {
      pagefind = import("/pagefind/pagefind.js").then(function (module) {
        return module.options({ excerptLength: 30 }).then(function () { return module; });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return { data: data, pagefind: pagefind };
  }

  function unique(list) {
    var seen = new Set();
    return list.filter(function (item) { if (seen.has(item)) { return false; } seen.add(item); return true; });
  }

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    element.textContent = content;
    return element;
  }

  function template(id) {
    var found = document.getElementById(id);
    return found ? found.content.cloneNode(true) : document.createDocumentFragment();
  }

  // Words Pagefind marked in an excerpt, read the pipeline's way.
  function marked(excerpt, lang) {
    var found = [];
    (excerpt.match(/<mark>[^<]*<\/mark>/g) || []).forEach(function (tag) {
      found = found.concat(Sokfraga.words(tag.slice(6, -7), lang));
    });
    return found;
  }

  function engine(pagefind, words, lang) {
    if (!words.length) { return Promise.resolve({ urls: [], excerpts: new Map(), unchecked: 0 }); }
    return Promise.all(words.map(function (word) { return pagefind.search(word); })).then(function (answers) {
      var scores = new Map();
      answers.forEach(function (answer) {
        answer.results.forEach(function (result) {
          var seen = scores.get(result.id);
          scores.set(result.id, { result: result, score: (seen ? seen.score : 0) + result.score });
        });
      });
      var ranked = Array.from(scores.values()).sort(function (a, b) { return b.score - a.score; });
      var checked = ranked.slice(0, CHECKED);
      return Promise.all(checked.map(function (entry) { return entry.result.data(); })).then(function (pages) {
        var urls = [], excerpts = new Map();
        pages.forEach(function (page) {
          var real = marked(page.excerpt, lang).some(function (found) {
            return words.some(function (word) { return Sokfraga.quality(word, found) > 0; });
          });
          if (real) { urls.push(page.url); excerpts.set(page.url, page.excerpt); }
        });
        return { urls: urls, excerpts: excerpts, unchecked: ranked.length - checked.length };
      });
    });
  }

  // The crisis block with the numbers of `kinds`: each kind's in its order, the first kind's
  // first, each number once (as server mode's crisis_numbers does).
  function crisisBlock(kinds) {
    var holder = document.getElementById("sok-kris");
    var block = template("sok-kris");
    var list = block.querySelector(".nummerkort");
    if (!holder || !list) { return block; }
    var items = new Map(Array.from(list.children).map(function (item) { return [item.dataset.nummer, item]; }));
    var wanted = unique([].concat.apply([], kinds.map(function (kind) {
      return (holder.getAttribute("data-kris-" + kind) || "").split(" ");
    })));
    list.textContent = "";
    wanted.forEach(function (id) { if (items.has(id)) { list.appendChild(items.get(id)); } });
    return block;
  }

  function show(meaning, data, found) {
    var documents = new Map(data.dokument.map(function (doc) { return [doc.url, doc]; }));
    var crisisUrls = meaning.kris.map(function (id) {
      return data.kris.filter(function (kind) { return kind.id === id; })[0].url;
    });
    var ordered = unique(crisisUrls.concat(meaning.rang.map(function (entry) { return entry[1]; }), found.urls))
      .filter(function (url) { return documents.has(url); });
    var shown = ordered.slice(0, maxResults);
    out.textContent = "";
    var danger = "";
    if (meaning.kris.length) {
      var block = crisisBlock(meaning.kris);
      // Heard first, in the one status that is read out: an alert of its own was read out at
      // the same moment as the count, and screen readers cut one of them short. Read before
      // the block is added: it is a template's fragment, empty once appended.
      danger = block.querySelector("h2").textContent.trim();
      out.appendChild(block);
    }
    var count;
    if (!shown.length) {
      out.appendChild(template("sok-inga"));
      count = out.querySelector(".sok-inga strong").textContent;
    } else {
      // Candidates past the CHECKED best are taken for noise unless the best fill the list.
      var more = found.unchecked && ordered.length >= maxResults;
      count = more ? out.dataset.fler.replace("%(antal)s", ordered.length) : out.dataset.antal + " " + ordered.length;
      // "Fler än 40 träffar." over a list of 20 read as if 20 were missing (a persona, session 52).
      if (ordered.length > shown.length) { count += " " + out.dataset.forsta.replace("%(antal)s", shown.length); }
      var list = document.createElement("ol");
      list.className = "traffar";
      shown.forEach(function (url) {
        var doc = documents.get(url);
        var twin = twins[url];
        var written = twin && twin.namn;  // in lättläst: its words instead of an ordinary excerpt
        var item = document.createElement("li");
        var link = text("a", "", written ? twin.namn : doc.namn);
        link.href = twin ? twin.url : url;
        item.appendChild(link);
        item.appendChild(text("p", "traffar__plats", doc.plats));
        if (lattlast && !written) { item.appendChild(text("p", "traffar__inte-lattlast", out.dataset.inteLattlast)); }
        if (written) {
          if (twin.text) { item.appendChild(text("p", "traffar__utdrag", twin.text)); }
        } else if (found.excerpts.has(url)) {
          var excerpt = document.createElement("p");
          excerpt.className = "traffar__utdrag";
          excerpt.innerHTML = found.excerpts.get(url);  // Pagefind escapes the page text; only <mark> is markup
          item.appendChild(excerpt);
        }
        list.appendChild(item);
      });
      out.appendChild(list);
    }
    status.textContent = "";
    if (danger) { status.appendChild(text("span", "dold", danger + " ")); }  // the block shows it
    status.appendChild(document.createTextNode(count));  // the visible count, read out when the search is done
    // With no match the block below says it in the same words, so the status is only heard.
    status.classList.toggle("dold", !shown.length);
  }

  function search(query) {
    var number = ++latest;
    if (!query.trim()) {
      out.textContent = "";
      out.appendChild(template("sok-tom"));
      status.textContent = out.textContent.trim();
      status.classList.add("dold");  // heard; the block says the same words
      out.removeAttribute("aria-busy");
      return Promise.resolve();
    }
    status.textContent = out.dataset.soker;
    status.classList.remove("dold");
    out.setAttribute("aria-busy", "true");
    var loaded = load();
    return loaded.data.then(function (words) {
      var meaning = Sokfraga.analyse(query, words);
      var noEngine = { urls: [], excerpts: new Map(), unchecked: 0, failed: true };
      var full = loaded.pagefind.then(function (module) {
        return engine(module, meaning.sok, words.sprak);
      }).catch(function () { return noEngine; });
      return full.then(function (found) {
        if (number !== latest) { return; }
        show(meaning, words, found);
        if (found.failed) {
          status.textContent = status.textContent + " " + out.dataset.fel;
          status.classList.remove("dold");  // the block does not say that the search failed
        }
        out.removeAttribute("aria-busy");
      });
    }).catch(function () {
      if (number !== latest) { return; }
      out.textContent = "";
      out.appendChild(template("sok-inga"));
      status.textContent = out.dataset.fel;
      status.classList.remove("dold");  // the block does not say that the search failed
      out.removeAttribute("aria-busy");
    });
  }

  input.addEventListener("focus", function () { load(); }, { once: true });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // The query never goes into the address: it is not kept in the history, nor sent anywhere.
    search(input.value).then(function () {
      // Zoomed to 200 %, the results began below the screen and nothing seemed to happen (a
      // persona): bring their start into view. Focus stays in the field, to search again.
      if (out.getBoundingClientRect().top > window.innerHeight - 120) { out.scrollIntoView(); }
    });
  });
  var start = /^#q=(.*)$/.exec(location.hash);
  if (start) {
    try { input.value = decodeURIComponent(start[1]); } catch (error) { input.value = ""; }
    history.replaceState(null, "", location.pathname);
    search(input.value);
  }
}());
