// bengal default theme: the light/dark switch. The choice is kept in localStorage; without a
// choice the system preference applies.
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
