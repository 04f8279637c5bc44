// The directive table (name -> options and markup functions) and the helpers the markup
// families share.
#include "bengal/markdown/directive_markup.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "bengal/core/html.hpp"
#include "bengal/markdown/html_escaping.hpp"
#include "bengal/markdown/url_safety.hpp"

namespace bengal::markdown {

namespace {

constexpr std::string_view kAdmonitionOptions = "class,name";
constexpr std::string_view kTabItemOptions = "badge,class,icon,name,selected,sync";
constexpr std::string_view kCardOptions = "badge,class,color,description,icon,link";
constexpr std::string_view kDropdownOptions = "class,color,description,icon,name,open";
constexpr std::string_view kGridOptions = "class,columns,gap";
constexpr std::string_view kVersionOptions = "class";
constexpr std::string_view kVideoOptions = "aspect,autoplay,class,loop,muted,title,width";

// Sorted by name for the binary search below; aliases are rows of their own.
constexpr std::array kKinds{
    DirectiveKind{"asciinema", "asciinema",
                  "autoplay,class,cols,idle-time-limit,loop,poster,rows,speed,start-at,theme,title",
                  true, asciinema_open, nullptr},
    DirectiveKind{"audio", "audio", "autoplay,class,controls,loop,muted,preload,title", true,
                  audio_open, nullptr},
    DirectiveKind{"badge", "badge", "class", true, badge_open, nullptr},
    DirectiveKind{"button", "button", "class,link,style", true, button_open, nullptr},
    DirectiveKind{"card", "card", kCardOptions, false, card_open, card_close},
    DirectiveKind{"cards", "cards", kGridOptions, false, cards_open, div_close},
    DirectiveKind{"caution", "caution", kAdmonitionOptions, false, admonition_open,
                  admonition_close},
    DirectiveKind{"changed", "changed", kVersionOptions, false, version_open, version_close},
    DirectiveKind{"checklist", "checklist", "class,show-progress", false, checklist_open,
                  checklist_close},
    DirectiveKind{"child-cards", "child-cards", "columns,exclude,fields,include", true,
                  child_cards_open, nullptr},
    DirectiveKind{"code-block", "code-block", "caption,emphasize-lines,linenos,lineno-start", true,
                  code_block_open, nullptr},
    DirectiveKind{"code-tabs", "code-tabs", "class,sync", true, code_tabs_open, nullptr},
    DirectiveKind{"codepen", "codepen", "class,default-tab,editable,height,preview,theme,title",
                  true, codepen_open, nullptr},
    DirectiveKind{"codesandbox", "codesandbox",
                  "class,fontsize,height,hidenavigation,module,theme,title,view", true,
                  codesandbox_open, nullptr},
    DirectiveKind{"danger", "danger", kAdmonitionOptions, false, admonition_open, admonition_close},
    DirectiveKind{"deprecated", "deprecated", kVersionOptions, false, version_open, version_close},
    DirectiveKind{"details", "dropdown", kDropdownOptions, false, dropdown_open, dropdown_close},
    DirectiveKind{"dropdown", "dropdown", kDropdownOptions, false, dropdown_open, dropdown_close},
    DirectiveKind{"error", "error", kAdmonitionOptions, false, admonition_open, admonition_close},
    DirectiveKind{"example", "example", kAdmonitionOptions, false, admonition_open,
                  admonition_close},
    DirectiveKind{"example-label", "example-label", "class", false, example_label_open, nullptr},
    DirectiveKind{"figure", "figure", "align,alt,caption,class,height,link,loading,target,width",
                  true, figure_open, nullptr},
    DirectiveKind{"gist", "gist", "class,file,title", true, gist_open, nullptr},
    DirectiveKind{"glossary", "glossary", "collapsed,limit,tags", true, glossary_open, nullptr},
    DirectiveKind{"grid", "cards", kGridOptions, false, cards_open, div_close},
    DirectiveKind{"important", "important", kAdmonitionOptions, false, admonition_open,
                  admonition_close},
    DirectiveKind{"include", "include", "end-line,start-line", true, nullptr, nullptr},
    DirectiveKind{"info", "info", kAdmonitionOptions, false, admonition_open, admonition_close},
    DirectiveKind{"list-table", "list-table", "class,header-rows,widths", true, list_table_open,
                  nullptr},
    DirectiveKind{"literalinclude", "literalinclude", "end-line,language,lines,start-line", true,
                  literalinclude_open, nullptr},
    DirectiveKind{"note", "note", kAdmonitionOptions, false, admonition_open, admonition_close},
    DirectiveKind{"seealso", "seealso", kAdmonitionOptions, false, admonition_open,
                  admonition_close},
    DirectiveKind{"shortcode", "shortcode", "", true, shortcode_open, nullptr},
    DirectiveKind{"since", "since", kVersionOptions, false, version_open, version_close},
    DirectiveKind{"soundcloud", "soundcloud",
                  "autoplay,class,color,height,hide_related,show_comments,show_reposts,show_user,"
                  "title,type,visual",
                  true, soundcloud_open, nullptr},
    DirectiveKind{"spotify", "spotify", "class,height,theme,title,type", true, spotify_open,
                  nullptr},
    DirectiveKind{"stackblitz", "stackblitz",
                  "class,file,height,hidedevtools,hidenavigation,title,view", true, stackblitz_open,
                  nullptr},
    DirectiveKind{"step", "step", "description,duration,optional", false, step_open, step_close},
    DirectiveKind{"steps", "steps", "class", false, steps_open, steps_close},
    DirectiveKind{"success", "success", kAdmonitionOptions, false, admonition_open,
                  admonition_close},
    DirectiveKind{"tab", "tab-item", kTabItemOptions, false, tab_item_open, tab_item_close},
    DirectiveKind{"tab-item", "tab-item", kTabItemOptions, false, tab_item_open, tab_item_close},
    DirectiveKind{"tab-set", "tab-set", "class,items,sync-group", false, tab_set_open,
                  tab_set_close},
    DirectiveKind{"tabs", "tab-set", "class,items,sync-group", false, tab_set_open, tab_set_close},
    DirectiveKind{"target", "target", "", true, target_open, nullptr},
    DirectiveKind{"tiktok", "tiktok", kVideoOptions, true, tiktok_open, nullptr},
    DirectiveKind{"tip", "tip", kAdmonitionOptions, false, admonition_open, admonition_close},
    DirectiveKind{"video", "video",
                  "aspect,autoplay,class,controls,loop,muted,poster,preload,title,width", true,
                  video_open, nullptr},
    DirectiveKind{"vimeo", "vimeo",
                  "aspect,autopause,autoplay,background,class,color,dnt,loop,muted,title,width",
                  true, vimeo_open, nullptr},
    DirectiveKind{"warning", "warning", kAdmonitionOptions, false, admonition_open,
                  admonition_close},
    DirectiveKind{"youtube", "youtube",
                  "aspect,autoplay,class,controls,end,loop,muted,privacy,start,title,width", true,
                  youtube_open, nullptr},
};

}  // namespace

const DirectiveKind* find_directive_kind(std::string_view name) {
  auto it = std::lower_bound(kKinds.begin(), kKinds.end(), name,
                             [](const DirectiveKind& k, std::string_view n) { return k.name < n; });
  return it != kKinds.end() && it->name == name ? &*it : nullptr;
}

std::string_view admonition_name(std::string_view name) {
  const DirectiveKind* kind = find_directive_kind(name);
  return kind != nullptr && kind->open == admonition_open ? kind->canonical : std::string_view();
}

std::vector<std::string_view> directive_names() {
  std::vector<std::string_view> names;
  names.reserve(kKinds.size());
  for (const auto& k : kKinds) names.push_back(k.name);
  return names;
}

bool is_raw_directive(std::string_view name) {
  const DirectiveKind* kind = find_directive_kind(name);
  return kind != nullptr && kind->raw;
}

std::string_view DirectiveContext::parent_kind() const {
  int parent = d().parent;
  if (parent < 0) return {};
  const DirectiveKind* kind = find_directive_kind(directives[parent].name);
  return kind == nullptr ? std::string_view() : kind->canonical;
}

std::string safe_token(std::string_view value) {
  std::string out;
  for (char c : value) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_')
      out += c;
  }
  return out;
}

