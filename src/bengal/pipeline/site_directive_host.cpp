#include "bengal/pipeline/site_directive_host.hpp"

#include <algorithm>
#include <charconv>

#include "bengal/core/html.hpp"
#include "bengal/core/read_set.hpp"
#include "bengal/pipeline/glossary.hpp"
#include "bengal/pipeline/include_lookup.hpp"

namespace fs = std::filesystem;

namespace bengal::pipeline {
namespace {

markdown::ChildEntry child_entry(const site::Site& site, PageId id) {
  const site::PageMeta& m = site.page(id);
  markdown::ChildEntry e;
  e.title = site.str(m.title);
  e.url = site.rel_url(id);
  std::string_view description = site.str(m.description);
  e.description = description.empty() ? first_sentence(site.str(m.summary)) : description;
  if (const Value* params = site.table.page_params(m)) {
    if (const Value* icon = params->find("icon"); icon != nullptr && icon->is_string())
      e.icon = icon->as_string();
  }
  e.is_section = m.kind != content::PageKind::kPage;
  return e;
}

}  // namespace

SiteDirectives::SiteDirectives(const site::Site& site, const fs::path& site_dir,
                               Diagnostics& diagnostics)
    : site_(site), diagnostics_(diagnostics) {
  std::error_code ec;
  roots_.site_dir = fs::weakly_canonical(fs::absolute(site_dir, ec), ec);
  roots_.content_dir = fs::path(site.config.content_dir).lexically_normal().generic_string();
  if (roots_.content_dir.ends_with('/')) roots_.content_dir.pop_back();
  roots_.follow_external_symlinks = site.config.follow_external_symlinks;
}

const std::vector<markdown::GlossaryTerm>& SiteDirectives::glossary() const {
  std::call_once(glossary_once_,
                 [this] { glossary_ = load_glossary(site_, roots_.site_dir, diagnostics_); });
  return glossary_;
}

bool SiteDirectiveHost::read_include(std::string_view from, std::string_view path,
                                     markdown::IncludedFile& out, std::string& error) const {
  const IncludeRoots& roots = shared_.include_roots();
  // The including file's folder; for the page itself, its own folder (a bundle's for its
  // index.md), not its section's; for Markdown of no page, content/.
  fs::path from_dir;
  if (!from.empty()) {
    from_dir = fs::path(std::string(from)).parent_path();
  } else if (page_ != kNoPage) {
    from_dir = (fs::path(roots.content_dir) / std::string(shared_.site().source_path(page_)))
                   .parent_path();
  } else {
    from_dir = roots.content_dir;
  }
  std::string dir = from_dir.generic_string();
  bool found = find_include(roots, dir, path, out, error);
  // What an incremental build checks again: the same lookup, and what it found.
  reads::file_read(include_key(dir, path), found ? include_digest(out) : kIncludeMissing);
  return found;
}

namespace {

// Shortcodes render inside a page's body, and a template may render Markdown again
// (markdownify, a page's content): past this depth a call is an error, not an endless loop.
constexpr int kMaxShortcodeDepth = 4;
thread_local int t_shortcode_depth = 0;

// An argument as Zola passes it: true and false as booleans, whole numbers as integers, the
// rest as text.
templates::Value argument_value(std::string_view text) {
  if (text == "true" || text == "false") return templates::Value::boolean(text == "true");
  int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec == std::errc() && end == text.data() + text.size() && !text.empty())
    return templates::Value::integer(n);
  return templates::Value::string(std::string(text));
}

bool is_position(std::string_view key) {
  return !key.empty() && key.find_first_not_of("0123456789") == std::string_view::npos;
}

// The value at a dotted path ("author.name") below `from`; undefined when a step is missing.
templates::Value at_path(templates::Value from, std::string_view path) {
  for (size_t i = 0; i <= path.size() && !from.is_undefined();) {
    size_t dot = std::min(path.find('.', i), path.size());
    from = from.attr(path.substr(i, dot - i));
    i = dot + 1;
  }
  return from;
}

}  // namespace

// Hugo's param: the page's front matter param of that name (a dotted path), else the site's
// [params] one, as text.
bool SiteDirectiveHost::render_param(const markdown::ShortcodeCall& call, std::string& html,
                                     std::string& error) const {
  std::string_view key;
  for (const auto& [name, value] : call.args)
    if (name == "0" || name == "name") key = value;
  const templates::SiteContext* ctx = shared_.ctx();
  if (key.empty() || ctx == nullptr) {
    error = key.empty() ? "shortcode 'param' names no param; write {{< param \"name\" >}}"
                        : "shortcode 'param' is not rendered here; build the site";
    return false;
  }
  templates::Value v;
  if (page_ != kNoPage) v = at_path(ctx->page(page_).attr("params"), key);
  if (v.is_undefined() || v.is_none()) v = at_path(ctx->params(), key);
  if (v.is_undefined() || v.is_none()) {
    error = "shortcode 'param': neither the page's front matter nor the site's [params] has '" +
            std::string(key) + "'; add it to one of them";
    return false;
  }
  append_html_escaped(html, v.str());
  return true;
}

