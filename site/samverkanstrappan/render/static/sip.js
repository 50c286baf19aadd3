// Be om en SIP: preview, print and copy the request. Everything happens here in
// the browser: no request is made, nothing is stored (no cookie, no storage).
(function () {
  var section = document.getElementById("begaran");
  if (!section) { return; }
  var preview = section.querySelector("[data-forhandsvisning]");
  var status = section.querySelector("[data-status]");
  section.querySelectorAll("[data-med-js]").forEach(function (element) { element.hidden = false; });
  section.querySelector(".begaran__utan-js").hidden = true;

  function value(id) { return document.getElementById(id).value.trim(); }

  // The request's lines: the opening sentence, then each answer given, after its label.
  // `names` holds the sentence and labels: the page's (preview.dataset) or, on a page in
  // another language, the Swedish ones (data-sv-*) for the staff. The places ticked are named
  // in the same language; what the person typed stays as typed.
  function lines(names, swedish) {
    var places = Array.prototype.map.call(
      section.querySelectorAll("input[name=kontakt]:checked"),
      function (box) {
        return swedish ? box.dataset.sv : section.querySelector("label[for='" + box.id + "']").firstChild.textContent.trim();
      });
    if (value("sip-annan")) { places.push(value("sip-annan")); }
    // The places stay a list: on screen each is isolated, and in Arabic they are parted by
    // the Arabic comma ("BUP ,(Arbetsförmedlingen)" came out of one run of mixed text).
    return [[names.namn, value("sip-namn")], [names.nas, value("sip-nas")], [names.ombud, value("sip-ombud")],
      [names.kontakt, places.length ? places : ""],
      [names.hjalp, value("sip-hjalp")], [names.med, value("sip-med")], [names.tolk, language(swedish)]]
      .filter(function (pair) { return pair[1]; });
  }

  // The interpreter's language: in Swedish for the staff when it is one of the list's.
  function language(swedish) {
    var typed = value("sip-tolk");
    var chosen = Array.prototype.filter.call(document.querySelectorAll("#sip-sprak option"), function (option) {
      return option.value.toLowerCase() === typed.toLowerCase();
    })[0];
    return swedish && chosen ? chosen.dataset.sv : typed;
  }

  function swedishNames() {
    var data = preview.dataset;
    return data.svMening && {mening: data.svMening, namn: data.svNamn, nas: data.svNas, ombud: data.svOmbud, kontakt: data.svKontakt,
      hjalp: data.svHjalp, med: data.svMed, tolk: data.svTolk};
  }

  // Each block: the sentence, then a line per answer. The Swedish block comes second, after
  // its heading, so that the person reads their own language first and staff find theirs.
  function blocks() {
    var found = [{heading: null, mening: preview.dataset.mening, lines: lines(preview.dataset, false)}];
    var swedish = swedishNames();
    if (swedish) {
      // What was typed in the person's own words stays as typed: say in which language.
      var typed = value("sip-hjalp") || value("sip-med") || value("sip-annan") || value("sip-ombud");
      found.push({heading: preview.dataset.svRubrik, mening: swedish.mening, lines: lines(swedish, true),
        note: typed ? preview.dataset.svEget : ""});
    }
    return found;
  }

  // A list in the block's language: the Swedish block with a Swedish comma.
  function comma(block) { return block.heading ? ", " : (preview.dataset.komma || ", "); }
  function joined(answer, block) { return Array.isArray(answer) ? answer.join(comma(block)) : answer; }

  // What is copied: plain text.
  function letter() {
    var text = [];
    blocks().forEach(function (block) {
      if (block.heading) { text.push("", "", block.heading); }
      text.push(block.mening, "");
      block.lines.forEach(function (pair) { text.push(pair[0] + ": " + joined(pair[1], block)); });
      if (block.note) { text.push("", block.note); }
    });
    return text.join("\n");
  }

  // On screen each answer is its own <bdi>, so that on an Arabic page "070-123 45 67" does not
  // read "67 45 070-123"; an element, not invisible marks, so that text selected in the
  // preview and copied by hand is plain too. The Swedish block is its own <span lang="sv">.
  function update() {
    // The printed form shows the field itself: the language chosen from the list in Swedish
    // under it ("arabiska", not "العربية"), as the Swedish half of the preview names it.
    var printed = section.querySelector("[data-tolk-svenska]");
    if (printed) {
      var named = language(true);
      printed.textContent = named !== value("sip-tolk") ? named : "";
    }
    var parts = [];
    blocks().forEach(function (block) {
      var holder = preview;
      if (block.heading) {
        holder = document.createElement("span");
        holder.lang = "sv";
        holder.dir = "ltr";
        holder.className = "forhandsvisning__svenska";
        holder.appendChild(document.createTextNode(block.heading + "\n"));
        parts.push(holder);
      }
      var add = function (node) { if (holder === preview) { parts.push(node); } else { holder.appendChild(node); } };
      add(document.createTextNode(block.mening + "\n"));
      block.lines.forEach(function (pair) {
        add(document.createTextNode("\n" + pair[0] + ": "));
        [].concat(pair[1]).forEach(function (item, index) {
          var answer = document.createElement("bdi");
          answer.textContent = item;
          // A phone number has no letter to tell its direction, and a browser that gives it
          // its parent's puts its groups in reverse order among Arabic words; sip.css keeps it
          // on one line ("67" wrapped alone to the next, a persona).
          if (!/\p{L}/u.test(item)) {
            answer.dir = "ltr";
            // Only a short line: three lines of numbers kept whole scrolled the page sideways.
            if (item.length < 25 && item.indexOf("\n") === -1) { answer.className = "hel"; }
          }
          if (index) { add(document.createTextNode(comma(block))); }
          add(answer);
        });
      });
      if (block.note) { add(document.createTextNode("\n\n" + block.note)); }
    });
    preview.replaceChildren.apply(preview, parts);
  }
  section.addEventListener("input", update);
  section.addEventListener("change", update);
  update();

  section.querySelector("[data-skriv-ut]").addEventListener("click", function () { window.print(); });
  section.querySelector("[data-kopiera]").addEventListener("click", function () {
    // Emptied first, and written a moment later: a screen reader says nothing when a status
    // gets the same words again, so a second copy was silent.
    var say = function (text) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 100);
    };
    var done = function () { say(status.dataset.kopierad); };
    var failed = function () { say(status.dataset.ejKopierad); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(letter()).then(done, failed);
    } else {
      failed();
    }
  });
}());
