#include "bengal/templates/site_context.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "bengal/config/languages.hpp"
#include "bengal/core/read_set.hpp"
#include "bengal/core/slug.hpp"
#include "bengal/templates/nav_tree.hpp"

namespace bengal::templates {
namespace {

using content::PageKind;
using content::PageMeta;

// The code of the language a page is in: the language this build makes of a multilingual
// site, else the site's language without its region ("en-us" -> "en").
std::string language_code(const config::SiteConfig& c) {
  if (!c.content_language.empty()) return c.content_language;
  return std::string(config::language_part(c.language));
}

// site.languages: every language of a multilingual site, in the order of [languages], with
// the one being built marked; empty for a site in one language.
Value languages(const config::SiteConfig& c) {
  List out;
  for (const config::Language& l : c.languages) {
    out.push_back(Value::dict({{"code", Value::string(l.code)},
                               {"lang", Value::string(l.code)},
                               {"name", Value::string(l.name)},
                               {"locale", Value::string(l.locale)},
                               {"direction", Value::string(l.direction)},
                               {"weight", Value::integer(l.weight)},
                               {"url", Value::string(l.href)},
                               {"href", Value::string(l.href)},
                               {"permalink", Value::string(l.permalink)},
                               {"is_default", Value::boolean(l.is_default)},
                               {"is_current", Value::boolean(l.code == c.content_language)}}));
  }
  return Value::list(std::move(out));
}

// Text of the site's string pool. Cold text (summaries, descriptions) is copied from the
// index's cold file: a list page reads it for pages scattered over the whole file, and views
// into the mapped file would keep all of it resident (core/string_pool.hpp).
Value pooled(const site::Site& s, StrId id) {
  if (s.table.strings.is_cold(id)) return Value::string(s.table.strings.copy(id));
  return Value::view(s.str(id));
}

const char* kind_name(PageKind k) {
  switch (k) {
    case PageKind::kPage:
      return "page";
    case PageKind::kSection:
      return "section";
    case PageKind::kHome:
      return "home";
  }
  return "page";
}

class PageList : public Object {
 public:
  PageList(const SiteContext& ctx, std::shared_ptr<const std::vector<PageId>> owned,
           std::span<const PageId> ids)
      : ctx_(ctx), owned_(std::move(owned)), ids_(ids) {}
  bool is_sequence() const override { return true; }
  size_t length() const override { return ids_.size(); }
  Value at(size_t i) const override { return ctx_.page(ids_[i]); }
  std::string str() const override { return "<pages: " + std::to_string(ids_.size()) + ">"; }

 private:
  const SiteContext& ctx_;
  std::shared_ptr<const std::vector<PageId>> owned_;  // keeps ids_ alive when it owns them
  std::span<const PageId> ids_;
};

class PaginatorObject : public Object {
 public:
  PaginatorObject(const SiteContext& ctx, const PageRender& r) : ctx_(ctx), r_(r) {}
  Value attr(std::string_view n) const override {
    const site::Pager& p = *r_.pager;
    auto url = [&](const std::string& u) {
      return u.empty() ? Value::none() : Value::string(ctx_.rel(u));
    };
    if (n == "pages") {
      auto items = r_.list.subspan(p.first_item, p.item_count);
      if (r_.owner == kNoPage || !ctx_.site().paginate_reversed(r_.owner)) return ctx_.pages(items);
      // Zola's paginate_reversed: pager 1 holds the list's last items, last first.
      auto reversed = std::make_shared<std::vector<PageId>>(
          r_.list.rbegin() + p.first_item, r_.list.rbegin() + p.first_item + p.item_count);
      return ctx_.pages(std::move(reversed));
    }
    if (n == "number") return Value::integer(static_cast<int64_t>(p.number));
    if (n == "total_pages") return Value::integer(static_cast<int64_t>(p.total_pages));
    if (n == "total_items") return Value::integer(static_cast<int64_t>(p.total_items));
    if (n == "has_prev") return Value::boolean(p.has_prev());
    if (n == "has_next") return Value::boolean(p.has_next());
    if (n == "prev_url") return url(p.prev_url);
    if (n == "next_url") return url(p.next_url);
    if (n == "first_url") return url(p.first_url);
    if (n == "last_url") return url(p.last_url);
    if (n == "url") return url(p.url);
    if (n == "window") return window(p);
    if (n == "by_date") {
      // A section sorted otherwise than by date (Zola's sort_by) is no list by date.
      site::SectionSort sort = ctx_.site().sort_of(r_.owner);
      if (sort != site::SectionSort::kDefault && sort != site::SectionSort::kDate)
        return Value::boolean(false);
      return Value::boolean(site::list_by_date(ctx_.site().table, r_.list));
    }
    return {};
  }
  std::string str() const override { return "<paginator>"; }

