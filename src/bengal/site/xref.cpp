#include "bengal/site/xref.hpp"

#include <algorithm>
#include <vector>

#include "bengal/content/markdown_files.hpp"
#include "bengal/core/read_set.hpp"
#include "bengal/core/string_pool.hpp"
#include "bengal/core/unicode_case.hpp"
#include "bengal/core/url_path.hpp"
#include "bengal/markdown/heading_ids.hpp"
#include "bengal/markdown/hugo_shortcodes.hpp"

namespace bengal::site {
namespace {

// A target of `status` that names no page (a missing page, an unknown project).
LinkTarget pageless(LinkTarget::Status status) {
  LinkTarget t;
  t.status = status;
  return t;
}

// Resolves "." and ".." in a '/'-separated relative path; nullopt-like empty result with
// `ok = false` when it climbs above the root.
std::string normalize_path(std::string_view path, bool& ok) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  ok = true;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(start, slash - start);
    start = slash + 1;
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (parts.empty()) {
        ok = false;
        return {};
      }
      parts.pop_back();
      continue;
    }
    parts.push_back(seg);
  }
  std::string out;
  for (auto p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

std::string_view dir_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

template <typename Map, typename Key>
PageId lookup(const Map& map, const Key& key) {
  auto it = map.find(key);
  return it == map.end() ? kNoPage : it->second;
}

}  // namespace

XrefIndex::XrefIndex(const content::PageTable& table, std::span<const PageId> pages, bool raw_html)
    : table_(&table) {
  // Sized once: growing them a rehash at a time was a third of their cost at 50K pages.
  paths_.reserve(pages.size() * 2);
  stems_.reserve(pages.size());
  urls_.reserve(pages.size());
  for (PageId id : pages) {
    const auto& m = table.pages[id];
    paths_.add(table, id, PageKey::kPath, false);
    paths_.add(table, id, PageKey::kStem, false);
    // A section or bundle is also known by its folder: "docs" for docs/_index.md.
    std::string_view stem = page_key(table, id, PageKey::kStem);
    if (stem == "_index" || stem.ends_with("/_index") || stem.ends_with("/index"))
      paths_.add(table, id, PageKey::kFolder, false);
    else
      stems_.add(table, id, PageKey::kName, true);
    if (m.slug != kEmptyStr) slugs_.add(table, id, PageKey::kSlug, true);
    if (const Value* params = table.page_params(m)) {
      if (const Value* v = params->find("id"); v && v->is_string() && !v->as_string().empty())
        ids_.emplace(v->as_string(), id);  // pages come in source path order
    }
    for (StrId t : table.list(table.extras_of(m).targets)) targets_.emplace(table.str(t), id);
    urls_.add(table, id, PageKey::kUrl, false);
  }
  // A page's anchors: its heading ids (and targets), then its raw HTML's ids when published.
  auto html_ids = [&](PageId id) {
    bool published = raw_html || table.is_html_page(id);
    return published ? table.extras_of(table.pages[id]).html_ids : content::StrRange{};
  };
  anchor_offsets_.assign(table.pages.size() + 1, 0);
  for (PageId id : pages)
    anchor_offsets_[id + 1] = table.pages[id].anchors.count + html_ids(id).count;
  for (size_t i = 0; i < table.pages.size(); ++i) anchor_offsets_[i + 1] += anchor_offsets_[i];
  sorted_anchors_.resize(anchor_offsets_.back());
  ColdPass cold(table.strings);  // anchors are cold text
  for (PageId id : pages) {
    auto headings = table.list(table.pages[id].anchors);
    auto html = table.list(html_ids(id));
    auto first = sorted_anchors_.begin() + anchor_offsets_[id];
    auto last =
        std::copy(html.begin(), html.end(), std::copy(headings.begin(), headings.end(), first));
    std::sort(first, last, [&](StrId a, StrId b) { return table.str(a) < table.str(b); });
    cold.next();
  }
}

PageId XrefIndex::by_path(std::string_view path) const {
  bool ok = true;
  std::string norm = normalize_path(path, ok);
  return ok ? paths_.find(*table_, norm) : kNoPage;
}

std::string_view XrefIndex::similar_anchor(PageId page, std::string_view anchor) const {
  constexpr size_t kMostIds = 1000;
  if (static_cast<size_t>(page) + 1 >= anchor_offsets_.size()) return {};
  size_t first = anchor_offsets_[page], last = anchor_offsets_[page + 1];
  if (last - first > kMostIds) return {};
  auto plain = [](std::string_view id) { return markdown::HeadingIds().assign(id, {}); };
  std::string wanted = plain(anchor);
  for (size_t i = first; i < last; ++i) {
    std::string_view id = table_->str(sorted_anchors_[i]);
    if (id != anchor && plain(id) == wanted) return id;
  }
  return {};
}

