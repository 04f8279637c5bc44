// Invariant: whatever a site's titles, tags, descriptions, params, urls and summaries hold
// ("<>'&, control characters, U+2028/2029, </script>), every file the build writes stays
// well-formed: index.json and graph.json parse with nlohmann-json and keep the strings, every
// XML file passes xmllint, and no HTML attribute value holds an unescaped '"' or '<'.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

// One of everything that breaks an escaper; front matter spells it in YAML escapes. A url, slug
// or alias holds only what a URL path may ("'&": '"' and '<' are refused, page_url.hpp).
constexpr std::string_view kYamlHostile = "\\\"<>'& \\x01\\x0b\\x1f \\u2028\\u2029 </script><!--";
const std::string kHostile = "\"<>'& \x01\x0b\x1f \u2028\u2029 </script><!--";

fs::path hostile_site() {
  fs::path site = fresh_temp_dir() / "site";
  std::string h(kYamlHostile);
  write_file(site / "bengal.toml",
             "[site]\ntitle = \"Site \\\"<>'& \\u0001 \\u2028 </script>\"\n"
             "baseurl = \"https://example.org\"\ndescription = \"D \\\"<>'& \\u0002 </script>\"\n\n"
             "[params]\nauthor = \"A \\\"<>'& \\u0003 </script>\"\n\n[markdown]\nunsafe = false\n\n"
             "[features]\natom = true\ngraph = true\n\n[search]\nfull_text = true\n\n"
             "[feeds]\nfull_content = true\n");
  write_file(site / "content/_index.md", "---\ntitle: \"Home " + h + "\"\ndescription: \"HD " + h +
                                             "\"\n---\nHome " + h + "\n");
  write_file(site / "content/sec/_index.md", "---\ntitle: \"Sec " + h + "\"\n---\n");
  write_file(site / "content/sec/p.md",
             "---\ntitle: \"P " + h + "\"\ndescription: \"PD " + h + "\"\ntags: [\"t " + h +
                 "\", plain]\ncategories: [\"c " + h + "\"]\nkeywords: [\"k " + h +
                 "\"]\ndate: 2024-01-02\nsummary: \"PS " + h + "\"\ncustom: \"X " + h +
                 "\"\nurl: \"/sec/p'&/\"\n---\nBody \"<>'& </script> [l](/x\"y) "
                 "![i](a\"b.png \"t\\\"<>\")\n");
  write_file(site / "content/sec/q.md",
             "---\ntitle: Q\naliases: [\"/old'&/\"]\nslug: \"q'&\"\ndate: "
             "2024-01-03\n---\nWord \u2028 \x01 \"<>'& </script> line.\n");
  write_file(site / "content/sec/bad.md", "---\ntitle: Bad\n---\nbad \xff byte\n");
  return site;
}

// Attribute problems in one HTML file: a quoted value holding '<' or not followed by space,
// '/' or '>' (an unescaped quote ended it early), an unquoted value, a name holding a quote.
// Comments are skipped, and so are script and style contents, which must each end at their
// own closing tag.
std::vector<std::string> attribute_problems(const std::string& html) {
  std::vector<std::string> problems;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      i = html.find("-->", i);
      if (i == std::string::npos) break;
      continue;
    }
    size_t start = ++i;
    while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) != 0)) ++i;
    std::string name = html.substr(start, i - start);
    if (name.empty()) continue;  // an end tag or text '<' (escaped text has none)
    while (i < html.size() && html[i] != '>') {
      if (is_space(html[i]) || html[i] == '/') {
        ++i;
        continue;
      }
      size_t n = i;
      while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' &&
             html[i] != '/')
        ++i;
      std::string attr = html.substr(n, i - n);
      if (attr.find_first_of("\"'<") != std::string::npos)
        problems.push_back("attribute name " + attr + " in <" + name);
      if (i >= html.size() || html[i] != '=') continue;
      char quote = html[++i];
      if (quote != '"' && quote != '\'') {
        problems.push_back("unquoted value of " + attr + " in <" + name);
        continue;
      }
      size_t end = html.find(quote, i + 1);
      if (end == std::string::npos) return {"unterminated value of " + attr};
      std::string value = html.substr(i + 1, end - i - 1);
      if (value.find('<') != std::string::npos)
        problems.push_back("'<' in " + attr + "=\"" + value + "\"");
      i = end + 1;
      if (i < html.size() && !is_space(html[i]) && html[i] != '>' && html[i] != '/')
        problems.push_back("value of " + attr + " ends early: " + html.substr(n, i + 20 - n));
    }
    if (name == "script" || name == "style") {
      size_t close = html.find("</" + name + ">", i);
      if (close == std::string::npos) return {"no </" + name + ">"};
      if (html.substr(i, close - i).find("<!--") != std::string::npos)
        problems.push_back("<!-- inside <" + name + ">");
      i = close;
    }
  }
  return problems;
}

