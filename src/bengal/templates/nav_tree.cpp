#include "bengal/templates/nav_tree.hpp"

#include <algorithm>
#include <vector>

namespace bengal::templates {
namespace {

using content::PageKind;

// Where `id` stands in `list`, the pages of `section` (sorted by Site::list_less) or its
// subsections (by site::page_order_less): a binary search, so finding a page in a 5,000-page
// section costs a dozen comparisons instead of a scan. npos when it is not there.
size_t position(const site::Site& s, std::span<const PageId> list, PageId id,
                PageId section = kNoPage) {
  auto it = std::lower_bound(list.begin(), list.end(), id, [&](PageId a, PageId b) {
    return section == kNoPage ? site::page_order_less(s.table, a, b) : s.list_less(section, a, b);
  });
  return it != list.end() && *it == id ? static_cast<size_t>(it - list.begin()) : size_t(-1);
}

struct TreeBuilder {
  const SiteContext& ctx;
  const site::Site& s;
  PageId current;
  size_t cap;
  std::vector<PageId> path;  // top-level section first; the sections that are expanded

  Value node(PageId id, size_t depth) const {
    const auto& m = s.head(id);
    bool expanded = depth < path.size() && path[depth] == id;
    List children;
    size_t total = 0;
    if (expanded) {
      auto subsections = s.sections_of(id);
      auto pages = s.pages_of(id);
      total = subsections.size() + pages.size();
      // The entry on the path at this level: the next section down, else the current page.
      size_t at = size_t(-1);
      if (depth + 1 < path.size()) {
        at = position(s, subsections, path[depth + 1]);
      } else if (s.head(current).kind == PageKind::kPage) {
        size_t i = position(s, pages, current, id);
        if (i != size_t(-1)) at = subsections.size() + i;
      }
      NavWindow w = nav_window(total, at, cap);
      for (size_t i = w.first; i < w.first + w.count; ++i) {
        PageId child = i < subsections.size() ? subsections[i] : pages[i - subsections.size()];
        children.push_back(node(child, depth + 1));
      }
    }
    bool active = id == current || expanded;
    return Value::dict({{"title", Value::view(s.table.nav_title(m))},
                        // "" for a page that is not written: the theme shows it unlinked.
                        {"url", Value::string(s.linked_url(id))},
                        {"is_section", Value::boolean(m.kind != PageKind::kPage)},
                        {"current", Value::boolean(id == current)},
                        {"active", Value::boolean(active)},
                        {"children", Value::list(std::move(children))},
                        {"total", Value::integer(static_cast<int64_t>(total))},
                        {"more", Value::boolean(total > cap)}});
  }
};

}  // namespace

NavWindow nav_window(size_t total, size_t at, size_t cap) {
  cap = std::max<size_t>(cap, 1);
  if (total <= cap) return {0, total};
  if (at >= total) return {0, cap};
  size_t first = at > cap / 2 ? at - cap / 2 : 0;
  return {std::min(first, total - cap), cap};
}

Value nav_tree(const SiteContext& ctx, PageId current, size_t cap) {
  const site::Site& s = ctx.site();
  if (current >= s.table.pages.size() || s.head(current).excluded) return Value::none();
  TreeBuilder b{ctx, s, current, std::max<size_t>(cap, 1), {}};
  // The sections from the page's own (itself, for a section) up to the top level.
  PageId section = s.head(current).kind == PageKind::kPage ? s.head(current).section : current;
  for (PageId p = section; p != kNoPage && p != s.home; p = s.head(p).section) {
    if (s.head(p).kind == PageKind::kHome) break;
    b.path.push_back(p);
  }
  if (b.path.empty()) return Value::none();
  std::reverse(b.path.begin(), b.path.end());
  if (b.path.size() > kNavMaxDepth)
    b.path.erase(b.path.begin(), b.path.end() - static_cast<std::ptrdiff_t>(kNavMaxDepth));
  return b.node(b.path.front(), 0);
}

void add_nav_tree(const SiteContext& ctx, std::vector<std::pair<std::string, Value>>& fns) {
  fns.emplace_back(
      "nav_tree",
      Value::function([&ctx](Renderer&, CallArgs& args, Value& out, std::string& error) {
        const Value* page = args.get(0, "page");
        if (page == nullptr) {
          error = "nav_tree() needs a page: nav_tree(page)";
          return false;
        }
        int64_t cap = ctx.site().config.nav_cap;
        if (const Value* c = args.get(1, "cap"); c != nullptr && !c->is_none()) {
          if (!c->is_number() || c->as_int() < 1) {
            error = "nav_tree(): cap must be a number of entries, 1 or more";
            return false;
          }
          cap = c->as_int();
        }
        // A page object gives its id; anything else (a taxonomy page, a dict) has no tree.
        Value id = page->attr("id");
        bool is_page = id.kind() == Value::Kind::kInt && id.as_int() >= 0;
        out = is_page ? nav_tree(ctx, static_cast<PageId>(std::min<int64_t>(id.as_int(), kNoPage)),
                                 static_cast<size_t>(cap))
                      : Value::none();
        return true;
      }));
}

}  // namespace bengal::templates
