#include "bengal/markdown/link_destination.hpp"

#include "bengal/core/html.hpp"
#include "bengal/markdown/html_escaping.hpp"
#include "bengal/markdown/url_safety.hpp"

namespace bengal::markdown {

bool append_link_destination(std::string& out, std::string& dest, bool wiki,
                             const Options& options) {
  bool broken = false;
  if (options.resolve_link != nullptr) {
    if (auto rewritten = (*options.resolve_link)(dest, wiki)) {
      dest = std::move(rewritten->href);
      broken = rewritten->broken;
    }
  }
  // Safe mode writes an empty destination for a script or document URL, as cmark-gfm does.
  if (!options.unsafe_html && is_dangerous_url(dest)) return broken;
  append_url_escaped(out, dest);
  return broken;
}

WikiLinkOpen append_wiki_link_open(std::string& out, std::string& target, bool has_text,
                                   const Options& options) {
  WikiLinkOpen open;
  std::optional<LinkRewrite> r;
  if (options.resolve_link != nullptr) r = (*options.resolve_link)(target, true);
  if (r && r->code) {
    out += "<code class=\"";
    append_html_escaped(out, r->css_class);
    out += "\">";
    open.code = true;
    if (has_text) open.text = std::move(r->text);
    return open;
  }
  out += "<a href=\"";
  std::string css_class;
  if (r) {
    target = std::move(r->href);
    if (r->broken) css_class = "broken-link";
    if (!r->css_class.empty()) css_class += css_class.empty() ? r->css_class : " " + r->css_class;
    if (!has_text && !r->text.empty()) {
      open.text = std::move(r->text);
      open.hide_text = true;
    }
  }
  if (options.unsafe_html || !is_dangerous_url(target)) append_url_escaped(out, target);
  out += '"';
  if (!css_class.empty()) {
    out += " class=\"";
    append_html_escaped(out, css_class);
    out += '"';
  }
  out += '>';
  return open;
}

bool parse_external_ref(std::string_view wiki_target, ExternalRef& out) {
  if (!wiki_target.starts_with("ext:")) return false;
  std::string_view rest = wiki_target.substr(4);
  size_t colon = rest.find(':');
  if (colon == std::string_view::npos) return false;
  out.project = rest.substr(0, colon);
  out.target = rest.substr(colon + 1);
  return true;
}

size_t wiki_target_hidden_prefix(std::string_view wiki_target) {
  if (ExternalRef ext; parse_external_ref(wiki_target, ext))
    return wiki_target.size() - ext.target.size();
  if (wiki_target.starts_with('!')) return 1;
  if (wiki_target.starts_with("id:")) return 3;
  return 0;
}

}  // namespace bengal::markdown