TEST(EscapingInvariant, AttributeScanFindsBreakouts) {
  EXPECT_TRUE(attribute_problems("<a href=\"x&quot;\" title='a\"b'>t</a><br/>").empty());
  EXPECT_FALSE(attribute_problems("<a title=\"a\"b\">").empty());
  EXPECT_FALSE(attribute_problems("<a title=\"a<b\">").empty());
  EXPECT_FALSE(attribute_problems("<a title=x>").empty());
  EXPECT_EQ(attribute_problems("<script>x</script></script>").size(), 0u);
  EXPECT_EQ(attribute_problems("<script>\"<!--\"</script>").size(), 1u);
}

TEST(EscapingInvariant, EveryOutputIsWellFormedForHostileInput) {
  fs::path site = hostile_site();
  fs::path out = site.parent_path() / "public";
  RunResult r = run_bengal({"build", site.string(), "-o", out.string(), "-q"});
  EXPECT_EQ(r.err,
            "content/sec/bad.md:4:5: error: invalid UTF-8 byte 0xff; save the file as UTF-8\n"
            "content/sec/p.md:12:26: warning: link to '/x\"y': the site publishes nothing at that "
            "path (no page, and no file of static/ or content/); fix the link, or if another "
            "server publishes it, add the path to [build] unchecked_paths\n"
            "content/sec/p.md:12:37: warning: image 'a\"b.png' (from this page's URL, "
            "/sec/p'&/a\"b.png): the site publishes nothing at that path (no page, and no "
            "file of static/ or content/); fix the image's source, or if another server "
            "publishes it, add the path to [build] unchecked_paths\n"
            "error: the build failed with 1 error (above), and wrote every other page; fix it "
            "and build again\n");
  size_t html = 0, xml = 0;
  for (const auto& rel : list_tree(out)) {
    std::string text = read_file(out / rel);
    if (rel.ends_with(".html")) {
      ++html;
      for (const auto& p : attribute_problems(text)) ADD_FAILURE() << rel << ": " << p;
    } else if (rel.ends_with(".xml")) {
      ++xml;
      std::string cmd = "xmllint --noout '" + (out / rel).string() + "' 2>&1";
      EXPECT_EQ(std::system(cmd.c_str()), 0) << rel;
    } else if (rel.ends_with(".json")) {
      EXPECT_TRUE(nlohmann::json::accept(text)) << rel;
    }
  }
  EXPECT_GE(html, 10u);
  EXPECT_GE(xml, 10u);
  // The strings survive escaping: index.json holds them exactly.
  nlohmann::json index = nlohmann::json::parse(read_file(out / "index.json"));
  bool found = false;
  for (const auto& e : index) {
    if (e["title"] != "P " + kHostile) continue;
    found = true;
    EXPECT_EQ(e["description"], "PD " + kHostile);
    EXPECT_EQ(e["url"], "/sec/p'&/");
    EXPECT_EQ(e["tags"][0], "t " + kHostile);
  }
  EXPECT_TRUE(found) << index.dump();
}

}  // namespace
}  // namespace bengal::test
