// "Lämna sidan snabbt": replace this page in the history, so Back does not return here.
// Without JavaScript the link still leaves the page; it is only less discreet.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-lamna]");
  if (link) {
    event.preventDefault();
    window.location.replace(link.href);
  }
});
// From the keyboard: Escape, and Shift pressed three times within two seconds (as GOV.UK's
// "Exit this page"), which works in a text field too. Escape also clears a search box and
// closes a menu, so there it does that: someone who cleared the word "våld" was sent away.
(function () {
  var shifts = [];
  // Only a quick exit the person can see: a combined answer's part for a crisis answer has
  // one, shown only when the address names the part (.ocksa).
  function shown() {
    return Array.prototype.filter.call(document.querySelectorAll("a[data-lamna]"), function (link) {
      return link.getClientRects().length > 0;
    })[0];
  }
  function leave() {
    var link = shown();
    if (link) { window.location.replace(link.href); }
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        var now = Date.now();
        shifts = shifts.filter(function (at) { return now - at < 2000; }).concat(now);
        // Once: a fourth press replaced the page again and broke off the first way out, and
        // the presses before a jump within the page still counted (a CI run, session 46).
        if (shifts.length >= 3) { shifts = []; leave(); }
      }
      return;
    }
    // Shift three times on its own: typing BUP or SIP with Shift sent a reader away (a persona).
    shifts = [];
    if (event.key !== "Escape") { return; }
    // Only a menu the person is in: an open section elsewhere on the page must not hold them.
    var open = event.target.closest("details[open]");
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
      return;
    }
    if (!event.target.closest("input, textarea, select, [contenteditable]")) { leave(); }
  });
}());
