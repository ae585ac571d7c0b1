// Live preview for the edit form: renders through the server's own pipeline (the same one a save
// uses), so what you see is what will be saved. Without JavaScript the Preview button does this.
(function () {
  "use strict";
  var form = document.querySelector("form.edit-form");
  var preview = document.getElementById("preview");
  if (!form || !preview || !window.fetch) { return; }
  var textarea = form.querySelector("textarea[name=markdown]");
  var token = form.querySelector("input[name=csrf_token]").value;
  var path = form.getAttribute("data-preview-path");
  var timer = null;
  var latest = 0;

  function render() {
    var request = ++latest;
    var body = new URLSearchParams();
    body.set("path", path);
    body.set("markdown", textarea.value);
    fetch("/preview", {
      method: "POST",
      headers: { "X-CSRF-Token": token },
      body: body,
      credentials: "same-origin"
    }).then(function (response) {
      return response.text().then(function (text) { return { ok: response.ok, text: text }; });
    }).then(function (result) {
      if (request !== latest) { return; }
      if (result.ok) {
        preview.innerHTML = result.text; // sanitized by the server's allow-list
      } else {
        preview.textContent = "Preview unavailable: " + result.text.replace(/<[^>]*>/g, " ").trim();
      }
    }).catch(function () { /* offline: the Preview button still works */ });
  }

  textarea.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(render, 400);
  });
}());