void append_classes(std::string& out, std::string_view value) {
  size_t i = 0;
  while (i < value.size()) {
    size_t end = value.find_first_of(" \t,", i);
    if (end == std::string_view::npos) end = value.size();
    std::string token = safe_token(value.substr(i, end - i));
    if (!token.empty()) {
      out += ' ';
      out += token;
    }
    i = end + 1;
  }
}

namespace {

// `dest` as the page's link resolver rewrites it; `broken` when it says the target is missing.
std::string resolved(const DirectiveContext& c, std::string_view dest, bool& broken) {
  std::string url(dest);
  broken = false;
  if (c.options.resolve_link != nullptr) {
    if (auto rewritten = (*c.options.resolve_link)(url, false)) {
      url = std::move(rewritten->href);
      broken = rewritten->broken;
    }
  }
  return url;
}

}  // namespace

void append_file_url(const DirectiveContext& c, std::string_view path) {
  bool broken = false;
  append_url_escaped(c.out, resolved(c, path, broken));
}

bool append_href(const DirectiveContext& c, std::string_view dest) {
  bool broken = false;
  std::string url = resolved(c, dest, broken);
  c.out += " href=\"";
  if (c.options.unsafe_html || !is_dangerous_url(url)) append_url_escaped(c.out, url);
  c.out += '"';
  return !broken;
}

std::string default_title(std::string_view name) {
  if (name == "seealso") return "See also";
  std::string title(name);
  for (char& ch : title)
    if (ch == '-') ch = ' ';
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = char(title[0] - 'a' + 'A');
  return title;
}

void append_code_block(const Options& options, std::string_view language, std::string_view code,
                       std::string& out) {
  if (language.substr(0, language.find_first_of(" \t{")) == "mermaid") {
    // As a ```mermaid fence renders (render_pass.hpp): the diagram's source, for Mermaid.
    out += "<div class=\"mermaid\">";
    append_html_escaped(out, code);
    out += "</div>\n";
    return;
  }
  if (options.highlight_code != nullptr && !language.empty() &&
      (*options.highlight_code)(language, code, out))
    return;
  out += "<pre><code";
  // A fence's info string names the language first: "go {2} linenos".
  language = language.substr(0, std::min(language.find_first_of(" \t{"), language.size()));
  if (!language.empty()) {
    out += " class=\"language-";
    append_html_escaped(out, language);
    out += '"';
  }
  out += '>';
  append_html_escaped(out, code);
  out += "</code></pre>\n";
}

std::vector<std::string_view> split_list(std::string_view value) {
  std::vector<std::string_view> items;
  for (size_t i = 0; i <= value.size();) {
    size_t end = std::min(value.find(',', i), value.size());
    std::string_view item = value.substr(i, end - i);
    size_t b = item.find_first_not_of(" \t");
    if (b != std::string_view::npos)
      items.push_back(item.substr(b, item.find_last_not_of(" \t") - b + 1));
    i = end + 1;
  }
  return items;
}

int parse_int(std::string_view text, int fallback, int min, int max) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
    return fallback;
  return value;
}

void div_close(const DirectiveContext& c) {
  c.out += "</div>\n";
}

}  // namespace bengal::markdown
