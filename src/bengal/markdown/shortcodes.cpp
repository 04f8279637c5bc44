#include "bengal/markdown/shortcodes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "bengal/markdown/hugo_shortcodes.hpp"
#include "bengal/markdown/line_blocks.hpp"
#include "bengal/markdown/line_counter.hpp"
#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

// The Liquid tags of Jekyll's posts that stand for content ("{% highlight ruby %}"); not its
// control flow ("{% if %}"), which a page about templates may show in its prose.
bool is_jekyll_tag(std::string_view name) {
  for (std::string_view tag : {"highlight", "include", "include_relative", "link", "post_url"})
    if (name == tag) return true;
  return false;
}

// Jekyll's ways to put the site's address in a link: "{{ site.baseurl }}/about/",
// "{{ '/img/a.png' | relative_url }}". `expression` starts after "{{" and its blanks. Such an
// expression is short: its "}}" is looked for in the next kMaxExpression bytes only, so that a
// page of many "{{" without one stays linear.
bool is_jekyll_url(std::string_view expression) {
  constexpr size_t kMaxExpression = 256;
  std::string_view window = expression.substr(0, kMaxExpression);
  size_t end = window.find("}}");
  if (end == std::string_view::npos) return false;
  std::string_view inside = window.substr(0, end);
  return inside.starts_with("site.baseurl") || inside.starts_with("site.url") ||
         inside.find("relative_url") != std::string_view::npos ||
         inside.find("absolute_url") != std::string_view::npos;
}

constexpr std::string_view kJekyllUrl =
    "Jekyll's '{{ site.baseurl }}' (or relative_url, absolute_url) is not run by bengal and shows "
    "as text; write the site path itself, [text](/about/), and bengal puts it below the base "
    "path of baseurl";

// What to write in bengal instead of the shortcode `name`, for the ones sites use most.
std::string instead_of(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kKnown = {{
      {"ref", "a Markdown link to the page's file, [text](docs/intro.md)"},
      {"relref", "a Markdown link to the page's file, [text](docs/intro.md)"},
      {"youtube", "the directive :::{youtube} ID"},
      {"vimeo", "the directive :::{vimeo} ID"},
      {"gist", "the directive :::{gist} user/ID"},
      {"figure", "the directive :::{figure} image.png"},
      {"details", "the directive :::{dropdown} Summary"},
      {"highlight", "a fenced code block, ```go"},
      {"include", "the directive :::{include} _snippets/file.md"},
      {"include_relative", "the directive :::{include} _snippets/file.md"},
      {"link", "a Markdown link to the page's file, [text](docs/intro.md)"},
      {"post_url", "a Markdown link to the page's file, [text](docs/intro.md)"},
  }};
  for (const auto& [known, write] : kKnown)
    if (name == known) return std::string(write);
  for (std::string_view admonition :
       {"note", "tip", "warning", "caution", "danger", "important", "info", "hint", "attention"})
    if (name == admonition) return fmt::format("the directive :::{{{}}}", name);
  return "Markdown or a directive";
}

// The message's end for a Hugo or Zola shortcode: what to write instead, and for one that is
// the site's own, the template that runs it (hugo_shortcodes.hpp).
std::string write_instead(std::string_view name) {
  std::string write = instead_of(name);
  if (write != "Markdown or a directive") return fmt::format("write {} instead", write);
  return fmt::format("write {} instead, or add a template templates/shortcodes/{}.html", write,
                     name);
}

}  // namespace

