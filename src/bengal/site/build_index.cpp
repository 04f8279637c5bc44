#include <algorithm>
#include <iterator>
#include <span>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>
#include <tbb/task_group.h>

#include "bengal/content/page_url.hpp"
#include "bengal/site/key_position.hpp"
#include "bengal/site/pagination.hpp"
#include "bengal/site/site.hpp"
#include "bengal/site/taxonomy_content.hpp"

namespace bengal::site {
namespace {

std::string display_path(const Site& site, PageId id) {
  return site.config.content_dir + "/" + std::string(site.source_path(id));
}

// Fills a CSR index: for each page id, the ids grouped under it, in page order
// (page_order_less). `owners(id, add)` calls add(owner) for each group member `id` is in.
// Members already in page order keep it: then no group is sorted.
template <typename Owners>
void group_by(const Site& site, std::span<const PageId> members, Owners owners,
              std::vector<uint32_t>& offsets, std::vector<PageId>& items,
              bool members_in_order = false) {
  size_t n = site.table.pages.size();
  offsets.assign(n + 1, 0);
  for (PageId id : members) {
    owners(id, [&](PageId owner) { ++offsets[owner + 1]; });
  }
  for (size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  items.assign(offsets[n], 0);
  std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
  for (PageId id : members) {
    owners(id, [&](PageId owner) { items[fill[owner]++] = id; });
  }
  if (members_in_order) return;
  for (size_t i = 0; i < n; ++i) {
    std::sort(items.begin() + offsets[i], items.begin() + offsets[i + 1],
              [&](PageId a, PageId b) { return page_order_less(site.table, a, b); });
  }
}

// The group of a page's section, if it has one.
auto in_its_section(const content::PageTable& table) {
  return [&table](PageId id, auto&& add) {
    if (table.pages[id].section != kNoPage) add(table.pages[id].section);
  };
}

// [features], [search] full_text and sharded: booleans; [search] max_postings: a count; anything
// else is an error naming the key.
void read_features(Site& site, Diagnostics& diagnostics) {
  Features& f = site.features;
  struct Flag {
    const char* key;
    bool* value;
  };
  // llm_txt is Bengal's spelling of llms_txt.
  const Flag flags[] = {
      {"sitemap", &f.sitemap}, {"rss", &f.rss},           {"atom", &f.atom},
      {"search", &f.search},   {"llms_txt", &f.llms_txt}, {"llm_txt", &f.llms_txt},
      {"robots", &f.robots},   {"aliases", &f.aliases},   {"graph", &f.graph}};
  // Bengal's switches for outputs bengal does not write: accepted without a word.
  static constexpr std::string_view kBengalOnly[] = {"analytics", "json", "markdown",
                                                     "syntax_highlighting"};
  auto read = [&](const std::string& path, const Value& v, bool* out) {
    if (v.is_bool()) {
      *out = v.as_bool();
      return;
    }
    auto at = site.config.document.place_of(path);
    diagnostics.add(make_error(
        at.file, at.line, at.column,
        fmt::format("[{}] {} must be true or false, not {}", path.substr(0, path.find('.')),
                    path.substr(path.find('.') + 1), v.type_name())));
  };
  if (const Value* t = site.config.raw.find("features"); t && t->is_table()) {
    for (const auto& [key, v] : t->as_table()) {
      bool known = false;
      for (const auto& flag : flags) {
        if (key == flag.key) {
          read("features." + key, v, flag.value);
          known = true;
        }
      }
      known |=
          std::find(std::begin(kBengalOnly), std::end(kBengalOnly), key) != std::end(kBengalOnly);
      if (!known) {
        auto at = site.config.document.place_of("features." + key);
        diagnostics.add(
            make_warning(at.file, at.line, at.column,
                         "unknown key '" + key +
                             "' in [features] is ignored; known keys: "
                             "sitemap, rss, atom, search, llms_txt, robots, aliases, graph"));
      }
    }
  }
  if (const Value* t = site.config.raw.find("search"); t && t->is_table()) {
    if (const Value* v = t->find("full_text")) read("search.full_text", *v, &f.search_full_text);
    if (const Value* v = t->find("sharded")) read("search.sharded", *v, &f.search_sharded);
    if (const Value* v = t->find("max_postings")) {
      if (v->is_int() && v->as_int() >= 1 && v->as_int() <= 100000) {
        f.search_max_postings = static_cast<size_t>(v->as_int());
      } else {
        auto at = site.config.document.place_of("search.max_postings");
        diagnostics.add(make_error(at.file, at.line, at.column,
                                   "[search] max_postings must be a whole number from 1 to "
                                   "100000 (the pages kept per word in search/)"));
      }
    }
  }
  if (const Value* t = site.config.raw.find("feeds"); t && t->is_table()) {
    if (const Value* v = t->find("full_content")) {
      read("feeds.full_content", *v, &f.feed_full_content);
    }
    // The config reader has checked it is a whole number, 0 or more.
    if (const Value* v = t->find("limit"); v != nullptr && v->is_int() && v->as_int() >= 0)
      f.feed_limit = static_cast<size_t>(v->as_int());
  }
}

// The files bengal writes at fixed paths, switched on in [features]: they come before every
// page, and the error names the switch that frees the path.
std::vector<OutputClaim> site_file_claims(const Site& site) {
  struct SiteFile {
    bool on;
    const char* path;
    const char* who;
    const char* hint;
  };
  const Features& f = site.features;
  const SiteFile files[] = {
      {true, "404.html", "the 404 page", "change the 404 page with a templates/404.html"},
      {f.sitemap, "sitemap.xml", "the sitemap", "turn off [features] sitemap"},
      {f.search, "index.json", "the search index", "turn off [features] search"},
      {f.search && f.search_sharded, "search/manifest.json", "the sharded search index",
       "turn off [search] sharded"},
      {f.llms_txt, "llms.txt", "the generated llms.txt", "turn off [features] llms_txt"},
      {f.robots, "robots.txt", "the generated robots.txt", "turn off [features] robots"},
      {f.graph, "graph.json", "the generated graph.json", "turn off [features] graph"},
      {f.rss, "rss.xml", "the site's RSS feed", "turn off [features] rss"},
      {f.atom, "atom.xml", "the site's Atom feed", "turn off [features] atom"},
  };
  std::vector<OutputClaim> claims;
  for (const auto& file : files) {
    if (!file.on) continue;
    OutputClaim c;
    c.path = file.path;
    // The site's feeds share one key: the feed writer asks for both with it.
    bool feed = std::string_view(file.path).ends_with(".xml") &&
                file.path != std::string_view("sitemap.xml");
    c.by = {OutputRank::kSiteFile, 0, feed ? "feeds" : file.path};
    c.what = c.who = file.who;
    c.hint = file.hint;
    claims.push_back(std::move(c));
  }
  return claims;
}

// Every page claims its URL's file. Between two pages, the one whose source path gives the
// URL (no url or slug) comes first, then the one whose source path sorts first; a page that
// loses is left out of the site.
//
// A claim holds a page's messages for the case it loses, about 600 bytes, so a million pages'
// claims at once would be the build's peak. They are made and resolved in chunks instead:
// first the pages whose source path gives the URL, then the others, each in id (source path)
// order, which is the claims' own order, so the result is the same as claiming all at once.
void claim_pages(Site& site, Diagnostics& diagnostics) {
  constexpr size_t kChunk = 4096;
  auto& pages = site.table.pages;
  site.outputs.set_content_root(site.content_root);
  site.outputs.set_key_pool(&site.table.strings);
  // Whether each page has the URL its path gives: those claim first.
  std::vector<uint8_t> natural_url(pages.size());
  tbb::parallel_for(PageId{0}, static_cast<PageId>(pages.size()), [&](PageId id) {
    const PageMeta& m = pages[id];
    natural_url[id] =
        site.str(m.url) == content::default_page_url(site.source_path(id), m.kind, "") ? 1 : 0;
  });
  // A claim's strings (its path, names and messages) are made in parallel, a chunk at a time;
  // the registry takes the chunk's claims in order on one thread.
  auto claim_of = [&](PageId id) {
    bool natural = natural_url[id] != 0;
    const PageMeta& m = pages[id];
    std::string_view url = site.str(m.url);
    std::string_view source = site.str(m.source_path);
    OutputClaim c;
    c.path = content::output_path_for_url(url);
    c.by = {OutputRank::kPage, static_cast<uint8_t>(natural ? 0 : 1), std::string(source)};
    c.key_id = m.source_path;
    c.what = fmt::format("page {}", url);
    c.who = c.file = display_path(site, id);
    c.source = source;
    if (!natural) c.keys = {"url", "slug"};
    c.remedy = natural ? "rename the file or give the page a url"
                       : "give this page a different url or slug";
    return c;
  };
  for (uint8_t natural_pass : {1, 0}) {
    std::vector<PageId> ids;
    // A page that is not written (`render: never`) claims nothing.
    for (PageId id = 0; id < pages.size(); ++id)
      if (natural_url[id] == natural_pass && pages[id].build.renders()) ids.push_back(id);
    for (size_t at = 0; at < ids.size(); at += kChunk) {
      std::span<const PageId> chunk(ids.data() + at, std::min(kChunk, ids.size() - at));
      std::vector<OutputClaim> claims(chunk.size());
      tbb::parallel_for(size_t{0}, chunk.size(), [&](size_t i) { claims[i] = claim_of(chunk[i]); });
      std::vector<bool> won = site.outputs.claim(std::move(claims), diagnostics);
      for (size_t i = 0; i < chunk.size(); ++i)
        if (!won[i]) pages[chunk[i]].excluded = true;
    }
  }
}

// A front matter `id` names one page for [[id:x]]: the first by source path keeps it, each
// later one is reported at its `id:` key.
void warn_duplicate_ids(const Site& site, Diagnostics& diagnostics) {
  std::unordered_map<std::string, PageId> first;
  for (PageId id : site.rendered()) {
    const Value* params = site.table.page_params(site.table.pages[id]);
    const Value* v = params != nullptr ? params->find("id") : nullptr;
    if (v == nullptr || !v->is_string() || v->as_string().empty()) continue;
    auto [it, inserted] = first.emplace(v->as_string(), id);
    if (inserted) continue;
    auto [line, col] =
        front_matter_key_position(site.content_root / std::string(site.source_path(id)), "id");
    diagnostics.add(make_warning(
        display_path(site, id), line, col,
        fmt::format("id '{}' is also the id of {}, which [[id:{}]] links to; give one of them "
                    "another id",
                    v->as_string(), display_path(site, it->second), v->as_string())));
  }
}

}  // namespace

std::span<const Site::Translation> Site::translations_of(PageId id) const {
  if (id + 1 >= translation_offsets_.size()) return {};
  return std::span<const Translation>(translations_)
      .subspan(translation_offsets_[id], translation_offsets_[id + 1] - translation_offsets_[id]);
}

void Site::set_translations(std::vector<Translation> all) {
  translations_ = std::move(all);
  translation_offsets_.assign(table.pages.size() + 1, 0);
  for (const Translation& t : translations_)
    if (t.page < table.pages.size()) ++translation_offsets_[t.page + 1];
  for (size_t i = 1; i < translation_offsets_.size(); ++i)
    translation_offsets_[i] += translation_offsets_[i - 1];
}

std::span<const PageId> Site::pages_of(PageId section) const {
  return {section_pages_.data() + page_offsets_[section],
          page_offsets_[section + 1] - page_offsets_[section]};
}

std::span<const PageId> Site::list_of(PageId section) const {
  if (list_offsets_.empty()) return pages_of(section);
  return {list_pages_.data() + list_offsets_[section],
          list_offsets_[section + 1] - list_offsets_[section]};
}

bool Site::transparent(PageId section) const {
  const auto& all = section_options_.transparent;
  return std::binary_search(all.begin(), all.end(), section);
}

bool Site::paginate_reversed(PageId list) const {
  const auto& all = section_options_.reversed;
  return std::binary_search(all.begin(), all.end(), list);
}

std::span<const PageId> Site::sections_of(PageId section) const {
  return {section_children_.data() + section_offsets_[section],
          section_offsets_[section + 1] - section_offsets_[section]};
}

size_t Site::per_page_of(PageId list) const {
  return option_of(section_options_.per_page, list, per_page);
}

std::span<const PageId> Site::with_url(std::span<const PageId> pages,
                                       std::vector<PageId>& copy) const {
  auto unlinked = [&](PageId p) { return !head(p).build.has_url(); };
  if (std::none_of(pages.begin(), pages.end(), unlinked)) return pages;
  copy.clear();
  std::remove_copy_if(pages.begin(), pages.end(), std::back_inserter(copy), unlinked);
  return copy;
}

std::string_view Site::pager_folder_of(PageId list) const {
  StrId own = option_of(section_options_.pager_folders, list, kEmptyStr);
  return own != kEmptyStr ? str(own) : std::string_view(pager_folder);
}

SectionSort Site::sort_of(PageId section) const {
  return option_of(section_options_.sorts, section, SectionSort::kDefault);
}

bool Site::list_less(PageId section, PageId a, PageId b) const {
  SectionSort sort = sort_of(section);
  return sort == SectionSort::kDefault ? page_order_less(table, a, b)
                                       : sorted_before(table, sort, a, b);
}

std::string Site::taxonomy_url(size_t taxonomy) const {
  const std::string& plural = taxonomies[taxonomy].def.plural;
  std::string url = permalinks.taxonomy_url(plural);
  return url.empty() ? "/" + plural + "/" : url;
}

std::string Site::term_url(size_t taxonomy, size_t term) const {
  const Taxonomy& t = taxonomies[taxonomy];
  std::string url = permalinks.term_url(t.def.plural, t.terms[term].slug);
  return url.empty() ? "/" + t.def.plural + "/" + t.terms[term].slug + "/" : url;
}

bool page_order_less(const content::PageTable& table, PageId a, PageId b) {
  const PageMeta& x = table.pages[a];
  const PageMeta& y = table.pages[b];
  // Pages without a weight (0) sort after every weighted page.
  auto weight_key = [](const PageMeta& m) {
    return std::pair<bool, int64_t>(m.weight == 0, m.weight);
  };
  if (weight_key(x) != weight_key(y)) return weight_key(x) < weight_key(y);
  if (x.has_date != y.has_date) return x.has_date;  // dated pages first
  if (x.date.epoch_seconds != y.date.epoch_seconds)
    return x.date.epoch_seconds > y.date.epoch_seconds;
  auto tx = table.str(x.title), ty = table.str(y.title);
  if (tx != ty) return tx < ty;
  return table.str(x.source_path) < table.str(y.source_path);
}

bool list_by_date(const content::PageTable& table, std::span<const PageId> list) {
  if (list.empty()) return false;
  const PageMeta& first = table.pages[list.front()];
  return first.weight == 0 && first.has_date;
}

void Site::group_lists(std::span<const PageId> in_sections, std::span<const PageId> sections) {
  group_by(*this, in_sections, in_its_section(table), page_offsets_, section_pages_, true);
  // Zola's `transparent`: a page is listed by its section and, while that section is
  // transparent, by the section above it too.
  if (!section_options_.transparent.empty()) {
    auto listed_by = [&](PageId id, auto&& add) {
      PageId s = table.pages[id].section;
      for (size_t depth = 0; s != kNoPage && depth < table.pages.size(); ++depth) {
        add(s);
        if (!transparent(s) || table.pages[s].section == s) break;
        s = table.pages[s].section;
      }
    };
    group_by(*this, in_sections, listed_by, list_offsets_, list_pages_, true);
  }
  // Sections with their own order (Zola's sort_by) are sorted again.
  auto sort_lists = [&](const std::vector<uint32_t>& offsets, std::vector<PageId>& items) {
    if (offsets.empty()) return;
    for (const auto& entry : section_options_.sorts) {
      PageId section = entry.first;
      std::sort(items.begin() + offsets[section], items.begin() + offsets[section + 1],
                [&](PageId a, PageId b) { return list_less(section, a, b); });
    }
  };
  sort_lists(page_offsets_, section_pages_);
  sort_lists(list_offsets_, list_pages_);
  // Neighbours follow the list a page is in: that of the first section up from it that is not
  // transparent (a transparent section's pages are its parent's neighbours, as in Zola). A page
  // without a URL (`render: never`) is no one's neighbour: a link to it would go nowhere.
  prev_in_section.assign(table.pages.size(), kNoPage);
  next_in_section.assign(table.pages.size(), kNoPage);
  for (PageId s : sections) {
    if (transparent(s)) continue;
    PageId last = kNoPage;
    for (PageId id : list_of(s)) {
      if (!table.pages[id].build.has_url()) continue;
      if (last != kNoPage) {
        prev_in_section[id] = last;
        next_in_section[last] = id;
      }
      last = id;
    }
  }
}

void build_index(Site& site, config::SiteConfig config, content::DiscoveredSite discovered,
                 Diagnostics& diagnostics) {
  site.config = std::move(config);
  site.table = std::move(discovered.table);
  site.content_files = std::move(discovered.content_files);
  auto& pages = site.table.pages;
  site.ids_follow_paths_ = true;
  for (PageId id = 1; id < pages.size() && site.ids_follow_paths_; ++id)
    site.ids_follow_paths_ = site.source_path(id - 1) < site.source_path(id);

  read_features(site, diagnostics);
  std::vector<TaxonomyDef> defs = read_taxonomy_defs(site.config, diagnostics);
  std::vector<PageId> taxonomy_content = take_taxonomy_content(site.table, defs);
  site.section_options_ =
      read_section_options(site.table, site.content_root, site.config.content_dir, diagnostics);
  site.outputs.claim(site_file_claims(site), diagnostics);
  claim_pages(site, diagnostics);
  // Hugo's build options (content/page_build.hpp): a page is written, listed in its section,
  // and listed site-wide, each on its own.
  std::vector<PageId> regular, local, sections;
  std::vector<PageId> published_elsewhere;  // `render: link`: not written, but linked to
  // Zola's `in_search_index = false`: the section's page and its own pages are not searched.
  auto unsearched = [&, &off = site.section_options_.unsearched](PageId id) {
    auto in = [&](PageId s) { return std::binary_search(off.begin(), off.end(), s); };
    return !off.empty() &&
           (in(id) || (pages[id].kind == content::PageKind::kPage && in(pages[id].section)));
  };
  for (PageId id = 0; id < pages.size(); ++id) {
    const PageMeta& m = pages[id];
    if (m.kind == content::PageKind::kHome) site.home = id;
    if (m.excluded) continue;
    if (m.is_bundle && m.build.publishes_resources() &&
        site.table.extras_of(m).resources.count != 0) {
      site.resource_owners_.push_back(id);
    }
    if (m.build.renders()) site.rendered_.push_back(id);
    if (!m.build.renders() && m.build.has_url()) published_elsewhere.push_back(id);
    if (m.build.renders() && m.build.listed_site_wide()) site.in_sitemap_.push_back(id);
    if (m.build.renders() && !unsearched(id)) site.searched_.push_back(id);
    if (!m.build.listed()) continue;
    site.listed_.push_back(id);
    if (m.kind != content::PageKind::kPage)
      sections.push_back(id);
    else
      (m.build.listed_site_wide() ? regular : local).push_back(id);
  }
  group_by(site, sections, in_its_section(site.table), site.section_offsets_,
           site.section_children_);

  // The cross-reference index reads only the table, so it is made while the pages are sorted
  // and grouped into sections and terms, which read nothing it writes.
  tbb::task_group xref;
  // A taxonomy's content pages are found by links too: their URLs are the taxonomy's pages';
  // so are `render: link` pages, at the URL something else publishes them.
  std::vector<PageId> found_by_links;
  if (!taxonomy_content.empty() || !published_elsewhere.empty()) {
    std::vector<PageId> extra;
    std::merge(taxonomy_content.begin(), taxonomy_content.end(), published_elsewhere.begin(),
               published_elsewhere.end(), std::back_inserter(extra));
    std::merge(site.rendered_.begin(), site.rendered_.end(), extra.begin(), extra.end(),
               std::back_inserter(found_by_links));
    found_by_links.erase(std::unique(found_by_links.begin(), found_by_links.end()),
                         found_by_links.end());
  }
  xref.run([&] {
    site.xref = XrefIndex(site.table, found_by_links.empty() ? site.rendered_ : found_by_links,
                          site.config.markdown_unsafe);
  });
  site.regular_pages = std::move(regular);
  // page_order_less is a total order (source paths differ): any sort gives one result. Sorted
  // once here, the pages fall into their sections' lists and their terms' in order.
  tbb::parallel_sort(site.regular_pages.begin(), site.regular_pages.end(),
                     [&](PageId a, PageId b) { return page_order_less(site.table, a, b); });
  // `list: local` pages are in their section's list only.
  std::vector<PageId> in_sections = site.regular_pages;
  if (!local.empty()) {
    std::vector<PageId> sorted_local = std::move(local);
    std::sort(sorted_local.begin(), sorted_local.end(),
              [&](PageId a, PageId b) { return page_order_less(site.table, a, b); });
    std::vector<PageId> merged(in_sections.size() + sorted_local.size());
    std::merge(in_sections.begin(), in_sections.end(), sorted_local.begin(), sorted_local.end(),
               merged.begin(),
               [&](PageId a, PageId b) { return page_order_less(site.table, a, b); });
    in_sections = std::move(merged);
  }
  site.group_lists(in_sections, sections);

  site.taxonomies = build_taxonomies(site.table, site.regular_pages, defs);
  // A taxonomy no page uses gets no overview page, no feed and no footer link: a new site
  // would otherwise show an empty /categories/.
  std::erase_if(site.taxonomies, [](const Taxonomy& t) { return t.terms.empty(); });
  attach_taxonomy_content(site.table, site.config.content_dir, taxonomy_content, site.taxonomies,
                          diagnostics);

  if (const Value* p = site.config.raw.find("pagination"); p && p->is_table()) {
    if (const Value* n = p->find("per_page")) {
      if (n->is_int() && n->as_int() >= 0) {
        site.per_page = static_cast<size_t>(n->as_int());
      } else {
        auto at = site.config.document.place_of("pagination.per_page");
        diagnostics.add(make_error(at.file, at.line, at.column,
                                   "[pagination] per_page must be a whole number (0 turns "
                                   "pagination off)"));
      }
    }
    if (const Value* folder = p->find("path")) {
      if (folder->is_string() && is_pager_folder(folder->as_string())) {
        site.pager_folder = folder->as_string();
      } else {
        auto at = site.config.document.place_of("pagination.path");
        diagnostics.add(make_error(at.file, at.line, at.column,
                                   "[pagination] path must be one folder name, such as \"page\" "
                                   "or \"p\" (the folder of a list's pages 2, 3...)"));
      }
    }
  }
  xref.wait();
  std::vector<PageId> unrendered;
  for (PageId id = 0; id < pages.size(); ++id) {
    if (!pages[id].excluded && !pages[id].build.has_url() &&
        !std::binary_search(taxonomy_content.begin(), taxonomy_content.end(), id)) {
      unrendered.push_back(id);
    }
  }
  if (!unrendered.empty())
    site.unrendered_xref.emplace(site.table, unrendered, site.config.markdown_unsafe);
  if (const Value* refs = site.config.raw.find("external_refs"); refs && refs->is_table()) {
    site.xref.set_external_templates(refs->find("templates"));
    site.xref.set_external_indexes(refs->find("indexes"));
  }
  warn_duplicate_ids(site, diagnostics);
  site.menus = build_menus(site, diagnostics);
  site.table.strings.release_cold();  // the heading ids the cross-reference index sorted
}

}  // namespace bengal::site
