/* Veileder – the app's search, for the exported site.
 * The same ranking as handbook/core/search/ (index.py, query.py, lexicon.py, spelling.py, analysis.py), run
 * over the index data the app exports with the site (search-index.js): the same terms (lemma forms and
 * Snowball stems), the same BM25 scores per field, synonyms, filler words, compounds, prefixes, corrections,
 * coordination and tiers. Keep the two in step: `python -m handbook bench` measures how often their first
 * hit agrees. No DOM here: search.js shows the results; Node can load this file for the benchmark.
 */
(function (root) {
  "use strict";

  var WORD = /[\p{L}\p{N}]+/gu;
  var TOKEN = /[\p{L}\p{N}]+|\u001e/gu;
  var QUOTES = /["\u201c\u201d\u00ab\u00bb\u201e]/;
  var QUOTES_ALL = /["\u201c\u201d\u00ab\u00bb\u201e]/g;
  var OPERATORS = /(?<![\p{L}\p{N}])(?:AND|OR|NOT)(?![\p{L}\p{N}])/gu;
  var GAP = "\u001e";

  /* ------------------------------------------------------------------ Snowball (Norwegian, Swedish) */

  var SNOWBALL = {
    no: {
      vowels: "aeiouy\u00e6\u00e5\u00f8",
      sEnding: "bcdfghjlmnoprtvyz",
      step1: ["hetenes", "hetene", "hetens", "heter", "heten", "endes", "ande", "ende", "edes", "enes", "erte",
        "ede", "ane", "ene", "ens", "ers", "ets", "het", "ast", "ert", "en", "ar", "er", "as", "es", "et", "a",
        "e", "s"],
      step2: ["dt", "vt"],
      step3: ["hetslov", "eleg", "elig", "elov", "slov", "leg", "eig", "lig", "els", "lov", "ig"]
    },
    sv: {
      vowels: "aeiouy\u00e4\u00e5\u00f6",
      sEnding: "bcdfghjklmnoprtvy",
      step1: ["heterna", "hetens", "heter", "heten", "anden", "arnas", "ernas", "ornas", "andes", "andet",
        "arens", "arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns", "ade", "are", "ern",
        "ens", "het", "ast", "ad", "en", "ar", "er", "or", "as", "es", "at", "a", "e", "s"],
      step2: ["dd", "gd", "nn", "dt", "gt", "kt", "tt"],
      step3: ["fullt", "l\u00f6st", "els", "lig", "ig"]
    }
  };

  function endsWith(text, suffix) {
    return text.length >= suffix.length && text.slice(text.length - suffix.length) === suffix;
  }

  function r1Of(word, vowels) {
    for (var i = 1; i < word.length; i++) {
      if (vowels.indexOf(word.charAt(i)) < 0 && vowels.indexOf(word.charAt(i - 1)) >= 0) {
        return i + 1 < 3 ? word.slice(3) : word.slice(i + 1);
      }
    }
    return "";
  }

  function snowball(lang, word) {
    var rules = SNOWBALL[lang];
    word = word.toLowerCase();
    var r1 = r1Of(word, rules.vowels);
    var i, suffix;
    for (i = 0; i < rules.step1.length; i++) {
      suffix = rules.step1[i];
      if (endsWith(r1, suffix)) {
        if (lang === "no" && (suffix === "erte" || suffix === "ert")) {
          word = word.slice(0, word.length - suffix.length) + "er";
          r1 = r1.slice(0, r1.length - suffix.length) + "er";
        } else if (suffix === "s") {
          var before = word.charAt(word.length - 2);
          if (rules.sEnding.indexOf(before) >= 0 ||
              (lang === "no" && before === "k" && rules.vowels.indexOf(word.charAt(word.length - 3)) < 0)) {
            word = word.slice(0, -1);
            r1 = r1.slice(0, -1);
          }
        } else {
          word = word.slice(0, word.length - suffix.length);
          r1 = r1.slice(0, r1.length - suffix.length);
        }
        break;
      }
    }
    for (i = 0; i < rules.step2.length; i++) {
      if (endsWith(r1, rules.step2[i])) {
        word = word.slice(0, -1);
        r1 = r1.slice(0, -1);
        break;
      }
    }
    for (i = 0; i < rules.step3.length; i++) {
      suffix = rules.step3[i];
      if (endsWith(r1, suffix)) {
        if (lang === "no" || suffix === "els" || suffix === "lig" || suffix === "ig") {
          word = word.slice(0, word.length - suffix.length);
        } else {
          word = word.slice(0, -1);
        }
        break;
      }
    }
    if (lang === "sv" && endsWith(word, "et") && word.length >= 5) {  /* as analysis.language_of */
      word = word.slice(0, -2);
    }
    return word;
  }

  /* ------------------------------------------------------------------ small helpers */

  function normalize(text) {
    text = String(text == null ? "" : text);
    return text.normalize ? text.normalize("NFC") : text;
  }

  function words(text) {
    return normalize(text).toLowerCase().match(WORD) || [];
  }

  function isDigits(word) {
    return /^\p{N}+$/u.test(word);
  }

  function compareStrings(a, b) {  /* Python's order: by code point */
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function bisectLeft(list, value) {
    var lo = 0;
    var hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < value) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  function reverse(text) {
    return Array.from(text).reverse().join("");
  }

  function addScores(total, scores, factor) {
    for (var doc in scores) {
      total[doc] = (total[doc] || 0) + scores[doc] * factor;
    }
  }

  function allOf(parts) {
    if (!parts.length) { return {}; }
    var ordered = parts.slice().sort(function (a, b) { return Object.keys(a).length - Object.keys(b).length; });
    var total = {};
    var doc;
    for (doc in ordered[0]) { total[doc] = ordered[0][doc]; }
    for (var i = 1; i < ordered.length; i++) {
      var next = {};
      for (doc in total) {
        if (Object.prototype.hasOwnProperty.call(ordered[i], doc)) { next[doc] = total[doc] + ordered[i][doc]; }
      }
      total = next;
    }
    return total;
  }

  function anyOf(parts) {
    var total = {};
    parts.forEach(function (p) { addScores(total, p, 1); });
    return total;
  }

  function bestOf(parts) {
    var total = {};
    parts.forEach(function (p) {
      for (var doc in p) {
        if (p[doc] > (total[doc] || 0)) { total[doc] = p[doc]; }
      }
    });
    return total;
  }

  function size(scores) {
    return Object.keys(scores).length;
  }

  /* ------------------------------------------------------------------ the engine */

  function Engine(data) {
    var self = this;
    var c = data.constants;
    this.c = c;
    this.lang = data.language === "sv" ? "sv" : "no";
    this.docs = data.docs;
    this.documents = data.documents;
    this.forms = data.forms || {};
    this.fillers = {};
    (data.fillers || []).forEach(function (w) { self.fillers[w] = true; });
    this.postings = {};
    Object.keys(data.postings).forEach(function (field) {
      var table = {};
      var raw = data.postings[field];
      Object.keys(raw).forEach(function (term) {
        var flat = raw[term];
        var scores = {};
        for (var i = 0; i < flat.length; i += 2) { scores[flat[i]] = flat[i + 1]; }
        table[term] = scores;
      });
      self.postings[field] = table;
    });
    this.intents = data.intents || {};
    this.types = {};
    this.titleKeys = [];
    this.titleStems = [];
    this.docs.forEach(function (doc, number) {
      if (!doc) { return; }
      (self.types[doc.type] = self.types[doc.type] || {})[number] = true;
    });
    this.stemCache = {};
    this.frequencies = data.stems;
    this.forward = Object.keys(data.stems).sort(compareStrings);
    this.backward = this.forward.map(reverse).sort(compareStrings);
    this.spellings = data.words;
    this.speller = null;
    this.stopStems = {};
    Object.keys(this.fillers).forEach(function (w) { self.stopStems[self.stem(w)] = true; });
    this.synonyms = this.synonymTable(data.synonyms || []);
    var keyDocs = {};
    var stemDocs = {};
    this.docs.forEach(function (doc, number) {
      if (!doc) { return; }
      (keyDocs[doc.tk] = keyDocs[doc.tk] || []).push(number);
      (stemDocs[doc.ts] = stemDocs[doc.ts] || []).push(number);
    });
    this.keyDocs = keyDocs;
    this.stemDocs = stemDocs;
    this.sortedKeys = Object.keys(keyDocs).sort(compareStrings);
    this.sortedStems = Object.keys(stemDocs).sort(compareStrings);
  }

  Engine.prototype.stem = function (word) {
    var known = this.stemCache[word];
    if (known === undefined) {
      known = Object.prototype.hasOwnProperty.call(this.forms, word) ? this.forms[word] : snowball(this.lang, word);
      this.stemCache[word] = known;
    }
    return known;
  };

  Engine.prototype.synonymTable = function (groups) {
    var self = this;
    var byStems = {};
    var members = [];
    var longest = 0;
    groups.forEach(function (group) {
      var found = [];
      var seen = {};
      group.forEach(function (member) {
        var stems = words(member).map(function (w) { return self.stem(w); });
        var key = stems.join(" ");
        if (stems.length && !seen[key]) { seen[key] = true; found.push(stems); }
      });
      if (found.length < 2) { return; }
      var index = members.length;
      members.push(found);
      found.forEach(function (stems) {
        var key = stems.join(" ");
        (byStems[key] = byStems[key] || []).push(index);
        longest = Math.max(longest, stems.length);
      });
    });
    return { byStems: byStems, members: members, longest: longest };
  };

  Engine.prototype.matchSynonym = function (stems, start) {
    var table = this.synonyms;
    for (var length = Math.min(table.longest, stems.length - start); length > 0; length--) {
      var key = stems.slice(start, start + length);
      var groups = table.byStems[key.join(" ")];
      if (groups) {
        var alternatives = [key];
        var seen = {};
        seen[key.join(" ")] = true;
        groups.slice().sort(function (a, b) { return a - b; }).forEach(function (index) {
          table.members[index].forEach(function (m) {
            if (!seen[m.join(" ")]) { seen[m.join(" ")] = true; alternatives.push(m); }
          });
        });
        return { length: length, alternatives: alternatives };
      }
    }
    return null;
  };

  /* query.parse_query */
  Engine.prototype.parse = function (text) {
    var c = this.c;
    var self = this;
    text = normalize(String(text).slice(0, c.MAX_QUERY_CHARS)).replace(OPERATORS, " ");
    var pieces = text.split(QUOTES);
    if (pieces.length % 2 === 0) {
      var last = pieces.pop();
      pieces[pieces.length - 1] += " " + last;
    }
    var lastChar = text.charAt(text.length - 1);
    var openEnd = text.length > 0 && !/\s/.test(lastChar) && !QUOTES.test(lastChar);
    var rawWords = [];
    var slots = [];
    pieces.forEach(function (piece, index) {
      var pieceWords = words(piece);
      var first = rawWords.length;
      rawWords = rawWords.concat(pieceWords);
      if (!pieceWords.length) { return; }
      var stems = pieceWords.map(function (w) { return self.stem(w); });
      if (index % 2 === 1) {
        slots.push({ raw: pieceWords.join(" "), alternatives: [stems], quoted: true, synonym: false, stop: false,
          prefix: null, start: first });
        return;
      }
      var lastPiece = index === pieces.length - 1;
      var position = 0;
      while (position < stems.length) {
        var found = self.matchSynonym(stems, position);
        var length = found ? found.length : 1;
        var raw = pieceWords.slice(position, position + length).join(" ");
        var isLast = lastPiece && position + length === stems.length;
        var prefix = isLast && openEnd && length === 1 && raw.length >= c.PREFIX_MIN ? raw : null;
        if (found) {
          slots.push({ raw: raw, alternatives: found.alternatives, quoted: false, synonym: true, stop: false,
            prefix: prefix, start: first + position });
        } else {
          slots.push({ raw: raw, alternatives: [[stems[position]]], quoted: false, synonym: false,
            stop: !!self.fillers[raw], prefix: prefix, start: first + position });
        }
        position += length;
      }
    });
    /* «telefon», «nummer», «sjekkliste»: words that ask for a kind of hit, not a subject. */
    var intents = [];
    Object.keys(this.intents).forEach(function (kind) {
      var terms = {};
      self.intents[kind].forEach(function (t) { terms[t] = true; });
      slots.forEach(function (slot) {
        var word = slotWord(slot);
        if (!slot.synonym && word !== null && terms[word]) {
          if (intents.indexOf(kind) < 0) { intents.push(kind); }
          slot.stop = true;
        }
      });
    });
    intents.sort();
    if (slots.some(function (s) { return !s.stop; })) {
      slots = slots.filter(function (s) { return !s.stop; });
    }
    var unique = [];
    var seen = {};
    slots.forEach(function (s) {
      var key = s.alternatives.map(function (a) { return a.join(" "); }).join("|");
      if (!seen[key]) { seen[key] = true; unique.push(s); }
    });
    var core = rawWords.slice();
    while (core.length && self.fillers[core[0]]) { core.shift(); }
    while (core.length && self.fillers[core[core.length - 1]] && !openEnd) { core.pop(); }
    return { rawWords: rawWords, slots: unique.slice(0, c.MAX_QUERY_PARTS), openEnd: openEnd,
      titleWords: core.length ? core : rawWords, intents: intents };
  };

  function slotWord(slot) {
    if (slot.quoted || slot.alternatives[0].length !== 1 || slot.raw.indexOf(" ") >= 0) { return null; }
    return slot.alternatives[0][0];
  }

  /* lexicon.Lexicon */
  Engine.prototype.top = function (found, limit) {
    var freq = this.frequencies;
    return found.sort(function (a, b) { return (freq[b] - freq[a]) || compareStrings(a, b); }).slice(0, limit);
  };

  Engine.prototype.startingWith = function (prefix, limit) {
    var start = bisectLeft(this.forward, prefix);
    var found = [];
    for (var i = start; i < Math.min(this.forward.length, start + 5000); i++) {
      if (this.forward[i].indexOf(prefix) !== 0) { break; }
      found.push(this.forward[i]);
    }
    return this.top(found, limit);
  };

  Engine.prototype.compoundsOf = function (stem, limit) {
    var tail = reverse(stem);
    var start = bisectLeft(this.backward, tail);
    var found = [];
    var stemLength = Array.from(stem).length;
    for (var i = start; i < Math.min(this.backward.length, start + 5000); i++) {
      var backward = this.backward[i];
      if (backward.indexOf(tail) !== 0) { break; }
      if (Array.from(backward).length >= stemLength + this.c.COMPOUND_MIN_HEAD) { found.push(reverse(backward)); }
    }
    return this.top(found, limit);
  };

  Engine.prototype.known = function (stem) {
    return Object.prototype.hasOwnProperty.call(this.frequencies, stem);
  };

  /* spelling.Speller */
  function deletes(word) {
    var chars = Array.from(word);
    var out = {};
    for (var i = 0; i < chars.length; i++) { out[chars.slice(0, i).concat(chars.slice(i + 1)).join("")] = true; }
    return out;
  }

  function editDistance(a, b, limit) {
    a = Array.from(a);
    b = Array.from(b);
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var previous2 = [];
    var previous = [];
    var i, j;
    for (j = 0; j <= b.length; j++) { previous.push(j); }
    for (i = 1; i <= a.length; i++) {
      var current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current.push(value);
        best = Math.min(best, value);
      }
      if (best > limit) { return limit + 1; }
      previous2 = previous;
      previous = current;
    }
    return previous[b.length] <= limit ? previous[b.length] : limit + 1;
  }

  Engine.prototype.spellingTable = function () {
    if (!this.speller) {
      var c = this.c;
      var list = Object.keys(this.spellings).filter(function (w) {
        return Array.from(w).length >= c.FUZZY_MIN - 1 && !isDigits(w);
      }).sort(compareStrings);
      var keys = {};
      list.forEach(function (word, number) {
        var key = Array.from(word).slice(0, c.SPELLING_KEY).join("");
        var variants = deletes(key);
        variants[key] = true;
        Object.keys(variants).forEach(function (v) { (keys[v] = keys[v] || []).push(number); });
      });
      this.speller = { list: list, keys: keys };
    }
    return this.speller;
  };

  Engine.prototype.candidates = function (word) {
    var c = this.c;
    var length = Array.from(word).length;
    var maxdist = length < c.FUZZY_MIN ? 0 : length < 7 ? 1 : 2;
    if (!maxdist || isDigits(word)) { return []; }
    var table = this.spellingTable();
    var key = Array.from(word).slice(0, c.SPELLING_KEY).join("");
    var variants = deletes(key);
    variants[key] = true;
    if (maxdist >= 2) {
      Object.keys(variants).forEach(function (v) {
        Object.keys(deletes(v)).forEach(function (d) { variants[d] = true; });
      });
    }
    var numbers = {};
    Object.keys(variants).forEach(function (v) {
      (table.keys[v] || []).forEach(function (n) { numbers[n] = true; });
    });
    var freq = this.spellings;
    var scored = [];
    Object.keys(numbers).forEach(function (n) {
      var candidate = table.list[n];
      if (candidate === word) { return; }
      var distance = editDistance(word, candidate, maxdist);
      if (distance <= maxdist) { scored.push([distance, -freq[candidate], candidate]); }
    });
    scored.sort(function (a, b) { return (a[0] - b[0]) || (a[1] - b[1]) || compareStrings(a[2], b[2]); });
    return scored.slice(0, c.FUZZY_CANDIDATES).map(function (s) { return s[2]; });
  };

  /* index.HandbookIndex */
  Engine.prototype.fieldScores = function (field, stem) {
    return (this.postings[field] && this.postings[field][stem]) || {};
  };

  Engine.prototype.wordScores = function (stem, factor, fields) {
    var total = {};
    var self = this;
    fields.forEach(function (field) { addScores(total, self.fieldScores(field, stem), factor); });
    return total;
  };

  Engine.prototype.slotScores = function (slot, plan, corrections) {
    var c = this.c;
    var self = this;
    var parts = [];
    var widened = [];
    slot.alternatives.forEach(function (alternative, number) {
      alternative.forEach(function (s) { plan.stems[s] = true; });
      var factor = number === 0 ? 1 : c.SYNONYM_FACTOR;
      if (alternative.length === 1) {
        parts.push(self.wordScores(alternative[0], factor, c.TEXT_FIELDS));
      } else {
        var content = alternative.filter(function (s) { return !self.stopStems[s]; });
        if (!content.length) { content = alternative; }
        var found = allOf(content.map(function (s) { return self.wordScores(s, 1, c.TEXT_FIELDS); }));
        if (factor !== 1) {
          var scaled = {};
          for (var d in found) { scaled[d] = found[d] * factor; }
          found = scaled;
        }
        parts.push(found);
        if (slot.quoted && !plan.phrases.some(function (p) { return p.join(" ") === alternative.join(" "); })) {
          plan.phrases.push(alternative);
        }
      }
    });
    var stem = slotWord(slot);
    if (stem !== null && !slot.quoted) {
      var expansions = [];
      if (slot.prefix) {
        self.startingWith(slot.prefix, c.PREFIX_EXPANSIONS).forEach(function (s) { expansions.push([s, 1]); });
      }
      var stemLength = Array.from(stem).length;
      if (stemLength >= c.STEM_FAMILY_MIN && self.known(stem)) {
        var family = self.startingWith(stem, c.PREFIX_EXPANSIONS + 1).filter(function (s) { return s !== stem; });
        family.slice(0, c.PREFIX_EXPANSIONS).forEach(function (s) { expansions.push([s, c.STEM_FAMILY_BOOST]); });
      }
      if (stemLength >= c.COMPOUND_MIN_PART) {
        plan.tails[stem] = true;
        self.compoundsOf(stem, c.COMPOUND_EXPANSIONS).forEach(function (s) { expansions.push([s, c.COMPOUND_BOOST]); });
      }
      var seen = {};
      slot.alternatives.forEach(function (a) { if (a.length === 1) { seen[a[0]] = true; } });
      expansions.forEach(function (e) {
        if (!seen[e[0]]) {
          seen[e[0]] = true;
          plan.stems[e[0]] = true;
          widened.push(self.wordScores(e[0], e[1], c.EXPANSION_FIELDS));
        }
      });
    }
    (corrections || []).forEach(function (word) {
      var corrected = self.stem(word);
      plan.stems[corrected] = true;
      parts.push(self.wordScores(corrected, 1, c.EXPANSION_FIELDS));
    });
    var best = parts.length === 1 ? parts[0] : bestOf(parts);
    return widened.length ? anyOf([best, bestOf(widened)]) : best;
  };

  Engine.prototype.titled = function (slot, corrections) {
    var self = this;
    var alternatives = slot.alternatives.concat((corrections || []).map(function (w) { return [self.stem(w)]; }));
    var docs = {};
    alternatives.forEach(function (alternative) {
      var content = alternative.filter(function (s) { return !self.stopStems[s]; });
      if (!content.length) { content = alternative; }
      var found = null;
      content.forEach(function (stem) {
        var here = {};
        var d;
        for (d in self.fieldScores("title", stem)) { here[d] = true; }
        for (d in self.fieldScores("synonyms", stem)) { here[d] = true; }
        if (found === null) { found = here; } else {
          var both = {};
          for (d in found) { if (here[d]) { both[d] = true; } }
          found = both;
        }
      });
      for (var doc in (found || {})) { docs[doc] = true; }
    });
    return docs;
  };

  Engine.prototype.corrections = function (slot, scores) {
    var stem = slotWord(slot);
    if (stem === null || slot.synonym || size(scores) >= this.c.FEW_HITS) { return []; }
    if (this.known(stem) || (slot.prefix && this.startingWith(slot.prefix, 1).length)) { return []; }
    return this.candidates(slot.raw);
  };

  Engine.prototype.rank = function (parts) {
    var c = this.c;
    var documents = this.documents;
    var weights = parts.map(function (p) { return Math.pow(Math.log(1 + documents / (1 + size(p.scores))), c.RARITY); });
    var totalWeight = 0;
    parts.forEach(function (p, i) { if (size(p.scores)) { totalWeight += weights[i]; } });
    totalWeight = totalWeight || 1;
    var sums = {};
    var covered = {};
    var matched = {};
    var titled = {};
    var counts = {};
    var exact = {};
    var fixed = {};
    parts.forEach(function (part, i) {
      var weight = weights[i];
      var strongest = 0;
      var doc;
      for (doc in part.scores) { strongest = Math.max(strongest, part.scores[doc]); }
      strongest = strongest || 1;
      for (doc in part.scores) {
        sums[doc] = (sums[doc] || 0) + part.scores[doc];
        covered[doc] = (covered[doc] || 0) + weight * Math.pow(part.scores[doc] / strongest, c.STRENGTH);
        matched[doc] = (matched[doc] || 0) + weight;
        counts[doc] = (counts[doc] || 0) + 1;
        (part.corrected ? fixed : exact)[doc] = true;
      }
      for (var t in part.titled) { titled[t] = (titled[t] || 0) + weight; }
    });
    var scores = {};
    var complete = {};
    var coverage = {};
    for (var d in sums) {
      coverage[d] = matched[d] / totalWeight;
      scores[d] = sums[d] * Math.pow(covered[d] / totalWeight, c.COORDINATION) *
        (1 + c.TITLE_WEIGHT * (titled[d] || 0) / totalWeight);
      if (counts[d] === parts.length) { complete[d] = true; }
    }
    return { scores: scores, exact: exact, corrected: fixed, complete: complete, coverage: coverage };
  };

  Engine.prototype.stemSequence = function (text) {
    var self = this;
    return (normalize(text).match(TOKEN) || []).map(function (t) {
      return t === GAP ? GAP : self.stem(t.toLowerCase());
    });
  };

  function containsPhrase(sequence, phrase) {
    for (var i = 0; i + phrase.length <= sequence.length; i++) {
      var ok = true;
      for (var j = 0; j < phrase.length; j++) {
        if (sequence[i + j] !== phrase[j]) { ok = false; break; }
      }
      if (ok) { return true; }
    }
    return false;
  }

  Engine.prototype.hasPhrases = function (doc, phrases) {
    var d = this.docs[doc];
    var sequence = this.stemSequence([d.t, d.s, d.x].join(GAP));
    return phrases.every(function (p) { return containsPhrase(sequence, p); });
  };

  Engine.prototype.titlePrefixes = function (parsed) {
    var self = this;
    var space = parsed.openEnd ? "" : " ";
    return [parsed.titleWords.join(" ") + space,
      parsed.titleWords.map(function (w) { return self.stem(w); }).join(" ") + space];
  };

  Engine.prototype.titleMatches = function (parsed) {
    var self = this;
    var rawKey = parsed.titleWords.join(" ");
    var docs = {};
    if (Array.from(rawKey).length < 2) { return docs; }
    var stemKey = parsed.titleWords.map(function (w) { return self.stem(w); }).join(" ");
    var keys = [["k", rawKey], ["s", stemKey]];
    var prefixes = this.titlePrefixes(parsed);
    [["k", prefixes[0], this.sortedKeys], ["s", prefixes[1], this.sortedStems]].forEach(function (entry) {
      var list = entry[2];
      var start = bisectLeft(list, entry[1]);
      for (var i = start; i < Math.min(list.length, start + 50); i++) {
        if (list[i].indexOf(entry[1]) !== 0) { break; }
        keys.push([entry[0], list[i]]);
      }
    });
    if (parsed.slots.length === 1 && !parsed.intents.length) {
      parsed.slots[0].alternatives.forEach(function (a) { keys.push(["s", a.join(" ")]); });
    }
    keys.forEach(function (k) {
      ((k[0] === "k" ? self.keyDocs : self.stemDocs)[k[1]] || []).forEach(function (doc) { docs[doc] = true; });
    });
    return docs;
  };

  Engine.prototype.suggestion = function (parsed, plan) {
    var positions = Object.keys(plan.corrections);
    if (!positions.length) { return null; }
    var typed = parsed.rawWords.slice();
    positions.forEach(function (p) { typed[p] = plan.corrections[p][0]; });
    return typed.join(" ");
  };

  /* The hits for a query, best first: {hits: [{doc, tier, score}], suggestion, fuzzy, anyTerms, stems, tails}. */
  Engine.prototype.search = function (query, limit) {
    var c = this.c;
    var self = this;
    limit = Math.max(0, Math.min(limit || 20, c.MAX_LIMIT));
    var empty = { hits: [], suggestion: null, fuzzy: false, anyTerms: false, stems: {}, tails: [] };
    var parsed = this.parse(typeof query === "string" ? query : "");
    if (!parsed.slots.length || !limit) { return empty; }
    var plan = { stems: {}, tails: {}, phrases: [], corrections: {} };
    var parts = parsed.slots.map(function (slot) {
      var scores = self.slotScores(slot, plan, []);
      var corrections = self.corrections(slot, scores);
      if (corrections.length) {
        plan.corrections[slot.start] = corrections;
        scores = self.slotScores(slot, plan, corrections);
      }
      return { scores: scores, titled: self.titled(slot, corrections), corrected: corrections.length > 0 };
    });
    var ranked = this.rank(parts);
    Object.keys(c.TYPE_BOOST).forEach(function (type) {
      for (var doc in (self.types[type] || {})) {
        if (Object.prototype.hasOwnProperty.call(ranked.scores, doc)) { ranked.scores[doc] *= c.TYPE_BOOST[type]; }
      }
    });
    /* index._asked_for: hits of a kind the query asks for come first within their tier. */
    var preferred = {};
    parsed.intents.forEach(function (kind) {
      for (var doc in (self.types[kind] || {})) {
        if ((ranked.coverage[doc] || 0) >= c.INTENT_COVERAGE) { preferred[doc] = true; }
      }
    });
    var required = parts.filter(function (p, i) { return parsed.slots[i].quoted; });
    var candidates = [];
    Object.keys(ranked.scores).forEach(function (doc) {
      if (required.every(function (r) { return Object.prototype.hasOwnProperty.call(r.scores, doc); })) {
        candidates.push([Number(doc), ranked.scores[doc]]);
      }
    });
    candidates.sort(function (a, b) {
      return ((ranked.exact[a[0]] ? 0 : 1) - (ranked.exact[b[0]] ? 0 : 1)) ||
        ((preferred[a[0]] ? 0 : 1) - (preferred[b[0]] ? 0 : 1)) || (b[1] - a[1]) || (a[0] - b[0]);
    });
    var want = plan.phrases.length ? c.PHRASE_CANDIDATES : limit;
    var found = {};
    var count = 0;
    candidates.slice(0, want).some(function (item) {
      if (plan.phrases.length && !self.hasPhrases(item[0], plan.phrases)) { return false; }
      found[item[0]] = { score: item[1], tier: ranked.exact[item[0]] ? 2 : 3 };
      count += 1;
      return count >= limit;
    });
    Object.keys(this.titleMatches(parsed)).forEach(function (doc) {
      if (!found[doc]) { found[doc] = { score: ranked.scores[doc] || 0, tier: 2 }; }
    });
    var rawKey = parsed.titleWords.join(" ");
    var stemKey = parsed.titleWords.map(function (w) { return self.stem(w); }).join(" ");
    var prefixes = this.titlePrefixes(parsed);
    var whole = {};
    if (parsed.slots.length === 1 && !parsed.intents.length) {
      parsed.slots[0].alternatives.forEach(function (a) { whole[a.join(" ")] = true; });
    }
    var rows = Object.keys(found).map(function (doc) {
      var d = self.docs[doc];
      var tier = found[doc].tier;
      if (rawKey === d.tk || stemKey === d.ts) {
        tier = 0;
      } else if (whole[d.ts] || (rawKey && (d.tk.indexOf(prefixes[0]) === 0 || d.ts.indexOf(prefixes[1]) === 0))) {
        tier = 1;
      }
      return { doc: Number(doc), tier: tier, score: found[doc].score, id: d.id, other: preferred[doc] ? 0 : 1 };
    });
    rows.sort(function (a, b) {
      return (a.tier - b.tier) || (a.other - b.other) || (b.score - a.score) || compareStrings(a.id, b.id);
    });
    var hits = rows.slice(0, limit);
    var fuzzy = Object.keys(found).some(function (doc) { return ranked.corrected[doc]; });
    var anyTerms = parts.length > 1 && !Object.keys(found).some(function (doc) { return ranked.complete[doc]; });
    var marked = {};
    Object.keys(plan.stems).forEach(function (s) { if (!self.stopStems[s]) { marked[s] = true; } });
    if (!Object.keys(marked).length) { marked = plan.stems; }
    return { hits: hits, suggestion: this.suggestion(parsed, plan), fuzzy: fuzzy, anyTerms: anyTerms,
      stems: marked, tails: Object.keys(plan.tails) };
  };

  /* Does a word of a snippet show a match (its term, or a compound ending in a query word)? */
  Engine.prototype.marks = function (word, result) {
    var term = this.stem(word.toLowerCase());
    if (result.stems[term]) { return true; }
    var minPart = this.c.COMPOUND_MIN_PART;
    return Array.from(term).length > minPart && result.tails.some(function (t) { return endsWith(term, t); });
  };

  var api = { Engine: Engine, snowball: snowball, words: words, editDistance: editDistance };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  } else {
    root.VeilederEngine = api;
  }
})(typeof window !== "undefined" ? window : this);