std::vector<ShortcodeUse> find_shortcodes(std::string_view text, size_t from, size_t to,
                                          bool lines_run, const std::vector<std::string>* site) {
  std::vector<ShortcodeUse> out;
  constexpr std::string_view kOneLine =
      "runs alone on its lines or within one line of text, and shows as text here; write it on "
      "one line";
  to = std::min(to, text.size());
  for (size_t at = text.find('{', from); at != std::string_view::npos && at < to;
       at = text.find('{', at + 1)) {
    if (at + 1 >= text.size()) break;
    char second = text[at + 1];
    if (second == '{' && at + 2 < text.size() && (text[at + 2] == '<' || text[at + 2] == '%')) {
      // Hugo: "{{<" or "{{%", the name after blanks; "{{< /name >}}" closes one, and
      // "{{</* name */>}}" is Hugo's way to show one as text.
      std::string_view name = name_at(text, skip_blanks(text, at + 3));
      if (name.empty()) continue;
      std::string_view open = text.substr(at, 3);
      std::string_view close = text[at + 2] == '<' ? ">}}" : "%}}";
      if (is_site_shortcode(site, name)) {
        out.push_back({at, fmt::format("Hugo shortcode '{} {} … {}' of templates/shortcodes/ {}",
                                       open, name, close, kOneLine)});
        continue;
      }
      if (lines_run && runs_on_its_own_line(name)) {
        out.push_back({at, fmt::format("Hugo shortcode '{} {} … {}' runs only alone on a line "
                                       "and shows as text here; put it on a line of its own",
                                       open, name, close)});
        continue;
      }
      out.push_back({at, fmt::format("Hugo shortcode '{} {} … {}' is not run by bengal and shows "
                                     "as text; {}",
                                     open, name, close, write_instead(name))});
    } else if (second == '{' || second == '%') {
      // Zola: "{{ name(" or "{% name(", a call; "{% end %}" closes one.
      size_t name_start = skip_blanks(text, at + 2);
      std::string_view name = name_at(text, name_start);
      size_t paren = name_start + name.size();
      bool call = !name.empty() && paren < text.size() && text[paren] == '(';
      if (!call) {
        // Jekyll: "{% highlight ruby %}", a Liquid tag.
        if (second == '%' && is_jekyll_tag(name)) {
          out.push_back({at, fmt::format("Jekyll tag '{{% {} … %}}' is not run by bengal and "
                                         "shows as text; write {} instead",
                                         name, instead_of(name))});
        } else if (second == '{' && is_jekyll_url(text.substr(name_start))) {
          out.push_back({at, std::string(kJekyllUrl)});
        }
        continue;
      }
      std::string_view close = second == '{' ? "}}" : "%}";
      if (is_site_shortcode(site, name)) {
        out.push_back(
            {at, fmt::format("Zola shortcode '{}{} {}(…) {}' of templates/shortcodes/ {}", '{',
                             second, name, close,
                             second == '{' ? kOneLine
                                           : "runs only alone on its line, up to a {% end %} "
                                             "alone on its line, and shows as text here; write "
                                             "both on lines of their own")});
        continue;
      }
      if (lines_run && zola_runs_on_its_own_line(name, second == '%')) {
        out.push_back({at, fmt::format("Zola shortcode '{}{} {}(…) {}' runs only alone on a line "
                                       "and shows as text here; put it on a line of its own",
                                       '{', second, name, close)});
        continue;
      }
      out.push_back({at, fmt::format("Zola shortcode '{}{} {}(…) {}' is not run by bengal and "
                                     "shows as text; {}",
                                     '{', second, name, close, write_instead(name))});
    }
  }
  return out;
}

void append_html_body(std::string_view html, Rendered& out) {
  out.html.append(html);
  LineCounter lines(html);
  std::vector<ShortcodeUse> uses = find_shortcodes(html, 0, html.size());
  // Other template code ("{% for post in site.posts %}", "{{ page.title }}") is most likely a
  // Jekyll page's Liquid, which an HTML page of Jekyll runs: said once, at its first tag.
  size_t template_tags = 0, first = 0;
  size_t use = 0;  // uses[use] is the first shortcode at or after `at` (both in text order)
  for (size_t at = html.find('{'); at != std::string_view::npos; at = html.find('{', at + 2)) {
    std::string_view rest = html.substr(at);
    if (!rest.starts_with("{%") && !rest.starts_with("{{")) continue;
    while (use < uses.size() && uses[use].offset < at) ++use;
    // Hugo's shortcodes, closing ones too, and Zola's "{% end %}" are the shortcodes' part.
    if (rest.starts_with("{{<") || rest.starts_with("{{%") || rest.starts_with("{% end %}") ||
        (use < uses.size() && uses[use].offset == at))
      continue;
    if (template_tags++ == 0) first = at;
  }
  auto warn_template_tags = [&](size_t before) {
    if (template_tags == 0 || first >= before) return;
    auto [line, column] = lines.position(first);
    out.warnings.push_back(
        {line, column,
         fmt::format("template code in an HTML page ({} '{{%' or '{{{{' in all) is published as "
                     "text: bengal runs no templates in content; move it into a template of "
                     "templates/ and choose that with the page's `layout`",
                     template_tags)});
    template_tags = 0;
  };
  for (ShortcodeUse& use : uses) {
    warn_template_tags(use.offset);
    auto [line, column] = lines.position(use.offset);
    out.warnings.push_back({line, column, std::move(use.message)});
  }
  warn_template_tags(html.size() + 1);
}

}  // namespace bengal::markdown
