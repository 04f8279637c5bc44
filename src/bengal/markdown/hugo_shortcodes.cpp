#include "bengal/markdown/hugo_shortcodes.hpp"

#include <algorithm>
#include <optional>

#include "bengal/markdown/directive_markup.hpp"
#include "bengal/markdown/heading_ids.hpp"
#include "bengal/markdown/line_blocks.hpp"

namespace bengal::markdown {

namespace {

// One argument: key="value", key=value, "positional" or positional (key empty).
struct Arg {
  std::string_view key;
  std::string value;
};

class ArgReader {
 public:
  explicit ArgReader(std::string_view s) : s_(s) {}

  // All arguments, or nullopt when one is not well formed (an unclosed quote, template
  // braces: the line is then not one shortcode).
  std::optional<std::vector<Arg>> read() {
    std::vector<Arg> args;
    for (skip_blanks(); i_ < s_.size(); skip_blanks()) {
      Arg arg;
      if (s_[i_] != '"' && s_[i_] != '`') {
        size_t start = i_;
        while (i_ < s_.size() && !blank(s_[i_]) && s_[i_] != '=') ++i_;
        std::string_view word = s_.substr(start, i_ - start);
        if (i_ < s_.size() && s_[i_] == '=') {
          ++i_;
          arg.key = word;
          if (!value(arg.value)) return std::nullopt;
        } else {
          arg.value = word;
        }
      } else if (!value(arg.value)) {
        return std::nullopt;
      }
      if (arg.value.find("}}") != std::string::npos || arg.value.find("{{") != std::string::npos)
        return std::nullopt;
      args.push_back(std::move(arg));
    }
    return args;
  }

 private:
  static bool blank(char c) { return c == ' ' || c == '\t'; }
  void skip_blanks() { i_ = markdown::skip_blanks(s_, i_); }

  // "quoted" (Go's escapes \" and \\), `raw`, or a word up to a blank.
  bool value(std::string& out) {
    if (i_ < s_.size() && s_[i_] == '`') {
      size_t end = s_.find('`', i_ + 1);
      if (end == std::string_view::npos) return false;
      out = s_.substr(i_ + 1, end - i_ - 1);
      i_ = end + 1;
      return true;
    }
    if (i_ < s_.size() && s_[i_] == '"') {
      for (++i_; i_ < s_.size(); ++i_) {
        if (s_[i_] == '"') {
          ++i_;
          return true;
        }
        if (s_[i_] == '\\' && i_ + 1 < s_.size()) ++i_;
        out += s_[i_];
      }
      return false;
    }
    size_t start = i_;
    while (i_ < s_.size() && !blank(s_[i_])) ++i_;
    out = s_.substr(start, i_ - start);
    return !out.empty();
  }

