// Likely duplicates while a person is entered: asks the server which recorded people resemble
// the name, father's name, district and birth typed so far, and lists them under the form.
// Everything shown is set as text (never as HTML).
(function () {
  "use strict";
  var FIELDS = ["full_name", "father_name", "home_district", "birth"];
  var DELAY_MS = 400;

  function input(form, name) {
    return form.querySelector('[name="' + name + '"], [name$="-' + name + '"]');
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function sameSiteLink(url, text) {
    var link = element("a", text);
    if (typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/") link.href = url;
    return link;
  }

  function describe(match) {
    var item = element("li");
    var name = element("strong", match.full_name);
    name.dir = "auto";
    item.appendChild(name);
    var details = [];
    if (match.father_name) details.push("father: " + match.father_name);
    if (match.home_district) details.push(match.home_district);
    if (match.birth && match.birth !== "date unknown") details.push("born " + match.birth);
    if (details.length) item.appendChild(document.createTextNode(" (" + details.join(", ") + ")"));
    item.appendChild(document.createTextNode(" "));
    item.appendChild(element("span", Math.round(match.score * 100) + "% alike", "score"));
    (match.cases || []).forEach(function (found, index) {
      item.appendChild(document.createTextNode(index === 0 ? " in " : ", "));
      item.appendChild(sameSiteLink(found.url, found.reference));
    });
    if (match.merge_url) {
      item.appendChild(document.createTextNode(" · "));
      item.appendChild(sameSiteLink(match.merge_url, "compare and merge"));
    }
    item.appendChild(element("span", (match.reasons || []).join(" "), "reasons"));
    return item;
  }

  function show(box, matches) {
    box.textContent = "";
    if (!matches || !matches.length) {
      box.hidden = true;
      return;
    }
    var count = matches.length === 1 ? "1 person" : matches.length + " people";
    box.appendChild(element("h3", "Already recorded? " + count + " on record may be this person:"));
    var list = element("ul");
    matches.forEach(function (match) { list.appendChild(describe(match)); });
    box.appendChild(list);
    box.appendChild(element("p", "Check before adding a new person: one person recorded twice is counted twice.", "hint"));
    box.hidden = false;
  }

  function attach(box) {
    if (box.dataset.bound) return;
    box.dataset.bound = "1";
    var form = box.closest("form");
    if (!form || !box.dataset.url) return;
    var inputs = {};
    FIELDS.forEach(function (name) { inputs[name] = input(form, name); });
    if (!inputs.full_name) return;
    var timer = null;
    var last = "";
    var controller = null;

    function check() {
      var params = new URLSearchParams();
      FIELDS.forEach(function (name) {
        if (inputs[name] && inputs[name].value.trim()) params.set(name, inputs[name].value.trim());
      });
      if (box.dataset.exclude) params.set("exclude", box.dataset.exclude);
      var key = params.toString();
      if (key === last) return;
      last = key;
      if ((params.get("full_name") || "").length < 3) {
        show(box, []);
        return;
      }
      if (controller) controller.abort();
      controller = typeof AbortController === "function" ? new AbortController() : null;
      fetch(box.dataset.url + "?" + key, {
        credentials: "same-origin",
        headers: { "Accept": "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { show(box, data ? data.matches : []); })
        .catch(function () { /* a hint only: silence when offline */ });
    }

    FIELDS.forEach(function (name) {
      if (!inputs[name]) return;
      ["input", "change"].forEach(function (type) {
        inputs[name].addEventListener(type, function () {
          clearTimeout(timer);
          timer = setTimeout(check, DELAY_MS);
        });
      });
    });
    if (inputs.full_name.value.trim()) check();
  }

  function start() {
    document.querySelectorAll("[data-similar-people]").forEach(attach);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