bool SiteDirectiveHost::render_shortcode(const markdown::ShortcodeCall& call, std::string& html,
                                         std::string& error) const {
  std::string name = "shortcodes/" + std::string(call.name) + ".html";
  const templates::Environment* env = shared_.env();
  bool has_html = env != nullptr && env->exists(name);
  if (call.name == "param" && !has_html) return render_param(call, html, error);
  // Zola's Markdown shortcode, NAME.md where there is no NAME.html: its output is Markdown.
  bool markdown =
      env != nullptr && !has_html && env->exists("shortcodes/" + std::string(call.name) + ".md");
  if (markdown) name.replace(name.size() - 5, 5, ".md");
  if (env == nullptr) {
    error = "shortcode '" + std::string(call.name) + "' is not rendered here; build the site";
    return false;
  }
  if (t_shortcode_depth >= kMaxShortcodeDepth) {
    error = "shortcode '" + std::string(call.name) + "' is nested deeper than " +
            std::to_string(kMaxShortcodeDepth) +
            " levels (through Markdown its template renders); nest less deeply";
    return false;
  }
  templates::List positional;
  templates::Dict named;
  for (const auto& [key, value] : call.args) {
    if (is_position(key)) {
      positional.push_back(argument_value(value));
    } else {
      named.emplace_back(std::string(key), argument_value(value));
    }
  }
  templates::Vars vars;
  for (const auto& [key, value] : named)
    if (key != "args" && key != "params" && key != "include" && key != "body" && key != "page")
      vars.emplace_back(key, value);
  vars.emplace_back("args", templates::Value::list(std::move(positional)));
  templates::Value params = templates::Value::dict(std::move(named));
  vars.emplace_back("include", params);  // Jekyll's include.key
  vars.emplace_back("params", std::move(params));
  vars.emplace_back("body", templates::Value::string(std::string(call.body)));
  if (const templates::SiteContext* ctx = shared_.ctx(); ctx != nullptr && page_ != kNoPage)
    vars.emplace_back("page", ctx->page(page_));
  Diagnostic failure;
  ++t_shortcode_depth;
  std::string markdown_text;
  bool ok = env->render(name, vars, markdown ? markdown_text : html, failure);
  if (ok && markdown && !env->markdown()) {
    html += markdown_text;
  } else if (ok && markdown) {
    // Inside a line of text one paragraph is written without its <p>.
    std::string rendered = env->markdown()(markdown_text);
    html += call.in_text ? without_single_paragraph(rendered) : std::string_view(rendered);
  }
  --t_shortcode_depth;
  if (!ok) error = "shortcode '" + std::string(call.name) + "': " + failure.format();
  return ok;
}

std::vector<markdown::ChildEntry> SiteDirectiveHost::children(markdown::ChildKinds kinds) const {
  std::vector<markdown::ChildEntry> out;
  if (page_ == kNoPage) return out;
  const site::Site& site = shared_.site();
  const site::PageMeta& meta = site.page(page_);
  PageId section = meta.kind == content::PageKind::kPage ? meta.section : page_;
  if (section == kNoPage) return out;
  std::span<const PageId> sections, pages;
  if (kinds != markdown::ChildKinds::kPages) sections = site.sections_of(section);
  if (kinds != markdown::ChildKinds::kSections) pages = site.pages_of(section);
  // Both lists are in display order already; merged, they keep it.
  std::vector<PageId> ids;
  ids.reserve(sections.size() + pages.size());
  std::merge(sections.begin(), sections.end(), pages.begin(), pages.end(), std::back_inserter(ids),
             [&](PageId a, PageId b) { return site::page_order_less(site.table, a, b); });
  out.reserve(ids.size());
  for (PageId id : ids)
    if (id != page_) out.push_back(child_entry(site, id));
  return out;
}

std::string_view first_sentence(std::string_view summary) {
  for (size_t i = 0; i < summary.size(); ++i) {
    char c = summary[i];
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == summary.size() || summary[i + 1] == ' '))
      return summary.substr(0, i + 1);
  }
  return summary;
}

}  // namespace bengal::pipeline
