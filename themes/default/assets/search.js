// Site search: progressive enhancement of /search/. Fetches the site's own index
// (search/index.json) once, and searches it in the browser: no other network requests.
(function () {
  "use strict";
  var form = document.querySelector("form[data-search-index]");
  if (!form || !window.fetch || !document.createElement("mark")) return;
  var noJs = document.querySelector("[data-search-no-js]");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var q = document.getElementById("search-q");
  var typeSel = document.getElementById("search-type");
  var committeeSel = document.getElementById("search-committee");
  var yearSel = document.getElementById("search-year");
  var index = null;
  var typeLabels = {};
  var committeeNames = {};

  form.hidden = false;
  if (noJs) noJs.hidden = true;

  function words(text) {
    return fold(text)
      .split(/[^a-z0-9\u00c0-\uffff]+/).filter(function (w) { return w.length > 0; });
  }
  // Lower case without accents, keeping every character's length, so a match found in the
  // folded text is at the same place in the original (for highlighting).
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      var f = c.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      if (f.length !== 1) f = c.toLowerCase();
      out += f.length === 1 ? f : c;
    }
    return out;
  }

  // Appends `text` to `parent`, wrapping every occurrence of the terms in <mark>.
  function highlight(parent, text, terms) {
    var folded = fold(text);
    if (terms.length === 0) {
      parent.appendChild(document.createTextNode(text));
      return;
    }
    var pos = 0;
    while (pos < text.length) {
      var best = -1, bestLen = 0;
      terms.forEach(function (t) {
        var at = folded.indexOf(t, pos);
        if (at !== -1 && (best === -1 || at < best)) { best = at; bestLen = t.length; }
      });
      if (best === -1) break;
      parent.appendChild(document.createTextNode(text.slice(pos, best)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(best, best + bestLen);
      parent.appendChild(mark);
      pos = best + bestLen;
    }
    parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  function snippet(text, terms) {
    var folded = fold(text);
    var at = -1;
    terms.forEach(function (t) {
      var i = folded.indexOf(t);
      if (i !== -1 && (at === -1 || i < at)) at = i;
    });
    if (at === -1) return text.slice(0, 200) + (text.length > 200 ? "…" : "");
    var start = Math.max(0, at - 80);
    var end = Math.min(text.length, at + 160);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function search() {
    var terms = words(q.value);
    var type = typeSel.value, committee = committeeSel.value, year = yearSel.value;
    results.textContent = "";
    if (terms.length === 0 && !type && !committee && !year) {
      status.textContent = "";
      return;
    }
    var found = [];
    index.pages.forEach(function (p) {
      if (type && p.type !== type) return;
      if (committee && p.committee !== committee) return;
      if (year && p.date.slice(0, 4) !== year) return;
      var title = fold(p.title), text = fold(p.text);
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inTitle = title.indexOf(terms[i]) !== -1;
        var inText = text.indexOf(terms[i]) !== -1;
        if (!inTitle && !inText) return;
        score += (inTitle ? 10 : 0) + (inText ? 1 : 0);
      }
      found.push({ page: p, score: score });
    });
    found.sort(function (a, b) {
      return b.score - a.score || (b.page.date > a.page.date ? 1 : b.page.date < a.page.date ? -1 : 0);
    });
    var shown = found.slice(0, 100);
    shown.forEach(function (r) {
      var p = r.page;
      var li = document.createElement("li");
      var h = document.createElement("h2");
      var a = document.createElement("a");
      a.href = p.url;
      highlight(a, p.title, terms);
      h.appendChild(a);
      li.appendChild(h);
      var meta = document.createElement("p");
      meta.className = "caption";
      var bits = [typeLabels[p.type] || p.type];
      if (p.committee && committeeNames[p.committee]) bits.push(committeeNames[p.committee]);
      meta.textContent = bits.join(" · ");
      if (p.date) {
        var time = document.createElement("time");
        time.dateTime = p.date;
        time.textContent = new Date(p.date + "T12:00:00Z").toLocaleDateString("en-GB",
          { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
        meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(time);
      }
      li.appendChild(meta);
      if (p.text) {
        var s = document.createElement("p");
        highlight(s, snippet(p.text, terms), terms);
        li.appendChild(s);
      }
      results.appendChild(li);
    });
    status.textContent = found.length === 0 ? "No results found." :
      (found.length === 1 ? "1 result" : found.length + " results") +
      (found.length > shown.length ? ", showing the first " + shown.length : "") + ".";
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    q.value = params.get("q") || "";
    typeSel.value = params.get("type") || "";
    committeeSel.value = params.get("committee") || "";
    yearSel.value = params.get("year") || "";
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var params = new URLSearchParams();
    if (q.value) params.set("q", q.value);
    if (typeSel.value) params.set("type", typeSel.value);
    if (committeeSel.value) params.set("committee", committeeSel.value);
    if (yearSel.value) params.set("year", yearSel.value);
    var qs = params.toString();
    window.history.replaceState(null, "", qs ? "?" + qs : window.location.pathname);
    if (index) search();
  });
  [typeSel, committeeSel, yearSel].forEach(function (el) {
    el.addEventListener("change", function () { if (index) search(); });
  });

  status.textContent = "Loading the search index…";
  fetch(form.getAttribute("data-search-index"), { credentials: "same-origin" })
    .then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    })
    .then(function (data) {
      index = data;
      (data.types || []).forEach(function (t) { typeLabels[t.id] = t.label; });
      (data.committees || []).forEach(function (c) { committeeNames[c.id] = c.name; });
      status.textContent = "";
      fromAddress();
      search();
    })
    .catch(function () {
      status.textContent = "The search index could not be loaded. Use the indexes of meetings, decisions, people and documents instead.";
      if (noJs) noJs.hidden = false;
    });
})();
