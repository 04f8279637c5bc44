// The media directives (directive_media.cpp): the exact markup of every embed, the options
// that reach a URL or a style, and hostile ids, paths and values that must not reach markup.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

using Strings = std::vector<std::string>;

Rendered render_media(std::string_view md) {
  Options o;
  o.directives = true;
  Rendered r;
  render_html(md, o, r);
  return r;
}

std::string media_html(std::string_view md) {
  return render_media(md).html;
}

Strings media_warnings(std::string_view md) {
  Strings out;
  for (const auto& w : render_media(md).warnings)
    out.push_back(std::to_string(w.line) + ":" + std::to_string(w.column) + ": " + w.message);
  return out;
}

constexpr std::string_view kVideoAllow =
    "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture";
constexpr std::string_view kSandbox =
    "allow-forms allow-modals allow-popups allow-presentation allow-same-origin allow-scripts";

TEST(MediaDirectives, YouTubeUsesTheNoCookieHost) {
  EXPECT_EQ(media_html(":::{youtube} dQw4w9WgXcQ\n:title: Talk\n:::\n"),
            fmt::format("<div class=\"video-embed youtube\" data-aspect=\"16/9\">\n<iframe "
                        "src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" "
                        "title=\"Talk\" loading=\"lazy\" allow=\"{}\" allowfullscreen></iframe>\n"
                        "<noscript><p>Watch on YouTube: <a "
                        "href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">Talk</a></p>"
                        "</noscript>\n</div>\n",
                        kVideoAllow));
  EXPECT_EQ(media_warnings(":::{youtube} dQw4w9WgXcQ\n:title: Talk\n:::\n"), Strings{});
}

TEST(MediaDirectives, YouTubeOptionsReachTheUrlAndStyle) {
  EXPECT_EQ(
      media_html(":::{youtube} dQw4w9WgXcQ\n:title: A \"quoted\" <talk>\n:start: 43\n:end: 60\n"
                 ":width: 50%\n:aspect: 4:3\n:autoplay:\n:muted: yes\n:loop: true\n"
                 ":controls: false\n:class: wide, dark\n:::\n"),
      fmt::format("<div class=\"video-embed youtube wide dark\" data-aspect=\"4/3\" "
                  "style=\"--embed-aspect: 4/3; width: 50%\">\n<iframe "
                  "src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=43&amp;"
                  "end=60&amp;autoplay=1&amp;mute=1&amp;loop=1&amp;playlist=dQw4w9WgXcQ"
                  "&amp;controls=0\" title=\"A &quot;quoted&quot; &lt;talk&gt;\" "
                  "loading=\"lazy\" allow=\"{}\" allowfullscreen></iframe>\n<noscript><p>"
                  "Watch on YouTube: <a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">"
                  "A &quot;quoted&quot; &lt;talk&gt;</a></p></noscript>\n</div>\n",
                  kVideoAllow));
  EXPECT_NE(media_html(":::{youtube} dQw4w9WgXcQ\n:title: T\n:width: 800\n:::\n")
                .find("style=\"width: 800px\""),
            std::string::npos);
}

TEST(MediaDirectives, HostileIdsEmbedNothingAndWarn) {
  for (std::string_view md :
       {":::{youtube} \"><script>alert(1)</script>\n:::\n",
        ":::{youtube} javascript:alert(1)\n:::\n", ":::{vimeo} 12345678\" onload=\"x\n:::\n",
        ":::{tiktok} 1234567890123456789/../x\n:::\n", ":::{spotify} ../../evil\n:::\n",
        ":::{soundcloud} user/track\"><script>\n:::\n", ":::{gist} user/abc def\n:::\n",
        ":::{codepen} user/pen/a\"b\n:::\n", ":::{codesandbox} javascript:x\n:::\n",
        ":::{stackblitz} a b\n:::\n", ":::{asciinema} 12a\n:::\n",
        ":::{video} javascript:alert(1).mp4\n:::\n", ":::{audio} /a/../../etc/passwd.mp3\n:::\n",
        ":::{figure} /img/\"onerror=\"x.png\n:::\n",
        ":::{figure} data:image/png;base64,xx.png\n:::\n"}) {
    EXPECT_EQ(media_html(md), "") << md;
    EXPECT_EQ(media_warnings(md).size(), 1u) << md;
  }
  EXPECT_EQ(media_warnings(":::{youtube} a\"b\n:::\n"),
            Strings{"1:1: youtube 'a\"b' is not a valid id: use the 11 characters after 'v=' in "
                    "the video's URL; nothing is embedded"});
  EXPECT_EQ(media_warnings(":::{video} ../secret.mp4\n:::\n"),
            Strings{"1:1: video '../secret.mp4' is not a path to a video file: write "
                    "'/path/file.mp4' (.mp4, .webm, .ogg, .mov), without '..', spaces or quotes; "
                    "nothing is embedded"});
}