  std::string_view s_;
  size_t i_ = 0;
};

const std::string* named(const std::vector<Arg>& args, std::string_view key) {
  for (const Arg& a : args)
    if (a.key == key) return &a.value;
  return nullptr;
}

// The n-th positional argument, "" when there is none.
std::string positional(const std::vector<Arg>& args, size_t n) {
  for (const Arg& a : args)
    if (a.key.empty() && n-- == 0) return a.value;
  return {};
}

// `key` or else the n-th positional argument.
std::string named_or(const std::vector<Arg>& args, std::string_view key, size_t n) {
  const std::string* v = named(args, key);
  return v != nullptr ? *v : positional(args, n);
}

// Copies the named arguments of `keys` ("from" or "from:to") into options.
void copy(const std::vector<Arg>& args, std::initializer_list<std::string_view> keys,
          ShortcodeLine& out) {
  for (std::string_view spec : keys) {
    size_t colon = spec.find(':');
    std::string_view from = spec.substr(0, colon);
    std::string_view to = colon == std::string_view::npos ? spec : spec.substr(colon + 1);
    if (const std::string* v = named(args, from)) out.options.emplace_back(to, *v);
  }
}

// Hugo's figure: src, alt, caption, title (a heading over the caption), attr and attrlink (the
// credit after it), link, target, width, height, class, loading. Without alt the alt text is
// the caption's, as Hugo writes it.
void figure(const std::vector<Arg>& args, ShortcodeLine& out) {
  out.title = named_or(args, "src", 0);
  copy(args, {"link", "target", "width", "height", "class", "loading"}, out);
  std::string caption;
  const std::string* title = named(args, "title");
  const std::string* text = named(args, "caption");
  if (title != nullptr && text != nullptr) {
    caption = "**" + *title + "** " + *text;
  } else if (title != nullptr || text != nullptr) {
    caption = title != nullptr ? *title : *text;
  }
  if (const std::string* attr = named(args, "attr")) {
    const std::string* link = named(args, "attrlink");
    if (!caption.empty()) caption += ' ';
    caption += link != nullptr ? "[" + *attr + "](" + *link + ")" : *attr;
  }
  if (const std::string* alt = named(args, "alt")) {
    out.options.emplace_back("alt", *alt);
  } else if (text != nullptr || title != nullptr) {
    out.options.emplace_back("alt", text != nullptr ? *text : *title);
  }
  if (!caption.empty()) out.options.emplace_back("caption", caption);
}

// The admonition kind of a theme's box: its own name, hugo-book's `hint KIND`, Docsy's
// `alert color=…`, Hextra's `callout type=…`, Learn's `notice KIND` and Relearn's `notice
// style=…` (or its colors); "note" for what is none of bengal's kinds.
std::string_view box_kind(std::string_view shortcode, const std::vector<Arg>& args) {
  auto value = [&](std::string_view key) {
    const std::string* v = named(args, key);
    return v != nullptr ? *v : std::string();
  };
  std::string wanted(shortcode);
  if (shortcode == "hint") wanted = positional(args, 0);
  if (shortcode == "alert") wanted = value("color");
  if (shortcode == "callout") wanted = value("type");
  if (shortcode == "notice") wanted = named_or(args, "style", 0);
  static constexpr std::pair<std::string_view, std::string_view> kColors[] = {
      {"primary", "info"}, {"secondary", "info"}, {"accent", "info"}, {"blue", "info"},
      {"green", "tip"},    {"orange", "warning"}, {"red", "danger"},
  };
  for (const auto& [color, kind] : kColors)
    if (wanted == color) wanted = kind;
  std::string_view kind = admonition_name(wanted);
  return kind.empty() ? "note" : kind;
}

bool is_box(std::string_view name) {
  for (std::string_view box : {"note", "tip", "warning", "caution", "danger", "important", "info",
                               "hint", "alert", "callout", "notice"})
    if (name == box) return true;
  return false;
}

// The call of the site's template `name`: the directive "shortcode".
void site_call(std::string_view name, const std::vector<Arg>& args, ShortcodeLine& out) {
  static constexpr std::string_view kPositions[] = {"0", "1", "2",  "3",  "4",  "5",  "6",  "7",
                                                    "8", "9", "10", "11", "12", "13", "14", "15"};
  out.directive = "shortcode";
  out.body_if_closed = true;
  out.title = name;
  size_t n = 0;
  for (const Arg& a : args) {
    if (!a.key.empty()) {
      out.options.emplace_back(a.key, a.value);
    } else if (n < std::size(kPositions)) {
      out.options.emplace_back(kPositions[n++], a.value);
    }
  }
}

// The directive of shortcode `name` with `args`; kind kNone for one bengal does not run.
void translate(std::string_view name, const std::vector<Arg>& args, ShortcodeLine& out) {
  if (name == "figure") {
    out.kind = ShortcodeLine::kAlone;
    out.directive = "figure";
    figure(args, out);
  } else if (name == "youtube" || name == "vimeo") {
    out.kind = ShortcodeLine::kAlone;
    out.directive = name == "youtube" ? "youtube" : "vimeo";
    out.title = named_or(args, "id", 0);
    copy(args, {"title", "autoplay", "start", "end", "loop", "mute:muted", "controls", "class"},
         out);
  } else if (name == "gist") {
    out.kind = ShortcodeLine::kAlone;
    out.directive = "gist";
    out.title = positional(args, 0) + "/" + positional(args, 1);
    if (std::string file = positional(args, 2); !file.empty())
      out.options.emplace_back("file", file);
  } else if (name == "details") {
    out.kind = ShortcodeLine::kOpen;
    out.directive = "dropdown";
    out.title = named_or(args, "summary", 0);
    if (const std::string* open = named(args, "open"); open != nullptr && *open == "true")
      out.options.emplace_back("open", "true");
    copy(args, {"class"}, out);
  } else if (name == "highlight") {
    // The options string is Hugo's, which a fence's {…} reads: "linenos=table,hl_lines=2 4-6".
    out.kind = ShortcodeLine::kOpen;
    out.directive = "code-block";
    out.title = positional(args, 0);
    if (std::string opts = positional(args, 1); !opts.empty()) out.title += " {" + opts + "}";
  } else if (is_box(name)) {
    out.kind = ShortcodeLine::kOpen;
    out.directive = box_kind(name, args);
    if (const std::string* title = named(args, "title")) {
      out.title = *title;
    } else if (name == "notice") {
      out.title = positional(args, 1);  // Relearn: notice STYLE TITLE
    }
  } else if (name == "expand") {
    // Learn's and hugo-book's `expand "Title"`, Relearn's `expand title="T" expanded=true`.
    out.kind = ShortcodeLine::kOpen;
    out.directive = "dropdown";
    out.title = named_or(args, "title", 0);
    if (out.title.empty()) out.title = "Expand me...";  // Learn's default
    const std::string* open = named(args, "expanded");
    if (open == nullptr) open = named(args, "open");
    if (open != nullptr && *open == "true") out.options.emplace_back("open", "true");
  } else if (name == "tabs") {
    // hugo-book's `tabs "id"`, Relearn's `tabs`, Hextra's `tabs items="A,B"` (its tabs' labels).
    out.kind = ShortcodeLine::kOpen;
    out.directive = "tab-set";
    copy(args, {"items", "class"}, out);
  } else if (name == "tab") {
    // hugo-book's `tab "Title"`, Relearn's `tab title="T"`, Hextra's `tab` (its label is the
    // set's item of its place).
    out.kind = ShortcodeLine::kOpen;
    out.directive = "tab-item";
    out.title = named_or(args, "title", 0);
    if (out.title.empty()) {
      const std::string* label = named(args, "name");
      if (label != nullptr) out.title = *label;
    }
    if (const std::string* selected = named(args, "selected"); selected && *selected == "true")
      out.options.emplace_back("selected", "true");
  } else if (name == "mermaid") {
    // hugo-book's, Learn's and Relearn's diagrams: a ```mermaid block.
    out.kind = ShortcodeLine::kOpen;
    out.directive = "code-block";
    out.title = "mermaid";
  } else if (name == "cards") {
    // Hextra's `cards cols="2"`.
    out.kind = ShortcodeLine::kOpen;
    out.directive = "cards";
    copy(args, {"cols:columns"}, out);
  } else if (name == "card") {
    // Hextra's `card link="…" title="…" icon="…" subtitle="…" tag="…"` (no body) and Docsy's
    // `card header="…"` … `/card`: a body when its closer follows.
    out.kind = ShortcodeLine::kOpen;
    out.body_if_closed = true;
    out.directive = "card";
    const std::string* title = named(args, "title");
    if (title == nullptr) title = named(args, "header");
    if (title != nullptr) out.title = *title;
    copy(args, {"link", "icon", "subtitle:description", "tag:badge"}, out);
  }
}

// Jekyll's "{% include FILE key="v" %}": a site's own include as its template of that name
// (FILE without ".html"; the arguments are also `include`, as Jekyll's include.key reads
// them), else Minimal Mistakes' figure (image_path, alt, caption) and video (id, provider
// youtube or vimeo) as those directives. kind kNone for any other.
void jekyll_include(std::string_view file, const std::vector<Arg>& params,
                    const SiteShortcodes* site, ShortcodeLine& out) {
  std::string_view name = file.ends_with(".html") ? file.substr(0, file.size() - 5) : file;
  if (is_site_shortcode(site, name)) {
    site_call(name, params, out);
    out.kind = ShortcodeLine::kAlone;
  } else if (file == "figure") {
    out.kind = ShortcodeLine::kAlone;
    out.directive = "figure";
    out.title = named_or(params, "image_path", 0);
    copy(params, {"alt", "caption", "class"}, out);
  } else if (file == "video") {
    const std::string* provider = named(params, "provider");
    if (provider == nullptr || (*provider != "youtube" && *provider != "vimeo")) return;
    out.kind = ShortcodeLine::kAlone;
    out.directive = *provider == "youtube" ? "youtube" : "vimeo";
    out.title = named_or(params, "id", 0);
  }
}

// Jekyll's "{% highlight ruby linenos %}" … "{% endhighlight %}" (mark_lines="1 2" too), read
// as Hugo's highlight, and "{% include … %}" (jekyll_include); `line` is trimmed, a tag from
// `at`.
ShortcodeLine jekyll_line(std::string_view line, size_t at, const SiteShortcodes* site) {
  ShortcodeLine out;
  std::optional<std::vector<Arg>> args =
      ArgReader(line.substr(at + 2, line.size() - at - 4)).read();
  if (!args || args->empty() || !args->front().key.empty()) return out;
  std::string_view name = args->front().value;
  out.column = static_cast<uint32_t>(at + 1);
  out.shortcode = "highlight";
  if (name == "endhighlight" && args->size() == 1) {
    out.kind = ShortcodeLine::kClose;
  } else if (name == "highlight" && args->size() >= 2 && args->at(1).key.empty()) {
    out.kind = ShortcodeLine::kOpen;
    out.directive = "code-block";
    out.title = args->at(1).value;
    for (const Arg& a : *args)
      if (a.key.empty() && a.value == "linenos") out.title += " linenos";
    if (const std::string* marked = named(*args, "mark_lines")) out.title += " {" + *marked + "}";
  } else if (name == "include" && args->size() >= 2 && args->at(1).key.empty()) {
    out.shortcode = "include";
    jekyll_include(args->at(1).value, std::vector<Arg>(args->begin() + 2, args->end()), site, out);
  }
  return out;
}

// Zola's arguments, "key=value, key2="text"": named only; a value is quoted ("", '' or ``), or
// a word up to a comma or a blank (a number, true, false). Nullopt when not well formed.
std::optional<std::vector<Arg>> zola_args(std::string_view s) {
  std::vector<Arg> args;
  size_t i = 0;
  auto skip = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ',')) ++i;
  };
  for (skip(); i < s.size(); skip()) {
    size_t key_end = i;
    while (key_end < s.size() && is_name_char(s[key_end])) ++key_end;
    size_t eq = s.find_first_not_of(" \t", key_end);
    if (key_end == i || eq == std::string_view::npos || s[eq] != '=') return std::nullopt;
    Arg arg{s.substr(i, key_end - i), {}};
    i = s.find_first_not_of(" \t", eq + 1);
    if (i == std::string_view::npos) return std::nullopt;
    if (char q = s[i]; q == '"' || q == '\'' || q == '`') {
      size_t end = s.find(q, i + 1);
      if (end == std::string_view::npos) return std::nullopt;
      arg.value = s.substr(i + 1, end - i - 1);
      i = end + 1;
    } else {
      size_t end = std::min(s.find_first_of(", \t", i), s.size());
      arg.value = s.substr(i, end - i);
      i = end;
    }
    args.push_back(std::move(arg));
  }
  return args;
}

