// Tokenizing code with KSyntaxHighlighting, behind a plain C++ interface so that only
// tokenizer.cpp sees Qt.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/highlight/token_style.hpp"

namespace bengal::highlight {

struct Token {
  uint32_t begin = 0;  // byte offsets into TokenizedCode::text
  uint32_t end = 0;
  TokenStyle style = TokenStyle::kNormal;
};

struct TokenizedCode {
  // The code as valid UTF-8 (invalid bytes become U+FFFD, as Qt decodes them), lines ending in
  // '\n' as in the input.
  std::string text;
  // Sorted, disjoint, never across a line end; plain text has no token and neighbours of one
  // style are merged.
  std::vector<Token> tokens;
};

// A pool of tokenizers, each with its own KSyntaxHighlighting Repository: a Repository and the
// definitions it loads on first use must not be shared between threads. A thread borrows one
// for a block, so there are as many as threads tokenizing at once. Thread-safe.
class TokenizerPool {
 public:
  TokenizerPool();
  ~TokenizerPool();

  // false when KSyntaxHighlighting has no definition of that name.
  bool tokenize(std::string_view definition, std::string_view code, TokenizedCode& out);

 private:
  class Worker;
  std::unique_ptr<Worker> borrow();
  void give_back(std::unique_ptr<Worker> worker);

  std::mutex mutex_;
  std::vector<std::unique_ptr<Worker>> idle_;
};

}  // namespace bengal::highlight
