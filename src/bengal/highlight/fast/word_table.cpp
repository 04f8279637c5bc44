#include "bengal/highlight/fast/word_table.hpp"

#include <bit>

#include "bengal/core/unicode_case.hpp"

namespace bengal::highlight::fast {

namespace {

// FNV-1a: words are short, so a simple byte loop beats anything clever.
size_t hash_word(std::string_view w) {
  uint32_t h = 2166136261u;
  for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

template <typename Fn>
void for_each_word(std::string_view list, Fn fn) {
  size_t i = 0;
  while (i < list.size()) {
    size_t start = list.find_first_not_of(' ', i);
    if (start == std::string_view::npos) return;
    size_t end = list.find(' ', start);
    if (end == std::string_view::npos) end = list.size();
    fn(list.substr(start, end - start));
    i = end;
  }
}

}  // namespace

WordTable::WordTable(std::initializer_list<WordGroup> groups, bool ignore_case)
    : ignore_case_(ignore_case) {
  size_t count = 0;
  for (const WordGroup& g : groups) {
    for_each_word(g.words, [&](std::string_view w) {
      words_ += w;
      ++count;
    });
  }
  if (ignore_case_)
    for (char& c : words_) c = ascii_lower(c);
  // At most a quarter full: probes stay short for the misses, which are most lookups.
  slots_.resize(std::bit_ceil(count * 4 + 4));
  mask_ = slots_.size() - 1;
  size_t at = 0;
  for (const WordGroup& g : groups) {
    for_each_word(g.words, [&](std::string_view w) {
      std::string_view stored(words_.data() + at, w.size());
      at += w.size();
      size_t i = hash_word(stored) & mask_;
      while (!slots_[i].word.empty() && slots_[i].word != stored) i = (i + 1) & mask_;
      if (slots_[i].word.empty()) slots_[i] = {stored, {g.style, g.next}};  // first group wins
    });
  }
}

const WordInfo* WordTable::find(std::string_view word) const {
  if (word.empty() || word.size() > kMaxWordBytes) return nullptr;
  char buffer[kMaxWordBytes];
  if (ignore_case_) {
    for (size_t k = 0; k < word.size(); ++k) buffer[k] = ascii_lower(word[k]);
    word = std::string_view(buffer, word.size());
  }
  for (size_t i = hash_word(word) & mask_;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (s.word.empty()) return nullptr;
    if (s.word == word) return &s.info;
  }
}

}  // namespace bengal::highlight::fast
