// Media directives: players of video and audio services, self-hosted video, audio and figures,
// code playgrounds and terminal recordings, with Bengal's markup and class names.
//
// Every embed is treated as hostile input: the id or path and every option value that reaches
// a URL or a style is checked against a strict character set, and a value that fails is a
// warning (naming what to write instead), never markup. Iframes load lazily, carry a title for
// screen readers and come from the service's privacy-friendly host where it has one
// (youtube-nocookie.com, Vimeo's do-not-track); a <noscript> link stands in for them. GitHub's
// and asciinema's tracking scripts are not used: a gist is a link, a recording an iframe.
#include <fmt/format.h>

#include <optional>

#include "bengal/core/html.hpp"
#include "bengal/markdown/directive_markup.hpp"
#include "bengal/markdown/html_escaping.hpp"

namespace bengal::markdown {

namespace {

bool is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}
bool is_alnum(char ch) {
  return is_digit(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}
bool is_id_char(char ch) {
  return is_alnum(ch) || ch == '-' || ch == '_';
}
bool is_hex(char ch) {
  return is_digit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}
// A site path or file name: no quotes, spaces, '?', '#', '%' or scheme colon can get through.
bool is_path_char(char ch) {
  return is_id_char(ch) || ch == '.' || ch == '/';
}

// `text` has from `min` to `max` characters, all of them `ok`.
bool all_of(std::string_view text, size_t min, size_t max, bool (*ok)(char)) {
  if (text.size() < min || text.size() > max) return false;
  for (char ch : text)
    if (!ok(ch)) return false;
  return true;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

// A self-hosted file: "/a/b.mp4", "./b.mp4", "b.mp4" or an http(s) URL, made of path
// characters, without a ".." segment, ending in one of `extensions`.
bool is_media_path(std::string_view path, std::initializer_list<std::string_view> extensions) {
  std::string_view rest = path;
  if (rest.starts_with("https://")) {
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  }
  if (!all_of(rest, 1, 1024, is_path_char) || rest.starts_with("//")) return false;
  for (size_t at = rest.find(".."); at != std::string_view::npos; at = rest.find("..", at + 1))
    if ((at == 0 || rest[at - 1] == '/') && (at + 2 == rest.size() || rest[at + 2] == '/'))
      return false;
  size_t dot = rest.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext = lowercase(rest.substr(dot + 1));
  for (std::string_view e : extensions)
    if (ext == e) return true;
  return false;
}

// The options of one media directive, read with the warnings their bad values deserve.
class MediaOptions {
 public:
  explicit MediaOptions(const DirectiveContext& c) : c_(c) {}

  std::string_view raw(std::string_view key) const {
    const DirectiveOption* o = c_.d().option(key);
    return o == nullptr ? std::string_view() : o->value;
  }
  bool has(std::string_view key) const { return c_.d().option(key) != nullptr; }

  // ":autoplay:" alone, true/yes/on/1 or false/no/off/0.
  bool flag(std::string_view key, bool fallback) const {
    if (!has(key)) return fallback;
    std::string value = lowercase(raw(key));
    if (value == "true" || value == "yes" || value == "on" || value == "1") return true;
    if (value == "false" || value == "no" || value == "off" || value == "0") return false;
    bad(key, "is not true or false");
    return fallback;
  }

  // A whole number from min to max.
  std::optional<int> number(std::string_view key, int min, int max) const {
    if (!has(key)) return std::nullopt;
    int value = parse_int(raw(key), min - 1, min, max);
    if (value >= min) return value;
    bad(key, fmt::format("is not a whole number from {} to {}", min, max));
    return std::nullopt;
  }

  // Pixels: "400" or "400px", from 1 to 10000.
  int pixels(std::string_view key, int fallback) const {
    std::string_view value = raw(key);
    if (value.ends_with("px")) value.remove_suffix(2);
    int n = has(key) ? parse_int(value, 0, 1, 10000) : fallback;
    if (n == 0) {
      bad(key, "is not a height in pixels like '400' or '400px'");
      n = fallback;
    }
    return n;
  }

  // A CSS length: "80%", "800px" or "800" (pixels); "" when absent or bad.
  std::string length(std::string_view key) const {
    if (!has(key)) return {};
    std::string_view value = raw(key);
    std::string_view unit = value.ends_with('%') ? "%" : "px";
    if (value.ends_with('%')) {
      value.remove_suffix(1);
    } else if (value.ends_with("px")) {
      value.remove_suffix(2);
    }
    size_t dot = value.find('.');
    std::string_view whole = value.substr(0, dot);
    std::string_view part = dot == std::string_view::npos ? "0" : value.substr(dot + 1);
    if (!all_of(whole, 1, 5, is_digit) || !all_of(part, 1, 3, is_digit)) {
      bad(key, "is not a length like '80%', '800px' or '800'");
      return {};
    }
    return fmt::format("{}{}", value, unit);
  }

  // An aspect ratio "16/9" (or "16:9"); "" when absent or bad.
  std::string aspect() const {
    if (!has("aspect")) return {};
    std::string_view value = raw("aspect");
    size_t sep = value.find_first_of("/:");
    if (sep == std::string_view::npos || !all_of(value.substr(0, sep), 1, 4, is_digit) ||
        !all_of(value.substr(sep + 1), 1, 4, is_digit)) {
      bad("aspect", "is not a ratio like '16/9' or '4/3'");
      return {};
    }
    return fmt::format("{}/{}", value.substr(0, sep), value.substr(sep + 1));
  }

  // One of `allowed`, else `fallback`.
  std::string_view choice(std::string_view key, std::string_view fallback,
                          std::initializer_list<std::string_view> allowed) const {
    if (!has(key)) return fallback;
    std::string value = lowercase(raw(key));
    for (std::string_view a : allowed)
      if (a == value) return a;
    std::string list;
    for (std::string_view a : allowed) list += fmt::format("{}'{}'", list.empty() ? "" : ", ", a);
    bad(key, "is not one of " + list);
    return fallback;
  }

  // A hex colour without '#' ("00adef", "f50"); "" when absent or bad.
  std::string color(std::string_view key) const {
    if (!has(key)) return {};
    std::string_view value = raw(key);
    if (value.starts_with('#')) value.remove_prefix(1);
    if ((value.size() != 3 && value.size() != 6) || !all_of(value, 3, 6, is_hex)) {
      bad(key, "is not a hex colour like '00adef'");
      return {};
    }
    return lowercase(value);
  }

  // A value for a query string or data attribute made of `ok` characters; "" when bad.
  std::string token(std::string_view key, size_t max, bool (*ok)(char),
                    std::string_view example) const {
    if (!has(key)) return {};
    std::string_view value = raw(key);
    if (!all_of(value, 1, max, ok) || value.find("..") != std::string_view::npos) {
      bad(key, fmt::format("has characters it may not have; write it like '{}'", example));
      return {};
    }
    return std::string(value);
  }

  // The :title: for screen readers; missing is a warning, and `fallback` is used.
  std::string title(std::string_view fallback) const {
    if (has("title")) return std::string(raw("title"));
    c_.warn(
        fmt::format("{} '{}' has no :title:; screen readers announce the embed by it, so "
                    "add ':title: what it shows'",
                    c_.d().name, c_.d().title));
    return std::string(fallback);
  }

  // The directive's classes after `base`, ":class:" reduced to safe tokens.
  std::string classes(std::string_view base) const {
    std::string out(base);
    append_classes(out, raw("class"));
    return out;
  }

  void bad(std::string_view key, std::string_view why) const {
    c_.warn(fmt::format("{} ':{}: {}' {}; it is ignored", c_.d().name, key, raw(key), why));
  }

 private:
  const DirectiveContext& c_;
};

// Joins "k=v" parts with '&' (escaped when written).
struct Query {
  std::string text;
  void add(std::string_view part) {
    if (!text.empty()) text += '&';
    text += part;
  }
  std::string after(std::string_view base) const {
    return text.empty() ? std::string(base) : fmt::format("{}?{}", base, text);
  }
};

// An iframe in its container with a <noscript> link to the service's own page.
struct Frame {
  std::string classes;        // of the container: "video-embed youtube"
  std::string aspect;         // data-aspect (video players), "" for none
  std::string custom_aspect;  // from :aspect:, into --embed-aspect
  std::string width;          // CSS width of the container
  int height_px = 0;          // fixed height of the container (audio, playgrounds)
  std::string src;
  std::string title;
  std::string_view allow;
  std::string_view sandbox;
  bool fullscreen = false;
  std::string_view fallback;  // "Watch on YouTube"
  std::string link;           // the page the fallback links to
};

void write_frame(std::string& out, const Frame& f) {
  out += "<div class=\"";
  out += f.classes;
  out += '"';
  if (!f.aspect.empty()) out += fmt::format(" data-aspect=\"{}\"", f.aspect);
  std::string style;
  if (!f.custom_aspect.empty()) style += fmt::format("--embed-aspect: {}; ", f.custom_aspect);
  if (!f.width.empty()) style += fmt::format("width: {}; ", f.width);
  if (f.height_px > 0) style += fmt::format("height: {}px; ", f.height_px);
  if (!style.empty()) {
    style.resize(style.size() - 2);
    out += fmt::format(" style=\"{}\"", style);
  }
  out += ">\n<iframe src=\"";
  append_url_escaped(out, f.src);
  out += "\" title=\"";
  append_html_escaped(out, f.title);
  out += "\" loading=\"lazy\"";
  if (!f.allow.empty()) out += fmt::format(" allow=\"{}\"", f.allow);
  if (!f.sandbox.empty()) out += fmt::format(" sandbox=\"{}\"", f.sandbox);
  if (f.fullscreen) out += " allowfullscreen";
  out += "></iframe>\n<noscript><p>";
  out += f.fallback;
  out += ": <a href=\"";
  append_url_escaped(out, f.link);
  out += "\">";
  append_html_escaped(out, f.title);
  out += "</a></p></noscript>\n</div>\n";
}

// The id argument, or a warning saying what the id looks like and false.
bool check_id(const DirectiveContext& c, bool valid, std::string_view expected) {
  if (valid) return true;
  c.warn(fmt::format("{} '{}' is not a valid id: {}; nothing is embedded", c.d().name, c.d().title,
                     expected));
  return false;
}

// The options every video player shares.
Frame video_frame(const MediaOptions& o, std::string_view service, std::string_view title) {
  Frame f;
  f.classes = o.classes(fmt::format("video-embed {}", service));
  f.custom_aspect = o.aspect();
  f.aspect = f.custom_aspect.empty() ? std::string(service == "tiktok" ? "9/16" : "16/9")
                                     : f.custom_aspect;
  f.width = o.length("width");
  f.title = o.title(title);
  f.fullscreen = true;
  return f;
}

constexpr std::string_view kVideoAllow =
    "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture";
constexpr std::string_view kPlaygroundSandbox =
    "allow-forms allow-modals allow-popups allow-presentation allow-same-origin allow-scripts";

// The author asked to leave a privacy mode; the rule is that embeds keep it.
void keep_privacy(const DirectiveContext& c, const MediaOptions& o, std::string_view key,
                  std::string_view host) {
  if (!o.flag(key, true))
    c.warn(
        fmt::format("{} ':{}: false' is not supported: bengal always embeds from {}; remove "
                    "the option",
                    c.d().name, key, host));
}

}  // namespace

// :::{youtube} ID — 11 characters of [A-Za-z0-9_-].
void youtube_open(const DirectiveContext& c) {
  std::string_view id = c.d().title;
  if (!check_id(c, all_of(id, 11, 11, is_id_char),
                "use the 11 characters after 'v=' in the video's URL"))
    return;
  MediaOptions o(c);
  keep_privacy(c, o, "privacy", "youtube-nocookie.com");
  Frame f = video_frame(o, "youtube", "YouTube video");
  Query q;
  if (auto start = o.number("start", 0, 1000000)) q.add(fmt::format("start={}", *start));
  if (auto end = o.number("end", 1, 1000000)) q.add(fmt::format("end={}", *end));
  if (o.flag("autoplay", false)) q.add("autoplay=1");
  if (o.flag("muted", false)) q.add("mute=1");
  if (o.flag("loop", false)) q.add(fmt::format("loop=1&playlist={}", id));
  if (!o.flag("controls", true)) q.add("controls=0");
  f.src = q.after(fmt::format("https://www.youtube-nocookie.com/embed/{}", id));
  f.allow = kVideoAllow;
  f.fallback = "Watch on YouTube";
  f.link = fmt::format("https://www.youtube.com/watch?v={}", id);
  write_frame(c.out, f);
}

// :::{vimeo} ID — the number in the video's URL.
void vimeo_open(const DirectiveContext& c) {
  std::string_view id = c.d().title;
  if (!check_id(c, all_of(id, 6, 11, is_digit),
                "use the number (6 to 11 digits) in the video's URL"))
    return;
  MediaOptions o(c);
  keep_privacy(c, o, "dnt", "Vimeo with do-not-track");
  Frame f = video_frame(o, "vimeo", "Vimeo video");
  Query q;
  q.add("dnt=1");
  if (std::string color = o.color("color"); !color.empty()) q.add("color=" + color);
  if (!o.flag("autopause", true)) q.add("autopause=0");
  if (o.flag("background", false)) q.add("background=1");
  if (o.flag("autoplay", false)) q.add("autoplay=1");
  if (o.flag("muted", false)) q.add("muted=1");
  if (o.flag("loop", false)) q.add("loop=1");
  f.src = q.after(fmt::format("https://player.vimeo.com/video/{}", id));
  f.allow = "autoplay; fullscreen; picture-in-picture; clipboard-write; encrypted-media";
  f.fallback = "Watch on Vimeo";
  f.link = fmt::format("https://vimeo.com/{}", id);
  write_frame(c.out, f);
}

// :::{tiktok} ID — the 19 digits after /video/ in the URL. TikTok has no privacy-friendly host.
void tiktok_open(const DirectiveContext& c) {
  std::string_view id = c.d().title;
  if (!check_id(c, all_of(id, 19, 19, is_digit), "use the 19 digits after '/video/' in the URL"))
    return;
  MediaOptions o(c);
  Frame f = video_frame(o, "tiktok", "TikTok video");
  Query q;
  if (o.flag("autoplay", false)) q.add("autoplay=1");
  if (o.flag("muted", false)) q.add("muted=1");
  if (o.flag("loop", false)) q.add("loop=1");
  f.src = q.after(fmt::format("https://www.tiktok.com/embed/v2/{}", id));
  f.allow = kVideoAllow;
  f.fallback = "Watch on TikTok";
  f.link = fmt::format("https://www.tiktok.com/embed/v2/{}", id);
  write_frame(c.out, f);
}

namespace {

struct MimeType {
  std::string_view extension;
  std::string_view type;
};

std::string_view mime_of(std::string_view path, std::initializer_list<MimeType> types) {
  std::string ext = lowercase(path.substr(path.rfind('.') + 1));
  for (const MimeType& t : types)
    if (t.extension == ext) return t.type;
  return types.begin()->type;
}

// <video> or <audio> with its source and a download link for browsers without either.
void write_player(const DirectiveContext& c, std::string_view element, std::string_view noun,
                  std::initializer_list<MimeType> types) {
  std::string_view path = c.d().title;
  std::string list;
  for (const MimeType& t : types)
    list += fmt::format("{}.{}", list.empty() ? "" : ", ", t.extension);
  bool valid = false;
  for (const MimeType& t : types) valid = valid || is_media_path(path, {t.extension});
  if (!valid) {
    c.warn(
        fmt::format("{} '{}' is not a path to a {} file: write '/path/file.{}' ({}), "
                    "without '..', spaces or quotes; nothing is embedded",
                    c.d().name, path, noun, types.begin()->extension, list));
    return;
  }
  MediaOptions o(c);
  bool video = element == "video";
  std::string title = o.title(video ? "Video" : "Audio");
  c.out += fmt::format("<figure class=\"{}\">\n<{} title=\"",
                       o.classes(video ? "video-embed self-hosted" : "audio-embed"), element);
  append_html_escaped(c.out, title);
  c.out += '"';
  if (video) {
    if (std::string poster = o.token("poster", 1024, is_path_char, "/images/poster.jpg");
        !poster.empty()) {
      c.out += " poster=\"";
      append_url_escaped(c.out, poster);
      c.out += '"';
    }
  }
  if (o.flag("controls", true)) c.out += " controls";
  if (o.flag("autoplay", false)) c.out += " autoplay";
  if (o.flag("muted", false)) c.out += " muted";
  if (o.flag("loop", false)) c.out += " loop";
  c.out +=
      fmt::format(" preload=\"{}\"", o.choice("preload", "metadata", {"none", "metadata", "auto"}));
  if (video) {
    std::string aspect = o.aspect();
    std::string width = o.length("width");
    std::string style;
    if (!width.empty()) style = fmt::format("width: {}", width);
    if (!aspect.empty())
      style += fmt::format("{}aspect-ratio: {}", style.empty() ? "" : "; ", aspect);
    if (!style.empty()) c.out += fmt::format(" style=\"{}\"", style);
  }
  c.out += ">\n<source src=\"";
  append_url_escaped(c.out, path);
  c.out += fmt::format("\" type=\"{}\">\n<p>Your browser cannot play this {}: <a href=\"",
                       mime_of(path, types), noun);
  append_url_escaped(c.out, path);
  c.out += fmt::format("\">download the {}</a>.</p>\n</{}>\n</figure>\n", noun, element);
}

}  // namespace

// :::{video} /path.mp4 — a self-hosted <video>.
void video_open(const DirectiveContext& c) {
  write_player(c, "video", "video",
               {{"mp4", "video/mp4"},
                {"webm", "video/webm"},
                {"ogg", "video/ogg"},
                {"mov", "video/quicktime"}});
}

// :::{audio} /path.mp3 — a self-hosted <audio>.
void audio_open(const DirectiveContext& c) {
  write_player(c, "audio", "audio",
               {{"mp3", "audio/mpeg"},
                {"ogg", "audio/ogg"},
                {"wav", "audio/wav"},
                {"flac", "audio/flac"},
                {"m4a", "audio/mp4"},
                {"aac", "audio/aac"}});
}

// :::{figure} /path.png — <figure> with an <img>, an optional link and a caption (":caption:"
// or, as MyST writes it, the directive's body).
void figure_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  if (!is_media_path(d.title, {"png", "jpg", "jpeg", "gif", "webp", "svg", "avif"})) {
    c.warn(
        fmt::format("figure '{}' is not a path to an image: write '/images/name.png' (png, "
                    "jpg, jpeg, gif, webp, svg or avif), without '..', spaces or quotes; "
                    "nothing is shown",
                    d.title));
    return;
  }
  MediaOptions o(c);
  std::string classes("figure");
  if (std::string_view align = o.choice("align", "", {"left", "center", "right"}); !align.empty())
    classes += fmt::format(" align-{}", align);
  c.out += fmt::format("<figure class=\"{}\"", o.classes(classes));
  if (std::string width = o.length("width"); !width.empty())
    c.out += fmt::format(" style=\"width: {}\"", width);
  c.out += ">\n";
  const DirectiveOption* link = d.option("link");
  bool blank = o.choice("target", "_self", {"_self", "_blank"}) == "_blank";
  if (link != nullptr) {
    c.out += "<a";
    if (!append_href(c, link->value))
      c.warn(fmt::format("figure link '{}' leads to no page; fix the path", link->value));
    if (blank) c.out += " target=\"_blank\" rel=\"noopener noreferrer\"";
    c.out += '>';
  }
  c.out += "<img src=\"";
  append_url_escaped(c.out, d.title);
  c.out += "\" alt=\"";
  // An option written without a value reads as "true" (a flag); for :alt: it is the empty alt
  // of a decorative image.
  if (!o.has("alt")) {
    c.warn(
        fmt::format("figure '{}' has no :alt:; describe the image with ':alt: what it "
                    "shows', or write ':alt:' alone for a decorative image",
                    d.title));
  } else if (o.raw("alt") != "true") {
    append_html_escaped(c.out, o.raw("alt"));
  }
  c.out += fmt::format("\" loading=\"{}\"", o.choice("loading", "lazy", {"lazy", "eager"}));
  if (std::string height = o.length("height"); !height.empty())
    c.out += fmt::format(" style=\"height: {}\"", height);
  c.out += '>';
  if (link != nullptr) c.out += "</a>";
  c.out += '\n';
  std::string_view caption = o.raw("caption");
  if (caption.empty()) caption = d.body;
  while (!caption.empty() && (caption.back() == '\n' || caption.back() == ' '))
    caption.remove_suffix(1);
  if (!caption.empty())
    c.out += fmt::format("<figcaption>{}</figcaption>\n", c.services.inline_html(caption));
  c.out += "</figure>\n";
}

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
    for (char ch : lowercase(file)) url += ch == '.' ? '-' : ch;
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
  Frame f;
  f.classes = o.classes("code-embed codepen");
  f.height_px = o.pixels("height", 300);
  f.title = o.title("CodePen");
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
  Frame f;
  f.classes = o.classes("code-embed codesandbox");
  f.height_px = o.pixels("height", 500);
  f.title = o.title("CodeSandbox");
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
  Frame f;
  f.classes = o.classes("code-embed stackblitz");
  f.height_px = o.pixels("height", 500);
  f.title = o.title("StackBlitz");
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

// :::{spotify} ID — 22 letters and digits; ":type:" says what it is.
void spotify_open(const DirectiveContext& c) {
  std::string_view id = c.d().title;
  if (!check_id(c, all_of(id, 22, 22, is_alnum),
                "use the 22 letters and digits at the end of the Spotify URL"))
    return;
  MediaOptions o(c);
  std::string_view type =
      o.choice("type", "track", {"track", "album", "playlist", "episode", "show", "artist"});
  Frame f;
  f.classes = o.classes("audio-embed spotify");
  f.height_px = o.pixels("height", type == "track" ? 152 : type == "episode" ? 232 : 352);
  f.title = o.title("Spotify");
  f.src = fmt::format("https://open.spotify.com/embed/{}/{}?theme={}", type, id,
                      o.choice("theme", "0", {"0", "1"}));
  f.allow = "autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture";
  f.fallback = "Listen on Spotify";
  f.link = fmt::format("https://open.spotify.com/{}/{}", type, id);
  write_frame(c.out, f);
}

// :::{soundcloud} user/track — the path after soundcloud.com/ (the whole URL is accepted).
void soundcloud_open(const DirectiveContext& c) {
  std::string_view path = c.d().title;
  for (std::string_view prefix : {"https://soundcloud.com/", "soundcloud.com/"})
    if (path.starts_with(prefix)) path.remove_prefix(prefix.size());
  path = path.substr(0, path.find('?'));
  size_t parts = 0;
  bool valid = !path.empty() && path.size() <= 256;
  for (size_t i = 0; valid && i <= path.size(); ++parts) {
    size_t end = std::min(path.find('/', i), path.size());
    valid = all_of(path.substr(i, end - i), 1, 128, is_id_char);
    i = end + 1;
  }
  if (!check_id(c, valid && (parts == 2 || parts == 3),
                "use the 'user/track' path after soundcloud.com/ in the URL"))
    return;
  MediaOptions o(c);
  std::string_view type = o.choice("type", "track", {"track", "playlist"});
  bool visual = o.flag("visual", false);
  std::string color = o.color("color");
  auto yes = [&](std::string_view key, bool fallback) {
    return o.flag(key, fallback) ? "true" : "false";
  };
  Frame f;
  f.classes = o.classes("audio-embed soundcloud");
  f.height_px = o.pixels("height", type == "playlist" ? 450 : visual ? 300 : 166);
  f.title = o.title("SoundCloud");
  std::string encoded;
  for (char ch : path) encoded += ch == '/' ? std::string("%2F") : std::string(1, ch);
  f.src = fmt::format(
      "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2F{}&color=%23{}"
      "&auto_play={}&hide_related={}&show_comments={}&show_user={}&show_reposts={}&visual={}",
      encoded, color.empty() ? "ff5500" : color, yes("autoplay", false), yes("hide_related", false),
      yes("show_comments", true), yes("show_user", true), yes("show_reposts", false),
      visual ? "true" : "false");
  f.allow = "autoplay";
  f.fallback = "Listen on SoundCloud";
  f.link = fmt::format("https://soundcloud.com/{}", path);
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