TEST(MediaDirectives, HostileOptionValuesAreWarnedAndLeftOut) {
  std::string md =
      ":::{youtube} dQw4w9WgXcQ\n:title: T\n:width: 100%;background:url(x)\n"
      ":aspect: 16/9\"\n:start: -5\n:autoplay: maybe\n:::\n";
  EXPECT_EQ(media_html(md),
            fmt::format("<div class=\"video-embed youtube\" data-aspect=\"16/9\">\n<iframe "
                        "src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" title=\"T\" "
                        "loading=\"lazy\" allow=\"{}\" allowfullscreen></iframe>\n<noscript><p>"
                        "Watch on YouTube: <a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">"
                        "T</a></p></noscript>\n</div>\n",
                        kVideoAllow));
  EXPECT_EQ(media_warnings(md),
            (Strings{"1:1: youtube ':aspect: 16/9\"' is not a ratio like '16/9' or '4/3'; it is "
                     "ignored",
                     "1:1: youtube ':width: 100%;background:url(x)' is not a length like '80%', "
                     "'800px' or '800'; it is ignored",
                     "1:1: youtube ':start: -5' is not a whole number from 0 to 1000000; it is "
                     "ignored",
                     "1:1: youtube ':autoplay: maybe' is not true or false; it is ignored"}));
  EXPECT_EQ(media_warnings(":::{vimeo} 203011020\n:title: T\n:color: red;x\n:::\n"),
            Strings{"1:1: vimeo ':color: red;x' is not a hex colour like '00adef'; it is ignored"});
  EXPECT_EQ(media_warnings(":::{codesandbox} new\n:title: T\n:module: ../x\" y\n:::\n"),
            Strings{"1:1: codesandbox ':module: ../x\" y' has characters it may not have; write "
                    "it like '/src/App.js'; it is ignored"});
}

TEST(MediaDirectives, TitlesAreAskedForAndPrivacyIsKept) {
  EXPECT_EQ(media_warnings(":::{youtube} dQw4w9WgXcQ\n:privacy: false\n:::\n"),
            (Strings{"1:1: youtube ':privacy: false' is not supported: bengal always embeds from "
                     "youtube-nocookie.com; remove the option",
                     "1:1: youtube 'dQw4w9WgXcQ' has no :title:; screen readers announce the "
                     "embed by it, so add ':title: what it shows'"}));
  EXPECT_NE(media_html(":::{youtube} dQw4w9WgXcQ\n:privacy: false\n:::\n")
                .find("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" title=\"YouTube "
                      "video\""),
            std::string::npos);
  EXPECT_NE(media_html(":::{vimeo} 203011020\n:dnt: false\n:::\n").find("?dnt=1\""),
            std::string::npos);
}

