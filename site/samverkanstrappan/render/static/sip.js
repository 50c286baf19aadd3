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

  // On screen each answer is isolated (FSI … PDI), so an Arabic line does not turn
  // "070-123 45 67" into "67 45 070-123"; the copied text is left plain.
  function letter(isolated) {
    var places = Array.prototype.map.call(
      section.querySelectorAll("input[name=kontakt]:checked"),
      function (box) { return section.querySelector("label[for='" + box.id + "']").textContent.trim(); });
    if (value("sip-annan")) { places.push(value("sip-annan")); }
    var data = preview.dataset;
    var lines = [data.mening, ""];
    [[data.namn, value("sip-namn")], [data.nas, value("sip-nas")], [data.kontakt, places.join(", ")], [data.hjalp, value("sip-hjalp")],
     [data.med, value("sip-med")], [data.tolk, value("sip-tolk")]].forEach(function (pair) {
      if (pair[1]) { lines.push(pair[0] + ": " + (isolated ? "\u2068" + pair[1] + "\u2069" : pair[1])); }
    });
    return lines.join("\n");
  }

  function update() { preview.textContent = letter(true); }
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
