// Tokenizing code with KSyntaxHighlighting, behind a plain C++ interface so that only
// ksyntax_module.cpp sees Qt. That file is the shared module libbengal-ksyntax.so, which the
// pool loads on the first block it tokenizes (not at start: Qt and its libraries take 55 ms to
// load, and most sites never need them).
#pragma once

#include <cstdint>
#include <filesystem>
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
  // The module is libbengal-ksyntax.so beside the running program, else in the build folder
  // it was built in; `module` names another (tests).
  explicit TokenizerPool(std::filesystem::path module = {});
  ~TokenizerPool();
  TokenizerPool(const TokenizerPool&) = delete;
  TokenizerPool& operator=(const TokenizerPool&) = delete;

  // false when KSyntaxHighlighting has no definition of that name, or when the module cannot
  // be loaded (then the process's first such call prints a warning saying why).
  bool tokenize(std::string_view definition, std::string_view code, TokenizedCode& out);
  // Why the module could not be loaded; empty when it was, or before the first tokenize().
  std::string unavailable() const;

 private:
  struct Module;
  const Module* module();
  void* borrow(const Module& m);
  void give_back(void* worker);

  std::filesystem::path path_;
  std::once_flag loaded_;
  std::unique_ptr<Module> module_;
  mutable std::mutex mutex_;
  std::vector<void*> idle_;  // workers of the module's, guarded by mutex_
};

}  // namespace bengal::highlight
