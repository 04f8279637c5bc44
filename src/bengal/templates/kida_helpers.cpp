// The helpers Bengal's Kida themes call: icon(), t() and get_breadcrumbs(). Part of the globals
// SiteContext::functions() gives every template.
#include <fmt/format.h>

#include "bengal/core/html.hpp"
#include "bengal/markdown/icons.hpp"
#include "bengal/templates/site_context.hpp"

namespace bengal::templates {
namespace {

// icon(name, size=20, css_class="", aria_label=""): the SVG of the {icon} role, resized, with
// extra classes, and labelled (role="img") instead of hidden when aria_label is given. An
// unknown name gives "".
bool icon(Renderer&, CallArgs& args, Value& out, std::string& error) {
  const Value* name = args.get(0, "name");
  if (name == nullptr) {
    error = "icon() needs an icon name";
    return false;
  }
  std::string svg(markdown::icon_svg(name->str()));
  const Value* size = args.get(1, "size");
  if (size != nullptr && !size->is_number()) {
    error = "icon(): size must be a number of pixels";
    return false;
  }
  if (!svg.empty() && size != nullptr) {
    std::string px = std::to_string(size->as_int());
    size_t at = svg.find("width=\"20\" height=\"20\"");
    if (at != std::string::npos)
      svg.replace(at, 22, fmt::format("width=\"{}\" height=\"{}\"", px, px));
  }
  const Value* css = args.get(2, "css_class");
  if (!svg.empty() && css != nullptr && !css->str().empty()) {
    size_t at = svg.find('"', svg.find("class=\"") + 7);
    svg.insert(at, fmt::format(" {}", html_escape(css->str())));
  }
  const Value* label = args.get(3, "aria_label");
  if (!svg.empty() && label != nullptr && !label->str().empty()) {
    size_t at = svg.find("aria-hidden=\"true\"");
    if (at != std::string::npos)
      svg.replace(at, 18, fmt::format("role=\"img\" aria-label=\"{}\"", html_escape(label->str())));
  }
  out = Value::string(std::move(svg), /*safe=*/true);
  return true;
}

// The text of a dotted key ("nav.home") in the translations, or undefined.
Value translation(const Value& table, std::string_view key) {
  Value v = table;
  for (size_t start = 0; start <= key.size();) {
    size_t dot = key.find('.', start);
    if (dot == std::string_view::npos) dot = key.size();
    if (v.kind() != Value::Kind::kDict) return {};
    Value next = v.item(Value::string(std::string(key.substr(start, dot - start))));
    if (next.is_undefined()) return {};
    v = std::move(next);
    start = dot + 1;
  }
  return v;
}

// "{name}" replaced by the keyword argument `name`; other braces are kept.
std::string interpolate(std::string_view text, const CallArgs& args) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        if (const Value* v = args.find(text.substr(i + 1, close - i - 1))) {
          out += v->str();
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

void add_kida_helpers(const SiteContext& ctx, std::vector<std::pair<std::string, Value>>& fns) {
  fns.emplace_back("icon", Value::function(icon));
  // t(key, default=none, **params): the site language's text for `key` from i18n/<lang>.yaml,
  // else `default`, else the key itself; {name} in the text takes the keyword argument name.
  fns.emplace_back(
      "t", Value::function([&ctx](Renderer&, CallArgs& args, Value& out, std::string& error) {
        const Value* key = args.get(0, "key");
        if (key == nullptr) {
          error = "t() needs a translation key";
          return false;
        }
        Value text = translation(ctx.translations(), key->str());
        const Value* fallback = args.get(1, "default");
        std::string s = !text.is_undefined() && !text.is_none()       ? text.str()
                        : fallback != nullptr && !fallback->is_none() ? fallback->str()
                                                                      : key->str();
        out = Value::string(interpolate(s, args));
        return true;
      }));
  // get_breadcrumbs(page): [{title, url, is_current}] from the home page through the sections
  // to the page itself (current); empty on the home page.
  fns.emplace_back(
      "get_breadcrumbs",
      Value::function([&ctx](Renderer&, CallArgs& args, Value& out, std::string& error) {
        const Value* page = args.get(0, "page");
        if (page == nullptr) {
          error = "get_breadcrumbs() needs a page";
          return false;
        }
        List items;
        auto item = [](const Value& p, bool current) {
          return Value::dict({{"title", p.attr("title")},
                              {"url", p.attr("href")},
                              {"is_current", Value::boolean(current)}});
        };
        if (page->kind() != Value::Kind::kObject || page->attr("is_home").truthy()) {
          out = Value::list(std::move(items));
          return true;
        }
        List trail;
        for (Value a = page->attr("parent"); a.kind() == Value::Kind::kObject;
             a = a.attr("parent")) {
          trail.push_back(a);
          if (trail.size() > 256) break;  // a bound, not a real depth
        }
        const site::Site& s = ctx.site();
        if (s.home != kNoPage && (trail.empty() || !trail.back().attr("is_home").truthy()))
          trail.push_back(ctx.page(s.home));
        for (size_t i = trail.size(); i-- > 0;) items.push_back(item(trail[i], false));
        items.push_back(item(*page, true));
        out = Value::list(std::move(items));
        return true;
      }));
}

}  // namespace bengal::templates