// Zola's shortcodes whose names are bengal's: "{{ youtube(id="…") }}", vimeo, gist(url=…) alone
// on a line, and a body "{% note(title="…") %}" (any admonition's name, or admonition(type=…))
// up to "{% end %}". `body`: the "{%" form. A site's own template of that name is not run:
// the directive stands for it.
void translate_zola(std::string_view name, const std::vector<Arg>& args, bool body,
                    ShortcodeLine& out) {
  if (!body && (name == "youtube" || name == "vimeo")) {
    translate(name, args, out);
  } else if (!body && name == "gist") {
    out.kind = ShortcodeLine::kAlone;
    out.directive = "gist";
    const std::string* url = named(args, "url");
    std::string_view ref = url != nullptr ? std::string_view(*url) : std::string_view();
    if (size_t host = ref.find("gist.github.com/"); host != std::string_view::npos)
      ref.remove_prefix(host + 16);
    out.title = ref;
    copy(args, {"file", "class"}, out);
  } else if (body) {
    const std::string* type = named(args, "type");
    std::string_view kind =
        admonition_name(name == "admonition" && type != nullptr ? std::string_view(*type) : name);
    if (kind.empty() && name != "admonition") return;
    out.kind = ShortcodeLine::kOpen;
    out.directive = kind.empty() ? "note" : kind;
    if (const std::string* title = named(args, "title")) out.title = *title;
  }
}

