// Where the hand-written lexers put their tokens: the TokenizedCode contract (sorted, disjoint,
// never across a line end, no plain tokens, neighbours of one style merged) is kept here, so a
// lexer only says "these bytes are a string".
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "bengal/highlight/tokenizer.hpp"

namespace bengal::highlight::fast {

class TokenSink {
 public:
  // `text` is the whole block; offsets given to add() are relative to `base` within it, so a
  // lexer run on an embedded region (a <script> body, a Markdown fence) writes in place.
  TokenSink(std::string_view text, std::vector<Token>& tokens, size_t base = 0)
      : text_(text), tokens_(tokens), base_(base) {}

  // A sink for the region starting at `offset` (relative to this sink's base).
  TokenSink at(size_t offset) const { return TokenSink(text_, tokens_, base_ + offset); }

  // [begin, end) must not contain a newline; kNormal adds nothing.
  void add(size_t begin, size_t end, TokenStyle style) {
    if (style == TokenStyle::kNormal || begin >= end) return;
    auto b = static_cast<uint32_t>(base_ + begin);
    auto e = static_cast<uint32_t>(base_ + end);
    // Tokens must be sorted and disjoint; a lexer that goes back (it should not) loses the
    // overlap instead of breaking the markup.
    if (!tokens_.empty() && b < tokens_.back().end) b = tokens_.back().end;
    if (b >= e) return;
    if (!tokens_.empty() && tokens_.back().end == b && tokens_.back().style == style) {
      tokens_.back().end = e;
    } else {
      tokens_.push_back({b, e, style});
    }
  }

  // Like add(), for spans that may cross lines (block comments, multi-line strings): one token
  // per line, newlines left out.
  void add_lines(size_t begin, size_t end, TokenStyle style) {
    if (style == TokenStyle::kNormal) return;
    std::string_view region = text_.substr(base_);
    while (begin < end) {
      // Searched within the span only, so many short spans on a long line stay linear.
      size_t nl = region.substr(begin, end - begin).find('\n');
      size_t stop = nl == std::string_view::npos ? end : begin + nl;
      add(begin, stop, style);
      begin = stop + 1;
    }
  }

 private:
  std::string_view text_;
  std::vector<Token>& tokens_;
  size_t base_;
};

}  // namespace bengal::highlight::fast
