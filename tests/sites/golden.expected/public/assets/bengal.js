// bengal default theme: the light/dark switch, and copy buttons on code blocks. The theme
// choice is kept in localStorage; without a choice the system preference applies.
(function () {
  var button = document.querySelector(".theme-toggle");
  if (!button) return;
  button.addEventListener("click", function () {
    var root = document.documentElement;
    var dark = root.dataset.theme
      ? root.dataset.theme === "dark"
      : window.matchMedia("(prefers-color-scheme: dark)").matches;
    root.dataset.theme = dark ? "light" : "dark";
    try { localStorage.setItem("bengal-theme", root.dataset.theme); } catch (e) {}
  });
})();

// Copy buttons: added here, so without JavaScript there is no button that does nothing. A real
// <button> works with Tab, Enter and Space; the result is announced in a polite live region.
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

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) {}
    area.remove();
    return ok ? Promise.resolve() : Promise.reject();
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
    button.type = "button";
    button.className = "code-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code to clipboard");
    button.addEventListener("click", function () {
      var text = codeText(code);
      var done = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(text) : fallbackCopy(text);
      done.then(function () {
        button.textContent = "Copied";
        status.textContent = "Code copied to clipboard";
      }, function () {
        button.textContent = "Copy failed";
        status.textContent = "Could not copy the code";
      });
      setTimeout(function () { button.textContent = "Copy"; status.textContent = ""; }, 2000);
    });
    box.insertBefore(button, box.firstChild);
  });
})();
