#include "bengal/search/tokenize.hpp"

#include <algorithm>
#include <array>

#include "bengal/core/unicode_case.hpp"

namespace bengal::search {
namespace {

// Sorted, for binary search. Kept short: words so common that their posting lists would say
// nothing; the posting cap bounds every other word.
constexpr std::array<std::string_view, 33> kStopWords = {
    "an",  "and",  "are", "as",  "at",   "be",    "but",  "by",   "can",   "for", "from",
    "has", "have", "in",  "is",  "it",   "its",   "not",  "of",   "on",    "or",  "that",
    "the", "this", "to",  "was", "were", "which", "will", "with", "would", "you", "your"};

constexpr bool sorted_stop_words() {
  for (size_t i = 1; i < kStopWords.size(); ++i)
    if (!(kStopWords[i - 1] < kStopWords[i])) return false;
  return true;
}
static_assert(sorted_stop_words(), "kStopWords must be sorted");

// The code point at text[i] and its length; {UINT32_MAX, 1} for a byte that starts no
// well-formed sequence.
std::pair<uint32_t, size_t> decode(std::string_view text, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  unsigned char c = b(0);
  if (c < 0x80) return {c, 1};
  size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
  if (len == 0 || i + len > text.size()) return {UINT32_MAX, 1};
  uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < len; ++k) {
    if ((b(k) & 0xC0) != 0x80) return {UINT32_MAX, 1};
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {UINT32_MAX, 1};
  return {cp, len};
}

// Letters and digits of every script count as word characters, except the punctuation and
// symbol blocks that Latin text uses between words. search.js has the same table.
bool is_word_char(uint32_t cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp == UINT32_MAX) return false;
  if (cp <= 0xBF) return false;                    // Latin-1 controls, NBSP, « » ¿ ·
  if (cp == 0xD7 || cp == 0xF7) return false;      // × ÷
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, arrows, symbols, dashes, quotes
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;  // variation selectors
  if (cp == 0xFEFF) return false;
  return true;
}

}  // namespace

std::span<const std::string_view> stop_words() {
  return kStopWords;
}

bool is_stop_word(std::string_view term) {
  return std::binary_search(kStopWords.begin(), kStopWords.end(), term);
}

size_t char_count(std::string_view term) {
  size_t n = 0;
  for (char c : term) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string_view term_prefix(std::string_view term, size_t chars) {
  size_t i = 0;
  for (size_t n = 0; i < term.size(); ++i) {
    if ((static_cast<unsigned char>(term[i]) & 0xC0) != 0x80 && n++ == chars) break;
  }
  return term.substr(0, i);
}

std::string hex_name(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    auto b = static_cast<unsigned char>(c);
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

namespace detail {

size_t next_word(std::string_view text, size_t from, std::string& term) {
  term.clear();
  size_t i = from;
  while (i < text.size()) {
    auto [cp, len] = decode(text, i);
    if (is_word_char(cp)) break;
    i += len;
  }
  if (i >= text.size()) return std::string_view::npos;
  while (i < text.size()) {
    auto [cp, len] = decode(text, i);
    if (!is_word_char(cp)) break;
    if (len <= 2) {
      append_lower_char(term, text, i);  // the letters with case are one or two bytes long
    } else {
      term.append(text.substr(i, len));
      i += len;
    }
  }
  return i;
}

}  // namespace detail
}  // namespace bengal::search
