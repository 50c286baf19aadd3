// The phone script's jump list: with JavaScript, a word typed in the box shortens the list.
// Without it, the list is plain links to the situations on the same page.
(function () {
  "use strict";
  var box = document.getElementById("manus-filter");
  if (!box) { return; }
  box.closest("p").hidden = false;
  var items = Array.prototype.slice.call(document.querySelectorAll(".hoppa-till__lista li"));
  box.addEventListener("input", function () {
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    items.forEach(function (item) {
      var text = item.textContent.toLowerCase();
      item.hidden = !words.every(function (word) { return text.indexOf(word) !== -1; });
    });
  });
}());
