/* decision-records review site: filter and sort the index, explain highlights.
   Written for this project; no libraries, no network. Values from documents are only
   ever set with textContent, never parsed as HTML. */
(function () {
  "use strict";

  function rowsOf(table) {
    return Array.prototype.slice.call(table.tBodies[0].rows);
  }

  function initFilters(table) {
    var q = document.getElementById("q");
    var body = document.getElementById("body-filter");
    var year = document.getElementById("year-filter");
    var shown = document.getElementById("shown");
    var form = document.getElementById("controls");
    function apply() {
      var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
      var rows = rowsOf(table);
      var count = 0;
      rows.forEach(function (row) {
        var text = row.dataset.search || "";
        var ok = words.every(function (w) { return text.indexOf(w) !== -1; }) &&
          (!body.value || row.dataset.body === body.value) &&
          (!year.value || row.dataset.year === year.value);
        row.hidden = !ok;
        if (ok) { count += 1; }
      });
      shown.textContent = count + " of " + rows.length + " decisions";
    }
    var timer = null;
    q.addEventListener("input", function () {
      // typing re-filters once the typist pauses: a large index re-lays out slowly
      clearTimeout(timer);
      timer = setTimeout(apply, 150);
    });
    [body, year].forEach(function (el) { el.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function initSorting(table) {
    var buttons = table.querySelectorAll("th button[data-sort]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        var key = button.dataset.sort;
        var numeric = button.dataset.numeric === "1";
        var dir = button.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        Array.prototype.forEach.call(buttons, function (b) { b.removeAttribute("aria-sort"); });
        button.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var rows = rowsOf(table);
        rows.sort(function (a, b) {
          var x = a.dataset[key] || "";
          var y = b.dataset[key] || "";
          var c = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0)
            : x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
          return c * dir;
        });
        var body = table.tBodies[0];
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function initMarks(doc) {
    var detail = document.getElementById("detail");
    function show(mark) {
      detail.textContent = mark.getAttribute("title") || "";
      detail.hidden = false;
    }
    doc.addEventListener("click", function (event) {
      var mark = event.target.closest("mark.hl");
      if (mark) { show(mark); }
    });
    doc.addEventListener("focusin", function (event) {
      var mark = event.target.closest("mark.hl");
      if (mark) { show(mark); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { detail.hidden = true; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("decisions");
    if (table) {
      initFilters(table);
      initSorting(table);
    }
    var doc = document.getElementById("doc");
    if (doc) { initMarks(doc); }
  });
}());
