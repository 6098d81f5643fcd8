/* Veileder – offline search for the exported site.
 * The index is a plain script (search-index.js, `window.VEILEDER_SEARCH = {...}`), so search works when the
 * site is opened from the file system (file://, where fetching JSON is blocked) and from any web server.
 * No network request is made. The ranking is the app's own (search-engine.js over the app's exported
 * index): questions, situations and everyday words, synonyms, compounds, typos with «Mente du …?»; a
 * contact shows its number and hours, a checklist is marked as one. This file only shows the results.
 */
(function () {
  "use strict";

  var data = window.VEILEDER_SEARCH;
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!data || !data.engine || !window.VeilederEngine || !input || !status || !list) {
    return;
  }
  var MAX_RESULTS = 50;
  var SNIPPET_CHARS = 180;
  var engine = new window.VeilederEngine.Engine(data.engine);
  var WORD = /[\p{L}\p{N}]+/gu;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  /* The passage of the text with the first match, every matched word marked (text nodes only). */
  function snippet(text, result) {
    text = String(text || "").replace(/\s+/g, " ").trim();
    var fragment = document.createDocumentFragment();
    var matches = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (engine.marks(m[0], result)) { matches.push([m.index, m.index + m[0].length]); }
    }
    var begin = matches.length ? Math.max(0, matches[0][0] - SNIPPET_CHARS / 4) : 0;
    if (begin) {
      var space = text.lastIndexOf(" ", begin);
      begin = space >= 0 ? space + 1 : 0;
    }
    var end = Math.min(text.length, begin + SNIPPET_CHARS);
    if (end < text.length) {
      var cut = text.lastIndexOf(" ", end);
      if (cut > begin) { end = cut; }
    }
    if (begin) { fragment.appendChild(document.createTextNode("… ")); }
    var cursor = begin;
    matches.forEach(function (span) {
      if (span[0] < begin || span[1] > end) { return; }
      fragment.appendChild(document.createTextNode(text.slice(cursor, span[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(span[0], span[1]);
      fragment.appendChild(mark);
      cursor = span[1];
    });
    fragment.appendChild(document.createTextNode(text.slice(cursor, end)));
    if (end < text.length) { fragment.appendChild(document.createTextNode(" …")); }
    return fragment;
  }

  function suggestionItem(better) {
    var li = document.createElement("li");
    li.className = "suggestion";
    li.appendChild(document.createTextNode(data.labels.did_you_mean + " "));
    var a = document.createElement("a");
    a.href = "search.html?q=" + encodeURIComponent(better);
    a.textContent = better;
    a.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = better;
      update();
    });
    li.appendChild(a);
    li.appendChild(document.createTextNode("?"));
    return li;
  }

  function show(query) {
    var labels = data.labels;
    list.textContent = "";
    status.textContent = "";
    var q = String(query || "").trim();
    if (!q) {
      return;
    }
    var result = engine.search(query, MAX_RESULTS);
    var hits = result.hits.filter(function (h) { return engine.docs[h.doc] && engine.docs[h.doc].u; });
    if (!hits.length) {
      status.textContent = format(labels.none, { q: q });
      if (result.suggestion) { list.appendChild(suggestionItem(result.suggestion)); }
      return;
    }
    status.textContent = format(labels.count, { n: hits.length, q: q }) + (result.anyTerms ? " " + labels.any : "");
    if (result.fuzzy && result.suggestion) { list.appendChild(suggestionItem(result.suggestion)); }
    hits.forEach(function (hit) {
      var doc = engine.docs[hit.doc];
      var li = document.createElement("li");
      li.className = "result-" + doc.type;
      var a = document.createElement("a");
      a.href = doc.u;
      a.textContent = doc.t;
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = " · " + doc.k;
      li.appendChild(kind);
      if (doc.type === "contact") {
        /* The number at once, never without its status: «ikke bekreftet» when it is not in the facts. */
        var answer = document.createElement("p");
        answer.className = "result-answer";
        var strong = document.createElement("strong");
        strong.textContent = doc.phone || "(" + data.labels.unverified + ")";
        answer.appendChild(strong);
        if (doc.phone && !doc.verified) { answer.appendChild(document.createTextNode(" (" + data.labels.unverified + ")")); }
        if (doc.hours) { answer.appendChild(document.createTextNode(" · " + doc.hours)); }
        li.appendChild(answer);
      }
      var p = document.createElement("p");
      p.appendChild(snippet(doc.x, result));
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  function update() {
    show(input.value);
    try {
      var target = input.value ? "?q=" + encodeURIComponent(input.value) : location.pathname;
      history.replaceState(null, "", target);
    } catch (ignored) {
      /* Some browsers refuse replaceState on file:// – the search still works. */
    }
  }

  input.addEventListener("input", update);
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });

  var initial = "";
  try {
    initial = new URLSearchParams(window.location.search).get("q") || "";
  } catch (ignored) {
    initial = "";
  }
  if (initial) {
    input.value = initial;
    show(initial);
  }
  var header = document.getElementById("header-q");
  if (header && initial) {
    header.value = initial;
  }
  window.veilederSearch = show;
})();
