/* tei site search: runs offline from file://, reading window.TEI_SEARCH_INDEX (assets/search-index.js).
   A query is read from ?q= so that the search form of every page lands here with its words.
   Everything from the index is written with textContent: titles and texts are never read as HTML. */
(function () {
  "use strict";
  var index = window.TEI_SEARCH_INDEX;
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  var texts = {};
  var wanted = {};
  var MAX_SHOWN = 50;
  var SNIPPET = 90;

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(text) {
    return fold(text).replace(/_/g, " ").match(/[\p{L}\p{N}]+/gu) || [];
  }
  function matchingTerms(word) {
    if (index.terms[word] && word.length < 3) { return [word]; }
    if (word.length < 3) { return []; }
    var found = [];
    for (var term in index.terms) {
      if (term.lastIndexOf(word, 0) === 0) { found.push(term); }
    }
    return found;
  }
  function search(query) {
    var queryWords = words(query);
    if (!queryWords.length) { return { words: [], hits: [] }; }
    var scores = null;
    queryWords.forEach(function (word) {
      var best = {};
      matchingTerms(word).forEach(function (term) {
        var postings = index.terms[term];
        for (var i = 0; i < postings.length; i += 2) {
          var doc = postings[i], weight = postings[i + 1];
          if (!(doc in best) || best[doc] < weight) { best[doc] = weight; }
        }
      });
      if (scores === null) {
        scores = best;
      } else {
        var next = {};
        for (var doc in scores) { if (doc in best) { next[doc] = scores[doc] + best[doc]; } }
        scores = next;
      }
    });
    var hits = Object.keys(scores || {}).map(function (doc) { return [Number(doc), scores[doc]]; });
    hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return { words: queryWords, hits: hits };
  }
  function snippet(text, queryWords) {
    var folded = fold(text);
    var at = -1;
    for (var i = 0; i < queryWords.length && at < 0; i++) {
      var re = new RegExp("(^|[^\\p{L}\\p{N}])" + queryWords[i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "u");
      var m = re.exec(folded);
      if (m) { at = m.index + m[1].length; }
    }
    var start = Math.max(0, at - SNIPPET), end = Math.min(text.length, (at < 0 ? 0 : at) + SNIPPET * 2);
    if (start > 0) { var space = text.indexOf(" ", start); if (space >= 0 && space < at) { start = space + 1; } }
    if (end < text.length) { var back = text.lastIndexOf(" ", end); if (back > at) { end = back; } }
    var piece = text.slice(start, end);
    var element = document.createElement("p");
    element.className = "snippet";
    if (start > 0) { element.appendChild(document.createTextNode("…")); }
    var foldedPiece = fold(piece);
    var pattern = new RegExp("(^|[^\\p{L}\\p{N}])(" + queryWords.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")[\\p{L}\\p{N}]*", "gu");
    var last = 0, m2;
    while ((m2 = pattern.exec(foldedPiece)) !== null) {
      var from = m2.index + m2[1].length, to = m2.index + m2[0].length;
      element.appendChild(document.createTextNode(piece.slice(last, from)));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(from, to);
      element.appendChild(mark);
      last = to;
      if (m2[0].length === 0) { pattern.lastIndex++; }
    }
    element.appendChild(document.createTextNode(piece.slice(last)));
    if (end < text.length) { element.appendChild(document.createTextNode("…")); }
    return element;
  }
  window.TEI_SEARCH_TEXT = function (key, text) {
    texts[key] = text;
    var item = wanted[key];
    if (item) { item.element.appendChild(snippet(text, item.words)); delete wanted[key]; }
  };
  function loadText(key, element, queryWords) {
    if (texts[key] !== undefined) { element.appendChild(snippet(texts[key], queryWords)); return; }
    wanted[key] = { element: element, words: queryWords };
    var script = document.createElement("script");
    script.src = "assets/text/" + encodeURIComponent(key) + ".js";
    document.body.appendChild(script);
  }
  function show(query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    wanted = {};
    if (!query.trim()) { status.textContent = "Type one or more words: documents with all of them are listed."; return; }
    var result = search(query);
    var count = result.hits.length;
    status.textContent = count === 0 ? "No document contains all of: " + result.words.join(" ") + "." :
      count + (count === 1 ? " document contains " : " documents contain ") + "all of: " + result.words.join(" ") +
      (count > MAX_SHOWN ? " (the first " + MAX_SHOWN + " are shown)." : ".");
    result.hits.slice(0, MAX_SHOWN).forEach(function (hit) {
      var doc = index.docs[hit[0]];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = doc[0];
      link.textContent = doc[1];
      item.appendChild(link);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = [doc[2], doc[3]].filter(Boolean).join(" · ");
      if (meta.textContent) { item.appendChild(document.createTextNode(" ")); item.appendChild(meta); }
      list.appendChild(item);
      loadText(doc[4], item, result.words);
    });
  }
  if (!index || !form) { return; }
  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var value = input.value;
    try { window.history.replaceState(null, "", "?q=" + encodeURIComponent(value)); } catch (e) { /* file:// may refuse */ }
    show(value);
  });
  show(query);
})();
