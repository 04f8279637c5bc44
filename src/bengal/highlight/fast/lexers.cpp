#include "bengal/highlight/fast/lexers.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

#include "bengal/highlight/fast/languages.hpp"

namespace bengal::highlight::fast {

namespace {

// Sorted by canonical name.
constexpr std::array<std::pair<std::string_view, LexFn>, 23> kLexers = {{
    {"bash", lex_shell},
    {"c", lex_c},
    {"cpp", lex_cpp},
    {"css", lex_css},
    {"diff", lex_diff},
    {"dockerfile", lex_dockerfile},
    {"go", lex_go},
    {"html", lex_html},
    {"ini", lex_ini},
    {"java", lex_java},
    {"javascript", lex_javascript},
    {"jinja", lex_jinja},
    {"json", lex_json},
    {"jsx", lex_jsx},
    {"markdown", lex_markdown},
    {"python", lex_python},
    {"rust", lex_rust},
    {"sql", lex_sql},
    {"toml", lex_toml},
    {"tsx", lex_tsx},
    {"typescript", lex_typescript},
    {"xml", lex_xml},
    {"yaml", lex_yaml},
}};

constexpr bool sorted_by_name() {
  for (size_t i = 1; i < kLexers.size(); ++i)
    if (!(kLexers[i - 1].first < kLexers[i].first)) return false;
  return true;
}
static_assert(sorted_by_name(), "kLexers must be sorted by name for binary search");

// The length of the well-formed UTF-8 sequence at s[i], or 0 (overlong forms, surrogates and
// code points past U+10FFFF are ill-formed, as in the Unicode standard's table 3-7).
size_t utf8_sequence(std::string_view s, size_t i) {
  auto b = [&](size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return b(k) >= lo && b(k) <= hi;
  };
  unsigned c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
    unsigned hi = c == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned lo = c == 0xF0 ? 0x90 : 0x80;
    unsigned hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// Copies `code` with each ill-formed byte replaced by U+FFFD, so the markup is valid UTF-8
// and lexers never see a broken sequence. Valid text (nearly all) is copied in runs.
void append_valid_utf8(std::string_view code, std::string& out) {
  out.reserve(out.size() + code.size());
  size_t run = 0;
  size_t i = 0;
  while (i < code.size()) {
    // ASCII eight bytes at a time: code is mostly ASCII.
    uint64_t word = 0;
    if (i + 8 <= code.size()) {
      std::memcpy(&word, code.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(code[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = utf8_sequence(code, i);
    if (len != 0) {
      i += len;
      continue;
    }
    out.append(code.substr(run, i - run));
    out += "\xEF\xBF\xBD";
    run = ++i;
  }
  out.append(code.substr(run));
}

}  // namespace

LexFn find_lexer(std::string_view canonical) {
  auto it = std::lower_bound(kLexers.begin(), kLexers.end(), canonical,
                             [](const auto& entry, std::string_view n) { return entry.first < n; });
  return it != kLexers.end() && it->first == canonical ? it->second : nullptr;
}

bool has_lexer(std::string_view canonical) {
  return find_lexer(canonical) != nullptr;
}

bool tokenize(std::string_view canonical, std::string_view code, TokenizedCode& out) {
  LexFn lex = find_lexer(canonical);
  if (lex == nullptr) return false;
  out.text.clear();
  out.tokens.clear();
  append_valid_utf8(code, out.text);
  TokenSink sink(out.text, out.tokens);
  lex(out.text, sink);
  return true;
}

}  // namespace bengal::highlight::fast
