// Site search: progressive enhancement of /search/. Fetches the site's own index manifest
// (search/index.json), then its shards (search/2019.json ..., search/undated.json) as a search
// needs them, each once, and searches them in the browser as they arrive: newest year first,
// showing results as they come. No other network requests.
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
  var indexUrl = new URL(form.getAttribute("data-search-index"), window.location.href).href;
  var manifest = null;   // search/index.json: the committees, types and shards
  var shards = {};       // shard url -> { promise, pages (once loaded) }
  var found = [];        // the current search's matches so far
  var generation = 0;    // bumped by each search, so an older one stops
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

  // The entries of one shard that match the query and filters, each with its score.
  function matches(pages, query) {
    var hits = [];
    pages.forEach(function (p) {
      if (query.type && p.type !== query.type) return;
      if (query.committee && p.committee !== query.committee) return;
      if (query.year && p.date.slice(0, 4) !== query.year) return;
      var title = fold(p.title), text = fold(p.text);
      var score = 0;
      for (var i = 0; i < query.terms.length; i++) {
        var inTitle = title.indexOf(query.terms[i]) !== -1;
        var inText = text.indexOf(query.terms[i]) !== -1;
        if (!inTitle && !inText) return;
        score += (inTitle ? 10 : 0) + (inText ? 1 : 0);
      }
      hits.push({ page: p, score: score });
    });
    return hits;
  }

  function show(query) {
    var terms = query.terms;
    found.sort(function (a, b) {
      return b.score - a.score || (b.page.date > a.page.date ? 1 : b.page.date < a.page.date ? -1 : 0) ||
        (a.page.url < b.page.url ? -1 : a.page.url > b.page.url ? 1 : 0);
    });
    results.textContent = "";
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
  }

  // What the status line says: the results so far, and, while shards are still to come, the
  // years searched so far (newest first).
  function describe(waiting, years) {
    var text = found.length === 0 ? (waiting ? "No results yet." : "No results found.") :
      (found.length === 1 ? "1 result" : found.length + " results") +
      (found.length > 100 ? ", showing the first 100" : "") + ".";
    if (waiting) {
      text += years.length === 0 ? " Searching…" : " Searched " +
        (years.length === 1 ? years[0] : years[0] + " to " + years[years.length - 1]) +
        "; searching older years…";
    }
    return text;
  }

  // The shards a query needs, in the order they are fetched: the undated one first (committees,
  // people and documents: small, and often what a search is for), then newest year first.
  // A year filter needs only that year; a type filter only the shards holding that type.
  function needed(query) {
    var list = manifest.shards.filter(function (s) {
      if (query.year && String(s.year) !== query.year) return false;
      if (query.type && (s.types || []).indexOf(query.type) === -1) return false;
      return true;
    });
    return list.filter(function (s) { return s.year === null; })
      .concat(list.filter(function (s) { return s.year !== null; }));
  }

  function currentQuery() {
    return { terms: words(q.value), type: typeSel.value, committee: committeeSel.value, year: yearSel.value };
  }

  // Fetches a shard once; the promise is shared by every search that needs it.
  function load(shard) {
    if (!shards[shard.url]) {
      var entry = { pages: null };
      entry.promise = fetch(new URL(shard.url, indexUrl).href, { credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
        .then(function (data) { entry.pages = data.pages || []; return entry.pages; });
      entry.promise.catch(function () {});  // a shard fetched ahead fails where it is searched
      shards[shard.url] = entry;
    }
    return shards[shard.url].promise;
  }

  // Searches the shards one after another, showing results as each arrives. A newer search
  // (another query or filter) stops an older one at its next shard.
  function search() {
    var query = currentQuery();
    var run = ++generation;
    found = [];
    results.textContent = "";
    if (query.terms.length === 0 && !query.type && !query.committee && !query.year) {
      status.textContent = "";
      return;
    }
    var list = needed(query);
    var years = [];
    var lastStatus = 0;
    function step(i) {
      if (run !== generation) return;
      if (i > 0) {
        var shard = list[i - 1];
        if (shard.year !== null) years.push(shard.year);
        found = found.concat(matches(shards[shard.url].pages, query));
        show(query);
        var now = Date.now();
        // A polite status: a screen reader hears at most one update a second, and the last.
        if (i === list.length || now - lastStatus >= 1000) {
          status.textContent = describe(i < list.length, years);
          lastStatus = now;
        }
      }
      if (i === list.length) return;
      if (i + 1 < list.length) load(list[i + 1]);  // fetched while this one is searched
      load(list[i]).then(function () { step(i + 1); }, function () { if (run === generation) failed(); });
    }
    if (list.length === 0) {
      status.textContent = describe(false, years);
      return;
    }
    status.textContent = "Searching…";
    step(0);
  }

  function failed() {
    generation++;
    status.textContent = "The search index could not be loaded. Use the indexes of meetings, decisions, people and documents instead.";
    if (noJs) noJs.hidden = false;
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
    if (manifest) search();
  });
  [typeSel, committeeSel, yearSel].forEach(function (el) {
    el.addEventListener("change", function () { if (manifest) search(); });
  });

  status.textContent = "Loading the search index…";
  fetch(indexUrl, { credentials: "same-origin" })
    .then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    })
    .then(function (data) {
      if (!data || data.version !== 2 || !data.shards) throw new Error("unknown index");
      manifest = data;
      (data.types || []).forEach(function (t) { typeLabels[t.id] = t.label; });
      (data.committees || []).forEach(function (c) { committeeNames[c.id] = c.name; });
      status.textContent = "";
      fromAddress();
      search();
    })
    .catch(failed);
})();
