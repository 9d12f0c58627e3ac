// newsrel report: filter and sort the events table, open a document when linked to.
(function () {
  "use strict";
  var table = document.getElementById("events-table");
  var typeSel = document.getElementById("event-type-filter");
  var search = document.getElementById("event-search");
  var shown = document.getElementById("event-shown");

  function filter() {
    if (!table) return;
    var type = typeSel.value, q = search.value.toLowerCase(), n = 0;
    var rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var ok = (!type || rows[i].getAttribute("data-type") === type) &&
               (!q || rows[i].textContent.toLowerCase().indexOf(q) >= 0);
      rows[i].style.display = ok ? "" : "none";
      if (ok) n++;
    }
    shown.textContent = n + " of " + rows.length + " events";
  }

  function sortBy(th) {
    var col = +th.getAttribute("data-col"), asc = !th.classList.contains("asc");
    var ths = table.tHead.rows[0].cells;
    for (var i = 0; i < ths.length; i++) ths[i].classList.remove("asc", "desc");
    th.classList.add(asc ? "asc" : "desc");
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].textContent, y = b.cells[col].textContent;
      return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function openTarget() {
    var el = location.hash && document.getElementById(location.hash.slice(1));
    if (el && el.tagName === "ARTICLE") {
      var d = el.querySelector("details");
      if (d) d.open = true;
      el.scrollIntoView();
    }
  }

  if (table) {
    typeSel.addEventListener("change", filter);
    search.addEventListener("input", filter);
    var ths = table.tHead.rows[0].cells;
    for (var i = 0; i < ths.length; i++) ths[i].addEventListener("click", function () { sortBy(this); });
    filter();
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  var dots = document.querySelectorAll("#timeline-svg .event-dot");
  document.body.setAttribute("data-timeline-dots", String(dots.length));
  document.body.setAttribute("data-report-ready", "1");
})();