  // The numbered links around this page (site::pager_window): {number, url, current} items,
  // and {number: none, url: none, current: false} where pages are left out.
  Value window(const site::Pager& p) const {
    List out;
    for (size_t number : site::pager_window(p.number, p.total_pages)) {
      if (number == 0) {
        out.push_back(Value::dict({{"number", Value::none()},
                                   {"url", Value::none()},
                                   {"current", Value::boolean(false)}}));
        continue;
      }
      out.push_back(Value::dict(
          {{"number", Value::integer(static_cast<int64_t>(number))},
           {"url", Value::string(ctx_.rel(site::pager_url(p.first_url, number, p.folder)))},
           {"current", Value::boolean(number == p.number)}}));
    }
    return Value::list(std::move(out));
  }

 private:
  const SiteContext& ctx_;
  const PageRender& r_;
};

class TermObject : public Object {
 public:
  TermObject(const SiteContext& ctx, size_t tax, size_t term) : ctx_(ctx), tax_(tax), term_(term) {}
  Value attr(std::string_view n) const override {
    const site::Term& t = ctx_.site().taxonomies[tax_].terms[term_];
    if (n == "name" || n == "title") return Value::view(t.name);
    if (n == "slug") return Value::view(t.slug);
    if (n == "url") return Value::string(ctx_.rel(ctx_.site().term_url(tax_, term_)));
    if (n == "permalink")
      return Value::string(ctx_.site().config.baseurl + ctx_.site().term_url(tax_, term_));
    if (n == "count") return Value::integer(static_cast<int64_t>(t.pages.size()));
    if (n == "pages") return ctx_.pages(std::span<const PageId>(t.pages));
    if (n == "taxonomy") return Value::view(ctx_.site().taxonomies[tax_].def.plural);
    return {};
  }
  std::vector<std::string> keys() const override {
    return {"name", "slug", "url", "count", "pages"};
  }
  std::string str() const override { return ctx_.site().taxonomies[tax_].terms[term_].name; }
  const void* identity() const override { return &ctx_.site().taxonomies[tax_].terms[term_]; }

 private:
  const SiteContext& ctx_;
  size_t tax_, term_;
};

class TermList : public Object {
 public:
  TermList(const SiteContext& ctx, size_t tax) : ctx_(ctx), tax_(tax) {}
  bool is_sequence() const override { return true; }
  size_t length() const override { return ctx_.site().taxonomies[tax_].terms.size(); }
  Value at(size_t i) const override { return ctx_.term(tax_, i); }

