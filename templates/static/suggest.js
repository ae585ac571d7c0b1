// Search-as-you-type for the header search box: suggests page titles from /api/v1/suggest.
// Without JavaScript the box is a plain search form.
(function () {
  "use strict";
  var input = document.getElementById("site-search-q");
  var list = document.getElementById("site-search-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var timer = null;
  var latest = 0;
  var active = -1;

  function close() {
    list.hidden = true;
    list.textContent = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function show(suggestions) {
    list.textContent = "";
    suggestions.forEach(function (s, i) {
      var item = document.createElement("li");
      item.id = "suggestion-" + i;
      item.setAttribute("role", "option");
      var link = document.createElement("a");
      link.href = "/wiki/" + s.path;
      link.textContent = s.title; // text, never HTML
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
  }

  function fetchSuggestions() {
    var q = input.value.trim();
    var request = ++latest;
    if (q.length < 2) { close(); return; }
    fetch("/api/v1/suggest?q=" + encodeURIComponent(q), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (data) { if (request === latest) { show(data.suggestions || []); } })
      .catch(close);
  }

  function move(step) {
    var items = list.querySelectorAll("li");
    if (!items.length) { return; }
    active = (active + step + items.length) % items.length;
    items.forEach(function (item, i) { item.classList.toggle("active", i === active); });
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { move(1); e.preventDefault(); }
    else if (e.key === "ArrowUp") { move(-1); e.preventDefault(); }
    else if (e.key === "Escape") { close(); }
    else if (e.key === "Enter" && active >= 0) {
      var link = list.querySelectorAll("li a")[active];
      if (link) { window.location.href = link.href; e.preventDefault(); }
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
}());
