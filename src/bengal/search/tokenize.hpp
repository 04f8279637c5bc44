// The words of the sharded search index (search/ in the output folder) and of its client,
// themes/default/static/assets/search.js, which must split a query the same way: lower-cased
// (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic; unicode_case.hpp), split at every
// character that is not a letter or digit, very common English words and terms of one
// character or more than kMaxTermBytes bytes left out.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace bengal::search {

inline constexpr size_t kMaxTermBytes = 40;

// Calls `emit(term)` for each term of `text`, in order, repeats included. Invalid UTF-8 separates
// words like punctuation does.
template <typename Emit>
void for_each_term(std::string_view text, Emit&& emit);

// The words left out of the index (and of queries): the manifest lists them for the client.
std::span<const std::string_view> stop_words();
bool is_stop_word(std::string_view term);

// The first `chars` characters of `term` (all of it when shorter).
std::string_view term_prefix(std::string_view term, size_t chars);
size_t char_count(std::string_view term);
// Bytes as lower-case hex: a shard's file name, safe whatever the term's script.
std::string hex_name(std::string_view bytes);

namespace detail {
// Splits `text` at word boundaries; `term` receives each lower-cased word. Returns the offset
// after the word, or npos at the end.
size_t next_word(std::string_view text, size_t from, std::string& term);
}  // namespace detail

template <typename Emit>
void for_each_term(std::string_view text, Emit&& emit) {
  std::string term;
  size_t at = 0;
  while ((at = detail::next_word(text, at, term)) != std::string_view::npos) {
    if (term.size() > kMaxTermBytes || char_count(term) < 2 || is_stop_word(term)) continue;
    emit(std::string_view(term));
  }
}

}  // namespace bengal::search