 private:
  const SiteContext& ctx_;
  size_t tax_;
};

// A page's own terms of one taxonomy, as {name, slug, url} items.
Value page_terms(const SiteContext& ctx, const PageMeta& m, std::string_view plural,
                 content::StrRange r) {
  const site::Site& s = ctx.site();
  for (size_t t = 0; t < s.taxonomies.size(); ++t) {
    if (s.taxonomies[t].def.plural != plural) continue;
    List items;
    for (StrId name : s.table.list(r)) {
      int i = s.taxonomies[t].find(s.str(name));
      if (i >= 0) items.push_back(ctx.term(t, static_cast<size_t>(i)));
    }
    return Value::list(std::move(items));
  }
  // Not a configured taxonomy: plain names.
  (void)m;
  List items;
  for (StrId name : s.table.list(r)) items.push_back(Value::view(s.str(name)));
  return Value::list(std::move(items));
}

// What a page attribute is computed from.
struct PageRef {
  const SiteContext& ctx;
  const site::Site& s;
  const PageMeta& m;
  PageId id;
  const PageRender* render;  // the page being rendered, else null
};

Value neighbour(const PageRef& p, PageId id) {
  return id == kNoPage ? Value::none() : p.ctx.page(id);
}

Value strings(const PageRef& p, content::StrRange r) {
  List out;
  for (StrId id : p.s.table.list(r)) out.push_back(Value::view(p.s.str(id)));
  return Value::list(std::move(out));
}

Value ancestors(const PageRef& p) {
  List out;  // nearest first, as in Hugo; |reverse gives breadcrumb order
  for (PageId a = p.m.section; a != kNoPage; a = p.s.head(a).section) out.push_back(p.ctx.page(a));
  return Value::list(std::move(out));
}

Value child_pages(const PageRef& p) {
  if (p.m.kind == PageKind::kHome) return p.ctx.pages(std::span<const PageId>(p.s.regular_pages));
  if (p.m.kind == PageKind::kSection) return p.ctx.pages(p.s.list_of(p.id));
  return p.ctx.pages(std::span<const PageId>());
}

Value toc_items(const PageRef& p) {
  List out;
  if (p.render && p.render->toc_items) {
    for (const auto& e : *p.render->toc_items) {
      if (e.level < 2 || e.level > 4) continue;
      out.push_back(Value::dict({{"id", Value::string(e.id)},
                                 {"title", Value::string(e.title)},
                                 {"level", Value::integer(e.level)}}));
    }
  }
  return Value::list(std::move(out));
}

// Front matter type, else the top-level section folder, as in Hugo.
Value page_type(const PageRef& p) {
  if (p.m.type != kEmptyStr) return Value::string(std::string(p.s.str(p.m.type)));
  std::string_view path = p.s.source_path(p.id);
  size_t slash = path.find('/');
  return Value::string(slash == std::string_view::npos ? "page"
                                                       : std::string(path.substr(0, slash)));
}

// A front matter text that bengal keeps among the params (nav_title, icon); none when unset.
Value param_text(const PageRef& p, std::string_view key) {
  const bengal::Value* params = p.s.table.page_params(p.m);
  const bengal::Value* v = params != nullptr ? params->find(key) : nullptr;
  if (v == nullptr || !v->is_string() || v->as_string().empty()) return Value::none();
  return Value::view(v->as_string());
}

// The page's URL, site-relative or `absolute`; "" for a page without one (`render: never`,
// Zola's `render = false` section).
Value page_url(const PageRef& p, bool absolute) {
  return Value::string(p.s.linked_url(p.id, absolute));
}

Value paginator(const SiteContext& ctx, const PageRender* render) {
  return render && render->pager ? Value::object(std::make_shared<PaginatorObject>(ctx, *render))
                                 : Value::none();
}

Value rfc3339(bool has, const Date& date) {
  return has ? Value::string(date.to_rfc3339()) : Value::none();
}

// Bengal's page.metadata: the front matter as a dict, the fields bengal reads (those the page
// sets) and then every other key, as written.
Value metadata(const PageRef& p) {
  Dict d;
  auto text = [&](const char* key, StrId id) {
    if (id != kEmptyStr) d.emplace_back(key, Value::view(p.s.str(id)));
  };
  text("title", p.m.title);
  text("description", p.m.description);
  if (p.m.has_date) d.emplace_back("date", rfc3339(true, p.m.date));
  if (p.m.has_lastmod) d.emplace_back("lastmod", rfc3339(true, p.m.lastmod));
  if (p.m.draft) d.emplace_back("draft", Value::boolean(true));
  if (p.m.weight != 0) d.emplace_back("weight", Value::integer(p.m.weight));
  text("slug", p.m.slug);
  text("type", p.m.type);
  text("layout", p.m.layout);
  if (p.m.tags.count) d.emplace_back("tags", strings(p, p.m.tags));
  if (p.m.categories.count) d.emplace_back("categories", strings(p, p.m.categories));
  const content::PageExtras& e = p.s.table.extras_of(p.m);
  if (e.keywords.count) d.emplace_back("keywords", strings(p, e.keywords));
  if (e.aliases.count) d.emplace_back("aliases", strings(p, e.aliases));
  if (const bengal::Value* params = p.s.table.page_params(p.m)) {
    Value extra = Value::from(*params);
    if (extra.kind() == Value::Kind::kDict)
      for (const auto& kv : extra.as_dict()) d.push_back(kv);
  }
  return Value::dict(std::move(d));
}

// A page's versions in the other languages of a multilingual site, in the order of
// [languages]: {lang, name, locale, title, url, href, permalink}.
Value translations(const PageRef& p) {
  List out;
  const auto& languages = p.s.config.languages;
  for (const site::Site::Translation& t : p.s.translations_of(p.id)) {
    const config::Language& l = languages[t.language];
    out.push_back(Value::dict({{"lang", Value::string(l.code)},
                               {"name", Value::string(l.name)},
                               {"locale", Value::string(l.locale)},
                               {"title", Value::string(t.title)},
                               {"url", Value::string(t.href)},
                               {"href", Value::string(t.href)},
                               {"permalink", Value::string(t.permalink)}}));
  }
  return Value::list(std::move(out));
}

// Byte order, as std::string_view's <, in a loop the compiler inlines: attribute names are a few
// characters and differ early, so this is cheaper than calling memcmp at every step of the
// binary search over kPageAttrs (page attributes are read in the render's inner loops).
constexpr bool name_less(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
  return a.size() < b.size();
}

// A page's attributes, sorted by name for PageObject::attr's binary search.
struct PageAttr {
  std::string_view name;
  Value (*get)(const PageRef& p);
};
constexpr PageAttr kPageAttrs[] = {
    {"aliases", [](const PageRef& p) { return strings(p, p.s.table.extras_of(p.m).aliases); }},
    {"ancestors", ancestors},
    {"categories",
     [](const PageRef& p) { return page_terms(p.ctx, p.m, "categories", p.m.categories); }},
    {"content",
     [](const PageRef& p) {
       if (p.render != nullptr) return Value::view(p.render->content, true);
       return Value::string(p.ctx.content_of(p.id), true);
     }},
    {"date", [](const PageRef& p) { return rfc3339(p.m.has_date, p.m.date); }},
    {"description", [](const PageRef& p) { return pooled(p.s, p.m.description); }},
    {"draft", [](const PageRef& p) { return Value::boolean(p.m.draft); }},
    {"has_math", [](const PageRef& p) { return Value::boolean(p.render && p.render->has_math); }},
    // Bengal's name for url: site-relative, with the base path.
    {"href", [](const PageRef& p) { return page_url(p, false); }},
    {"icon", [](const PageRef& p) { return param_text(p, "icon"); }},
    {"id", [](const PageRef& p) { return Value::integer(p.id); }},
    {"is_home", [](const PageRef& p) { return Value::boolean(p.m.kind == PageKind::kHome); }},
    {"is_page", [](const PageRef& p) { return Value::boolean(p.m.kind == PageKind::kPage); }},
    {"is_section", [](const PageRef& p) { return Value::boolean(p.m.kind == PageKind::kSection); }},
    {"is_translated",
     [](const PageRef& p) { return Value::boolean(!p.s.translations_of(p.id).empty()); }},
    {"keywords", [](const PageRef& p) { return strings(p, p.s.table.extras_of(p.m).keywords); }},
    {"kind", [](const PageRef& p) { return Value::view(kind_name(p.m.kind)); }},
    {"lang", [](const PageRef& p) { return Value::string(language_code(p.s.config)); }},
    {"lastmod", [](const PageRef& p) { return rfc3339(p.m.has_lastmod, p.m.lastmod); }},
    {"layout", [](const PageRef& p) { return pooled(p.s, p.m.layout); }},
    {"metadata", metadata},
    // The label in menus, sidebars and breadcrumbs: front matter nav_title, else the title.
    {"nav_title", [](const PageRef& p) { return Value::view(p.s.table.nav_title(p.m)); }},
    {"next", [](const PageRef& p) { return neighbour(p, p.s.next_in_section[p.id]); }},
    {"pagerank",
     [](const PageRef& p) {
       reads::pagerank_read();
       return Value::number(p.ctx.graph() ? p.ctx.graph()->rank(p.id) : 0.0);
     }},
    {"pages", child_pages},
    {"paginator", [](const PageRef& p) { return paginator(p.ctx, p.render); }},
    {"params",
     [](const PageRef& p) {
       const bengal::Value* params = p.s.table.page_params(p.m);
       return params ? Value::from(*params) : Value::dict({});
     }},
    {"parent", [](const PageRef& p) { return neighbour(p, p.m.section); }},
    {"permalink", [](const PageRef& p) { return page_url(p, true); }},
    {"prev", [](const PageRef& p) { return neighbour(p, p.s.prev_in_section[p.id]); }},
    {"reading_time",
     [](const PageRef& p) {
       return Value::integer(std::max<int64_t>(1, (p.m.word_count + 199) / 200));
     }},
    {"related",
     [](const PageRef& p) {
       return p.ctx.graph() ? p.ctx.pages(p.ctx.graph()->related.of(p.id)) : Value::list(List{});
     }},
    {"section", [](const PageRef& p) { return neighbour(p, p.m.section); }},
    {"sections",
     [](const PageRef& p) {
       return p.m.kind == PageKind::kPage ? Value::list(List{})
                                          : p.ctx.pages(p.s.sections_of(p.id));
     }},
    {"slug", [](const PageRef& p) { return pooled(p.s, p.m.slug); }},
    {"source_path",
     [](const PageRef& p) {
       return Value::string(p.s.config.content_dir + "/" + std::string(p.s.source_path(p.id)));
     }},
    {"summary", [](const PageRef& p) { return pooled(p.s, p.m.summary); }},
    {"tags", [](const PageRef& p) { return page_terms(p.ctx, p.m, "tags", p.m.tags); }},
    {"template", [](const PageRef& p) { return pooled(p.s, p.m.template_name); }},
    {"title", [](const PageRef& p) { return pooled(p.s, p.m.title); }},
    {"toc",
     [](const PageRef& p) {
       return p.render ? Value::view(p.render->toc, true) : Value::string("");
     }},
    {"toc_items", toc_items},
    {"translations", translations},
    {"type", page_type},
    {"url", [](const PageRef& p) { return page_url(p, false); }},
    {"weight", [](const PageRef& p) { return Value::integer(p.m.weight); }},
    {"word_count", [](const PageRef& p) { return Value::integer(p.m.word_count); }},
};
static_assert(std::is_sorted(std::begin(kPageAttrs), std::end(kPageAttrs),
                             [](const PageAttr& a, const PageAttr& b) {
                               return name_less(a.name, b.name);
                             }));

// The attributes that read what a page's body gives; every other one reads only the page's
// head (Site::head), so a body edit re-renders only the pages that show these.
constexpr std::string_view kBodyAttrs[] = {"content", "reading_time", "related",   "summary",
                                           "toc",     "toc_items",    "word_count"};

class PageObject : public Object {
 public:
  PageObject(const SiteContext& ctx, PageId id, const PageRender* render)
      : ctx_(ctx), id_(id), render_(render) {}

