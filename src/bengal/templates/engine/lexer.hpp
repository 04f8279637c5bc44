// Splits template source into text and tag tokens, applying whitespace control ({%- -%}),
// comments and {% raw %}. Internal to the template engine.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bengal::templates {

enum class TokenType : uint8_t {
  kText,
  kVarBegin,    // {{
  kVarEnd,      // }}
  kBlockBegin,  // {%
  kBlockEnd,    // %}
  kName,
  kString,  // value holds the unescaped text
  kInt,
  kFloat,
  kOp,  // ( ) [ ] { } , : . | ~ + - * / // % ** == != < <= > >= = ?? ??= ?. ?[ |>
  kEof,
};

struct Token {
  TokenType type = TokenType::kEof;
  std::string value;
  uint32_t line = 1, column = 1;
};

struct LexError {
  std::string message;
  uint32_t line = 0, column = 0;
};

// Returns false and fills `error` on an unterminated tag, comment, string or raw block.
bool tokenize(std::string_view source, std::vector<Token>& tokens, LexError& error);

}  // namespace bengal::templates