LinkTarget XrefIndex::with_anchor(PageId page, std::string_view anchor) const {
  LinkTarget t{LinkTarget::Status::kResolved, page, std::string(anchor), {}, {}};
  if (anchor.empty()) return t;
  // The page's anchors come from its body (headings, targets), not its head: a render that
  // looked one up depends on the whole page, so a body edit renders it again.
  reads::page_read(page);
  auto first = sorted_anchors_.begin() + anchor_offsets_[page];
  auto last = sorted_anchors_.begin() + anchor_offsets_[page + 1];
  auto it = std::lower_bound(first, last, anchor,
                             [&](StrId a, std::string_view key) { return table_->str(a) < key; });
  if (it != last && table_->str(*it) == anchor) return t;
  // Without an element of that id, "#top" is the top of the page (HTML's "scroll to the
  // fragment"), in any case.
  if (equals_ascii_ignoring_case(anchor, "top")) return t;
  t.status = LinkTarget::Status::kMissingAnchor;
  return t;
}

LinkTarget XrefIndex::resolve_link(PageId from, std::string_view written) const {
  if (written.starts_with(markdown::kHugoRefScheme))
    return resolve_hugo_ref(from, written.substr(markdown::kHugoRefScheme.size()));
  if (written.empty() || has_url_scheme(written) || written.starts_with("//")) return {};
  // Split as a browser splits a URL, then decoded as it decodes before it looks for a file
  // or an element: "my%20page.md" is "my page.md", and "a%23b.md" a file named "a#b.md".
  std::string_view path = written, query, anchor;
  if (size_t hash = path.find('#'); hash != std::string_view::npos) {
    anchor = path.substr(hash + 1);
    path = path.substr(0, hash);
  }
  if (size_t q = path.find('?'); q != std::string_view::npos) {
    query = path.substr(q);
    path = path.substr(0, q);
  }
  std::string decoded_path, decoded_anchor;
  if (path.find('%') != std::string_view::npos) path = decoded_path = percent_decoded(path);
  if (anchor.find('%') != std::string_view::npos) anchor = decoded_anchor = percent_decoded(anchor);
  LinkTarget t = resolve_path(from, path, anchor);
  // "a.md?tab=2" goes to the page's URL with its query, as written.
  if (t.status == LinkTarget::Status::kResolved || t.status == LinkTarget::Status::kMissingAnchor)
    t.query = query;
  return t;
}

LinkTarget XrefIndex::resolve_path(PageId from, std::string_view dest,
                                   std::string_view anchor) const {
  if (dest.empty()) return with_anchor(from, anchor);  // "#x": this page
  // The page of a source path (from the content root), or a missing page.
  auto source = [&](std::string_view path) {
    PageId id = by_path(path);
    return id == kNoPage ? pageless(LinkTarget::Status::kMissingPage) : with_anchor(id, anchor);
  };
  // An HTML file is a page when it has front matter, else a file copied as it is.
  auto html_source = [&](std::string_view path) {
    PageId id = by_path(path);
    return id == kNoPage ? LinkTarget{} : with_anchor(id, anchor);
  };
  // Zola's internal link: "@/blog/post.md" is the page of content/blog/post.md.
  if (dest.starts_with("@/")) return source(dest.substr(2));
  if (dest.starts_with('/')) {
    // A site path: a page's URL, or a source path from the content root.
    std::string url(dest);
    // "/docs/guide" is the page at "/docs/guide/"; "/img/a.png" a file (a dot in its last part).
    size_t dot = url.rfind('.');
    if (!url.ends_with('/') && (dot == std::string::npos || dot < url.rfind('/'))) url += '/';
    if (PageId id = urls_.find(*table_, url); id != kNoPage) return with_anchor(id, anchor);
    if (content::is_markdown_file(dest)) return source(dest.substr(1));
    if (content::is_html_file(dest)) return html_source(dest.substr(1));
    return {};  // an asset or a page outside bengal's knowledge
  }
  // Relative links to files and folders stay as written.
  bool html = content::is_html_file(dest);
  if (!content::is_markdown_file(dest) && !html) return {};
  std::string_view from_path = table_->str(table_->pages[from].source_path);
  std::string joined = std::string(dir_of(from_path));
  if (!joined.empty()) joined += '/';
  joined += dest;
  return html ? html_source(joined) : source(joined);
}