  Value attr(std::string_view n) const override {
    const auto* it = std::lower_bound(
        std::begin(kPageAttrs), std::end(kPageAttrs), n,
        [](const PageAttr& a, std::string_view name) { return name_less(a.name, name); });
    if (it == std::end(kPageAttrs) || it->name != n) return {};
    const site::Site& s = ctx_.site();
    bool body = std::find(std::begin(kBodyAttrs), std::end(kBodyAttrs), n) != std::end(kBodyAttrs);
    return it->get(PageRef{ctx_, s, body ? s.page(id_) : s.head(id_), id_, render_});
  }
  std::vector<std::string> keys() const override {
    return {"title",      "url",          "permalink", "date",       "lastmod",     "draft",
            "weight",     "slug",         "kind",      "type",       "description", "summary",
            "word_count", "reading_time", "tags",      "categories", "params",      "source_path"};
  }
  std::vector<std::string> attr_names() const override {
    std::vector<std::string> names;
    for (const auto& a : kPageAttrs) names.emplace_back(a.name);
    return names;
  }
  std::string str() const override {
    return std::string(ctx_.site().str(ctx_.site().head(id_).title));
  }
  const void* identity() const override { return &ctx_.site().table.pages[id_]; }

 private:
  const SiteContext& ctx_;
  PageId id_;
  const PageRender* render_;
};

// What an attribute that comes from a page's source reads on a page without one: false, empty
// or none, so that a template written for pages renders taxonomy and 404 pages too.
Value source_attr(std::string_view n) {
  static constexpr std::string_view kFalse[] = {"draft", "has_math", "is_home", "is_page",
                                                "is_section"};
  static constexpr std::string_view kEmptyText[] = {"content", "description", "summary", "toc"};
  static constexpr std::string_view kEmptyList[] = {"categories", "related",   "sections",
                                                    "tags",       "toc_items", "translations"};
  static constexpr std::string_view kNone[] = {"date", "lastmod", "next", "prev"};
  auto in = [n](const auto& names) {
    return std::find(std::begin(names), std::end(names), n) != std::end(names);
  };
  if (in(kFalse)) return Value::boolean(false);
  if (in(kEmptyText)) return Value::string("");
  if (in(kEmptyList)) return Value::list(List{});
  if (in(kNone)) return Value::none();
  if (n == "params") return Value::dict({});
  return {};
}

class VirtualPageObject : public Object {
 public:
  VirtualPageObject(const SiteContext& ctx, const VirtualPage& p, const PageRender* render)
      : ctx_(ctx), p_(p), render_(render) {}
  Value attr(std::string_view n) const override {
    const site::Site& s = ctx_.site();
    if (n == "title" || n == "nav_title") {
      // A content page's own title; else the term's name (its file's name would be the slug).
      if (p_.content != kNoPage && s.head(p_.content).has_title)
        return ctx_.page(p_.content).attr(n);
      return Value::view(p_.title);
    }
    if (n == "url" || n == "href") return Value::string(ctx_.rel(p_.url));
    if (n == "permalink") return Value::string(s.config.baseurl + p_.url);
    if (n == "kind") return Value::view(p_.kind);
    if (n == "terms" && p_.taxonomy >= 0)
      return ctx_.taxonomy_terms(static_cast<size_t>(p_.taxonomy));
    if (n == "term" && p_.term >= 0)
      return ctx_.term(static_cast<size_t>(p_.taxonomy), static_cast<size_t>(p_.term));
    if (n == "parent" || n == "section") {
      if (p_.term >= 0) {
        const auto& tax = s.taxonomies[static_cast<size_t>(p_.taxonomy)];
        return Value::dict(
            {{"title", Value::view(tax.def.plural)},
             {"nav_title", Value::view(tax.def.plural)},
             {"url", Value::string(ctx_.rel(s.taxonomy_url(static_cast<size_t>(p_.taxonomy))))}});
      }
      return s.home == kNoPage ? Value::none() : ctx_.page(s.home);
    }
    if (n == "ancestors")
      return s.home == kNoPage ? Value::list(List{}) : Value::list(List{ctx_.page(s.home)});
    if (n == "paginator") return paginator(ctx_, render_);
    if (n == "pages" && render_) return ctx_.pages(render_->list);
    // Hugo's term content (content/tags/go/_index.md): its text, description and params.
    if (p_.content != kNoPage) return ctx_.page(p_.content).attr(n);
    return source_attr(n);
  }
  std::string str() const override { return p_.title; }

