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

// Editing comfort: a draft kept in this browser's local storage until the page is saved (with an
// offer to restore it when the editor is opened again), a warning before leaving with unsaved
// changes, and Ctrl+S / Cmd+S to save. Without JavaScript the form simply works as a form.
(function () {
  "use strict";
  var form = document.querySelector("form.edit-form");
  if (!form) { return; }
  var textarea = form.querySelector("textarea[name=markdown]");
  var message = form.querySelector("input[name=message]");
  var saveButton = form.querySelector("button[value=save]");
  var offer = document.getElementById("draft-offer");
  var path = form.getAttribute("data-draft-key");
  var key = "clearinghouse:draft:" + path;
  var original = textarea.value;
  var originalMessage = message ? message.value : "";
  var submitting = false;
  var unsaved = false; // the editor was reopened holding text that exists only as a draft
  var timer = null;
  var storage = null;
  try { storage = window.localStorage; } catch (e) { storage = null; } // blocked storage: no drafts

  function readDraft() {
    if (!storage) { return null; }
    try {
      var draft = JSON.parse(storage.getItem(key));
      return draft && typeof draft.text === "string" ? draft : null;
    } catch (e) { return null; }
  }

  function writeDraft() {
    if (!storage) { return; }
    try {
      if (textarea.value === original && !unsaved) {
        storage.removeItem(key);
      } else {
        storage.setItem(key, JSON.stringify({ text: textarea.value, saved: new Date().toISOString() }));
      }
    } catch (e) { /* storage full or blocked: the form still works */ }
  }

  function dirty() {
    return unsaved || textarea.value !== original || (message && message.value !== originalMessage);
  }

  function showOffer(draft) {
    var when = new Date(draft.saved);
    offer.textContent = "";
    offer.appendChild(document.createTextNode("An unsaved draft of this page from "
      + (isNaN(when) ? "earlier" : when.toLocaleString()) + " is kept in this browser. "));
    var restore = document.createElement("button");
    restore.type = "button";
    restore.className = "draft-restore";
    restore.textContent = "Restore the draft";
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "secondary draft-discard";
    discard.textContent = "Discard it";
    offer.appendChild(restore);
    offer.appendChild(document.createTextNode(" "));
    offer.appendChild(discard);
    offer.hidden = false;
    restore.addEventListener("click", function () {
      textarea.value = draft.text;
      textarea.dispatchEvent(new Event("input")); // refreshes the live preview
      offer.hidden = true;
      textarea.focus();
    });
    discard.addEventListener("click", function () {
      if (storage) { storage.removeItem(key); }
      offer.hidden = true;
      textarea.focus();
    });
  }

  var draft = readDraft();
  if (draft && offer) {
    if (draft.text === textarea.value) {
      // The editor already holds the draft (after a preview, or the conflict screen showing your
      // text): nothing to offer, but the text is still unsaved.
      unsaved = true;
    } else {
      showOffer(draft);
    }
  }
  // Back in the editor after pressing Save means the save did not go through (a conflict, an error).
  try { window.sessionStorage.removeItem("clearinghouse:saving"); } catch (e) { /* ignore */ }

  textarea.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(writeDraft, 300);
  });

  form.addEventListener("submit", function (event) {
    submitting = true;
    clearTimeout(timer);
    writeDraft();
    var action = event.submitter ? event.submitter.value : "save";
    if (action === "save") {
      // The page view clears the draft once the save has gone through (see page.js).
      try { window.sessionStorage.setItem("clearinghouse:saving", path); } catch (e) { /* ignore */ }
    }
  });

  window.addEventListener("beforeunload", function (event) {
    if (submitting || !dirty()) { return undefined; }
    event.preventDefault();
    event.returnValue = ""; // browsers show their own wording
    return "";
  });

  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "s" || event.key === "S")) {
      event.preventDefault();
      if (form.requestSubmit) {
        form.requestSubmit(saveButton);
      } else {
        saveButton.click();
      }
    }
  });
}());
