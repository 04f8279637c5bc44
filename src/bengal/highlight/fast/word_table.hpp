// A language's reserved words (keywords, types, constants, built-ins) in one open-addressing
// table built once per language: a lookup is a hash of the word and usually one compare, which
// matters because every identifier of every block is looked up.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/highlight/token_style.hpp"

namespace bengal::highlight::fast {

// What the identifier after a word is: `def f`, `class C`.
enum class Next : uint8_t { kAny, kFunctionName, kTypeName };

struct WordInfo {
  TokenStyle style = TokenStyle::kNormal;
  Next next = Next::kAny;
};

// Space-separated words that share a style.
struct WordGroup {
  TokenStyle style;
  std::string_view words;
  Next next = Next::kAny;
};

class WordTable {
 public:
  // With ignore_case (SQL, Dockerfile) words are matched ASCII-case-insensitively.
  WordTable(std::initializer_list<WordGroup> groups, bool ignore_case = false);

  // nullptr when `word` is not listed.
  const WordInfo* find(std::string_view word) const;

 private:
  struct Slot {
    std::string_view word;  // into words_; empty for a free slot
    WordInfo info;
  };
  static constexpr size_t kMaxWordBytes = 32;
  std::string words_;  // every word, lowercased when ignore_case; never grows after build
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  bool ignore_case_;
};

}  // namespace bengal::highlight::fast
