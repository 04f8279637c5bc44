// Directives that wrap their body in a titled box or write one small element: admonitions,
// dropdowns, example labels, version notes, badges, buttons, targets, and the plain <div> of
// an unknown name.
#include "bengal/core/html.hpp"
#include "bengal/markdown/directive_markup.hpp"
#include "bengal/markdown/icons.hpp"

namespace bengal::markdown {

namespace {

std::string_view admonition_class(std::string_view name) {
  if (name == "caution") return "warning";  // the class Bengal themes style
  if (name == "important") return "info";
  return name;
}

// The title as inline HTML, or the escaped fallback when the directive has none.
std::string title_html(const DirectiveContext& c, std::string_view fallback) {
  if (!c.d().title.empty()) return c.services.inline_html(c.d().title);
  return html_escape(fallback);
}

bool has_body(const Directive& d) {
  return d.body.find_first_not_of(" \t\r\n") != std::string_view::npos;
}

}  // namespace

// <div class="admonition KIND"><p class="admonition-title"><span
// class="admonition-icon-wrapper">SVG</span><span class="admonition-title-text">T</span></p>
void append_admonition_open(std::string& out, std::string_view name, std::string_view classes,
                            std::string_view title_html) {
  out += "<div class=\"admonition ";
  out += admonition_class(name);
  out += classes;
  out += "\">\n<p class=\"admonition-title\"><span class=\"admonition-icon-wrapper\">";
  out += icon_svg(name);
  out += "</span><span class=\"admonition-title-text\">";
  out += title_html;
  out += "</span></p>\n";
}

void admonition_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  std::string classes;
  if (const DirectiveOption* o = d.option("class")) append_classes(classes, o->value);
  append_admonition_open(c.out, d.name, classes, title_html(c, default_title(d.name)));
}

void append_admonition_close(std::string& out) {
  out += "</div>\n";
}

void admonition_close(const DirectiveContext& c) {
  append_admonition_close(c.out);
}

void append_dropdown_open(std::string& out, const DropdownHead& head) {
  out += "<details class=\"dropdown";
  out += head.classes;
  out += head.open ? "\" open>" : "\">";
  out += "<summary><span class=\"dropdown-header\">";
  if (!head.icon_svg.empty()) {
    out += "<span class=\"dropdown-icon\">";
    out += head.icon_svg;
    out += "</span>";
  }
  out += "<span class=\"dropdown-title\">";
  out += head.title_html;
  out += "</span>";
  if (!head.description_html.empty()) {
    out += "<span class=\"dropdown-description\">";
    out += head.description_html;
    out += "</span>";
  }
  out += "</span></summary><div class=\"dropdown-content\">\n";
}

void dropdown_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  std::string classes;
  if (const DirectiveOption* o = d.option("color")) {
    std::string color = safe_token(o->value);
    if (!color.empty()) classes += " dropdown-" + color;
  }
  if (const DirectiveOption* o = d.option("class")) append_classes(classes, o->value);
  std::string title = title_html(c, "Details");  // before the description, as they read
  std::string description;
  if (const DirectiveOption* o = d.option("description"))
    description = c.services.inline_html(o->value);
  const DirectiveOption* icon = d.option("icon");
  append_dropdown_open(c.out, {.classes = classes,
                               .open = d.option("open") != nullptr,
                               .icon_svg = icon != nullptr ? icon_svg(icon->value) : "",
                               .title_html = title,
                               .description_html = description});
}

void append_dropdown_close(std::string& out) {
  out += "</div></details>\n";
}

void dropdown_close(const DirectiveContext& c) {
  append_dropdown_close(c.out);
}

void example_label_open(const DirectiveContext& c) {
  c.out +=
      "<p class=\"example-label\" role=\"heading\" aria-level=\"6\">"
      "<span class=\"example-label-prefix\">Example:</span> ";
  c.out += title_html(c, "");
  c.out += "</p>\n";
}

// <span class="version-badge version-badge-since">New in X</span>, and with a body both in
// <div class="version-directive">.
void version_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  std::string_view label = d.name == "since"        ? "New in"
                           : d.name == "deprecated" ? "Deprecated in"
                                                    : "Changed in";
  c.state().wrapped = has_body(d);
  if (c.state().wrapped) {
    c.out += "<div class=\"version-directive";
    if (const DirectiveOption* o = d.option("class")) append_classes(c.out, o->value);
    c.out += "\">\n";
  }
  c.out += "<span class=\"version-badge version-badge-";
  c.out += d.name;
  c.out += "\">";
  if (d.title.empty()) {
    c.out += label.substr(0, label.find(' '));
  } else {
    c.out += label;
    c.out += ' ';
    c.out += c.services.inline_html(d.title);
  }
  c.out += "</span>\n";
}

void version_close(const DirectiveContext& c) {
  if (c.state().wrapped) c.out += "</div>\n";
}

void badge_open(const DirectiveContext& c) {
  c.out += "<span class=\"badge";
  if (const DirectiveOption* o = c.d().option("class")) {
    append_classes(c.out, o->value);
  } else {
    c.out += " badge-secondary";
  }
  c.out += "\">";
  c.out += c.services.inline_html(c.d().title);
  c.out += "</span>\n";
}

void button_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  std::string style = "primary";
  if (const DirectiveOption* o = d.option("style")) style = safe_token(o->value);
  c.out += "<a class=\"button button-" + style;
  if (const DirectiveOption* o = d.option("class")) append_classes(c.out, o->value);
  c.out += '"';
  const DirectiveOption* link = d.option("link");
  if (link == nullptr) {
    c.warn("button '" + std::string(d.title) + "' has no ':link:'; add one");
  } else if (!append_href(c, link->value)) {
    c.warn("button link '" + std::string(link->value) + "' leads to no page; fix the path");
  }
  c.out += '>';
  c.out += c.services.inline_html(d.title);
  c.out += "</a>\n";
}

void target_open(const DirectiveContext& c) {
  std::string id = safe_token(c.d().title);
  if (id.empty()) {
    c.warn("target needs an id made of letters, digits, '-' and '_': ':::{target} my-anchor'");
    return;
  }
  c.out += "<span id=\"" + id + "\" class=\"target-anchor\"></span>\n";
}

void unknown_open(const DirectiveContext& c) {
  c.out += "<div class=\"directive directive-" + safe_token(c.d().name) + "\">\n";
}

}  // namespace bengal::markdown
