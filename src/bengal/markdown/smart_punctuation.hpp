// Typographic punctuation in prose, as Zola's `smart_punctuation` and Hugo's typographer write
// it: straight quotes become curly ones (“ ” ‘ ’), "--" an en dash, "---" an em dash, "..." an
// ellipsis. Only text is changed: code, raw HTML, URLs and entities never reach it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bengal::markdown {

// What the text written so far ends with, which decides whether a quote opens or closes. One
// per block of text: a paragraph, a heading, a table cell.
class SmartPunctuation {
 public:
  // A new block: a quote at its start opens.
  void start_block() {
    before_ = Before::kSpace;
    escape_next_ = false;
  }
  // A line break, or text that is no prose (code, an entity, raw HTML) was written.
  void saw_space() { before_ = Before::kSpace; }
  void saw_word() { before_ = Before::kWord; }
  // The next text appended starts with a character written with a backslash ("\""), which
  // stays as it is.
  void escape_next() { escape_next_ = true; }

  // Appends `text` to `out` with its punctuation made typographic.
  void append(std::string_view text, std::string& out);

 private:
  enum class Before : uint8_t { kSpace, kOpening, kWord };
  Before before_ = Before::kSpace;
  bool escape_next_ = false;
};

// `text` with its punctuation made typographic, as one block (a summary, a heading's title).
std::string smart_punctuation(std::string_view text);

}  // namespace bengal::markdown
