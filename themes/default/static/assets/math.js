// Renders the math of a page with KaTeX (loaded before this script, from the theme's own
// assets, only on pages where page.has_math is true). The Markdown stage writes
//   <span class="math math-inline">\(tex\)</span>  and  <div class="math math-display">\[tex\]</div>
// so the page shows the TeX source when this does not run. A formula KaTeX cannot parse is
// shown in red with its error (throwOnError false) and the others still render.
(function () {
  if (!window.katex) return;
  function strip(text, open, close) {
    text = text.trim();
    if (text.startsWith(open) && text.endsWith(close) && text.length >= open.length + close.length) {
      return text.slice(open.length, text.length - close.length);
    }
    return text;
  }
  document.querySelectorAll(".math").forEach(function (el) {
    var display = el.classList.contains("math-display");
    var tex = display ? strip(el.textContent, "\\[", "\\]") : strip(el.textContent, "\\(", "\\)");
    try {
      window.katex.render(tex, el, { displayMode: display, throwOnError: false });
    } catch (e) {
      // Left as TeX source: an invalid option or a KaTeX bug must not stop the other formulas.
    }
  });
})();