// A Zola shortcode line from `at`: "{{ name(args) }}", "{% name(args) %}" or "{% end %}".
ShortcodeLine zola_line(std::string_view line, size_t at, const SiteShortcodes* site) {
  ShortcodeLine out;
  bool body = line[at + 1] == '%';
  std::string_view inside = line.substr(at + 2, line.size() - at - 4);
  size_t i = skip_blanks(inside, 0);
  std::string_view name = name_at(inside, i);
  std::string_view rest = inside.substr(i + name.size());
  size_t last = rest.find_last_not_of(" \t");
  out.column = static_cast<uint32_t>(at + 1);
  out.shortcode = "end";  // what closes a body: "{% end %}"
  if (body && name == "end" && last == std::string_view::npos) {
    out.kind = ShortcodeLine::kClose;
    return out;
  }
  if (name.empty() || rest.empty() || rest[0] != '(' || last == std::string_view::npos ||
      rest[last] != ')')
    return out;
  std::optional<std::vector<Arg>> args = zola_args(rest.substr(1, last - 1));
  if (args && is_site_shortcode(site, name)) {
    site_call(name, *args, out);
    out.kind = body ? ShortcodeLine::kOpen : ShortcodeLine::kAlone;
  } else if (args) {
    translate_zola(name, *args, body, out);
  }
  return out;
}

}  // namespace

