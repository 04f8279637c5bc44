#include "bengal/templates/site_context.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "bengal/core/slug.hpp"

namespace bengal::templates {
namespace {

using content::PageKind;
using content::PageMeta;

Value pooled(const site::Site& s, StrId id) {
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
    if (n == "pages") return ctx_.pages(r_.list.subspan(p.first_item, p.item_count));
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
    return {};
  }
  std::string str() const override { return "<paginator>"; }

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

class PageObject : public Object {
 public:
  PageObject(const SiteContext& ctx, PageId id, const PageRender* render)
      : ctx_(ctx), id_(id), render_(render) {}

  Value attr(std::string_view n) const override {
    const site::Site& s = ctx_.site();
    const PageMeta& m = s.page(id_);
    switch (n.empty() ? 0 : n[0]) {
      case 'a':
        if (n == "aliases") return strings(m.aliases);
        if (n == "ancestors") {
          List out;  // nearest first, as in Hugo; |reverse gives breadcrumb order
          for (PageId p = m.section; p != kNoPage; p = s.page(p).section)
            out.push_back(ctx_.page(p));
          return Value::list(std::move(out));
        }
        break;
      case 'c':
        if (n == "content") {
          if (render_ != nullptr) return Value::view(render_->content, true);
          return Value::string(ctx_.content_of(id_), true);
        }
        if (n == "categories") return page_terms(ctx_, m, "categories", m.categories);
        break;
      case 'd':
        if (n == "date") return m.has_date ? Value::string(m.date.to_rfc3339()) : Value::none();
        if (n == "description") return pooled(s, m.description);
        if (n == "draft") return Value::boolean(m.draft);
        break;
      case 'i':
        if (n == "id") return Value::integer(id_);
        if (n == "is_home") return Value::boolean(m.kind == PageKind::kHome);
        if (n == "is_section") return Value::boolean(m.kind == PageKind::kSection);
        if (n == "is_page") return Value::boolean(m.kind == PageKind::kPage);
        break;
      case 'k':
        if (n == "kind") return Value::view(kind_name(m.kind));
        if (n == "keywords") return strings(m.keywords);
        break;
      case 'l':
        if (n == "lastmod")
          return m.has_lastmod ? Value::string(m.lastmod.to_rfc3339()) : Value::none();
        if (n == "layout") return pooled(s, m.layout);
        break;
      case 'n':
        if (n == "next") return neighbour(s.next_in_section[id_]);
        break;
      case 'p':
        if (n == "permalink") return Value::string(s.permalink(id_));
        if (n == "params") {
          const bengal::Value* p = s.table.page_params(m);
          return p ? Value::from(*p) : Value::dict({});
        }
        if (n == "parent") return neighbour(m.section);
        if (n == "prev") return neighbour(s.prev_in_section[id_]);
        if (n == "pages")
          return m.kind == PageKind::kHome ? ctx_.pages(std::span<const PageId>(s.regular_pages))
                 : m.kind == PageKind::kSection ? ctx_.pages(s.pages_of(id_))
                                                : ctx_.pages(std::span<const PageId>());
        if (n == "paginator")
          return render_ && render_->pager
                     ? Value::object(std::make_shared<PaginatorObject>(ctx_, *render_))
                     : Value::none();
        if (n == "pagerank") return Value::number(ctx_.graph() ? ctx_.graph()->rank(id_) : 0.0);
        break;
      case 'r':
        if (n == "reading_time")
          return Value::integer(std::max<int64_t>(1, (m.word_count + 199) / 200));
        if (n == "related")
          return ctx_.graph() ? ctx_.pages(ctx_.graph()->related.of(id_)) : Value::list(List{});
        break;
      case 's':
        if (n == "slug") return pooled(s, m.slug);
        if (n == "summary") return pooled(s, m.summary);
        if (n == "section") return neighbour(m.section);
        if (n == "sections")
          return m.kind == PageKind::kPage ? Value::list(List{}) : ctx_.pages(s.sections_of(id_));
        if (n == "source_path")
          return Value::string(s.config.content_dir + "/" + std::string(s.source_path(id_)));
        break;
      case 't':
        if (n == "title") return pooled(s, m.title);
        if (n == "tags") return page_terms(ctx_, m, "tags", m.tags);
        if (n == "toc") return render_ ? Value::view(render_->toc, true) : Value::string("");
        if (n == "toc_items") return toc_items();
        if (n == "translations") return Value::list(List{});
        if (n == "type") return Value::string(type());
        if (n == "template") return pooled(s, m.template_name);
        break;
      case 'u':
        if (n == "url") return Value::string(s.rel_url(id_));
        break;
      case 'w':
        if (n == "weight") return Value::integer(m.weight);
        if (n == "word_count") return Value::integer(m.word_count);
        break;
    }
    return {};
  }
  std::vector<std::string> keys() const override {
    return {"title",      "url",          "permalink", "date",       "lastmod",     "draft",
            "weight",     "slug",         "kind",      "type",       "description", "summary",
            "word_count", "reading_time", "tags",      "categories", "params",      "source_path"};
  }
  std::string str() const override {
    return std::string(ctx_.site().str(ctx_.site().page(id_).title));
  }
  const void* identity() const override { return &ctx_.site().page(id_); }

  // Front matter type, else the top-level section folder, as in Hugo.
  std::string type() const {
    const site::Site& s = ctx_.site();
    const PageMeta& m = s.page(id_);
    if (m.type != kEmptyStr) return std::string(s.str(m.type));
    std::string_view path = s.source_path(id_);
    size_t slash = path.find('/');
    return slash == std::string_view::npos ? "page" : std::string(path.substr(0, slash));
  }

