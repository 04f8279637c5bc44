// bengal default theme: the colour theme toggle, heading anchors, the table of contents, tabs
// and copy buttons on code blocks. Every page reads fine without this script: it only enhances
// what is there (tabs stay stacked panes with in-page links, code stays selectable). Failures,
// such as a browser without localStorage or the Clipboard API, never stop the rest.

// The tab CSS keys on this class, set here rather than in an inline script in <head>: if this
// file fails to load, the panes stay readable instead of hidden behind tabs that do nothing.
document.documentElement.classList.add("bengal-js");

// Colour theme: the toggle cycles system -> light -> dark -> system. "system" stores nothing and
// follows prefers-color-scheme live (the stylesheet's media query); light and dark are kept in
// localStorage and restored before the first paint by the inline script in base.html. The
// button's accessible name and data-choice say the current state. The button is made here, at
// the end of the site header: without the script it could do nothing.
(function () {
  var header = document.querySelector(".site-header");
  if (!header) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "theme-toggle";
  button.textContent = "\u25D0";  // ◐
  header.appendChild(button);
  var KEY = "bengal-theme";
  var ORDER = ["system", "light", "dark"];
  var root = document.documentElement;

  function current() {
    var t = root.dataset.theme;
    return t === "light" || t === "dark" ? t : "system";
  }
  function show(choice) {
    var next = ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length];
    button.setAttribute("data-choice", choice);
    button.setAttribute("aria-label", "Colour theme: " + choice);
    button.title = "Colour theme: " + choice + " (switch to " + next + ")";
  }
  function apply(choice, store) {
    if (choice === "system") delete root.dataset.theme;
    else root.dataset.theme = choice;
    if (store) {
      try {
        if (choice === "system") localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, choice);
      } catch (e) {}
    }
    show(choice);
  }

  show(current());
  button.addEventListener("click", function () {
    apply(ORDER[(ORDER.indexOf(current()) + 1) % ORDER.length], true);
  });
  // The choice made in another tab of the site.
  window.addEventListener("storage", function (event) {
    if (event.key !== KEY) return;
    var v = event.newValue;
    apply(v === "light" || v === "dark" ? v : "system", false);
  });
})();

// Heading anchors: a link to each h2-h4 of the content that has an id, shown on hover and on
// keyboard focus, so a reader can copy the address of a section. Added here rather than by
// the Markdown renderer, whose output stays what the conformance tests compare.
(function () {
  var headings = document.querySelectorAll(
    "main .content h2[id], main .content h3[id], main .content h4[id]");
  headings.forEach(function (h) {
    if (h.querySelector(".heading-anchor")) return;
    var a = document.createElement("a");
    a.className = "heading-anchor";
    a.href = "#" + encodeURIComponent(h.id);
    a.setAttribute("aria-label", "Link to this section: " + h.textContent.trim());
    a.textContent = "#";
    h.appendChild(a);
  });
})();

// Table of contents: open in its column on wide screens, closed (one tap away) above the text on
// narrow ones; the link of the section being read is marked with aria-current.
(function () {
  var toc = document.querySelector("nav.toc");
  if (!toc) return;
  var details = toc.querySelector("details");
  var wide = window.matchMedia("(min-width: 75rem)");
  function fit() { if (details) details.open = wide.matches; }
  fit();
  if (wide.addEventListener) wide.addEventListener("change", fit);

  if (!("IntersectionObserver" in window)) return;
  var links = {};
  var targets = [];
  toc.querySelectorAll("a[href^='#']").forEach(function (a) {
    var id;
    try { id = decodeURIComponent(a.getAttribute("href").slice(1)); } catch (e) { return; }
    var target = document.getElementById(id);
    if (!target) return;
    links[id] = a;
    targets.push(target);
  });
  if (!targets.length) return;
  var visible = {};
  function mark() {
    // The first heading in document order that is on screen, else the last one above it.
    var chosen = null;
    for (var i = 0; i < targets.length; i++) {
      if (visible[targets[i].id]) { chosen = targets[i]; break; }
      if (targets[i].getBoundingClientRect().top < 0) chosen = targets[i];
    }
    Object.keys(links).forEach(function (id) {
      if (chosen && chosen.id === id) links[id].setAttribute("aria-current", "location");
      else links[id].removeAttribute("aria-current");
    });
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { visible[e.target.id] = e.isIntersecting; });
    mark();
  });
  targets.forEach(function (t) { observer.observe(t); });
})();