bool is_site_shortcode(const SiteShortcodes* site, std::string_view name) {
  return site != nullptr && std::binary_search(site->begin(), site->end(), name);
}

ShortcodeLine read_shortcode_line(std::string_view line, const SiteShortcodes* site) {
  ShortcodeLine out;
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  size_t at = indent_of(line);
  if (at > 3 || line.size() < at + 6) return out;
  bool tag = line.substr(at).starts_with("{%") && line.ends_with("%}");
  bool call = line.substr(at).starts_with("{{") && line.ends_with("}}") && line[at + 2] != '<' &&
              line[at + 2] != '%';
  if ((tag || call) && line.find('(') != std::string_view::npos) return zola_line(line, at, site);
  if (tag) {
    ShortcodeLine end = zola_line(line, at, site);  // "{% end %}"
    return end.kind != ShortcodeLine::kNone ? end : jekyll_line(line, at, site);
  }
  if (!line.substr(at).starts_with("{{")) return out;
  char kind = line[at + 2];
  if (kind != '<' && kind != '%') return out;
  std::string_view close = kind == '<' ? ">}}" : "%}}";
  if (!line.ends_with(close)) return out;
  std::string_view inside = line.substr(at + 3, line.size() - close.size() - at - 3);
  size_t i = skip_blanks(inside, 0);
  bool closer = i < inside.size() && inside[i] == '/';
  if (closer) ++i;
  std::string_view name = name_at(inside, i);
  if (name.empty()) return out;
  std::string_view rest = inside.substr(i + name.size());
  bool self_closed = rest.ends_with("/");  // Hugo's "{{< details … />}}": no body
  if (self_closed) rest.remove_suffix(1);
  std::optional<std::vector<Arg>> args = ArgReader(rest).read();
  if (!args || (closer && !args->empty())) return out;
  if (is_site_shortcode(site, name)) {
    site_call(name, *args, out);
    out.kind = ShortcodeLine::kOpen;
  } else {
    translate(name, *args, out);
  }
  if (out.kind == ShortcodeLine::kNone) return out;
  out.shortcode = name;
  out.column = static_cast<uint32_t>(at + 1);
  if (closer) {
    out = {ShortcodeLine::kClose, name, out.directive, out.column, {}, {}, false};
  } else if (self_closed) {
    out.kind = ShortcodeLine::kAlone;
  }
  return out;
}