 private:
  const SiteContext& ctx_;
  const VirtualPage& p_;
  const PageRender* render_;
};

class TaxonomiesObject : public Object {
 public:
  explicit TaxonomiesObject(const SiteContext& ctx) : ctx_(ctx) {}
  Value attr(std::string_view n) const override {
    const auto& taxes = ctx_.site().taxonomies;
    for (size_t t = 0; t < taxes.size(); ++t)
      if (taxes[t].def.plural == n) return ctx_.taxonomy_terms(t);
    return {};
  }
  std::vector<std::string> keys() const override {
    std::vector<std::string> out;
    for (const auto& t : ctx_.site().taxonomies) out.push_back(t.def.plural);
    return out;
  }

 private:
  const SiteContext& ctx_;
};

// A menu's top-level entries for the page being rendered, as a sequence whose entries are
// made when read: a header that shows 15 entries of a 100-section site's menu makes 15
// entries, not 100, on every page.
class MenuList : public Object {
 public:
  MenuList(const SiteContext& ctx, const site::Menu& menu, PageId current)
      : ctx_(ctx), menu_(menu), current_(current) {
    const site::Site& s = ctx.site();
    if (current != kNoPage) current_url_ = s.str(s.head(current).url);
    exact_ = std::any_of(menu.entries.begin(), menu.entries.end(),
                         [&](const site::MenuEntry& e) { return is_current(e); });
  }
  bool is_sequence() const override { return true; }
  size_t length() const override { return menu_.roots.size(); }
  Value at(size_t i) const override { return entry(menu_.roots[i]); }
  std::string str() const override {
    return "<menu: " + std::to_string(menu_.roots.size()) + " entries>";
  }

