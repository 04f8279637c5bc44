// The references the site-link check reads in raw HTML: <a href> and <img src>, found as a
// browser's tokenizer finds them, whatever pieces md4c hands the HTML over in.
#include "bengal/markdown/html_refs.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bengal::markdown {
namespace {

// "link:value@offset" or "image:value@offset" for each reference of `pieces`, fed in turn;
// the offset is the value's first byte in the pieces joined.
std::vector<std::string> refs(const std::vector<std::string>& pieces) {
  std::string joined;
  for (const auto& p : pieces) joined += p;
  std::vector<std::string> out;
  HtmlRefScanner scanner;
  size_t at = 0;
  for (const auto& p : pieces) {
    std::string_view piece(joined.data() + at, p.size());
    scanner.feed(piece, [&](HtmlRefKind kind, std::string_view value, const char* where) {
      out.push_back(std::string(kind == HtmlRefKind::kLink ? "link:" : "image:") +
                    std::string(value) + "@" + std::to_string(where - joined.data()));
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
  EXPECT_EQ(refs({"<A class=x HREF=/c/ id=y><IMG SRC=d.png/><link href=e.css><img href=f>"}),
            (Strings{"link:/c/@16", "image:d.png/@34"}));
  // An empty value is one; a name without a value is not.
  EXPECT_EQ(refs({"<a href=\"\">x</a><a href>y</a>"}), (Strings{"link:@9"}));
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

}  // namespace
}  // namespace bengal::markdown
