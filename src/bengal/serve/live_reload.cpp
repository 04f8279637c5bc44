#include "bengal/serve/live_reload.hpp"

#include <algorithm>
#include <cctype>

#include "bengal/core/html.hpp"

namespace bengal::serve {
namespace {

// "reload": load the page again. "css": re-fetch every stylesheet (a new query string
// defeats the cache) and drop the old <link> once the new one applies, so the page does not
// flash unstyled. "build-error": show the overlay; textContent keeps the text inert. The
// data comes with newlines escaped (reload_channel.cpp).
constexpr std::string_view kScript = R"(<script data-bengal-live-reload>
(() => {
  const overlay = (text) => {
    let box = document.getElementById("bengal-error-overlay");
    if (!box) {
      box = document.createElement("pre");
      box.id = "bengal-error-overlay";
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;margin:0;padding:2em;overflow:auto;background:rgba(20,0,0,.92);color:#fdd;font:14px/1.5 monospace;white-space:pre-wrap";
      document.body.append(box);
    }
    box.textContent = text;
  };
  const events = new EventSource("/__bengal/events");
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("css", () => {
    document.getElementById("bengal-error-overlay")?.remove();
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set("bengal-reload", Date.now());
      const fresh = link.cloneNode();
      fresh.href = url.href;
      fresh.onload = () => link.remove();
      link.after(fresh);
    }
  });
  events.addEventListener("build-error", (e) =>
    overlay("bengal: the site did not build; the last good version is shown.\n\n" +
            e.data.replace(/\\(n|\\)/g, (_, c) => (c === "n" ? "\n" : "\\"))));
})();
</script>
)";

// The last "</body" in any case, or npos.
size_t find_body_end(std::string_view html) {
  constexpr std::string_view kTag = "</body";
  for (size_t at = html.rfind("</"); at != std::string_view::npos;
       at = at == 0 ? std::string_view::npos : html.rfind("</", at - 1)) {
    if (at + kTag.size() > html.size()) continue;
    bool same =
        std::equal(kTag.begin(), kTag.end(), html.begin() + static_cast<long>(at),
                   [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
    if (same) return at;
  }
  return std::string_view::npos;
}

}  // namespace

std::string inject_live_reload(std::string_view html, std::string_view build_errors) {
  std::string snippet;
  if (!build_errors.empty()) {
    snippet +=
        "<pre id=\"bengal-error-overlay\" style=\"position:fixed;inset:0;z-index:2147483647;"
        "margin:0;padding:2em;overflow:auto;background:rgba(20,0,0,.92);color:#fdd;"
        "font:14px/1.5 monospace;white-space:pre-wrap\">bengal: the site did not build; the "
        "last good version is shown.\n\n";
    append_html_escaped(snippet, build_errors);
    snippet += "</pre>\n";
  }
  snippet += kScript;
  size_t at = find_body_end(html);
  if (at == std::string_view::npos) at = html.size();
  std::string out;
  out.reserve(html.size() + snippet.size());
  out.append(html.substr(0, at));
  out += snippet;
  out.append(html.substr(at));
  return out;
}

}  // namespace bengal::serve
