// handbill serve: the live preview. Plain JavaScript, no framework, no
// network but the app itself. Every change to the form is sent (debounced)
// to /api/project; the previews are then fetched again as PNG, and the
// findings are put next to the field they concern.
"use strict";
(function () {
  var csrf = document.querySelector('meta[name="csrf"]').content;
  var form = document.getElementById("project");
  var status = document.getElementById("status");
  var alertBox = document.getElementById("alert");
  var previews = document.getElementById("previews");
  var timer = null, seq = 0, version = 0;

  function say(text) { status.textContent = text; }

  function post(url, body) {
    return fetch(url, { method: "POST", body: body, headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (j) { j._status = r.status; return j; }); });
  }

  function clearFindings() {
    document.querySelectorAll(".finding").forEach(function (el) {
      if (el.id !== "err-load" || el.dataset.keep !== "1") { el.textContent = ""; }
    });
    document.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
  }

  function item(f) {
    var d = document.createElement("div");
    d.className = "item " + f.severity;
    var p = document.createElement("p");
    var b = document.createElement("strong");
    b.textContent = (f.severity === "warning" ? "Check: " : "Problem: ") + f.plain;
    p.appendChild(b);
    d.appendChild(p);
    var m = document.createElement("p");
    m.className = "cli";
    m.textContent = f.severity + ": " + f.message;
    d.appendChild(m);
    if (f.hint) {
      var h = document.createElement("p");
      h.className = "hint";
      h.textContent = "hint: " + f.hint;
      d.appendChild(h);
    }
    return d;
  }

  function place(list) {
    var errors = 0, warnings = 0;
    list.forEach(function (f) {
      var box = document.getElementById("err-" + f.field) || document.getElementById("err-");
      box.appendChild(item(f));
      var input = document.getElementById("f-" + f.field);
      if (input && f.severity !== "warning") { input.setAttribute("aria-invalid", "true"); }
      if (f.severity === "warning") { warnings++; } else { errors++; }
    });
    return [errors, warnings];
  }

  // showPreviews keeps each document's figure and changes only its
  // image's address: the old page stays on screen until the new one is
  // drawn, so typing does not make the preview flicker.
  function showPreviews(list) {
    var keep = {};
    (list || []).forEach(function (p) {
      var fig = previews.querySelector('figure[data-file="' + CSS.escape(p.file) + '"]');
      if (!fig) {
        fig = document.createElement("figure");
        fig.dataset.file = p.file;
        var img = document.createElement("img");
        img.alt = "Preview of the " + p.title + ", " + p.lang;
        img.dataset.file = p.file;
        fig.appendChild(img);
        var cap = document.createElement("figcaption");
        cap.textContent = p.title + ", ";
        var ln = document.createElement("span");
        ln.lang = p.tag;
        ln.textContent = p.lang;
        cap.appendChild(ln);
        fig.appendChild(cap);
        var f = document.createElement("form");
        f.method = "post";
        f.action = "/download/document.pdf";
        f.innerHTML = '<input type="hidden" name="csrf"><input type="hidden" name="file"><button type="submit"></button>';
        f.elements.csrf.value = csrf;
        f.elements.file.value = p.file;
        f.querySelector("button").textContent = "Download this PDF";
        f.querySelector("button").setAttribute("aria-label", "Download the PDF of the " + p.title + ", " + p.lang);
        fig.appendChild(f);
      }
      var im = fig.querySelector("img");
      if (im.getAttribute("src") !== p.url) { im.src = p.url; }
      previews.appendChild(fig); // in the list's order
      keep[p.file] = true;
    });
    previews.querySelectorAll("figure").forEach(function (f) {
      if (!keep[f.dataset.file]) { f.remove(); }
    });
  }

  function apply(state, mine) {
    if (mine !== seq) { return; } // a later change is under way
    clearFindings();
    var counts = place(state.errors || []);
    if (state.logo) {
      document.getElementById("logo-now").textContent = "Logo uploaded (" + state.logo + ").";
    }
    if (counts[0] > 0) {
      var first = (state.errors || [])[0];
      alertBox.textContent = counts[0] === 1 ? "Not saved. " + first.plain + " (" + first.message + ") See the field marked."
        : "Not saved: " + counts[0] + " problems. See the fields marked.";
      say("Not saved: nothing was changed.");
      return;
    }
    alertBox.textContent = "";
    version = state.version;
    showPreviews(state.previews);
    fetch("/api/findings?v=" + state.version, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (mine !== seq) { return; }
        var c = place(j.findings || []);
        if (c[0] > 0) {
          alertBox.textContent = c[0] === 1 ? "1 problem to fix before printing: see the field marked." : c[0] + " problems to fix before printing: see the fields marked.";
        }
        say("Preview updated. " + (c[0] ? c[0] + (c[0] === 1 ? " problem, " : " problems, ") : "No problems, ") + c[1] + (c[1] === 1 ? " thing" : " things") + " to check.");
      });
  }

  function send() {
    var mine = ++seq;
    say("Updating the preview…");
    post("/api/project", new URLSearchParams(new FormData(form)))
      .then(function (state) { apply(state, mine); })
      .catch(function () { alertBox.textContent = "The app did not answer: is handbill serve still running?"; });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(send, 250);
  }

  form.addEventListener("input", function (e) {
    if (e.target.type === "file") { return; }
    later();
  });
  form.addEventListener("change", function (e) {
    if (e.target.name === "languages") {
      var on = {};
      form.querySelectorAll('input[name="languages"]:checked').forEach(function (c) { on[c.value] = true; });
      document.querySelectorAll(".headline").forEach(function (h) { h.hidden = !on[h.dataset.lang]; });
    }
    if (e.target.type === "file") { return; }
    later();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); send(); });

  var picker = document.getElementById("color-picker");
  var colour = document.getElementById("f-organization.color");
  picker.addEventListener("input", function () { colour.value = picker.value; later(); });

  function upload(url, field, file, mine) {
    var fd = new FormData();
    fd.append(field, file);
    return post(url, fd).then(function (state) { apply(state, mine); });
  }

  document.getElementById("f-organization.logo").addEventListener("change", function (e) {
    if (!e.target.files.length) { return; }
    var mine = ++seq;
    say("Uploading the logo…");
    upload("/api/logo", "logo", e.target.files[0], mine);
  });

  document.getElementById("f-load").addEventListener("change", function (e) {
    if (!e.target.files.length) { return; }
    var mine = ++seq;
    say("Loading the project…");
    var fd = new FormData();
    fd.append("project", e.target.files[0]);
    post("/api/load", fd).then(function (state) {
      if (state._status === 200) { window.location.reload(); return; }
      apply(state, mine);
    });
  });

  fetch("/api/state", { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (s) { apply(s, seq); });
})();
