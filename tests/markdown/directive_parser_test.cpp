// The directive block scan: which lines open, configure and close directives, the cases
// where colons are only text (code, indentation), and the warnings of broken nesting.
#include "bengal/markdown/directive_parser.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "bengal/markdown/directive_markup.hpp"

namespace bengal::markdown {
namespace {

bool raw_names(std::string_view name) {
  return name == "code-tabs" || name == "include";
}

// The pieces as "text|open name|close name" lines, for exact comparison.
std::string outline(const ParsedDirectives& p) {
  std::string out;
  for (const auto& piece : p.pieces) {
    switch (piece.kind) {
      case DirectivePiece::kText:
        out += 'T';
        out += std::to_string(piece.line);
        out += '[';
        out += piece.text;
        out += ']';
        break;
      // Appended piece by piece: g++ 12 -O3 warns falsely (-Wrestrict) on "<" + string.
      case DirectivePiece::kOpen:
        out += '<';
        out += p.directives[piece.directive].name;
        out += '>';
        break;
      case DirectivePiece::kClose:
        out += "</";
        out += p.directives[piece.directive].name;
        out += '>';
        break;
    }
  }
  return out;
}

std::string outline(std::string_view text) {
  return outline(parse_directives(text, raw_names));
}

std::vector<std::string> parser_warnings(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& w : parse_directives(text, raw_names).warnings)
    out.push_back(std::to_string(w.line) + ":" + std::to_string(w.column) + ": " + w.message);
  return out;
}

TEST(DirectiveParser, OpenerOptionsBodyAndCloser) {
  ParsedDirectives p = parse_directives(
      "Intro\n\n:::{note} A *title*\n:class: wide\n:open:\nBody\n:::\nAfter\n", raw_names);
  EXPECT_EQ(outline(p), "T1[Intro\n\n]<note>T6[Body\n]</note>T8[After\n]");
  ASSERT_EQ(p.directives.size(), 1u);
  const Directive& d = p.directives[0];
  EXPECT_EQ(d.name, "note");
  EXPECT_EQ(d.title, "A *title*");
  EXPECT_EQ(d.line, 3u);
  EXPECT_EQ(d.column, 1u);
  ASSERT_EQ(d.options.size(), 2u);
  EXPECT_EQ(d.options[0].key, "class");
  EXPECT_EQ(d.options[0].value, "wide");
  EXPECT_EQ(d.options[0].line, 4u);
  EXPECT_EQ(d.options[1].value, "true");
  EXPECT_EQ(d.body, "Body\n");
  EXPECT_TRUE(p.warnings.empty());
}

TEST(DirectiveParser, OptionsOnlyRightAfterTheOpener) {
  ParsedDirectives p = parse_directives(":::{note}\n\n:class: x\n:::\n", raw_names);
  EXPECT_TRUE(p.directives[0].options.empty());
  EXPECT_EQ(outline(p), "<note>T2[\n:class: x\n]</note>");
}

TEST(DirectiveParser, IndentUpToThreeSpacesAndCrlf) {
  EXPECT_EQ(outline("   :::{tip}\r\nx\r\n   :::\r\n"), "<tip>T2[x\r\n]</tip>");
  EXPECT_EQ(outline("    :::{tip}\n"), "T1[    :::{tip}\n]");
  EXPECT_EQ(outline("\t:::{tip}\n"), "T1[\t:::{tip}\n]");
}

TEST(DirectiveParser, NotDirectiveSyntax) {
  EXPECT_EQ(outline("::{note}\n"), "T1[::{note}\n]");
  EXPECT_EQ(outline("::: note\n"), "T1[::: note\n]");
  EXPECT_EQ(outline(":::{not e}\n"), "T1[:::{not e}\n]");
  EXPECT_EQ(outline(":::{}\n"), "T1[:::{}\n]");
  EXPECT_EQ(outline("a ::: b\n"), "T1[a ::: b\n]");
  // A stray closer is text.
  EXPECT_EQ(outline(":::\n"), "T1[:::\n]");
}

TEST(DirectiveParser, NothingInsideFencedCode) {
  EXPECT_EQ(outline("```\n:::{note}\n:::\n```\n"), "T1[```\n:::{note}\n:::\n```\n]");
  // A closing fence must be as long as the opening one and of the same character.
  EXPECT_EQ(outline("````md\n```\n:::{note}\n~~~~\n````\n:::{tip}\n:::\n"),
            "T1[````md\n```\n:::{note}\n~~~~\n````\n]<tip></tip>");
  // ```{name} is a plain code block.
  EXPECT_EQ(outline("```{note}\n:::{tip}\n```\n"), "T1[```{note}\n:::{tip}\n```\n]");
  // A backtick fence's info string holds no backtick: "``` a`b" is a paragraph.
  EXPECT_EQ(outline("``` a`b\n:::{tip}\n:::\n"), "T1[``` a`b\n]<tip></tip>");
}

TEST(DirectiveParser, ABodyMayHoldFences) {
  EXPECT_EQ(outline(":::{note}\n```\n:::\n```\n:::\n"), "<note>T2[```\n:::\n```\n]</note>");
}

TEST(DirectiveParser, NestingByColonCount) {
  EXPECT_EQ(outline("::::{tab-set}\n:::{tab-item} A\na\n:::\n:::{tab-item} B\nb\n:::\n::::\n"),
            "<tab-set><tab-item>T3[a\n]</tab-item><tab-item>T6[b\n]</tab-item></tab-set>");
  // Three colons everywhere: each closer closes the innermost.
  EXPECT_EQ(outline(":::{a}\n:::{b}\n:::\n:::\n"), "<a><b></b></a>");
  // A longer closer closes the innermost directive opened with as many colons.
  EXPECT_EQ(outline("::::{a}\n:::{b}\nx\n::::\n"), "<a><b>T3[x\n]</b></a>");
  EXPECT_EQ(parser_warnings("::::{a}\n:::{b}\nx\n::::\n"),
            std::vector<std::string>{"2:1: directive 'b' is not closed, so it ends where 'a' "
                                     "(line 1) does; close it with a line of ':::' or "
                                     "':::{/b}'"});
  // Fewer colons than any open directive: text.
  EXPECT_EQ(outline("::::{a}\n:::\n::::\n"), "<a>T2[:::\n]</a>");
}

TEST(DirectiveParser, NamedClosersCloseEverythingInside) {
  EXPECT_EQ(outline(":::{steps}\n:::{step} One\n1\n:::{step} Two\n2\n:::{/steps}\nafter\n"),
            "<steps><step>T3[1\n]<step>T5[2\n]</step></step></steps>T7[after\n]");
  EXPECT_TRUE(parser_warnings(":::{steps}\n:::{step} One\n:::{/steps}\n").empty());
  EXPECT_EQ(outline("a\n:::{/note}\nb\n"), "T1[a\n]T3[b\n]");
  EXPECT_EQ(parser_warnings("a\n  :::{/note}\n"),
            std::vector<std::string>{"2:3: ':::{/note}' closes no open directive named 'note'; "
                                     "remove it or fix the name"});
}

TEST(DirectiveParser, UnclosedAtTheEnd) {
  EXPECT_EQ(outline(":::{note}\nbody"), "<note>T2[body]</note>");
  EXPECT_EQ(parse_directives(":::{note}\nbody", raw_names).directives[0].body, "body");
  EXPECT_EQ(parser_warnings("x\n::::{note}\nbody\n"),
            std::vector<std::string>{"2:1: directive 'note' is not closed, so it ends where the "
                                     "text ends; close it with a line of '::::' or "
                                     "':::{/note}'"});
}

TEST(DirectiveParser, RawBodiesAreNotSplit) {
  ParsedDirectives p = parse_directives(
      ":::{code-tabs}\n```py\n:::\n```\n:::{note}\n:::{/note}\n:::\nafter\n", raw_names);
  EXPECT_EQ(outline(p), "<code-tabs></code-tabs>T8[after\n]");
  EXPECT_EQ(p.directives.size(), 1u);
  EXPECT_EQ(p.directives[0].body, "```py\n:::\n```\n:::{note}\n:::{/note}\n");
}

TEST(DirectiveParser, DeepNestingIsCutAtTheLimit) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += ":::{note}\n";
  ParsedDirectives p = parse_directives(text, raw_names);
  EXPECT_EQ(p.directives.size(), static_cast<size_t>(kMaxDirectiveDepth));
  ASSERT_FALSE(p.warnings.empty());
  EXPECT_EQ(p.warnings[0].line, 33u);
  EXPECT_EQ(p.warnings[0].message,
            "directive 'note' is nested deeper than 32 levels and is left as text (as are deeper "
            "ones); nest less deeply");
}

