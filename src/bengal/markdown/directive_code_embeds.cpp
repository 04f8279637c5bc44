// Media directives for code and terminals: GitHub gists (a link, as GitHub's embed script
// would track readers), CodePen, CodeSandbox and StackBlitz playgrounds in sandboxed iframes,
// and asciinema recordings through asciinema.org's player iframe rather than its script. Ids
// and option values are checked as media_embed.hpp says.
#include <fmt/format.h>

#include "bengal/core/html.hpp"
#include "bengal/core/unicode_case.hpp"
#include "bengal/markdown/directive_markup.hpp"
#include "bengal/markdown/html_escaping.hpp"
#include "bengal/markdown/media_embed.hpp"

namespace bengal::markdown {

using namespace media;

namespace {

constexpr std::string_view kPlaygroundSandbox =
    "allow-forms allow-modals allow-popups allow-presentation allow-same-origin allow-scripts";

}  // namespace

// :::{gist} user/id — a link to the gist (":file:" links to one of its files), as GitHub's
// embed script would track readers.
void gist_open(const DirectiveContext& c) {
  std::string_view ref = c.d().title;
  size_t slash = ref.find('/');
  bool valid = slash != std::string_view::npos && all_of(ref.substr(0, slash), 1, 39, is_id_char) &&
               all_of(ref.substr(slash + 1), 1, 64, is_hex);
  if (!check_id(c, valid, "write 'user/0123abcd', the user and the hex id from the gist's URL"))
    return;
  MediaOptions o(c);
  std::string url = fmt::format("https://gist.github.com/{}", ref);
  std::string file = o.token("file", 128, is_path_char, "example.py");
  // GitHub's anchor for a file: "file-" and the name lowercased with '.' as '-'.
  if (!file.empty()) {
    url += "#file-";
    for (char ch : ascii_lowercase(file)) url += ch == '.' ? '-' : ch;
  }
  std::string text = o.has("title") ? std::string(o.raw("title"))
                     : file.empty() ? fmt::format("View the gist {} on GitHub", ref)
                                    : fmt::format("View {} of the gist {} on GitHub", file, ref);
  c.out += fmt::format("<p class=\"{}\"><a href=\"", o.classes("gist-embed"));
  append_url_escaped(c.out, url);
  c.out += "\">";
  append_html_escaped(c.out, text);
  c.out += "</a></p>\n";
}

// :::{codepen} user/pen/id (or user/id).
void codepen_open(const DirectiveContext& c) {
  std::string_view ref = c.d().title;
  size_t slash = ref.find('/');
  std::string_view user = ref.substr(0, slash);
  std::string_view pen = slash == std::string_view::npos ? "" : ref.substr(slash + 1);
  if (pen.starts_with("pen/")) pen.remove_prefix(4);
  if (!check_id(c,
                slash != std::string_view::npos && all_of(user, 1, 64, is_id_char) &&
                    all_of(pen, 1, 64, is_id_char),
                "write 'user/pen/id' or 'user/id' from the pen's URL"))
    return;
  MediaOptions o(c);
  Frame f = sized_frame(o, "code-embed codepen", 300, "CodePen");
  Query q;
  q.add(fmt::format("default-tab={}",
                    o.choice("default-tab", "result", {"html", "css", "js", "result"})));
  q.add(fmt::format("theme-id={}", o.choice("theme", "dark", {"light", "dark"})));
  if (o.flag("editable", false)) q.add("editable=true");
  if (o.flag("preview", true)) q.add("preview=true");
  f.src = q.after(fmt::format("https://codepen.io/{}/embed/{}", user, pen));
  f.sandbox = kPlaygroundSandbox;
  f.fullscreen = true;
  f.fallback = "See the pen on CodePen";
  f.link = fmt::format("https://codepen.io/{}/pen/{}", user, pen);
  write_frame(c.out, f);
}

// :::{codesandbox} id — 5 or more letters and digits, or "new".
void codesandbox_open(const DirectiveContext& c) {
  std::string_view id = c.d().title;
  if (!check_id(c, id == "new" || all_of(id, 5, 64, is_alnum),
                "use the letters and digits after '/s/' in the sandbox's URL, or 'new'"))
    return;
  MediaOptions o(c);
  Frame f = sized_frame(o, "code-embed codesandbox", 500, "CodeSandbox");
  Query q;
  q.add(fmt::format("view={}", o.choice("view", "split", {"editor", "preview", "split"})));
  q.add(fmt::format("fontsize={}", o.number("fontsize", 6, 48).value_or(14)));
  q.add(fmt::format("theme={}", o.choice("theme", "dark", {"light", "dark"})));
  if (std::string module = o.token("module", 256, is_path_char, "/src/App.js"); !module.empty())
    q.add("module=" + module);
  if (o.flag("hidenavigation", false)) q.add("hidenavigation=1");
  f.src = q.after(fmt::format("https://codesandbox.io/embed/{}", id));
  f.sandbox = kPlaygroundSandbox;
  f.fallback = "View on CodeSandbox";
  f.link = fmt::format("https://codesandbox.io/s/{}", id);
  write_frame(c.out, f);
}

// :::{stackblitz} project-id.
void stackblitz_open(const DirectiveContext& c) {
  std::string_view id = c.d().title;
  if (!check_id(c, all_of(id, 1, 128, is_id_char),
                "use the project name after '/edit/' in the project's URL"))
    return;
  MediaOptions o(c);
  Frame f = sized_frame(o, "code-embed stackblitz", 500, "StackBlitz");
  Query q;
  q.add("embed=1");
  q.add(fmt::format("view={}", o.choice("view", "both", {"editor", "preview", "both"})));
  if (std::string file = o.token("file", 256, is_path_char, "src/main.ts"); !file.empty())
    q.add("file=" + file);
  if (o.flag("hidenavigation", false)) q.add("hideNavigation=1");
  if (o.flag("hidedevtools", false)) q.add("hideDevTools=1");
  f.src = q.after(fmt::format("https://stackblitz.com/edit/{}", id));
  f.sandbox = kPlaygroundSandbox;
  f.fallback = "View on StackBlitz";
  f.link = fmt::format("https://stackblitz.com/edit/{}", id);
  write_frame(c.out, f);
}

namespace {

bool is_time_char(char ch) {
  return is_digit(ch) || ch == ':' || ch == '.';
}
bool is_poster_char(char ch) {
  return is_time_char(ch) || ch == 'n' || ch == 'p' || ch == 't';
}
bool is_decimal_char(char ch) {
  return is_digit(ch) || ch == '.';
}

}  // namespace

// :::{asciinema} ID — a recording on asciinema.org, through its player iframe rather than its
// script. The iframe's shape follows the terminal's columns and rows.
void asciinema_open(const DirectiveContext& c) {
  std::string_view id = c.d().title;
  if (!check_id(c, all_of(id, 1, 20, is_digit), "use the number in the recording's URL")) return;
  MediaOptions o(c);
  int cols = o.number("cols", 10, 500).value_or(80);
  int rows = o.number("rows", 5, 200).value_or(24);
  Query q;
  if (o.has("cols")) q.add(fmt::format("cols={}", cols));
  if (o.has("rows")) q.add(fmt::format("rows={}", rows));
  if (std::string speed = o.token("speed", 8, is_decimal_char, "1.5"); !speed.empty())
    q.add("speed=" + speed);
  if (o.flag("autoplay", false)) q.add("autoplay=1");
  if (o.flag("loop", false)) q.add("loop=1");
  if (std::string theme = o.token("theme", 64, is_id_char, "monokai"); !theme.empty())
    q.add("theme=" + theme);
  if (std::string poster = o.token("poster", 32, is_poster_char, "npt:0:5"); !poster.empty())
    q.add("poster=" + poster);
  if (std::string limit = o.token("idle-time-limit", 8, is_decimal_char, "2"); !limit.empty())
    q.add("idleTimeLimit=" + limit);
  if (std::string start = o.token("start-at", 16, is_time_char, "1:30"); !start.empty())
    q.add("t=" + start);
  Frame f;
  f.classes = o.classes("terminal-embed asciinema");
  // A terminal cell is about 6 wide by 13 high.
  f.custom_aspect = fmt::format("{}/{}", cols * 6, rows * 13);
  f.title = o.title("Terminal recording");
  f.src = q.after(fmt::format("https://asciinema.org/a/{}/iframe", id));
  f.fullscreen = true;
  f.fallback = "View the recording on asciinema.org";
  f.link = fmt::format("https://asciinema.org/a/{}", id);
  write_frame(c.out, f);
}

}  // namespace bengal::markdown
