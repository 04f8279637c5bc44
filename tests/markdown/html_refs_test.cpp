// The references the site-link check reads in raw HTML: <a href>, <img src>, srcset..., and the
// ids a link's #fragment goes to, found as a browser's tokenizer finds them, whatever pieces
// md4c hands the HTML over in.
#include "bengal/markdown/html_refs.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bengal::markdown {
namespace {

// "link:value@offset", "image:value@offset", "id:value@offset", "media:value@offset" or
// "embed:value@offset" for each reference of `pieces`, fed in turn; the offset is the value's
// first byte in the pieces joined.
std::vector<std::string> refs(const std::vector<std::string>& pieces) {
  std::string joined;
  for (const auto& p : pieces) joined += p;
  std::vector<std::string> out;
  HtmlRefScanner scanner;
  size_t at = 0;
  for (const auto& p : pieces) {
    std::string_view piece(joined.data() + at, p.size());
    scanner.feed(piece, [&](HtmlRefKind kind, std::string_view value, const char* where) {
      const char* names[] = {"link:", "image:", "id:", "media:", "embed:"};
      out.push_back(std::string(names[static_cast<size_t>(kind)]) + std::string(value) + "@" +
                    std::to_string(where - joined.data()));
    });
    at += p.size();
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(HtmlRefs, LinksAndImagesWithTheirPlace) {
  EXPECT_EQ(refs({"<a href=\"/a/\">x</a> <img alt='i' src='b.png'>"}),
            (Strings{"link:/a/@9", "image:b.png@38"}));
  // Names in any case, values unquoted (a '/' is part of one, as in a browser), other
  // attributes and tags passed by.
  EXPECT_EQ(refs({"<A class=x HREF=/c/ id=y><IMG SRC=d.png/><b href=e.css><img href=f>"}),
            (Strings{"link:/c/@16", "id:y@23", "image:d.png/@34"}));
  // An empty value is one; a name without a value is not.
  EXPECT_EQ(refs({"<a href=\"\">x</a><a href>y</a>"}), (Strings{"link:@9"}));
}

// A README's logo for dark mode is a <picture> of <source srcset> and an <img>: every URL of
// a srcset is an image, as is a video's poster; an image map's areas are links; videos, audio
// and their sources and tracks are media.
TEST(HtmlRefs, EveryUrlOfASrcsetAndOtherImagesAndLinks) {
  EXPECT_EQ(
      refs({"<picture><source media=\"(prefers-color-scheme: dark)\" srcset=\"/d.png\">"
            "<img src=\"/l.png\" srcset=\"/l.png 1x, /l@2x.png 2x\"></picture>"}),
      (Strings{"image:/d.png@62", "image:/l.png@80", "image:/l.png@96", "image:/l@2x.png@107"}));
  EXPECT_EQ(refs({"<video src=v.mp4 poster=p.jpg></video><map><area href=/m/ alt=x></map>"}),
            (Strings{"media:v.mp4@11", "image:p.jpg@24", "link:/m/@54"}));
  // What a video or audio plays, and its captions.
  EXPECT_EQ(refs({"<audio src=a.mp3></audio><video><source src=/v.webm type=video/webm>"
                  "<track src=c.vtt></video>"}),
            (Strings{"media:a.mp3@11", "media:/v.webm@44", "media:c.vtt@79"}));
}

// What a page loads or embeds besides images and media; a script's text is not read for tags.
TEST(HtmlRefs, FramesEmbedsObjectsScriptsAndLinkedFiles) {
  EXPECT_EQ(refs({"<iframe src=\"/demo/\" title=d></iframe><embed src=a.pdf>"
                  "<object data=\"b.svg\" type=image/svg+xml></object>"}),
            (Strings{"embed:/demo/@13", "embed:a.pdf@49", "embed:b.svg@69"}));
  EXPECT_EQ(refs({"<link rel=stylesheet href=/s.css><script src='s.js'>",
                  "let x = '<iframe src=no.html>';</script><img src=i.png>"}),
            (Strings{"embed:/s.css@26", "embed:s.js@46", "image:i.png@101"}));
  // Attributes of other elements by the same names are no references.
  EXPECT_EQ(refs({"<object src=c.svg><embed data=d.pdf><iframe href=e.html>"}), Strings{});
}

TEST(HtmlRefs, SrcsetIsReadAsHtmlParsesIt) {
  auto urls = [](std::string_view srcset) {
    Strings out;
    for_each_srcset_url(srcset, [&](std::string_view url, size_t at) {
      out.push_back(std::string(url) + "@" + std::to_string(at));
    });
    return out;
  };
  EXPECT_EQ(urls("a.png"), (Strings{"a.png@0"}));
  EXPECT_EQ(urls(" a.png 480w,\n b.png  800w , c.png"),
            (Strings{"a.png@1", "b.png@14", "c.png@28"}));
  // A URL's own commas stay; commas ending it end the candidate; a descriptor's parentheses
  // hold commas too.
  EXPECT_EQ(urls("a,b.png 1x,c.png,, d.png (x, y) 2x, e.png"),
            (Strings{"a,b.png@0", "c.png@11", "d.png@19", "e.png@36"}));
  EXPECT_EQ(urls(" , ,"), Strings{});
}

// A link's #fragment goes to the element of that id, else to the <a> of that name (HTML's
// "indicated part of the document"): any element's id, and only an <a>'s name.
TEST(HtmlRefs, IdsOfAnyElementAndNamesOfLinks) {
  EXPECT_EQ(refs({"<a name=\"install\"></a><div id='usage' class=x><p ID=Faq>"
                  "<input name=q><span id=\"a&amp;b\">"}),
            (Strings{"id:install@9", "id:usage@31", "id:Faq@52", "id:a&b@80"}));
}

TEST(HtmlRefs, ATagSpreadOverPiecesIsReadWhole) {
  EXPECT_EQ(refs({"<img\n", "  alt=\"x\"\n", "  src=\"/img/", "a.png\">\n"}),
            (Strings{"image:/img/a.png@22"}));
  EXPECT_EQ(refs({"<", "a", " hr", "ef", "=", "'x'", ">"}), (Strings{"link:x@9"}));
}

TEST(HtmlRefs, CharacterReferencesAreDecoded) {
  EXPECT_EQ(refs({"<a href=\"/s?a=1&amp;b=2&#38;c=&#x33;\">"}), (Strings{"link:/s?a=1&b=2&c=3@9"}));
  // A '&' that starts no reference stays.
  EXPECT_EQ(refs({"<a href=\"/s?a&b=1&;\">"}), (Strings{"link:/s?a&b=1&;@9"}));
}

TEST(HtmlRefs, CommentsDeclarationsScriptsAndEndTagsHoldNone) {
  EXPECT_EQ(refs({"<!-- <a href=\"/no/\"> -->", "<a href=\"/yes/\">"}), (Strings{"link:/yes/@33"}));
  EXPECT_EQ(refs({"<!-- a -- b ->", " <a href=\"/no/\"> --><a href=/yes/>"}),
            (Strings{"link:/yes/@42"}));
  EXPECT_EQ(refs({"<!DOCTYPE html><?xml <a href=\"/no/\"?><a href=/yes/>"}),
            (Strings{"link:/yes/@45"}));
  EXPECT_EQ(refs({"<script>var s = '<a href=\"/no/\">';</scr", "ipt><a href=/yes/>"}),
            (Strings{"link:/yes/@51"}));
  EXPECT_EQ(refs({"<style>a[href=\"/no/\"] {}</STYLE><img src=y.png>"}),
            (Strings{"image:y.png@41"}));
  EXPECT_EQ(refs({"</a href=\"/no/\"> 1 < 2 <a href=/yes/>"}), (Strings{"link:/yes/@31"}));
}

TEST(HtmlRefs, ResetForgetsATagLeftOpen) {
  HtmlRefScanner scanner;
  std::vector<std::string> found;
  auto add = [&](HtmlRefKind, std::string_view value, const char*) { found.emplace_back(value); };
  scanner.feed("<a title=\"x", add);
  scanner.reset();
  scanner.feed("\" href=\"/no/\"><a href=\"/yes/\">", add);
  EXPECT_EQ(found, (Strings{"/yes/"}));
}

// The text a browser shows, for an HTML page's words and summary: a space for each tag,
// nothing of comments, declarations, scripts or styles; "a < b" is text.
TEST(HtmlRefs, TextIsWhatABrowserShows) {
  std::string text;
  HtmlRefScanner scanner;
  scanner.set_text(&text);
  for (std::string_view piece :
       {"<!doctype html><p>One <em>two</em></p><!-- no --><scr",
        "ipt>var x = '<p>no</p>';</script>", "<style>p{}</style>a < b &amp; c"}) {
    scanner.feed(piece, [](HtmlRefKind, std::string_view, const char*) {});
  }
  EXPECT_EQ(text, "  One  two     a < b &amp; c");
  scanner.set_text(nullptr);
  scanner.feed("<p>more</p>", [](HtmlRefKind, std::string_view, const char*) {});
  EXPECT_EQ(text, "  One  two     a < b &amp; c");
}

}  // namespace
}  // namespace bengal::markdown
