// The shared part of the media directives (media_embed.hpp).
#include "bengal/markdown/media_embed.hpp"

#include <fmt/format.h>

#include "bengal/core/html.hpp"
#include "bengal/core/unicode_case.hpp"
#include "bengal/markdown/html_escaping.hpp"

namespace bengal::markdown::media {

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

bool is_token(std::string_view value, size_t max, bool (*ok)(char)) {
  return all_of(value, 1, max, ok) && value.find("..") == std::string_view::npos;
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
  if (!all_of(rest, 1, kMaxPathBytes, is_path_char) || rest.starts_with("//")) return false;
  for (size_t at = rest.find(".."); at != std::string_view::npos; at = rest.find("..", at + 1))
    if ((at == 0 || rest[at - 1] == '/') && (at + 2 == rest.size() || rest[at + 2] == '/'))
      return false;
  size_t dot = rest.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext = ascii_lowercase(rest.substr(dot + 1));
  for (std::string_view e : extensions)
    if (ext == e) return true;
  return false;
}

bool is_image_path(std::string_view path) {
  return is_media_path(path, {"png", "jpg", "jpeg", "gif", "webp", "svg", "avif"});
}

namespace {

constexpr MimeType kVideo[] = {
    {"mp4", "video/mp4"}, {"webm", "video/webm"}, {"ogg", "video/ogg"}, {"mov", "video/quicktime"}};
constexpr MimeType kAudio[] = {{"mp3", "audio/mpeg"},  {"ogg", "audio/ogg"}, {"wav", "audio/wav"},
                               {"flac", "audio/flac"}, {"m4a", "audio/mp4"}, {"aac", "audio/aac"}};

}  // namespace

const std::span<const MimeType> kVideoTypes = kVideo;
const std::span<const MimeType> kAudioTypes = kAudio;

bool is_media_path(std::string_view path, std::span<const MimeType> types) {
  return std::any_of(types.begin(), types.end(),
                     [&](const MimeType& t) { return is_media_path(path, {t.extension}); });
}

std::string_view MediaOptions::raw(std::string_view key) const {
  const DirectiveOption* o = c_.d().option(key);
  return o == nullptr ? std::string_view() : o->value;
}

// ":autoplay:" alone, true/yes/on/1 or false/no/off/0.
bool MediaOptions::flag(std::string_view key, bool fallback) const {
  if (!has(key)) return fallback;
  std::string value = ascii_lowercase(raw(key));
  if (value == "true" || value == "yes" || value == "on" || value == "1") return true;
  if (value == "false" || value == "no" || value == "off" || value == "0") return false;
  bad(key, "is not true or false");
  return fallback;
}

// A whole number from min to max.
std::optional<int> MediaOptions::number(std::string_view key, int min, int max) const {
  if (!has(key)) return std::nullopt;
  int value = parse_int(raw(key), min - 1, min, max);
  if (value >= min) return value;
  bad(key, fmt::format("is not a whole number from {} to {}", min, max));
  return std::nullopt;
}

// Pixels: "400" or "400px", from 1 to 10000.
int MediaOptions::pixels(std::string_view key, int fallback) const {
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
std::string MediaOptions::length(std::string_view key) const {
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
std::string MediaOptions::aspect() const {
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
std::string_view MediaOptions::choice(std::string_view key, std::string_view fallback,
                                      std::initializer_list<std::string_view> allowed) const {
  if (!has(key)) return fallback;
  std::string value = ascii_lowercase(raw(key));
  for (std::string_view a : allowed)
    if (a == value) return a;
  std::string list;
  for (std::string_view a : allowed) list += fmt::format("{}'{}'", list.empty() ? "" : ", ", a);
  bad(key, "is not one of " + list);
  return fallback;
}

// A hex colour without '#' ("00adef", "f50"); "" when absent or bad.
std::string MediaOptions::color(std::string_view key) const {
  if (!has(key)) return {};
  std::string_view value = raw(key);
  if (value.starts_with('#')) value.remove_prefix(1);
  if ((value.size() != 3 && value.size() != 6) || !all_of(value, 3, 6, is_hex)) {
    bad(key, "is not a hex colour like '00adef'");
    return {};
  }
  return ascii_lowercase(value);
}

// A value for a query string or data attribute made of `ok` characters; "" when bad.
std::string MediaOptions::token(std::string_view key, size_t max, bool (*ok)(char),
                                std::string_view example) const {
  if (!has(key)) return {};
  std::string_view value = raw(key);
  if (!is_token(value, max, ok)) {
    bad(key, fmt::format("has characters it may not have; write it like '{}'", example));
    return {};
  }
  return std::string(value);
}

// The :title: for screen readers; missing is a warning, and `fallback` is used.
std::string MediaOptions::title(std::string_view fallback) const {
  if (has("title")) return std::string(raw("title"));
  // A Hugo shortcode is given its title as an argument.
  bool shortcode = !c_.d().shortcode.empty();
  c_.warn(fmt::format("{} '{}' has no {}; screen readers announce the embed by it, so add '{}'",
                      c_.d().name, c_.d().title, shortcode ? "title" : ":title:",
                      shortcode ? "title=\"what it shows\"" : ":title: what it shows"));
  return std::string(fallback);
}

// The directive's classes after `base`, ":class:" reduced to safe tokens.
std::string MediaOptions::classes(std::string_view base) const {
  std::string out(base);
  append_classes(out, raw("class"));
  return out;
}

void MediaOptions::bad(std::string_view key, std::string_view why) const {
  c_.warn(fmt::format("{} ':{}: {}' {}; it is ignored", c_.d().name, key, raw(key), why));
}

void Query::add(std::string_view part) {
  if (!text.empty()) text += '&';
  text += part;
}

std::string Query::after(std::string_view base) const {
  return text.empty() ? std::string(base) : fmt::format("{}?{}", base, text);
}

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

// An audio player's or playground's frame: a container of fixed height (":height:" in pixels).
Frame sized_frame(const MediaOptions& o, std::string_view classes, int height_px,
                  std::string_view title) {
  Frame f;
  f.classes = o.classes(classes);
  f.height_px = o.pixels("height", height_px);
  f.title = o.title(title);
  return f;
}

}  // namespace bengal::markdown::media
