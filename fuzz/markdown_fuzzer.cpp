// The Markdown renderer in the modes a build and `bengal md` use: unsafe with heading ids, wiki
// links, a link resolver, directives and every [markdown] option (site builds, with a host
// whose includes give the input back, so include cycles and depth run), safe with the tag filter
// (`[markdown] unsafe = false`, checked to write no script URL), and the discovery scan; then the
// same bytes as an HTML page's body. Every input is valid Markdown: none may crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Includes of "self" give the input itself (a cycle), of anything else a snippet that
// includes "self" again: the include paths, depth and cycle checks all run.
class FuzzHost : public md::DirectiveHost {
 public:
  explicit FuzzHost(std::string_view text) : text_(text) {}
  bool read_include(std::string_view from, std::string_view path, md::IncludedFile& out,
                    std::string& error) const override {
    if (path.empty()) {
      error = "include needs a path";
      return false;
    }
    out.key = std::string(from) + "/" + std::string(path.substr(0, 8));
    out.text = path == "self" ? std::string(text_) : ":::{include} self\n:::\n";
    return true;
  }
  // A site shortcode's template: the call's parts, as a template would write them (escaped).
  bool render_shortcode(const md::ShortcodeCall& call, std::string& html,
                        std::string& error) const override {
    if (call.name == "note") {
      error = "templates/shortcodes/note.html:1:1: error: a template error";
      return false;
    }
    html += "<span>" + std::to_string(call.args.size()) + " " + std::to_string(call.body.size()) +
            "</span>";
    return true;
  }
  std::vector<md::ChildEntry> children(md::ChildKinds) const override {
    return {{"A <b>", "/a b/", "D", "book", true}, {"B", "javascript:x", "", "", false}};
  }
  const std::vector<md::GlossaryTerm>& glossary() const override { return terms_; }

 private:
  std::string_view text_;
  std::vector<md::GlossaryTerm> terms_{{"T", "*x* [l](javascript:y)", {"a"}}};
};

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

  FuzzHost host(text);
  md::Options site;
  site.wiki_links = true;
  site.math = true;
  site.resolve_link = &resolver;
  site.directives = true;
  site.directive_host = &host;
  // The [markdown] options a site may turn on, on here: their code runs on every input.
  site.smart_punctuation = true;
  site.hard_wraps = true;
  site.external_links = {true, true, true};
  site.alerts = true;
  site.lazy_images = true;
  site.site_shortcodes = {"badge", "card", "note"};
  site.definition_lists = true;
  site.block_attributes = true;
  md::render_html(text, site, out);
  md::render_toc_html(out.toc, 1, 6);

  md::Options safe;
  safe.unsafe_html = false;
  safe.tagfilter = true;
  safe.directives = true;
  safe.definition_lists = true;
  safe.block_attributes = true;
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
  md::scan_body(text, {.heading_id_style = md::HeadingIdStyle::kGithub,
                       .smart_punctuation = true,
                       .alerts = true,
                       .definition_lists = true,
                       .block_attributes = true,
                       .site_shortcodes = {"badge", "card", "note"}});

  // The same bytes as an HTML page's body (Hugo's HTML content): scanned, and published as
  // written with its warnings.
  md::BodyScan html = md::scan_html_body(text);
  if (html.summary.size() > md::kSummaryMaxBytes) std::abort();
  out.html.clear();
  out.warnings.clear();
  md::append_html_body(text, out);
  if (out.html != text) std::abort();
  return 0;
}
