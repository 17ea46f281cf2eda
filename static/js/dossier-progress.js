// Dossier page: poll the background job and show its progress, its failure or its file.
// The page works without this script (reload it); with it, it updates by itself.
(function () {
  "use strict";
  var box = document.querySelector(".dossier-job[data-progress-url]");
  if (!box) { return; }
  var status = box.getAttribute("data-status");
  if (status !== "queued" && status !== "running") { return; }

  var url = box.getAttribute("data-progress-url");
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-progress-text]");
  var waiting = box.querySelector("[data-waiting]");
  var errorBox = box.querySelector("[data-error]");
  var delay = 1000;
  var failures = 0;

  function show(state) {
    if (bar) {
      bar.max = Math.max(state.total, 1);
      bar.value = state.done;
      bar.textContent = state.done + " of " + state.total;
    }
    if (text) { text.textContent = state.done + " of " + state.total; }
    if (waiting && state.status === "running") {
      waiting.textContent = "Being built. This page updates by itself.";
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (state) {
        failures = 0;
        show(state);
        if (state.status === "done" || state.status === "failed") {
          // The server renders the finished page: the download link, or the failure.
          window.location.reload();
          return;
        }
        delay = Math.min(delay * 1.3, 5000);
        window.setTimeout(poll, delay);
      })
      .catch(function () {
        failures += 1;
        if (errorBox) {
          errorBox.hidden = false;
          errorBox.textContent = "Lost contact with the server; retrying. Reload the page if this stays.";
        }
        window.setTimeout(poll, Math.min(5000 * failures, 30000));
      });
  }

  window.setTimeout(poll, delay);
})();