TEST(DirectiveParser, ThousandsOfLevelsStayLinear) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += ":::{note}\n";
  for (int i = 0; i < 100000; ++i) text += ":::\n";
  ParsedDirectives p = parse_directives(text, raw_names);
  EXPECT_EQ(p.directives.size(), static_cast<size_t>(kMaxDirectiveDepth));
  // The 32 directives close at the first 32 closers; the rest of the closers are text.
  EXPECT_EQ(p.pieces.back().kind, DirectivePiece::kText);
}

TEST(DirectiveParser, CheapTest) {
  EXPECT_FALSE(may_contain_directives("Plain: text\n```\ncode\n```\n"));
  EXPECT_TRUE(may_contain_directives(":::{note}\n"));
}

// Every directive and each of its options is on the reference page.
TEST(DirectiveTable, MatchesTheReferencePage) {
  std::ifstream in(BENGAL_SOURCE_DIR "/docs/content/reference/directives.md");
  ASSERT_TRUE(in) << "docs/content/reference/directives.md";
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  for (std::string_view name : directive_names()) {
    std::string quoted(1, '`');
    quoted += name;
    quoted += '`';
    EXPECT_NE(doc.find(quoted), std::string::npos) << name;
    std::string_view options = find_directive_kind(name)->options;
    for (size_t i = 0; i < options.size();) {
      size_t end = std::min(options.find(',', i), options.size());
      std::string option = "`:";
      option += options.substr(i, end - i);
      option += ':';
      EXPECT_NE(doc.find(option), std::string::npos) << name << " " << option;
      i = end + 1;
    }
  }
}