 private:
  bool is_current(const site::MenuEntry& e) const {
    return current_ != kNoPage && (e.page == current_ || e.url == current_url_);
  }
  // The active trail: the current entry and its ancestors; without an entry for the page
  // itself, the entries whose URL contains it (its sections).
  bool active(size_t i) const {
    const site::MenuEntry& e = menu_.entries[i];
    if (is_current(e)) return true;
    for (size_t c : e.children)
      if (active(c)) return true;
    return !exact_ && !current_url_.empty() && e.url != "/" && e.url.starts_with('/') &&
           current_url_.starts_with(e.url);
  }
  Value entry(size_t i) const {
    const site::MenuEntry& e = menu_.entries[i];
    List children;
    for (size_t c : e.children) children.push_back(entry(c));
    bool absolute = e.url.find("://") != std::string::npos;
    return Value::dict({{"name", Value::view(e.name)},
                        {"url", Value::string(absolute ? e.url : ctx_.rel(e.url))},
                        {"weight", Value::integer(e.weight)},
                        {"identifier", Value::view(e.identifier)},
                        {"children", Value::list(std::move(children))},
                        {"active", Value::boolean(active(i))},
                        {"current", Value::boolean(is_current(e))}});
  }

  const SiteContext& ctx_;
  const site::Menu& menu_;
  PageId current_;
  std::string_view current_url_;
  bool exact_ = false;
};

class MenusObject : public Object {
 public:
  MenusObject(const SiteContext& ctx, PageId current) : ctx_(ctx), current_(current) {}
  Value attr(std::string_view n) const override {
    std::string name(n);
    if (!ctx_.site().menus.count(name)) return {};
    return ctx_.menu(name, current_);
  }
  std::vector<std::string> keys() const override {
    std::vector<std::string> out;
    for (const auto& [k, v] : ctx_.site().menus) out.push_back(k);
    return out;
  }

