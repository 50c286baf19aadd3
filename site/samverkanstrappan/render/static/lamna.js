// "Lämna sidan snabbt": replace this page in the history, so Back does not return here.
// Without JavaScript the link still leaves the page; it is only less discreet.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-lamna]");
  if (link) {
    event.preventDefault();
    window.location.replace(link.href);
  }
});
document.addEventListener("keydown", function (event) {
  var link = document.querySelector("a[data-lamna]");
  if (link && event.key === "Escape") {
    window.location.replace(link.href);
  }
});
