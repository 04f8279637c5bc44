// Line and column of a byte offset in the Markdown being rendered, for RenderWarning. Offsets
// asked in increasing order (source order) cost one pass over the text in all, so a page of a
// hundred thousand warnings stays linear. Internal to the Markdown stage.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

namespace bengal::markdown {

class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}

  // 1-based line and byte column of `offset` (at most the text's size).
  std::pair<uint32_t, uint32_t> position(size_t offset) {
    if (offset > text_.size()) offset = text_.size();
    if (offset < at_) *this = LineCounter(text_);  // asked out of order: count again
    while (at_ < offset) {
      const void* nl = std::memchr(text_.data() + at_, '\n', offset - at_);
      if (nl == nullptr) {
        at_ = offset;
        break;
      }
      at_ = static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
      line_start_ = at_;
      ++line_;
    }
    return {line_, static_cast<uint32_t>(offset - line_start_ + 1)};
  }

 private:
  std::string_view text_;
  size_t at_ = 0;  // counted up to here
  size_t line_start_ = 0;
  uint32_t line_ = 1;
};

}  // namespace bengal::markdown
