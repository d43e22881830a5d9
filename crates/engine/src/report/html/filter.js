// Filters result rows by verdict. Rows expand with <details>, which needs no script.
(function () {
  var rows = document.querySelectorAll("details[data-verdict]");
  var buttons = document.querySelectorAll("button[data-filter]");
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var filter = button.getAttribute("data-filter");
      buttons.forEach(function (b) {
        b.setAttribute("aria-pressed", String(b === button));
      });
      rows.forEach(function (row) {
        row.hidden = filter !== "all" && row.getAttribute("data-verdict") !== filter;
      });
    });
  });
})();
