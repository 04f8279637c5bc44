#include "bengal/markdown/roles.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "bengal/core/html.hpp"
#include "bengal/markdown/icons.hpp"
#include "bengal/markdown/link_destination.hpp"
#include "bengal/markdown/math_markup.hpp"

namespace bengal::markdown {
namespace {

bool is_blank_char(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && is_blank_char(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank_char(s.back())) s.remove_suffix(1);
  return s;
}

// An ASCII letter, digit or '_': "{" after one is inside a word ("a{kbd}"). Other scripts
// count as a boundary, since Chinese or Japanese prose puts no space before a role.
bool is_word_byte(char c) {
  return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// {kbd}`Ctrl+Shift+P`: one <kbd> per key, joined by '+', as Bengal writes it. A '+' separates
// two keys only with a key on each side, so "+" and "Ctrl++" name the plus key. Keys are
// trimmed, so "Ctrl + C" is "Ctrl+C".
void kbd_role(std::string_view text, const RoleContext&, std::string& html, RoleOutput& out) {
  text = trim_blanks(text);
  out.plain.assign(text);
  size_t start = 0;
  bool key_started = false;  // a non-blank byte since `start`
  auto key = [&](std::string_view k) {
    html += "<kbd>";
    append_html_escaped(html, trim_blanks(k));
    html += "</kbd>";
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+' && key_started && i + 1 < text.size()) {
      key(text.substr(start, i - start));
      html += '+';
      start = i + 1;
      key_started = false;
    } else if (!is_blank_char(text[i])) {
      key_started = true;
    }
  }
  key(text.substr(start));
}

// {abbr}`HTML (HyperText Markup Language)`: the expansion in parentheses at the end becomes
// the title; without one, a plain <abbr>.
void abbr_role(std::string_view text, const RoleContext&, std::string& html, RoleOutput& out) {
  text = trim_blanks(text);
  std::string_view abbr = text, title;
  if (size_t open = text.rfind('('); open != std::string_view::npos && text.ends_with(')')) {
    std::string_view before = trim_blanks(text.substr(0, open));
    if (!before.empty()) {
      abbr = before;
      title = trim_blanks(text.substr(open + 1, text.size() - open - 2));
    }
  }
  out.plain.assign(abbr);
  html += "<abbr";
  if (!title.empty()) {
    html += " title=\"";
    append_html_escaped(html, title);
    html += '"';
  }
  html += '>';
  append_html_escaped(html, abbr);
  html += "</abbr>";
}

// {math}`x^2`: the markup of inline $x^2$, the TeX escaped between \( and \) for MathJax or
// KaTeX to typeset in the browser.
void math_role(std::string_view text, const RoleContext&, std::string& html, RoleOutput& out) {
  out.plain.assign(text);
  out.math = true;
  append_math(html, text, MathKind::kInline);
}

// A label, not a path: no '/', '#', '.' or ':'.
bool is_local_label(std::string_view target) {
  return target.find_first_of("/#.:") == std::string_view::npos;
}

// Whether the resolver knows `dest` (a link as written in this page).
bool resolves(const Options& options, const std::string& dest) {
  if (options.resolve_link == nullptr) return false;
  auto rewritten = (*options.resolve_link)(dest, false);
  return rewritten && !rewritten->broken;
}

// {doc}`path` and {ref}`target`, with the link text written first: "Text <target>".
void link_role(std::string_view name, std::string_view text, const RoleContext& context,
               std::string& html, RoleOutput& out) {
  text = trim_blanks(text);
  std::string_view label = text, target = text;
  if (size_t open = text.rfind('<'); open != std::string_view::npos && text.ends_with('>')) {
    target = trim_blanks(text.substr(open + 1, text.size() - open - 2));
    label = trim_blanks(text.substr(0, open));
    if (label.empty()) label = target;
  }
  out.plain.assign(label);
  if (target.empty() || context.in_link) {
    if (target.empty())
      out.warning = fmt::format(
          "{{{0}}} needs a target: write {{{0}}}`target` or {{{0}}}`Text <target>`", name);
    append_html_escaped(html, label);
    return;
  }
  std::string dest(target);
  bool wiki = true;
  // {ref}`label`: a label on this page (a heading id or a target directive), as in Sphinx,
  // before a page of that name.
  if (name == "ref" && is_local_label(target) && resolves(context.options, "#" + dest)) {
    dest.insert(0, 1, '#');
    wiki = false;
  }
  html += "<a href=\"";
  bool broken = append_link_destination(html, dest, wiki, context.options);
  html +=
      broken ? "\" class=\"reference internal broken-link\">" : "\" class=\"reference internal\">";
  append_html_escaped(html, label);
  html += "</a>";
  if (broken) {
    out.warning = fmt::format(
        "{{{}}} target '{}' not found; write a page's path (from content/ or this page's "
        "folder, .md optional), page#anchor or id:NAME",
        name, target);
  }
}

void doc_role(std::string_view text, const RoleContext& context, std::string& html,
              RoleOutput& out) {
  link_role("doc", text, context, html, out);
}

void ref_role(std::string_view text, const RoleContext& context, std::string& html,
              RoleOutput& out) {
  link_role("ref", text, context, html, out);
}

// {icon}`name`: the inline SVG of the theme's icon set; an unknown name writes nothing.
void icon_role(std::string_view text, const RoleContext&, std::string& html, RoleOutput& out) {
  std::string_view name = trim_blanks(text);
  std::string_view svg = icon_svg(name);
  if (!svg.empty()) {
    html += svg;
    return;
  }
  out.warning = fmt::format("unknown icon '{}' in {{icon}}; use one of:", name);
  for (std::string_view known : icon_names()) {
    out.warning += ' ';
    out.warning += known;
  }
}

// Sorted by name for the binary search below.
constexpr std::array kRoles{
    RoleSpec{"abbr", abbr_role}, RoleSpec{"doc", doc_role},   RoleSpec{"icon", icon_role},
    RoleSpec{"kbd", kbd_role},   RoleSpec{"math", math_role}, RoleSpec{"ref", ref_role},
};

const RoleSpec* find_role(std::string_view name) {
  auto it = std::lower_bound(kRoles.begin(), kRoles.end(), name,
                             [](const RoleSpec& r, std::string_view n) { return r.name < n; });
  return it != kRoles.end() && it->name == name ? &*it : nullptr;
}

// The longest role name: a run ending in "}" is searched no further back than this.
constexpr size_t kMaxRoleName =
    std::max_element(kRoles.begin(), kRoles.end(), [](const RoleSpec& a, const RoleSpec& b) {
      return a.name.size() < b.name.size();
    })->name.size();

}  // namespace

std::optional<RolePrefix> find_role_prefix(std::string_view input, std::string_view run) {
  const char* begin = input.data();
  if (run.empty() || run.data() < begin || run.data() + run.size() > begin + input.size())
    return std::nullopt;
  size_t end = static_cast<size_t>(run.data() - begin) + run.size();  // of the run, in input
  if (run.back() != '}' || end >= input.size() || input[end] != '`') return std::nullopt;
  // Only "{name}" itself is read, however long the run.
  size_t tail = std::min(run.size(), kMaxRoleName + 2);
  size_t open = run.substr(run.size() - tail).rfind('{');
  if (open == std::string_view::npos) return std::nullopt;
  open += run.size() - tail;
  const RoleSpec* role = find_role(run.substr(open + 1, run.size() - open - 2));
  if (role == nullptr) return std::nullopt;
  size_t offset = static_cast<size_t>(run.data() - begin) + open;
  if (offset > 0 && (input[offset - 1] == '\\' || is_word_byte(input[offset - 1])))
    return std::nullopt;
  return RolePrefix{role, offset, run.size() - open};
}

void render_role(const RoleSpec& role, std::string_view text, const RoleContext& context,
                 std::string& html, RoleOutput& out) {
  out.plain.clear();
  out.warning.clear();
  out.math = false;
  role.render(text, context, html, out);
}

std::vector<std::string_view> role_names() {
  std::vector<std::string_view> names;
  names.reserve(kRoles.size());
  for (const auto& r : kRoles) names.push_back(r.name);
  return names;
}

}  // namespace bengal::markdown