TEST(MediaDirectives, VimeoAndTikTok) {
  EXPECT_EQ(
      media_html(":::{vimeo} 203011020\n:title: Film\n:color: #00ADEF\n:autopause: false\n:::\n"),
      "<div class=\"video-embed vimeo\" data-aspect=\"16/9\">\n<iframe "
      "src=\"https://player.vimeo.com/video/203011020?dnt=1&amp;color=00adef&amp;"
      "autopause=0\" title=\"Film\" loading=\"lazy\" allow=\"autoplay; fullscreen; "
      "picture-in-picture; clipboard-write; encrypted-media\" allowfullscreen></iframe>\n"
      "<noscript><p>Watch on Vimeo: <a href=\"https://vimeo.com/203011020\">Film</a></p>"
      "</noscript>\n</div>\n");
  EXPECT_EQ(media_html(":::{tiktok} 7251756576833309995\n:title: Cat\n:width: 400px\n:::\n"),
            fmt::format("<div class=\"video-embed tiktok\" data-aspect=\"9/16\" style=\"width: "
                        "400px\">\n<iframe src=\"https://www.tiktok.com/embed/v2/"
                        "7251756576833309995\" title=\"Cat\" loading=\"lazy\" allow=\"{}\" "
                        "allowfullscreen></iframe>\n<noscript><p>Watch on TikTok: <a "
                        "href=\"https://www.tiktok.com/embed/v2/7251756576833309995\">Cat</a></p>"
                        "</noscript>\n</div>\n",
                        kVideoAllow));
}

TEST(MediaDirectives, SpotifyAndSoundCloud) {
  EXPECT_EQ(
      media_html(":::{spotify} 37i9dQZF1DXcBWIGoYBM5M\n:title: Today's Top Hits\n:type: playlist\n"
                 ":theme: 1\n:::\n"),
      "<div class=\"audio-embed spotify\" style=\"height: 352px\">\n<iframe "
      "src=\"https://open.spotify.com/embed/playlist/37i9dQZF1DXcBWIGoYBM5M?theme=1\" "
      "title=\"Today's Top Hits\" loading=\"lazy\" allow=\"autoplay; clipboard-write; "
      "encrypted-media; fullscreen; picture-in-picture\"></iframe>\n<noscript><p>Listen on "
      "Spotify: <a href=\"https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M\">"
      "Today's Top Hits</a></p></noscript>\n</div>\n");
  EXPECT_NE(
      media_html(":::{spotify} 13JAl3SvRcko5HgfwMU5q5\n:title: T\n:::\n").find("height: 152px"),
      std::string::npos);
  EXPECT_NE(media_html(":::{spotify} 13JAl3SvRcko5HgfwMU5q5\n:title: T\n:type: episode\n:::\n")
                .find("height: 232px"),
            std::string::npos);
  EXPECT_EQ(media_html(":::{soundcloud} https://soundcloud.com/user-1/a_track?si=x\n:title: Mix\n"
                       ":color: 8b5cf6\n:visual: true\n:::\n"),
            "<div class=\"audio-embed soundcloud\" style=\"height: 300px\">\n<iframe "
            "src=\"https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fuser-1%2F"
            "a_track&amp;color=%238b5cf6&amp;auto_play=false&amp;hide_related=false&amp;"
            "show_comments=true&amp;show_user=true&amp;show_reposts=false&amp;visual=true\" "
            "title=\"Mix\" loading=\"lazy\" allow=\"autoplay\"></iframe>\n<noscript><p>Listen on "
            "SoundCloud: <a href=\"https://soundcloud.com/user-1/a_track\">Mix</a></p>"
            "</noscript>\n</div>\n");
  EXPECT_NE(
      media_html(":::{soundcloud} u/set\n:title: T\n:type: playlist\n:::\n").find("height: 450px"),
      std::string::npos);
}