void XrefIndex::set_external_templates(const Value* templates) {
  templates_.clear();
  if (templates == nullptr || !templates->is_table()) return;
  for (const auto& [project, v] : templates->as_table())
    if (v.is_string()) templates_.emplace(project, v.as_string());
}

void XrefIndex::set_external_indexes(const Value* indexes) {
  indexes_.clear();
  if (indexes == nullptr || !indexes->is_array()) return;
  for (const Value& index : indexes->as_array()) {
    const Value* name = index.find("name");
    const Value* url = index.find("url");
    if (name && name->is_string() && url && url->is_string())
      indexes_.emplace(name->as_string(), url->as_string());
  }
}

std::string_view XrefIndex::external_index(std::string_view project) const {
  auto it = indexes_.find(std::string(project));
  return it == indexes_.end() ? std::string_view() : std::string_view(it->second);
}

namespace {

// A template's {target}, {module}, {name} and {name_lower} filled from "module.name"; any
// other {...} is kept as written.
std::string expand_template(std::string_view tmpl, std::string_view target) {
  size_t dot = target.rfind('.');
  std::string_view module = dot == std::string_view::npos ? target : target.substr(0, dot);
  std::string_view name = dot == std::string_view::npos ? target : target.substr(dot + 1);
  std::string name_lower(name);
  for (char& c : name_lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  const std::pair<std::string_view, std::string_view> vars[] = {
      {"{target}", target}, {"{module}", module}, {"{name}", name}, {"{name_lower}", name_lower}};
  std::string out;
  for (size_t i = 0; i < tmpl.size();) {
    bool replaced = false;
    for (const auto& [key, value] : vars) {
      if (tmpl.substr(i).starts_with(key)) {
        out += value;
        i += key.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += tmpl[i++];
  }
  return out;
}

}  // namespace

LinkTarget XrefIndex::resolve_hugo_ref(PageId from, std::string_view target) const {
  if (!target.starts_with('/')) {
    std::string_view path = target.substr(0, target.find('#'));
    std::string joined(dir_of(table_->str(table_->pages[from].source_path)));
    if (!joined.empty()) joined += '/';
    if (PageId id = by_path(joined + std::string(path)); id != kNoPage)
      return with_anchor(id, target.substr(std::min(target.size(), path.size() + 1)));
  }
  LinkTarget t = resolve_wiki(from, target);
  // "post.md" is also the page of a unique file of that name anywhere, as a wiki link's "post".
  std::string_view path = target.substr(0, target.find('#'));
  size_t dot = path.rfind('.');
  if (t.status != LinkTarget::Status::kMissingPage || dot == std::string_view::npos ||
      path.find('/') != std::string_view::npos || !content::is_markdown_file(path))
    return t;
  return resolve_wiki(from,
                      std::string(path.substr(0, dot)) + std::string(target.substr(path.size())));
}

LinkTarget XrefIndex::resolve_wiki(PageId from, std::string_view target) const {
  if (ExternalRef ext; parse_external_ref(target, ext)) {
    auto it = templates_.find(std::string(ext.project));
    if (it == templates_.end()) return pageless(LinkTarget::Status::kUnknownProject);
    return {
        LinkTarget::Status::kExternal, kNoPage, {}, expand_template(it->second, ext.target), {}};
  }
  if (target.starts_with('!')) {
    PageId id = lookup(targets_, target.substr(1));
    if (id == kNoPage) return pageless(LinkTarget::Status::kMissingPage);
    return with_anchor(id, target.substr(1));
  }
  std::string_view anchor;
  if (size_t hash = target.find('#'); hash != std::string_view::npos) {
    anchor = target.substr(hash + 1);
    target = target.substr(0, hash);
  }
  if (target.empty()) return with_anchor(from, anchor);
  PageId id = kNoPage;
  if (target.starts_with("id:")) {
    id = lookup(ids_, std::string(target.substr(3)));
  } else {
    // As a path from the content root, then from the page's folder, then a slug, then a
    // unique file name.
    std::string_view path = target.starts_with('/') ? target.substr(1) : target;
    id = by_path(path);
    if (id == kNoPage) {
      std::string joined(dir_of(table_->str(table_->pages[from].source_path)));
      if (!joined.empty()) joined += '/';
      id = by_path(joined + std::string(path));
    }
    if (id == kNoPage) id = slugs_.find(*table_, target);
    if (id == kNoPage) id = stems_.find(*table_, target);
  }
  if (id == kNoPage) return pageless(LinkTarget::Status::kMissingPage);
  return with_anchor(id, anchor);
}

}  // namespace bengal::site
