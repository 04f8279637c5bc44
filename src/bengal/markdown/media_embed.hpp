// What the media directives share (directive_media.cpp, directive_code_embeds.cpp): the
// character sets ids and paths are checked against, their options read with a warning for each
// bad value, and the iframe with its <noscript> link that every player writes. Internal to the
// Markdown stage.
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "bengal/markdown/directive_markup.hpp"

namespace bengal::markdown::media {

bool is_digit(char ch);
bool is_alnum(char ch);
bool is_id_char(char ch);  // [A-Za-z0-9_-]
bool is_hex(char ch);
// A site path or file name character: no quote, space, '?', '#', '%' or scheme colon.
bool is_path_char(char ch);
// `text` has from `min` to `max` characters, all of them `ok`.
bool all_of(std::string_view text, size_t min, size_t max, bool (*ok)(char));
// The longest path a media directive accepts (its file, a video's poster).
inline constexpr size_t kMaxPathBytes = 1024;
// A token option's value as MediaOptions::token accepts it: all_of, and no "..".
bool is_token(std::string_view value, size_t max, bool (*ok)(char));
// A self-hosted file: "/a/b.mp4", "./b.mp4", "b.mp4" or an http(s) URL, made of path
// characters, without a ".." segment, ending in one of `extensions` (lowercase).
bool is_media_path(std::string_view path, std::initializer_list<std::string_view> extensions);
// is_media_path for the images a figure shows: png, jpg, jpeg, gif, webp, svg or avif.
bool is_image_path(std::string_view path);

// The files :::{video} and :::{audio} play, with the type each one's <source> names; the
// first is the one their warnings suggest.
struct MimeType {
  std::string_view extension;
  std::string_view type;
};
extern const std::span<const MimeType> kVideoTypes;
extern const std::span<const MimeType> kAudioTypes;
// is_media_path for one of `types`.
bool is_media_path(std::string_view path, std::span<const MimeType> types);

// The options of one media directive, read with the warnings their bad values deserve.
class MediaOptions {
 public:
  explicit MediaOptions(const DirectiveContext& c) : c_(c) {}

  std::string_view raw(std::string_view key) const;
  bool has(std::string_view key) const { return c_.d().option(key) != nullptr; }

  // ":autoplay:" alone, true/yes/on/1 or false/no/off/0.
  bool flag(std::string_view key, bool fallback) const;

  // A whole number from min to max.
  std::optional<int> number(std::string_view key, int min, int max) const;

  // Pixels: "400" or "400px", from 1 to 10000.
  int pixels(std::string_view key, int fallback) const;

  // A CSS length: "80%", "800px" or "800" (pixels); "" when absent or bad.
  std::string length(std::string_view key) const;

  // An aspect ratio "16/9" (or "16:9"); "" when absent or bad.
  std::string aspect() const;

  // One of `allowed`, else `fallback`.
  std::string_view choice(std::string_view key, std::string_view fallback,
                          std::initializer_list<std::string_view> allowed) const;

  // A hex colour without '#' ("00adef", "f50"); "" when absent or bad.
  std::string color(std::string_view key) const;

  // A value for a query string or data attribute made of `ok` characters; "" when bad.
  std::string token(std::string_view key, size_t max, bool (*ok)(char),
                    std::string_view example) const;

  // The :title: for screen readers; missing is a warning, and `fallback` is used.
  std::string title(std::string_view fallback) const;

  // The directive's classes after `base`, ":class:" reduced to safe tokens.
  std::string classes(std::string_view base) const;

  // Warns that the value of `key` is ignored, and `why`.
  void bad(std::string_view key, std::string_view why) const;

 private:
  const DirectiveContext& c_;
};

// Joins "k=v" parts with '&' (escaped when written).
struct Query {
  std::string text;
  void add(std::string_view part);
  // `base`, then '?' and the parts when there are any.
  std::string after(std::string_view base) const;
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

// Writes the container, the lazy iframe and the <noscript> link.
void write_frame(std::string& out, const Frame& f);
// True when `valid`; else warns that the directive's argument is not an id and what
// `expected` looks like.
bool check_id(const DirectiveContext& c, bool valid, std::string_view expected);
// An audio player's or playground's frame: a container of fixed height (":height:" in pixels,
// else `height_px`), its classes and title.
Frame sized_frame(const MediaOptions& o, std::string_view classes, int height_px,
                  std::string_view title);

}  // namespace bengal::markdown::media