TEST(MediaDirectives, CodePlaygrounds) {
  EXPECT_EQ(media_html(":::{codepen} mrdanielschwarz/pen/VYaPVgr\n:title: Demo\n:default-tab: css\n"
                       ":height: 400\n:::\n"),
            fmt::format("<div class=\"code-embed codepen\" style=\"height: 400px\">\n<iframe "
                        "src=\"https://codepen.io/mrdanielschwarz/embed/VYaPVgr?default-tab=css"
                        "&amp;theme-id=dark&amp;preview=true\" title=\"Demo\" loading=\"lazy\" "
                        "sandbox=\"{}\" allowfullscreen></iframe>\n<noscript><p>See the pen on "
                        "CodePen: <a href=\"https://codepen.io/mrdanielschwarz/pen/VYaPVgr\">"
                        "Demo</a></p></noscript>\n</div>\n",
                        kSandbox));
  EXPECT_EQ(media_html(":::{codesandbox} new\n:title: New\n:view: preview\n:module: /src/App.js\n"
                       ":hidenavigation:\n:::\n"),
            fmt::format("<div class=\"code-embed codesandbox\" style=\"height: 500px\">\n<iframe "
                        "src=\"https://codesandbox.io/embed/new?view=preview&amp;fontsize=14&amp;"
                        "theme=dark&amp;module=/src/App.js&amp;hidenavigation=1\" title=\"New\" "
                        "loading=\"lazy\" sandbox=\"{}\"></iframe>\n<noscript><p>View on "
                        "CodeSandbox: <a href=\"https://codesandbox.io/s/new\">New</a></p>"
                        "</noscript>\n</div>\n",
                        kSandbox));
  EXPECT_EQ(
      media_html(":::{stackblitz} vitejs-vite\n:title: Vite\n:height: 450px\n:file: src/main.ts\n"
                 ":hidedevtools: true\n:::\n"),
      fmt::format("<div class=\"code-embed stackblitz\" style=\"height: 450px\">\n<iframe "
                  "src=\"https://stackblitz.com/edit/vitejs-vite?embed=1&amp;view=both&amp;"
                  "file=src/main.ts&amp;hideDevTools=1\" title=\"Vite\" loading=\"lazy\" "
                  "sandbox=\"{}\"></iframe>\n<noscript><p>View on StackBlitz: <a "
                  "href=\"https://stackblitz.com/edit/vitejs-vite\">Vite</a></p></noscript>"
                  "\n</div>\n",
                  kSandbox));
  EXPECT_EQ(media_warnings(":::{codepen} a/b\n:title: T\n:theme: neon\n:::\n"),
            Strings{"1:1: codepen ':theme: neon' is not one of 'light', 'dark'; it is ignored"});
}

TEST(MediaDirectives, GistIsALink) {
  EXPECT_EQ(media_html(":::{gist} lbliii/21314a0babc8838bc2b5eecb53faec75\n:::\n"),
            "<p class=\"gist-embed\"><a href=\"https://gist.github.com/lbliii/"
            "21314a0babc8838bc2b5eecb53faec75\">View the gist lbliii/"
            "21314a0babc8838bc2b5eecb53faec75 on GitHub</a></p>\n");
  EXPECT_EQ(media_html(":::{gist} octocat/1234abcd\n:file: Example.py\n:::\n"),
            "<p class=\"gist-embed\"><a href=\"https://gist.github.com/octocat/1234abcd"
            "#file-example-py\">View Example.py of the gist octocat/1234abcd on GitHub</a></p>\n");
}

TEST(MediaDirectives, SelfHostedVideoAndAudio) {
  EXPECT_EQ(media_html(":::{video} /assets/demo.webm\n:title: Demo\n:poster: /assets/poster.jpg\n"
                       ":preload: auto\n:muted:\n:width: 80%\n:::\n"),
            "<figure class=\"video-embed self-hosted\">\n<video title=\"Demo\" "
            "poster=\"/assets/poster.jpg\" controls muted preload=\"auto\" style=\"width: "
            "80%\">\n<source src=\"/assets/demo.webm\" type=\"video/webm\">\n<p>Your browser "
            "cannot play this video: <a href=\"/assets/demo.webm\">download the video</a>.</p>\n"
            "</video>\n</figure>\n");
  EXPECT_EQ(
      media_html(":::{audio} /assets/ambience.MP3\n:title: Rain\n:autoplay: true\n:loop: true\n"
                 ":controls: false\n:::\n"),
      "<figure class=\"audio-embed\">\n<audio title=\"Rain\" autoplay loop "
      "preload=\"metadata\">\n<source src=\"/assets/ambience.MP3\" type=\"audio/mpeg\">\n"
      "<p>Your browser cannot play this audio: <a href=\"/assets/ambience.MP3\">download "
      "the audio</a>.</p>\n</audio>\n</figure>\n");
  EXPECT_EQ(media_warnings(":::{video} /a.mp4\n:title: T\n:poster: javascript:x\n:::\n"),
            Strings{"1:1: video ':poster: javascript:x' has characters it may not have; write it "
                    "like '/images/poster.jpg'; it is ignored"});
}

