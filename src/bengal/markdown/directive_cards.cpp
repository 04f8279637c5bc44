// Card grids: cards written in the page, and child-cards made from the current section's
// children (DirectiveHost::children).
#include <fmt/format.h>

#include "bengal/core/html.hpp"
#include "bengal/markdown/directive_markup.hpp"
#include "bengal/markdown/html_escaping.hpp"
#include "bengal/markdown/icons.hpp"
#include "bengal/markdown/url_safety.hpp"

namespace bengal::markdown {

namespace {

void open_grid(std::string& out, std::string_view columns, std::string_view gap,
               std::string_view classes) {
  out += "<div class=\"card-grid";
  append_classes(out, classes);
  out +=
      "\" data-columns=\"" + (columns.empty() ? std::string("auto") : safe_token(columns)) + "\"";
  if (!gap.empty()) out += " data-gap=\"" + safe_token(gap) + "\"";
  out += ">\n";
}

struct CardParts {
  std::string title_html;
  std::string description_html;
  std::string icon;
  std::string badge;
};

// <div class="card-header"><span class="card-icon" data-icon="I">SVG</span><div
// class="card-title">T</div></div><div class="card-description">D</div>
void card_head(std::string& out, const CardParts& p) {
  out += "<div class=\"card-header\">";
  if (!p.icon.empty()) {
    out += "<span class=\"card-icon\" data-icon=\"";
    append_html_escaped(out, p.icon);
    out += "\">";
    out += icon_svg(p.icon);
    out += "</span>";
  }
  out += "<div class=\"card-title\">" + p.title_html + "</div>";
  if (!p.badge.empty()) {
    out += "<span class=\"card-badge\">";
    append_html_escaped(out, p.badge);
    out += "</span>";
  }
  out += "</div>\n";
  if (!p.description_html.empty())
    out += "<div class=\"card-description\">" + p.description_html + "</div>\n";
}

// Bengal's card colours, each a class "card-color-NAME" the theme styles.
constexpr std::string_view kCardColors[] = {"blue", "cyan",   "gray", "green", "indigo", "orange",
                                            "pink", "purple", "red",  "teal",  "violet", "yellow"};

void append_card_color(const DirectiveContext& c, std::string_view color) {
  for (std::string_view known : kCardColors) {
    if (known == color) {
      c.out += " card-color-";
      c.out += known;
      return;
    }
  }
  std::string list;
  for (std::string_view known : kCardColors) {
    if (!list.empty()) list += ", ";
    list += known;
  }
  c.warn(fmt::format("card ':color: {}' is not one of {}; it is ignored", color, list));
}

}  // namespace

void cards_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  const DirectiveOption* columns = d.option("columns");
  const DirectiveOption* gap = d.option("gap");
  const DirectiveOption* classes = d.option("class");
  open_grid(c.out, columns ? columns->value : "", gap ? gap->value : "",
            classes ? classes->value : "");
}

void card_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  const DirectiveOption* link = d.option("link");
  c.out += link != nullptr ? "<a class=\"card" : "<div class=\"card";
  if (const DirectiveOption* o = d.option("color")) append_card_color(c, o->value);
  if (const DirectiveOption* o = d.option("class")) append_classes(c.out, o->value);
  c.out += '"';
  if (link != nullptr && !append_href(c, link->value))
    c.warn("card link '" + std::string(link->value) + "' leads to no page; fix the path");
  c.out += ">\n";
  CardParts parts;
  parts.title_html = c.services.inline_html(d.title);
  if (const DirectiveOption* o = d.option("description"))
    parts.description_html = c.services.inline_html(o->value);
  if (const DirectiveOption* o = d.option("icon")) parts.icon = std::string(o->value);
  if (const DirectiveOption* o = d.option("badge")) parts.badge = std::string(o->value);
  card_head(c.out, parts);
  c.out += "<div class=\"card-content\">\n";
}

void card_close(const DirectiveContext& c) {
  c.out += "</div>\n";
  c.out += c.d().option("link") != nullptr ? "</a>\n" : "</div>\n";
}

// child-cards: a card per child page or section of the current section.
void child_cards_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  ChildKinds kinds = ChildKinds::kAll;
  if (const DirectiveOption* o = d.option("include")) {
    if (o->value == "pages") {
      kinds = ChildKinds::kPages;
    } else if (o->value == "sections") {
      kinds = ChildKinds::kSections;
    } else if (o->value != "all") {
      c.warn("child-cards ':include: " + std::string(o->value) +
             "' is not pages, sections or all; showing all");
    }
  }
  std::vector<ChildEntry> children;
  if (c.options.directive_host == nullptr) {
    c.warn("child-cards lists a section's children, and this Markdown is rendered without a site");
  } else {
    children = c.options.directive_host->children(kinds);
  }
  std::vector<std::string_view> excluded;
  if (const DirectiveOption* o = d.option("exclude")) excluded = split_list(o->value);
  bool show_title = true, show_description = true, show_icon = true;
  if (const DirectiveOption* o = d.option("fields")) {
    std::vector<std::string_view> fields = split_list(o->value);
    auto has = [&](std::string_view f) {
      return std::find(fields.begin(), fields.end(), f) != fields.end();
    };
    show_title = has("title");
    show_description = has("description");
    show_icon = has("icon");
  }
  std::string cards;
  for (const ChildEntry& child : children) {
    // ":exclude: a, b" names children by title or by the last part of their URL.
    std::string_view url = child.url;
    while (url.ends_with('/')) url.remove_suffix(1);
    std::string_view slug = url.substr(url.rfind('/') + 1);
    bool skip = false;
    for (std::string_view x : excluded) skip = skip || x == child.title || x == slug;
    if (skip) continue;
    cards += "<a class=\"card";
    if (child.is_section) cards += " card-section";
    cards += "\" href=\"";
    if (c.options.unsafe_html || !is_dangerous_url(child.url)) append_url_escaped(cards, child.url);
    cards += "\">\n";
    CardParts parts;
    if (show_title) parts.title_html = html_escape(child.title);
    if (show_description) parts.description_html = html_escape(child.description);
    if (show_icon) parts.icon = child.icon;
    card_head(cards, parts);
    cards += "</a>\n";
  }
  if (cards.empty()) {
    c.out += "<p><em>No child content found</em></p>\n";
    return;
  }
  const DirectiveOption* columns = d.option("columns");
  open_grid(c.out, columns ? columns->value : "", "", "");
  c.out += cards;
  c.out += "</div>\n";
}

}  // namespace bengal::markdown
