// Block syntax md4c lacks, found line by line before md4c sees the text.
//
// Definition lists, as Hugo (goldmark), Jekyll (kramdown), PHP Markdown Extra and
// Python-Markdown's def_list write them:
//
//   Term                 each line of the paragraph before a definition is a term
//   Other term
//   : Its definition,    ":" and a blank after at most 3 spaces of indent opens a definition
//     on two lines.      lines indented to the definition's text are its blocks
//   : Another one.       more definitions of the same terms
//
//   Next term            after a blank line: the next item of the same list
//
//   :   A loose one      a blank line before the ":" makes it loose: its paragraphs keep <p>
//
// The terms must be a paragraph of their own (after a blank line, a heading or a code fence),
// and the list stands at the top level of the text: not in a list item or a block quote.
//
// Attribute lines, as kramdown's block IALs, Python-Markdown's attr_list and Hugo's block
// attributes write them: a line that is one attribute block ("{: .notice #id key=value}",
// or "{.notice}"), right after a paragraph or a heading of its own, gives it those attributes;
// after a blank line (or first), it gives them to the block on the next line.
//
// Internal to the Markdown stage: the renderer turns the blocks into markup, the body scan
// reads the same text without the syntax, so both see the same words, links and headings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/markdown/line_blocks.hpp"

namespace bengal::markdown {

// A piece of a text, in order; together the pieces hold every line of the text once.
struct SyntaxBlock {
  enum Kind : uint8_t { kText, kListOpen, kTerm, kDefinition, kListClose, kAttributes };
  Kind kind = kText;
  // Whole lines as written, with their line ends: kText, Markdown outside any list; kTerm, the
  // term's line and, before a loose definition, the blank lines after it; kDefinition, its
  // marker line through its last line, blank lines after it included. Empty for the list's
  // open and close. kAttributes: the attribute line, or empty where the attributes stand before
  // the paragraph or heading they follow.
  std::string_view text;
  // kAttributes: the inside of the block, for the block after it (heading_ids.hpp's syntax);
  // empty for the attribute line that gave them to the paragraph before it. For a heading
  // (`heading`), `text` is the heading's line and the attribute line, which are read as the
  // heading with the block at its end ("## Title {: .x}"), as heading_line writes it.
  std::string_view attributes;
  bool heading = false;
  uint32_t line = 0;    // 1-based line of the text where `text` starts
  uint32_t indent = 0;  // kDefinition: the column of its text, which its other lines give up
  bool loose = false;   // kDefinition: a blank line stands before its marker
};

// Which of the syntax to find.
struct BlockSyntax {
  bool definition_lists = false;
  bool attributes = false;
};

// The text in pieces; one kText piece when it holds none of `syntax`.
std::vector<SyntaxBlock> find_block_syntax(std::string_view text, BlockSyntax syntax);

// True when some line of `text` could be of `syntax`: the cheap test before the above.
bool may_contain_block_syntax(std::string_view text, BlockSyntax syntax);

// A line whose definition starts with a code fence (": ```python"): the passes that track
// fences line by line see one open there, as md4c does once the definition is dedented.
bool opens_definition_fence(std::string_view line, Fence& fence);

// The term of a kTerm block: its first line without indent and trailing blanks.
std::string_view definition_term(const SyntaxBlock& block);

// The text as the body scan reads it: each definition's marker taken out and its lines
// dedented as append_definition_body does, attribute lines blank, every other line as it is,
// line for line.
std::string without_block_syntax(std::string_view text, BlockSyntax syntax);

// Appends the heading of a kAttributes block for a heading, with its block at the end, and an
// empty line for the attribute line.
void append_heading_line(std::string& out, const SyntaxBlock& block);

// Appends the Markdown inside a kDefinition block: its first line without the marker, the
// others without `indent` columns of indent (a lazy line, with less, as it is). One line out
// for each line in, so line numbers stay those of the page.
void append_definition_body(std::string& out, const SyntaxBlock& block);

}  // namespace bengal::markdown