TEST(MediaDirectives, Figure) {
  EXPECT_EQ(media_html(":::{figure} /images/workflow.png\n:alt: Content \"flow\"\n:caption: How "
                       "*content* flows\n:align: center\n:width: 80%\n:class: rounded\n:::\n"),
            "<figure class=\"figure align-center rounded\" style=\"width: 80%\">\n<img "
            "src=\"/images/workflow.png\" alt=\"Content &quot;flow&quot;\" loading=\"lazy\">\n"
            "<figcaption>How <em>content</em> flows</figcaption>\n</figure>\n");
  EXPECT_EQ(
      media_html(":::{figure} https://example.com/d.svg\n:alt:\n:link: https://example.com/big\n"
                 ":target: _blank\n:height: 200\n:loading: eager\nThe body is the caption.\n:::\n"),
      "<figure class=\"figure\">\n<a href=\"https://example.com/big\" target=\"_blank\" "
      "rel=\"noopener noreferrer\"><img src=\"https://example.com/d.svg\" alt=\"\" "
      "loading=\"eager\" style=\"height: 200px\"></a>\n<figcaption>The body is the "
      "caption.</figcaption>\n</figure>\n");
  EXPECT_EQ(media_warnings(":::{figure} /a.png\n:::\n"),
            Strings{"1:1: figure '/a.png' has no :alt:; describe the image with ':alt: what it "
                    "shows', or write ':alt:' alone for a decorative image"});
  EXPECT_EQ(media_warnings(":::{figure} /a.gif\n:alt: x\n:align: middle\n:::\n"),
            Strings{"1:1: figure ':align: middle' is not one of 'left', 'center', 'right'; it is "
                    "ignored"});
}

TEST(MediaDirectives, Asciinema) {
  EXPECT_EQ(
      media_html(":::{asciinema} 590029\n:title: Install\n:cols: 120\n:rows: 30\n:speed: 2.0\n"
                 ":theme: monokai\n:idle-time-limit: 2\n:poster: npt:0:5\n:start-at: 1:30\n"
                 ":::\n"),
      "<div class=\"terminal-embed asciinema\" style=\"--embed-aspect: 720/390\">\n<iframe "
      "src=\"https://asciinema.org/a/590029/iframe?cols=120&amp;rows=30&amp;speed=2.0&amp;"
      "theme=monokai&amp;poster=npt:0:5&amp;idleTimeLimit=2&amp;t=1:30\" title=\"Install\" "
      "loading=\"lazy\" allowfullscreen></iframe>\n<noscript><p>View the recording on "
      "asciinema.org: <a href=\"https://asciinema.org/a/590029\">Install</a></p>"
      "</noscript>\n</div>\n");
}

TEST(MediaDirectives, CardColor) {
  EXPECT_EQ(media_html(":::{card} Go\n:color: teal\n:::\n"),
            "<div class=\"card card-color-teal\">\n<div class=\"card-header\"><div "
            "class=\"card-title\">Go</div></div>\n<div class=\"card-content\">\n</div>\n</div>\n");
  EXPECT_EQ(media_warnings(":::{card} Go\n:color: \"red\n:::\n"),
            Strings{"1:1: card ':color: \"red' is not one of blue, cyan, gray, green, indigo, "
                    "orange, pink, purple, red, teal, violet, yellow; it is ignored"});
}

}  // namespace
}  // namespace bengal::markdown
