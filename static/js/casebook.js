// Casebook's only script. It works without a build step and under a strict CSP.
// 1. Session timeout: warn two minutes before the idle timeout; typing keeps the session alive.
// 2. Drafts: every data-entry form is saved to this tab's sessionStorage as the user types, so
//    nothing typed is lost to an expired session, a crash or a slow connection. The draft is
//    offered back when the same form opens empty, and dropped once a save has gone through.
// 3. Small conveniences: confirm before destructive actions.
"use strict";

(function () {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
  const DRAFT_PREFIX = "casebook-draft:";
  const WARN_BEFORE_MS = 120 * 1000;

  // ---------- session timeout ----------
  const sessionSeconds = parseInt(meta("casebook-session-seconds") || "0", 10);
  const keepaliveUrl = meta("casebook-keepalive-url");
  const csrfToken = meta("csrf-token");
  let expiresAt = Date.now() + sessionSeconds * 1000;
  let lastPing = Date.now();
  let countdown = null;

  function keepAlive() {
    if (!keepaliveUrl) return Promise.resolve();
    lastPing = Date.now();
    return fetch(keepaliveUrl, {
      method: "POST",
      headers: { "X-CSRFToken": csrfToken || "", "Accept": "application/json" },
      credentials: "same-origin",
    }).then((r) => {
      if (r.ok && r.headers.get("content-type")?.includes("json")) {
        expiresAt = Date.now() + sessionSeconds * 1000;
      }
    }).catch(() => {});
  }

  function tick() {
    const dialog = document.getElementById("session-warning");
    const left = expiresAt - Date.now();
    if (!dialog) return;
    if (left <= 0) {
      window.location.reload(); // the server sends us to sign-in; drafts stay in this tab
      return;
    }
    if (left <= WARN_BEFORE_MS) {
      if (!dialog.open) dialog.showModal();
      const s = Math.max(0, Math.round(left / 1000));
      dialog.querySelector("[data-countdown]").textContent =
        `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    }
  }

  function onActivity() {
    // Typing counts as presence: ping at most once a minute.
    if (sessionSeconds && Date.now() - lastPing > 60 * 1000) keepAlive();
  }

  if (sessionSeconds) {
    countdown = setInterval(tick, 1000);
    document.addEventListener("input", onActivity, { passive: true });
    document.addEventListener("click", (event) => {
      if (event.target.closest("[data-keepalive]")) {
        keepAlive().then(() => document.getElementById("session-warning")?.close());
      }
    });
  }

  // ---------- drafts ----------
  function draftKey(form) {
    return DRAFT_PREFIX + (form.getAttribute("action") || window.location.pathname) + "#" +
      (form.id || form.dataset.draft || "form");
  }

  function draftableFields(form) {
    return Array.from(form.elements).filter((el) =>
      el.name && !["csrf_token", "version"].includes(el.name) &&
      !["password", "file", "hidden", "submit", "button"].includes(el.type));
  }

  function saveDraft(form, submitted) {
    const values = {};
    let typed = false;
    for (const el of draftableFields(form)) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) { (values[el.name] ||= []).push(el.value); }
      } else if (el.multiple) {
        values[el.name] = Array.from(el.selectedOptions).map((o) => o.value);
      } else {
        (values[el.name] ||= []).push(el.value);
        if (el.value && el.tagName !== "SELECT") typed = true;
      }
    }
    if (!typed) return;
    sessionStorage.setItem(draftKey(form), JSON.stringify({
      savedAt: new Date().toISOString(), path: window.location.pathname, submitted: !!submitted, values,
    }));
  }

  function restoreDraft(form, draft) {
    const counters = {};
    for (const el of draftableFields(form)) {
      const list = draft.values[el.name];
      if (!list) { if (el.type === "checkbox") el.checked = false; continue; }
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = list.includes(el.value);
      } else if (el.multiple) {
        for (const o of el.options) o.selected = list.includes(o.value);
      } else {
        const i = counters[el.name] = (counters[el.name] ?? -1) + 1;
        if (list[i] !== undefined) el.value = list[i];
      }
    }
  }

  function formIsEmpty(form) {
    return draftableFields(form).every((el) =>
      el.tagName === "SELECT" || el.type === "checkbox" || el.type === "radio" || !el.value);
  }

  function offerDraft(form, draft) {
    const banner = document.createElement("div");
    banner.className = "draft-banner";
    banner.setAttribute("role", "status");
    const when = new Date(draft.savedAt).toLocaleString();
    banner.innerHTML = '<p>This browser kept an unsaved draft of this form from <strong></strong>.</p>' +
      '<button type="button" class="primary" data-restore>Restore my draft</button> ' +
      '<button type="button" data-discard>Discard it</button>';
    banner.querySelector("strong").textContent = when;
    banner.querySelector("[data-restore]").addEventListener("click", () => {
      restoreDraft(form, draft); banner.remove();
    });
    banner.querySelector("[data-discard]").addEventListener("click", () => {
      sessionStorage.removeItem(draftKey(form)); banner.remove();
    });
    form.prepend(banner);
  }

  function clearSubmittedDrafts() {
    // A draft marked "submitted" whose form is not on this page was saved: we left the form.
    const here = window.location.pathname;
    const onSignIn = document.querySelector(".page-login") !== null;
    if (onSignIn) return;
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const key = sessionStorage.key(i);
      if (!key || !key.startsWith(DRAFT_PREFIX)) continue;
      try {
        const draft = JSON.parse(sessionStorage.getItem(key));
        if (draft.submitted && draft.path !== here) sessionStorage.removeItem(key);
      } catch (e) { sessionStorage.removeItem(key); }
    }
  }

  function initDrafts() {
    clearSubmittedDrafts();
    for (const form of document.querySelectorAll("form[method=post i]:not([data-no-draft])")) {
      if (draftableFields(form).length < 2) continue;
      const raw = sessionStorage.getItem(draftKey(form));
      if (raw) {
        try {
          const draft = JSON.parse(raw);
          if (formIsEmpty(form)) offerDraft(form, draft);
        } catch (e) { sessionStorage.removeItem(draftKey(form)); }
      }
      let timer = null;
      form.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(() => saveDraft(form, false), 400);
      });
      form.addEventListener("submit", () => saveDraft(form, true));
    }
  }

  // ---------- confirmations ----------
  document.addEventListener("submit", (event) => {
    const message = event.target.dataset?.confirm;
    if (message && !window.confirm(message)) event.preventDefault();
  });

  document.addEventListener("DOMContentLoaded", initDrafts);
})();