 private:
  Value neighbour(PageId id) const { return id == kNoPage ? Value::none() : ctx_.page(id); }
  Value strings(content::StrRange r) const {
    List out;
    for (StrId id : ctx_.site().table.list(r)) out.push_back(Value::view(ctx_.site().str(id)));
    return Value::list(std::move(out));
  }
  Value toc_items() const {
    List out;
    if (render_ && render_->toc_items) {
      for (const auto& e : *render_->toc_items) {
        if (e.level < 2 || e.level > 4) continue;
        out.push_back(Value::dict({{"id", Value::string(e.id)},
                                   {"title", Value::string(e.title)},
                                   {"level", Value::integer(e.level)}}));
      }
    }
    return Value::list(std::move(out));
  }

  const SiteContext& ctx_;
  PageId id_;
  const PageRender* render_;
};

class VirtualPageObject : public Object {
 public:
  VirtualPageObject(const SiteContext& ctx, const VirtualPage& p, const PageRender* render)
      : ctx_(ctx), p_(p), render_(render) {}
  Value attr(std::string_view n) const override {
    const site::Site& s = ctx_.site();
    if (n == "title") return Value::view(p_.title);
    if (n == "url") return Value::string(ctx_.rel(p_.url));
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
             {"url", Value::string(ctx_.rel(s.taxonomy_url(static_cast<size_t>(p_.taxonomy))))}});
      }
      return s.home == kNoPage ? Value::none() : ctx_.page(s.home);
    }
    if (n == "ancestors")
      return s.home == kNoPage ? Value::list(List{}) : Value::list(List{ctx_.page(s.home)});
    if (n == "paginator")
      return render_ && render_->pager
                 ? Value::object(std::make_shared<PaginatorObject>(ctx_, *render_))
                 : Value::none();
    if (n == "pages" && render_) return ctx_.pages(render_->list);
    if (n == "is_home" || n == "is_section" || n == "is_page" || n == "draft")
      return Value::boolean(false);
    if (n == "content" || n == "toc" || n == "description" || n == "summary")
      return Value::string("");
    if (n == "params") return Value::dict({});
    if (n == "tags" || n == "categories" || n == "related" || n == "translations" ||
        n == "sections" || n == "toc_items")
      return Value::list(List{});
    if (n == "date" || n == "lastmod" || n == "prev" || n == "next") return Value::none();
    return {};
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
    if (n == "baseurl") return Value::view(c.baseurl);
    if (n == "base_path") return Value::view(c.base_path);
    if (n == "description") return Value::view(c.description);
    if (n == "language") return Value::view(c.language);
    if (n == "params") return ctx_.params();
    if (n == "data") return ctx_.data();
    if (n == "pages") return ctx_.pages(std::span<const PageId>(s.regular_pages));
    if (n == "sections")
      return s.home == kNoPage ? Value::list(List{}) : ctx_.pages(s.sections_of(s.home));
    if (n == "home") return s.home == kNoPage ? Value::none() : ctx_.page(s.home);
    if (n == "taxonomies") return Value::object(std::make_shared<TaxonomiesObject>(ctx_));
    if (n == "menus") return Value::object(std::make_shared<MenusObject>(ctx_, current_));
    return {};
  }
  std::vector<std::string> keys() const override {
    return {"title", "baseurl", "description", "language",   "params",
            "data",  "pages",   "sections",    "taxonomies", "menus"};
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
  const site::Menu& menu = site_.menus.at(name);
  std::string_view current_url =
      current == kNoPage ? std::string_view() : site_.str(site_.page(current).url);
  auto is_current = [&](const site::MenuEntry& e) {
    return current != kNoPage && (e.page == current || e.url == current_url);
  };
  bool exact = std::any_of(menu.entries.begin(), menu.entries.end(), is_current);
  // The active trail: the current entry and its ancestors; without an entry for the page
  // itself, the entries whose URL contains it (its sections).
  std::function<bool(size_t)> active = [&](size_t i) -> bool {
    const site::MenuEntry& e = menu.entries[i];
    if (is_current(e)) return true;
    for (size_t c : e.children)
      if (active(c)) return true;
    return !exact && !current_url.empty() && e.url != "/" && e.url.starts_with('/') &&
           current_url.starts_with(e.url);
  };
  std::function<Value(size_t)> entry = [&](size_t i) -> Value {
    const site::MenuEntry& e = menu.entries[i];
    List children;
    for (size_t c : e.children) children.push_back(entry(c));
    bool absolute = e.url.find("://") != std::string::npos;
    return Value::dict({{"name", Value::view(e.name)},
                        {"url", Value::string(absolute ? e.url : rel(e.url))},
                        {"weight", Value::integer(e.weight)},
                        {"identifier", Value::view(e.identifier)},
                        {"children", Value::list(std::move(children))},
                        {"active", Value::boolean(active(i))},
                        {"current", Value::boolean(is_current(e))}});
  };
  List out;
  for (size_t r : menu.roots) out.push_back(entry(r));
  return Value::list(std::move(out));
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
          if (section && id != kNoPage && site_.page(id).kind == content::PageKind::kPage)
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
  // The build time: only templates that ask for it make output depend on the clock.
  fns.emplace_back("now", Value::function([](Renderer&, CallArgs&, Value& out, std::string&) {
                     std::time_t t =
                         std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
                     std::tm tm{};
                     gmtime_r(&t, &tm);
                     char buf[32];
                     std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
                     out = Value::string(buf);
                     return true;
                   }));
  return fns;
}

}  // namespace bengal::templates
