// Media directives that play video and audio: YouTube, Vimeo, TikTok, Spotify and SoundCloud
// players, self-hosted <video> and <audio>, and figures, with Bengal's markup and class names.
//
// Every embed is treated as hostile input: the id or path and every option value that reaches
// a URL or a style is checked against a strict character set (media_embed.hpp), and a value
// that fails is a warning naming what to write instead, never markup. Iframes load lazily,
// carry a title for screen readers and come from the service's privacy-friendly host where it
// has one (youtube-nocookie.com, Vimeo's do-not-track); a <noscript> link stands in for them.
#include <fmt/format.h>

#include "bengal/core/html.hpp"
#include "bengal/core/unicode_case.hpp"
#include "bengal/markdown/directive_markup.hpp"
#include "bengal/markdown/html_escaping.hpp"
#include "bengal/markdown/media_embed.hpp"

namespace bengal::markdown {

using namespace media;

namespace {

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

// :::{spotify} ID — 22 letters and digits; ":type:" says what it is.
void spotify_open(const DirectiveContext& c) {
  std::string_view id = c.d().title;
  if (!check_id(c, all_of(id, 22, 22, is_alnum),
                "use the 22 letters and digits at the end of the Spotify URL"))
    return;
  MediaOptions o(c);
  std::string_view type =
      o.choice("type", "track", {"track", "album", "playlist", "episode", "show", "artist"});
  Frame f = sized_frame(o, "audio-embed spotify",
                        type == "track"     ? 152
                        : type == "episode" ? 232
                                            : 352,
                        "Spotify");
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
  Frame f = sized_frame(o, "audio-embed soundcloud",
                        type == "playlist" ? 450
                        : visual           ? 300
                                           : 166,
                        "SoundCloud");
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

std::string_view mime_of(std::string_view path, std::span<const MimeType> types) {
  std::string ext = ascii_lowercase(path.substr(path.rfind('.') + 1));
  for (const MimeType& t : types)
    if (t.extension == ext) return t.type;
  return types.begin()->type;
}

// <video> or <audio> with its source and a download link for browsers without either.
void write_player(const DirectiveContext& c, std::string_view element, std::string_view noun,
                  std::span<const MimeType> types) {
  std::string_view path = c.d().title;
  std::string list;
  for (const MimeType& t : types)
    list += fmt::format("{}.{}", list.empty() ? "" : ", ", t.extension);
  if (!is_media_path(path, types)) {
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
    if (std::string poster = o.token("poster", kMaxPathBytes, is_path_char, "/images/poster.jpg");
        !poster.empty()) {
      c.out += " poster=\"";
      append_file_url(c, poster);
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
  append_file_url(c, path);
  c.out += fmt::format("\" type=\"{}\">\n<p>Your browser cannot play this {}: <a href=\"",
                       mime_of(path, types), noun);
  append_file_url(c, path);
  c.out += fmt::format("\">download the {}</a>.</p>\n</{}>\n</figure>\n", noun, element);
}

}  // namespace

// :::{video} /path.mp4 — a self-hosted <video>.
void video_open(const DirectiveContext& c) {
  write_player(c, "video", "video", kVideoTypes);
}

// :::{audio} /path.mp3 — a self-hosted <audio>.
void audio_open(const DirectiveContext& c) {
  write_player(c, "audio", "audio", kAudioTypes);
}

// :::{figure} /path.png — <figure> with an <img>, an optional link and a caption (":caption:"
// or, as MyST writes it, the directive's body).
void figure_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  if (!is_image_path(d.title)) {
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
  append_file_url(c, d.title);
  c.out += "\" alt=\"";
  // An option written without a value reads as "true" (a flag); for :alt: it is the empty alt
  // of a decorative image.
  if (!o.has("alt") && !d.shortcode.empty()) {
    c.warn(
        fmt::format("figure '{}' has no alt; describe the image with alt=\"what it shows\", "
                    "or write alt=\"\" for a decorative image",
                    d.title));
  } else if (!o.has("alt")) {
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
}  // namespace bengal::markdown