// Tabs (the tab-set, code-tabs and tab-item directives): ARIA tabs with automatic activation.
// Arrow keys move between tabs, Home and End go to the first and last; only the selected tab is
// in the Tab order. A tab with a sync key (data-sync on the link, its <li> or its pane) selects
// the tabs with the same key in every tab set of the page, and the choice is remembered.
(function () {
  var SYNC_STORE = "bengal-tab-sync";
  var SYNC_KEEP = 10;  // most recent sync keys remembered
  var sets = [];

  function readSync() {
    try {
      var keys = JSON.parse(localStorage.getItem(SYNC_STORE) || "[]");
      return Array.isArray(keys) ? keys : [];
    } catch (e) { return []; }
  }
  function rememberSync(key) {
    var keys = readSync().filter(function (k) { return k !== key; });
    keys.unshift(key);
    try { localStorage.setItem(SYNC_STORE, JSON.stringify(keys.slice(0, SYNC_KEEP))); } catch (e) {}
  }

  function children(parent, selector) {
    return parent ? Array.prototype.filter.call(parent.children, function (c) {
      return c.matches(selector);
    }) : [];
  }

  // Pairs each link with its pane: by data-tab-target (or "#id" in href) inside this set, since
  // two identical tab sets on a page share ids; else by position.
  function buildSet(root) {
    var nav = children(root, ".tab-nav")[0];
    var panes = children(children(root, ".tab-content")[0], ".tab-pane");
    var tabs = [];
    children(nav, "li").forEach(function (li, i) {
      var link = children(li, "a")[0];
      if (!link) return;
      var target = link.getAttribute("data-tab-target") ||
        (link.getAttribute("href") || "").replace(/^#/, "");
      var pane = panes.filter(function (p) { return p.id && p.id === target; })[0] || panes[i];
      if (!pane) return;
      var sync = link.getAttribute("data-sync") || li.getAttribute("data-sync") ||
        pane.getAttribute("data-sync") || "";
      tabs.push({ li: li, link: link, pane: pane, sync: sync });
    });
    if (!tabs.length) return null;
    nav.setAttribute("role", "tablist");
    tabs.forEach(function (t) {
      t.li.setAttribute("role", "presentation");
      t.link.setAttribute("role", "tab");
      if (!t.link.id) t.link.id = (t.pane.id || "tab") + "-tab";
      if (t.pane.id) t.link.setAttribute("aria-controls", t.pane.id);
      t.pane.setAttribute("role", "tabpanel");
      t.pane.setAttribute("aria-labelledby", t.link.id);
      t.pane.tabIndex = 0;
    });
    return { root: root, nav: nav, tabs: tabs };
  }

  function select(set, index) {
    set.tabs.forEach(function (t, i) {
      var on = i === index;
      t.li.classList.toggle("active", on);
      t.pane.classList.toggle("active", on);
      t.link.setAttribute("aria-selected", on ? "true" : "false");
      t.link.tabIndex = on ? 0 : -1;
    });
  }

  function selectSync(key) {
    sets.forEach(function (s) {
      for (var i = 0; i < s.tabs.length; i++) {
        if (s.tabs[i].sync === key) { select(s, i); return; }
      }
    });
  }

  function activate(set, index, focus) {
    var tab = set.tabs[index];
    if (tab.sync) {
      selectSync(tab.sync);
      rememberSync(tab.sync);
    } else {
      select(set, index);
    }
    if (focus) tab.link.focus();
  }

  function onKey(set, event) {
    var current = set.tabs.findIndex(function (t) { return t.link === document.activeElement; });
    if (current < 0) return;
    var n = set.tabs.length;
    var next = {
      ArrowRight: (current + 1) % n, ArrowLeft: (current - 1 + n) % n, Home: 0, End: n - 1
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    activate(set, next, true);
  }

  // An in-page link to a pane (the nav's own links without JavaScript, or a link from elsewhere)
  // selects it.
  function showHash() {
    var target = null;
    try { target = document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (e) {}
    if (!target) return;
    sets.forEach(function (s) {
      s.tabs.forEach(function (t, i) {
        if (t.pane.contains(target)) select(s, i);
      });
    });
  }

  // code-tabs may be written without the tabs class; both take the same markup inside.
  document.querySelectorAll(".tabs, .code-tabs").forEach(function (root) {
    var set = buildSet(root);
    if (!set) return;
    sets.push(set);
    var first = set.tabs.findIndex(function (t) {
      return t.li.classList.contains("active") || t.pane.classList.contains("active");
    });
    select(set, first < 0 ? 0 : first);
    set.tabs.forEach(function (t, i) {
      t.link.addEventListener("click", function (event) {
        event.preventDefault();
        activate(set, i, false);
      });
    });
    set.nav.addEventListener("keydown", function (event) { onKey(set, event); });
  });
  // Oldest remembered key first, so the most recent choice wins where two apply.
  readSync().slice().reverse().forEach(function (key) {
    if (typeof key === "string" && key) selectSync(key);
  });
  showHash();
  window.addEventListener("hashchange", showHash);
})();

// Copy buttons on every code block, highlighted or plain: added here, so without JavaScript
// there is no button that does nothing. A real <button> works with Tab, Enter and Space; the
// result is announced in a polite live region. Line numbers are left out of the copy.
(function () {
  var blocks = document.querySelectorAll("pre > code");
  if (!blocks.length) return;
  var status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function codeText(code) {
    var copy = code.cloneNode(true);
    copy.querySelectorAll(".linenos").forEach(function (n) { n.remove(); });
    return copy.textContent;
  }

  // For browsers without the asynchronous Clipboard API, or pages it is not allowed on.
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) {}
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      try {
        return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
      } catch (e) {}
    }
    return fallbackCopy(text);
  }

  blocks.forEach(function (code) {
    var pre = code.parentNode;
    var box = pre.parentNode;
    if (!box.classList.contains("rosettes") && !box.classList.contains("highlight")) {
      box = document.createElement("div");
      box.className = "code-block";
      pre.parentNode.insertBefore(box, pre);
      box.appendChild(pre);
    }
    var button = document.createElement("button");
    var timer = 0;
    button.type = "button";
    button.className = "code-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code to clipboard");
    function show(label, message, state) {
      button.textContent = label;
      button.setAttribute("data-state", state);
      status.textContent = message;
      clearTimeout(timer);
      timer = setTimeout(function () {
        button.textContent = "Copy";
        button.removeAttribute("data-state");
        status.textContent = "";
      }, 2000);
    }
    button.addEventListener("click", function () {
      copy(codeText(code)).then(function () {
        show("Copied", "Copied", "copied");
      }, function () {
        show("Copy failed", "Copy failed: select the code and copy it by hand", "failed");
      });
    });
    box.insertBefore(button, box.firstChild);
  });
})();

