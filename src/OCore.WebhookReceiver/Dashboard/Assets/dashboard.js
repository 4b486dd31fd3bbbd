// oCore dashboard: the only script. Everything works without it except copying and live Deployment updates.
"use strict";

// Copy buttons: copy their data-copy text, then say so.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  navigator.clipboard.writeText(button.dataset.copy).then(
    () => { button.textContent = "Copied"; button.dataset.copied = "true"; },
    () => { button.textContent = "Select and copy the text"; });
});

// A Deployment in progress: each server-sent event carries the new progress HTML, rendered by the server.
document.addEventListener("DOMContentLoaded", () => {
  const live = document.querySelector("[data-live]");
  if (!live || !window.EventSource) return;
  const source = new EventSource(live.dataset.live);
  source.addEventListener("progress", (event) => {
    live.innerHTML = event.data;
  });
  source.addEventListener("done", () => source.close());
});
