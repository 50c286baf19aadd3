// Search on the frozen site, in the browser. Pagefind (its JavaScript and
// WebAssembly) loads only when someone searches; the query never leaves the page.
(function () {
  "use strict";
  var form = document.querySelector("form[data-i-webblasaren]");
  if (!form) { return; }  // server mode: the form is a normal GET to the server
  var input = form.querySelector("input[name=q]");
  var out = document.getElementById("sok-resultat");
  var pagefind = null;
  var synonyms = null;
  form.hidden = false;

  function load() {
    if (!pagefind) {
      pagefind = import("/pagefind/pagefind.js").then(function (module) {
        return module.options({ excerptLength: 30 }).then(function () { return module; });
      });
      synonyms = fetch(form.dataset.synonymer).then(function (r) { return r.json(); });
    }
    return Promise.all([pagefind, synonyms]);
  }

  // Words people use about the same thing: a query word in a group also searches the others.
  function alternatives(query, groups) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var found = [query];
    (groups[document.documentElement.lang] || []).forEach(function (group) {
      var hit = group.some(function (member) {
        return words.some(function (word) { return word === member || (member.length > 3 && word.indexOf(member) === 0); });
      });
      if (hit) { group.forEach(function (member) { found.push(member); }); }
    });
    // Pagefind needs every word to match; also try each word alone, so "min mamma har demens" finds "demens".
    if (words.length > 1) { words.forEach(function (word) { found.push(word); }); }
    return found.slice(0, 24);
  }

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    element.textContent = content;
    return element;
  }

  function show(results) {
    out.textContent = "";
    if (!results.length) { out.appendChild(text("p", "", out.dataset.inga)); return; }
    out.appendChild(text("p", "", out.dataset.antal + " " + results.length));
    var list = document.createElement("ol");
    list.className = "traffar";
    results.forEach(function (data) {
      var item = document.createElement("li");
      var link = text("a", "", data.meta.title || data.url);
      link.href = data.url;
      item.appendChild(link);
      if (data.meta.plats) { item.appendChild(text("p", "traffar__plats", data.meta.plats)); }
      var excerpt = document.createElement("p");
      excerpt.className = "traffar__utdrag";
      excerpt.innerHTML = data.excerpt;  // Pagefind escapes the page text; only <mark> is markup
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    out.appendChild(list);
  }

  // A language Pagefind cannot stem (Ukrainian) gets the server's suffix list: the query's
  // words lose their endings, and Pagefind's prefix matching finds every form of the stem.
  var endings = (form.dataset.andelser || "").split(" ").filter(Boolean);
  // The limits are the server's (index/whoosh_index.py), handed over by the page.
  var maxChars = input.maxLength, maxResults = Number(form.dataset.maxTraffar);
  function stem(query) {
    if (!endings.length) { return query; }
    return query.split(/\s+/).map(function (word) {
      var lower = word.toLowerCase();
      for (var i = 0; i < endings.length; i += 1) {
        if (lower.length - endings[i].length >= 3 && lower.slice(-endings[i].length) === endings[i]) {
          return lower.slice(0, -endings[i].length);
        }
      }
      return lower;
    }).join(" ");
  }

  function search(query) {
    query = stem(query.slice(0, maxChars).trim());
    if (!query) { show([]); return Promise.resolve(); }
    return load().then(function (loaded) {
      var module = loaded[0];
      var queries = alternatives(query, loaded[1]);
      return Promise.all(queries.map(function (q, index) {
        return module.search(q).then(function (found) {
          // The whole query counts most, then synonyms, then single words.
          var weight = index === 0 ? 3 : 1;
          return found.results.map(function (r) { return { result: r, score: r.score * weight }; });
        });
      }));
    }).then(function (lists) {
      var best = {};
      lists.forEach(function (list) {
        list.forEach(function (entry) {
          var seen = best[entry.result.id];
          if (!seen) { best[entry.result.id] = { result: entry.result, score: entry.score }; } else { seen.score += entry.score; }
        });
      });
      var ranked = Object.keys(best).map(function (id) { return best[id]; })
        .sort(function (a, b) { return b.score - a.score; }).slice(0, maxResults);
      return Promise.all(ranked.map(function (entry) { return entry.result.data(); }));
    }).then(show).catch(function () {
      out.textContent = "";
      out.appendChild(text("p", "", out.dataset.inga));
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // The query never goes into the address: it is not kept in the history, nor sent anywhere.
    search(input.value);
  });
  var start = /^#q=(.*)$/.exec(location.hash);
  if (start) {
    try { input.value = decodeURIComponent(start[1]); } catch (error) { input.value = ""; }
    history.replaceState(null, "", location.pathname);
    search(input.value);
  }
}());
