// Article view: the legend's checkboxes hide or show a kind of highlight, and a click on a
// highlighted name selects every span of the same extraction (all mentions of one actor).
// The page works without this file: the highlighting itself is server-rendered.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var legend = document.getElementById("legend");
  if (!text || !legend) { return; }

  legend.querySelectorAll("input[type=checkbox]").forEach(function (box) {
    box.disabled = false;
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.value, !box.checked);
    });
  });

  text.addEventListener("click", function (event) {
    var target = event.target.closest(".hl[data-refs]");
    text.querySelectorAll(".hl.selected").forEach(function (el) { el.classList.remove("selected"); });
    if (!target || !target.dataset.refs) { return; }
    var refs = target.dataset.refs.split(" ").filter(Boolean);
    // The narrowest extraction under the click: an actor inside a quote selects the actor.
    var ref = refs[refs.length - 1];
    text.querySelectorAll(".hl[data-refs]").forEach(function (el) {
      if (el.dataset.refs.split(" ").indexOf(ref) >= 0) { el.classList.add("selected"); }
    });
  });
})();
