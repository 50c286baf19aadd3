// "Kopiera länk" on the staff view: copies the answer's public address. Without JavaScript
// the button stays hidden and the sms link does the same job. "Skriv ut kortet" opens the
// browser's print dialog (a receptionist looked for it; without JavaScript, Ctrl+P).
(function () {
  "use strict";
  var print = document.querySelector("[data-skriv-ut]");
  if (print && window.print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
  var button = document.querySelector("[data-kopiera]");
  var status = document.querySelector(".kopiera__klart");
  if (!button || !navigator.clipboard) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(button.dataset.kopiera).then(function () {
      status.textContent = status.dataset.klart;
    });
  });
}());