 private:
  const SiteContext& ctx_;
  PageId current_;
};

class SiteObject : public Object {
 public:
  SiteObject(const SiteContext& ctx, PageId current) : ctx_(ctx), current_(current) {}
  Value attr(std::string_view n) const override {
    const site::Site& s = ctx_.site();
    const auto& c = s.config;
    if (n == "title") return Value::view(c.title);
    if (n == "logo_text") return Value::view(c.logo_text);
    if (n == "baseurl") return Value::view(c.baseurl);
    if (n == "base_path") return Value::view(c.base_path);
    if (n == "description") return Value::view(c.description);
    if (n == "language") return Value::view(c.language);
    if (n == "lang") return Value::string(language_code(c));
    if (n == "languages") return languages(c);
    if (n == "params") return ctx_.params();
    if (n == "data") {
      reads::data_read();
      return ctx_.data();
    }
    if (n == "pages") return ctx_.pages(std::span<const PageId>(s.regular_pages));
    if (n == "sections")
      return s.home == kNoPage ? Value::list(List{}) : ctx_.pages(s.sections_of(s.home));
    if (n == "home") return s.home == kNoPage ? Value::none() : ctx_.page(s.home);
    if (n == "taxonomies") return Value::object(std::make_shared<TaxonomiesObject>(ctx_));
    if (n == "menus") return Value::object(std::make_shared<MenusObject>(ctx_, current_));
    if (n == "config") return ctx_.config();
    // Which feeds the build writes ([features] rss, atom): for the site at /rss.xml and
    // /atom.xml, and for every section and term in its folder.
    if (n == "feeds")
      return Value::dict(
          {{"rss", Value::boolean(s.features.rss)}, {"atom", Value::boolean(s.features.atom)}});
    return {};
  }
  std::vector<std::string> attr_names() const override {
    return {"title", "logo_text",  "baseurl", "base_path", "description", "language",
            "lang",  "languages",  "params",  "data",      "pages",       "sections",
            "home",  "taxonomies", "menus",   "config",    "feeds"};
  }
  std::vector<std::string> keys() const override {
    return {"title", "logo_text", "baseurl",  "description", "language", "params",
            "data",  "pages",     "sections", "taxonomies",  "menus"};
  }
  std::string str() const override { return ctx_.site().config.title; }