namespace {

// The offsets in `line` that are inside a code span on it: a run of n backticks and the next
// run of exactly n (a span across lines is not seen).
std::vector<std::pair<size_t, size_t>> code_spans(std::string_view line) {
  std::vector<std::pair<size_t, size_t>> spans;
  size_t at = line.find('`');
  while (at != std::string_view::npos) {
    size_t n = run_of(line, at, '`');
    size_t close = line.find('`', at + n);
    while (close != std::string_view::npos && run_of(line, close, '`') != n)
      close = line.find('`', close + run_of(line, close, '`'));
    if (close == std::string_view::npos) {
      at = line.find('`', at + n);  // no closer: the run is text
      continue;
    }
    spans.emplace_back(at, close + n);
    at = line.find('`', close + n);
  }
  return spans;
}

// Jekyll's "{% post_url 2024-01-31-name %}" (a post by its file's name) and "{% link
// path/from/the/site.md %}" at `at` of `line`: its end and what the destination becomes; 0 for
// none. A linked page is found by its file's name (its folder moved: _posts/ to content/);
// another file's path stays a site path.
size_t jekyll_link_at(std::string_view line, size_t at, std::string& dest) {
  size_t end = line.find("%}", at + 2);
  if (end == std::string_view::npos) return 0;
  std::optional<std::vector<Arg>> args = ArgReader(line.substr(at + 2, end - at - 2)).read();
  if (!args || args->size() != 2 || !args->at(0).key.empty() || !args->at(1).key.empty()) return 0;
  std::string_view tag = args->at(0).value;
  std::string_view path = args->at(1).value;
  bool page = tag == "post_url" ||
              (tag == "link" && (path.ends_with(".md") || path.ends_with(".markdown")));
  if (page) {
    dest = std::string(kHugoRefScheme) + std::string(path.substr(path.rfind('/') + 1));
  } else if (tag == "link") {
    dest = "/" + std::string(path.starts_with('/') ? path.substr(1) : path);
  } else {
    return 0;
  }
  return end + 2;
}

// Jekyll's site address at `at` of `line`, as a link's destination starts: "{{ site.baseurl }}"
// or "{{ site.url }}" (nothing of the path: dest stays empty, or "/" when the destination is
// only that) or "{{ '/about/' | relative_url }}" (absolute_url too: the path itself). Its end;
// 0 for none.
size_t jekyll_url_at(std::string_view line, size_t at, std::string& dest) {
  if (!line.substr(at).starts_with("{{")) return 0;
  size_t end = line.find("}}", at + 2);
  if (end == std::string_view::npos) return 0;
  std::string_view inside = trim_blanks(line.substr(at + 2, end - at - 2));
  if (inside.empty()) return 0;
  end += 2;
  if (inside == "site.baseurl" || inside == "site.url") {
    size_t next = line.find_first_not_of(" \t", end);
    dest = next == std::string_view::npos || line[next] == ')' ? "/" : "";
    return end;
  }
  size_t bar = inside.find('|');
  if (bar == std::string_view::npos || bar < 2) return 0;
  std::string_view filter = trim_blanks(inside.substr(bar + 1));
  if (filter != "relative_url" && filter != "absolute_url") return 0;
  std::string_view literal = trim_blanks(inside.substr(0, bar));
  char quote = literal.front();
  if ((quote != '"' && quote != '\'') || literal.size() < 2 || literal.back() != quote ||
      literal.substr(1, literal.size() - 2).find(quote) != std::string_view::npos)
    return 0;
  literal = literal.substr(1, literal.size() - 2);
  dest = literal.starts_with('/') ? std::string(literal) : "/" + std::string(literal);
  return end;
}

// The shortcode "{{< ref "x" >}}" (or relref, {{% %}}, path="x") at `at` of `line`: its end
// and its target; 0 for none.
size_t ref_at(std::string_view line, size_t at, std::string& target) {
  if (!line.substr(at).starts_with("{{<") && !line.substr(at).starts_with("{{%")) return 0;
  std::string_view close = line[at + 2] == '<' ? ">}}" : "%}}";
  size_t end = line.find(close, at + 3);
  if (end == std::string_view::npos) return 0;
  std::string_view inside = line.substr(at + 3, end - at - 3);
  size_t i = skip_blanks(inside, 0);
  std::string_view name = name_at(inside, i);
  if (name != "ref" && name != "relref") return 0;
  std::optional<std::vector<Arg>> args = ArgReader(inside.substr(i + name.size())).read();
  if (!args) return 0;
  target = named_or(*args, "path", 0);
  return target.empty() ? 0 : end + close.size();
}

// Calls fn(pos, line) for each line of `text` that may hold Markdown text: not inside a fenced
// code block, not indented as code. `line` is a view of `text` from offset `pos`, without its
// line end; fn may change its bytes, not its length.
template <class Fn>
void for_each_text_line(std::string& text, Fn fn) {
  Fence fence;
  for (size_t pos = 0; pos < text.size();) {
    size_t next = std::min(text.find('\n', pos), text.size());
    std::string_view line(text.data() + pos, next - pos);
    if (fence.ch != 0) {
      if (closes_fence(line, fence)) fence.ch = 0;
    } else if (!opens_fence(line, fence) && indent_of(line) < 4) {
      fn(pos, line);
    }
    pos = next + 1;
  }
}

bool in_spans(const std::vector<std::pair<size_t, size_t>>& spans, size_t at) {
  return std::any_of(spans.begin(), spans.end(),
                     [at](auto span) { return at >= span.first && at < span.second; });
}

// Whether offset `at` of `line` follows a link's "](" or a definition's "]:" (blanks between).
bool is_link_destination(std::string_view line, size_t at) {
  std::string_view before = line.substr(0, at);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return before.ends_with("](") || before.ends_with("]:");
}

// The closer of the site's shortcode `name`, "{{< /name >}}" or "{{% /name %}}", first found
// in `line` from `from`: its offset in `at` and its length; 0 when there is none.
size_t closer_after(std::string_view line, size_t from, std::string_view name,
                    const SiteShortcodes& site, size_t& at) {
  for (size_t i = line.find("{{", from); i != std::string_view::npos; i = line.find("{{", i + 2)) {
    if (i + 2 >= line.size() || (line[i + 2] != '<' && line[i + 2] != '%')) continue;
    size_t end = line.find(line[i + 2] == '<' ? ">}}" : "%}}", i + 3);
    if (end == std::string_view::npos) return 0;
    ShortcodeLine tag = read_shortcode_line(line.substr(i, end + 3 - i), &site);
    if (tag.kind == ShortcodeLine::kClose && tag.shortcode == name) {
      at = i;
      return end + 3 - i;
    }
  }
  return 0;
}

// closer_after, remembered per name in `search`: the answer for a later `from` is the last
// one while the closer found is not before it (calls are read from left to right).
size_t closer_after(std::string_view line, size_t from, std::string_view name,
                    const SiteShortcodes& site, InlineSearch* search, size_t& at) {
  if (search == nullptr) return closer_after(line, from, name, site, at);
  auto known = std::find_if(search->closers.begin(), search->closers.end(),
                            [&](const InlineSearch::Closer& c) { return c.name == name; });
  if (known != search->closers.end() && known->from <= from &&
      (known->at == std::string_view::npos || known->at >= from)) {
    at = known->at;
    return known->at == std::string_view::npos ? 0 : known->length;
  }
  if (known == search->closers.end())
    known = search->closers.insert(search->closers.end(), {std::string(name), 0, 0, 0});
  known->from = from;
  known->length = closer_after(line, from, name, site, known->at);
  if (known->length == 0) known->at = std::string_view::npos;
  at = known->at;
  return known->length;
}

// The first `close` at or after `from`, remembered in `search` (slot `kind`).
size_t end_after(std::string_view line, size_t from, std::string_view close, size_t kind,
                 InlineSearch* search) {
  if (search == nullptr) return line.find(close, from);
  size_t& end = search->ends[kind];
  if (end != std::string_view::npos && end < from) end = line.find(close, from);
  return end;
}

}  // namespace

