// On a page view: when this page has just been saved from the editor in this tab, the draft the
// editor kept in local storage is no longer needed (see edit.js).
(function () {
  "use strict";
  var article = document.querySelector("article[data-page-path]");
  if (!article) { return; }
  try {
    var path = article.getAttribute("data-page-path");
    if (window.sessionStorage.getItem("clearinghouse:saving") === path) {
      window.localStorage.removeItem("clearinghouse:draft:" + path);
      window.sessionStorage.removeItem("clearinghouse:saving");
    }
  } catch (e) { /* storage blocked: nothing to clear */ }
}());