// Code blocks wider than their column scroll sideways; a keyboard user reaches the scroll only if
// the block can take focus (WCAG 2.1.1), so such blocks join the Tab order (as GitHub's do).
// Blocks that fit stay out of it. Checked again when the window is resized.
(function () {
  function update() {
    document.querySelectorAll("main pre").forEach(function (pre) {
      if (pre.scrollWidth > pre.clientWidth) {
        pre.setAttribute("tabindex", "0");
      } else if (pre.getAttribute("tabindex") === "0") {
        pre.removeAttribute("tabindex");
      }
    });
  }
  var timer = 0;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  update();
})();

// Navigation: the mobile menu, the main menu's "More" and the section tree's toggles. The
// buttons are made here, so without this script there is no button that does nothing (and
// no page carries their markup): the menu and the tree are then plain lists (the CSS folds
// them only under .bengal-js).
(function () {
  var root = document.documentElement;

  // A collapsed or expanded button for the element with id `controls`, put before `before`.
  function makeButton(className, controls, expanded, label, before) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.setAttribute("aria-controls", controls);
    button.setAttribute("aria-expanded", expanded ? "true" : "false");
    if (typeof label === "string") button.textContent = label;
    else button.appendChild(label);
    before.parentNode.insertBefore(button, before);
    return button;
  }

  // A disclosure: `button` shows or hides what its aria-controls names (by aria-expanded, which
  // the CSS reads, or by toggling `hidden` on the target when `useHidden` is set).
  function disclosure(button, useHidden, onChange) {
    var target = document.getElementById(button.getAttribute("aria-controls"));
    if (!target) return null;
    function set(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (useHidden) target.hidden = !open;
      if (onChange) onChange(open);
    }
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    return { button: button, target: target, set: set,
      open: function () { return button.getAttribute("aria-expanded") === "true"; } };
  }

  // Escape closes the innermost open disclosure that holds the focus (or the last opened one)
  // and gives the focus back to its button.
  var open = [];
  function track(d, open_) {
    var i = open.indexOf(d);
    if (i >= 0) open.splice(i, 1);
    if (open_) open.push(d);
  }
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || !open.length) return;
    var d = open[open.length - 1];
    for (var i = open.length - 1; i >= 0; i--) {
      if (open[i].target.contains(document.activeElement)) { d = open[i]; break; }
    }
    d.set(false);
    d.button.focus();
  });

  // "More" in the main menu: closes on a click elsewhere or when the focus leaves it.
  var moreList = document.querySelector(".menu-more > .menu-more-list[id]");
  var moreButton = moreList && makeButton("menu-more-toggle", moreList.id, false, "More", moreList);
  if (moreButton) {
    var more = disclosure(moreButton, false, function (o) { track(more, o); });
    if (more) {
      document.addEventListener("click", function (e) {
        if (more.open() && !moreButton.parentNode.contains(e.target)) more.set(false);
      });
      moreButton.parentNode.addEventListener("focusout", function (e) {
        if (more.open() && e.relatedTarget && !moreButton.parentNode.contains(e.relatedTarget))
          more.set(false);
      });
    }
  }

  // The mobile menu: opening it shows the main menu and the section tree and moves the focus
  // to the first link of the menu; Escape closes it and returns the focus to the button.
  var siteMenu = document.getElementById("site-menu");
  var menuButton = siteMenu && makeButton("menu-toggle", "site-menu", false, "Menu", siteMenu);
  if (menuButton) {
    var menu = disclosure(menuButton, false, function (o) {
      root.classList.toggle("menu-open", o);
      track(menu, o);
      if (o) {
        var first = menu.target.querySelector("a[href], button:not([hidden])") ||
          document.querySelector(".sidebar a[href]");
        if (first) first.focus();
      }
    });
    // Back to a wide screen: nothing stays folded open behind a hidden button.
    var wide = window.matchMedia ? window.matchMedia("(min-width: 48.01rem)") : null;
    if (wide && menu) {
      var reset = function () { if (wide.matches && menu.open()) menu.set(false); };
      if (wide.addEventListener) wide.addEventListener("change", reset);
    }
  }

  // The section tree: each expanded section (li.open, its entries in a ul with an id) can be
  // folded; the button is named by the section's link.
  var levels = document.querySelectorAll(".sidebar li.open > ul[id]");
  for (var i = 0; i < levels.length; i++) {
    var link = levels[i].parentNode.querySelector(":scope > a");
    var name = document.createElement("span");
    name.className = "visually-hidden";
    name.textContent = link ? link.textContent : "Section";
    disclosure(makeButton("nav-toggle", levels[i].id, true, name,
                          levels[i].parentNode.firstChild), true, null);
  }
})();
