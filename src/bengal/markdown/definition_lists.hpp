// Definition lists, as Hugo (goldmark), Jekyll (kramdown), PHP Markdown Extra and
// Python-Markdown's def_list write them, found line by line before md4c (which has none) sees
// the text:
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
// Internal to the Markdown stage: the renderer turns the blocks into <dl> markup, the body scan
// reads the same text without the markers, so both see the same words, links and headings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/markdown/line_blocks.hpp"

namespace bengal::markdown {

// A piece of a text, in order; together the pieces hold every line of the text once.
struct DefinitionBlock {
  enum Kind : uint8_t { kText, kListOpen, kTerm, kDefinition, kListClose };
  Kind kind = kText;
  // Whole lines as written, with their line ends: kText, Markdown outside any list; kTerm, the
  // term's line and, before a loose definition, the blank lines after it; kDefinition, its
  // marker line through its last line, blank lines after it included. Empty for the list's
  // open and close.
  std::string_view text;
  uint32_t line = 0;    // 1-based line of the text where `text` starts
  uint32_t indent = 0;  // kDefinition: the column of its text, which its other lines give up
  bool loose = false;   // kDefinition: a blank line stands before its marker
};

// The text in pieces; one kText piece when it holds no definition list.
std::vector<DefinitionBlock> find_definition_lists(std::string_view text);

// True when some line of `text` could open a definition: the cheap test before the above.
bool may_contain_definition_lists(std::string_view text);

// A line whose definition starts with a code fence (": ```python"): the passes that track
// fences line by line see one open there, as md4c does once the definition is dedented.
bool opens_definition_fence(std::string_view line, Fence& fence);

// The term of a kTerm block: its first line without indent and trailing blanks.
std::string_view definition_term(const DefinitionBlock& block);

// The text as the body scan reads it: each definition's marker taken out and its lines
// dedented as append_definition_body does, every other line as it is, line for line.
std::string without_definition_markers(std::string_view text);

// Appends the Markdown inside a kDefinition block: its first line without the marker, the
// others without `indent` columns of indent (a lazy line, with less, as it is). One line out
// for each line in, so line numbers stay those of the page.
void append_definition_body(std::string& out, const DefinitionBlock& block);

}  // namespace bengal::markdown
