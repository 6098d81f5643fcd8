/* Veileder – offline search for the exported site.
 * The index is a plain script (search-index.js, `window.VEILEDER_SEARCH = {...}`), so search works when the
 * site is opened from the file system (file://, where fetching JSON is blocked) and from any web server.
 * No network request is made. Several words mean all of them; when no page has all, any of them.
 * A word also matches inside compounds (tjenesten finds barnevernstjenesten); synonym groups from the
 * content are applied; a near miss gives a "did you mean" link.
 */
(function () {
  "use strict";

  var data = window.VEILEDER_SEARCH;
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!data || !input || !status || !list) {
    return;
  }
  var MAX_RESULTS = 50;
  var FOLD = { "é": "e", "è": "e", "ê": "e", "á": "a", "à": "a", "ü": "u", "ó": "o", "ò": "o", "ô": "o" };

  /* Lower case and fold a few accents; keeps the string's length so positions map back to the original. */
  function norm(text) {
    var lower = String(text || "").toLowerCase();
    var out = "";
    for (var i = 0; i < lower.length; i++) {
      var ch = lower.charAt(i);
      out += FOLD[ch] || ch;
    }
    return out.length === String(text || "").length ? out : String(text || "").toLowerCase();
  }

  function isWordChar(ch) {
    return /[0-9a-z\u00c0-\u024f]/.test(ch);
  }

  function words(text) {
    return norm(text).split(/[^0-9a-z\u00c0-\u024f]+/).filter(function (w) { return w.length > 0; });
  }

  function startsWord(text, needle) {
    var at = text.indexOf(needle);
    while (at >= 0) {
      if (at === 0 || !isWordChar(text.charAt(at - 1))) {
        return true;
      }
      at = text.indexOf(needle, at + 1);
    }
    return false;
  }

  var docs = data.docs.map(function (doc) {
    return {
      doc: doc,
      title: norm(doc.t),
      synonyms: norm(doc.s),
      headings: norm(doc.h),
      text: norm(doc.x)
    };
  });
  var groups = (data.synonyms || []).map(function (group) {
    return group.map(function (phrase) { return words(phrase).join(" "); });
  });
  var vocabulary = {};
  docs.forEach(function (d) {
    words(d.title + " " + d.synonyms + " " + d.headings).forEach(function (w) {
      if (w.length > 3) {
        vocabulary[w] = (vocabulary[w] || 0) + 1;
      }
    });
  });

  /* The query as terms; each term is a list of alternatives (a synonym group, or the word itself). */
  function parse(query) {
    var rest = " " + words(query).join(" ") + " ";
    var terms = [];
    groups.forEach(function (group) {
      group.forEach(function (phrase) {
        if (phrase && rest.indexOf(" " + phrase + " ") >= 0) {
          rest = rest.replace(" " + phrase + " ", " ");
          terms.push(group.slice());
        }
      });
    });
    rest.split(" ").forEach(function (w) {
      if (w.length > 1 || (w.length === 1 && terms.length === 0)) {
        terms.push([w]);
      }
    });
    return terms;
  }

  function termScore(d, alternatives) {
    var best = 0;
    alternatives.forEach(function (alt) {
      var s = 0;
      if (d.title === alt) { s = 100; }
      else if (startsWord(d.title, alt)) { s = 40; }
      else if (d.title.indexOf(alt) >= 0) { s = 25; }
      if (startsWord(d.synonyms, alt)) { s = Math.max(s, 30); }
      else if (d.synonyms.indexOf(alt) >= 0) { s = Math.max(s, 15); }
      if (startsWord(d.headings, alt)) { s = Math.max(s, 12); }
      else if (d.headings.indexOf(alt) >= 0) { s = Math.max(s, 6); }
      if (startsWord(d.text, alt)) { s = Math.max(s, 5); }
      else if (d.text.indexOf(alt) >= 0) { s = Math.max(s, 2); }
      best = Math.max(best, s);
    });
    return best;
  }

  function rank(query, terms, needAll) {
    var whole = words(query).join(" ");
    var found = [];
    docs.forEach(function (d) {
      var total = 0;
      var matched = 0;
      terms.forEach(function (alternatives) {
        var s = termScore(d, alternatives);
        if (s > 0) { matched += 1; total += s; }
      });
      if (matched === 0 || (needAll && matched < terms.length)) {
        return;
      }
      if (d.title === whole) { total += 1000; }
      else if (d.title.indexOf(whole) === 0) { total += 200; }
      found.push({ d: d, score: total + matched * 10 });
    });
    found.sort(function (a, b) { return b.score - a.score || a.d.title.localeCompare(b.d.title); });
    return found;
  }

  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var prev = [];
    for (var j = 0; j <= b.length; j++) { prev.push(j); }
    for (var i = 1; i <= a.length; i++) {
      var cur = [i];
      var rowMin = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a.charAt(i - 1) === b.charAt(k - 1) ? 0 : 1;
        cur.push(Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + cost));
        rowMin = Math.min(rowMin, cur[k]);
      }
      if (rowMin > limit) { return limit + 1; }
      prev = cur;
    }
    return prev[b.length];
  }

  function suggest(query) {
    var changed = false;
    var out = words(query).map(function (w) {
      if (w.length < 4 || vocabulary[w]) { return w; }
      var limit = w.length >= 8 ? 2 : 1;
      var best = null;
      var bestDistance = limit + 1;
      Object.keys(vocabulary).forEach(function (v) {
        var dist = distance(w, v, limit);
        if (dist < bestDistance || (dist === bestDistance && best && vocabulary[v] > vocabulary[best])) {
          best = v;
          bestDistance = dist;
        }
      });
      if (best && bestDistance <= limit) { changed = true; return best; }
      return w;
    });
    return changed ? out.join(" ") : null;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  /* A short piece of the text around the first hit, with every hit marked. */
  function snippet(d, terms) {
    var original = d.doc.x;
    var alts = [];
    terms.forEach(function (t) { t.forEach(function (a) { if (a) { alts.push(a); } }); });
    var first = -1;
    alts.forEach(function (a) {
      var at = d.text.indexOf(a);
      if (at >= 0 && (first < 0 || at < first)) { first = at; }
    });
    var start = first < 0 ? 0 : Math.max(0, first - 60);
    if (start > 0) {
      var space = original.indexOf(" ", start);
      if (space >= 0 && space < first) { start = space + 1; }
    }
    var end = Math.min(original.length, start + 220);
    var piece = original.slice(start, end);
    var lower = d.text.slice(start, end);
    var fragment = document.createDocumentFragment();
    if (start > 0) { fragment.appendChild(document.createTextNode("… ")); }
    var pos = 0;
    while (pos < piece.length) {
      var next = -1;
      var len = 0;
      alts.forEach(function (a) {
        var at = lower.indexOf(a, pos);
        if (at >= 0 && (next < 0 || at < next || (at === next && a.length > len))) { next = at; len = a.length; }
      });
      if (next < 0) {
        fragment.appendChild(document.createTextNode(piece.slice(pos)));
        break;
      }
      fragment.appendChild(document.createTextNode(piece.slice(pos, next)));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(next, next + len);
      fragment.appendChild(mark);
      pos = next + len;
    }
    if (end < original.length) { fragment.appendChild(document.createTextNode(" …")); }
    return fragment;
  }

  function show(query) {
    var labels = data.labels;
    list.textContent = "";
    status.textContent = "";
    var q = query.trim();
    if (!q) {
      return;
    }
    var terms = parse(q);
    var results = rank(q, terms, true);
    var note = "";
    if (!results.length && terms.length > 1) {
      results = rank(q, terms, false);
      if (results.length) { note = labels.any; }
    }
    if (!results.length) {
      status.textContent = format(labels.none, { q: q });
      var better = suggest(q);
      if (better) {
        var li = document.createElement("li");
        li.className = "suggestion";
        li.appendChild(document.createTextNode(labels.did_you_mean + " "));
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
        list.appendChild(li);
      }
      return;
    }
    status.textContent = format(labels.count, { n: results.length, q: q }) + (note ? " " + note : "");
    results.slice(0, MAX_RESULTS).forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.d.doc.u;
      a.textContent = r.d.doc.t;
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = " · " + r.d.doc.k;
      li.appendChild(kind);
      var p = document.createElement("p");
      p.appendChild(snippet(r.d, terms));
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