TEST(DirectiveTable, IsSortedAndKnowsItsAliases) {
  std::vector<std::string_view> names = directive_names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(find_directive_kind("tabs")->canonical, "tab-set");
  EXPECT_EQ(find_directive_kind("tab")->canonical, "tab-item");
  EXPECT_EQ(find_directive_kind("details")->canonical, "dropdown");
  EXPECT_EQ(find_directive_kind("grid")->canonical, "cards");
  EXPECT_EQ(find_directive_kind("nope"), nullptr);
  EXPECT_TRUE(is_raw_directive("code-tabs"));
  EXPECT_FALSE(is_raw_directive("note"));
}

}  // namespace
}  // namespace bengal::markdown

namespace bengal::markdown {
namespace {

// Markers take the fewest 'x' whose prefix the text does not hold; near-misses do not count.
TEST(DirectiveParser, UniqueMarkerPrefixAvoidsEveryPrefixInTheText) {
  EXPECT_EQ(unique_marker_prefix("plain", "directive"), "<!--bengal-directive-");
  EXPECT_EQ(unique_marker_prefix("<!--bengal-directive-0-->", "directive"),
            "<!--bengal-directivex-");
  EXPECT_EQ(unique_marker_prefix("bengal-directive- bengal-directivex- bengal-directivexxx-",
                                 "directive"),
            "<!--bengal-directivexx-");
  EXPECT_EQ(unique_marker_prefix("bengal-directivexx bengal-directive", "directive"),
            "<!--bengal-directive-");
  // A page of ten thousand near-misses, each longer than the last, takes one pass.
  std::string page;
  for (int k = 0; k < 10000; ++k) page += "bengal-anchor" + std::string(k % 50, 'x') + "-\n";
  EXPECT_EQ(unique_marker_prefix(page, "anchor"), "<!--bengal-anchor" + std::string(50, 'x') + "-");
}

}  // namespace
}  // namespace bengal::markdown
