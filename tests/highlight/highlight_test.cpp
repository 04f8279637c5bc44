#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bengal/highlight/fast/lexers.hpp"
#include "bengal/highlight/highlight.hpp"
#include "bengal/highlight/languages.hpp"
#include "bengal/highlight/tokenizer.hpp"

namespace bengal::highlight {
namespace {

std::string fence(std::string_view info, std::string_view code,
                  ClassScheme scheme = ClassScheme::kSemantic) {
  Highlighter h;
  std::string out;
  if (!h.highlight_fence(info, code, scheme, out)) return "(not highlighted)";
  return out;
}

// KSyntaxHighlighting is a module loaded on the first block that needs it: without it such a
// block is not tokenized, the pool says why, and the process warns once how to mend it.
TEST(Highlight, WithoutTheKSyntaxModuleCodeIsPlainAndTheWarningSaysWhy) {
  TokenizerPool found;
  TokenizedCode out;
  EXPECT_TRUE(found.tokenize("Ruby", "puts 1\n", out));
  EXPECT_FALSE(out.tokens.empty());
  EXPECT_EQ(found.unavailable(), "");

  TokenizerPool missing("/nonexistent/libbengal-ksyntax.so");
  for (int i = 0; i < 2; ++i) {
    testing::internal::CaptureStderr();
    EXPECT_FALSE(missing.tokenize("Ruby", "puts 1\n", out));
    EXPECT_EQ(testing::internal::GetCapturedStderr(),
              i > 0
                  ? ""
                  : "warning: cannot load libbengal-ksyntax.so (/nonexistent/libbengal-ksyntax.so: "
                    "cannot open shared object file: No such file or directory): code blocks in "
                    "languages that bengal has no lexer of its own for are not highlighted; keep "
                    "libbengal-ksyntax.so beside the bengal binary\n");
  }
  EXPECT_EQ(missing.unavailable(),
            "/nonexistent/libbengal-ksyntax.so: cannot open shared object file: No such file or "
            "directory");
  EXPECT_TRUE(out.tokens.empty());
}

TEST(Highlight, SemanticClasses) {
  EXPECT_EQ(
      fence("python", "def f(x):\n    return x + 1.5  # note\n"),
      "<div class=\"rosettes\" data-language=\"python\"><pre><code>"
      "<span class=\"syntax-keyword\">def</span> <span class=\"syntax-function\">f</span>(x):\n"
      "    <span class=\"syntax-keyword\">return</span> x "
      "<span class=\"syntax-operator\">+</span> <span class=\"syntax-number\">1.5</span>  "
      "<span class=\"syntax-comment\"># note</span>\n"
      "</code></pre></div>\n");
}

TEST(Highlight, PygmentsClasses) {
  EXPECT_EQ(fence("python", "return \"s\" + 1.5  # note\n", ClassScheme::kPygments),
            "<div class=\"highlight\" data-language=\"python\"><pre><code>"
            "<span class=\"k\">return</span> <span class=\"s\">&quot;s&quot;</span> "
            "<span class=\"o\">+</span> <span class=\"mf\">1.5</span>  "
            "<span class=\"c\"># note</span>\n"
            "</code></pre></div>\n");
}

TEST(Highlight, DiffLinesAreDeletedAndInserted) {
  EXPECT_EQ(fence("diff", "-old\n+new\n ctx\n", ClassScheme::kPygments),
            "<div class=\"highlight\" data-language=\"diff\"><pre><code>"
            "<span class=\"gd\">-old</span>\n<span class=\"gi\">+new</span>\n ctx\n"
            "</code></pre></div>\n");
}

TEST(Highlight, MarkupElementsAreTagsAndAttributes) {
  EXPECT_EQ(fence("html", "<a href=\"x\">t</a>\n"),
            "<div class=\"rosettes\" data-language=\"html\"><pre><code>"
            "<span class=\"syntax-tag\">&lt;a</span> <span class=\"syntax-attribute\">href</span>="
            "<span class=\"syntax-string\">&quot;x&quot;</span>"
            "<span class=\"syntax-tag\">&gt;</span>t<span class=\"syntax-tag\">&lt;/a&gt;</span>\n"
            "</code></pre></div>\n");
  EXPECT_EQ(fence("kida", "{% if x %}<p>{{ y }}</p>\n", ClassScheme::kPygments),
            "<div class=\"highlight\" data-language=\"jinja\"><pre><code>"
            "<span class=\"cp\">{%</span> <span class=\"k\">if</span> <span class=\"nv\">x</span> "
            "<span class=\"cp\">%}</span><span class=\"nt\">&lt;p&gt;</span>"
            "<span class=\"cp\">{{</span> <span class=\"nv\">y</span> <span class=\"cp\">}}</span>"
            "<span class=\"nt\">&lt;/p&gt;</span>\n"
            "</code></pre></div>\n");
}

TEST(Highlight, TitleHighlightedLinesAndLineNumbers) {
  EXPECT_EQ(fence(R"(py {2} linenos title="a<b>")", "x = 1\ny = 2\nz\n"),
            "<div class=\"rosettes\" data-language=\"python\">"
            "<div class=\"code-title\">a&lt;b&gt;</div><pre><code>"
            "<span class=\"linenos\">1</span>x <span class=\"syntax-operator\">=</span> "
            "<span class=\"syntax-number\">1</span>\n"
            "<span class=\"hll\"><span class=\"linenos\">2</span>y "
            "<span class=\"syntax-operator\">=</span> <span class=\"syntax-number\">2</span>\n"
            "</span><span class=\"linenos\">3</span>z\n"
            "</code></pre></div>\n");
}

// Hugo's linenostart: the numbers start there; the highlighted line is still the block's second.
TEST(Highlight, NumbersStartWhereTheFenceSays) {
  EXPECT_EQ(fence("py {linenos=table, hl_lines=[2], linenostart=99}", "x\ny\n"),
            "<div class=\"rosettes\" data-language=\"python\"><pre><code>"
            "<span class=\"linenos\">99</span>x\n"
            "<span class=\"hll\"><span class=\"linenos\">100</span>y\n"
            "</span></code></pre></div>\n");
  // The same code without the start is another block, not a cache hit of this one.
  EXPECT_NE(fence("py {linenos=table, hl_lines=[2]}", "x\ny\n"),
            fence("py {linenos=table, hl_lines=[2], linenostart=99}", "x\ny\n"));
}

TEST(Highlight, HighlightedLinesWithoutNumbers) {
  EXPECT_EQ(
      fence("ini {1-2}", "[a]\nb=1\nc"),
      "<div class=\"rosettes\" data-language=\"ini\"><pre><code>"
      "<span class=\"hll\"><span class=\"syntax-keyword\">[a]</span>\n</span>"
      "<span class=\"hll\"><span class=\"syntax-attribute\">b</span>"
      "<span class=\"syntax-operator\">=</span><span class=\"syntax-number\">1</span>\n</span>"
      "c"
      "</code></pre></div>\n");
}

TEST(Highlight, UnicodeOffsetsStayOnCharacters) {
  EXPECT_EQ(fence("python", "é = \"ü😀\" # ✓\n"),
            "<div class=\"rosettes\" data-language=\"python\"><pre><code>é "
            "<span class=\"syntax-operator\">=</span> "
            "<span class=\"syntax-string\">&quot;ü😀&quot;</span> "
            "<span class=\"syntax-comment\"># ✓</span>\n"
            "</code></pre></div>\n");
}

TEST(Highlight, UnknownLanguagesAreLeftToTheCaller) {
  EXPECT_EQ(fence("mermaid", "graph TD\n"), "(not highlighted)");
  EXPECT_EQ(fence("\"><script>alert(1)</script>", "x\n"), "(not highlighted)");
  EXPECT_EQ(fence("", "x\n"), "(not highlighted)");
}

TEST(Highlight, EveryLanguageWithoutAHandWrittenLexerHasADefinition) {
  // Such a block is tokenized only when its KSyntaxHighlighting definition loads; a missing one
  // would leave every token plain. "1" is a number (or a keyword or name) in each of these
  // languages' definitions, so some span must appear.
  Highlighter h;
  for (const Language& l : languages()) {
    if (fast::has_lexer(l.canonical)) continue;
    std::string out;
    ASSERT_TRUE(h.highlight(
        l.alias, "x = 1 \"s\" # c // c\n<a b=\"1\">{{ x }}</a>\n.. note:: \\section{y} $z\n", {},
        out))
        << l.alias;
    EXPECT_NE(out.find("<span class=\"syntax-"), std::string::npos) << l.alias << "\n" << out;
  }
}

TEST(Highlight, LanguageTableMatchesTheReferencePage) {
  std::ifstream in(BENGAL_SOURCE_DIR "/docs/content/reference/code-blocks.md");
  ASSERT_TRUE(in) << "docs/content/reference/code-blocks.md";
  std::map<std::string, std::string> documented;  // alias -> canonical
  std::string line;
  bool in_languages = false;
  while (std::getline(in, line)) {
    if (line.starts_with("## ")) in_languages = line == "## Languages";
    if (!in_languages || !line.starts_with("| ") || line.starts_with("| Canonical")) continue;
    size_t bar = line.find(" | ");
    std::string canonical = line.substr(2, bar - 2);
    std::stringstream aliases(line.substr(bar + 3, line.rfind(" |") - bar - 3));
    for (std::string alias; std::getline(aliases, alias, ',');)
      documented[alias.substr(alias.find_first_not_of(' '))] = canonical;
  }
  std::map<std::string, std::string> table;
  for (const Language& l : languages()) table[std::string(l.alias)] = l.canonical;
  EXPECT_EQ(documented, table);
}

TEST(Highlight, AliasesMapToCanonicalNames) {
  EXPECT_EQ(canonical_language("JS"), "javascript");
  EXPECT_EQ(canonical_language("kida"), "jinja");
  EXPECT_EQ(canonical_language("jinja2"), "jinja");
  EXPECT_EQ(canonical_language("console"), "bash");
  EXPECT_EQ(canonical_language("c++"), "cpp");
  EXPECT_EQ(canonical_language("yml"), "yaml");
  EXPECT_EQ(canonical_language("tree"), "");
}

TEST(Highlight, BinaryJunkIsEscapedValidUtf8) {
  std::string junk;
  for (int i = 0; i < 256; ++i) junk += static_cast<char>(i);
  junk += "\n<script>\xff\xfe\n";
  std::string out = fence("c", junk);
  EXPECT_EQ(out.find("<script>"), std::string::npos);
  EXPECT_NE(out.find("&lt;</span>script"), std::string::npos);
  EXPECT_EQ(out.find('\xff'), std::string::npos);  // invalid bytes became U+FFFD
  EXPECT_NE(out.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Highlight, HugeBlockKeepsTheMarkupWithoutTokens) {
  std::string code;
  while (code.size() <= kMaxTokenizedBytes) code += "int x = 1; // <b>\n";
  std::string out = fence("c", code);
  EXPECT_TRUE(out.starts_with("<div class=\"rosettes\" data-language=\"c\"><pre><code>int x = 1;"));
  EXPECT_EQ(out.find("<span"), std::string::npos);
  EXPECT_EQ(out.find("<b>"), std::string::npos);
  EXPECT_TRUE(out.ends_with("// &lt;b&gt;\n</code></pre></div>\n"));
}

TEST(Highlight, CachedAndThreadedResultsMatchAFreshHighlighter) {
  const std::string code = "fn main() { let x = \"y\"; }\n";
  const std::string expected = fence("rust", code);
  Highlighter shared(1 << 12);  // small: entries are evicted while threads run
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        std::string out;
        shared.highlight_fence(t % 2 == 0 ? "rust" : "rs", code + std::to_string(i % 5),
                               ClassScheme::kSemantic, out);
        if (i % 5 == 0) results[t] = out;
      }
    });
  }
  for (auto& th : threads) th.join();
  std::string zero = fence("rust", code + "0");
  for (const auto& r : results) EXPECT_EQ(r, zero);
  EXPECT_NE(expected, zero);
}

}  // namespace
}  // namespace bengal::highlight
