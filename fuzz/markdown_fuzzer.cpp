// The Markdown renderer in the modes a build and `bengal md` use: unsafe with heading ids, wiki
// links and a link resolver (site builds), safe with the tag filter (`[markdown] unsafe =
// false`, checked to write no script URL), and the discovery scan. Every input is valid
// Markdown: none may crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "bengal/markdown/entities.hpp"
#include "bengal/markdown/markdown.hpp"
#include "bengal/markdown/url_safety.hpp"

namespace md = bengal::markdown;

namespace {

// Rewrites some destinations and marks others broken, as the site's xref resolver does, so the
// rewrite paths of the renderer run too.
std::optional<md::LinkRewrite> resolve(std::string_view dest, bool wiki) {
  if (dest.empty()) return std::nullopt;
  if (wiki || dest.front() == '@') return md::LinkRewrite{"/resolved/" + std::string(dest), false};
  if (dest.front() == '!') return md::LinkRewrite{std::string(dest), true};
  return std::nullopt;
}

// Safe mode's promise, checked on the HTML as a browser reads it: no href or src attribute,
// once its character references are decoded, holds a script or document URL.
bool safe_urls_only(std::string_view html) {
  for (std::string_view attr : {" href=\"", " src=\""}) {
    for (size_t at = html.find(attr); at != std::string_view::npos; at = html.find(attr, at + 1)) {
      size_t start = at + attr.size();
      std::string_view value = html.substr(start, html.find('"', start) - start);
      std::string decoded;
      for (size_t i = 0; i < value.size(); ++i) {
        size_t semi = value[i] == '&' ? value.find(';', i) : std::string_view::npos;
        if (semi == std::string_view::npos) {
          decoded += value[i];
        } else {
          md::append_entity(decoded, value.substr(i, semi + 1 - i));
          i = semi;
        }
      }
      if (md::is_dangerous_url(decoded)) return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const md::LinkResolver resolver = resolve;
  md::Rendered out;

  md::Options site;
  site.wiki_links = true;
  site.math = true;
  site.resolve_link = &resolver;
  md::render_html(text, site, out);
  md::render_toc_html(out.toc, 1, 6);

  md::Options safe;
  safe.unsafe_html = false;
  safe.tagfilter = true;
  out.html.clear();
  out.toc.clear();
  md::render_html(text, safe, out);
  if (!safe_urls_only(out.html)) std::abort();

  md::Options spec;  // `bengal md`: exact CommonMark, no heading ids
  spec.heading_ids = false;
  spec.gfm = false;
  out.html.clear();
  md::render_html(text, spec, out);

  md::scan_body(text);
  return 0;
}
