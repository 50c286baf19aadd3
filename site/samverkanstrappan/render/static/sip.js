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
  function answers() {
    var places = Array.prototype.map.call(
      section.querySelectorAll("input[name=kontakt]:checked"),
      function (box) { return section.querySelector("label[for='" + box.id + "']").textContent.trim(); });
    if (value("sip-annan")) { places.push(value("sip-annan")); }
    var data = preview.dataset;
    return [[data.namn, value("sip-namn")], [data.nas, value("sip-nas")], [data.kontakt, places.join(", ")],
      [data.hjalp, value("sip-hjalp")], [data.med, value("sip-med")], [data.tolk, value("sip-tolk")]]
      .filter(function (pair) { return pair[1]; });
  }

  // What is copied: plain text.
  function letter() {
    var lines = [preview.dataset.mening, ""];
    answers().forEach(function (pair) { lines.push(pair[0] + ": " + pair[1]); });
    return lines.join("\n");
  }

  // On screen each answer is its own <bdi>, so that on an Arabic page "070-123 45 67" does not
  // read "67 45 070-123"; an element, not invisible marks, so that text selected in the
  // preview and copied by hand is plain too.
  function update() {
    var parts = [document.createTextNode(preview.dataset.mening + "\n")];
    answers().forEach(function (pair) {
      var answer = document.createElement("bdi");
      answer.textContent = pair[1];
      parts.push(document.createTextNode("\n" + pair[0] + ": "), answer);
    });
    preview.replaceChildren.apply(preview, parts);
  }
  section.addEventListener("input", update);
  section.addEventListener("change", update);
  update();

  section.querySelector("[data-skriv-ut]").addEventListener("click", function () { window.print(); });
  section.querySelector("[data-kopiera]").addEventListener("click", function () {
    var done = function () { status.textContent = status.dataset.kopierad; };
    var failed = function () { status.textContent = status.dataset.ejKopierad; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(letter()).then(done, failed);
    } else {
      failed();
    }
  });
}());
