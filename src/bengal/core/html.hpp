// HTML escaping shared by every stage that writes markup. One loop serves every escape set:
// a set is a table from byte to replacement, so text and URL escaping cost the same lookup.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace bengal {

// What each byte becomes under one escape set; a byte without a replacement is copied. Built
// at compile time, so a set costs no start-up work and is shared by threads without locks.
class EscapeTable {
 public:
  static constexpr size_t kMaxReplacementBytes = 8;

  // An empty `replacement` copies the byte again; a longer one than kMaxReplacementBytes is a
  // programming error, and a compile error in a constexpr table.
  constexpr void set(unsigned char byte, std::string_view replacement) {
    if (replacement.size() > kMaxReplacementBytes)
      throw std::length_error("escape replacement longer than kMaxReplacementBytes");
    size_[byte] = static_cast<uint8_t>(replacement.size());
    for (size_t i = 0; i < replacement.size(); ++i) text_[byte][i] = replacement[i];
  }
  constexpr bool escapes(unsigned char byte) const { return size_[byte] != 0; }
  constexpr std::string_view replacement(unsigned char byte) const {
    return {text_[byte], size_[byte]};
  }

 private:
  uint8_t size_[256] = {};  // apart from the text so that the scan touches 256 bytes only
  char text_[256][kMaxReplacementBytes] = {};
};

// Appends `text` with each byte that `table` escapes replaced.
void append_escaped(std::string& out, std::string_view text, const EscapeTable& table);

// & < > " (the set CommonMark renderers escape), so text is safe in element content and in
// double-quoted attributes.
extern const EscapeTable kHtmlEscapes;

inline void append_html_escaped(std::string& out, std::string_view text) {
  append_escaped(out, text, kHtmlEscapes);
}
inline std::string html_escape(std::string_view text) {
  std::string out;
  append_html_escaped(out, text);
  return out;
}

// Rendered Markdown of one paragraph without its <p>, for inline use (Hugo's markdownify, Zola's
// inline Markdown); any other HTML as it is.
inline std::string_view without_single_paragraph(std::string_view html) {
  if (html.starts_with("<p>") && html.ends_with("</p>\n") &&
      html.find("<p>", 3) == std::string_view::npos)
    return html.substr(3, html.size() - 8);
  return html;
}

}  // namespace bengal