void rewrite_ref_links(std::string& text) {
  if (!may_contain_shortcodes(text)) return;
  for_each_text_line(text, [&](size_t pos, std::string_view line) {
    std::vector<std::pair<size_t, size_t>> spans = code_spans(line);
    for (size_t at = line.find('{'); at != std::string_view::npos; at = line.find('{', at + 1)) {
      // Only as a link's destination.
      if (!is_link_destination(line, at) || in_spans(spans, at)) continue;
      std::string target, dest;
      size_t end = ref_at(line, at, target);
      if (end != 0) {
        dest = std::string(kHugoRefScheme) + target;
      } else if (line.substr(at).starts_with("{% ")) {
        end = jekyll_link_at(line, at, dest);
      } else {
        end = jekyll_url_at(line, at, dest);
      }
      if (end == 0 || dest.find_first_of("<>\n") != std::string::npos) continue;
      if (dest.find_first_of(" \t()") != std::string::npos) dest = "<" + dest + ">";
      if (dest.size() > end - at) continue;
      dest.resize(end - at, ' ');  // the same length: lines, columns and offsets stay
      text.replace(pos + at, dest.size(), dest);
      at = end - 1;
    }
  });
}

InlineShortcode read_inline_shortcode(std::string_view line, size_t at, const SiteShortcodes& site,
                                      InlineSearch* search) {
  InlineShortcode out;
  std::string_view rest = line.substr(at);
  if (!rest.starts_with("{{") || rest.size() < 6) return out;
  size_t kind = rest[2] == '<' ? 0 : rest[2] == '%' ? 1 : 2;
  static constexpr std::string_view kCloses[] = {">}}", "%}}", "}}"};
  std::string_view close = kCloses[kind];
  size_t end = end_after(line, at + (kind == 2 ? 2 : 3), close, kind, search);
  if (end == std::string_view::npos) return out;
  size_t length = end + close.size() - at;
  ShortcodeLine call = read_shortcode_line(rest.substr(0, length), &site);
  if (call.directive != "shortcode" || call.kind == ShortcodeLine::kClose) return out;
  if (call.kind == ShortcodeLine::kOpen) {
    // Paired when its closer follows on the line, as a call alone on a line is when its closer
    // follows (directive_parser.hpp).
    size_t closer = 0;
    if (size_t n = closer_after(line, at + length, call.shortcode, site, search, closer); n != 0) {
      out.body = line.substr(at + length, closer - at - length);
      length = closer + n - at;
    } else {
      call.kind = ShortcodeLine::kAlone;
    }
  }
  call.column = static_cast<uint32_t>(at + 1);
  out.call = std::move(call);
  out.length = length;
  return out;
}

