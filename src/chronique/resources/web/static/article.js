// The article page: a link "/documents/ID#s-START-END" names a character span of the text.
// Mark the sentence(s) holding that span and the exact words, and bring them into view.
(function () {
  "use strict";
  var SPAN = /^#s-(\d+)-(\d+)$/;

  function overlaps(el, start, end) {
    var s = Number(el.dataset.start), e = Number(el.dataset.end);
    return s < end && start < e;
  }

  function mark() {
    var match = SPAN.exec(window.location.hash);
    var text = document.getElementById("article-text");
    if (!text) return;
    text.querySelectorAll(".is-target, .is-evidence").forEach(function (el) {
      el.classList.remove("is-target", "is-evidence");
    });
    if (!match) return;
    var start = Number(match[1]), end = Math.max(Number(match[2]), Number(match[1]) + 1);
    var first = null;
    text.querySelectorAll(".sentence").forEach(function (el) {
      if (overlaps(el, start, end)) {
        el.classList.add("is-target");
        first = first || el;
      }
    });
    text.querySelectorAll(".seg").forEach(function (el) {
      if (overlaps(el, start, end)) {
        el.classList.add("is-evidence");
        first = first || el;
      }
    });
    if (first) first.scrollIntoView({ block: "center" });
  }

  window.addEventListener("hashchange", mark);
  mark();
})();
