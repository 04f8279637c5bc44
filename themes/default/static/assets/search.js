// Search box of the default theme (partials/search.html) over the sharded index the build
// writes to search/: the manifest on first focus or keystroke, then only the term shards the
// query's words need and the page fragments of the best results. Words are split as
// src/bengal/search/tokenize.cpp splits them; index data only ever reaches the page as text.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form || !window.fetch) return;
  var input = form.querySelector("#search-input");
  // The results list and the live status exist only where this script runs: the page does not
  // carry their markup (it is on every page, and useless without the script).
  var list = element("div", { id: "search-results", "class": "search-results", role: "listbox",
                              "aria-label": "Search results" });
  list.hidden = true;
  var status = element("p", { "class": "search-status visually-hidden", "aria-live": "polite" });
  form.appendChild(list);
  form.appendChild(status);
  [["role", "combobox"], ["aria-autocomplete", "list"], ["aria-controls", "search-results"],
   ["aria-expanded", "false"]].forEach(function (a) { input.setAttribute(a[0], a[1]); });
  var base = form.getAttribute("data-index") || "/search/";
  var MAX_RESULTS = 8;
  var manifest = null, loading = null, shards = {}, fragments = {}, timer = 0, generation = 0;
  var encoder = new TextEncoder();

  function element(tag, attributes) {
    var e = document.createElement(tag);
    Object.keys(attributes).forEach(function (k) { e.setAttribute(k, attributes[k]); });
    return e;
  }
  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }
  function loadManifest() {
    if (!loading) {
      loading = getJSON(base + "manifest.json").then(function (m) {
        manifest = { pages: m.pages, per: m.fragment_pages, stop: new Set(m.stop), shards: new Set(m.shards) };
        return manifest;
      });
      loading.catch(function () { loading = null; });  // try again on the next keystroke
    }
    return loading;
  }
  function cached(store, key, url) {
    if (!store[key]) {
      store[key] = getJSON(url);
      store[key].catch(function () { delete store[key]; });
    }
    return store[key];
  }

  // The same word characters as the build: letters and digits of any script, not the
  // punctuation and symbol blocks.
  function isWordChar(cp) {
    if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90);
    if (cp <= 0xbf || cp === 0xd7 || cp === 0xf7 || cp === 0xfeff) return false;
    if (cp >= 0x2000 && cp <= 0x2bff) return false;
    if (cp >= 0x3000 && cp <= 0x303f) return false;
    if (cp >= 0xfe00 && cp <= 0xfe0f) return false;
    return true;
  }
  // [{text, start}] of the words of `text`, as it is written.
  function split(text) {
    var out = [], word = "", start = 0, i = 0;
    for (var ch of text) {
      if (isWordChar(ch.codePointAt(0))) {
        if (!word) start = i;
        word += ch;
      } else if (word) {
        out.push({ text: word, start: start });
        word = "";
      }
      i += ch.length;
    }
    if (word) out.push({ text: word, start: start });
    return out;
  }
  function hex(text) {
    var s = "";
    encoder.encode(text).forEach(function (b) { s += (b < 16 ? "0" : "") + b.toString(16); });
    return s;
  }
  // The query's terms; the last is a prefix while the user is still typing it.
  function parse(query) {
    var words = split(query.toLowerCase());
    var open = query.length > 0 && isWordChar(Array.from(query).pop().codePointAt(0));
    var terms = [];
    words.forEach(function (w, i) {
      var prefix = open && i === words.length - 1;
      var chars = Array.from(w.text);
      if (chars.length < 2 || encoder.encode(w.text).length > 40) return;
      if (!prefix && manifest.stop.has(w.text)) return;
      if (terms.some(function (t) { return t.text === w.text; })) return;
      terms.push({ text: w.text, prefix: prefix, chars: chars });
    });
    return terms;
  }
  // The file of the longest listed prefix of the term, or null.
  function shardOf(term) {
    for (var k = term.chars.length; k >= 1; k--) {
      var name = hex(term.chars.slice(0, k).join(""));
      if (manifest.shards.has(name)) return name;
    }
    return null;
  }
  // page -> weight for one term: its own postings, and for a prefix those of its completions.
  function postings(term, shard) {
    var weights = new Map();
    function add(list, factor) {
      var page = 0;
      for (var i = 0; i + 1 < list.length; i += 2) {
        page += list[i];
        var w = list[i + 1] * factor;
        if (!(weights.get(page) >= w)) weights.set(page, w);
      }
    }
    if (!shard) return weights;
    if (Object.prototype.hasOwnProperty.call(shard, term.text)) add(shard[term.text], 1);
    if (term.prefix) {
      Object.keys(shard).forEach(function (key) {
        if (key !== term.text && key.startsWith(term.text)) add(shard[key], 0.8);
      });
    }
    return weights;
  }
  // Pages with more of the query's words first, then by weight, each word's weight scaled by
  // its rarity: a list the build cut at max_postings is a common word's.
  function rank(terms, maps) {
    var scores = new Map();
    maps.forEach(function (m) {
      var rarity = Math.log(1 + manifest.pages / Math.max(1, m.size));
      m.forEach(function (w, page) {
        var s = scores.get(page) || { page: page, hits: 0, weight: 0 };
        s.hits += 1;
        s.weight += w * rarity;
        scores.set(page, s);
      });
    });
    return Array.from(scores.values()).sort(function (a, b) {
      return b.hits - a.hits || b.weight - a.weight || a.page - b.page;
    }).slice(0, MAX_RESULTS);
  }

  function run(query) {
    var mine = ++generation;
    return loadManifest().then(function () {
      var terms = parse(query);
      if (!terms.length) return { terms: terms, pages: [] };
      return Promise.all(terms.map(function (t) {
        var name = shardOf(t);
        return name ? cached(shards, name, base + "t/" + name + ".json") : Promise.resolve(null);
      })).then(function (loaded) {
        var best = rank(terms, terms.map(function (t, i) { return postings(t, loaded[i]); }));
        return Promise.all(best.map(function (b) {
          var k = Math.floor(b.page / manifest.per);
          return cached(fragments, k, base + "p/" + k + ".json").then(function (f) {
            return f[b.page - k * manifest.per];
          });
        })).then(function (pages) { return { terms: terms, pages: pages }; });
      });
    }).then(function (r) {
      if (mine === generation) show(r.terms, r.pages.filter(Boolean), query);
    }).catch(function () {
      if (mine === generation) say("Search is not available");
    });
  }

  // `text` as text nodes, the words that start with a query term in <mark>.
  function highlighted(tag, cls, text, terms) {
    var el = document.createElement(tag), at = 0;
    el.className = cls;
    split(text).forEach(function (w) {
      var lower = w.text.toLowerCase();
      if (!terms.some(function (t) { return t.prefix ? lower.startsWith(t.text) : lower === t.text; })) return;
      el.appendChild(document.createTextNode(text.slice(at, w.start)));
      var mark = document.createElement("mark");
      mark.textContent = w.text;
      el.appendChild(mark);
      at = w.start + w.text.length;
    });
    el.appendChild(document.createTextNode(text.slice(at)));
    return el;
  }
  function say(message) {
    status.textContent = message;
  }
  function show(terms, pages, query) {
    list.replaceChildren();
    // Only the site's own kinds of link: a path or an http(s) address, never javascript:.
    pages = pages.filter(function (p) { return /^(\/|https?:\/\/)/.test(String(p[0])); });
    pages.forEach(function (p, i) {
      var a = document.createElement("a");
      a.className = "search-result";
      a.id = "search-result-" + i;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.href = String(p[0]);
      a.appendChild(highlighted("span", "search-result-title", String(p[1]), terms));
      if (p[2]) a.appendChild(highlighted("span", "search-result-section", String(p[2]), terms));
      if (p[3]) a.appendChild(highlighted("span", "search-result-excerpt", String(p[3]), terms));
      list.appendChild(a);
    });
    if (!pages.length && query.trim()) {
      var none = document.createElement("p");
      none.className = "search-empty";
      none.textContent = "No results";
      list.appendChild(none);
    }
    open(query.trim().length > 0);
    say(query.trim() ? pages.length + (pages.length === 1 ? " result" : " results") : "");
  }
  function open(on) {
    list.hidden = !on;
    input.setAttribute("aria-expanded", on ? "true" : "false");
    if (!on) select(-1);
  }
  function options() {
    return Array.prototype.slice.call(list.querySelectorAll("a.search-result"));
  }
  function select(index) {
    var all = options();
    all.forEach(function (a, i) { a.setAttribute("aria-selected", i === index ? "true" : "false"); });
    if (index >= 0 && all[index]) {
      input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }
  function selected() {
    return options().findIndex(function (a) { return a.getAttribute("aria-selected") === "true"; });
  }

  input.addEventListener("focus", function () { loadManifest().catch(function () {}); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value;
    if (!query.trim()) {
      generation++;
      list.replaceChildren();
      open(false);
      say("");
      return;
    }
    timer = setTimeout(function () { run(query); }, 60);
  });
  input.addEventListener("keydown", function (e) {
    var all = options(), at = selected();
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!all.length) return;
      e.preventDefault();
      open(true);
      var step = e.key === "ArrowDown" ? 1 : -1;
      select(at < 0 ? (step > 0 ? 0 : all.length - 1) : (at + step + all.length) % all.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      var target = all[at >= 0 ? at : 0];
      if (target && !list.hidden) window.location.href = target.href;
    } else if (e.key === "Escape") {
      if (!list.hidden) {
        e.preventDefault();
        open(false);
      } else {
        input.value = "";
      }
    }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  list.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep focus in the box
  document.addEventListener("click", function (e) {
    if (!form.contains(e.target)) open(false);
  });
})();