std::vector<TextSpan> mark_inline_shortcodes(std::string& text, const SiteShortcodes& site) {
  std::vector<TextSpan> marks;
  if (site.empty() || text.find("{{") == std::string::npos) return marks;
  for_each_text_line(text, [&](size_t pos, std::string_view line) {
    std::optional<std::vector<std::pair<size_t, size_t>>> spans;  // read before any rewrite
    InlineSearch search;
    for (size_t at = line.find("{{"); at != std::string_view::npos; at = line.find("{{", at + 1)) {
      InlineShortcode sc = read_inline_shortcode(line, at, site, &search);
      if (sc.call.kind == ShortcodeLine::kNone || is_link_destination(line, at)) continue;
      if (!spans) spans = code_spans(line);
      if (in_spans(*spans, at)) continue;
      // A code span of two backticks: md4c keeps it whole, and no block starts with one.
      std::string mark = "``" + std::string(sc.length - 4, 'x') + "``";
      text.replace(pos + at, mark.size(), mark);
      marks.push_back({pos + at, sc.length});
      at += sc.length - 1;
    }
  });
  return marks;
}

void unescape_shortcode_comments(std::string& text, size_t from, bool html) {
  if (text.find("/*", from) == std::string::npos) return;
  std::string_view open = html ? "{{&lt;/*" : "{{</*";
  std::string_view close = html ? "*/&gt;}}" : "*/>}}";
  std::string out;
  out.reserve(text.size());
  out.append(text, 0, from);
  for (size_t i = from; i < text.size();) {
    std::string_view rest = std::string_view(text).substr(i);
    if (rest.starts_with(open) || rest.starts_with("{{%/*")) {
      out.append(rest.substr(0, rest[2] == '%' ? 3 : open.size() - 2));
      i += rest[2] == '%' ? 5 : open.size();
    } else if (rest.starts_with(close) || rest.starts_with("*/%}}")) {
      i += 2;  // "*/" dropped
    } else {
      out += text[i++];
    }
  }
  text = std::move(out);
}

bool runs_on_its_own_line(std::string_view name) {
  ShortcodeLine line;
  translate(name, {}, line);
  return line.kind != ShortcodeLine::kNone;
}

bool zola_runs_on_its_own_line(std::string_view name, bool body) {
  ShortcodeLine line;
  translate_zola(name, {}, body, line);
  return line.kind != ShortcodeLine::kNone;
}

bool may_contain_shortcodes(std::string_view text) {
  return text.find("{{") != std::string_view::npos || text.find("{%") != std::string_view::npos;
}

}  // namespace bengal::markdown