 private:
  const SiteContext& ctx_;
  PageId current_;
};

}  // namespace

SiteContext::SiteContext(const site::Site& site, std::function<std::string(PageId)> content)
    : site_(site), content_(std::move(content)) {
  params_ = Value::from(site.config.params);
  config_ = Value::from(site.config.raw);
  data_ = Value::from(site.data);
}

Value SiteContext::site_value(PageId current) const {
  return Value::object(std::make_shared<SiteObject>(*this, current));
}

Value SiteContext::page(PageId id, const PageRender* render) const {
  return Value::object(std::make_shared<PageObject>(*this, id, render));
}

Value SiteContext::virtual_page(const VirtualPage& p, const PageRender* render) const {
  return Value::object(std::make_shared<VirtualPageObject>(*this, p, render));
}

Value SiteContext::pages(std::shared_ptr<const std::vector<PageId>> ids) const {
  std::span<const PageId> view(*ids);
  return Value::object(std::make_shared<PageList>(*this, std::move(ids), view));
}

Value SiteContext::pages(std::span<const PageId> ids) const {
  return Value::object(std::make_shared<PageList>(*this, nullptr, ids));
}

Value SiteContext::term(size_t taxonomy, size_t term) const {
  return Value::object(std::make_shared<TermObject>(*this, taxonomy, term));
}

Value SiteContext::taxonomy_terms(size_t taxonomy) const {
  return Value::object(std::make_shared<TermList>(*this, taxonomy));
}

Value SiteContext::menu(const std::string& name, PageId current) const {
  return Value::object(std::make_shared<MenuList>(*this, site_.menus.at(name), current));
}

std::vector<std::pair<std::string, Value>> SiteContext::functions() const {
  std::vector<std::pair<std::string, Value>> fns;
  auto first_string = [](CallArgs& a, std::string& error) -> std::optional<std::string> {
    if (a.positional.empty()) {
      error = "needs a path";
      return std::nullopt;
    }
    return a.positional[0].str();
  };
  fns.emplace_back(
      "url_for",
      Value::function([this, first_string](Renderer&, CallArgs& a, Value& out, std::string& e) {
        auto path = first_string(a, e);
        if (!path) return false;
        PageId id = site_.xref.by_path(path->starts_with('/') ? path->substr(1) : *path);
        if (id != kNoPage) {
          out = Value::string(site_.rel_url(id));
        } else {
          out = Value::string(rel(path->starts_with('/') ? *path : "/" + *path));
        }
        return true;
      }));
  fns.emplace_back("asset_url", Value::function([this, first_string](Renderer&, CallArgs& a,
                                                                     Value& out, std::string& e) {
                     auto path = first_string(a, e);
                     if (!path) return false;
                     out = Value::string(rel(path->starts_with('/') ? *path : "/" + *path));
                     return true;
                   }));
  auto getter = [this, first_string](bool section) {
    return Value::function(
        [this, first_string, section](Renderer&, CallArgs& a, Value& out, std::string& e) {
          auto path = first_string(a, e);
          if (!path) return false;
          std::string p = path->starts_with('/') ? path->substr(1) : *path;
          while (p.ends_with('/')) p.pop_back();
          PageId id = site_.xref.by_path(p);
          // A page that is not written is still found, as Hugo's GetPage finds a headless one:
          // its content and params are for other pages to show.
          if (id == kNoPage && site_.unrendered_xref) id = site_.unrendered_xref->by_path(p);
          if (section && id != kNoPage && site_.head(id).kind == content::PageKind::kPage)
            id = kNoPage;
          out = id == kNoPage ? Value::none() : page(id);
          return true;
        });
  };
  fns.emplace_back("get_page", getter(false));
  fns.emplace_back("get_section", getter(true));
  fns.emplace_back("tag_url", Value::function([this, first_string](Renderer&, CallArgs& a,
                                                                   Value& out, std::string& e) {
                     auto name = first_string(a, e);
                     if (!name) return false;
                     for (size_t t = 0; t < site_.taxonomies.size(); ++t) {
                       if (site_.taxonomies[t].def.plural != "tags") continue;
                       int i = site_.taxonomies[t].find(*name);
                       if (i >= 0) {
                         out = Value::string(rel(site_.term_url(t, static_cast<size_t>(i))));
                         return true;
                       }
                     }
                     out = Value::string(rel("/tags/" + slugify(*name) + "/"));
                     return true;
                   }));
  // The build's time (site.hpp: SOURCE_DATE_EPOCH when set, so a reproducible build names
  // it): one value for every page of a build. A render that reads it is never kept by the
  // next build (read_set.hpp), as the next build's time differs.
  fns.emplace_back("now", Value::function([this](Renderer&, CallArgs&, Value& out, std::string&) {
                     reads::clock_read();
                     auto t = static_cast<std::time_t>(site_.now_epoch_seconds);
                     std::tm tm{};
                     gmtime_r(&t, &tm);
                     char buf[32];
                     std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
                     out = Value::string(buf);
                     return true;
                   }));
  add_kida_helpers(*this, fns);
  add_nav_tree(*this, fns);
  return fns;
}

}  // namespace bengal::templates
