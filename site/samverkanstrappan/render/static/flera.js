// A combined answer shows a part for an earlier, more precise answer when its address names
// it (#ocksa-<id>, by CSS :target). Adding a third need kept the need but lost the part: a
// father's son lost BUP (a persona). So the links to another combined answer, to add or to
// take away a need, carry the same name on, and so does the link to the staff's card, whose
// sms and copied link carry it to the caller's phone (a receptionist, session 36). The links
// to that need's own answer lead to the earlier answer. Without JavaScript each combined
// answer is whole, and the part's heading links to the earlier answer; only the part is not
// carried on. The card's QR code is made at build time and cannot carry it: the printed card
// lists those contacts itself.
(function () {
  "use strict";
  var kept = location.hash;
  if (!/^#ocksa-[a-z0-9-]+$/.test(kept) || !document.getElementById(kept.slice(1))) { return; }
  // Kept shown after a link within the page (the skip link, "Till kortet med numren") has
  // changed the address: :target alone then hid it (a review, session 37).
  document.getElementById(kept.slice(1)).setAttribute("data-vald", "");
  // The staff's card: "Ring ..." names the earlier answer's first contact, the one the person
  // already has or needs first (a receptionist read "Ring Vårdcentralen" for a woman in
  // psychiatry, session 45).
  var ring = document.querySelector("[data-ring='" + kept.slice(1) + "']");
  if (ring) {
    document.querySelectorAll("[data-ring]").forEach(function (line) { line.hidden = line !== ring; });
  }
  // Every link to a combined answer on this site: to add or take away a need, to the staff's
  // card, to the same answer in another language or in lättläst. Not the sms link, whose body
  // holds such an address: it got the name twice, the first ending the body (a persona).
  document.querySelectorAll("a[href^='/'][href*='/flera/']:not([href*='#'])").forEach(function (link) { link.hash = kept; });
  document.querySelectorAll("a[href^='sms:']").forEach(function (link) {
    link.href += encodeURIComponent(kept);
  });
  document.querySelectorAll("[data-kopiera]").forEach(function (button) {
    button.dataset.kopiera += kept;
  });
  // A need's "Läs råden", and "Ta bort" that leaves that need alone, led to the need's general
  // answer, which says "Vet inte" was answered: a worn-out carer lost her own advice and read
  // an answer she never gave (a persona, session 38). They lead to the earlier answer instead.
  // Each need the earlier answer is reached under, with its address there: its link's, and
  // data-vagar's under other chosen needs (a child in danger, under violence and the child).
  var earlier = document.querySelector(kept + " a[href*='/vagvisare/']"), under = {};
  if (earlier) {
    var address = earlier.pathname.split("/vagvisare/");
    (address[1] + " " + (earlier.parentNode.dataset.vagar || "")).split(" ").forEach(function (path) {
      if (path) { under[path.split("/")[0]] = address[0] + "/vagvisare/" + path; }
    });
  }
  document.querySelectorAll(".dina-behov a").forEach(function (link) {
    var need = (link.pathname.split("/vagvisare/")[1] || "").split("/")[0];
    if (link.dataset.lank !== "fragor" && under[need]) { link.href = under[need]; }
  });
  // The address names a part further down, and the browser scrolls to it: where the page
  // puts help in danger first, it is shown first all the same (a review, session 32), and so
  // is the staff's page, whose card is far down (a review, session 37).
  if (document.querySelector(".akut-forst, [data-kort]")) {
    // After the browser's own scroll to the named part, which comes when the page has loaded.
    window.addEventListener("load", function () { setTimeout(function () { window.scrollTo(0, 0); }, 0); });
  }
}());
